#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The VM hook `make check` uses (VMHOOK): runs, inside the same boot and
# chrooted into the host root, the dtrace(1) consumer's VM tests
# (test/consumer/vm/*.host.t) and then the D corpus (test/d) with the D
# test runner.  Before running anything it lists every result it will
# produce in $DTRACE_TEST_RESULTS/t/expected (test/vm/result.sh): the host
# fails each listed test that leaves no result.  Each consumer test leaves
# $DTRACE_TEST_RESULTS/t/consumer.NAME.result (test/vm/result.sh's
# result_write); the D runner writes one result per D test itself.  A
# consumer test that is not executable fails.
#
# This hook runs the whole corpus in every configuration (about 8 minutes
# natively and 10 in a Xen PV dom0 under TCG on 2 quiet cores, 2026-12-03).
# make check uses hook-sharded.host.t, which spreads it over the matrix: the 6.1 native boot runs every D test and each
# other configuration a third of them (test i goes to shard i mod 3), so
# every D test still runs on two configurations.
REPO=$(cd "$(dirname "$0")/../.." && pwd)
. "$REPO/test/vm/result.sh"
res=${DTRACE_TEST_RESULTS:-/tmp}/t
mkdir -p "$res"
status=0

all=1
[ "${DTEST_SHARDED:-0}" = 1 ] && all=0
case ${DTRACE_TEST_KVER:-}-${DTRACE_TEST_PLATFORM:-} in
6.1.*-native) shard= ;;
6.1.*-xenpv) shard=0 ;;
6.12.*-native) shard=1 ;;
*) shard=2 ;;
esac
[ "$all" = 1 ] && shard=
ddir=$REPO/test/d
if [ -n "$shard" ]; then
	# A directory per shard: a copy of the corpus (helper scripts that
	# .r.p filters use included) without the tests of other shards.
	ddir=/tmp/dtest-shard$shard
	rm -rf "$ddir" && cp -rp "$REPO/test/d" "$ddir"
	i=0 others=()
	while read -r f; do
		if [ $((i % 3)) -ne "$shard" ]; then
			for g in "$f" "${f%.d}.r" "${f%.d}.r.p"; do
				[ -e "$ddir/$g" ] && others+=("$ddir/$g")
			done
		fi
		i=$((i + 1))
	done < <(cd "$REPO/test/d" && find . -name '*.d' \( -name 'tst.*' -o -name 'err.*' \) | LC_ALL=C sort)
	rm -f "${others[@]}"
	echo "D corpus: shard $shard of 3 ($(find "$ddir" -name '*.d' | wc -l) of $i tests) on $DTRACE_TEST_KVER $DTRACE_TEST_PLATFORM"
fi

# Everything this hook will produce, listed before any of it runs.
ctests=("$REPO"/test/consumer/vm/*.host.t)
if [ ! -e "${ctests[0]}" ]; then
	echo "no consumer tests in $REPO/test/consumer/vm"
	status=1 ctests=()
fi
cnames=()
for t in "${ctests[@]}"; do
	cnames+=("consumer.$(basename "$t" .host.t)")
done
dnames=()
while read -r n; do
	dnames+=("$n")
done < <("$REPO/test/dtest/run.sh" -l -p d. "$ddir")
if [ ${#dnames[@]} = 0 ]; then
	echo "no D tests listed in $ddir"
	status=1
fi
result_expect "$res" "${cnames[@]}" "${dnames[@]}" || status=1
echo "hook: $((${#cnames[@]} + ${#dnames[@]})) results expected" \
	"(${#cnames[@]} consumer tests, ${#dnames[@]} D tests)"

for t in "${ctests[@]}"; do
	name=consumer.$(basename "$t" .host.t)
	start=$SECONDS
	if [ -x "$t" ]; then
		timeout "${CONSUMER_TEST_TIMEOUT:-300}" "$t" >/tmp/hook.out 2>/tmp/hook.err
		rc=$?
	else
		echo "$t is not executable" >/tmp/hook.err
		: >/tmp/hook.out
		rc=126
	fi
	[ $rc -eq 0 ] || status=1
	result_write "$res/$name.result" "$rc" $((SECONDS - start)) chroot \
		/tmp/hook.out /tmp/hook.err
	echo "consumer $name: exit $rc"
done

DTEST_DIR=$ddir "$REPO/test/dtest/vm/dtest.host.t" || status=1
exit $status
