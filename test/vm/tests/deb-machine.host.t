#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 120
#
# The Debian packages on a machine baked by a build host (issue 13): the
# host installed dtrace-dkms and dtrace in a package root whose kernels are
# the VM's, and DKMS built both platform variants for each
# (test/vm/pkg/machine.sh, `make vm-prepare`: out/vm/pkg-machine-KREL.tar).  This
# boot mounts that machine (test/vm/pkg/pkgroot.sh), and with no action
# from the admin `modprobe dtrace` must load the variant DKMS built for
# this kernel and platform, the packaged dtrace(1) must trace a one-liner,
# and `modprobe -r dtrace` unload it.  The DKMS build and the purge inside
# a guest: make vm-pkg and make vm-upgrade (minutes each under TCG).
set -u
. "$DTRACE_TEST_SRCDIR/test/vm/pkg/pkgroot.sh"
pkg_ns "$@"
k=$(uname -r)
tar=$DTRACE_TEST_SRCDIR/out/vm/pkg-machine-$k.tar
[ -f "$tar" ] || { bad "no $tar (make vm-prepare)"; exit 1; }
trap pkg_restore_module EXIT
pkg_mount "$tar" || { bad "package root from $tar"; exit 1; }
in_root dkms status dtrace 2>&1 | sed 's/^/  dkms status: /'
pkg_modprobe "$k" || exit 1
in_root modprobe -r dtrace && [ ! -d /sys/module/dtrace ] && ok "modprobe -r dtrace" || bad "modprobe -r dtrace"
# No purge here: it runs depmod, which under TCG took over 280 s for one
# kernel in a Xen PV boot (6.1 and 6.12, 2026-12-03), over a test's limit.
# make vm-pkg and make vm-upgrade purge in the guest (as VM hooks), and
# tools/test-pkg-purge.sh purges this machine on the host.
echo "total $(el)"
exit $fail
