#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The VM hook `make check` uses (VMHOOK): runs, inside the same boot and
# chrooted into the host root, the dtrace(1) consumer's VM tests
# (test/consumer/vm/*.host.t) and then the D corpus (test/d) with the D
# test runner.  Each consumer test leaves
# $DTRACE_TEST_RESULTS/t/consumer.NAME.result in guest-run.sh's format;
# the D runner writes one result per D test itself.
#
# By default every configuration runs the whole corpus (about 4 minutes
# natively and 6 in a Xen PV dom0 under TCG on 2 quiet cores).  For slow
# machines, hook-sharded.host.t (VMHOOK=.../test/vm/hook-sharded.host.t)
# spreads it over the matrix: the 6.1 native boot runs every D test and each
# other configuration a third of them (test i goes to shard i mod 3), so
# every D test still runs on two configurations.
REPO=$(cd "$(dirname "$0")/../.." && pwd)
res=${DTRACE_TEST_RESULTS:-/tmp}/t
mkdir -p "$res"
status=0
for t in "$REPO"/test/consumer/vm/*.host.t; do
	[ -x "$t" ] || continue
	name=consumer.$(basename "$t" .host.t)
	start=$SECONDS
	timeout "${CONSUMER_TEST_TIMEOUT:-300}" "$t" >/tmp/hook.out 2>/tmp/hook.err
	rc=$?
	[ $rc -eq 0 ] || status=1
	{
		echo "exit: $rc"
		echo "seconds: $((SECONDS - start))"
		echo "mode: chroot"
		echo "--- stdout ---"
		cat /tmp/hook.out
		echo "--- stderr ---"
		cat /tmp/hook.err
	} >"$res/$name.result"
	echo "consumer $name: exit $rc"
done

all=1
[ "${DTEST_SHARDED:-0}" = 1 ] && all=0
case ${DTRACE_TEST_KVER:-}-${DTRACE_TEST_PLATFORM:-} in
6.1.*-native) shard= ;;
6.1.*-xenpv) shard=0 ;;
6.12.*-native) shard=1 ;;
*) shard=2 ;;
esac
[ "$all" = 1 ] && shard=

if [ -z "$shard" ]; then
	DTEST_DIR=$REPO/test/d "$REPO/test/dtest/vm/dtest.host.t" || status=1
else
	# A directory per shard: a copy of the corpus (helper scripts that
	# .r.p filters use included) without the tests of other shards.
	dir=/tmp/dtest-shard$shard
	rm -rf "$dir" && cp -rp "$REPO/test/d" "$dir"
	i=0 others=()
	while read -r f; do
		if [ $((i % 3)) -ne "$shard" ]; then
			for g in "$f" "${f%.d}.r" "${f%.d}.r.p"; do
				[ -e "$dir/$g" ] && others+=("$dir/$g")
			done
		fi
		i=$((i + 1))
	done < <(cd "$REPO/test/d" && find . -name '*.d' \( -name 'tst.*' -o -name 'err.*' \) | LC_ALL=C sort)
	rm -f "${others[@]}"
	echo "D corpus: shard $shard of 3 ($(find "$dir" -name '*.d' | wc -l) of $i tests) on $DTRACE_TEST_KVER $DTRACE_TEST_PLATFORM"
	DTEST_DIR=$dir "$REPO/test/dtest/vm/dtest.host.t" || status=1
fi
exit $status
