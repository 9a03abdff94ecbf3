#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-check-insns.sh - proves check-insns.sh catches what it must: one
# object per forbidden instruction must fail the check, a clean object and
# an object whose only cli sits in .altinstr_replacement must pass.  Every
# object carries a .modinfo section (what makes it a module to the check);
# a file that is not ELF, an object without .modinfo and a module without
# code must fail too.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
modinfo='.section .modinfo,"a"
.asciz "license=GPL"'
expect() {
	want=$1 name=$2 body=$3 mi=${4-$modinfo}
	printf '%s\n%s\n' "$body" "$mi" > "$tmp/t.s"
	if ! as --64 -o "$tmp/t.o" "$tmp/t.s" 2>"$tmp/as.err"; then
		echo "FAIL $name: does not assemble: $(cat "$tmp/as.err")"
		fail=$((fail + 1)); return
	fi
	[ -n "${STRIP:-}" ] && objcopy -R "$STRIP" "$tmp/t.o"
	if "$src/tools/check-insns.sh" "$tmp/t.o" >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
	# a failure must be the one expected (WHY), not any failure
	if [ "$got" = "$want" ] && grep -q -- "${WHY:-}" "$tmp/out"; then
		echo "PASS $name (check $got)"; pass=$((pass + 1))
	else
		echo "FAIL $name: check should $want${WHY:+ with /$WHY/}:"; cat "$tmp/out"; fail=$((fail + 1))
	fi
}
clean='.text
f: push %rbp
   mov %rsp,%rbp
   pop %rbp
   ret'
WHY='0 privileged' expect pass clean "$clean"
expect pass altinstr-cli ".text
f: nop
.section .altinstr_replacement,\"ax\"
cli"
for i in cli sti 'lidt (%rax)' 'sidt (%rax)' 'lgdt (%rax)' 'sgdt (%rax)' \
	'lldt %ax' 'ltr %ax' 'mov %rax,%cr0' 'mov %cr3,%rax' 'mov %rax,%cr4' \
	'mov %cr8,%rax' 'mov %rax,%db7' 'mov %db0,%rax' rdmsr wrmsr hlt \
	'invlpg (%rax)' invd wbinvd 'in $0x80,%al' 'out %al,$0x80' \
	'inb (%dx),%al' 'outb %al,(%dx)' insb outsb swapgs sysretq iretq clts; do
	WHY=PRIVILEGED expect fail "$(echo "$i" | tr ' ' _)" ".text
f: nop
   $i
   ret"
done
# Nothing to check is a failure.
WHY='no .modinfo' expect fail no-modinfo "$clean" ""
WHY='0 code sections' STRIP=.text expect fail no-code-section '.data
x: .quad 1'
WHY='no instruction' expect fail empty-code-section '.text'
printf 'not an object\n' >"$tmp/text.ko"
if "$src/tools/check-insns.sh" "$tmp/text.ko" >"$tmp/out" 2>&1; then
	echo "FAIL not-elf: check should fail:"; cat "$tmp/out"; fail=$((fail + 1))
else
	echo "PASS not-elf (check fail: $(tail -n1 "$tmp/out"))"; pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
