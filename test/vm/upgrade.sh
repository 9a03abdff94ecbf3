#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# upgrade.sh - `make vm-upgrade`: DKMS across a kernel upgrade (issue 13),
# two boots per platform.
#
#   1. kernel A (the first of KERNELS, default 6.1), PLATFORM: the
#      dtrace-dkms and dtrace packages are installed in a package root
#      (test/vm/pkg/pkgroot.sh), then kernel B (the second, default 6.12)
#      "arrives" and apt's hook /etc/kernel/postinst.d/dkms B has DKMS build
#      for B, not running (test/vm/upgrade/build); the machine (the package
#      root's upper layer) is saved in that boot's run directory.
#   2. The host passes it on as out/vm/upgrade/B-PLATFORM.tar; kernel B
#      boots as PLATFORM on that machine, and `modprobe dtrace` loads the
#      variant for it and a one-liner traces (test/vm/upgrade/boot).
#
# PLATFORMS (default "xenpv native"), KERNELS ("A B"), VM_TIMEOUT (default
# 2400 s a boot; the tests run as hooks: test/vm/pkg/hook.sh).  Prints each boot's verdict and its tests' output, then
# "N passed, N failed" (one per boot).
set -eu
. "$(dirname "$0")/lib.sh"

kernels=${KERNELS:-}
[ -n "$kernels" ] || kernels=$(vm_default_kernels)
set -- $kernels
[ $# -eq 2 ] || vm_die "KERNELS must name two kernels (from to), not '$kernels'"
a=$(vm_kernel_release "$1") b=$(vm_kernel_release "$2")
platforms=${PLATFORMS:-xenpv native}
export VM_TIMEOUT=${VM_TIMEOUT:-2400}
up=$VM_OUT/upgrade log=$VM_OUT/log
mkdir -p "$up" "$log"
npass=0 nfail=0

vm_prepare || { cat "$log/prepare.log"; vm_die "make vm-prepare failed"; }

# boot NAME KREL PLATFORM TESTDIR: one boot; its verdict and tests' output
boot() {
	local name=$1 krel=$2 p=$3 dir=$4 m r
	if ! m=$(vm_build_module "$krel" "$p"); then
		echo "vm $krel $p: FAIL (module build: $log/build-$krel-$p.log)"
		nfail=$((nfail + 1))
		return 1
	fi
	if VMHOOK=$VM_SRCDIR/test/vm/upgrade/$dir.hook.sh "$VM_SRCDIR/test/vm/run.sh" \
		"$krel" "$p" "$m" "$VM_SRCDIR/test/vm/upgrade" >"$log/upgrade-$name.log" 2>&1; then
		npass=$((npass + 1)); r=0
	else
		nfail=$((nfail + 1)); r=1
	fi
	echo "== $name: kernel $krel, $p"
	sed -n '/^--- stdout ---$/,/^--- stderr ---$/p' "$VM_OUT/run/$krel-$p/results/t/upgrade-$dir.result" 2>/dev/null |
		sed '1d;$d'
	tail -n 1 "$log/upgrade-$name.log"
	[ $r = 0 ] || sed -e '$d' "$log/upgrade-$name.log" | grep -vE '^  (PASS|SKIP) ' | head -n 60 | sed 's/^/    /'
	return $r
}

for p in $platforms; do
	rm -f "$up/$b-$p.tar"
	printf '%s %s %s\n' "$a" "$p" "$b" >"$up/plan"
	if boot "$p-1" "$a" "$p" build &&
		cp "$VM_OUT/run/$a-$p/results/upgrade.tar" "$up/$b-$p.tar"; then
		boot "$p-2" "$b" "$p" boot || true
	else
		echo "vm $b $p: FAIL (not booted: the first boot left no machine)"
		nfail=$((nfail + 1))
	fi
done
echo "$npass passed, $nfail failed"
[ $nfail = 0 ]
