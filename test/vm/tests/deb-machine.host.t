#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 300
#
# The Debian packages on a machine baked by a build host (issue 13): the
# host installed dtrace-dkms and dtrace in a package root whose kernels are
# the VM's, and DKMS built both platform variants for each
# (test/vm/pkg/machine.sh, `make vm-prepare`: out/vm/pkg-machine-KREL.tar).  This
# boot mounts that machine (test/vm/pkg/pkgroot.sh), and with no action
# from the admin `modprobe dtrace` must load the variant DKMS built for
# this kernel and platform, the packaged dtrace(1) must trace a one-liner,
# `modprobe -r dtrace` unload it, and `dpkg --purge` both packages must
# leave nothing behind (on kernels with uncompressed modules: see
# below).  The DKMS build inside a guest: make vm-pkg and
# make vm-upgrade (minutes a build under TCG).
set -u
. "$DTRACE_TEST_SRCDIR/test/vm/pkg/pkgroot.sh"
pkg_ns "$@"
k=$(uname -r)
tar=$DTRACE_TEST_SRCDIR/out/vm/pkg-machine-$k.tar
before=$DTRACE_TEST_SRCDIR/out/vm/pkg-machine-$k.before
[ -f "$tar" ] && [ -f "$before" ] || { bad "no $tar (make vm-prepare)"; exit 1; }
trap pkg_restore_module EXIT
pkg_mount "$tar" || { bad "package root from $tar"; exit 1; }
in_root dkms status dtrace 2>&1 | sed 's/^/  dkms status: /'
pkg_modprobe "$k" || exit 1
in_root modprobe -r dtrace && [ ! -d /sys/module/dtrace ] && ok "modprobe -r dtrace" || bad "modprobe -r dtrace"
# The purge runs depmod, which under TCG takes minutes for a kernel whose
# modules are xz-compressed (6.12: over 270 s in a Xen PV boot,
# 2026-12-03): there make vm-pkg and make vm-upgrade purge, not this test.
if [ -e "/lib/modules/$k/kernel/fs/overlayfs/overlay.ko.xz" ]; then
	echo "purge: not in this test for $k (compressed modules: depmod takes minutes under TCG; make vm-pkg purges)"
else
	pkg_purge "$before"
fi
echo "total $(el)"
exit $fail
