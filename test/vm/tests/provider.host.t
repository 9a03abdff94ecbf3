#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Probes and providers that come and go while consumers run, through the
# dtrace_test provider (CONFIG_DTRACE_PROVIDER_TEST, debugfs dtrace/test;
# see gen/820-prov-test.c): a consumer keeps running and ends normally
# (END, aggregations) when its probes are removed or the whole provider is
# unregistered, even while another process fires them; dtrace -l stops
# listing them; they can be added again and a new consumer enables them;
# an enabling that fails on one probe is undone; the provider's
# enable/disable/destroy calls balance.  The harness checks
# dmesg (no BUG, WARNING, Oops) after the boot.
set -u
NAME=provtest
. "$(dirname "$0")/testprov.sh"

# listed PATTERN: dtrace -l output for PATTERN (probe lines only)
listed() { $D -l -n "$1" 2>/dev/null | awk 'NR > 1 { print $2 ":" $NF }'; }

grep -qx 'provider: registered' $F && ok "provider registered at load" ||
	bad "provider not registered at load: $(cat $F)"
n_enable0=$(field enable) n_disable0=$(field disable) n_destroy0=$(field destroy)
added=0

# ---- creating probes, errors --------------------------------------------
for p in a b c; do
	expect_cmd "add $p" 0 add $p && added=$((added + 1))
done
expect_cmd "add a twice: EEXIST" 1 add a
expect_cmd "add a glob: EINVAL" 1 add 'x*'
expect_cmd "fire nosuch: ENOENT" 1 fire nosuch
expect_cmd "remove nosuch: ENOENT" 1 remove nosuch
expect_cmd "unknown command: EINVAL" 1 frobnicate
expect_cmd "register twice: EEXIST" 1 register
got=$(listed 'dtrace_test:::' | sort | tr '\n' ' ')
[ "$got" = "dtrace_test:a dtrace_test:b dtrace_test:c " ] &&
	ok "dtrace -l lists a b c" || bad "dtrace -l lists '$got'"

# ---- a probe removed while its consumer runs ----------------------------
cat >$T/c1.d <<'EOD'
BEGIN { printf("ready\n"); }
dtrace_test:::a, dtrace_test:::b { @n[probename] = count(); @s[probename] = sum(arg0); }
END { printf("end\n"); printa("count %s %@d\n", @n); printa("sum %s %@d\n", @s); }
EOD
consumer c1 "consumer 1"
c1=$cpid
grep -qE '^probe: a [0-9]+ enabled$' $F && ok "a enabled" || bad "a not enabled: $(cat $F)"
grep -qE '^probe: c [0-9]+ disabled$' $F && ok "c not enabled" || bad "c enabled: $(cat $F)"
for i in 1 2 3; do cmd fire a 5; done
for i in 1 2; do cmd fire b 7; done
cmd fire c 100		# not enabled: nothing recorded
expect_cmd "remove a while consumer 1 runs" 0 remove a
grep -q '^probe: a ' $F && bad "a still in $F" || ok "a gone from $F"
expect_cmd "fire a after removal: ENOENT" 1 fire a
got=$(listed 'dtrace_test:::' | sort | tr '\n' ' ')
[ "$got" = "dtrace_test:b dtrace_test:c " ] && ok "dtrace -l lists b c" ||
	bad "dtrace -l after removal lists '$got'"
kill -0 $c1 2>/dev/null && ok "consumer 1 still running" || bad "consumer 1 died"
cmd fire b 1

# ---- the provider unregistered while another process fires its probes --
(
	n=0
	while echo "fire *" 2>/dev/null >$F; do n=$((n + 1)); done
	echo $n >$T/firer.n
) &
firer=$!
pids+=($firer)
sleep 1
expect_cmd "unregister while firing and consumer 1 runs" 0 unregister
wait $firer
[ -s $T/firer.n ] && ok "firing stopped with the provider ($(cat $T/firer.n) writes)" ||
	bad "firing loop did not end"
grep -qx 'provider: unregistered' $F && ok "provider unregistered" || bad "provider state: $(cat $F)"
expect_cmd "add while unregistered: ENODEV" 1 add a
expect_cmd "unregister twice: ENODEV" 1 unregister
got=$(listed 'dtrace_test:::')
[ -z "$got" ] && ok "dtrace -l lists no dtrace_test probe" || bad "dtrace -l still lists: $got"
timeout 20 $D -n 'dtrace_test:::b' >$T/nomatch.out 2>$T/nomatch.err
grep -q 'does not match any probes' $T/nomatch.err && ok "a new consumer of dtrace_test:::b finds no probe" ||
	bad "dtrace_test:::b after unregister: $(cat $T/nomatch.err)"
kill -0 $c1 2>/dev/null && ok "consumer 1 still running" || bad "consumer 1 died"
kill -INT $c1
wait $c1
rc=$?
[ $rc = 0 ] && ok "consumer 1 ends normally on SIGINT" || bad "consumer 1 exit status $rc: $(cat $T/c1.err)"
grep -qx end $T/c1.out && ok "consumer 1 ran END" || bad "consumer 1 END missing"
grep -qx 'count a 3' $T/c1.out && grep -qx 'sum a 15' $T/c1.out &&
	ok "consumer 1 kept a's aggregation (count 3, sum 15)" || bad "a's aggregation: $(cat $T/c1.out)"
nb=$(sed -n 's/^count b //p' $T/c1.out)
sb=$(sed -n 's/^sum b //p' $T/c1.out)
[ -n "$nb" ] && [ "$nb" -ge 3 ] && [ "$sb" = 15 ] &&
	ok "consumer 1 counted b ($nb firings)" || bad "b's aggregation: count '$nb' sum '$sb'"
grep -q 'count c' $T/c1.out && bad "c was recorded without being enabled" || ok "c not recorded"

# ---- re-register, re-add: a new consumer enables them --------------------
expect_cmd "register again" 0 register
expect_cmd "add a again" 0 add a && added=$((added + 1))
expect_cmd "add d" 0 add d && added=$((added + 1))
got=$(listed 'dtrace_test:::' | sort | tr '\n' ' ')
[ "$got" = "dtrace_test:a dtrace_test:d " ] && ok "dtrace -l lists a d" || bad "dtrace -l lists '$got'"
cat >$T/c2.d <<'EOD'
BEGIN { printf("ready\n"); }
dtrace_test:::* { printf("%s %d\n", probename, (int)arg0); }
dtrace_test:::d { exit(0); }
EOD
consumer c2 "consumer 2"
c2=$cpid
cmd fire a 42
cmd fire d -1
wait $c2
rc=$?
[ $rc = 0 ] && ok "consumer 2 exit(0)" || bad "consumer 2 exit status $rc: $(cat $T/c2.err)"
grep -qx 'a 42' $T/c2.out && grep -qx 'd -1' $T/c2.out && ok "consumer 2 saw the re-added probes" ||
	bad "consumer 2 output: $(cat $T/c2.out)"

# ---- churn: enabled probes removed one by one while a consumer runs and
# another process fires every probe; then probes added and removed --------
for ((i = 0; i < 100; i++)); do
	cmd add x$i && added=$((added + 1))
done
cat >$T/c3.d <<'EOD'
BEGIN { printf("ready\n"); }
dtrace_test::: { @ = count(); }
END { printa("total %@d\n", @); }
EOD
consumer c3 "consumer 3"
c3=$cpid
[ "$(grep -cE '^probe: x[0-9]+ [0-9]+ enabled$' $F)" = 100 ] && ok "x0..x99 enabled" ||
	bad "x0..x99 not all enabled: $(grep -c '^probe: x' $F) listed"
(
	while [ ! -e $T/stop ]; do echo "fire *" 2>/dev/null >$F; done
) &
firer=$!
pids+=($firer)
sleep 1
nrm=0
for ((i = 0; i < 100; i++)); do
	cmd remove x$i && nrm=$((nrm + 1))
done
[ $nrm = 100 ] && ok "100 enabled probes removed while firing" || bad "only $nrm of 100 removed"
for ((i = 100; i < 140; i++)); do
	cmd add x$i && added=$((added + 1))
	[ $((i % 4)) = 3 ] && cmd remove "x*"
done
cmd remove "x*"
touch $T/stop
wait $firer
kill -0 $c3 2>/dev/null && ok "consumer 3 survived" || bad "consumer 3 died"
kill -INT $c3
wait $c3
rc=$?
[ $rc = 0 ] && grep -qE '^total [0-9]+$' $T/c3.out && ok "consumer 3 ends normally ($(grep total $T/c3.out) firings)" ||
	bad "consumer 3: status $rc, $(cat $T/c3.out $T/c3.err)"

# ---- an enabling that fails half-way: what it did is undone -------------
# f1 matches first and is enabled; f2's enable fails, so dtrace_enable
# detaches and frees both new ECBs (under dtrace_lock) and the consumer
# gets the error.  The same consumer setup then works without f2.
for p in f1 f2; do
	expect_cmd "add $p" 0 add $p && added=$((added + 1))
done
expect_cmd "failenable f2" 0 failenable f2
expect_cmd "failenable nosuch: ENOENT" 1 failenable nosuch
nfailed0=$(field failed)
timeout 20 $D -q -n 'dtrace_test:::f1, dtrace_test:::f2 { trace(arg0); }' >$T/f.out 2>$T/f.err
rc=$?
[ $rc = 1 ] && grep -q "failed to enable .*: cannot enable probe dtrace_test:::f2: Input/output error" $T/f.err &&
	ok "enabling f1 and f2 fails on f2: $(head -n 1 $T/f.err)" ||
	bad "enabling f1, f2: status $rc, $(cat $T/f.out $T/f.err)"
[ $(($(field failed) - nfailed0)) = 1 ] && ok "f2's enable was called once and failed" ||
	bad "failed enables: $(($(field failed) - nfailed0))"
[ "$(probe_state f1)" = disabled ] && [ "$(probe_state f2)" = disabled ] &&
	ok "f1 disabled again, f2 never enabled" || bad "after the failed enabling: $(grep '^probe: f' $F)"
cat >$T/f1.d <<'EOD'
BEGIN { printf("ready\n"); }
dtrace_test:::f1 { printf("f1 %d\n", (int)arg0); exit(0); }
EOD
consumer f1 "consumer 4 (f1 alone)"
c4=$cpid
cmd fire f1 9
wait $c4
rc=$?
[ $rc = 0 ] && grep -qx 'f1 9' $T/f1.out && ok "consumer 4 saw f1 fire" ||
	bad "consumer 4: status $rc, $(cat $T/f1.out $T/f1.err)"
expect_cmd "remove f*" 0 remove 'f*'

# ---- the provider's operations balance ----------------------------------
expect_cmd "unregister at the end" 0 unregister
n_enable=$(($(field enable) - n_enable0))
n_disable=$(($(field disable) - n_disable0))
n_destroy=$(($(field destroy) - n_destroy0))
[ $n_enable -gt 0 ] && [ $n_enable = $n_disable ] && ok "enable $n_enable = disable $n_disable" ||
	bad "enable $n_enable, disable $n_disable"
[ $n_destroy = $added ] && ok "destroy called for each of the $added probes" ||
	bad "destroy $n_destroy for $added probes"
expect_cmd "register for the next tests" 0 register
exit $fail
