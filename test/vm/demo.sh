#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# demo.sh [--shell] [KVER [PLATFORM [MODULE]]]
#
# Show dtrace.ko working in one QEMU boot: build it for KVER (default: the
# newest 6.1 kernel) and PLATFORM (native or xenpv, default native) unless
# MODULE is given, boot, run test/vm/tests, and print what the module said
# in dmesg and its status file.  --shell: interactive shell on the console
# after the tests.  Exit status is run.sh's.
set -eu

. "$(dirname "$0")/lib.sh"

opt=
[ "${1:-}" = --shell ] && { opt=--shell; shift; }

krel=$(vm_kernel_release "${1:-6.1}")
platform=${2:-native}
module=${3:-}
if [ -z "$module" ]; then
	echo "== building dtrace.ko for $krel ($platform)"
	module=$(vm_build_module "$krel" "$platform") || {
		tail -n 30 "$VM_OUT/log/build-$krel-$platform.log"
		exit 1
	}
fi
vm_prepare || { tail -n 30 "$VM_OUT/log/prepare.log"; exit 1; }
echo "== booting $krel ($platform) in QEMU, module $module"
rc=0
"$VM_SRCDIR/test/vm/run.sh" $opt "$krel" "$platform" "$module" || rc=$?
res=$VM_OUT/run/$krel-$platform/results
echo "== what the kernel said (dmesg, dtrace lines)"
grep -E 'dtrace|Xen version|Hypervisor detected' "$res/dmesg.txt" 2>/dev/null | sed 's/^/  /' || true
if [ -s "$res/status.txt" ]; then
	echo "== status file"
	sed 's/^/  /' "$res/status.txt"
fi
exit $rc
