# SPDX-License-Identifier: GPL-2.0
#
# make storm [KERNELS=...] [PLATFORMS=...]
#     the module under load for 150 s per boot (test/vm/storm): consumers killed
#     mid-firing, open/close loops, rmmod while busy, then its state and
#     memory back to the baseline.  The short version (10 s) runs in every
#     boot of make check (test/vm/tests/storm-short.host.t).  Hold
#     /work/vm.lock (or the machine's VM lock) around it like any boot.

.PHONY: storm

storm:
	$(Q)KERNELS="$(KERNELS)" \
		PLATFORMS="$(PLATFORMS)" VMTESTS=$(SRCDIR)/test/vm/storm \
		VMHOOK=none $(SRCDIR)/test/vm/matrix.sh
