#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# machine.sh - host side of tests/deb-machine.host.t, run by `make
# vm-prepare` (after vm-deb): what a build host does for the instances it
# bakes.  In a package root over the host root (pkgroot.sh: an overlay with
# a tmpfs upper layer, in a private mount namespace) whose kernels are the
# ones the VM tests boot (KERNELS, default the newest 6.1 and 6.12; the
# host's own kernel is not among them), `dpkg -i` the dtrace-dkms and
# dtrace .debs of out/vm/deb: their postinst has DKMS build both platform
# variants for every kernel of the machine, with kconfig-frontends hidden.
# The upper layer is saved as out/vm/pkg-machine.tar (and a list of it
# before `dpkg -i` as out/vm/pkg-machine.before, for the purge check); each regular VM boot
# mounts it as its machine, loads with `modprobe dtrace`, traces and purges.
# A DKMS build in a TCG guest takes minutes (make vm-pkg and make
# vm-upgrade do that); here it takes seconds.
set -eu
. "$(dirname "$0")/../lib.sh"
if [ -z "${PKGROOT_NS:-}" ]; then
	PKGROOT_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
kernels=${KERNELS:-}
[ -n "$kernels" ] || kernels=$(vm_default_kernels)
PKG_KERNELS=
for k in $kernels; do PKG_KERNELS="$PKG_KERNELS $(vm_kernel_release "$k")"; done
export PKG_KERNELS=${PKG_KERNELS# }
export DTRACE_TEST_SRCDIR=$VM_SRCDIR
PKG=$(mktemp -d /tmp/pkg-machine.XXXXXX)
trap 'umount -R "$PKG" 2>/dev/null; rm -rf "$PKG"' EXIT
. "$VM_SRCDIR/test/vm/pkg/pkgroot.sh"
out=$VM_OUT/pkg-machine.tar
rm -f "$out" "$VM_OUT/pkg-machine.before"
pkg_mount || vm_die "cannot make the package root"
pkg_snapshot "$VM_OUT/pkg-machine.before"
for d in "dtrace-dkms_${VER}_all.deb" "dtrace_${VER}_amd64.deb"; do
	cp "$DEBDIR/$d" "$R/tmp/" || vm_die "no $DEBDIR/$d (make vm-deb)"
done
in_root dpkg -i "/tmp/dtrace-dkms_${VER}_all.deb" "/tmp/dtrace_${VER}_amd64.deb" >"$PKG/dpkg.log" 2>&1 ||
	{ cat "$PKG/dpkg.log"; vm_die "dpkg -i failed"; }
for k in $PKG_KERNELS; do
	for v in native xenpv; do
		in_root modinfo -k "$k" -F description "dtrace-$v" | grep -q "($v)" ||
			{ cat "$PKG/dpkg.log"; vm_die "DKMS built no dtrace-$v for $k"; }
	done
done
umount -R "$R"
pkg_save "$out"
echo "  MACHINE $out (dtrace-dkms, dtrace; DKMS for $PKG_KERNELS)"
