# SPDX-License-Identifier: GPL-2.0
#
# Helpers shared by the VM harness scripts (sourced, not run).

VM_SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VM_OUT=${VM_OUT:-$VM_SRCDIR/out/vm}

vm_die() { echo "${0##*/}: $*" >&2; exit 2; }

# Kernel releases installed in /boot, newest first within each series.
vm_default_kernels() {
	local s f
	for s in 6.1 6.12; do
		f=$(ls -1 /boot/vmlinuz-"$s".* 2>/dev/null | sort -V | tail -n1)
		[ -n "$f" ] && echo "${f#/boot/vmlinuz-}"
	done
	return 0
}

# Resolve a short name (6.1, 6.12) or a full release to an installed release.
vm_kernel_release() {
	local k=$1 f
	if [ -e "/boot/vmlinuz-$k" ]; then
		echo "$k"
		return
	fi
	f=$(ls -1 /boot/vmlinuz-"$k".* 2>/dev/null | sort -V | tail -n1)
	[ -n "$f" ] || vm_die "no kernel /boot/vmlinuz-$k or /boot/vmlinuz-$k.*"
	echo "${f#/boot/vmlinuz-}"
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
