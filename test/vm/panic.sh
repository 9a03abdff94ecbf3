#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# panic.sh [KVER] [PLATFORM] - make vm-panic: one short boot (default 6.1
# native) whose only test (test/vm/panic) calls DTrace's panic(); passes
# if the kernel panics with "dtrace: panic action at probe dtrace:::BEGIN
# (epid N)" on the console (run.sh --expect-panic).  Builds the module as
# matrix.sh does.  Prints run.sh's lines, then "N passed, N failed".
set -eu

. "$(dirname "$0")/lib.sh"

krel=$(vm_kernel_release "${1:-6.1}")
p=${2:-native}
mkdir -p "$VM_OUT/log"
log=$VM_OUT/log/$krel-$p-panic.log
if ! vm_prepare; then
	echo "vm prepare: FAIL (make vm-prepare; log $VM_OUT/log/prepare.log)"
	echo "0 passed, 1 failed"
	exit 1
fi
if ! m=$(vm_build_module "$krel" "$p"); then
	echo "vm $krel $p: FAIL (build failed; log $VM_OUT/log/build-$krel-$p.log)"
	echo "0 passed, 1 failed"
	exit 1
fi
if VM_TIMEOUT=${VM_TIMEOUT:-180} "$VM_SRCDIR/test/vm/run.sh" --expect-panic \
	"$krel" "$p" "$m" "$VM_SRCDIR/test/vm/panic" >"$log" 2>&1; then
	cat "$log"
	echo "1 passed, 0 failed"
else
	cat "$log"
	echo "0 passed, 1 failed"
	exit 1
fi
