#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-detect-platform.sh - with no .config, `make` builds for the platform
# of the running kernel when it builds for the running kernel (Xen PV in a Xen
# PV guest, native elsewhere, HVM and PVH included) and for native when it
# builds for any other kernel, and says which.  The machine is faked with
# DTRACE_SYSROOT (a /sys/hypervisor tree); the VM tests check the real one
# (test/vm/tests/platform.host.t).
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
k=$(echo ${KERNELS:-$("$src/tools/kernels.sh" 6.1)} | awk '{print $1}')
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
chk() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }

fake() { # NAME TYPE GUEST_TYPE
	mkdir -p "$t/$1/sys/hypervisor"
	[ -n "$2" ] && echo "$2" >"$t/$1/sys/hypervisor/type"
	[ -n "$3" ] && echo "$3" >"$t/$1/sys/hypervisor/guest_type"
	return 0
}
fake xenpv xen PV
fake xenhvm xen HVM
fake xenpvh xen PVH
fake bare "" ""

det() { DTRACE_SYSROOT=$t/$1 "$src/tools/detect-platform.sh" "$2" "$3" | awk '{print $1}'; }
chk "Xen PV guest, running kernel: xenpv" '[ "$(det xenpv K K)" = xenpv ]'
chk "Xen PV guest, another kernel: native" '[ "$(det xenpv K L)" = native ]'
chk "Xen HVM guest: native" '[ "$(det xenhvm K K)" = native ]'
chk "Xen PVH guest: native" '[ "$(det xenpvh K K)" = native ]'
chk "no hypervisor: native" '[ "$(det bare K K)" = native ]'

# The Makefile's no-.config path: what it prints and the .config it writes.
mk() { # FAKE RUNNING OUT
	DTRACE_SYSROOT=$t/$1 make -s -C "$src" O="$t/$3" KVER="$k" RUNNING="$2" "$t/$3/.config" >"$t/$3.out" 2>&1
}
mk xenpv "$k" o-pv
chk "make, Xen PV running kernel: says so" \
	'grep -q "CONFIG  no .config: the running kernel is a Xen PV guest: building for Xen PV" "$t/o-pv.out"'
chk "make, Xen PV running kernel: .config is Xen PV" 'grep -qx CONFIG_DTRACE_PLATFORM_XEN_PV=y "$t/o-pv/.config"'
mk xenpv "not-$k" o-other
chk "make, another kernel: says native and how to pick Xen PV" \
	'grep -q "CONFIG  no .config: building for $k, not the running kernel: native (use .make xenpv_defconfig. for Xen PV)" "$t/o-other.out"'
chk "make, another kernel: .config is native" 'grep -qx CONFIG_DTRACE_PLATFORM_NATIVE=y "$t/o-other/.config"'
mk bare "$k" o-bare
chk "make, bare metal: .config is native" 'grep -qx CONFIG_DTRACE_PLATFORM_NATIVE=y "$t/o-bare/.config"'
for f in o-pv o-other o-bare; do sed "s/^/  $f| /" "$t/$f.out"; done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
