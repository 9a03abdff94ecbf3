#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Fuzz the /dev/dtrace ioctls (test/ioctl-fuzz, built by `make ioctl-fuzz`)
# for a bounded time: malformed input must never hurt the kernel.  Run
# chrooted into the host root by the VM runner; the harness then checks
# dmesg (panic_on_warn) after the boot.
#
#   DTRACE_FUZZ_SECONDS  how long to fuzz (default 20)
#   DTRACE_FUZZ_SEED     the seed (default: the program's fixed seed)
#   DTRACE_FUZZ_ARGS     more arguments (e.g. "--mode hostile -v")
# The host environment does not reach the guest: `make vm-prepare` (run
# before every boot by make vmcheck) saves these variables, when set, in
# out/ioctl-fuzz/fuzz.env, which is read here for the ones not set.
#
# First every reproducer of an earlier finding runs (test/ioctl-fuzz/repro:
# each built-in case with --repro, each saved blob with --blob): the module
# must refuse them with a message or run them, never misbehave.
#
# The iteration being run is kept in $DTRACE_TEST_RESULTS/ioctl-fuzz.progress
# (the results share survives a crash): replay it with
#   dtrace-ioctl-fuzz --seed S --start I --iterations 1
set -u
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
bin=$REPO/out/ioctl-fuzz/dtrace-ioctl-fuzz
env_file=$REPO/out/ioctl-fuzz/fuzz.env

if [ -r "$env_file" ]; then
	# Only the three variables, only where the guest did not set them.
	s=$(sed -n 's/^DTRACE_FUZZ_SECONDS=\([0-9]*\)$/\1/p' "$env_file")
	d=$(sed -n 's/^DTRACE_FUZZ_SEED=\([0-9a-fA-Fx]*\)$/\1/p' "$env_file")
	a=$(sed -n 's/^DTRACE_FUZZ_ARGS=\([-a-z0-9 ]*\)$/\1/p' "$env_file")
	: "${DTRACE_FUZZ_SECONDS:=$s}" "${DTRACE_FUZZ_SEED:=$d}"
	: "${DTRACE_FUZZ_ARGS:=$a}"
fi
seconds=${DTRACE_FUZZ_SECONDS:-20}
[ -n "$seconds" ] || seconds=20

if [ ! -x "$bin" ]; then
	echo "# $bin missing: compiling it in the guest"
	bin=/tmp/dtrace-ioctl-fuzz
	gcc -O2 -Wall -Werror -I"$REPO" -I"$REPO/test/ioctl" \
		-I"$REPO/test/ioctl-fuzz" -o "$bin" \
		"$REPO"/test/ioctl-fuzz/fuzz.c "$REPO"/test/ioctl-fuzz/gen.c \
		"$REPO"/test/ioctl-fuzz/repro.c \
		"$REPO"/test/ioctl/consumer.c "$REPO"/test/ioctl/difasm.c \
		"$REPO"/test/ioctl/enabling.c ||
		{ echo "compiling the fuzzer failed"; exit 1; }
fi

status=0
for name in $("$bin" --list | cut -d' ' -f1); do
	echo "# repro $name"
	"$bin" --repro "$name"
	rc=$?
	[ $rc -eq 0 ] || { echo "not ok - repro $name: exit $rc"; status=1; }
done
n=0
for blob in "$REPO"/test/ioctl-fuzz/repro/*.bin; do
	[ -f "$blob" ] || continue
	n=$((n + 1))
	echo "# blob $(basename "$blob")"
	"$bin" --blob "$blob"
	rc=$?
	[ $rc -eq 0 ] || { echo "not ok - blob $(basename "$blob"): exit $rc"; status=1; }
done
[ $n -gt 0 ] || { echo "not ok - no blobs in $REPO/test/ioctl-fuzz/repro"; status=1; }

echo "# guest uptime $(cut -d" " -f1 /proc/uptime) s: starting"
set -- --seconds "$seconds"
[ -n "${DTRACE_FUZZ_SEED:-}" ] && set -- "$@" --seed "$DTRACE_FUZZ_SEED"
[ -n "${DTRACE_TEST_RESULTS:-}" ] &&
	set -- "$@" --progress "$DTRACE_TEST_RESULTS/ioctl-fuzz.progress"
# shellcheck disable=SC2086 # word splitting of the extra arguments wanted
"$bin" "$@" ${DTRACE_FUZZ_ARGS:-}
rc=$?
[ $rc -eq 0 ] || { echo "not ok - fuzzer: exit $rc"; status=1; }
exit $status
