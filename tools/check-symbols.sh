#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-symbols.sh MODULE.ko
#
# Everything in dtrace.c is static: the only global symbols the module may
# define are the ones module_init/module_exit and the module loader create
# (init_module, cleanup_module, __this_module), the __pfx_ padding symbols
# 6.x kernels with call-depth tracking emit before each of those two
# functions, and the __start_/__stop_alloc_tags section bounds that the
# kernel's module linker script (6.10+, memory allocation profiling)
# defines in every module.  Anything else would leak a name into the
# kernel's namespace and fails this check.
#
# The check fails unless it had something to check: a file nm cannot read,
# or one that does not define __this_module (not a kernel module: 0 global
# symbols, say) fails.
set -eu
ko=${1:?usage: check-symbols.sh MODULE.ko}
[ -f "$ko" ] || { echo "check-symbols: $ko not found (build it first)" >&2; exit 2; }
allowed='^((__pfx_)?init_module|(__pfx_)?cleanup_module|__this_module|__(start|stop)_alloc_tags)$'
if ! syms=$(nm --defined-only "$ko" 2>&1); then
	echo "check-symbols: $ko: FAIL: nm cannot read it: $syms" >&2
	exit 1
fi
globals=$(printf '%s\n' "$syms" | awk '$2 ~ /^[A-Z]$/ { print $3 }' | sort)
if ! printf '%s\n' "$globals" | grep -qx __this_module; then
	echo "check-symbols: $ko: FAIL: not a kernel module (no __this_module among its $(printf '%s\n' "$globals" | grep -c . || true) global symbols)" >&2
	exit 1
fi
extra=$(printf '%s\n' "$globals" | grep -Ev "$allowed" | grep -v '^$' || true)
n=$(printf '%s\n' "$globals" | grep -c . || true)
if [ -n "$extra" ]; then
	printf 'check-symbols: unexpected global symbol: %s\n' $extra
	echo "check-symbols: $ko: FAIL"
	exit 1
fi
echo "check-symbols: $ko: $n global symbols, all allowed ($(echo $globals))"
