# SPDX-License-Identifier: GPL-2.0
#
# -x oformat=json without the module (test/json): json-synth feeds the
# consumer hand-built records and aggregations; run.sh parses its JSON
# with python3's json module and compares it with the text output.
#
#   make json-check
JSON_SYNTH := $(CMD_OUT)/test/json-synth

.PHONY: json-check

$(JSON_SYNTH): $(SRCDIR)/test/json/json-synth.c \
		$(foreach f,$(CMD_CONSUMER),$(SRCDIR)/tools/dtrace/$(f).c) $(CMD_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CMD_CC) $(CMD_CFLAGS) -I$(SRCDIR) -I$(SRCDIR)/tools/dtrace -o $@ \
		$(SRCDIR)/test/json/json-synth.c \
		$(foreach f,$(CMD_CONSUMER),$(SRCDIR)/tools/dtrace/$(f).c) $(CMD_LIBS)

json-check: $(JSON_SYNTH)
	$(Q)$(SRCDIR)/test/json/run.sh $(JSON_SYNTH)
