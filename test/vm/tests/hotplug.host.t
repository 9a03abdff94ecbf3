#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# CPU hotplug while tracing: the ioctl test program's cpu-hotplug group
# (test/ioctl) takes CPU 1 offline and back through sysfs while
# profile-997 and tick-100 record into per-CPU buffers.  The guest has 2
# vCPUs (test/vm/run.sh: -smp 2): fewer fails.  Skips (77) only when the
# kernel refuses to take CPU 1 offline, saying why.
set -u
"$(dirname "$0")/ioctl.host.t" cpu-hotplug
rc=$?
if [ $rc = 77 ]; then
	echo "SKIP: CPU 1 cannot be taken offline through" \
	     "/sys/devices/system/cpu/cpu1/online on $DTRACE_TEST_KVER" \
	     "$DTRACE_TEST_PLATFORM"
fi
exit $rc
