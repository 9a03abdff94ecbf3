#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-cmd-layering.sh DIR
#
# The consumer of dtrace(1) is layered, each file calling only the ones
# below it:
#
#   dt_consume -> dt_aggprint -> dt_printf -> dt_print -> dt_util
#
# (dt_consume.c may also call dt_printf.c and dt_print.c directly, and so
# on: any edge downwards is fine).  This check reads DIR/dt_*.o (out/cmd
# after `make cmd`) with nm and fails when an object needs a symbol,
# function or data, that an object above it defines: dt_util.o needing
# anything of the other four, dt_print.o anything of dt_printf.o,
# dt_aggprint.o or dt_consume.o, dt_printf.o anything of dt_aggprint.o or
# dt_consume.o, dt_aggprint.o anything of dt_consume.o.
#
# It fails too when it has nothing to check: a missing object, or one nm
# cannot read.
set -eu
dir=${1:?usage: check-cmd-layering.sh DIR}
layers='dt_util dt_print dt_printf dt_aggprint dt_consume'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for l in $layers; do
	o=$dir/$l.o
	if [ ! -f "$o" ]; then
		echo "check-cmd-layering: $o not found (make cmd first)" >&2
		exit 2
	fi
	if ! nm -u "$o" >"$tmp/$l.nm" 2>"$tmp/err" ||
	   ! nm --defined-only -g "$o" >>"$tmp/$l.nm.def" 2>>"$tmp/err"; then
		echo "check-cmd-layering: $o: FAIL: nm cannot read it: $(cat "$tmp/err")" >&2
		exit 1
	fi
	awk '{ print $NF }' "$tmp/$l.nm" | sort -u >"$tmp/$l.undef"
	awk '{ print $3 }' "$tmp/$l.nm.def" | sort -u >"$tmp/$l.def"
done

bad=0
for l in $layers; do
	above=
	seen=
	for u in $layers; do
		[ -n "$seen" ] && above="$above $u"
		[ "$u" = "$l" ] && seen=1
	done
	for u in $above; do
		comm -12 "$tmp/$l.undef" "$tmp/$u.def" >"$tmp/edge"
		while read -r sym; do
			echo "check-cmd-layering: FAIL: $l.o needs $sym from $u.o (an upward call: $l must not depend on $u)" >&2
			bad=$((bad + 1))
		done <"$tmp/edge"
	done
done
if [ "$bad" -ne 0 ]; then
	echo "check-cmd-layering: $bad upward reference(s)" >&2
	exit 1
fi
echo "check-cmd-layering: OK (dt_consume -> dt_aggprint -> dt_printf -> dt_print -> dt_util, no edge upwards)"
