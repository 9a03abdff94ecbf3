#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The VM hook `make check` uses (VMHOOK): runs, inside the same boot and
# chrooted into the host root, the dtrace(1) consumer's VM tests
# (test/consumer/vm/*.host.t) and then the whole D corpus (test/d) through
# test/dtest/vm/dtest.host.t.  Each consumer test leaves
# $DTRACE_TEST_RESULTS/t/consumer.NAME.result in guest-run.sh's format;
# the D runner writes one result per D test itself.
REPO=$(cd "$(dirname "$0")/../.." && pwd)
res=${DTRACE_TEST_RESULTS:-/tmp}/t
mkdir -p "$res"
status=0
for t in "$REPO"/test/consumer/vm/*.host.t; do
	[ -x "$t" ] || continue
	name=consumer.$(basename "$t" .host.t)
	start=$(date +%s)
	timeout "${CONSUMER_TEST_TIMEOUT:-300}" "$t" >/tmp/hook.out 2>/tmp/hook.err
	rc=$?
	[ $rc -eq 0 ] || status=1
	{
		echo "exit: $rc"
		echo "seconds: $(($(date +%s) - start))"
		echo "mode: chroot"
		echo "--- stdout ---"
		cat /tmp/hook.out
		echo "--- stderr ---"
		cat /tmp/hook.err
	} >"$res/$name.result"
	echo "consumer $name: exit $rc"
done
"$REPO/test/dtest/vm/dtest.host.t" || status=1
exit $status
