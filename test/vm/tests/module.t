#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The module is live and taints the kernel only as out-of-tree (O) and
# unsigned (E): any other taint (W warning, D died, ...) fails.
set -eu
name=$(basename "$DTRACE_TEST_MODULE" .ko | tr - _)
grep -q "^$name .* Live " /proc/modules || { echo "$name not live"; cat /proc/modules; exit 1; }
echo "module $name live"
taint=$(cat /proc/sys/kernel/tainted)
other=$((taint & ~(4096 | 8192)))
echo "tainted=$taint (module taint: $(cat /sys/module/$name/taint))"
[ $other = 0 ] || { echo "unexpected taint bits $other"; exit 1; }
