# SPDX-License-Identifier: GPL-2.0
#
# The in-VM ioctl robustness fuzzer (test/ioctl-fuzz).  It reuses the DIF
# assembler and enabling builder of test/ioctl by compiling their sources
# in.  Included by the top-level Makefile, which sets SRCDIR and Q.
#
#   make ioctl-fuzz         build out/ioctl-fuzz/dtrace-ioctl-fuzz (static)
#   make ioctl-fuzz-dry     build it and run its host-side generator
#                           self-test (--dry, no device needed)
#
# test/vm/tests/ioctl-fuzz.host.t runs it inside every VM configuration
# (make vmcheck), DTRACE_FUZZ_SECONDS (20) long.

FUZZ_OUT := $(SRCDIR)/out/ioctl-fuzz
FUZZ_BIN := $(FUZZ_OUT)/dtrace-ioctl-fuzz
FUZZ_SRCS := $(addprefix $(SRCDIR)/test/ioctl-fuzz/,fuzz.c gen.c repro.c) \
	$(addprefix $(SRCDIR)/test/ioctl/,consumer.c difasm.c enabling.c)
FUZZ_DEPS := $(FUZZ_SRCS) $(wildcard $(SRCDIR)/test/ioctl-fuzz/*.h) \
	$(wildcard $(SRCDIR)/test/ioctl/*.h) $(SRCDIR)/dtrace.h
FUZZ_CFLAGS := -O2 -Wall -Werror -I$(SRCDIR) -I$(SRCDIR)/test/ioctl \
	-I$(SRCDIR)/test/ioctl-fuzz

.PHONY: ioctl-fuzz ioctl-fuzz-dry

ioctl-fuzz: $(FUZZ_BIN)

$(FUZZ_BIN): $(FUZZ_DEPS)
	$(Q)mkdir -p $(FUZZ_OUT)
	$(Q)$(CC) $(FUZZ_CFLAGS) -static -o $@ $(FUZZ_SRCS)
	@echo "  CC      $@"

ioctl-fuzz-dry: $(FUZZ_BIN)
	$(Q)$(FUZZ_BIN) --dry

vm-prepare: ioctl-fuzz

# The guest does not see the host's environment: keep the fuzzer's knobs
# (when set) where test/vm/tests/ioctl-fuzz.host.t reads them.
.PHONY: ioctl-fuzz-env
vm-prepare: ioctl-fuzz-env
ioctl-fuzz-env:
	$(Q)mkdir -p $(FUZZ_OUT)
	$(Q){ $(foreach v,DTRACE_FUZZ_SECONDS DTRACE_FUZZ_SEED DTRACE_FUZZ_ARGS,\
		$(if $($(v)),echo '$(v)=$($(v))';) ) true; } >$(FUZZ_OUT)/fuzz.env
