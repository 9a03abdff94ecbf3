#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-install.sh - `make install DESTDIR=D` for an image builder, for a
# kernel that is not the running one.  Without .config: both variants land
# in D/lib/modules/KVER/updates/dtrace/dtrace-{native,xenpv}.ko, each built
# for its platform and holding the module `dtrace`, the modprobe rule in
# D/lib/modprobe.d/dtrace.conf, and depmod -b D indexes them; the rule,
# dry-run against the image on a faked Xen PV and bare-metal machine, picks
# the right one.  With a .config (native_defconfig): exactly that build as
# updates/dtrace.ko, the variants removed, and the rule falls back to it.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
k=${KVER:-$(echo ${KERNELS:-$("$src/tools/kernels.sh" 6.1)} | awk '{print $1}')}
o=$src/out/$k-native
ov=$src/out/$k-variants
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass=0 fail=0
chk() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }
m=$d/lib/modules/$k/updates
rm -f "$ov/.config"
chk "make without .config builds both variants" "make -s -C '$src' O='$ov' KVER='$k' >'$d.log' 2>&1"
chk "make install DESTDIR (variants)" "make -s -C '$src' O='$ov' KVER='$k' install DESTDIR='$d' >/dev/null"
for v in native xenpv; do
	chk "dtrace-$v.ko in updates/dtrace/, built for $v" \
		"modinfo -F description '$m/dtrace/dtrace-$v.ko' | grep -q '($v)'"
	chk "dtrace-$v.ko holds the module dtrace" "[ \"\$(modinfo -F name '$m/dtrace/dtrace-$v.ko')\" = dtrace ]"
	chk "depmod -b indexed dtrace-$v" "grep -q '^updates/dtrace/dtrace-$v.ko:' '$d/lib/modules/$k/modules.dep'"
done
chk "modprobe rule in the image" "cmp -s '$src/tools/dtrace-modprobe.conf' '$d/lib/modprobe.d/dtrace.conf'"
mkdir -p "$d/pv/sys/hypervisor" "$d/bare/sys"
echo xen >"$d/pv/sys/hypervisor/type"; echo PV >"$d/pv/sys/hypervisor/guest_type"
rule=$(modprobe -c -C "$d/lib/modprobe.d/dtrace.conf" | sed -n 's/^install dtrace //p' | sed 's/\$CMDLINE_OPTS//g')
pick() { DTRACE_SYSROOT=$d/$1 MODPROBE_OPTIONS="-n -v -d $d -S $k" sh -c "$rule" 2>&1 | sed -n 's|^insmod .*/updates/||p'; }
chk "the rule on a Xen PV guest: dtrace-xenpv.ko" '[ "$(pick pv)" = "dtrace/dtrace-xenpv.ko " ]'
chk "the rule natively: dtrace-native.ko" '[ "$(pick bare)" = "dtrace/dtrace-native.ko " ]'
[ -f "$o/dtrace.ko" ] && [ -f "$o/.config" ] ||
	{ make -s -C "$src" O="$o" native_defconfig && make -s -C "$src" O="$o" KVER="$k"; } >/dev/null 2>&1
chk "make install DESTDIR (.config)" "make -s -C '$src' O='$o' KVER='$k' install DESTDIR='$d' >/dev/null"
chk "module in updates/" "test -f '$m/dtrace.ko'"
chk "variants removed" "! ls '$m'/dtrace/dtrace-*.ko >/dev/null 2>&1"
chk "depmod -b indexed it" "grep -q '^updates/dtrace.ko:' '$d/lib/modules/$k/modules.dep'"
chk "modinfo in the image" "modinfo -b '$d' -k '$k' dtrace | grep -q 'vermagic: *$k '"
chk "the rule falls back to dtrace.ko" '[ "$(pick pv)" = "dtrace.ko " ]'
rm -f "$d.log"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
