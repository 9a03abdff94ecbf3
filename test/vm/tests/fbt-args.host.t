#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fbt provider: entry arguments and return values of vfs_read (dd reads 1234 bytes:
# entry arg2 = 1234, return arg1 = 1234, arg0 = -1 as in Oracle's Linux
# DTrace), and -F's layout of nested entry/return pairs.
set -u
. "$(dirname "$0")/fbt.sh"

# -- entry arguments and return values -------------------------------------
out=$($D -q -n 'fbt::vfs_read:entry /execname == "dd" && arg2 == 1234/ { printf("entry %d\n", arg2); }
fbt::vfs_read:return /execname == "dd" && arg1 == 1234/ { printf("return %d %d\n", arg0, arg1); }' -c "$DD" 2>&1)
echo "$out"
echo "$out" | grep -qx "entry 1234" && ok "entry arg2 = dd's count" || fail "no vfs_read entry with count 1234"
echo "$out" | grep -qx "return -1 1234" && ok "return arg1 = bytes read, arg0 = -1" || fail "no vfs_read return of 1234"

# -- stack(): starts at the caller (DTrace: the probed function has no
# frame yet at entry, and has left its own at return) ----------------------
for n in entry return; do
	$D -q -n "fbt::vfs_read:$n /execname == \"dd\"/ { stack(); exit(0); }" -c "$DD" >/tmp/fbt.stk 2>&1
	first=$(awk 'NF { print $1; exit }' /tmp/fbt.stk)
	case $first in
	vmlinux\`ksys_read+0x*|vmlinux\`__x64_sys_read+0x*) ok "stack() at $n starts at the caller" ;;
	*) fail "stack() at $n: $(cat /tmp/fbt.stk)" ;;
	esac
done

# -- -F ---------------------------------------------------------------------
$D -F -n 'fbt::ksys_read:entry,fbt::vfs_read:entry,fbt::vfs_read:return,fbt::ksys_read:return /execname == "dd" && self->n < 4/ { self->n++; }' \
	-c "$DD" >/tmp/fbt.flow 2>/dev/null
cat /tmp/fbt.flow
head -1 /tmp/fbt.flow | grep -Eq '^CPU FUNCTION *$' && ok "-F heading" || fail "-F heading"
# DTrace: entry "-> f", nested two more columns, return "<- f" back out.
sed -n 2,5p /tmp/fbt.flow | sed -E 's/^ *[0-9]+ //; s/ +$//' >/tmp/fbt.flow2
printf '%s\n' ' -> ksys_read' '   -> vfs_read' '   <- vfs_read' ' <- ksys_read' |
	diff - /tmp/fbt.flow2 && ok "-F indents entry/return" || fail "-F layout"

grep -q '^fbt_entry_sites_enabled: 0$' /sys/kernel/debug/dtrace/status &&
	grep -q '^fbt_return_probes_registered: 0$' /sys/kernel/debug/dtrace/status &&
	ok "nothing left enabled" || fail "sites left enabled"
grep -q '^fbt_filter_errors: 0$' /sys/kernel/debug/dtrace/status || fail "ftrace filter errors"
fbt_done
