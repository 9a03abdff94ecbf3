# SPDX-License-Identifier: GPL-2.0
#
# The image the VM test tests/install.host.t loads dtrace from: both
# platform variants for each kernel booted, installed with `make install
# DESTDIR=out/vm/img` as an image builder would (test/vm/image.sh).
.PHONY: vm-image
vm-prepare: vm-image
vm-image:
	$(Q)$(SRCDIR)/test/vm/image.sh
