#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Foundation checks of /dev/dtrace, DTRACEIOC_INFO and the status file
# (src/devtest.c, built static on the host into $DTRACE_TEST_BINDIR).
set -eu
bin=$DTRACE_TEST_BINDIR/devtest
[ -x "$bin" ] || { echo "no $bin (built by test/vm/run.sh)"; exit 1; }
exec "$bin"
