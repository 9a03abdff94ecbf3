#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# sparse.sh KDIR BUILDDIR
# Runs sparse (C=2: every source, built or not) over the module with the
# kernel's default sparse checks plus CF flags, and fails on any warning or
# error it reports.
set -u
kdir=$1 build=$2
command -v sparse >/dev/null || { echo "sparse: not installed (apt-get install sparse)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
MAKEFLAGS= MAKELEVEL= make -C "$kdir" M="$build" C=2 CF="${SPARSE_FLAGS:--Wbitwise -Wcast-to-as -Wdefault-bitfield-sign -Wparen-string -Wptr-subtraction-blows -Wreturn-void -Wshadow -Wtypesign -Wundef}" modules >"$log" 2>&1
rc=$?
n=$(grep -cE '(warning|error):' "$log" || true)
checked=$(grep -cE '^ *CHECK ' "$log" || true)
grep -E '(warning|error):' "$log" | head -50
if [ "$checked" -eq 0 ]; then
	tail -20 "$log"
	echo "sparse: sparse did not run on any file (FAIL)"
	exit 1
fi
if [ $rc -ne 0 ] || [ "$n" -ne 0 ]; then
	[ $rc -ne 0 ] && tail -20 "$log"
	echo "sparse: $n warning(s)/error(s) (FAIL)"
	exit 1
fi
echo "sparse: $(grep -E '^ *CHECK ' "$log" | awk '{print $2}' | tr '\n' ' ')checked: 0 warnings (PASS)"
