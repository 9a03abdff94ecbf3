#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-amalgamate.sh - the amalgamator's promises: reproducible output
# (same bytes from two runs and from another directory), a banner without
# date or path, begin/end markers and a table of contents entry per
# fragment, #line only in development mode, errors on unknown includes,
# trailing white space and a missing title, and check-amalgamation failing
# after a fragment is edited without regenerating.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1"; fail=$((fail + 1)); }
t() { name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else ko "$name"; fi; }
nt() { name=$1; shift; if "$@" >/dev/null 2>&1; then ko "$name"; else ok "$name"; fi; }

cc -O2 -Wall -Wextra -Werror -o "$tmp/amalgamate" "$src/tools/amalgamate.c" || { echo "0 passed, 1 failed"; exit 1; }
A=$tmp/amalgamate
cd "$src" || exit 1
$A -d gen -v dtrace.h -o "$tmp/a.c"
$A -d gen -v dtrace.h -o "$tmp/b.c"
t "two runs give identical bytes" cmp "$tmp/a.c" "$tmp/b.c"
cp -r gen dtrace.h "$tmp/" && (cd "$tmp" && ./amalgamate -d gen -v dtrace.h -o c.c)
t "another directory gives identical bytes" cmp "$tmp/a.c" "$tmp/c.c"
t "committed dtrace.c is this output" cmp "$tmp/a.c" dtrace.c
sed -n '1,/Begin gen\//p' "$tmp/a.c" > "$tmp/banner"
nt "banner has no date, host or path" grep -qwE "$(date +%Y)|$(hostname)|$src|/tmp|/work|/home|/root" "$tmp/banner"
t "banner says generated, do not edit" grep -q 'Generated from gen/ by tools/amalgamate.c: do not edit' "$tmp/a.c"
t "banner carries an input hash" grep -qE 'Input hash \(FNV-1a 64\): [0-9a-f]{16}' "$tmp/a.c"
nfr=$(grep -cvE '^[[:space:]]*(#|$)' gen/MANIFEST)
t "one begin marker per fragment ($nfr)" test "$(grep -c '^/\*\*\*\*\*\*\*\*\*\*\*\*\*\* Begin gen/' "$tmp/a.c")" -eq "$nfr"
t "one end marker per fragment" test "$(grep -c '^/\*\*\*\*\*\*\*\*\*\*\*\*\*\* End gen/' "$tmp/a.c")" -eq "$nfr"
t "table of contents lists every fragment" sh -c "for f in \$(grep -vE '^[[:space:]]*(#|\$)' gen/MANIFEST); do grep -q \"^ \\*   \$f \" '$tmp/a.c' || exit 1; done"
nt "no #line in release mode" grep -q '^#line' "$tmp/a.c"
$A -l -d gen -v dtrace.h -o "$tmp/l.c"
t "#line in development mode" grep -q '^#line 1 "gen/900-module.c"' "$tmp/l.c"
t "LF only, no trailing white space" sh -c "! grep -q \"\$(printf '\\r')\" '$tmp/a.c' && ! grep -qE '[[:space:]]\$' '$tmp/a.c'"
t "only dtrace.h and dtrace_kconfig.h stay quoted includes" sh -c "test \"\$(grep -E '^#include \"' '$tmp/a.c' | sort | tr '\\n' ' ')\" = '#include \"dtrace.h\" #include \"dtrace_kconfig.h\" '"

# Broken fragments are refused.
cp -r gen "$tmp/g2"
echo '#include "nosuch.h"' >> "$tmp/g2/900-module.c"
nt "unknown #include is an error" $A -d "$tmp/g2" -v dtrace.h -o "$tmp/x.c"
cp gen/900-module.c "$tmp/g2/900-module.c"; echo 'int x; ' >> "$tmp/g2/900-module.c"
nt "trailing white space is an error" $A -d "$tmp/g2" -v dtrace.h -o "$tmp/x.c"
cp gen/900-module.c "$tmp/g2/900-module.c"; sed -i '1d' "$tmp/g2/900-module.c"
nt "missing title line is an error" $A -d "$tmp/g2" -v dtrace.h -o "$tmp/x.c"
cp gen/900-module.c "$tmp/g2/900-module.c"; echo 'nosuch.c' >> "$tmp/g2/MANIFEST"
nt "missing fragment is an error" $A -d "$tmp/g2" -v dtrace.h -o "$tmp/x.c"

# Editing a fragment without regenerating makes check-amalgamation fail.
mkdir -p "$tmp/tree"
cp -r Makefile dtrace.c dtrace.h gen tools "$tmp/tree/"
t "check-amalgamation passes on a clean copy" make -s -C "$tmp/tree" check-amalgamation
echo '/* an edit */' >> "$tmp/tree/gen/900-module.c"
nt "check-amalgamation fails after a fragment edit" make -s -C "$tmp/tree" check-amalgamation
make -s -C "$tmp/tree" amalgamate >/dev/null 2>&1
t "make amalgamate repairs it" make -s -C "$tmp/tree" check-amalgamation

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
