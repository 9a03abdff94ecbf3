#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 300
#
# The long storm (`make storm`): storm.sh for 150 s (the boot's limit,
# VM_TIMEOUT, is 300 s).
STORM_SECONDS=150 exec "$DTRACE_TEST_SRCDIR/test/vm/storm/storm.sh"
