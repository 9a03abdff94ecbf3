#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 120
#
# The tracepoint issue's acceptance one-liners, each exactly as the issue
# gives it, run system-wide (no predicate) while a workload runs: a shell
# that runs programs, sleeps, and writes 64 KiB with direct I/O to a
# null_blk device.  dtrace(1) stops when the workload (-c) exits.  Checks:
#  - proc:::exec-success { trace(curpsinfo->pr_psargs); } traces each
#    program the workload ran;
#  - sched:::on-cpu { @[execname] = count(); } counts the workload's
#    programs;
#  - io:::start { @[args[1]->dev_statname] = sum(args[0]->b_bcount); }
#    sums at least the 65536 bytes written to nullb0;
#  - sdt:sched::sched_switch { @[probename] = count(); } counts switches.
set -u
. "$(dirname "$0")/stable.sh"
export DTRACE_LIBDIR=${DTRACE_LIBDIR-$DTRACE_TEST_SRCDIR/tools/dtrace/lib}

nullblk_up || echo "no null_blk ($(cat $T/mod)): no io workload"
cat >$T/work.sh <<EOF
/bin/true
/bin/echo work
/bin/sleep 0.1
/bin/ls / >/dev/null
${dev:+dd if=/dev/zero of=$dev bs=4k count=16 oflag=direct 2>/dev/null}
/bin/sleep 0.1
exit 0
EOF

run() {	# NAME PROGRAM: the one-liner, its output in $T/NAME
	$D -n "$2" -c "/bin/sh $T/work.sh" >$T/$1 2>&1
	echo "--- $1 (exit $?): dtrace -n '$2'"
	head -30 $T/$1
}

run exec 'proc:::exec-success { trace(curpsinfo->pr_psargs); }'
for p in /bin/true /bin/echo /bin/sleep /bin/ls; do
	grep -q "exec-success  *$p" $T/exec && ok "exec-success traced $p" ||
		bad "exec-success: no $p"
done

run oncpu 'sched:::on-cpu { @[execname] = count(); }'
for p in sh sleep; do
	awk -v p=$p '$1 == p && $2 > 0 { y = 1 } END { exit !y }' $T/oncpu &&
		ok "on-cpu counted $p" || bad "on-cpu: no $p"
done

if [ -n "$dev" ]; then
	run io 'io:::start { @[args[1]->dev_statname] = sum(args[0]->b_bcount); }'
	awk '$1 == "nullb0" && $2 >= 65536 { y = 1 } END { exit !y }' $T/io &&
		ok "io:::start summed >= 65536 bytes for nullb0" || bad "io: nullb0 sum"
	nullblk_down
fi

run sdt 'sdt:sched::sched_switch { @[probename] = count(); }'
awk '$1 == "sched_switch" && $2 >= 10 { y = 1 } END { exit !y }' $T/sdt &&
	ok "sdt:sched::sched_switch counted $(awk '$1 == "sched_switch" { print $2 }' $T/sdt)" ||
	bad "sdt sched_switch count"
exit $fail
