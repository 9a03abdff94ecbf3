#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Chrooted into the host root: host programs run, the guest's /dev, /proc
# and debugfs are there, /tmp and the results directory are writable.
set -eu
[ -c /dev/dtrace ] || { echo "no /dev/dtrace in the chroot"; exit 1; }
grep -q '^version: ' /sys/kernel/debug/dtrace/status /proc/dtrace/status 2>/dev/null ||
	{ echo "no status file in the chroot"; exit 1; }
[ "$(uname -r)" = "$DTRACE_TEST_KVER" ] || { echo "kernel $(uname -r) != $DTRACE_TEST_KVER"; exit 1; }
t=$(mktemp) && echo x >"$t" && rm -f "$t"
echo ok >"$DTRACE_TEST_RESULTS/chroot.host.t.note" && rm -f "$DTRACE_TEST_RESULTS/chroot.host.t.note"
echo "bash $BASH_VERSION in the host root, kernel $(uname -r)"
