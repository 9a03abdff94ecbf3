#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Aggregations through the module: quantize layout, keys, printa, SIGINT.
. "$(dirname "$0")/lib.sh"

# quantize of 0..19: rows -1 .. 32, bars of 40 * count / 20.
$D -qn 'int i; tick-10ms { @ = quantize(i++); } tick-10ms /i == 20/ { exit(0); }' \
	>$T/out 2>$T/err
rc "quantize status" $? 0
row() {	# value count
	local bar="" n=$(( ($2 * 40 + 10) / 20 )) k
	for ((k = 0; k < 40; k++)); do
		if [ $k -lt $n ]; then bar="$bar@"; else bar="$bar "; fi
	done
	printf '%16s |%s %-9s\n' "$1" "$bar" "$2"
}
{
	printf '\n\n%16s %41s %-9s\n' value "------------- Distribution -------------" count
	row -1 0; row 0 1; row 1 1; row 2 2; row 4 4; row 8 8; row 16 4
	row 32 0
	printf '\n'
} >$T/want
check "quantize 0..19" $T/out $T/want

$D -qn 'BEGIN { @c["b"] = sum(2); @c["a"] = sum(9); @c["c"] = sum(1);
	printa("%s=%@d\n", @c); exit(0); }' >$T/out 2>$T/err
rc "printa status" $? 0
printf 'c=1\nb=2\na=9\n\n' >$T/want
check "printa sorted by value, not printed again" $T/out $T/want

$D -qn 'tick-10ms { @[probename] = count(); }' >$T/out 2>$T/err &
pid=$!
sleep 2
kill -INT $pid
wait $pid
rc "SIGINT status" $? 0
if grep -Eq '^  tick-10ms +[0-9]+$' $T/out; then
	echo "ok SIGINT prints aggregation"
else
	echo "FAIL SIGINT prints aggregation"; cat $T/out; fail=1
fi
exit $fail
