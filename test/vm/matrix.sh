#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# matrix.sh - build dtrace.ko and test it in QEMU for every kernel and
# platform: one boot per configuration.
#
#   KERNELS    releases or short names (default: newest installed 6.1 and
#              6.12, from /boot/vmlinuz-*)
#   PLATFORMS  native xenpv (default both)
#   VMTESTS    test directory (default test/vm/tests)
#   VM_REFUSE  1 (default): also boot each platform in PLATFORMS with the
#              other platform's module and expect the load to be refused
#   VMHOOK, VM_TIMEOUT, VM_TEST_TIMEOUT: passed to run.sh (VMHOOK=none:
#              no hook; set but empty: an error)
#
# First makes vm-prepare (host-side artifacts of the guest tests).
# Prints one line per configuration, then "N passed, N failed"; exits 1 if
# any configuration failed.  Logs: out/vm/log/, runs: out/vm/run/.
set -eu

. "$(dirname "$0")/lib.sh"

# Missing tools: install them (quiet when all is there) unless told not to.
for t in qemu-system-x86_64 gcc make cpio xz; do
	if ! command -v $t >/dev/null || [ ! -x /bin/busybox ]; then
		[ "${VM_NO_DEPS:-0}" = 1 ] && vm_die "$t missing: run test/deps.sh"
		"$VM_SRCDIR/test/deps.sh"
		break
	fi
done

# VMHOOK unset or "none": no hook; set but empty: a mistake (run.sh).
if [ "${VMHOOK+set}" = set ] && [ -z "$VMHOOK" ]; then
	vm_die "VMHOOK is set but empty: name a hook script, or VMHOOK=none for no hook"
fi

kernels=${KERNELS:-}
[ -n "$kernels" ] || kernels=$(vm_default_kernels)
platforms=${PLATFORMS:-native xenpv}
testdir=${VMTESTS:-$VM_SRCDIR/test/vm/tests}
refuse=${VM_REFUSE:-1}
other() { [ "$1" = native ] && echo xenpv || echo native; }

npass=0 nfail=0
log=$VM_OUT/log
mkdir -p "$log"
t_all=$SECONDS

result() {	# LINE PASS|FAIL [LOGFILE]
	echo "$1"
	if [ "$2" = PASS ]; then
		npass=$((npass + 1))
	else
		nfail=$((nfail + 1))
		# the log without its verdict line and without the passing tests
		[ -n "${3:-}" ] && [ -s "$3" ] &&
			sed -e '${/^vm /d}' "$3" | grep -vE '^  (PASS|SKIP) ' | head -n 150 | sed 's/^/    /'
	fi
	return 0
}

# run_cfg NAME [run.sh args...]: one boot, its last line is the verdict
run_cfg() {
	local name=$1 l
	shift
	if "$VM_SRCDIR/test/vm/run.sh" "$@" >"$log/$name.log" 2>&1; then
		result "$(tail -n1 "$log/$name.log")" PASS
	else
		l=$(tail -n1 "$log/$name.log")
		case $l in vm\ *) ;; *) l="vm $name: FAIL ($l)" ;; esac
		result "$l" FAIL "$log/$name.log"
	fi
}

if ! vm_prepare; then
	result "vm prepare: FAIL (make vm-prepare)" FAIL "$log/prepare.log"
fi
[ -n "$kernels" ] || { echo "vm: no 6.1 or 6.12 kernel in /boot"; echo "0 passed, 1 failed"; exit 1; }
for k in $kernels; do
	if ! krel=$(vm_kernel_release "$k" 2>/dev/null); then
		result "vm $k: FAIL (kernel not installed)" FAIL
		continue
	fi
	declare -A mod=()
	want=$platforms
	if [ "$refuse" = 1 ]; then
		for p in $platforms; do want="$want $(other "$p")"; done
	fi
	for p in native xenpv; do
		case " $want " in *" $p "*) ;; *) continue ;; esac
		t0=$SECONDS
		if m=$(vm_build_module "$krel" "$p"); then
			mod[$p]=$m
		else
			result "vm $krel $p: FAIL (build failed, $((SECONDS - t0)) s)" FAIL \
				"$log/build-$krel-$p.log"
		fi
	done
	for p in $platforms; do
		[ -n "${mod[$p]:-}" ] && run_cfg "$krel-$p" "$krel" "$p" "${mod[$p]}" "$testdir"
	done
	if [ "$refuse" = 1 ]; then
		for p in $platforms; do
			o=$(other "$p")
			[ -n "${mod[$o]:-}" ] &&
				run_cfg "$krel-$p-refuse" --expect-refuse "$krel" "$p" "${mod[$o]}"
		done
	fi
	unset mod
done

echo "vm: $((SECONDS - t_all)) s in all"
echo "$npass passed, $nfail failed"
[ $nfail = 0 ]
