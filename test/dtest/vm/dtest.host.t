#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# VM test (run chrooted into the host root by test/vm/guest-run.sh, with
# dtrace.ko loaded): run the D test corpus with the built dtrace(1).
#
# Each D test leaves its own result in $DTRACE_TEST_RESULTS/t (named
# d.AREA.tst.NAME.d.result), so the host's summary lists every D test; this
# wrapper passes when all of them pass.
#
# Environment: DTEST_DIR (default test/d of this tree), DTEST_DTRACE (default
# out/cmd/dtrace), DTEST_OPTS (more run.sh options, e.g. -v).
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
dir=${DTEST_DIR:-$REPO/test/d}
bin=${DTEST_DTRACE:-$REPO/out/cmd/dtrace}

if [ ! -x "$bin" ]; then
	echo "dtest: no dtrace binary at $bin (make cmd)"
	exit 1
fi
if [ ! -e /dev/dtrace ]; then
	echo "dtest: /dev/dtrace is missing"
	exit 1
fi
if [ -n "${DTRACE_TEST_RESULTS:-}" ]; then
	RESULTS=$DTRACE_TEST_RESULTS/t
	RESULTS_PREFIX=d.
	export RESULTS RESULTS_PREFIX
fi
# shellcheck disable=SC2086
exec "$REPO/test/dtest/run.sh" -v ${DTEST_OPTS:-} -b "$bin" "$dir"
