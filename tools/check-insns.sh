#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-insns.sh MODULE.ko
#
# Fails if the module's code contains a privileged instruction: one that a
# Xen PV kernel (which runs deprivileged) must never execute, because it
# faults (#GP) or silently misbehaves there:
#   cli sti lidt sidt lgdt sgdt lldt ltr, mov to/from %cr0-%cr8 and %db*,
#   rdmsr wrmsr hlt invlpg invd wbinvd in out (and ins/outs), swapgs sysret
#   iretq clts
# Every executable section is disassembled except .altinstr_replacement:
# the kernel copies a replacement over the original instruction only when
# the CPU has the feature the alternative names; the paravirt irq
# alternatives (whose replacements are a native cli/sti/pushf) are marked
# "not Xen PV" and so are never patched in, and never run, in a Xen PV
# guest.  They are listed, not counted.
#
# The check fails unless it had something to check: a file that is not an
# ELF kernel module (no .modinfo section) or has no code section fails.
set -eu
ko=${1:?usage: check-insns.sh MODULE.ko}
[ -f "$ko" ] || { echo "check-insns: $ko not found (build it first)" >&2; exit 2; }

pattern='^(cli|sti|lidt[lqw]?|sidt[lqw]?|lgdt[lqw]?|sgdt[lqw]?|lldt[lqw]?|ltr[lqw]?|rdmsr|wrmsr|hlt|invlpg|invd|wbinvd|in[bwl]?|out[bwl]?|ins[bwl]?|outs[bwl]?|swapgs|sysret[lq]?|iret[lqw]?|clts)$'

if ! hdrs=$(objdump -h "$ko" 2>&1); then
	echo "check-insns: $ko: FAIL: not an ELF object: $hdrs" >&2
	exit 1
fi
if ! printf '%s\n' "$hdrs" | awk '$2 == ".modinfo" { f = 1 } END { exit !f }'; then
	echo "check-insns: $ko: FAIL: not a kernel module (no .modinfo section)" >&2
	exit 1
fi
sections=$(printf '%s\n' "$hdrs" | awk '
	/^ *[0-9]+ / { name = $2; getline; if ($0 ~ /CODE/) print name }')
if [ -z "$sections" ]; then
	echo "check-insns: $ko: FAIL: 0 code sections, nothing to check" >&2
	exit 1
fi

bad=0 alt=0
ninsns=0
for s in $sections; do
	dis=$(objdump -d --no-show-raw-insn -j "$s" "$ko") || {
		echo "check-insns: $ko: FAIL: objdump -d -j $s failed" >&2; exit 1; }
	ninsns=$((ninsns + $(printf '%s\n' "$dis" | grep -cE '^ *[0-9a-f]+:[[:space:]]' || true)))
	out=$(printf '%s\n' "$dis" | awk -v pat="$pattern" -v sec="$s" '
		/^[0-9a-f]+ <.*>:$/ { fn = $2 }
		/^ *[0-9a-f]+:\t/ {
			split($0, f, "\t"); ins = f[2]
			n = split(ins, w, /[ \t]+/)
			i = 1
			while (i < n && w[i] ~ /^(lock|rep|repz|repe|repnz|repne|notrack|bnd|data16|addr32|cs|ds|es|ss|fs|gs|rex.*)$/) i++
			m = w[i]; ops = ""
			for (j = i + 1; j <= n; j++) ops = ops w[j]
			if (m ~ pat || (m ~ /^mov[lq]?$/ && ops ~ /%(cr[0-9]|db[0-7]|dr[0-7])/))
				printf "%s %s %s\t%s\n", sec, fn, f[1], ins
		}')
	[ -n "$out" ] || continue
	if [ "$s" = .altinstr_replacement ]; then
		alt=$((alt + $(printf '%s\n' "$out" | wc -l)))
		printf '%s\n' "$out" | sed 's/^/  (alternative, not counted) /'
	else
		bad=$((bad + $(printf '%s\n' "$out" | wc -l)))
		printf '%s\n' "$out" | sed 's/^/  PRIVILEGED: /'
	fi
done
if [ "$ninsns" -eq 0 ]; then
	echo "check-insns: $ko: FAIL: no instruction disassembled in $(echo $sections | wc -w) code sections" >&2
	exit 1
fi
echo "check-insns: $ko: $(echo $sections | wc -w) code sections, $ninsns instructions, $bad privileged instruction(s), $alt in .altinstr_replacement (never patched in under Xen PV)"
[ "$bad" -eq 0 ]
