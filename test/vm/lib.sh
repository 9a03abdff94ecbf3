# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers shared by the VM harness scripts (sourced, not run).

VM_SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VM_OUT=${VM_OUT:-$VM_SRCDIR/out/vm}

vm_die() { echo "${0##*/}: $*" >&2; exit 2; }

# Newest installed release of series $1 (6.1, 6.12).  The generic flavour
# only: cloud and rt kernels lack virtio 9p, which the harness needs.
vm_series_release() {
	local f
	f=$(ls -1 /boot/vmlinuz-"$1".* 2>/dev/null | grep -vE -- '-(cloud|rt)-' |
		sort -V | tail -n1)
	[ -n "$f" ] && echo "${f#/boot/vmlinuz-}"
}

# The default kernels: newest 6.1 and 6.12 installed in /boot.
vm_default_kernels() {
	local s
	for s in 6.1 6.12; do
		vm_series_release "$s" || true
	done
}

# Resolve a short name (6.1, 6.12) or a full release to an installed release.
vm_kernel_release() {
	local k=$1
	if [ -e "/boot/vmlinuz-$k" ]; then
		echo "$k"
		return
	fi
	vm_series_release "$k" || vm_die "no kernel /boot/vmlinuz-$k or /boot/vmlinuz-$k.*"
}

# Decompressed Xen image (multiboot ELF), cached under $VM_OUT.
vm_xen_image() {
	local gz out
	gz=$(ls -1 /boot/xen-*.gz 2>/dev/null | sort -V | tail -n1)
	[ -n "$gz" ] || vm_die "no /boot/xen-*.gz (install xen-hypervisor-4.17-amd64)"
	out=$VM_OUT/$(basename "$gz" .gz)
	if [ ! -s "$out" ] || [ "$gz" -nt "$out" ]; then
		mkdir -p "$VM_OUT"
		zcat "$gz" >"$out.tmp.$$" && mv -f "$out.tmp.$$" "$out"
	fi
	echo "$out"
}

# Static guest helper programs (test/vm/tests/src/*.c) into $VM_OUT/bin.
vm_build_bins() {
	local src bin
	mkdir -p "$VM_OUT/bin"
	for src in "$VM_SRCDIR"/test/vm/tests/src/*.c; do
		[ -e "$src" ] || continue
		bin=$VM_OUT/bin/$(basename "$src" .c)
		if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] ||
		   { [ -e "$VM_SRCDIR/dtrace.h" ] && [ "$VM_SRCDIR/dtrace.h" -nt "$bin" ]; }; then
			gcc -static -O2 -Wall -Werror -I"$VM_SRCDIR" -o "$bin.tmp.$$" "$src" ||
				vm_die "cannot build $src"
			mv -f "$bin.tmp.$$" "$bin"
		fi
	done
}

# Build dtrace.ko for release KREL and platform P the way the top-level
# Makefile documents it, into out/KREL-P, with configs/test.config added
# (the dtrace_test provider the tests drive); log in $VM_OUT/log.  Prints
# the module's path; returns non-zero if the build failed.
vm_build_module() {
	local krel=$1 p=$2 o log
	o=out/$krel-$p
	log=$VM_OUT/log/build-$krel-$p.log
	mkdir -p "$VM_OUT/log"
	# A make above us (make vmcheck) must not leak its flags or jobserver.
	if ! (unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	      make -C "$VM_SRCDIR" O="$o" "${p}_defconfig" &&
	      make -C "$VM_SRCDIR" O="$o" test.config &&
	      make -C "$VM_SRCDIR" O="$o" KVER="$krel") >"$log" 2>&1; then
		return 1
	fi
	[ -f "$VM_SRCDIR/$o/dtrace.ko" ] || return 1
	echo "$VM_SRCDIR/$o/dtrace.ko"
}

# make vm-prepare: host-side artifacts that guest tests need (other
# makefile fragments add prerequisites).  Log in $VM_OUT/log/prepare.log.
vm_prepare() {
	mkdir -p "$VM_OUT/log"
	(unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	 make -C "$VM_SRCDIR" vm-prepare) >"$VM_OUT/log/prepare.log" 2>&1
}
