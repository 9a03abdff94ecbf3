#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# VM hook: like hook.host.t, but the whole D corpus on every configuration
# (make dtest-matrix).
DTEST_ALL=1 exec "$(dirname "$0")/hook.host.t"
