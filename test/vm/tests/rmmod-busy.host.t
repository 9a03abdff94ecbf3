#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# rmmod attempted while a consumer is tracing: the module is in use (the
# consumer holds /dev/dtrace open), so rmmod is refused, the module stays
# loaded with its device, and the consumer goes on unaffected until it is
# interrupted: its END clause prints the ticks it counted and it exits 0.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/rmmodbusy.XXXXXX)
trap 'kill -9 $cpid 2>/dev/null; rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
mod=$(basename "${DTRACE_TEST_MODULE:-dtrace.ko}" .ko)

cat >$T/c.d <<'EOD'
BEGIN { printf("ready\n"); }
profile-97 { @p = count(); }
tick-100ms { @t = count(); }
END { printa("ticks %@d\n", @t); }
EOD
$D -q -s $T/c.d >$T/out 2>$T/err &
cpid=$!
# until it prints its BEGIN line (or dies)
while kill -0 $cpid 2>/dev/null && ! grep -qx ready $T/out; do
	sleep 0.2
done
grep -qx ready $T/out && ok "consumer started" || bad "consumer did not start: $(cat $T/err)"

# The consumer runs until it is interrupted: it is tracing during rmmod.
kill -0 $cpid 2>/dev/null || bad "consumer ended before rmmod"
if rmmod "$mod" >$T/rmmod.out 2>&1; then
	bad "rmmod $mod succeeded while a consumer was tracing"
	insmod "$DTRACE_TEST_MODULE"	# for the tests that follow
else
	ok "rmmod $mod refused while tracing: $(cat $T/rmmod.out)"
fi
grep -q "^$mod " /proc/modules && ok "$mod still loaded" || bad "$mod not in /proc/modules"
[ -c /dev/dtrace ] && ok "/dev/dtrace still there" || bad "/dev/dtrace gone"

# still tracing after the refusal: ticks keep coming, then SIGINT ends it
# (END runs, dtrace exits 0)
sleep 1
kill -0 $cpid 2>/dev/null && ok "consumer still running" || bad "consumer died"
kill -INT $cpid
wait $cpid
rc=$?
cpid=
[ $rc = 0 ] && ok "consumer exit status 0" || bad "consumer exit status $rc: $(cat $T/err)"
grep -Eq '^ticks [1-9][0-9]*$' $T/out && ok "consumer recorded ticks: $(grep ticks $T/out)" ||
	bad "consumer output: $(cat $T/out)"
[ -s $T/err ] && bad "consumer messages: $(cat $T/err)" || ok "no consumer messages"
exit $fail
