# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# pkgroot.sh - sourced by the package and kernel-upgrade VM tests
# (test/vm/pkg/*.host.t, chrooted into the host root: see test/vm/README.md).
#
# The guest sees the host root read-only, so these tests give dpkg and dkms
# a machine of their own: an overlayfs whose lower layer is that root and
# whose upper layer is a guest tmpfs (PKG/upper), mounted at PKG/root with
# the guest's /proc, /sys and /dev and fresh tmpfs on /tmp and /run.  Every
# change the packages make lands in PKG/upper, where the tests look for
# leftovers.  It all lives in a private mount namespace (pkg_ns re-executes
# the test under unshare), so a killed test leaves no mount behind.
#
# The overlay's lower layer is the 9p share the host keeps changing (its
# /tmp, other builds): overlayfs must not see a lower file change under it
# (init.sh), so nothing here walks the share: only /usr, /etc, /var/lib,
# /boot and /lib/modules are looked up, which no job changes while a VM
# runs.  The .debs are copied in from outside the overlay.
#
# The machine's kernels: only the one running is "installed" (the other
# kernels' /boot/config-* are hidden, so dkms's postinst builds for the
# running kernel alone, as on a machine with one kernel); the kernel-upgrade
# tests install the other one's by putting its config back.  kconfig-frontends
# is hidden: a DKMS build must need only the headers and a compiler.

PKG=${PKG:-/tmp/pkgroot}
R=$PKG/root
U=$PKG/upper
VER=$(sed -n 's/^#define DTRACE_VERSION_STRING[^"]*"\(.*\)"/\1/p' "$DTRACE_TEST_SRCDIR/dtrace.h")
DEBDIR=$DTRACE_TEST_SRCDIR/out/vm/deb
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
t0=$SECONDS
el() { echo "$((SECONDS - t0)) s"; }

# pkg_ns "$@": first thing a test does: run the rest in a private mount
# namespace.
pkg_ns() {
	[ -n "${PKGROOT_NS:-}" ] && return 0
	PKGROOT_NS=1 exec unshare -m --propagation private "$0" "$@"
}

# in_root CMD...: run CMD in the package root, with a plain environment.
in_root() {
	chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
		LANG=C DEBIAN_FRONTEND=noninteractive "$@"
}

# pkg_mount [TARBALL]: the package root; TARBALL (from pkg_save) fills the
# upper layer first: the same machine after a reboot.  PKG_KERNELS: the
# kernels this machine has (default: the running one); the /boot/config-*
# of others are hidden, and with PKG_KERNELS set their /lib/modules/* too
# (the host's machine.sh: few files there; in a guest the overlay would
# whiteout thousands over 9p).
pkg_mount() {
	local k kk keep

	grep -qw overlay /proc/filesystems || modprobe overlay || return 1
	mkdir -p "$PKG" && mount -t tmpfs -o mode=755 pkgroot "$PKG" || return 1
	mkdir -p "$U" "$PKG/work" "$R"
	if [ -n "${1:-}" ]; then
		tar -C "$U" --xattrs --xattrs-include='trusted.*' -xpf "$1" || return 1
	fi
	mount -t overlay pkgroot -o "lowerdir=/,upperdir=$U,workdir=$PKG/work" "$R" || return 1
	mount --rbind /proc "$R/proc" && mount --rbind /sys "$R/sys" &&
		mount --rbind /dev "$R/dev" &&
		mount -t tmpfs -o mode=1777 tmp "$R/tmp" &&
		mount -t tmpfs -o mode=755 run "$R/run" || return 1
	[ -n "${1:-}" ] && return 0
	# A fresh machine: the running kernel only, no kconfig-frontends.
	keep=${PKG_KERNELS:-$(uname -r)}
	for k in "$R"/boot/config-*; do
		case " $keep " in *" ${k#"$R"/boot/config-} "*) ;; *) rm -f "$k" ;; esac
	done
	if [ -n "${PKG_KERNELS:-}" ]; then
		for k in "$R"/lib/modules/*; do
			case " $keep " in *" ${k#"$R"/lib/modules/} "*) ;; *) rm -rf "$k" ;; esac
		done
	fi
	rm -f "$R"/usr/bin/kconfig-* "$R"/usr/local/bin/kconfig-*
	for kk in $keep; do
		[ -e "$R/boot/config-$kk" ] || return 1
	done
}

# pkg_install_kernel K: kernel K's package arrives (its config in /boot:
# the rest of it is in the lower layer already) and apt runs its postinst
# hooks: dkms's is /etc/kernel/postinst.d/dkms K.
pkg_install_kernel() {
	[ -f "/boot/config-$1" ] || return 1
	cp -p "/boot/config-$1" "$R/boot/config-$1" &&
		in_root /etc/kernel/postinst.d/dkms "$1"
}

# pkg_snapshot FILE: every entry of the upper layer with its type and, for
# files, a checksum (whiteouts show as char devices).
pkg_snapshot() {
	(cd "$U" && find . -mindepth 1 \( -type f -printf '%p f ' -exec sh -c 'md5sum <"$1" | cut -c1-32' sh {} \; \) \
		-o \( -type c -printf '%p c\n' \) -o \( -type l -printf '%p l %l\n' \) \
		-o \( -type d -printf '%p d\n' \)) | sort >"$1"
}

# pkg_save TARBALL: the upper layer, to be mounted again in a later boot.
pkg_save() {
	tar -C "$U" --xattrs --xattrs-include='trusted.*' -cpf "$1.tmp" . && mv -f "$1.tmp" "$1"
}

# pkg_variant: the platform variant `modprobe dtrace` must load here.
pkg_variant() { echo "$DTRACE_TEST_PLATFORM"; }

# pkg_modprobe K: in the package root running kernel K, unload the module
# under test, `modprobe dtrace` (the rule in /lib/modprobe.d/dtrace.conf),
# check it loaded dtrace-PLATFORM.ko as built by DKMS for K, and run a
# one-liner with the packaged dtrace(1) that traces a system call of a
# command it starts.  Leaves the packaged module loaded.
pkg_modprobe() {
	local k=$1 want f got exp out

	want=dtrace-$(pkg_variant)
	rmmod dtrace || { bad "rmmod of the module under test"; return 1; }
	f=$(in_root modinfo -n "$want" 2>/dev/null)
	case $f in
	/lib/modules/$k/updates/dkms/$want.ko*) ok "DKMS installed $f" ;;
	*) bad "no $want.ko from DKMS for $k: '$f'"; return 1 ;;
	esac
	in_root modprobe -n -v dtrace
	if in_root modprobe dtrace; then
		ok "modprobe dtrace"
	else
		bad "modprobe dtrace"; dmesg | tail -n 3; return 1
	fi
	got=$(cat /sys/module/dtrace/srcversion 2>/dev/null)
	exp=$(in_root modinfo -F srcversion "$want")
	if [ -n "$got" ] && [ "$got" = "$exp" ]; then
		ok "loaded $want.ko ($exp), $(in_root modinfo -F description "$want")"
	else
		bad "loaded srcversion '$got', $want.ko has '$exp'"; return 1
	fi
	# dtrace -c runs /bin/false, whose exit_group(1) the clause sees.
	out=$(in_root timeout 40 dtrace -q -c /bin/false \
		-n 'syscall::exit_group:entry /pid == $target/ { printf("exit_group %d\n", arg0); }' 2>&1)
	echo "$out" | sed 's/^/  | /'
	if echo "$out" | grep -qx 'exit_group 1'; then
		ok "one-liner: syscall::exit_group:entry of dtrace -c /bin/false fired with arg0 1"
	else
		bad "one-liner"; return 1
	fi
}

# pkg_restore_module: put the module under test back (the harness rmmods it).
pkg_restore_module() {
	[ -d /sys/module/dtrace ] && { rmmod dtrace || in_root modprobe -r dtrace; }
	[ -d /sys/module/dtrace ] || insmod "$DTRACE_TEST_MODULE" || echo "could not reload $DTRACE_TEST_MODULE"
}

# pkg_purge BEFORE: `dpkg --purge` both packages; then the upper layer must
# hold nothing that BEFORE (pkg_snapshot of the machine before `dpkg -i`)
# did not, except what is listed below, and dpkg must know neither package.
pkg_purge() {
	echo "== dpkg --purge dtrace dtrace-dkms"
	in_root dpkg --purge dtrace dtrace-dkms 2>&1 | sed 's/^/  | /'
	if [ "${PIPESTATUS[0]}" = 0 ]; then
		ok "dpkg --purge both ($(el))"
	else
		bad "dpkg --purge ($(el))"
	fi
	pkg_snapshot "$PKG/after"
	# Left behind: what the upper layer gained or changed, except
	# - dpkg's own records: /var/lib/dpkg/{status,status-old,available,
	#   diversions*,statoverride*,lock*,triggers/*} and /var/log/dpkg.log
	#   (the database says the packages are gone, checked below);
	# - man-db's cache /var/cache/man (index.db, and the CACHEDIR.TAG of
	#   each language directory), which man-db's trigger updates after
	#   dtrace's manual page comes and goes (a cache of another package:
	#   its incremental update keeps the whatis entry of the removed page
	#   until man-db's daily purge, and it tags directories the host's
	#   own man-db runs left untagged; `man -w dtrace` must find no page,
	#   checked below);
	# - files dpkg or dkms rewrote with the content they had (copied up, same
	#   bytes as in the lower layer: modules.* that depmod regenerated);
	# - directories that exist in the lower layer (copied up as parents).
	comm -13 "$1" "$PKG/after" | while read -r p t rest; do
		p=${p#.}
		case $p in
		/var/lib/dpkg/status | /var/lib/dpkg/status-old | /var/lib/dpkg/available | \
		/var/lib/dpkg/available-old | /var/lib/dpkg/diversions* | /var/lib/dpkg/statoverride* | \
		/var/lib/dpkg/lock* | /var/lib/dpkg/triggers/* | /var/log/dpkg.log | \
		/var/cache/man/*) continue ;;
		esac
		case $t in
		d) [ -d "$p" ] && continue ;;
		f) [ -f "$p" ] && cmp -s "$U$p" "$p" && continue ;;
		l) [ -L "$p" ] && [ "$(readlink "$p")" = "${rest}" ] && continue ;;
		esac
		echo "$p $t"
	done >"$PKG/left"
	if [ -s "$PKG/left" ]; then
		bad "purge left these behind (upper layer):"
		sed 's/^/  left: /' "$PKG/left"
	else
		ok "purge left nothing behind"
	fi
	comm -23 "$1" "$PKG/after" | sed 's/^/  gone from the upper layer: /'
	in_root dpkg -s dtrace-dkms >/dev/null 2>&1 || in_root dpkg -s dtrace >/dev/null 2>&1 &&
		bad "dpkg still knows a package"
	[ -d "$R/var/lib/dkms/dtrace" ] && bad "/var/lib/dkms/dtrace still there"
	in_root man -w dtrace >/dev/null 2>&1 && bad "man still finds a dtrace(1) page"
	return 0
}
