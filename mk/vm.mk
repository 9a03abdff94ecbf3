# SPDX-License-Identifier: GPL-2.0
#
# QEMU VM tests (test/vm).  Included by the top-level Makefile, which sets
# SRCDIR.
#
#   make vmcheck [KERNELS="6.1 6.12"] [PLATFORMS="native xenpv"]
#                [VMTESTS=dir] [VMHOOK=script]
#        build and boot every configuration (plus the wrong-platform
#        refusals), one boot each; ends with "N passed, N failed"
#   make vm-panic [KVER=6.1] [PLATFORM=native]
#        one short boot whose test calls DTrace's panic(): passes if the
#        kernel panics with the message naming the probe (test/vm/panic.sh)
#   make vm-xmc [KERNELS="6.1 6.12"] [PLATFORMS="native xenpv"]
#        one short boot per configuration under single-threaded TCG running
#        test/vm/xmc (kernel text patched under probe load: see its README)
#   make vm-demo-boot [KVER=6.1] [PLATFORM=native] [MODULE=path]
#        one boot that shows the module loaded: tests, dmesg, status file
#   make vm-shell [KVER=6.1] [PLATFORM=native] [MODULE=path]
#        the same boot with an interactive shell on the console
#   make vm-fbt-scale [KERNELS=...] [PLATFORMS=...]
#        fbt at scale, by hand, not in make check (several minutes a boot:
#        hold /work/vm.lock): test/vm/fbt-accept (fbt:::entry under load,
#        three enable/disable rounds, issue 8's one-liners), with QEMU's
#        vCPUs on one host thread (VM_ACCEL: see accept.host.t for why)
#   make vm-prepare
#        host-side artifacts the guest tests need; other fragments add
#        prerequisites (e.g. `vm-prepare: ioctl-test`); matrix.sh and
#        demo.sh make it before booting
#
# KERNELS/KVER take short names (6.1, 6.12) or full releases.

# KVER defaults to the running kernel in the top Makefile; here only a KVER
# given by the user counts.
VM_KVER = $(if $(filter command line environment,$(origin KVER)),$(KVER),6.1)
VM_PLATFORM = $(if $(PLATFORM),$(PLATFORM),native)

.PHONY: vmcheck vm-xmc vm-fbt-scale vm-panic vm-demo-boot vm-shell vm-prepare

vm-prepare:

vmcheck:
	$(Q)KERNELS="$(KERNELS)" PLATFORMS="$(PLATFORMS)" $(SRCDIR)/test/vm/matrix.sh

vm-xmc:
	$(Q)KERNELS="$(KERNELS)" PLATFORMS="$(PLATFORMS)" VM_REFUSE=0 VM_ACCEL=tcg,thread=single \
		VMTESTS=$(SRCDIR)/test/vm/xmc VMHOOK=none $(SRCDIR)/test/vm/matrix.sh

vm-fbt-scale:
	$(Q)VMTESTS=$(SRCDIR)/test/vm/fbt-accept VMHOOK=none VM_REFUSE=0 \
		VM_ACCEL=$${VM_ACCEL:-tcg,thread=single} \
		VM_TEST_TIMEOUT=$${VM_TEST_TIMEOUT:-900} \
		VM_TIMEOUT=$${VM_TIMEOUT:-1500} \
		KERNELS="$(KERNELS)" PLATFORMS="$(PLATFORMS)" \
		$(SRCDIR)/test/vm/matrix.sh

vm-panic:
	$(Q)$(SRCDIR)/test/vm/panic.sh "$(VM_KVER)" "$(VM_PLATFORM)"

vm-demo-boot:
	$(Q)$(SRCDIR)/test/vm/demo.sh "$(VM_KVER)" "$(VM_PLATFORM)" $(MODULE)

vm-shell:
	$(Q)$(SRCDIR)/test/vm/demo.sh --shell "$(VM_KVER)" "$(VM_PLATFORM)" $(MODULE)
