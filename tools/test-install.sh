#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-install.sh - `make install DESTDIR=D` for an image builder: the
# module lands in D/lib/modules/KVER/updates/ and depmod -b D indexes it,
# for a kernel that is not the running one.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
k=${KVER:-$(echo ${KERNELS:-$("$src/tools/kernels.sh" 6.1)} | awk '{print $1}')}
o=$src/out/$k-native
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass=0 fail=0
chk() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }
[ -f "$o/dtrace.ko" ] || { make -s -C "$src" O="$o" native_defconfig && make -s -C "$src" O="$o" KVER="$k"; } >/dev/null 2>&1
chk "make install DESTDIR" "make -s -C '$src' O='$o' KVER='$k' install DESTDIR='$d' >/dev/null"
chk "module in updates/" "test -f '$d/lib/modules/$k/updates/dtrace.ko'"
chk "depmod -b indexed it" "grep -q '^updates/dtrace.ko:' '$d/lib/modules/$k/modules.dep'"
chk "modinfo in the image" "modinfo -b '$d' -k '$k' dtrace | grep -q 'vermagic: *$k '"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
