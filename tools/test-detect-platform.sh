#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-detect-platform.sh - the platform a machine runs is Xen PV on a Xen PV
# guest and native elsewhere (HVM and PVH included); tools/detect-platform.sh
# and the modprobe rule (tools/dtrace-modprobe.conf, run as modprobe runs it,
# dry-run against a DESTDIR image holding both variants) agree on every
# faked machine (DTRACE_SYSROOT: a /sys/hypervisor tree).  The rule falls
# back to plain `dtrace` when the variant is missing.  The VM tests check the
# real machines (test/vm/tests/platform.host.t, install.host.t).
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
k=$(ls /lib/modules | grep -E '^6\.(1|12)\.' | head -n 1)
# any small module of k stands in for dtrace.ko: modprobe -n reads only the index
ko=$(find "/lib/modules/$k/kernel" -name '*.ko' -size -8k 2>/dev/null | head -n 1)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
chk() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }

fake() { # NAME TYPE GUEST_TYPE
	mkdir -p "$t/$1/sys/hypervisor"
	[ -n "$2" ] && echo "$2" >"$t/$1/sys/hypervisor/type"
	[ -n "$3" ] && echo "$3" >"$t/$1/sys/hypervisor/guest_type"
	return 0
}
fake xenpv xen PV
fake xenhvm xen HVM
fake xenpvh xen PVH
fake bare "" ""

# An image with both variants, and one with a tuned build's dtrace.ko.
img() { # DIR FILES...
	d=$1; shift
	for f in "$@"; do install -D -m 0644 "$ko" "$d/lib/modules/$k/updates/$f"; done
	depmod -b "$d" "$k" 2>/dev/null
}
img "$t/both" dtrace/dtrace-native.ko dtrace/dtrace-xenpv.ko
img "$t/one" dtrace.ko
rule=$(modprobe -c -C "$src/tools/dtrace-modprobe.conf" | sed -n 's/^install dtrace //p')
chk "modprobe parses the rule" '[ -n "$rule" ]'
# rule IMAGE MACHINE: the module file the rule inserts
rule() {
	DTRACE_SYSROOT=$t/$2 MODPROBE_OPTIONS="-n -v -d $t/$1 -S $k" \
		sh -c "$(echo "$rule" | sed 's/\$CMDLINE_OPTS//g')" 2>&1 | sed -n 's|^insmod .*/updates/||p'
}
det() { DTRACE_SYSROOT=$t/$1 "$src/tools/detect-platform.sh" | awk '{print $1}'; }
for m in xenpv:xenpv xenhvm:native xenpvh:native bare:native; do
	machine=${m%%:*} want=${m#*:}
	chk "$machine: detect-platform says $want" '[ "$(det $machine)" = $want ]'
	chk "$machine: the rule loads dtrace-$want.ko" '[ "$(rule both $machine)" = "dtrace/dtrace-$want.ko " ]'
	chk "$machine: only dtrace.ko: the rule loads it" '[ "$(rule one $machine)" = "dtrace.ko " ]'
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
