#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-dkms.sh
# Round-trips the module through Debian's dkms for every installed 6.1 and
# 6.12 kernel, none of which is the one running (as after `apt upgrade`):
# `make dkms-src` copies the source to /usr/src/dtrace-VERSION, `dkms add`,
# then `/etc/kernel/postinst.d/dkms K` (what apt runs when it installs
# kernel K: dkms autoinstall) must build and install BOTH platform variants,
# dtrace-native.ko and dtrace-xenpv.ko, under /lib/modules/K/updates and in
# modules.dep, each built for its platform.  The modprobe rule
# (tools/dtrace-modprobe.conf), run for kernel K as modprobe runs it with a
# faked /sys (DTRACE_SYSROOT), must pick the Xen PV variant on a Xen PV
# guest and the native one natively, on Xen HVM and PVH (modprobe -n: nothing
# is loaded).  Then dkms remove --all (both must be gone).  The build host
# must have no kconfig-frontends in PATH for the build (checked by hiding it).
# Needs root.  Prints one line per step and `N passed, N failed`.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
ver=$(sed -n 's/^#define DTRACE_VERSION_STRING[^"]*"\(.*\)"/\1/p' "$src/dtrace.h")
kernels=${KERNELS:-$(ls /lib/modules 2>/dev/null | grep -E '^6\.(1|12)\.' | sort -V)}
pass=0 fail=0
log=$(mktemp)
t=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$t"' EXIT

step() {
	name=$1; shift
	if "$@" >"$log" 2>&1; then
		echo "dkms $name: PASS"
		pass=$((pass + 1))
	else
		tail -20 "$log"
		echo "dkms $name: FAIL"
		fail=$((fail + 1))
	fi
}

# PATH without kconfig-conf: a DKMS build must not need kconfig-frontends.
mkdir -p "$t/bin"
for d in $(echo "$PATH" | tr : ' '); do
	for f in "$d"/*; do
		case ${f##*/} in kconfig-*) continue ;; esac
		[ -e "$t/bin/${f##*/}" ] || ln -s "$f" "$t/bin/${f##*/}" 2>/dev/null
	done
done
nokconf=$t/bin

# Fake machines for the modprobe rule.
fake() { # NAME TYPE GUEST_TYPE
	mkdir -p "$t/$1/sys/hypervisor"
	[ -n "$2" ] && echo "$2" >"$t/$1/sys/hypervisor/type"
	[ -n "$3" ] && echo "$3" >"$t/$1/sys/hypervisor/guest_type"
	return 0
}
fake xenpv xen PV; fake xenhvm xen HVM; fake xenpvh xen PVH; fake bare "" ""
rule=$(modprobe -c -C "$src/tools/dtrace-modprobe.conf" | sed -n 's/^install dtrace //p')
# picks K MACHINE VARIANT: the rule, as modprobe would run it for kernel K
# on MACHINE, inserts /lib/modules/K/.../dtrace-VARIANT.ko
picks() {
	out=$(DTRACE_SYSROOT=$t/$2 MODPROBE_OPTIONS="-n -v -S $1" \
		sh -c "$(echo "$rule" | sed 's/\$CMDLINE_OPTS//g')" 2>&1)
	echo "$out"
	echo "$out" | grep -q "^insmod /lib/modules/$1/updates/.*/dtrace-$3\.ko"
}

command -v dkms >/dev/null || { echo "dkms not installed"; echo "0 passed, 1 failed"; exit 1; }
dkms remove "dtrace/$ver" --all >/dev/null 2>&1
rm -rf "/usr/src/dtrace-$ver"
step "source to /usr/src/dtrace-$ver" make -s -C "$src" dkms-src DESTDIR= DKMS_NO_MODPROBE_CONF=1
step "source has no .config" test ! -e "/usr/src/dtrace-$ver/.config"
step add dkms add "dtrace/$ver"
for k in $kernels; do
	[ -f "/lib/modules/$k/build/Makefile" ] || continue
	step "$k is not the running kernel" test "$k" != "$(uname -r)"
	step "autoinstall $k (apt's hook), no kconfig-frontends" \
		env PATH="$nokconf" /etc/kernel/postinst.d/dkms "$k"
	for v in native xenpv; do
		step "installed $k $v" sh -c "f=\$(modinfo -k '$k' -n dtrace-$v) &&
			case \$f in /lib/modules/$k/updates/*) ;; *) exit 1;; esac &&
			modinfo -F description \"\$f\" | grep -q '($v)' &&
			[ \"\$(modinfo -F name \"\$f\")\" = dtrace ]"
	done
	step "rule, $k, Xen PV guest: xenpv" picks "$k" xenpv xenpv
	step "rule, $k, Xen HVM guest: native" picks "$k" xenhvm native
	step "rule, $k, Xen PVH guest: native" picks "$k" xenpvh native
	step "rule, $k, bare metal: native" picks "$k" bare native
done
step "remove --all" dkms remove "dtrace/$ver" --all
for k in $kernels; do
	[ -f "/lib/modules/$k/build/Makefile" ] || continue
	step "removed $k" sh -c "! modinfo -k '$k' -n dtrace-native >/dev/null 2>&1 &&
		! modinfo -k '$k' -n dtrace-xenpv >/dev/null 2>&1 &&
		! ls /lib/modules/$k/updates/dkms/dtrace* >/dev/null 2>&1"
done
rm -rf "/usr/src/dtrace-$ver"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
