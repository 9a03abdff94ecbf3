#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The module refuses enablings it has no memory for: buffer, aggregation,
# dynamic-variable and speculation sizes far beyond the guest's memory
# (1 GiB native, 1 GiB dom0; the largest size the module accepts is 256 MiB
# per CPU) fail with a message naming the cause, dtrace(1) exits 1, and
# nothing is lost: a normal consumer works right after, and the harness
# finds no allocator WARNING in dmesg.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/nomem.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

# try DESC OPTIONS...: dtrace OPTIONS must fail (status 1) and say why
try() {
	local desc=$1
	shift
	"$D" -q "$@" >$T/out 2>$T/err
	local rc=$?
	if [ $rc = 1 ] && grep -Eqi 'memory|space' $T/err; then
		ok "$desc refused: $(cat $T/err)"
	else
		bad "$desc: status $rc, $(cat $T/out $T/err)"
	fi
	# nothing lost: the next consumer traces normally
	"$D" -q -n 'BEGIN { printf("fine\n"); exit(0); }' >$T/out 2>$T/err
	rc=$?
	[ $rc = 0 ] && grep -qx fine $T/out && ok "after $desc: a consumer works" ||
		bad "after $desc: status $rc, $(cat $T/out $T/err)"
}

try "bufsize=256m" -x bufsize=256m -n 'BEGIN { exit(0); }'
try "aggsize=256m" -x aggsize=256m -n 'BEGIN { @ = count(); exit(0); }'
# 256m of dynamic variables alone fits in the guest; with 2 x 128m of
# aggregation buffers it does not.
try "dynvarsize=256m + aggsize=128m" -x dynvarsize=256m -x aggsize=128m \
	-n 'BEGIN { a[1] = 1; @ = count(); exit(0); }'
try "specsize=256m" -x specsize=256m -x nspec=4 \
	-n 'BEGIN { s = speculation(); speculate(s); trace(1); }' \
	-n 'BEGIN { exit(0); }'
grep -E '^(MemTotal|MemAvailable):' /proc/meminfo | sed 's/^/# /'
exit $fail
