# SPDX-License-Identifier: GPL-2.0
#
# D test corpus (test/d) and its runner (test/dtest).  Included by the
# top-level Makefile, which sets SRCDIR.
#
#   make dtest [DIR=path]        run a directory of D tests (DTrace's
#                                tst.*.d / err.*.d convention, default
#                                test/d): on this machine if /dev/dtrace
#                                exists, else in one QEMU boot of the default
#                                kernel/platform (DTEST_KVER, DTEST_PLATFORM)
#   make dtest-host [DIR=path]   compile-only pass on the host (dtrace -e)
#
# Variables: DTEST_DTRACE (the dtrace binary, default out/cmd/dtrace),
# DTEST_KVER (default: newest installed 6.1 kernel), DTEST_PLATFORM (native),
# DTEST_MODULE (default: built in out/dtest-KVER-PLATFORM with
# configs/test.config added; the file must be
# named dtrace.ko, the harness unloads it by that name), DTEST_OPTS (more
# run.sh options, e.g. -v), VM_OUT (the harness's run directory).

DTEST_DIR_ABS = $(abspath $(if $(DIR),$(DIR),$(SRCDIR)/test/d))
DTEST_DTRACE ?= $(SRCDIR)/out/cmd/dtrace
DTEST_KVER ?= $(shell ls /boot/vmlinuz-6.1.* 2>/dev/null | sed 's,^/boot/vmlinuz-,,' | sort -V | tail -n1)
DTEST_PLATFORM ?= native
DTEST_BUILD ?= $(SRCDIR)/out/dtest-$(DTEST_KVER)-$(DTEST_PLATFORM)
DTEST_MODULE ?= $(DTEST_BUILD)/dtrace.ko
DTEST_VMDIR = $(SRCDIR)/out/dtest-vm

.PHONY: dtest dtest-host dtest-cmd dtest-module

dtest-cmd:
	$(Q)test -x $(DTEST_DTRACE) || $(MAKE) --no-print-directory -C $(SRCDIR) cmd
	$(Q)test -x $(DTEST_DTRACE) || { echo "dtest: no $(DTEST_DTRACE)" >&2; exit 1; }

dtest-module:
	$(Q)if [ -z "$(DTEST_KVER)" ]; then echo "dtest: no 6.1 kernel in /boot (set DTEST_KVER)" >&2; exit 1; fi
	$(Q)if [ ! -f $(DTEST_MODULE) ]; then \
		$(MAKE) --no-print-directory -C $(SRCDIR) O=$(DTEST_BUILD) $(DTEST_PLATFORM)_defconfig && \
		$(MAKE) --no-print-directory -C $(SRCDIR) O=$(DTEST_BUILD) test.config && \
		$(MAKE) --no-print-directory -C $(SRCDIR) O=$(DTEST_BUILD) KVER=$(DTEST_KVER); \
	fi

dtest-host: dtest-cmd
	$(Q)$(SRCDIR)/test/dtest/run.sh -e $(DTEST_OPTS) -b $(DTEST_DTRACE) $(DTEST_DIR_ABS)

ifneq ($(wildcard /dev/dtrace),)
dtest: dtest-cmd
	$(Q)$(SRCDIR)/test/dtest/run.sh $(DTEST_OPTS) -b $(DTEST_DTRACE) $(DTEST_DIR_ABS)
else
# One boot runs the whole directory: a generated NAME.host.t points the VM
# wrapper at DIR; every D test leaves its own result for the harness.
dtest: dtest-cmd dtest-module
	$(Q)rm -rf $(DTEST_VMDIR) && mkdir -p $(DTEST_VMDIR)
	$(Q)printf '%s\n' '#!/bin/sh' \
		'DTEST_DIR=$(DTEST_DIR_ABS) DTEST_DTRACE=$(abspath $(DTEST_DTRACE)) DTEST_OPTS="$(DTEST_OPTS)"' \
		'export DTEST_DIR DTEST_DTRACE DTEST_OPTS' \
		'exec $(SRCDIR)/test/dtest/vm/dtest.host.t' >$(DTEST_VMDIR)/dtest.host.t
	$(Q)chmod +x $(DTEST_VMDIR)/dtest.host.t
	$(Q)VM_TEST_TIMEOUT=$${VM_TEST_TIMEOUT:-5400} VM_TIMEOUT=$${VM_TIMEOUT:-6000} \
		$(SRCDIR)/test/vm/run.sh $(DTEST_KVER) $(DTEST_PLATFORM) $(DTEST_MODULE) $(DTEST_VMDIR)
endif
