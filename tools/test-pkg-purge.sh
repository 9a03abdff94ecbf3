#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-pkg-purge.sh - the purge check of the VM package tests
# (test/vm/pkg/pkgroot.sh's pkg_purge) must be able to fail.  On the host,
# in a private mount namespace: mount the machine `make vm-pkg-machine`
# baked for the first of KERNELS (out/vm/pkg-machine-KREL.tar: dtrace-dkms
# and dtrace installed, DKMS built), purge both packages and expect no
# leftover; then mount it again, add one leftover of each kind (a new
# file, a changed host file, a deleted host file), purge, and expect
# exactly those three reported.  Needs root; makes vm-deb and
# vm-pkg-machine first.  Prints `N passed, N failed`.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${PKGROOT_NS:-}" ]; then
	make -s -C "$src" vm-deb vm-pkg-machine KERNELS="${KERNELS:-6.1}" >/dev/null 2>&1 ||
		{ echo "FAIL make vm-pkg-machine"; echo "0 passed, 1 failed"; exit 1; }
	PKGROOT_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
. "$src/test/vm/lib.sh"
k=${KERNELS:-6.1}
k=$(vm_kernel_release "${k%% *}")
export DTRACE_TEST_SRCDIR=$src
. "$src/test/vm/pkg/pkgroot.sh"
m=$VM_OUT/pkg-machine-$k
pass=0 nfail=0
chk() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; nfail=$((nfail + 1)); fi; }

# run_purge OUT [strays]: mount the machine, purge, unmount
run_purge() {
	PKG=$(mktemp -d /tmp/pkg-purge.XXXXXX) R=$PKG/root U=$PKG/upper fail=0
	pkg_mount "$m.tar" || { echo "cannot mount $m.tar"; return 1; }
	if [ "${2:-}" = strays ]; then
		echo stray >"$R/usr/src/dtrace-stray"
		echo changed >>"$R/etc/hostname"
		rm -f "$R/etc/issue.net"
	fi
	pkg_purge "$m.before" >"$1" 2>&1
	echo "fail=$fail" >>"$1"
	umount -R "$R"; umount "$PKG"; rm -rf "$PKG"
}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
run_purge "$t/clean"
chk "clean purge: nothing left" "grep -qx 'ok purge left nothing behind' '$t/clean' && grep -qx fail=0 '$t/clean'"
run_purge "$t/strays" strays
grep '^  left: ' "$t/strays"
chk "purge with leftovers fails" "grep -qx fail=1 '$t/strays'"
chk "reports the new file" "grep -qx '  left: /usr/src/dtrace-stray f' '$t/strays'"
chk "reports the changed host file" "grep -qx '  left: /etc/hostname f' '$t/strays'"
chk "reports the deleted host file" "grep -qx '  left: /etc/issue.net c' '$t/strays'"
chk "reports nothing else" "[ \$(grep -c '^  left: ' '$t/strays') = 3 ]"
echo "$pass passed, $nfail failed"
[ $nfail = 0 ]
