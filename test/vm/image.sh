#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# image.sh - host side of tests/install.host.t, run by `make vm-prepare`:
# what an image builder does, for each kernel the VM tests boot (KERNELS,
# default the newest 6.1 and 6.12): `make KVER=K` without .config (both
# platform variants, production defconfigs) into out/vm/img-build/K, then
# `make install DESTDIR=out/vm/img`.  The guest loads from that image with
# MODPROBE_OPTIONS="-d out/vm/img -C out/vm/img/lib/modprobe.d".
set -eu
. "$(dirname "$0")/lib.sh"
kernels=${KERNELS:-}
[ -n "$kernels" ] || kernels=$(vm_default_kernels)
img=$VM_OUT/img
for k in $kernels; do
	krel=$(vm_kernel_release "$k")
	o=$VM_OUT/img-build/$krel
	rm -f "$o/.config"
	make -s -C "$VM_SRCDIR" O="$o" KVER="$krel" module >/dev/null
	make -s -C "$VM_SRCDIR" O="$o" KVER="$krel" install DESTDIR="$img" 2>&1 |
		grep -v 'depmod: WARNING'
done
