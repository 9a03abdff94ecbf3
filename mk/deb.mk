# SPDX-License-Identifier: GPL-2.0
#
# Debian packages (debian/): dtrace-dkms (module source, dkms.conf, the
# modprobe rule) and dtrace (the command, its manual page).  Included by
# the top-level Makefile, which sets SRCDIR and VERSION.
#
#   make deb          copy the tree (git's tracked files) to
#                     out/deb/dtrace-VERSION, dpkg-buildpackage -us -uc -b
#                     there (the .debs land in out/deb/), then lintian
#   make deb-check    tools/test-deb.sh: build, file lists, lintian,
#                     install into and purge from a scratch root
#
# Needs dpkg-dev, debhelper, dh-dkms and lintian (test/deps.sh).

DEB_OUT := $(SRCDIR)/out/deb

.PHONY: deb deb-check

deb:
	$(Q)rm -rf $(DEB_OUT) && mkdir -p $(DEB_OUT)/dtrace-$(VERSION)
	$(Q)cd $(SRCDIR) && if git rev-parse --git-dir >/dev/null 2>&1; then \
		git ls-files -z --cached --others --exclude-standard | \
			grep -zv '^out/' | xargs -0 -I{} cp --parents -P {} $(DEB_OUT)/dtrace-$(VERSION)/; \
	else \
		tar -C $(SRCDIR) --exclude=./out -cf - . | tar -C $(DEB_OUT)/dtrace-$(VERSION) -xf -; \
	fi
	$(Q)cd $(DEB_OUT)/dtrace-$(VERSION) && dpkg-buildpackage -us -uc -b >$(DEB_OUT)/build.log 2>&1 || \
		{ tail -30 $(DEB_OUT)/build.log; echo "make deb: dpkg-buildpackage failed (log $(DEB_OUT)/build.log)" >&2; exit 1; }
	$(Q)ls $(DEB_OUT)/*.deb | sed 's/^/  DEB     /'
	$(Q)lintian $(DEB_OUT)/*.changes | tee $(DEB_OUT)/lintian.log; \
	if grep -q '^E:' $(DEB_OUT)/lintian.log; then echo "make deb: lintian errors" >&2; exit 1; fi

deb-check:
	$(Q)$(SRCDIR)/tools/test-deb.sh
