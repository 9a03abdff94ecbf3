#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# detect-platform.sh KVER RUNNING
# Prints the platform to build for when there is no .config, then a short
# reason: "xenpv ..." if KVER is the running kernel and it is a Xen PV guest,
# "native ..." otherwise (including every kernel that is not running).
# DTRACE_SYSROOT (tests only) replaces / when reading /sys and /proc.
kver=$1 running=$2 root=${DTRACE_SYSROOT:-}
if [ "$kver" != "$running" ]; then
	echo "native building for $kver, not the running kernel: native (use 'make xenpv_defconfig' for Xen PV)"
	exit 0
fi
type=$(cat "$root/sys/hypervisor/type" 2>/dev/null)
guest=$(cat "$root/sys/hypervisor/guest_type" 2>/dev/null)
if [ "$type" = xen ] && [ "$guest" = PV ]; then
	echo "xenpv the running kernel is a Xen PV guest: building for Xen PV"
else
	echo "native the running kernel is not a Xen PV guest: building for native x86-64"
fi
