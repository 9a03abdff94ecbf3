#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-check-cmd-layering.sh - proves check-cmd-layering.sh catches what it
# must: five small objects layered as dt_consume -> dt_aggprint ->
# dt_printf -> dt_print -> dt_util pass, skipping layers downwards passes;
# each upward reference (a function or a data symbol), a missing object
# and a file nm cannot read fail, naming the reason.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
CC=${CC:-gcc}

# Each layer defines f_LAYER(); the bodies below add the calls under test.
util='int f_util(void) { return 0; }'
print='int f_util(void); int f_print(void) { return f_util(); }'
printf_='int f_print(void); int f_printf(void) { return f_print(); }'
aggprint='int f_printf(void); int f_aggprint(void) { return f_printf(); }'
consume='int f_aggprint(void); int f_print(void); int f_util(void);
int f_consume(void) { return f_aggprint() + f_print() + f_util(); }'

# build UTIL PRINT PRINTF AGGPRINT CONSUME: the objects in $tmp/o
build() {
	rm -rf "$tmp/o"; mkdir "$tmp/o"
	for pair in "dt_util:$1" "dt_print:$2" "dt_printf:$3" "dt_aggprint:$4" "dt_consume:$5"; do
		n=${pair%%:*}
		printf '%s\n' "${pair#*:}" >"$tmp/o/$n.c"
		$CC -c -o "$tmp/o/$n.o" "$tmp/o/$n.c" 2>"$tmp/cc.err" ||
			{ echo "FAIL: $n.c does not compile: $(cat "$tmp/cc.err")"; return 1; }
		rm -f "$tmp/o/$n.c"
	done
}
# check pass|fail NAME WHY: run the check on $tmp/o; the outcome must
# match and the output must show WHY
check() {
	if "$src/tools/check-cmd-layering.sh" "$tmp/o" >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
	if [ "$got" = "$1" ] && grep -q -- "$3" "$tmp/out"; then
		echo "PASS $2 (check $got)"; pass=$((pass + 1))
	else
		echo "FAIL $2: check should $1 with /$3/:"; cat "$tmp/out"; fail=$((fail + 1))
	fi
}
expect() {
	want=$1 name=$2 why=$3; shift 3
	if build "$@"; then check "$want" "$name" "$why"; else fail=$((fail + 1)); fi
}

expect pass layered 'OK' "$util" "$print" "$printf_" "$aggprint" "$consume"
expect fail print-calls-printf 'dt_print.o needs f_printf from dt_printf.o' \
	"$util" 'int f_printf(void); int f_print(void) { return f_printf(); }' \
	"$printf_" "$aggprint" "$consume"
expect fail print-calls-consume 'dt_print.o needs f_consume from dt_consume.o' \
	"$util" 'int f_consume(void); int f_print(void) { return f_consume(); }' \
	"$printf_" "$aggprint" "$consume"
expect fail util-calls-print 'dt_util.o needs f_print from dt_print.o' \
	'int f_print(void); int f_util(void) { return f_print(); }' \
	"$print" "$printf_" "$aggprint" "$consume"
expect fail util-uses-consume-data 'dt_util.o needs dt_out from dt_consume.o' \
	'extern void *dt_out; int f_util(void) { return dt_out != 0; }' \
	"$print" "$printf_" "$aggprint" "$consume
void *dt_out;"
expect fail printf-calls-aggprint 'dt_printf.o needs f_aggprint from dt_aggprint.o' \
	"$util" "$print" 'int f_aggprint(void); int f_printf(void) { return f_aggprint(); }' \
	"$aggprint" "$consume"
expect fail aggprint-calls-consume 'dt_aggprint.o needs f_consume from dt_consume.o' \
	"$util" "$print" "$printf_" \
	'int f_consume(void); int f_aggprint(void) { return f_consume(); }' "$consume"

# Nothing to check: a missing object, an unreadable one.
if build "$util" "$print" "$printf_" "$aggprint" "$consume"; then
	rm -f "$tmp/o/dt_print.o"
	check fail missing-object 'dt_print.o not found'
	echo 'not an object' >"$tmp/o/dt_print.o"
	check fail unreadable-object 'nm cannot read it'
else
	fail=$((fail + 2))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
