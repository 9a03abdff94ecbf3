#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [--expect-refuse|--expect-panic] [--shell] KVER PLATFORM MODULE [TESTDIR]
#
# Boot Debian kernel KVER (a full release or 6.1 / 6.12) in QEMU TCG, natively
# (PLATFORM=native) or as a Xen PV dom0 (PLATFORM=xenpv), insmod MODULE (a
# host path; the guest sees the host root over 9p), run TESTDIR/*.t
# (default test/vm/tests) with test/vm/guest-run.sh, rmmod, and judge the run
# from the results channel and the run directory only.
#
#   --expect-refuse  the module was built for the other platform: insmod
#                    must fail with ENODEV and explain itself in dmesg
#   --expect-panic   a test in TESTDIR calls DTrace's panic(): the boot
#                    must reach the test runner, never send its summary,
#                    and the console must show the kernel panic naming the
#                    probe (dtrace:::BEGIN), with no BUG/WARNING/Oops before
#   --shell          interactive: console on stdio, shell after the tests
#
# Environment: VMHOOK (script run chrooted in the guest after the tests;
# unset or "none": no hook, set but empty: an error),
# VM_TIMEOUT (whole boot, default 300 s), VM_TEST_TIMEOUT (per test, 60 s),
# VM_HOOK_TIMEOUT (1800 s), VM_OUT (cache and runs, default out/vm),
# VM_ACCEL (QEMU's -accel, default tcg,thread=single, both vCPUs on one
# host thread; tcg is multi-threaded TCG: see below for why not),
# VM_VERBOSE=1 (copy the console to stderr afterwards).
#
# Output: one line per test, then
#   vm KREL PLATFORM: PASS|FAIL (N passed, M failed, T s)
# Exit status 0 on PASS, 1 on FAIL, 2 on usage or setup errors.
set -eu

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/judge.sh"

mode=test shell=0
while [ $# -gt 0 ]; do
	case $1 in
	--expect-refuse) mode=refuse; shift ;;
	--expect-panic) mode=panic; shift ;;
	--shell) shell=1; shift ;;
	--) shift; break ;;
	-*) vm_die "unknown option $1" ;;
	*) break ;;
	esac
done
[ $# -ge 3 ] && [ $# -le 4 ] ||
	vm_die "usage: run.sh [--expect-refuse|--expect-panic] [--shell] KVER native|xenpv MODULE [TESTDIR]"

krel=$(vm_kernel_release "$1")
platform=$2
module=$3
testdir=${4:-$VM_SRCDIR/test/vm/tests}
case $platform in native|xenpv) ;; *) vm_die "PLATFORM must be native or xenpv" ;; esac
[ -f "$module" ] || vm_die "no module $module"
module=$(realpath "$module")
testdir=$(realpath "$testdir")
# VMHOOK unset or "none": no hook.  Set but empty is a mistake (a
# variable that was meant to name the hook), never a silent "no hook".
hook=
if [ "${VMHOOK+set}" = set ] && [ -z "$VMHOOK" ]; then
	vm_die "VMHOOK is set but empty: name a hook script, or VMHOOK=none for no hook"
elif [ -n "${VMHOOK:-}" ] && [ "$VMHOOK" != none ]; then
	[ -x "$VMHOOK" ] || vm_die "VMHOOK $VMHOOK is not executable"
	hook=$(realpath "$VMHOOK")
fi
timeout=${VM_TIMEOUT:-300}
[ "$shell" = 1 ] && timeout=86400
kernel=/boot/vmlinuz-$krel

tag=$krel-$platform
[ $mode = refuse ] && tag=$tag-refuse
[ $mode = panic ] && tag=$tag-panic
dir=$VM_OUT/run/$tag
res=$dir/results
for p in "$module" "$testdir" "$hook" "$res" "$kernel"; do
	case $p in *[,\'\ ]*) vm_die "path with a comma, quote or space: $p" ;; esac
done

initrd=$("$VM_SRCDIR/test/vm/mkinitramfs.sh" "$krel")
vm_build_bins

# Fresh run directory; only results/ is shared with the guest.  Runs of
# the same configuration (make -j) take turns.
mkdir -p "$VM_OUT/run"
exec 9>"$dir.lock"
flock 9
rm -rf "$dir"
mkdir -p "$res"
# VM_ACCEL: QEMU's -accel value (default tcg,thread=single: both vCPUs on
# one host thread).  QEMU's multi-threaded TCG (VM_ACCEL=tcg) can run
# kernel text that text_poke_bp() already rewrote, and any boot that
# enables tracepoints or ftrace may then die of "Oops: int3" with or
# without our module (test/vm/xmc/README); single-threaded TCG never did,
# and costs about 15% of a boot's time (a 6.12 native make-check boot:
# 411 s against 353 s).
accel=${VM_ACCEL:-tcg,thread=single}
case $accel in *thread=single*) tcg=single ;; *) tcg=multi ;; esac
cat >"$res/job.env" <<EOF
VM_MODE='$mode'
VM_PLATFORM='$platform'
VM_MODULE='$module'
VM_TESTDIR='$( [ $mode != refuse ] && echo "$testdir" )'
VM_HOOK='$hook'
VM_SHELL='$shell'
VM_RUNDIR='$res'
VM_SRCDIR='$VM_SRCDIR'
VM_BINDIR='$VM_OUT/bin'
VM_TEST_TIMEOUT='${VM_TEST_TIMEOUT:-60}'
VM_HOOK_TIMEOUT='${VM_HOOK_TIMEOUT:-1800}'
VM_TCG='$tcg'
EOF
nonce=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
# no_timer_check: under TCG on a loaded host the IO-APIC timer check can
# fail spuriously ("IO-APIC + timer doesn't work") and panic the boot.
# VM_KERNEL_ARGS: more kernel parameters (debugging: kfence.sample_interval=10,
# slub_debug=FZP, ...).
cmdline="panic_on_warn=1 panic=-1 oops=panic no_timer_check${VM_KERNEL_ARGS:+ $VM_KERNEL_ARGS} vmnonce=$nonce"

qemu=(qemu-system-x86_64 -accel "$accel" -smp 2 -nodefaults -no-user-config
	-display none -no-reboot -monitor none)
if [ "$shell" = 1 ]; then
	qemu+=(-chardev stdio,id=c0,signal=off)
else
	qemu+=(-chardev "file,path=$dir/console.log,id=c0")
fi
qemu+=(-serial chardev:c0 -chardev "file,path=$dir/channel.txt,id=r" -serial chardev:r
	-virtfs local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap
	-virtfs "local,path=$res,mount_tag=results,security_model=none,multidevs=remap")
if [ $platform = native ]; then
	qemu+=(-cpu max -m 1024 -kernel "$kernel" -initrd "$initrd"
		-append "console=ttyS0 $cmdline")
else
	xen=$(vm_xen_image)
	# Xen on com1; dom0's command line goes inside -initrd, before the comma.
	qemu+=(-cpu qemu64 -m 1536 -kernel "$xen"
		-append "console=com1 com1=115200 dom0_mem=1024M"
		-initrd "$kernel console=hvc0 $cmdline,$initrd")
fi

t0=$(date +%s.%N)
if [ "$shell" = 1 ]; then
	"${qemu[@]}" || true
else
	timeout -k 5 "$timeout" "${qemu[@]}" >"$dir/qemu.log" 2>&1 &
	qpid=$!
	# QEMU normally exits on poweroff; stop waiting shortly after the summary.
	done_at=
	while kill -0 $qpid 2>/dev/null; do
		if [ -z "$done_at" ] && grep -qs "DTRACE-VM-SUMMARY nonce=$nonce " \
			"$dir/channel.txt" "$res/summary"; then
			done_at=$SECONDS
		fi
		if [ -n "$done_at" ] && [ $((SECONDS - done_at)) -ge 15 ]; then
			kill $qpid 2>/dev/null || true
			echo "qemu did not exit after the summary: killed" >>"$dir/qemu.log"
			break
		fi
		sleep 0.3
	done
	wait $qpid || echo "qemu exit status $?" >>"$dir/qemu.log"
fi
t1=$(date +%s.%N)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", b - a + 0.5 }')
echo "$secs" >"$dir/seconds"

# ---- judge: the channel and results/ only --------------------------------
npass=0 nfail=0 problems=()

summary=$(tr -d '\r' <"$dir/channel.txt" 2>/dev/null |
	grep -m1 "^DTRACE-VM-SUMMARY nonce=$nonce " || true)
if [ $mode = panic ]; then
	# The test panics the kernel: no summary, the panic on the console.
	tr -d '\r' <"$dir/console.log" >"$dir/console.txt" 2>/dev/null || :
	want='Kernel panic - not syncing: dtrace: panic action at probe dtrace:::BEGIN \(epid [0-9]+\)'
	if [ "$(cat "$res/started" 2>/dev/null)" = "$nonce" ]; then
		ok "boot reached the test runner"
	else
		problem "boot never reached the test runner"
	fi
	if [ "$(cat "$res/insmod.rc" 2>/dev/null)" = 0 ]; then
		ok "insmod $(basename "$module")"
	else
		problem "insmod failed"
		indent <"$res/insmod.out"
	fi
	if [ -n "$summary" ]; then
		problem "the guest finished its tests: panic() did not panic"
		for r in "$res"/t/*.result; do [ -e "$r" ] && indent 20 <"$r"; done
	fi
	p=$(grep -m1 -nE "$want" "$dir/console.txt" || true)
	if [ -n "$p" ]; then
		ok "console: $(sed -E 's/^[0-9]+:(\[[^]]*\] *)?//' <<<"$p")"
		before=$(head -n "${p%%:*}" "$dir/console.txt" |
			grep -E '(^|[^[:alnum:]_])(BUG|WARNING)([^[:alnum:]_]|$)|Oops|general protection' || true)
		if [ -z "$before" ]; then
			ok "no BUG/WARNING/Oops before the panic"
		else
			problem "console has BUG/WARNING/Oops before the panic:"
			indent <<<"$before"
		fi
	else
		problem "no '$want' on the console"
	fi
	summary=
elif [ -z "$summary" ]; then
	if [ "$(cat "$res/started" 2>/dev/null)" = "$nonce" ]; then
		problem "no summary on the results channel (guest crashed or hung)"
	else
		problem "boot never reached the test runner"
	fi
	[ -s "$res/init-error" ] && indent <"$res/init-error"
elif ! grep -qx "$summary" "$res/summary" 2>/dev/null; then
	problem "results/summary disagrees with the channel"
fi

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$summary"; }
dmesg_bad() {
	grep -nE '(^|[^[:alnum:]_])(BUG|WARNING)([^[:alnum:]_]|$)|Oops|general protection|Call Trace' \
		"$res/dmesg.txt" || true
}

if [ -n "$summary" ]; then
	if [ $mode = refuse ]; then
		# Wrong platform: ENODEV, an explanation in dmesg, no device node.
		if [ "$(field insmod)" != 0 ] && grep -q "No such device" "$res/insmod.out"; then
			ok "insmod refused with ENODEV"
		else
			bad "insmod did not fail with ENODEV (exit $(field insmod))"
			indent <"$res/insmod.out"
		fi
		why=$(grep -E 'dtrace:.*built for' "$res/dmesg.txt" || true)
		if [ -n "$why" ]; then
			ok "dmesg explains: $(sed 's/^\[[^]]*\] *//' <<<"$why" | head -n1)"
		else
			bad "no 'dtrace: ... built for ...' line in dmesg"
		fi
		if [ "$(cat "$res/devnode" 2>/dev/null)" = absent ]; then
			ok "no /dev/dtrace"
		else
			bad "/dev/dtrace exists after a refused load"
		fi
	else
		if [ "$(field insmod)" != 0 ]; then
			problem "insmod $(basename "$module") failed (exit $(field insmod))"
			indent <"$res/insmod.out"
		fi
		# Every test in TESTDIR must have a result, the hook too, and
		# every result the hook listed (results/t/expected).
		vm_judge_results "$res/t" "$testdir" "$hook" \
			"$([ "$(field insmod)" = 0 ] && echo 1 || echo 0)"
		if [ "$(field insmod)" = 0 ] && [ "$(field rmmod)" != 0 ]; then
			problem "rmmod failed (exit $(field rmmod))"
			indent <"$res/rmmod.out"
		fi
	fi
	if [ ! -s "$res/dmesg.txt" ]; then
		problem "no dmesg captured"
	else
		found=$(dmesg_bad)
		if [ -n "$found" ]; then
			problem "dmesg has BUG/WARNING/Oops/GP/Call Trace:"
			indent 40 <<<"$found"
		fi
	fi
fi

label="$platform"
[ $mode = refuse ] && label="$platform expect-refuse"
[ $mode = panic ] && label="$platform expect-panic"
if [ $nfail = 0 ] && [ ${#problems[@]} = 0 ] && [ $npass -gt 0 ]; then
	verdict=PASS
else
	verdict=FAIL
	[ $npass = 0 ] && [ $nfail = 0 ] && [ ${#problems[@]} = 0 ] &&
		echo "  FAIL nothing ran"
	echo "  see $dir (console.log, results/)"
	if [ ${#problems[@]} != 0 ] && [ -s "$dir/console.log" ]; then
		tr -d '\r' <"$dir/console.log" >"$dir/console.txt"
		grep -E 'Kernel panic|BUG:|WARNING:|Oops|general protection|\(XEN\).*(Panic|crashed)' \
			"$dir/console.txt" | head -n 5 | indent 5
		echo "  last console lines:"
		tail -n 25 "$dir/console.txt" | indent 25
	fi
fi
[ "${VM_VERBOSE:-0}" = 1 ] && [ -s "$dir/console.log" ] && tr -d '\r' <"$dir/console.log" >&2
echo "vm $krel $label: $verdict ($npass passed, $nfail failed, $secs s)"
[ $verdict = PASS ]
