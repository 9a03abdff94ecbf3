#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The short storm in every boot: test/vm/storm/storm.sh for 10 s (several
# consumers killed mid-firing, open/close loops, rmmod while busy, then
# the module's state back to its baseline).  `make storm` runs it longer.
STORM_SECONDS=${STORM_SECONDS:-10} exec "$DTRACE_TEST_SRCDIR/test/vm/storm/storm.sh"
