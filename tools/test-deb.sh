#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-deb.sh - `make deb` on the host: dpkg-buildpackage builds dtrace-dkms
# and dtrace; their file lists are what debian/ promises (the module source
# DKMS needs, with dkms.conf declaring arch and kernels, and the modprobe
# rule; the command and its manual page, nothing of the module); lintian
# reports no error.  Then both are installed into a scratch root (dpkg
# --root, maintainer scripts chrooted there with a static busybox /bin/sh
# and a stand-in dkms that logs its calls): configuring dtrace-dkms must
# hand the module to DKMS, purging must remove it from DKMS and leave no
# file of either package behind.  Needs root (chroot), debhelper, dh-dkms,
# lintian, busybox-static.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
ver=$(sed -n 's/^#define DTRACE_VERSION_STRING[^"]*"\(.*\)"/\1/p' "$src/dtrace.h")
out=$src/out/deb
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
chk() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }

chk "make deb (dpkg-buildpackage -us -uc -b, lintian)" "make -s -C '$src' deb >'$t/deb.log' 2>&1"
sed 's/^/  | /' "$t/deb.log" | grep -v 'root privileges' | tail -n 15
dkms_deb=$out/dtrace-dkms_${ver}_all.deb
cmd_deb=$out/dtrace_${ver}_amd64.deb
files() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$'; }
files "$dkms_deb" >"$t/dkms.files" 2>/dev/null
files "$cmd_deb" >"$t/cmd.files" 2>/dev/null
s=/usr/src/dtrace-$ver
for f in $s/dkms.conf $s/Makefile $s/Kbuild $s/Kconfig $s/dtrace.c $s/dtrace.h \
	$s/configs/native_defconfig.h $s/configs/xenpv_defconfig.h /lib/modprobe.d/dtrace.conf \
	/usr/share/doc/dtrace-dkms/copyright; do
	chk "dtrace-dkms has $f" "grep -qx '$f' '$t/dkms.files'"
done
chk "dtrace-dkms has no binaries or build output" "! grep -E '\\.(ko|o)\$|/out/|/\\.config\$' '$t/dkms.files'"
dpkg-deb --fsys-tarfile "$dkms_deb" 2>/dev/null | tar -xOf - ".$s/dkms.conf" >"$t/dkms.conf" 2>/dev/null
chk "dkms.conf: version $ver, x86_64 only, 6.1/6.12 only, autoinstall" \
	"grep -qx 'PACKAGE_VERSION=\"$ver\"' '$t/dkms.conf' && grep -q '^BUILD_EXCLUSIVE_ARCH=.*x86_64' '$t/dkms.conf' &&
	 grep -q '^BUILD_EXCLUSIVE_KERNEL=' '$t/dkms.conf' && grep -qx 'AUTOINSTALL=\"yes\"' '$t/dkms.conf'"
chk "dtrace-dkms depends on dkms" "dpkg-deb -f '$dkms_deb' Depends | grep -q 'dkms'"
for f in /usr/sbin/dtrace /usr/share/man/man1/dtrace.1.gz /usr/share/doc/dtrace/copyright \
	/usr/lib/dtrace/procfs.d /usr/lib/dtrace/sched.d /usr/lib/dtrace/io.d; do
	chk "dtrace has $f" "grep -qx '$f' '$t/cmd.files'"
done
chk "dtrace has nothing of the module" "! grep -E '/usr/src|modprobe|\\.ko' '$t/cmd.files'"
chk "lintian: no errors" "[ -f '$out/lintian.log' ] && ! grep -q '^E:' '$out/lintian.log'"

# Install and purge in a scratch root.
r=$t/root
mkdir -p "$r/var/lib/dpkg/info" "$r/var/lib/dpkg/updates" "$r/bin" "$r/usr/sbin" "$r/usr/lib/dkms"
: >"$r/var/lib/dpkg/status"; : >"$r/var/lib/dpkg/available"
cp "$(command -v busybox)" "$r/bin/sh"
printf '#!/bin/sh\necho "dkms $*" >>/dkms.log\ncase $1 in status) [ -f /dkms.added ] && echo "dtrace/%s: added";; remove) rm -f /dkms.added;; esac\nexit 0\n' "$ver" >"$r/usr/sbin/dkms"
printf '#!/bin/sh\necho "common.postinst $*" >>/dkms.log\n: >/dkms.added\n' >"$r/usr/lib/dkms/common.postinst"
chmod 755 "$r/usr/sbin/dkms" "$r/usr/lib/dkms/common.postinst"
find "$r" -mindepth 1 | sort >"$t/before"
chk "dpkg --root: install both" \
	"dpkg --root='$r' --force-depends -i '$dkms_deb' '$cmd_deb' >'$t/inst.log' 2>&1"
chk "installed: dtrace, its man page, module source, modprobe rule" \
	"test -x '$r/usr/sbin/dtrace' && test -f '$r/usr/share/man/man1/dtrace.1.gz' && test -f '$r/usr/lib/dtrace/procfs.d' && test -f '$r$s/dkms.conf' && test -f '$r/lib/modprobe.d/dtrace.conf'"
chk "configure handed dtrace $ver to DKMS" "grep -q '^common.postinst dtrace $ver ' '$r/dkms.log'"
chk "dpkg --root: purge both" "dpkg --root='$r' --purge dtrace-dkms dtrace >'$t/purge.log' 2>&1"
chk "purge removed it from DKMS" "grep -q '^dkms remove -m dtrace -v $ver --all' '$r/dkms.log'"
rm -f "$r/dkms.log"
find "$r" -mindepth 1 | grep -v '^'"$r"'/var/lib/dpkg/' | sort >"$t/after"
chk "purge left nothing behind" "diff '$t/before' '$t/after' | grep -v '/var/lib/dpkg' | grep '^[<>]' >'$t/left'; ! [ -s '$t/left' ]"
sed 's/^/  left: /' "$t/left"
chk "dpkg database: neither package known" \
	"! dpkg --root='$r' -s dtrace-dkms >/dev/null 2>&1 && ! dpkg --root='$r' -s dtrace >/dev/null 2>&1"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
