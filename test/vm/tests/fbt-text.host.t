#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fbt provider: kernel text of vfs_read: patched while a probe is enabled,
# byte-identical after; the function tracer and a kprobe event on the
# same function at the same time as dtrace.
set -u
. "$(dirname "$0")/fbt.sh"

# -- kernel text: patched while enabled, byte-identical after ------------
before=$(peek vfs_read)
bg /tmp/fbt.bg -n 'fbt::vfs_read:entry { @ = count(); } fbt::vfs_read:return { @r = count(); }'
during=$(peek vfs_read)
kill -INT $bgpid; wait $bgpid
after=$(peek vfs_read)
echo "vfs_read: before $before, during $during, after $after"
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
	[ "$(peek vfs_read)" = "$before" ] && ok "text restored after all tracers" || fail "text after all tracers"
else
	echo "no tracefs: skipped other tracers"
fi

grep -q '^fbt_entry_sites_enabled: 0$' /sys/kernel/debug/dtrace/status &&
	grep -q '^fbt_return_probes_registered: 0$' /sys/kernel/debug/dtrace/status &&
	ok "nothing left enabled" || fail "sites left enabled"
grep -q '^fbt_filter_errors: 0$' /sys/kernel/debug/dtrace/status || fail "ftrace filter errors"
fbt_done
