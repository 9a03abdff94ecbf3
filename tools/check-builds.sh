#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-builds.sh
# Builds dtrace.ko for every installed Debian 6.1 and 6.12 kernel (the
# -cloud- variants too, when installed; BUILD_KERNELS overrides) and both
# platforms, each in its own
# O= directory (out/KVER-PLATFORM, shared with vmcheck), and fails on any
# compiler, objtool or modpost warning.  Then checks each module's global
# symbols.  Prints one line per build and `N passed, N failed`.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
kernels=${BUILD_KERNELS:-$(ls /lib/modules 2>/dev/null | grep -E '^6\.(1|12)\.' | sort -V)}
platforms=${PLATFORMS:-native xenpv}
pass=0 fail=0
for k in $kernels; do
	[ -f "/lib/modules/$k/build/Makefile" ] || continue
	for p in $platforms; do
		o=$src/out/$k-$p
		log=$src/out/$k-$p.build.log
		mkdir -p "$o"
		t0=$(date +%s)
		if make -s -C "$src" O="$o" "${p}_defconfig" >"$log" 2>&1 &&
		   make -C "$src" O="$o" KVER="$k" >>"$log" 2>&1; then
			warn=$(grep -ciE 'warning|error:' "$log")
			if [ "$warn" -eq 0 ] &&
			   "$src/tools/check-symbols.sh" "$o/dtrace.ko" >>"$log" 2>&1; then
				echo "build $k $p: PASS (0 warnings, $(($(date +%s) - t0)) s)"
				pass=$((pass + 1))
				continue
			fi
			grep -iE 'warning|error:|check-symbols' "$log" | head -10
			echo "build $k $p: FAIL ($warn warnings; log $log)"
		else
			tail -15 "$log"
			echo "build $k $p: FAIL (log $log)"
		fi
		fail=$((fail + 1))
	done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
