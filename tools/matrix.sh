#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# matrix.sh sparse|check-insns|check-symbols
# What `make sparse`, `make check-insns` and `make check-symbols` run when none of O=, KVER=,
# KDIR= (or MODULE=) names one build: the check on every configuration this
# machine builds for.  Kernels: each installed Debian 6.1 and 6.12 release
# with headers, -cloud- variants included (BUILD_KERNELS overrides), as in
# check-builds.sh.  Platforms: both (PLATFORMS overrides), except Xen PV
# alone for check-insns (the build that must hold no privileged instruction).  Each configuration lives
# in out/KVER-PLATFORM (shared with check-builds and vmcheck, which also
# own it), configured from configs/PLATFORM_defconfig each time, and built
# first for check-insns and check-symbols.  Prints one line per configuration and
# `N passed, N failed`.
set -u
what=${1:?usage: matrix.sh sparse|check-insns|check-symbols}
src=$(cd "$(dirname "$0")/.." && pwd)
kernels=${BUILD_KERNELS:-$(ls /lib/modules 2>/dev/null | grep -E '^6\.(1|12)\.' | sort -V)}
case $what in
sparse | check-symbols) platforms=${PLATFORMS:-native xenpv} ;;
check-insns) platforms=xenpv ;;
*) echo "matrix.sh: unknown check '$what'" >&2; exit 2 ;;
esac
pass=0 fail=0
for k in $kernels; do
	[ -f "/lib/modules/$k/build/Makefile" ] || continue
	for p in $platforms; do
		o=$src/out/$k-$p
		log=$src/out/$k-$p.$what.log
		mkdir -p "$o"
		make -s -C "$src" O="$o" "${p}_defconfig" >"$log" 2>&1
		case $what in
		sparse) make -s -C "$src" O="$o" KVER="$k" sparse >>"$log" 2>&1 ;;
		check-*) make -s -C "$src" O="$o" KVER="$k" module >>"$log" 2>&1 &&
			"$src/tools/$what.sh" "$o/dtrace.ko" >>"$log" 2>&1 ;;
		esac
		if [ $? -eq 0 ]; then
			pass=$((pass + 1))
			echo "$what $k $p: PASS ($(tail -n 1 "$log"))"
		else
			fail=$((fail + 1))
			grep -E 'PRIVILEGED|warning|error' "$log" | head -20
			echo "$what $k $p: FAIL (log $log)"
		fi
	done
done
[ $((pass + fail)) -gt 0 ] || { echo "$what: no kernel headers for 6.1 or 6.12 installed (test/deps.sh installs them)"; fail=1; }
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
