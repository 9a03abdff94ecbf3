#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fbt provider: a module (dummy.ko) loaded while fbt:dummy:: is enabled gets probes
# that fire; unloaded while enabled, its probes go and the consumer runs on.
set -u
. "$(dirname "$0")/fbt.sh"

# -- a module loaded and unloaded while its probes are enabled -------------
ko=$(ls /lib/modules/$(uname -r)/kernel/drivers/net/dummy.ko* 2>/dev/null | head -1)
if [ -n "$ko" ] && ! grep -q '^dummy ' /proc/modules; then
	bg /tmp/fbt.mod -Z -n 'fbt:dummy::entry { @[probefunc] = count(); }
		fbt::vfs_read:entry /execname == "dd" && arg2 == 1234/ { printf("still %d\n", arg2); }
		END { printa("%s %@d\n", @); }'
	pid=$bgpid
	insmod "$ko" numdummies=1 || fail "insmod $ko"
	$D -l -m dummy >/tmp/fbt.mlist 2>&1
	grep -q 'dummy_setup' /tmp/fbt.mlist && ok "module's probes appear on load" || fail "no probes for dummy: $(cat /tmp/fbt.mlist)"
	rmmod dummy || fail "rmmod dummy"
	$DD
	sleep 2
	kill -INT $pid; wait $pid
	cat /tmp/fbt.mod
	grep -q '^dummy_setup [1-9]' /tmp/fbt.mod && ok "dummy_setup fired while loaded" || fail "dummy_setup did not fire"
	grep -qx 'still 1234' /tmp/fbt.mod && ok "consumer kept running after rmmod" || fail "consumer stopped after rmmod"
	$D -l -m dummy >/tmp/fbt.mlist 2>&1
	grep -q 'dummy_setup' /tmp/fbt.mlist && fail "dummy's probes survive rmmod" || ok "probes gone with the module"
else
	echo "dummy.ko missing or loaded: module test skipped"
fi

grep -q '^fbt_entry_sites_enabled: 0$' /sys/kernel/debug/dtrace/status &&
	grep -q '^fbt_return_probes_registered: 0$' /sys/kernel/debug/dtrace/status &&
	ok "nothing left enabled" || fail "sites left enabled"
grep -q '^fbt_filter_errors: 0$' /sys/kernel/debug/dtrace/status || fail "ftrace filter errors"
fbt_done
