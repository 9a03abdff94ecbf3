#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make demo: the first D script, with the module's identity.
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cat /sys/kernel/debug/dtrace/status 2>/dev/null | sed -n '1,6p'
exec "$REPO/out/cmd/dtrace" -n 'BEGIN { printf("hello from D on CPU %d, pid %d (%s)\n", cpu, pid, execname); exit(0); }'
