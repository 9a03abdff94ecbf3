#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# detect-platform.sh
# Prints the platform this machine runs now, then a short reason: "xenpv
# ..." on a Xen PV guest (domU or dom0), "native ..." otherwise (bare metal,
# KVM, Xen HVM and PVH).  The same test as the modprobe rule
# (tools/dtrace-modprobe.conf), which loads dtrace-PLATFORM.ko; the build
# itself does not depend on it (a build without .config makes both).
# DTRACE_SYSROOT (tests only) replaces / when reading /sys.
root=${DTRACE_SYSROOT:-}
type=$(cat "$root/sys/hypervisor/type" 2>/dev/null)
guest=$(cat "$root/sys/hypervisor/guest_type" 2>/dev/null)
if [ "$type:$guest" = xen:PV ]; then
	echo "xenpv this machine is a Xen PV guest"
else
	echo "native this machine is not a Xen PV guest (${type:-no hypervisor}${guest:+ $guest})"
fi
