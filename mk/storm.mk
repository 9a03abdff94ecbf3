# SPDX-License-Identifier: GPL-2.0
#
# make storm [KERNELS=...] [PLATFORMS=...]
#     the module under load for 150 s per boot (test/vm/storm): consumers killed
#     mid-firing, open/close loops, rmmod while busy, then its state and
#     memory back to the baseline.  The kernel boots with slub_debug=U
#     (VM_KERNEL_ARGS), so the module's live slab objects are counted.
#     The short version (10 s) runs in every boot of make check
#     (test/vm/tests/storm-short.host.t).  Hold
#     /work/vm.lock (or the machine's VM lock) around it like any boot.

.PHONY: storm

storm: VM_KERNEL_ARGS ?= slub_debug=U
storm:
	$(Q)KERNELS="$(KERNELS)" VM_KERNEL_ARGS="$(VM_KERNEL_ARGS)" \
		PLATFORMS="$(PLATFORMS)" VMTESTS=$(SRCDIR)/test/vm/storm \
		VMHOOK=none $(SRCDIR)/test/vm/matrix.sh
