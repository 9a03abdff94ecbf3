#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Framework smoke test (test/core-smoke/smoke.c), built on the host by
# test/core-smoke/run.sh into out/core-smoke/smoke; runs in the host root.
set -eu
bin=$DTRACE_TEST_SRCDIR/out/core-smoke/smoke
[ -x "$bin" ] || { echo "no $bin: use test/core-smoke/run.sh"; exit 1; }
"$bin"
rc=$?
grep -E '^(providers|probes|probes_enabled|ecbs_attached|consumers|errors|recursion_drops):' \
	/sys/kernel/debug/dtrace/status /proc/dtrace/status 2>/dev/null || true
exit $rc
