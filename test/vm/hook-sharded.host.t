#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# VM hook: like hook.host.t, but the D corpus spread over the matrix (for
# slow machines): see hook.host.t.
DTEST_SHARDED=1 exec "$(dirname "$0")/hook.host.t"
