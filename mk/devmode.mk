# SPDX-License-Identifier: GPL-2.0
#
# The /dev/dtrace mode-and-group variant of the module that
# test/vm/tests/devmode.host.t loads in place of the tested one: the
# platform's defconfig + configs/devmode.config (mode 0660, group 4242, 16
# enabled probes per consumer, the dtrace_test provider).  Included by the
# top-level Makefile, which sets SRCDIR.
#
#   make devmode-modules [DEVMODE_KERNELS="6.1.0-57-amd64 ..."]
#        out/devmode-KREL-PLATFORM/dtrace.ko for each kernel (default: the
#        newest installed 6.1 and 6.12, as make vmcheck) and platform;
#        part of vm-prepare.  The configuration is made again only when
#        Kconfig, the defconfig or configs/devmode.config is newer than it,
#        so an unchanged tree rebuilds nothing.

DEVMODE_KERNELS ?= $(shell bash -c '. $(SRCDIR)/test/vm/lib.sh && vm_default_kernels')
DEVMODE_PLATFORMS ?= native xenpv

.PHONY: devmode-modules

vm-prepare: devmode-modules

devmode-modules:
	$(Q)set -e; for k in $(DEVMODE_KERNELS); do for p in $(DEVMODE_PLATFORMS); do \
		o=out/devmode-$$k-$$p; c=$(SRCDIR)/$$o/.config; \
		if [ ! -f $$c ] || [ $(SRCDIR)/configs/devmode.config -nt $$c ] || \
		   [ $(SRCDIR)/configs/$${p}_defconfig -nt $$c ] || [ $(SRCDIR)/Kconfig -nt $$c ]; then \
			$(MAKE) --no-print-directory -C $(SRCDIR) O=$$o $${p}_defconfig >/dev/null; \
			$(MAKE) --no-print-directory -C $(SRCDIR) O=$$o devmode.config >/dev/null; \
		fi; \
		$(MAKE) --no-print-directory -C $(SRCDIR) O=$$o KVER=$$k module; \
	done; done
