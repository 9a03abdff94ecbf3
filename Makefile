# SPDX-License-Identifier: GPL-2.0
#
# Top-level Makefile of dtrace for Linux.  `make help` lists the targets.
#
#   make [O=DIR] [KVER=RELEASE | KDIR=DIR]     build dtrace.ko (and dtrace(1))
#   make [O=DIR] menuconfig | native_defconfig | xenpv_defconfig | ...
#   make check                                 every test; ends `N passed, N failed`
#
# O=DIR works as in the kernel: .config, dtrace_kconfig.h and the build
# output live in DIR, so one source tree builds several configurations.

SRCDIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
VERSION := $(shell sed -n 's/^\#define DTRACE_VERSION_STRING[^"]*"\(.*\)"/\1/p' $(SRCDIR)/dtrace.h)

ifeq ($(origin O),command line)
BUILD := $(abspath $(O))
else
BUILD := $(SRCDIR)
endif

# O= means our build directory, not the kernel's: keep it out of the
# kernel's sub-make.
MAKEOVERRIDES := $(filter-out O=%,$(MAKEOVERRIDES))

RUNNING := $(shell uname -r)
KVER ?= $(RUNNING)
KDIR ?= /lib/modules/$(KVER)/build

KCONFIG_ENV := KCONFIG_CONFIG=$(BUILD)/.config \
	KCONFIG_AUTOHEADER=$(BUILD)/dtrace_kconfig.h \
	KCONFIG_AUTOCONFIG=$(BUILD)/kconfig/auto.conf \
	KCONFIG_TRISTATE=$(BUILD)/kconfig/tristate.conf CONFIG_=CONFIG_

# kconfig-conf writes include/config below its working directory.
KCONF = cd $(BUILD)/kconfig && $(KCONFIG_ENV)

Q := $(if $(V),,@)

.PHONY: all module help amalgamate check-amalgamation config-sync \
	menuconfig nconfig oldconfig olddefconfig defconfig savedefconfig \
	native_defconfig xenpv_defconfig install dkms-src clean distclean \
	sparse check-insns check-symbols check-builds check-dkms check demo \
	kernels

# `make` builds the module and, next to it, the dtrace(1) command.
all: module $(if $(wildcard $(SRCDIR)/mk/cmd.mk),cmd)

help:
	@echo 'Build:'
	@echo '  make [O=DIR] [KVER=R|KDIR=D]  build dtrace.ko for kernel R (default: running)'
	@echo '  make install [DESTDIR=D]      install into D/lib/modules/R/updates, depmod -b D'
	@echo '  make kernels                  list installed kernels with headers'
	@echo 'Configure (writes DIR/.config):'
	@echo '  native_defconfig xenpv_defconfig defconfig menuconfig nconfig'
	@echo '  oldconfig olddefconfig savedefconfig'
	@echo '  test.config                   add configs/test.config (what the VM tests build)'
	@echo 'Source:'
	@echo '  amalgamate                    regenerate dtrace.c from gen/'
	@echo '  check-amalgamation            fail if dtrace.c differs from gen/'
	@echo 'Tests:'
	@echo '  check                         everything; ends with "N passed, N failed"'
	@echo '  sparse check-insns check-symbols'
	@echo '                                every installed 6.1/6.12 kernel (O=/KVER=: one build)'
	@echo '  check-builds check-dkms vmcheck unit fuzz'
	@echo '  demo                          install deps, build, show it working in a VM'

# ---------------------------------------------------------------------------
# The amalgamation
# ---------------------------------------------------------------------------
AMALGAMATE := $(BUILD)/tools/amalgamate
FRAGMENTS := $(SRCDIR)/gen/MANIFEST $(wildcard $(SRCDIR)/gen/*.[ch])

$(AMALGAMATE): $(SRCDIR)/tools/amalgamate.c
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -O2 -Wall -Wextra -Werror -o $@ $<

amalgamate: $(AMALGAMATE)
	$(Q)cd $(SRCDIR) && $(AMALGAMATE) -d gen -v dtrace.h -o dtrace.c $(if $(LINES),-l)
	@echo "  GEN     dtrace.c"

check-amalgamation: $(AMALGAMATE)
	$(Q)tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	cd $(SRCDIR) && $(AMALGAMATE) -d gen -v dtrace.h -o $$tmp/dtrace.c && \
	if cmp -s $$tmp/dtrace.c dtrace.c; then \
		echo "check-amalgamation: dtrace.c matches gen/ (PASS)"; \
	else \
		diff -u dtrace.c $$tmp/dtrace.c | head -20; \
		echo "check-amalgamation: dtrace.c differs from gen/: run 'make amalgamate' (FAIL)"; \
		exit 1; \
	fi

# ---------------------------------------------------------------------------
# Configuration (kconfig-frontends)
# ---------------------------------------------------------------------------
$(BUILD)/kconfig:
	$(Q)mkdir -p $@/include/config $@/include/generated

# Regenerate dtrace_kconfig.h from .config (byte-identical when unchanged).
config-sync: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-conf --silentoldconfig $(SRCDIR)/Kconfig >/dev/null

native_defconfig xenpv_defconfig: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-conf --defconfig=$(SRCDIR)/configs/$@ $(SRCDIR)/Kconfig >/dev/null
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync
	@echo "  CONFIG  $(BUILD)/.config from configs/$@"

defconfig: native_defconfig

# Configuration fragments (configs/*.config), merged into the existing
# .config as the kernel's `make kvm_guest.config` does; e.g. the test
# builds: make O=DIR native_defconfig && make O=DIR test.config
CONFIG_FRAGMENTS := $(notdir $(wildcard $(SRCDIR)/configs/*.config))
.PHONY: $(CONFIG_FRAGMENTS)

$(CONFIG_FRAGMENTS): | $(BUILD)/kconfig
	$(Q)test -f $(BUILD)/.config || \
		{ echo "error: $@: no $(BUILD)/.config (make a defconfig first)" >&2; exit 1; }
	$(Q)for s in $$(sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=.*/\1/p' $(SRCDIR)/configs/$@); do \
		sed -i -e "/^$$s=/d" -e "/^# $$s is not set/d" $(BUILD)/.config || exit 1; \
	done
	$(Q)grep '^CONFIG_' $(SRCDIR)/configs/$@ >>$(BUILD)/.config
	$(Q)$(KCONF) kconfig-conf --olddefconfig $(SRCDIR)/Kconfig >/dev/null
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync
	@echo "  CONFIG  $(BUILD)/.config + configs/$@"

olddefconfig: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-conf --olddefconfig $(SRCDIR)/Kconfig
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync

oldconfig: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-conf --oldconfig $(SRCDIR)/Kconfig
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync

savedefconfig: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-conf --savedefconfig=$(BUILD)/defconfig $(SRCDIR)/Kconfig
	@echo "  SAVED   $(BUILD)/defconfig"

menuconfig: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-mconf $(SRCDIR)/Kconfig
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync

nconfig: | $(BUILD)/kconfig
	$(Q)$(KCONF) kconfig-nconf $(SRCDIR)/Kconfig
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync

# No .config: pick the platform of the kernel we build for when it is the
# running one (Xen PV if the running kernel is a Xen PV guest), else native.
AUTO_PLATFORM = $(shell $(SRCDIR)/tools/detect-platform.sh "$(KVER)" "$(RUNNING)")

$(BUILD)/.config:
	@echo "  CONFIG  no .config: $(wordlist 2,99,$(AUTO_PLATFORM))"
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) $(word 1,$(AUTO_PLATFORM))_defconfig

$(BUILD)/dtrace_kconfig.h: $(BUILD)/.config $(SRCDIR)/Kconfig
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync

# ---------------------------------------------------------------------------
# The module
# ---------------------------------------------------------------------------
kernels:
	@$(SRCDIR)/tools/kernels.sh

module: $(BUILD)/dtrace_kconfig.h
	$(Q)if [ ! -f "$(KDIR)/Makefile" ]; then \
		echo "error: no kernel headers for $(KVER) at $(KDIR)" >&2; \
		echo "Installed kernels with headers:" >&2; \
		$(SRCDIR)/tools/kernels.sh | sed 's/^/  /' >&2; \
		echo "Build for one of them with 'make KVER=<release>'," \
			"or point KDIR= at a kernel build tree;" >&2; \
		echo "on Debian, 'apt-get install linux-headers-$(KVER)' installs" \
			"the headers for $(KVER)$(if $(filter $(KVER),$(shell uname -r)), (the running kernel))." >&2; \
		exit 1; \
	fi
ifneq ($(BUILD),$(SRCDIR))
	$(Q)for f in dtrace.c dtrace.h Kbuild; do \
		ln -sfn $(SRCDIR)/$$f $(BUILD)/$$f; done
endif
	$(Q)$(MAKE) -C $(KDIR) M=$(BUILD) modules
	@echo "  MODULE  $(BUILD)/dtrace.ko for $(KVER) ($$(sed -n 's/^CONFIG_DTRACE_PLATFORM_\(.*\)=y/\1/p' $(BUILD)/.config))"

install:
	$(Q)test -f $(BUILD)/dtrace.ko || { echo "error: build first: make KVER=$(KVER)" >&2; exit 1; }
	$(Q)install -D -m 0644 $(BUILD)/dtrace.ko $(DESTDIR)/lib/modules/$(KVER)/updates/dtrace.ko
	$(Q)depmod -b $(if $(DESTDIR),$(DESTDIR),/) $(KVER)
	@echo "  INSTALL $(DESTDIR)/lib/modules/$(KVER)/updates/dtrace.ko (depmod -b $(if $(DESTDIR),$(DESTDIR),/))"

# The source a DKMS build needs, in DESTDIR/usr/src/dtrace-VERSION.
DKMS_FILES := dtrace.c dtrace.h Kbuild Kconfig Makefile dkms.conf README.md \
	configs/native_defconfig configs/xenpv_defconfig tools/amalgamate.c \
	tools/detect-platform.sh tools/kernels.sh tools/sparse.sh \
	tools/check-insns.sh tools/check-symbols.sh

dkms-src:
	$(Q)d=$(DESTDIR)/usr/src/dtrace-$(VERSION); \
	for f in $(DKMS_FILES); do install -D -m $$(test -x $(SRCDIR)/$$f && echo 755 || echo 644) \
		$(SRCDIR)/$$f $$d/$$f || exit 1; done; \
	sed -i 's/^PACKAGE_VERSION=.*/PACKAGE_VERSION="$(VERSION)"/' $$d/dkms.conf; \
	echo "  DKMS    $$d"

clean:
	$(Q)if [ -f "$(KDIR)/Makefile" ]; then $(MAKE) -C $(KDIR) M=$(BUILD) clean >/dev/null; fi
	$(Q)rm -rf $(BUILD)/tools/amalgamate

distclean: clean
	$(Q)rm -rf $(BUILD)/.config $(BUILD)/.config.old $(BUILD)/kconfig \
		$(BUILD)/dtrace_kconfig.h $(BUILD)/defconfig $(SRCDIR)/out

# ---------------------------------------------------------------------------
# Static checks
# ---------------------------------------------------------------------------
# With O=, KVER=, KDIR= or MODULE=, sparse, check-insns and check-symbols
# check that one build; with none of them, every configuration this machine
# builds for (tools/matrix.sh; check-insns: the Xen PV ones).
ONE_BUILD := $(strip $(filter command line environment,\
	$(origin O) $(origin KVER) $(origin KDIR) $(origin MODULE)))

ifeq ($(ONE_BUILD),)
sparse check-insns check-symbols:
	$(Q)$(SRCDIR)/tools/matrix.sh $@
else
sparse: $(BUILD)/dtrace_kconfig.h
ifneq ($(BUILD),$(SRCDIR))
	$(Q)for f in dtrace.c dtrace.h Kbuild; do \
		ln -sfn $(SRCDIR)/$$f $(BUILD)/$$f; done
endif
	$(Q)$(SRCDIR)/tools/sparse.sh "$(KDIR)" "$(BUILD)"

check-insns:
	$(Q)$(SRCDIR)/tools/check-insns.sh $(if $(MODULE),$(MODULE),$(BUILD)/dtrace.ko)

check-symbols:
	$(Q)$(SRCDIR)/tools/check-symbols.sh $(if $(MODULE),$(MODULE),$(BUILD)/dtrace.ko)
endif


check-builds:
	$(Q)$(SRCDIR)/tools/check-builds.sh

check-dkms:
	$(Q)$(SRCDIR)/tools/check-dkms.sh

check:
	$(Q)$(SRCDIR)/tools/check.sh

demo:
	$(Q)$(SRCDIR)/tools/demo.sh

# Fragments owned by other parts of the tree (tests, the command).
-include $(sort $(wildcard $(SRCDIR)/mk/*.mk))

# Host-side programs the guest tests run: built before every VM boot.
vm-prepare: ioctl-test cmd
