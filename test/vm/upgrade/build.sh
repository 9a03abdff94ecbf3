#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# First boot of `make vm-upgrade` (test/vm/upgrade.sh): the packages are
# installed on this machine (running kernel A), then kernel B arrives as
# apt installs it and apt's hook /etc/kernel/postinst.d/dkms B has DKMS
# build for B, the kernel not running; the machine (the package root's
# upper layer) is saved for the boot of B.  B is named by the host in
# out/vm/upgrade/plan ("A PLATFORM B" lines).  The body is
# test/vm/pkg/pkg.sh with PKG_UPGRADE_TO=B (it also purges afterwards:
# the saved machine is the one before the purge).
set -u
plan=$DTRACE_TEST_SRCDIR/out/vm/upgrade/plan
to=$(awk -v k="$(uname -r)" -v p="$DTRACE_TEST_PLATFORM" '$1 == k && $2 == p { print $3 }' "$plan" 2>/dev/null)
[ -n "$to" ] || { echo "FAIL no kernel to upgrade to in $plan"; exit 1; }
PKG_UPGRADE_TO=$to exec "$(dirname "$(realpath "$0")")/../pkg/pkg.sh"
