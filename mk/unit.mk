# SPDX-License-Identifier: GPL-2.0
#
# User-space unit tests and the DIF fuzzer (test/unit).  Included by the
# top-level Makefile, which sets SRCDIR.
#
#   make unit                  build (ASan + UBSan) and run every
#                              test/unit/test-*.c; ends "N passed, N failed"
#   make fuzz [FUZZ_TIME=60]   libFuzzer on the DIF validator and emulator
#                              for FUZZ_TIME seconds (clang)
#
# Output goes to out/unit (UNIT_OUT).

UNIT_OUT ?= $(SRCDIR)/out/unit
FUZZ_TIME ?= 60

.PHONY: unit fuzz

unit:
	$(Q)$(MAKE) --no-print-directory -C $(SRCDIR)/test/unit SRCDIR=$(SRCDIR) \
		UNIT_OUT=$(UNIT_OUT) run

fuzz:
	$(Q)$(MAKE) --no-print-directory -C $(SRCDIR)/test/unit SRCDIR=$(SRCDIR) \
		UNIT_OUT=$(UNIT_OUT) FUZZ_TIME=$(FUZZ_TIME) fuzz
