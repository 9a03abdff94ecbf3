#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The fbt provider in the guest: entry arguments and return values of
# vfs_read (dd's read size), -F's entry/return layout, dtrace -l -P fbt,
# kernel text byte-identical before and after (and patched during), the
# kernel's function tracer and a kprobe event on the same function at the
# same time, and a module loaded and unloaded while its probes are
# enabled.  Expected values follow DTrace's documented behaviour: entry
# args are the function's arguments, return arg1 the return value.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=/sys/kernel/debug/tracing
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
DD="dd if=/dev/zero of=/dev/null bs=1234 count=1 status=none"

# -- listing ---------------------------------------------------------------
$D -l -P fbt >/tmp/fbt.list 2>/tmp/fbt.err || fail "dtrace -l -P fbt: $(cat /tmp/fbt.err)"
n=$(wc -l </tmp/fbt.list)
echo "dtrace -l -P fbt: $n lines"
grep -Eq '^ *[0-9]+ +fbt +vmlinux +vfs_read +entry$' /tmp/fbt.list &&
	grep -Eq '^ *[0-9]+ +fbt +vmlinux +vfs_read +return$' /tmp/fbt.list &&
	ok "vfs_read entry and return listed" || fail "vfs_read not listed"
[ "$n" -gt 10000 ] && ok "more than 10000 fbt probes" || fail "only $n fbt probes"
awk 'NR > 1 && $4 ~ /\./' /tmp/fbt.list | head -3 >/tmp/fbt.dots
[ -s /tmp/fbt.dots ] && fail "names with '.': $(cat /tmp/fbt.dots)" || ok "no '.' names"
awk 'NR > 1 && ($3 == "dtrace" || $4 ~ /^dtrace_/)' /tmp/fbt.list | head -3 >/tmp/fbt.own
[ -s /tmp/fbt.own ] && fail "dtrace.ko's own functions: $(cat /tmp/fbt.own)" || ok "no dtrace.ko functions"
for f in ktime_get_mono_fast_ns copy_from_kernel_nofault; do
	grep -Eq " $f +entry$" /tmp/fbt.list && fail "$f (probe context) listed"
done
awk 'NR > 1 && $2 != "fbt"' /tmp/fbt.list | head -1 | grep -q . &&
	fail "-P fbt lists other providers"

# -- entry arguments and return values -------------------------------------
out=$($D -q -n 'fbt::vfs_read:entry /execname == "dd" && arg2 == 1234/ { printf("entry %d\n", arg2); }
fbt::vfs_read:return /execname == "dd" && arg1 == 1234/ { printf("return %d %d\n", arg0, arg1); }' -c "$DD" 2>&1)
echo "$out"
echo "$out" | grep -qx "entry 1234" && ok "entry arg2 = dd's count" || fail "no vfs_read entry with count 1234"
echo "$out" | grep -qx "return -1 1234" && ok "return arg1 = bytes read, arg0 = -1" || fail "no vfs_read return of 1234"

# -- -F ---------------------------------------------------------------------
$D -F -n 'fbt::ksys_read:entry,fbt::vfs_read:entry,fbt::vfs_read:return,fbt::ksys_read:return /execname == "dd" && self->n < 4/ { self->n++; }' \
	-c "$DD" >/tmp/fbt.flow 2>/dev/null
cat /tmp/fbt.flow
head -1 /tmp/fbt.flow | grep -Eq '^CPU FUNCTION *$' && ok "-F heading" || fail "-F heading"
# DTrace: entry "-> f", nested two more columns, return "<- f" back out.
sed -n 2,5p /tmp/fbt.flow | sed -E 's/^ *[0-9]+ //; s/ +$//' >/tmp/fbt.flow2
printf '%s\n' ' -> ksys_read' '   -> vfs_read' '   <- vfs_read' ' <- ksys_read' |
	diff - /tmp/fbt.flow2 && ok "-F indents entry/return" || fail "-F layout"

# -- kernel text: patched while enabled, byte-identical after ------------
addr=$(awk '$3 == "vfs_read" && $2 ~ /^[tT]$/ { print $1; exit }' /proc/kallsyms)
peek() {
	$D -q -n "BEGIN { printf(\"%x %x\\n\", *(uint64_t *)0x$addr, *(uint64_t *)(0x$addr + 8)); exit(0); }" 2>&1
}
before=$(peek)
$D -q -n 'fbt::vfs_read:entry { @ = count(); } fbt::vfs_read:return { @r = count(); }' >/dev/null 2>&1 &
pid=$!
sleep 3
during=$(peek)
kill -INT $pid; wait $pid
after=$(peek)
echo "vfs_read at $addr: before $before, during $during, after $after"
[ -n "$before" ] && [ "$before" = "$after" ] && ok "text restored" || fail "text differs after disable"
[ "$before" != "$during" ] && ok "text patched while enabled" || fail "text not patched while enabled"

# -- other tracers on the same function at the same time -------------------
if [ -d $T ]; then
	echo vfs_read >$T/set_ftrace_filter
	echo function >$T/current_tracer
	echo 'p:fbtt vfs_read' >>$T/kprobe_events
	echo 1 >$T/events/kprobes/fbtt/enable
	echo >$T/trace
	out=$($D -q -n 'fbt::vfs_read:entry /execname == "dd" && arg2 == 1234/ { printf("entry %d\n", arg2); }' -c "$DD" 2>&1)
	grep -q 'dd-.*vfs_read' $T/trace && ok "function tracer saw vfs_read" || fail "function tracer saw nothing"
	grep -q 'dd-.*fbtt:' $T/trace && ok "kprobe event fired" || fail "kprobe event saw nothing"
	echo "$out" | grep -qx "entry 1234" && ok "dtrace with both tracers" || fail "dtrace with other tracers: $out"
	echo 0 >$T/events/kprobes/fbtt/enable
	echo '-:fbtt' >>$T/kprobe_events
	echo nop >$T/current_tracer
	echo >$T/set_ftrace_filter
	[ "$(peek)" = "$before" ] && ok "text restored after all tracers" || fail "text after all tracers"
else
	echo "no tracefs: skipped other tracers"
fi

# -- a module loaded and unloaded while its probes are enabled -------------
ko=$(ls /lib/modules/$(uname -r)/kernel/drivers/net/dummy.ko* 2>/dev/null | head -1)
if [ -n "$ko" ] && ! grep -q '^dummy ' /proc/modules; then
	$D -Z -q -n 'fbt:dummy::entry { @[probefunc] = count(); }
		fbt::vfs_read:entry /execname == "dd" && arg2 == 1234/ { printf("still %d\n", arg2); }
		END { printa("%s %@d\n", @); }' >/tmp/fbt.mod 2>&1 &
	pid=$!
	sleep 3
	insmod "$ko" numdummies=1 || fail "insmod $ko"
	$D -l -m dummy >/tmp/fbt.mlist 2>&1
	grep -q 'dummy_setup' /tmp/fbt.mlist && ok "module's probes appear on load" || fail "no probes for dummy: $(cat /tmp/fbt.mlist)"
	rmmod dummy || fail "rmmod dummy"
	$DD
	sleep 2
	kill -INT $pid; wait $pid
	cat /tmp/fbt.mod
	grep -q '^dummy_setup [1-9]' /tmp/fbt.mod && ok "dummy_setup fired while loaded" || fail "dummy_setup did not fire"
	grep -qx 'still 1234' /tmp/fbt.mod && ok "consumer kept running after rmmod" || fail "consumer stopped after rmmod"
	$D -l -m dummy >/tmp/fbt.mlist 2>&1
	grep -q 'dummy_setup' /tmp/fbt.mlist && fail "dummy's probes survive rmmod" || ok "probes gone with the module"
else
	echo "dummy.ko missing or loaded: module test skipped"
fi

cat /sys/kernel/debug/dtrace/status | grep -E '^(fbt_|probes|recursion)'
grep -q '^fbt_entry_sites_enabled: 0$' /sys/kernel/debug/dtrace/status &&
	grep -q '^fbt_return_probes_registered: 0$' /sys/kernel/debug/dtrace/status &&
	ok "nothing left enabled" || fail "sites left enabled"
grep -q '^fbt_filter_errors: 0$' /sys/kernel/debug/dtrace/status || fail "ftrace filter errors"
echo "$fails failures"
[ $fails -eq 0 ]
