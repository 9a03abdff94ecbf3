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

.PHONY: all module kdir-check help amalgamate check-amalgamation config-sync \
	menuconfig nconfig oldconfig olddefconfig defconfig savedefconfig \
	native_defconfig xenpv_defconfig install dkms-src clean distclean \
	sparse check-insns check-symbols check-builds check-dkms check demo \
	kernels

# `make` builds the module and, next to it, the dtrace(1) command.
all: module $(if $(wildcard $(SRCDIR)/mk/cmd.mk),cmd)

help:
	@echo 'Build:'
	@echo '  make [O=DIR] [KVER=R|KDIR=D]  build dtrace.ko for kernel R (default: running);'
	@echo '                                no .config: both variants, variants/{native,xenpv}/'
	@echo '  make install [DESTDIR=D]      install into D/lib/modules/R/updates, depmod -b D'
	@echo '  make kernels                  list installed kernels with headers'
	@echo 'Configure (writes DIR/.config):'
	@echo '  native_defconfig xenpv_defconfig defconfig menuconfig nconfig'
	@echo '  oldconfig olddefconfig savedefconfig'
	@echo '  test.config                   add configs/test.config (what the VM tests build)'
	@echo 'Source:'
	@echo '  amalgamate                    regenerate dtrace.c from gen/'
	@echo '  kconfig-headers               regenerate configs/*_defconfig.h (after editing Kconfig)'
	@echo '  check-kconfig-headers         fail if they are stale'
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

# No .config: `make` builds both platform variants (see "Variants" below),
# so the configuration is only needed when there is one.
$(BUILD)/.config:
	@echo "error: no $(BUILD)/.config: make a defconfig first (or build the variants: make module)" >&2
	@exit 1

$(BUILD)/dtrace_kconfig.h: $(BUILD)/.config $(SRCDIR)/Kconfig
	$(Q)$(MAKE) --no-print-directory O=$(BUILD) KVER=$(KVER) config-sync

# ---------------------------------------------------------------------------
# Variants: what a build without .config makes (DKMS, packages, images)
# ---------------------------------------------------------------------------
# The platform is a compile-time choice, and a machine's next kernel may
# boot it as a Xen PV guest or natively (an image booted either way, an
# upgrade built by DKMS before the reboot).  So a build without .config
# builds both defconfigs, each in BUILD/variants/PLATFORM/, and `install`
# puts them side by side as dtrace-native.ko and dtrace-xenpv.ko (both
# contain the module `dtrace`: lsmod and `modprobe -r dtrace` see one name).
# tools/dtrace-modprobe.conf, installed as /lib/modprobe.d/dtrace.conf,
# makes `modprobe dtrace` load the one for the platform the machine is
# running, so the choice happens once, at load time; the probe path of each
# variant contains only its own platform's code.
#
# The variants need no kconfig-frontends: configs/PLATFORM_defconfig.h is
# the dtrace_kconfig.h that kconfig makes from configs/PLATFORM_defconfig,
# generated (`make kconfig-headers`) and committed; `make
# check-kconfig-headers` fails when Kconfig or a defconfig changed and they
# were not regenerated.
VARIANTS := native xenpv
VARIANT_DIR := $(BUILD)/variants

.PHONY: variants kconfig-headers check-kconfig-headers

variants: kdir-check
	$(Q)for v in $(VARIANTS); do \
		d=$(VARIANT_DIR)/$$v; mkdir -p $$d || exit 1; \
		for f in dtrace.c dtrace.h Kbuild; do ln -sfn $(SRCDIR)/$$f $$d/$$f; done; \
		cmp -s $(SRCDIR)/configs/$${v}_defconfig.h $$d/dtrace_kconfig.h || \
			cp $(SRCDIR)/configs/$${v}_defconfig.h $$d/dtrace_kconfig.h || exit 1; \
		$(MAKE) -C $(KDIR) M=$$d modules || exit 1; \
		echo "  MODULE  $$d/dtrace.ko for $(KVER) ($$v)"; \
	done

# kconfig's header for each defconfig, into DIR (default: configs/).
KCONFIG_HEADERS_DIR ?= $(SRCDIR)/configs
kconfig-headers:
	$(Q)tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	for v in $(VARIANTS); do \
		mkdir -p $$tmp/$$v/kconfig/include/config && \
		( cd $$tmp/$$v/kconfig && KCONFIG_CONFIG=$$tmp/$$v/.config \
			KCONFIG_AUTOHEADER=$$tmp/$$v/h \
			KCONFIG_AUTOCONFIG=$$tmp/$$v/kconfig/auto.conf \
			KCONFIG_TRISTATE=$$tmp/$$v/kconfig/tristate.conf CONFIG_=CONFIG_ \
			sh -c 'kconfig-conf --defconfig=$(SRCDIR)/configs/'$${v}_defconfig' $(SRCDIR)/Kconfig && \
				kconfig-conf --silentoldconfig $(SRCDIR)/Kconfig' >/dev/null ) || exit 1; \
		{ echo "/* SPDX-License-Identifier: GPL-2.0 */"; \
		  echo "/* Generated by 'make kconfig-headers' from configs/$${v}_defconfig and Kconfig: do not edit. */"; \
		  grep '^#define' $$tmp/$$v/h | LC_ALL=C sort; } >$(KCONFIG_HEADERS_DIR)/$${v}_defconfig.h || exit 1; \
		echo "  GEN     $(KCONFIG_HEADERS_DIR)/$${v}_defconfig.h"; \
	done

check-kconfig-headers:
	$(Q)tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	$(MAKE) -s --no-print-directory KCONFIG_HEADERS_DIR=$$tmp kconfig-headers >/dev/null && \
	for v in $(VARIANTS); do \
		if cmp -s $$tmp/$${v}_defconfig.h $(SRCDIR)/configs/$${v}_defconfig.h; then \
			echo "check-kconfig-headers: configs/$${v}_defconfig.h matches Kconfig (PASS)"; \
		else \
			diff -u $(SRCDIR)/configs/$${v}_defconfig.h $$tmp/$${v}_defconfig.h | head -20; \
			echo "check-kconfig-headers: configs/$${v}_defconfig.h is stale: run 'make kconfig-headers' (FAIL)"; \
			exit 1; \
		fi; \
	done

# ---------------------------------------------------------------------------
# The module
# ---------------------------------------------------------------------------
kernels:
	@$(SRCDIR)/tools/kernels.sh

kdir-check:
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

# With a .config, exactly what it says, into BUILD/dtrace.ko; without one,
# both variants.
ifeq ($(wildcard $(BUILD)/.config),)
module: variants
else
module: $(BUILD)/dtrace_kconfig.h kdir-check
ifneq ($(BUILD),$(SRCDIR))
	$(Q)for f in dtrace.c dtrace.h Kbuild; do \
		ln -sfn $(SRCDIR)/$$f $(BUILD)/$$f; done
endif
	$(Q)$(MAKE) -C $(KDIR) M=$(BUILD) modules
	@echo "  MODULE  $(BUILD)/dtrace.ko for $(KVER) ($$(sed -n 's/^CONFIG_DTRACE_PLATFORM_\(.*\)=y/\1/p' $(BUILD)/.config))"
endif

# install: the .config build as updates/dtrace.ko, or the variants as
# updates/dtrace/dtrace-PLATFORM.ko (removing the other layout's files, so
# the modprobe rule never prefers a stale variant over a tuned build), and
# the modprobe rule (both layouts: it falls back to plain `dtrace`).
MODDIR = $(DESTDIR)/lib/modules/$(KVER)/updates
install:
ifeq ($(wildcard $(BUILD)/.config),)
	$(Q)for v in $(VARIANTS); do test -f $(VARIANT_DIR)/$$v/dtrace.ko || \
		{ echo "error: build first: make KVER=$(KVER)" >&2; exit 1; }; done
	$(Q)rm -f $(MODDIR)/dtrace.ko
	$(Q)for v in $(VARIANTS); do \
		install -D -m 0644 $(VARIANT_DIR)/$$v/dtrace.ko $(MODDIR)/dtrace/dtrace-$$v.ko || exit 1; \
		echo "  INSTALL $(MODDIR)/dtrace/dtrace-$$v.ko"; done
else
	$(Q)test -f $(BUILD)/dtrace.ko || { echo "error: build first: make KVER=$(KVER)" >&2; exit 1; }
	$(Q)rm -f $(foreach v,$(VARIANTS),$(MODDIR)/dtrace/dtrace-$(v).ko)
	$(Q)install -D -m 0644 $(BUILD)/dtrace.ko $(MODDIR)/dtrace.ko
	@echo "  INSTALL $(MODDIR)/dtrace.ko"
endif
	$(Q)install -D -m 0644 $(SRCDIR)/tools/dtrace-modprobe.conf $(DESTDIR)/lib/modprobe.d/dtrace.conf
	$(Q)depmod -b $(if $(DESTDIR),$(DESTDIR),/) $(KVER)
	@echo "  INSTALL $(DESTDIR)/lib/modprobe.d/dtrace.conf (depmod -b $(if $(DESTDIR),$(DESTDIR),/) $(KVER))"

# The source a DKMS build needs, in DESTDIR/usr/src/dtrace-VERSION.
DKMS_FILES := dtrace.c dtrace.h Kbuild Kconfig Makefile dkms.conf README.md \
	configs/native_defconfig configs/xenpv_defconfig \
	configs/native_defconfig.h configs/xenpv_defconfig.h tools/amalgamate.c \
	tools/detect-platform.sh tools/dtrace-modprobe.conf tools/kernels.sh tools/sparse.sh \
	tools/check-insns.sh tools/check-symbols.sh

dkms-src:
	$(Q)d=$(DESTDIR)/usr/src/dtrace-$(VERSION); \
	for f in $(DKMS_FILES); do install -D -m $$(test -x $(SRCDIR)/$$f && echo 755 || echo 644) \
		$(SRCDIR)/$$f $$d/$$f || exit 1; done; \
	sed -i 's/^PACKAGE_VERSION=.*/PACKAGE_VERSION="$(VERSION)"/' $$d/dkms.conf; \
	echo "  DKMS    $$d"
	$(Q)$(if $(DKMS_NO_MODPROBE_CONF),true,install -D -m 0644 $(SRCDIR)/tools/dtrace-modprobe.conf $(DESTDIR)/lib/modprobe.d/dtrace.conf)

clean:
	$(Q)if [ -f "$(KDIR)/Makefile" ]; then $(MAKE) -C $(KDIR) M=$(BUILD) clean >/dev/null; fi
	$(Q)rm -rf $(BUILD)/tools/amalgamate $(VARIANT_DIR)

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
