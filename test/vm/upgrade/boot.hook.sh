#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The VM hook of the second boot of `make vm-upgrade`: boot.sh as the
# result upgrade-boot.
. "$(dirname "$(realpath "$0")")/../pkg/hook.sh"
hook_run upgrade-boot "$(dirname "$(realpath "$0")")/boot.sh"
