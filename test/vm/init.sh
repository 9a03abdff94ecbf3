#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=dash
#
# /init of the VM harness initramfs (busybox sh, PID 1).
#
# Mounts the host root read-only over 9p (at /host, with tmpfs on /tmp,
# /var/tmp, /run and /root so chrooted programs can write there), the run
# directory read-write at /results, loads the module under test, runs the tests, unloads the module,
# saves dmesg and reports through a channel the host trusts: the second
# serial port, and /results/summary written last, both carrying the nonce the
# host put on the kernel command line.
#
# The job comes from /results/job.env, written by the host (test/vm/run.sh).

/bin/busybox mkdir -p /bin /proc /sys /dev /tmp /mnt/hostro /host /results
/bin/busybox --install -s /bin
export PATH=/bin HOME=/ TERM=dumb

mount -t devtmpfs dev /dev
[ -e /dev/console ] && exec </dev/console >/dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmp /tmp
ln -sf /proc/self/fd /dev/fd

say() { echo "vm-init: $*"; }

# Fatal: leave a note where the host may find it, then power off.  The host
# fails the run because the summary never arrives.
die() {
	say "FATAL: $*"
	[ -d /results/t ] && echo "$*" >>/results/init-error
	sync
	poweroff -f
	sleep 60
}

NONCE=
for w in $(cat /proc/cmdline); do
	case $w in vmnonce=*) NONCE=${w#vmnonce=} ;; esac
done

# 9p over virtio: module list computed at initramfs build time, in order.
KREL=$(uname -r)
while read -r m; do
	insmod "/lib/modules/$KREL/$m" || die "insmod $m failed"
done </etc/vm-modules

mount9p() {
	i=0
	until mount -t 9p -o "trans=virtio,version=9p2000.L,msize=262144,$3" "$1" "$2"; do
		i=$((i + 1))
		[ $i -ge 20 ] && return 1
		sleep 0.2
	done
}
mount9p host /mnt/hostro ro,cache=loose || die "cannot mount host root over 9p"
mount9p results /results rw || die "cannot mount results share over 9p"
[ -r /results/job.env ] || die "no /results/job.env"
. /results/job.env
mkdir -p /results/t
echo "$NONCE" >/results/started

# View of the host root for chrooted programs: a read-only bind of the 9p
# share, with guest tmpfs on the directories programs expect to write.  No
# overlayfs: the host keeps changing files under the share while the guest
# runs (its own /tmp, other builds), and overlayfs forbids changes to its
# lower layer behind its back (one 6.12 guest oopsed in ovl_lookup on such a
# tree).  Paths of this job that a tmpfs hides (a checkout under /tmp, say)
# are bound back from the host, read-only.
mount -o bind /mnt/hostro /host || die "cannot bind the host root at /host"
WRITABLE="tmp:1777 var/tmp:1777 run:755 root:700"
for w in $WRITABLE; do
	d=${w%%:*}
	[ -d "/host/$d" ] && mount -t tmpfs -o "mode=${w#*:}" "hostw" "/host/$d"
done
# unhide PATH: bind /mnt/hostro/D/X back over /host/D/X when PATH is /D/X/...
unhide() {
	for w in $WRITABLE; do
		d=/${w%%:*}
		case $1 in "$d"/?*) ;; *) continue ;; esac
		top=${1#"$d"/}
		top=$d/${top%%/*}
		grep -q " /host$top " /proc/mounts && return 0
		[ -e "/mnt/hostro$top" ] || return 0
		if [ -d "/mnt/hostro$top" ]; then mkdir -p "/host$top"; else : >"/host$top"; fi
		mount -o bind "/mnt/hostro$top" "/host$top" || die "cannot bind $top"
		return 0
	done
}
for p in "$VM_SRCDIR" "$VM_MODULE" "$VM_BINDIR" "${VM_TESTDIR:-}" "${VM_HOOK:-}" "$VM_RUNDIR"; do
	[ -n "$p" ] && unhide "$p"
done
mount -t proc proc /host/proc
mount -t sysfs sys /host/sys
mount -t debugfs debugfs /host/sys/kernel/debug
mount -t devtmpfs dev /host/dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /host/dev/pts
mount -t tmpfs shm /host/dev/shm
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
# The run directory appears at its host path inside the chroot too.
mkdir -p "/host$VM_RUNDIR" && mount -o bind /results "/host$VM_RUNDIR" ||
	die "cannot bind /results at $VM_RUNDIR"

MODNAME=$(basename "$VM_MODULE" .ko | tr - _)
export DTRACE_TEST_PLATFORM="$VM_PLATFORM" DTRACE_TEST_KVER="$KREL"
say "loading $VM_MODULE ($VM_MODE)"
insmod "/host$VM_MODULE" >/results/insmod.out 2>&1
INSMOD=$?
echo $INSMOD >/results/insmod.rc
cat /results/insmod.out

RMMOD=-
if [ "$VM_MODE" = refuse ]; then
	# Wrong-platform boot: the module must refuse to load.
	if [ -e /dev/dtrace ]; then echo present; else echo absent; fi >/results/devnode
	if [ $INSMOD = 0 ]; then
		rmmod "$MODNAME" >/results/rmmod.out 2>&1
		RMMOD=$?
	fi
elif [ $INSMOD = 0 ]; then
	cat /sys/kernel/debug/dtrace/status >/results/status.txt 2>/dev/null ||
		cat /proc/dtrace/status >/results/status.txt 2>/dev/null
	[ -n "${VM_TESTDIR:-}" ] && /guest-run.sh "$VM_TESTDIR" /results/t
	if [ -n "${VM_HOOK:-}" ]; then
		/guest-run.sh --hook "$VM_HOOK" /results/t
	fi
	if [ "${VM_SHELL:-0}" = 1 ]; then
		say "interactive shell (exit to finish the run)"
		setsid cttyhack sh -l
	fi
	rmmod "$MODNAME" >/results/rmmod.out 2>&1
	RMMOD=$?
	cat /results/rmmod.out
fi
echo "$RMMOD" >/results/rmmod.rc

dmesg >/results/dmesg.txt

pass=0 fail=0 skip=0
for f in /results/t/*.result; do
	[ -e "$f" ] || continue
	case $(sed -n 's/^exit: //p' "$f" | head -n1) in
	0) pass=$((pass + 1)) ;;
	77) skip=$((skip + 1)) ;;
	*) fail=$((fail + 1)) ;;
	esac
done

line="DTRACE-VM-SUMMARY nonce=$NONCE mode=$VM_MODE insmod=$INSMOD rmmod=$RMMOD passed=$pass failed=$fail skipped=$skip"
say "$line"
umount "/host$VM_RUNDIR" 2>/dev/null
echo "$line" >/results/summary.tmp && mv /results/summary.tmp /results/summary
sync
umount /results
[ -c /dev/ttyS1 ] && echo "$line" >/dev/ttyS1
poweroff -f
sleep 60
