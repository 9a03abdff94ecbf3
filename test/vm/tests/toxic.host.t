#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Toxic ranges: D must never read device memory.  An ioremap'd device
# register page (a /proc/vmallocinfo "ioremap" line whose physical address
# is above the RAM, in the PCI/APIC/HPET window at 0xc0000000-0xffffffff)
# read from D - a pointer load, a string, tracemem() - is an ERROR
# "invalid address (ADDR)" naming the address, and nothing is printed
# from the device (as DTrace does for its toxic ranges).  A load from the
# direct map's VGA hole (0xa0000) is refused too, one at 1 MiB (RAM) is
# not.  Control: a page of ordinary memory in the same vmalloc range (an
# IRQ stack, mapped with vmap, or a vmalloc area) still reads.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/toxic.XXXXXX)
kr=$(cat /proc/sys/kernel/kptr_restrict)
trap 'echo $kr >/proc/sys/kernel/kptr_restrict; rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

# real addresses in /proc/vmallocinfo (root has CAP_SYSLOG)
echo 1 >/proc/sys/kernel/kptr_restrict
cat /proc/vmallocinfo >$T/vm

# $1: a D statement; runs it in a BEGIN clause, then exits from another
# (a fault ends the first clause only); out and err in $T/out, $T/err
dread() {
	timeout 30 $D -q -n "BEGIN { $1; }" -n 'BEGIN { exit(0); }' >$T/out 2>$T/err
}

# an ioremap line with phys= in the device window
dev=$(awk '/ ioremap/ { for (i = 1; i <= NF; i++) if ($i ~ /^phys=/) {
		p = substr($i, 6); sub(/^0x/, "", p);
		if (length(p) <= 8 && p >= "c0000000" && p <= "ffffffff" ||
		    length(p) == 16 && substr(p, 1, 8) == "00000000" &&
		    substr(p, 9) >= "c0000000") { print $1; exit } } }' $T/vm)
if [ -z "$dev" ]; then
	echo "no ioremap of device memory in /proc/vmallocinfo:"
	grep ioremap $T/vm
	exit 1
fi
a=${dev%%-*}
echo "device mapping: $(grep -m1 "^$dev" $T/vm)"

for e in "trace(*(uint32_t *)$a)" "trace(stringof((char *)$a))" \
	 "tracemem($a, 16)"; do
	dread "$e"
	if grep -qi "invalid address ($a)" $T/err && ! grep -q "[^[:space:]]" $T/out; then
		ok "$e refused: $(grep -m1 -i 'invalid address' $T/err)"
	else
		bad "$e: out '$(cat $T/out)', err '$(cat $T/err)'"
	fi
done

# the VGA hole in the direct map (page_offset_base holds its start)
po=$(awk '$3 == "page_offset_base" { print $1 }' /proc/kallsyms)
if [ -n "$po" ]; then
	dread "trace(*(uint32_t *)(*(uint64_t *)0x$po + 0xa0000))"
	if grep -qi "invalid address (0x" $T/err && ! grep -q "[^[:space:]]" $T/out; then
		ok "direct map of 0xa0000 refused: $(grep -m1 -i 'invalid address' $T/err)"
	else
		bad "direct map of 0xa0000: out '$(cat $T/out)', err '$(cat $T/err)'"
	fi
	dread "trace(*(uint32_t *)(*(uint64_t *)0x$po + 0x100000))"
	[ -s $T/out ] && ! [ -s $T/err ] && ok "direct map of 0x100000 (RAM) reads" ||
		bad "direct map of 0x100000: out '$(cat $T/out)', err '$(cat $T/err)'"
else
	bad "no page_offset_base in /proc/kallsyms"
fi

# control: ordinary memory in the vmalloc range
mem=$(awk '/irq_init_percpu_irqstack|map_irq_stack/ { print $1; exit }' $T/vm)
[ -n "$mem" ] || mem=$(awk '/ pages=[0-9]+ vmalloc/ && !/ioremap/ { print $1; exit }' $T/vm)
m=${mem%%-*}
dread "trace(*(uint64_t *)$m)"
[ -s $T/out ] && ! [ -s $T/err ] && ok "vmalloc-range RAM at $m reads: $(grep -m1 "^$mem" $T/vm)" ||
	bad "vmalloc-range RAM at $m ($(grep -m1 "^$mem" $T/vm)): out '$(cat $T/out)', err '$(cat $T/err)'"
exit $fail
