#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# An image built with `make install DESTDIR=` (both platform variants and
# the modprobe rule; out/vm/img, made host-side by test/vm/image.sh) loads on
# this machine, whatever it boots as: `modprobe dtrace` with the image as
# module root (MODPROBE_OPTIONS -d, -C for its modprobe.d) must load the
# variant for this platform (the other one would refuse with ENODEV) as the
# module `dtrace`, a BEGIN probe must fire, and `modprobe -r dtrace` must
# unload it.  The module under test is put back afterwards.
set -u
img=$DTRACE_TEST_SRCDIR/out/vm/img
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
k=$(uname -r)
want=dtrace-$DTRACE_TEST_PLATFORM.ko
[ -f "$img/lib/modules/$k/updates/dtrace/$want" ] || { echo "no image for $k (make vm-prepare)"; exit 1; }
restore() {
	rmmod dtrace 2>/dev/null
	insmod "$DTRACE_TEST_MODULE" || echo "could not reload $DTRACE_TEST_MODULE"
}
trap restore EXIT
export MODPROBE_OPTIONS="-d $img -C $img/lib/modprobe.d"
rmmod dtrace || exit 1
modprobe -n -v dtrace
modprobe dtrace || { echo "FAIL modprobe dtrace from the image"; dmesg | tail -n 3; exit 1; }
echo "PASS modprobe dtrace from the image"
[ -d /sys/module/dtrace ] || { echo "FAIL no module dtrace loaded"; exit 1; }
# Which file: the variants differ in srcversion (their Kconfig headers).
got=$(cat /sys/module/dtrace/srcversion 2>/dev/null)
exp=$(modinfo -F srcversion "$img/lib/modules/$k/updates/dtrace/$want")
[ "$got" = "$exp" ] || { echo "FAIL loaded srcversion $got, $want has $exp"; exit 1; }
echo "PASS loaded $want ($exp)"
out=$("$D" -q -n 'BEGIN { trace("from the image"); exit(0); }' 2>&1)
echo "$out"
echo "$out" | grep -q 'from the image' || { echo "FAIL BEGIN did not fire"; exit 1; }
echo "PASS BEGIN fired"
modprobe -r dtrace || { echo "FAIL modprobe -r dtrace"; exit 1; }
[ ! -d /sys/module/dtrace ] || { echo "FAIL still loaded"; exit 1; }
echo "PASS modprobe -r dtrace"
