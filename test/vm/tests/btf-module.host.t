#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 150 (about ten dtrace starts, each seconds under Xen PV)
# Typed args[] of a module's function from the module's BTF
# (/sys/kernel/btf/dummy, split on vmlinux's): dummy.ko's
# dummy_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *)
# runs for dummy0 when /proc/net/dev is read; its args[0]'s name and
# ifindex against sysfs, and dtrace -lv's argument types; DTrace's
# module-scoped type names.
set -u
. "$(dirname "$0")/fbt.sh"

ko=$(ls /lib/modules/$(uname -r)/kernel/drivers/net/dummy.ko* 2>/dev/null | head -1)
if [ -z "$ko" ] || grep -q '^dummy ' /proc/modules; then
	echo "SKIP: dummy.ko missing or loaded"
	exit 77
fi
insmod "$ko" numdummies=1 || { fail "insmod $ko"; exit 1; }
[ -r /sys/kernel/btf/dummy ] || fail "no /sys/kernel/btf/dummy"
ifindex=$(cat /sys/class/net/dummy0/ifindex)
out=$($D -q -n 'fbt:dummy:dummy_get_stats64:entry /pid == $target/ {
	printf("stats %s %d\n", stringof(args[0]->name), args[0]->ifindex);
	exit(0); }' -c "cat /proc/net/dev" 2>&1)
echo "$out" | grep -v '|'
echo "$out" | grep -qx "stats dummy0 $ifindex" &&
	ok "dummy_get_stats64: args[0] a struct net_device * (dummy0, ifindex $ifindex)" ||
	fail "dummy_get_stats64 args: want 'stats dummy0 $ifindex'"

$D -lv -n fbt:dummy:dummy_get_stats64:entry 2>&1 | sed -n '/Argument Types/,$p' >/tmp/btf-mlv
cat /tmp/btf-mlv
grep -Fxq '		args[0]: struct net_device *' /tmp/btf-mlv &&
	grep -Fxq '		args[1]: struct rtnl_link_stats64 *' /tmp/btf-mlv &&
	ok "-lv fbt:dummy:dummy_get_stats64:entry: the module's prototype" ||
	fail "-lv dummy_get_stats64 argument types"
out=$($D -q -n 'fbt:dummy:dummy_get_stats64:entry { trace(args[2]); }' 2>&1)
echo "$out" | grep -q "index 2 is out of range for fbt:dummy:dummy_get_stats64:entry args\[ \]" &&
	ok "args[2]: out of range" || fail "args[2]: $out"
rm -f /tmp/btf-mlv

# -- DTrace's module-scoped type names (struct mod`tag, mod`typedef): a
# type only loop.ko defines (struct loop_device, whose first member is
# lo_number), and one a module uses from vmlinux (struct net_device, the
# same type scoped to dummy or not); unscoped, a module's own type is not
# found until the module's BTF has been read ------------------------------
lp=$(ls /lib/modules/$(uname -r)/kernel/drivers/block/loop.ko* 2>/dev/null | head -1)
lpin=
grep -q '^loop ' /proc/modules || { [ -n "$lp" ] && insmod "$lp" && lpin=1; }
if [ -r /sys/kernel/btf/loop ]; then
	out=$($D -q -n 'BEGIN { printf("scoped %d %d %d %d\n",
	    offsetof(struct loop`loop_device, lo_number),
	    sizeof (struct loop`loop_device) > 8,
	    sizeof (struct dummy`net_device) == sizeof (struct net_device),
	    sizeof (vmlinux`pid_t)); exit(0); }' 2>&1)
	echo "$out"
	echo "$out" | grep -qx "scoped 0 1 1 4" &&
		ok "struct loop\`loop_device, struct dummy\`net_device, vmlinux\`pid_t" ||
		fail "module-scoped type names: want 'scoped 0 1 1 4'"
	out=$($D -q -n 'BEGIN { trace(sizeof (struct loop_device)); exit(0); }' 2>&1)
	echo "$out" | grep -q "incomplete" && ok "unscoped struct loop_device: not found" ||
		fail "unscoped struct loop_device: $out"
else
	echo "no loop module BTF: scoped names not tested"
fi
[ -n "$lpin" ] && rmmod loop

# -- a module's tracepoint: nbd's events (group nbd) have their prototypes
# in nbd's BTF: nbd_send_request(struct nbd_request *, int index, struct
# request *rq) -------------------------------------------------------------
nb=$(ls /lib/modules/$(uname -r)/kernel/drivers/block/nbd.ko* 2>/dev/null | head -1)
if [ -n "$nb" ] && ! grep -q '^nbd ' /proc/modules && insmod "$nb" nbds_max=1; then
	$D -lv -n sdt:nbd::nbd_send_request 2>&1 | sed -n '/Argument Types/,$p' >/tmp/btf-nlv
	cat /tmp/btf-nlv
	grep -Fxq '		args[0]: struct nbd_request *' /tmp/btf-nlv &&
		grep -Fxq '		args[1]: int' /tmp/btf-nlv &&
		grep -Fxq '		args[2]: struct request *' /tmp/btf-nlv &&
		ok "-lv sdt:nbd::nbd_send_request: from nbd's BTF" ||
		fail "-lv sdt:nbd::nbd_send_request argument types"
	out=$($D -q -n 'sdt:nbd::nbd_send_request { trace(args[2]->tag); }
	    BEGIN { printf("compiled\n"); exit(0); }' 2>&1)
	echo "$out" | grep -qx compiled && ok "sdt:nbd::nbd_send_request args[2]->tag" ||
		fail "nbd args[2]->tag: $out"
	rm -f /tmp/btf-nlv
	rmmod nbd || fail "rmmod nbd"
else
	echo "nbd.ko missing or loaded: module tracepoint not tested"
fi
rmmod dummy || fail "rmmod dummy"
fbt_done
