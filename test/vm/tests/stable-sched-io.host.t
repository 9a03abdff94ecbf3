#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The sched and io providers (gen/860-prov-stable.c):
#  - listings: sched's on-cpu, off-cpu, sleep, preempt, wakeup, change-pri,
#    io's start and done; not the probes Linux has no event for (enqueue,
#    dequeue, remain-cpu, tick, wait-start, wait-done); -lv types io:::start's
#    args[1] devinfo_t * from struct request *;
#  - a process that sleeps 6 times (python3's time.sleep): its threads
#    alternate on-cpu and off-cpu (thread-local state: on-cpu fires as the
#    new thread), at least 6 of each and of sleep, each off-cpu's args[0]
#    the thread that runs next (the next on-cpu on that CPU: every one
#    but perhaps the last, when the consumer stops);
#  - `sched:::on-cpu { @[execname] = count(); }` (the issue's one-liner)
#    counts the workload's command name;
#  - io:::start and io:::done for `dd oflag=direct bs=4k count=16` to a
#    null_blk device: 16 write requests of 65536 bytes in all, each way;
#  - no callback stays registered after the consumers exit.
set -u
. "$(dirname "$0")/stable.sh"

$D -l -P sched -P io >$T/list 2>&1 || bad "dtrace -l -P sched -P io failed: $(cat $T/list)"
for p in sched:on-cpu sched:off-cpu sched:sleep sched:preempt sched:wakeup \
	sched:change-pri io:start io:done; do
	awk -v v=${p%%:*} -v p=${p#*:} '$2 == v && $NF == p { y = 1 } END { exit !y }' $T/list &&
		ok "listed: ${p%%:*}:::${p#*:}" || bad "not listed: ${p%%:*}:::${p#*:}"
done
grep -Eq ' (enqueue|dequeue|remain-cpu|tick|wait-start|wait-done)$' $T/list &&
	bad "a probe Linux has no event for is listed" || ok "enqueue, dequeue, remain-cpu, tick, wait-start, wait-done not offered"
$D -lv -n io:::start >$T/lv 2>&1
grep -q 'args\[1\]: devinfo_t \* (from struct request \*)' $T/lv &&
	ok "-lv: io:::start args[1] devinfo_t * from struct request *" ||
	{ bad "-lv io:::start argument types"; cat $T/lv; }

# ---- on-cpu / off-cpu pairs of a sleeping process --------------------------
printf 'import time\nfor i in range(6):\n    time.sleep(0.05)\n' >$T/sleep6.py
$D -q -n '
self int on;
sched:::on-cpu /pid == $target/ {
	@[self->on == 1 ? "on-after-on" : "on"] = count(); self->on = 1;
}
sched:::off-cpu /pid == $target/ {
	@[self->on == 1 ? "off" : "off-first"] = count(); self->on = 2;
	next[cpu] = ((struct task_struct *)arg0)->pid + 1;
}
sched:::on-cpu /next[cpu] > 0/ {
	@[next[cpu] == tid + 1 ? "next-ok" : "next-bad"] = count(); next[cpu] = -1;
}
sched:::sleep /pid == $target/ { @["sleep"] = count(); }
END { printa("%s %@d\n", @); }' \
	-c "python3 $T/sleep6.py" >$T/pairs 2>&1
cat $T/pairs
v() { awk -v k=$1 '$1 == k { print $2 }' $T/pairs; }
[ "$(v on)" -ge 6 ] 2>/dev/null && ok "on-cpu fired $(v on) times (6 sleeps)" || bad "on-cpu '$(v on)'"
[ "$(v off)" -ge 6 ] 2>/dev/null && ok "off-cpu after on-cpu $(v off) times" || bad "off-cpu '$(v off)'"
[ -z "$(v on-after-on)" ] && ok "on-cpu never twice without off-cpu" || bad "on-cpu twice in a row $(v on-after-on) times"
[ "$(v off-first)" ] && [ "$(v off-first)" -gt 1 ] && bad "off-cpu without on-cpu $(v off-first) times" ||
	ok "off-cpu without a preceding on-cpu at most once (the first)"
[ "$(v sleep)" -ge 6 ] 2>/dev/null && ok "sleep fired $(v sleep) times" || bad "sleep '$(v sleep)'"
# next[cpu] is the thread ID + 1 (the idle thread's is 0): set to -1, not 0,
# once checked (and self->on to 2 for off):
# a 0 would delete the variable, and deleting and allocating dynamic
# variables this often drops some.
[ "$(v next-ok)" -ge $(($(v off) - 1)) ] 2>/dev/null && [ -z "$(v next-bad)" ] &&
	ok "off-cpu args[0] is the thread on-cpu fires for next ($(v next-ok) times)" ||
	bad "off-cpu args[0] vs next on-cpu: ok '$(v next-ok)' bad '$(v next-bad)'"

# ---- the issue's one-liner ---------------------------------------------------
$D -q -n 'sched:::on-cpu { @[execname] = count(); }' \
	-c "python3 $T/sleep6.py" >$T/names 2>&1
head -20 $T/names
awk '$1 == "python3" && $2 >= 5 { y = 1 } END { exit !y }' $T/names &&
	ok "on-cpu by execname counts python3" || bad "no python3 in on-cpu by execname"

# ---- io:::start / done for a known dd ------------------------------------------
if nullblk_up; then
	$D -q -n '
	io:::start, io:::done
	/stringof(((struct request *)arg0)->q->disk->disk_name) == "nullb0" &&
	 (((struct request *)arg0)->cmd_flags & 0xff) == 1/ {
		@n[probename] = count();
		@b[probename] = sum(((struct request *)arg1)->__data_len);
	}
	END { printa("n %s %@d\n", @n); printa("b %s %@d\n", @b); }' \
		-c "dd if=/dev/zero of=$dev bs=4k count=16 oflag=direct" >$T/io 2>&1
	cat $T/io
	for p in start done; do
		grep -qx "n $p 16" $T/io && ok "io:::$p fired 16 times for 16 direct 4k writes" ||
			bad "io:::$p count: $(grep "^n $p" $T/io)"
		grep -qx "b $p 65536" $T/io && ok "io:::$p: 65536 bytes (__data_len)" ||
			bad "io:::$p bytes: $(grep "^b $p" $T/io)"
	done
	nullblk_down
else
	echo "SKIP io:::start/done counts: no null_blk ($(cat $T/mod))"
fi
for p in sched io; do
	[ "$(registered $p)" = 0 ] && ok "consumers gone: ${p}_tracepoints_registered 0" ||
		bad "${p}_tracepoints_registered '$(registered $p)' after the consumers exited"
done
exit $fail
