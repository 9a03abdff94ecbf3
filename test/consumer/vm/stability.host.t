#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Stability attributes as DTrace prints them: dtrace -lv and the -v report.
# The attributes come from the module's provider table; the values are the
# ones the Dynamic Tracing Guide documents for the dtrace provider (Stable
# names and arguments, Private module and function) and the profile
# provider (Evolving, Unstable module, Private function).  A description's
# attributes are the minimum over its provider and each module, function and
# name field it gives that is not a pattern.
. "$(dirname "$0")/lib.sh"

# attrs DESC-N DESC-D DESC-C ARGS-N ARGS-D ARGS-C: the block after a probe
attrs() {
	printf '\n\tProbe Description Attributes\n'
	printf '\t\tIdentifier Names: %s\n\t\tData Semantics:   %s\n\t\tDependency Class: %s\n' "$1" "$2" "$3"
	printf '\n\tArgument Attributes\n'
	printf '\t\tIdentifier Names: %s\n\t\tData Semantics:   %s\n\t\tDependency Class: %s\n' "$4" "$5" "$6"
	printf '\n\tArgument Types\n\t\tNone\n\n'
}
heading() {
	printf '%5s %10s %17s %33s %s\n' ID PROVIDER MODULE FUNCTION NAME
}

$D -lv -n dtrace:::BEGIN >$T/out 2>$T/err
rc "-lv BEGIN status" $? 0
{
	heading
	printf '%5d %10s %17s %33s %s\n' 1 dtrace "" "" BEGIN
	attrs Stable Stable Common Stable Stable Common
} >$T/want
check "-lv dtrace:::BEGIN" $T/out $T/want

$D -lv -n profile:::tick-1sec >$T/out 2>$T/err
rc "-lv tick-1sec status" $? 0
sed -E '2s/^ *[0-9]+ /  ID /' $T/out >$T/out0
{
	heading
	printf '  ID %10s %17s %33s %s\n' profile "" "" tick-1sec
	attrs Evolving Evolving Common Evolving Evolving Common
} >$T/want
check "-lv profile:::tick-1sec" $T/out0 $T/want

# The -v report: the minimum over the clauses' descriptions.  A
# description that names no provider gets DTrace's Unstable default.
printf 'BEGIN { exit(0); }\n' >$T/bare.d
printf 'dtrace:::BEGIN { exit(0); }\n' >$T/begin.d
printf 'dtrace:::BEGIN { exit(0); }\nprofile:::tick-1sec { }\n' >$T/two.d
report() {
	printf 'Stability attributes for script %s:\n' "$1"
	printf '\n\tMinimum Probe Description Attributes\n'
	printf '\t\tIdentifier Names: %s\n\t\tData Semantics:   %s\n\t\tDependency Class: %s\n' "$2" "$3" "$4"
	printf '\n\tMinimum Statement Attributes\n'
	printf '\t\tIdentifier Names: Stable\n\t\tData Semantics:   Stable\n\t\tDependency Class: Common\n\n'
}
for s in bare:Unstable begin:Stable two:Evolving; do
	f=${s%%:*} lvl=${s#*:}
	$D -q -v -s $T/$f.d >$T/out 2>$T/err
	rc "-v $f.d status" $? 0
	# the report is everything from its first line to the blank line
	# that ends the statement attributes
	awk '/^Stability attributes/ { on = 1 } on { print } on && /Dependency Class/ { n++ } on && n == 2 && /^$/ { exit }' \
		$T/out >$T/rep
	report $T/$f.d $lvl $lvl Common >$T/want
	check "-v report $f.d" $T/rep $T/want
done
exit $fail
