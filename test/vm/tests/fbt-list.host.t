#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fbt provider: dtrace -l -P fbt: the kernel's functions (vfs_read), no '.' names, no
# dtrace.ko functions, none that probe context calls.
set -u
. "$(dirname "$0")/fbt.sh"

# -- listing ---------------------------------------------------------------
$D -l -P fbt >/tmp/fbt.list 2>/tmp/fbt.err || fail "dtrace -l -P fbt: $(cat /tmp/fbt.err)"
n=$(wc -l </tmp/fbt.list)
echo "dtrace -l -P fbt: $n lines"
grep -Eq '^ *[0-9]+ +fbt +vmlinux +vfs_read +entry$' /tmp/fbt.list &&
	grep -Eq '^ *[0-9]+ +fbt +vmlinux +vfs_read +return$' /tmp/fbt.list &&
	ok "vfs_read entry and return listed" || fail "vfs_read not listed"
[ "$n" -gt 10000 ] && ok "more than 10000 fbt probes" || fail "only $n fbt probes"
awk 'NR > 1 && $4 ~ /\./' /tmp/fbt.list | head -3 >/tmp/fbt.dots
[ -s /tmp/fbt.dots ] && fail "names with '.': $(cat /tmp/fbt.dots)" || ok "no '.' names"
awk 'NR > 1 && ($3 == "dtrace" || $4 ~ /^dtrace_/)' /tmp/fbt.list | head -3 >/tmp/fbt.own
[ -s /tmp/fbt.own ] && fail "dtrace.ko's own functions: $(cat /tmp/fbt.own)" || ok "no dtrace.ko functions"
for f in ktime_get_mono_fast_ns copy_from_kernel_nofault; do
	grep -Eq " $f +entry$" /tmp/fbt.list && fail "$f (probe context) listed"
done
awk 'NR > 1 && $2 != "fbt"' /tmp/fbt.list | head -1 | grep -q . &&
	fail "-P fbt lists other providers"

fbt_done
