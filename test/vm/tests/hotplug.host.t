#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# CPU hotplug while tracing: the ioctl test program's cpu-hotplug group
# (test/ioctl) takes CPU 1 offline and back through sysfs while
# profile-997 and tick-100 record into per-CPU buffers.  The guest has 2
# vCPUs (test/vm/run.sh: -smp 2): fewer fails.  Skips (77) only when the
# kernel refuses to take CPU 1 offline, saying why.
#
# Xen PV dom0: taking a vCPU offline and back through sysfs works on 6.1.
# On 6.12 bringing CPU 1 back online makes the kernel itself warn
# (kernel/sched/deadline.c:265 "dl_rq->running_bw > old" in
# task_non_contending, from xen_cpu_bringup_again in the idle task; no
# dtrace frame), and panic_on_warn ends the boot: skipped there.
set -u
case ${DTRACE_TEST_PLATFORM:-}-${DTRACE_TEST_KVER:-} in
xenpv-6.12.*)
	echo "SKIP: CPU hotplug in a 6.12 Xen PV dom0: re-onlining a vCPU" \
	     "through /sys/devices/system/cpu/cpu1/online triggers a kernel" \
	     "WARNING in the scheduler (deadline.c:265, dl_rq->running_bw >" \
	     "old, from xen_cpu_bringup_again), fatal under panic_on_warn"
	exit 77 ;;
esac
"$(dirname "$0")/ioctl.host.t" cpu-hotplug
rc=$?
if [ $rc = 77 ]; then
	echo "SKIP: CPU 1 cannot be taken offline through" \
	     "/sys/devices/system/cpu/cpu1/online on $DTRACE_TEST_KVER" \
	     "$DTRACE_TEST_PLATFORM"
fi
exit $rc
