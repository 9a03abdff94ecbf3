#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-dkms.sh
# Round-trips the module through Debian's dkms for every installed 6.1 and
# 6.12 kernel: `make dkms-src` copies the source to /usr/src/dtrace-VERSION,
# then dkms add, build -k K, install -k K (the module must appear under
# /lib/modules/K/updates and in modules.dep, built for the platform the
# build machine runs: native here), and remove --all (the module must be
# gone).  Needs root.  Prints one line per step and `N passed, N failed`.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
ver=$(sed -n 's/^#define DTRACE_VERSION_STRING[^"]*"\(.*\)"/\1/p' "$src/dtrace.h")
kernels=${KERNELS:-$(ls /lib/modules 2>/dev/null | grep -E '^6\.(1|12)\.' | sort -V)}
pass=0 fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

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

command -v dkms >/dev/null || { echo "dkms not installed"; echo "0 passed, 1 failed"; exit 1; }
dkms remove "dtrace/$ver" --all >/dev/null 2>&1
rm -rf "/usr/src/dtrace-$ver"
step "source to /usr/src/dtrace-$ver" make -s -C "$src" dkms-src DESTDIR=
step add dkms add "dtrace/$ver"
for k in $kernels; do
	[ -f "/lib/modules/$k/build/Makefile" ] || continue
	step "build $k" dkms build "dtrace/$ver" -k "$k"
	step "install $k" dkms install "dtrace/$ver" -k "$k"
	step "installed $k" sh -c "f=\$(modinfo -k '$k' -n dtrace) && case \$f in /lib/modules/$k/updates/*) ;; *) exit 1;; esac && modinfo -F description \"\$f\" | grep -q native"
done
step "remove --all" dkms remove "dtrace/$ver" --all
for k in $kernels; do
	[ -f "/lib/modules/$k/build/Makefile" ] || continue
	step "removed $k" sh -c "! modinfo -k '$k' -n dtrace >/dev/null 2>&1 && ! ls /lib/modules/$k/updates/dkms/dtrace.ko* >/dev/null 2>&1"
done
rm -rf "/usr/src/dtrace-$ver"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
