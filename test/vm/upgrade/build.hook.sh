#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The VM hook of the first boot of `make vm-upgrade`: build.sh as the
# result upgrade-build.
. "$(dirname "$(realpath "$0")")/../pkg/hook.sh"
hook_run upgrade-build "$(dirname "$(realpath "$0")")/build.sh"
