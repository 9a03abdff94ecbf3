#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernels.sh [SERIES...]
# Lists installed kernel releases that have headers (/lib/modules/R/build),
# newest last.  With SERIES (e.g. 6.1 6.12), only releases of those series,
# the newest of each.
list() {
	for d in /lib/modules/*/build; do
		[ -f "$d/Makefile" ] || continue
		r=${d#/lib/modules/}
		echo "${r%/build}"
	done | sort -V
}
if [ $# -eq 0 ]; then
	list
	exit 0
fi
for s in "$@"; do
	case $s in
	*-*) list | grep -Fx "$s" ;;
	*) list | grep "^$s\.[0-9]" | grep -v -- '-cloud-' | tail -n 1 ;;
	esac
done
