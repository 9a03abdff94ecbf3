#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# machine.sh - host side of tests/deb-machine.host.t, run by `make
# vm-prepare` (after vm-deb): what a build host does for the instances it
# bakes.  In a package root over the host root (pkgroot.sh: an overlay with
# a tmpfs upper layer, in a private mount namespace) whose kernels are the
# one a VM test boots (for each of KERNELS, default the newest 6.1 and
# 6.12; the host's own kernel is not it), `dpkg -i` the dtrace-dkms and
# dtrace .debs of out/vm/deb: their postinst has DKMS build both platform
# variants for that kernel, with kconfig-frontends hidden.  The upper layer
# is saved as out/vm/pkg-machine-KREL.tar (and a list of it before `dpkg
# -i` as out/vm/pkg-machine-KREL.before: unused since the boots stopped purging).
# One kernel a machine.  Each regular VM boot (tests/deb-machine.host.t)
# mounts it as its machine, loads with `modprobe dtrace` and traces; it
# does not purge (depmod under TCG takes minutes: make vm-pkg does that).
# A DKMS build in a TCG guest takes minutes (make vm-pkg and make
# vm-upgrade do that); here it takes seconds.
set -eu
. "$(dirname "$0")/../lib.sh"
if [ -z "${PKGROOT_NS:-}" ]; then
	PKGROOT_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
kernels=${KERNELS:-}
[ -n "$kernels" ] || kernels=$(vm_default_kernels)
export DTRACE_TEST_SRCDIR=$VM_SRCDIR
. "$VM_SRCDIR/test/vm/pkg/pkgroot.sh"

# machine KREL: out/vm/pkg-machine-KREL.{tar,before}
machine() {
	local out=$VM_OUT/pkg-machine-$1 v
	export PKG_KERNELS=$1
	PKG=$(mktemp -d /tmp/pkg-machine.XXXXXX) R=$PKG/root U=$PKG/upper
	rm -f "$out.tar" "$out.before"
	pkg_mount || vm_die "cannot make the package root"
	pkg_snapshot "$out.before"
	for v in "dtrace-dkms_${VER}_all.deb" "dtrace_${VER}_amd64.deb"; do
		cp "$DEBDIR/$v" "$R/tmp/" || vm_die "no $DEBDIR/$v (make vm-deb)"
	done
	in_root dpkg -i "/tmp/dtrace-dkms_${VER}_all.deb" "/tmp/dtrace_${VER}_amd64.deb" >"$PKG/dpkg.log" 2>&1 ||
		{ cat "$PKG/dpkg.log"; vm_die "dpkg -i failed"; }
	for v in native xenpv; do
		in_root modinfo -k "$1" -F description "dtrace-$v" | grep -q "($v)" ||
			{ cat "$PKG/dpkg.log"; vm_die "DKMS built no dtrace-$v for $1"; }
	done
	umount -R "$R"
	pkg_save "$out.tar"
	umount "$PKG" && rm -rf "$PKG"
	echo "  MACHINE $out.tar (dtrace-dkms, dtrace; DKMS for $1)"
}
for k in $kernels; do
	machine "$(vm_kernel_release "$k")"
done
