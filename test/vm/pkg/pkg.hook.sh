#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The VM hook of `make vm-pkg`: pkg.sh (install, DKMS, modprobe, one-liner,
# purge) as the result pkg.
. "$(dirname "$(realpath "$0")")/hook.sh"
hook_run pkg "$(dirname "$(realpath "$0")")/pkg.sh"
