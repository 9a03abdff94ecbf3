#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 180
#
# The Dynamic Tracing Guide's classic scripts for the proc, sched and io
# providers (chapters "proc Provider", "sched Provider", "io Provider"),
# run as the Guide gives them against a known workload, their output
# checked for shape and plausibility:
#  - proc: whoexec.d (exec / exec-success / exec-failure by parent and
#    program), the start-and-exit quantize, lwptime.d (lwp-start /
#    lwp-exit; the Guide's `tid != 1`, "not the process's first LWP", is
#    `tid != pid` on Linux), sig.d (signal-send by sender, recipient,
#    signal);
#  - sched: the per-CPU on-cpu time quantize, who wakes a process up;
#  - io: the per-device byte quantize, whoio.d, the iosnoop-style listing
#    with B_READ, iotime.d (start/done matched by b_edev and b_blkno), for
#    direct 4 KiB writes and reads of a null_blk device.  io:::start fires
#    where Linux hands the request to the driver (block_rq_issue): in the
#    process that submitted it or in a kblockd worker, so whoio.d's APP
#    may be "kworker/N:MH" where Solaris names the process.
set -u
. "$(dirname "$0")/stable.sh"
export DTRACE_LIBDIR=${DTRACE_LIBDIR-$DTRACE_TEST_SRCDIR/tools/dtrace/lib}

# quantize_rows FILE KEY: the "value count" rows of KEY's histogram in the
# default printa() output of a one-key quantize aggregation
quantize_rows() {
	awk -v k="$2" '
		NF == 1 && $1 == k { on = 1; next }
		on && /\|/ { print $1, $NF; next }
		on && NF == 0 { on = 0 }' "$1"
}
# quantize_total FILE KEY: the sum of KEY's counts
quantize_total() { quantize_rows "$1" "$2" | awk '{ n += $2 } END { print n + 0 }'; }

# ---- proc: whoexec.d ------------------------------------------------------------
cat >$T/whoexec.d <<'EOF'
#pragma D option quiet

proc:::exec
{
	self->parent = execname;
}

proc:::exec-success
/self->parent != NULL/
{
	@[self->parent, execname] = count();
	self->parent = NULL;
}

proc:::exec-failure
/self->parent != NULL/
{
	self->parent = NULL;
}

END
{
	printf("%-20s %-20s %s\n", "WHO", "WHAT", "COUNT");
	printa("%-20s %-20s %@d\n", @);
}
EOF
printf '/bin/true\n/bin/true\n/bin/true\n/nonexistent/prog 2>/dev/null\nexit 0\n' >$T/w.sh
$D -s $T/whoexec.d -c "/bin/sh $T/w.sh" >$T/whoexec 2>&1
rc=$?
cat $T/whoexec
[ $rc = 0 ] && head -1 $T/whoexec | grep -Eq '^WHO +WHAT +COUNT$' &&
	ok "whoexec.d: header" || bad "whoexec.d: exit $rc or no header"
awk '$1 == "sh" && $2 == "true" && $3 == 3 { y = 1 } END { exit !y }' $T/whoexec &&
	ok "whoexec.d: sh ran true 3 times" || bad "whoexec.d: no 'sh true 3'"
awk '$1 == "dtrace" && $2 == "sh" && $3 == 1 { y = 1 } END { exit !y }' $T/whoexec &&
	ok "whoexec.d: dtrace ran sh once" || bad "whoexec.d: no 'dtrace sh 1'"
awk '$2 == "prog" || $2 == "nonexistent" { y = 1 } END { exit y }' $T/whoexec &&
	ok "whoexec.d: the failed exec is not counted" || bad "whoexec.d: a failed exec counted"

# ---- proc: start and exit ----------------------------------------------------------
cat >$T/startexit.d <<'EOF'
proc:::start
{
	self->start = timestamp;
}

proc:::exit
/self->start/
{
	@[execname] = quantize(timestamp - self->start);
	self->start = 0;
}
EOF
printf '/bin/sleep 0.2\n/bin/sleep 0.2\n/bin/sleep 0.2\nexit 0\n' >$T/s.sh
$D -q -s $T/startexit.d -c "/bin/sh $T/s.sh" >$T/startexit 2>&1
cat $T/startexit
[ "$(quantize_total $T/startexit sleep)" = 3 ] &&
	ok "start/exit: 3 sleep processes" || bad "start/exit: sleep count '$(quantize_total $T/startexit sleep)'"
# every sleep lived at least 0.2 s (>= 2^27 ns bucket) and less than 8.6 s
quantize_rows $T/startexit sleep |
	awk '$2 > 0 && ($1 < 134217728 || $1 >= 8589934592) { b = 1 } END { exit b }' &&
	ok "start/exit: lifetimes in [2^27, 2^33) ns" || bad "start/exit: implausible lifetimes"

# ---- proc: lwptime.d --------------------------------------------------------------
cat >$T/lwptime.d <<'EOF'
proc:::lwp-start
/tid != pid/
{
	self->start = timestamp;
}

proc:::lwp-exit
/self->start/
{
	@[execname] = quantize(timestamp - self->start);
	self->start = 0;
}
EOF
printf 'import threading, time\nts = [threading.Thread(target=time.sleep, args=(0.05,)) for i in range(4)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n' >$T/thr.py
$D -q -s $T/lwptime.d -c "python3 $T/thr.py" >$T/lwptime 2>&1
cat $T/lwptime
[ "$(quantize_total $T/lwptime python3)" = 4 ] &&
	ok "lwptime.d: 4 python3 threads" || bad "lwptime.d: python3 count '$(quantize_total $T/lwptime python3)'"
quantize_rows $T/lwptime python3 |
	awk '$2 > 0 && $1 < 33554432 { b = 1 } END { exit b }' &&
	ok "lwptime.d: each thread lived >= 2^25 ns (it slept 50 ms)" || bad "lwptime.d: a thread too short"

# ---- proc: sig.d -------------------------------------------------------------------
cat >$T/sig.d <<'EOF'
#pragma D option quiet

proc:::signal-send
{
	@[execname, stringof(args[1]->pr_fname), args[2]] = count();
}

END
{
	printf("%20s %20s %12s %s\n",
	    "SENDER", "RECIPIENT", "SIG", "COUNT");
	printa("%20s %20s %12d %@d\n", @);
}
EOF
cat >$T/k.sh <<'EOF'
/bin/sleep 30 &
while [ "$(cat /proc/$!/comm)" != sleep ]; do :; done
kill -TERM $!
wait
kill -USR2 $! 2>/dev/null
exit 0
EOF
$D -s $T/sig.d -c "/bin/sh $T/k.sh" >$T/sig 2>&1
cat $T/sig
grep -Eq '^ +SENDER +RECIPIENT +SIG COUNT$' $T/sig &&
	ok "sig.d: header" || bad "sig.d: header"
awk '$1 == "sh" && $2 == "sleep" && $3 == 15 && $4 == 1 { y = 1 } END { exit !y }' $T/sig &&
	ok "sig.d: sh sent sleep SIGTERM once" || bad "sig.d: no 'sh sleep 15 1'"
awk '$1 == "sleep" && $2 == "sh" && $3 == 17 { y = 1 } END { exit !y }' $T/sig &&
	ok "sig.d: the dying sleep sent sh SIGCHLD" || bad "sig.d: no 'sleep sh 17'"
awk '$3 == 12 { y = 1 } END { exit y }' $T/sig &&
	ok "sig.d: no SIGUSR2 to a process that is gone" || bad "sig.d: SIGUSR2 counted"

# ---- sched: on-cpu time by CPU -----------------------------------------------------
cat >$T/oncpu.d <<'EOF'
sched:::on-cpu
{
	self->ts = timestamp;
}

sched:::off-cpu
/self->ts/
{
	@[cpu] = quantize(timestamp - self->ts);
	self->ts = 0;
}
EOF
printf 'import time\nfor i in range(6):\n    time.sleep(0.05)\n' >$T/sleep6.py
$D -q -s $T/oncpu.d -c "python3 $T/sleep6.py" >$T/oncpu 2>&1
head -40 $T/oncpu
ncpu=$(nproc)
keys=$(awk 'NF == 1 && $1 ~ /^[0-9]+$/ { print $1 }' $T/oncpu)
n=0 badkey=0 tot=0
for k in $keys; do
	n=$((n + 1))
	[ "$k" -lt "$ncpu" ] || badkey=1
	tot=$((tot + $(quantize_total $T/oncpu $k)))
done
[ $n -ge 1 ] && [ $badkey = 0 ] &&
	ok "oncpu.d: $n CPU keys, each < $ncpu" || bad "oncpu.d: CPU keys '$keys' (ncpu $ncpu)"
[ $tot -ge 6 ] && ok "oncpu.d: $tot on-cpu intervals" || bad "oncpu.d: $tot intervals"

# ---- sched: who wakes the sleeper up ---------------------------------------------
$D -q -n 'sched:::wakeup /args[1]->pr_pid == $target/ { @[execname] = count(); }
	END { printa("%s %@d\n", @); }' -c "python3 $T/sleep6.py" >$T/wake 2>&1
cat $T/wake
w=$(awk 'NF == 2 { n += $2 } END { print n + 0 }' $T/wake)
[ "$w" -ge 6 ] && ok "wakeup: the sleeper woken $w times (6 sleeps)" || bad "wakeup: '$w' wakeups"

# ---- io ---------------------------------------------------------------------------
if ! nullblk_up; then
	echo "SKIP io scripts: no null_blk ($(cat $T/mod))"
	exit $fail
fi
# 16 direct 4 KiB writes, then 4 direct 4 KiB reads
printf 'dd if=/dev/zero of=%s bs=4k count=16 oflag=direct 2>/dev/null\ndd if=%s of=/dev/null bs=4k count=4 iflag=direct 2>/dev/null\necho dd-done\n' \
	$dev $dev >$T/dd.sh

$D -q -n 'io:::start { @[args[1]->dev_statname] = quantize(args[0]->b_bcount); }' \
	-c "/bin/sh $T/dd.sh" >$T/iosize 2>&1
cat $T/iosize
[ "$(quantize_rows $T/iosize nullb0 | awk '$1 == 4096 { print $2 }')" = 20 ] &&
	[ "$(quantize_total $T/iosize nullb0)" = 20 ] &&
	ok "per-device quantize: nullb0 20 requests, all in the 4096 bucket" ||
	bad "per-device quantize for nullb0"

cat >$T/whoio.d <<'EOF'
#pragma D option quiet

io:::start
{
	@[args[1]->dev_statname, execname, pid] = sum(args[0]->b_bcount);
}

END
{
	printf("%10s %20s %10s %15s\n", "DEVICE", "APP", "PID", "BYTES");
	printa("%10s %20s %10d %15@d\n", @);
}
EOF
$D -s $T/whoio.d -c "dd if=/dev/zero of=$dev bs=4k count=16 oflag=direct" \
	-n 'BEGIN { printf("target %d\n", $target); }' >$T/whoio 2>&1
cat $T/whoio
tp=$(awk '$1 == "target" { print $2 }' $T/whoio)
grep -Eq '^ +DEVICE +APP +PID +BYTES$' $T/whoio && ok "whoio.d: header" || bad "whoio.d: header"
# io:::start fires where the request goes to the driver (block_rq_issue):
# in dd itself, or in the kblockd worker that runs the queue for it
awk -v p="$tp" '$1 == "nullb0" { n += $4; if (!($2 == "dd" && $3 == p) && $2 !~ /^kworker\//) b = 1 }
	END { exit b || n != 65536 }' $T/whoio &&
	ok "whoio.d: nullb0 65536 bytes, by dd ($tp) or a kblockd worker" ||
	bad "whoio.d: nullb0 lines are not 65536 bytes by dd $tp or kworkers"

cat >$T/iosnoop.d <<'EOF'
#pragma D option quiet

BEGIN
{
	printf("%10s %58s %2s\n", "DEVICE", "FILE", "RW");
}

io:::start
{
	printf("%10s %58s %2s\n", args[1]->dev_statname,
	    args[2]->fi_pathname, args[0]->b_flags & B_READ ? "R" : "W");
}
EOF
$D -s $T/iosnoop.d -c "/bin/sh $T/dd.sh" >$T/iosnoop 2>&1
head -5 $T/iosnoop
nw=$(awk '$1 == "nullb0" && $2 == "<unknown>" && $3 == "W"' $T/iosnoop | wc -l)
nr=$(awk '$1 == "nullb0" && $2 == "<unknown>" && $3 == "R"' $T/iosnoop | wc -l)
[ $nw = 16 ] && [ $nr = 4 ] && ok "iosnoop: 16 W and 4 R lines for nullb0" ||
	bad "iosnoop: $nw W, $nr R lines"

cat >$T/iotime.d <<'EOF'
#pragma D option quiet

BEGIN
{
	printf("%10s %58s %2s %7s\n", "DEVICE", "FILE", "RW", "MS");
}

io:::start
{
	start[args[0]->b_edev, args[0]->b_blkno] = timestamp;
}

io:::done
/start[args[0]->b_edev, args[0]->b_blkno]/
{
	this->elapsed = timestamp - start[args[0]->b_edev, args[0]->b_blkno];
	printf("%10s %58s %2s %3d.%03d\n", args[1]->dev_statname,
	    args[2]->fi_pathname, args[0]->b_flags & B_READ ? "R" : "W",
	    this->elapsed / 10000000, (this->elapsed / 1000) % 1000);
	start[args[0]->b_edev, args[0]->b_blkno] = 0;
}
EOF
$D -s $T/iotime.d -c "/bin/sh $T/dd.sh" >$T/iotime 2>&1
head -5 $T/iotime
head -1 $T/iotime | grep -Eq '^ +DEVICE +FILE +RW +MS$' && ok "iotime.d: header" || bad "iotime.d: header"
n=$(awk '$1 == "nullb0" && ($3 == "W" || $3 == "R") && $4 ~ /^[0-9]+\.[0-9][0-9][0-9]$/' $T/iotime | wc -l)
[ $n = 20 ] && ok "iotime.d: 20 timed requests (start and done matched by b_edev, b_blkno)" ||
	bad "iotime.d: $n timed lines"
nullblk_down
exit $fail
