# SPDX-License-Identifier: GPL-2.0
#
# The in-VM ioctl test program (test/ioctl): drives /dev/dtrace with
# hand-assembled DIF until dtrace(1) exists.  Included by the top-level
# Makefile, which sets SRCDIR.
#
#   make ioctl-test     build out/ioctl/dtrace-ioctl-test (static)
#
# test/vm/tests/ioctl.host.t runs it inside every VM configuration
# (make vmcheck, or test/vm/run.sh KVER PLATFORM MODULE).

IOCTL_OUT := $(SRCDIR)/out/ioctl
IOCTL_BIN := $(IOCTL_OUT)/dtrace-ioctl-test
IOCTL_SRCS := $(addprefix $(SRCDIR)/test/ioctl/,dtrace-ioctl-test.c \
	consumer.c difasm.c enabling.c)
IOCTL_DEPS := $(IOCTL_SRCS) $(wildcard $(SRCDIR)/test/ioctl/*.h) \
	$(SRCDIR)/dtrace.h
IOCTL_CFLAGS := -O2 -Wall -Werror -I$(SRCDIR) -I$(SRCDIR)/test/ioctl

.PHONY: ioctl-test

ioctl-test: $(IOCTL_BIN)

$(IOCTL_BIN): $(IOCTL_DEPS)
	$(Q)mkdir -p $(IOCTL_OUT)
	$(Q)$(CC) $(IOCTL_CFLAGS) -static -o $@ $(IOCTL_SRCS) 2>/dev/null || \
		$(CC) $(IOCTL_CFLAGS) -o $@ $(IOCTL_SRCS)
	@echo "  CC      $@"
