#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# On the real machine: tools/detect-platform.sh (the same test as the
# modprobe rule that picks dtrace-native.ko or dtrace-xenpv.ko) must name
# the platform the module under test was built for (and loaded, so it is
# right).
set -eu
echo "sys/hypervisor: type=$(cat /sys/hypervisor/type 2>/dev/null || echo none)" \
	"guest_type=$(cat /sys/hypervisor/guest_type 2>/dev/null || echo none)"
got=$("$DTRACE_TEST_SRCDIR/tools/detect-platform.sh")
echo "detect-platform: $got"
[ "${got%% *}" = "$DTRACE_TEST_PLATFORM" ] ||
	{ echo "detected ${got%% *}, this boot is $DTRACE_TEST_PLATFORM"; exit 1; }
