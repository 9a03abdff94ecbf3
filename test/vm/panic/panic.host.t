#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The only test of a boot run with run.sh --expect-panic (make vm-panic):
# DTrace's panic() must panic the kernel with a message naming the probe,
# "dtrace: panic action at probe dtrace:::BEGIN (epid 1)"; the host checks
# the console.  Coming back from dtrace(1) is a failure.
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
echo "calling panic()"
$D -w -q -n 'BEGIN { panic(); }'
echo "FAIL dtrace -w ... panic() returned $?, the kernel is still up"
exit 1
