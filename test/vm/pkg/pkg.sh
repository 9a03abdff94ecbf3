#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages on this machine (issue 13): in a package root over
# the host root (pkgroot.sh), `dpkg -i` the dtrace-dkms and dtrace .debs of
# `make deb` (made by vm-prepare into out/vm/deb), whose postinst has DKMS
# build both platform variants for the running kernel with nothing but its
# headers and a compiler (kconfig-frontends hidden); `modprobe dtrace`
# loads the variant for this platform and the packaged dtrace(1) traces a
# one-liner; `modprobe -r dtrace`; `dpkg --purge` both; then the package
# root's upper layer must hold nothing new but dpkg's own records.
#
# With PKG_UPGRADE_TO=KREL (test/vm/upgrade/build.sh), between the
# one-liner and the purge, kernel KREL is "installed" and apt's kernel hook
# runs (/etc/kernel/postinst.d/dkms KREL: dkms autoinstall for KREL, the
# kernel not running), and the upper layer is saved as
# $DTRACE_TEST_RESULTS/upgrade.tar for the boot of KREL
# (test/vm/upgrade/boot.sh).
set -u
here=$(dirname "$(realpath "$0")")
. "$here/pkgroot.sh"
pkg_ns "$@"
k=$(uname -r)
up=${PKG_UPGRADE_TO:-}
trap pkg_restore_module EXIT

debs="dtrace-dkms_${VER}_all.deb dtrace_${VER}_amd64.deb"
for d in $debs; do
	[ -f "$DEBDIR/$d" ] || { bad "no $DEBDIR/$d (make vm-prepare)"; exit 1; }
done
pkg_mount || { bad "package root"; exit 1; }
pkg_snapshot "$PKG/before"
for d in $debs; do cp "$DEBDIR/$d" "$R/tmp/"; done

echo "== dpkg -i $debs (kernel $k, $DTRACE_TEST_PLATFORM)"
in_root dpkg -i "/tmp/dtrace-dkms_${VER}_all.deb" "/tmp/dtrace_${VER}_amd64.deb" 2>&1 | sed 's/^/  | /'
if [ "${PIPESTATUS[0]}" = 0 ]; then
	ok "dpkg -i both ($(el))"
else
	bad "dpkg -i ($(el))"
fi
st=$(in_root dkms status dtrace 2>&1)
echo "$st" | sed 's/^/  dkms status: /'
echo "$st" | grep -q "^dtrace/$VER, $k, x86_64: installed" && ok "DKMS built and installed for $k" ||
	bad "DKMS did not install for $k"
for v in native xenpv; do
	f=/var/lib/dkms/dtrace/$VER/$k/x86_64/module/dtrace-$v.ko
	[ -f "$R$f" ] || f=$f.xz
	if [ -f "$R$f" ] && in_root modinfo -F description "$f" | grep -q "($v)"; then
		ok "built the $v variant"
	else
		bad "no $v variant built: $f"
	fi
done
[ -e "$R/var/lib/dkms/dtrace/$VER/build/.config" ] && bad "the DKMS build made a .config (kconfig)"
[ $fail = 0 ] || exit 1

pkg_modprobe "$k" || exit 1
in_root modprobe -r dtrace && [ ! -d /sys/module/dtrace ] && ok "modprobe -r dtrace" || bad "modprobe -r dtrace"

if [ -n "$up" ]; then
	echo "== kernel $up installed: /etc/kernel/postinst.d/dkms $up (not running: $k)"
	[ "$up" != "$k" ] || bad "the upgrade kernel is the running one"
	pkg_install_kernel "$up" 2>&1 | sed 's/^/  | /'
	if [ "${PIPESTATUS[0]}" = 0 ]; then
		ok "apt's kernel hook for $up ($(el))"
	else
		bad "apt's kernel hook for $up ($(el))"
	fi
	in_root dkms status dtrace 2>&1 | sed 's/^/  dkms status: /'
	for v in native xenpv; do
		f=$(in_root modinfo -k "$up" -n "dtrace-$v" 2>/dev/null)
		case $f in
		/lib/modules/$up/updates/dkms/dtrace-$v.ko*)
			if in_root modinfo -F vermagic "$f" | grep -q "^$up " &&
				in_root modinfo -F description "$f" | grep -q "($v)"; then
				ok "$f: built for $up, $v"
			else
				bad "$f: $(in_root modinfo -F vermagic "$f")"
			fi ;;
		*) bad "no dtrace-$v for $up: '$f'" ;;
		esac
	done
	[ $fail = 0 ] || exit 1
	pkg_save "$DTRACE_TEST_RESULTS/upgrade.tar" && ok "saved the machine for the boot of $up ($(du -k "$DTRACE_TEST_RESULTS/upgrade.tar" | cut -f1) KiB)" ||
		bad "saving the upper layer"
fi

pkg_purge "$PKG/before"
echo "total $(el)"
exit $fail
