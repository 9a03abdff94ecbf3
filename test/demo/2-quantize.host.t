#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make demo: a quantize histogram of the intervals between tick-1ms firings
# (in microseconds) and a count of profile-997 samples per CPU, for 2 s.
REPO=$(cd "$(dirname "$0")/../.." && pwd)
exec "$REPO/out/cmd/dtrace" -s /dev/stdin <<'D'
#pragma D option quiet

uint64_t last;

tick-1ms
/last/
{
	@["tick-1ms interval (us)"] = quantize((timestamp - last) / 1000);
}

tick-1ms
{
	last = timestamp;
}

profile-997
{
	@samples[cpu] = count();
}

tick-2s
{
	exit(0);
}
D
