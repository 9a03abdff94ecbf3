#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-check-symbols.sh - proves check-symbols.sh catches what it must: a
# module-like object (.modinfo, __this_module, init_module, cleanup_module,
# static functions) passes; one more global symbol, a file that is not
# ELF, an object without __this_module and one with no symbol at all fail.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# expect pass|fail NAME WHY ASM: assemble ASM, run the check; a failure
# must show WHY (the reason), not just any failure
expect() {
	want=$1 name=$2 why=$3 body=$4
	printf '%s\n' "$body" >"$tmp/t.s"
	if ! as --64 -o "$tmp/t.ko" "$tmp/t.s" 2>"$tmp/as.err"; then
		echo "FAIL $name: does not assemble: $(cat "$tmp/as.err")"
		fail=$((fail + 1)); return
	fi
	check "$want" "$name" "$why" "$tmp/t.ko"
}
check() {
	if "$src/tools/check-symbols.sh" "$4" >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
	if [ "$got" = "$1" ] && grep -q -- "$3" "$tmp/out"; then
		echo "PASS $2 (check $got)"; pass=$((pass + 1))
	else
		echo "FAIL $2: check should $1 with /$3/:"; cat "$tmp/out"; fail=$((fail + 1))
	fi
}
module='.text
dtrace_helper: ret
.globl init_module
init_module: call dtrace_helper
   ret
.globl cleanup_module
cleanup_module: ret
.section .gnu.linkonce.this_module,"aw"
.globl __this_module
__this_module: .zero 64
.section .modinfo,"a"
.asciz "license=GPL"'
expect pass module 'all allowed' "$module"
expect pass module-pfx-alloc-tags 'all allowed' "$module
.text
.globl __pfx_init_module
__pfx_init_module: nop
.section alloc_tags,\"a\"
.globl __start_alloc_tags
__start_alloc_tags:
.globl __stop_alloc_tags
__stop_alloc_tags:"
expect fail extra-global-function 'unexpected global symbol: dtrace_leak' "$module
.text
.globl dtrace_leak
dtrace_leak: ret"
expect fail extra-global-data 'unexpected global symbol: dtrace_state' "$module
.data
.globl dtrace_state
dtrace_state: .quad 0"
expect fail no-this-module 'not a kernel module' '.text
.globl init_module
init_module: ret'
expect fail no-symbols 'not a kernel module' '.text
ret'
printf 'not an object\n' >"$tmp/text.ko"
check fail not-elf 'nm cannot read' "$tmp/text.ko"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
