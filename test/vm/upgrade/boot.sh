#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Second boot of `make vm-upgrade` (test/vm/upgrade.sh): the machine the
# first boot left (the package root's upper layer, saved by
# test/vm/upgrade/build.sh while running the other kernel, passed
# on by the host as out/vm/upgrade/KREL-PLATFORM.tar) now runs kernel KREL,
# which DKMS built for before the reboot.  With no action from the admin,
# `modprobe dtrace` must load the variant for this platform from
# /lib/modules/KREL/updates/dkms, and the packaged dtrace(1) must trace.
set -u
here=$(dirname "$(realpath "$0")")
. "$here/../pkg/pkgroot.sh"
pkg_ns "$@"
k=$(uname -r)
tar=$DTRACE_TEST_SRCDIR/out/vm/upgrade/$k-$DTRACE_TEST_PLATFORM.tar
[ -f "$tar" ] || { bad "no machine from the first boot: $tar"; exit 1; }
trap pkg_restore_module EXIT
pkg_mount "$tar" || { bad "package root from $tar"; exit 1; }
st=$(in_root dkms status dtrace 2>&1)
echo "$st" | sed 's/^/  dkms status: /'
echo "$st" | grep -q "^dtrace/$VER, $k, x86_64: installed" && ok "DKMS had installed dtrace for $k before the reboot" ||
	bad "dtrace not installed for $k"
in_root dpkg -s dtrace-dkms 2>/dev/null | grep -q '^Status: install ok installed' &&
	ok "dtrace-dkms installed" || bad "dtrace-dkms not installed"
pkg_modprobe "$k" || exit 1
in_root modprobe -r dtrace && [ ! -d /sys/module/dtrace ] && ok "modprobe -r dtrace" || bad "modprobe -r dtrace"
echo "total $(el)"
exit $fail
