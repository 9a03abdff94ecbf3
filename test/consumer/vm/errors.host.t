#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run-time faults reported as DTrace words them; -c; -l.
. "$(dirname "$0")/lib.sh"

$D -qn 'BEGIN { trace(*(int *)8); } BEGIN { exit(0); }' >$T/out 2>$T/err
rc "fault status" $? 0
sed -E 's/DIF offset [0-9]+/DIF offset N/' $T/err >$T/err0
printf 'dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (0x8) in action #1 at DIF offset N\n' >$T/want
check "invalid address message" $T/err0 $T/want

$D -qn 'BEGIN { x = 0; trace(1 / x); } BEGIN { exit(0); }' >$T/out 2>$T/err
rc "divide-by-zero status" $? 0
sed -E 's/DIF offset [0-9]+/DIF offset N/; s/action #[0-9]+/action #K/' $T/err >$T/err0
printf 'dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): divide-by-zero in action #K at DIF offset N\n' >$T/want
check "divide-by-zero message" $T/err0 $T/want

$D -n 'BEGIN { trace(1); }' -c /bin/true >$T/out 2>$T/err
rc "-c status" $? 0
if grep -q '^dtrace: pid [0-9]* has exited$' $T/err; then
	echo "ok -c exit notice"
else
	echo "FAIL -c exit notice"; cat $T/err; fail=1
fi

# $target is the pid of the -c command: the command prints its own pid.
printf '#!/bin/sh\necho $$ >%s/child\n' "$T" >$T/pid.sh
chmod +x $T/pid.sh
$D -qn 'BEGIN { printf("%d\n", $target); }' -c $T/pid.sh >$T/out 2>$T/err
rc "\$target status" $? 0
if [ -s $T/child ] && [ "$(head -n 1 $T/out)" = "$(cat $T/child)" ]; then
	echo "ok \$target is the -c command's pid"
else
	echo "FAIL \$target is the -c command's pid"; cat $T/out $T/err $T/child; fail=1
fi

$D -l -n dtrace:::BEGIN >$T/out 2>$T/err
rc "-l status" $? 0
printf '%5s %10s %17s %33s %s\n' ID PROVIDER MODULE FUNCTION NAME >$T/want
printf '%5d %10s %17s %33s %s\n' 1 dtrace "" "" BEGIN >>$T/want
check "-l layout" $T/out $T/want

# A description that matches nothing: DTrace's dfatal(), status 1, the
# descriptions after it not listed.
$D -l -n nosuch:::probe -n dtrace:::BEGIN >$T/out 2>$T/err
rc "-l no match status" $? 1
printf 'dtrace: failed to match nosuch:::probe: No probe matches description\n' >$T/want
check "-l no match message" $T/err $T/want
printf '%5s %10s %17s %33s %s\n' ID PROVIDER MODULE FUNCTION NAME >$T/want
check "-l no match lists nothing further" $T/out $T/want

$D -qn 'BEGIN { stack(); exit(0); }' >$T/out 2>$T/err
rc "stack() status" $? 0
if grep -Eq '^ {14}vmlinux`[A-Za-z_0-9.]+(\+0x[0-9a-f]+)?$' $T/out; then
	echo "ok stack() frames"
else
	echo "FAIL stack() frames"; cat $T/out $T/err; fail=1
fi
exit $fail
