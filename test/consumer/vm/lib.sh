# SPDX-License-Identifier: GPL-2.0
# Helpers for the consumer's VM tests (sourced by *.host.t).
D=${DTRACE:-${DTRACE_TEST_SRCDIR:-$(cd "$(dirname "$0")/../../.." && pwd)}/out/cmd/dtrace}
T=$(mktemp -d /tmp/ctest.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0

# check NAME FILE EXPECTED-FILE: exact comparison, diff on failure
check() {
	if cmp -s "$2" "$3"; then
		echo "ok $1"
	else
		echo "FAIL $1"
		diff -u "$3" "$2" | sed 's/^/    /'
		fail=1
	fi
}

# rc NAME GOT WANT
rc() {
	if [ "$2" = "$3" ]; then
		echo "ok $1"
	else
		echo "FAIL $1: exit status $2, want $3"
		fail=1
	fi
}

# cpu0: replace the CPU column (BEGIN/END run on whichever CPU) with 0
cpu0() {
	sed -E 's/^ *[0-9]+ ( +[0-9]+ +[^ ]*:)/  0 \1/'
}
