#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# trace(), the default output layout, exit() status, "matched" messages.
. "$(dirname "$0")/lib.sh"

$D -n 'BEGIN { trace("hello"); trace(42); exit(0); }' >$T/out 2>$T/err
rc "hello status" $? 0
cpu0 <$T/out >$T/out0
printf '%3s %6s %32s\n' CPU ID FUNCTION:NAME >$T/want
printf '%3d %6d %32s   %-33s %8d\n\n' 0 1 :BEGIN hello 42 >>$T/want
check "hello stdout" $T/out0 $T/want
printf "dtrace: description 'BEGIN ' matched 1 probe\n" >$T/want
check "hello stderr" $T/err $T/want

$D -qn 'BEGIN { exit(7); }' >$T/out 2>$T/err
rc "exit(7)" $? 7
printf '\n' >$T/want
check "quiet exit stdout" $T/out $T/want
: >$T/want
check "quiet: no matched message" $T/err $T/want

$D -n 'BEGIN { exit(0); }' -n 'END { trace("end"); }' >$T/out 2>$T/err
rc "two descriptions" $? 0
printf "dtrace: description 'BEGIN ' matched 1 probe\ndtrace: description 'END ' matched 1 probe\n" >$T/want
check "two descriptions stderr" $T/err $T/want
cpu0 <$T/out >$T/out0
printf '%3s %6s %32s\n' CPU ID FUNCTION:NAME >$T/want
printf '%3d %6d %32s \n' 0 1 :BEGIN >>$T/want
printf '%3d %6d %32s   %-33s\n\n' 0 2 :END end >>$T/want
check "BEGIN first, END last" $T/out0 $T/want

$D -n 'nosuch:::' >$T/out 2>$T/err
rc "no match status" $? 1
printf "dtrace: invalid probe specifier nosuch:::: probe description nosuch::: does not match any probes\n" >$T/want
check "no match message" $T/err $T/want

$D -Z -qn 'nosuch:::, BEGIN { exit(3); }' >$T/out 2>$T/err
rc "-Z" $? 3

$D -x nosuchopt -n BEGIN >$T/out 2>$T/err
rc "bad -x status" $? 1
printf "dtrace: failed to set -x nosuchopt: Invalid option name\n" >$T/want
check "bad -x message" $T/err $T/want
exit $fail
