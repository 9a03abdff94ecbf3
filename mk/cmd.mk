# SPDX-License-Identifier: GPL-2.0
#
# The dtrace(1) command (tools/dtrace) and its host-side consumer tests
# (test/consumer).  Included by the top-level Makefile, which sets SRCDIR.
#
#   make cmd [O=DIR]                 build OUT/dtrace from tools/dtrace/*.c
#   make cmd-install [DESTDIR=D]     D/usr/sbin/dtrace, D/usr/share/man/man1,
#                                    the D library in D/usr/lib/dtrace
#   make cmd-check                   host unit tests of the consumer
#                                    (printf, aggregations, options) and
#                                    its layering (cmd-layering)
#   make cmd-layering                tools/check-cmd-layering.sh on OUT:
#                                    dt_consume -> dt_aggprint -> dt_printf
#                                    -> dt_print -> dt_util, nothing upwards
#   make cmd-vmcheck MODULE=dtrace.ko [CMD_VM_KVER=6.1]
#                    [CMD_VM_PLATFORM=native]
#                                    test/consumer/vm in one QEMU boot
#
# OUT is out/cmd, or DIR/cmd when O=DIR is given.

CMD_OUT := $(if $(filter command line,$(origin O)),$(abspath $(O))/cmd,$(SRCDIR)/out/cmd)
CMD_CC ?= gcc
CMD_CFLAGS ?= -O2 -Wall -Wextra -Werror
# -x oformat=json writes with jansson (libjansson-dev); kernel types are
# read from BTF with libbpf (libbpf-dev).
CMD_LIBS := -ljansson $(shell pkg-config --libs libbpf 2>/dev/null || echo -lbpf)
CMD_SRCS := $(sort $(wildcard $(SRCDIR)/tools/dtrace/*.c))
CMD_HDRS := $(wildcard $(SRCDIR)/tools/dtrace/*.h) $(SRCDIR)/dtrace.h
# the D library (dtrace(1) reads /usr/lib/dtrace/*.d at start)
CMD_LIBFILES := $(sort $(wildcard $(SRCDIR)/tools/dtrace/lib/*.d))
CMD_OBJS := $(patsubst $(SRCDIR)/tools/dtrace/%.c,$(CMD_OUT)/%.o,$(CMD_SRCS))

# The consumer's own files, for tests that need no compiler.
CMD_CONSUMER := dt_util dt_print dt_printf dt_aggprint dt_ksyms dt_usym dt_options dt_pdesc dt_consume dt_list dt_json dt_kbtf
CMD_TEST_OUT := $(CMD_OUT)/test

CMD_VM_KVER ?= 6.1
CMD_VM_PLATFORM ?= native

.PHONY: cmd cmd-install cmd-check cmd-layering cmd-vmcheck cmd-clean cmd-libs

cmd: $(CMD_OUT)/dtrace

$(CMD_OUT)/dtrace: $(CMD_OBJS)
	@echo "  LD      $@"
	$(Q)$(CMD_CC) $(CMD_CFLAGS) -o $@ $(CMD_OBJS) $(CMD_LIBS)

# The libraries dtrace(1) links with, for scripts that build it their own
# way (test/compiler/run.sh builds it with sanitizers).
cmd-libs:
	@echo $(CMD_LIBS)

$(CMD_OUT)/%.o: $(SRCDIR)/tools/dtrace/%.c $(CMD_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CMD_CC) $(CMD_CFLAGS) -I$(SRCDIR) -I$(SRCDIR)/tools/dtrace -c -o $@ $<

cmd-install: cmd
	$(Q)install -D -m 0755 $(CMD_OUT)/dtrace $(DESTDIR)/usr/sbin/dtrace
	$(Q)install -D -m 0644 $(SRCDIR)/tools/dtrace/dtrace.1 $(DESTDIR)/usr/share/man/man1/dtrace.1
	$(Q)install -d $(DESTDIR)/usr/lib/dtrace
	$(Q)install -m 0644 $(CMD_LIBFILES) $(DESTDIR)/usr/lib/dtrace/
	@echo "  INSTALL $(DESTDIR)/usr/sbin/dtrace $(DESTDIR)/usr/share/man/man1/dtrace.1 $(DESTDIR)/usr/lib/dtrace"

$(CMD_TEST_OUT)/consumer-test: $(SRCDIR)/test/consumer/consumer-test.c \
		$(foreach f,$(CMD_CONSUMER),$(SRCDIR)/tools/dtrace/$(f).c) $(CMD_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CMD_CC) $(CMD_CFLAGS) -I$(SRCDIR) -I$(SRCDIR)/tools/dtrace -o $@ \
		$(SRCDIR)/test/consumer/consumer-test.c \
		$(foreach f,$(CMD_CONSUMER),$(SRCDIR)/tools/dtrace/$(f).c) $(CMD_LIBS)

cmd-check: $(CMD_TEST_OUT)/consumer-test cmd-layering
	$(Q)$(CMD_TEST_OUT)/consumer-test

# The checker first proves it fails on upward references, then checks ours.
cmd-layering: $(CMD_OBJS)
	$(Q)$(SRCDIR)/tools/test-check-cmd-layering.sh >$(CMD_OUT)/layering-selftest.log 2>&1 || \
		{ cat $(CMD_OUT)/layering-selftest.log; exit 1; }
	$(Q)$(SRCDIR)/tools/check-cmd-layering.sh $(CMD_OUT)

cmd-vmcheck: cmd
	$(Q)test -n "$(MODULE)" || { echo "cmd-vmcheck: set MODULE=path/to/dtrace.ko" >&2; exit 2; }
	$(Q)$(SRCDIR)/test/vm/run.sh $(CMD_VM_KVER) $(CMD_VM_PLATFORM) $(MODULE) $(SRCDIR)/test/consumer/vm

cmd-clean:
	$(Q)rm -rf $(CMD_OUT)
