# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages and DKMS across a kernel upgrade, in the VM (issue
# 13; test/vm/pkg, test/vm/upgrade).  vm-upgrade and vm-pkg are not in
# make check: a DKMS build of both platform variants takes minutes in a TCG
# guest (2026-12-03, 6.1 -> 6.12 as Xen PV: the first boot 1338 s, of which
# dpkg -i with DKMS for 6.1 656 s, apt's kernel hook for 6.12 361 s, the
# purge 279 s; the second boot 37 s).  make check runs the short form in
# every regular boot: tests/deb-machine.host.t, the packages installed and
# built by DKMS on the host (vm-pkg-machine), loaded by modprobe and traced
# in the guest (no purge there: depmod took over 280 s under TCG in a Xen
# PV boot; tools/test-pkg-purge.sh purges that machine on the host).
#
#   make vm-upgrade [PLATFORMS="xenpv native"] [KERNELS="6.1 6.12"]
#        per platform, two boots (test/vm/upgrade.sh): kernel A installs
#        the packages and DKMS builds for kernel B through apt's kernel
#        hook; then B boots on that machine, `modprobe dtrace` loads the
#        platform's variant and a one-liner traces
#   make vm-pkg [KERNELS="6.1 6.12"] [PLATFORMS="native xenpv"]
#        one boot per configuration: install both .debs, DKMS builds for
#        the running kernel, modprobe, one-liner, purge, nothing left
#        (test/vm/pkg/pkg.sh)
#   vm-prepare (vm-deb)
#        `make deb` into out/vm/deb: the .debs those boots install

.PHONY: vm-deb vm-upgrade vm-pkg
vm-prepare: vm-deb
vm-deb:
	$(Q)$(MAKE) -s deb DEB_OUT=$(SRCDIR)/out/vm/deb >/dev/null

vm-upgrade:
	$(Q)KERNELS="$(KERNELS)" PLATFORMS="$(PLATFORMS)" $(SRCDIR)/test/vm/upgrade.sh

vm-pkg:
	$(Q)KERNELS="$(KERNELS)" PLATFORMS="$(PLATFORMS)" VM_REFUSE=0 \
		VM_TIMEOUT=$${VM_TIMEOUT:-2400} VMTESTS=$(SRCDIR)/test/vm/pkg \
		VMHOOK=$(SRCDIR)/test/vm/pkg/pkg.hook.sh $(SRCDIR)/test/vm/matrix.sh

# The machines the regular boots mount (tests/deb-machine.host.t): the
# packages installed and built by DKMS on the host (test/vm/pkg/machine.sh).
.PHONY: vm-pkg-machine
vm-prepare: vm-pkg-machine
vm-pkg-machine: vm-deb
	$(Q)$(SRCDIR)/test/vm/pkg/machine.sh
