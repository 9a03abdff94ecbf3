#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# switchrate sets how often records arrive: DTrace switches (and dtrace(1)
# prints) the principal buffers once per switchrate, so records of a probe
# firing every 100 ms for 5 s arrive in about 50 batches at 10hz and in
# about 3 at 2s (0.5hz).  Each line's arrival time is taken as it is read;
# a batch is a run of lines less than 30 ms apart.  The bounds leave wide
# margins (at least 15 of about 50, at most 5 of about 3): no timing is
# judged, only how records are grouped.
. "$(dirname "$0")/lib.sh"

# batches RATE: the number of arrival batches of the run's records
batches() {
	local line now last=0 n=0 lines=0
	while IFS= read -r line; do
		now=${EPOCHREALTIME/./}
		now=$((now / 1000))		# ms
		if [ $((now - last)) -ge 30 ]; then
			n=$((n + 1))
		fi
		last=$now
		lines=$((lines + 1))
	done < <($D -q -x switchrate="$1" \
		-n 'tick-100ms { printf("%d\n", timestamp); } tick-5s { exit(0); }' 2>$T/err.$1)
	echo "$n $lines"
}

read fast flines < <(batches 10hz)
read slow slines < <(batches 2s)
echo "# 10hz: $flines records in $fast batches; 2s: $slines records in $slow batches"
if [ "$flines" -ge 40 ] && [ "$fast" -ge 15 ]; then
	echo "ok 10hz: records arrive in many batches ($fast)"
else
	echo "FAIL 10hz: $flines records in $fast batches"; cat $T/err.10hz; fail=1
fi
if [ "$slines" -ge 40 ] && [ "$slow" -ge 1 ] && [ "$slow" -le 5 ]; then
	echo "ok 2s: records arrive in few batches ($slow)"
else
	echo "FAIL 2s: $slines records in $slow batches"; cat $T/err.2s; fail=1
fi
exit $fail
