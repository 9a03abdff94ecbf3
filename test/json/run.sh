#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh JSON-SYNTH - `-x oformat=json` host-side: json-synth consumes the
# same hand-built records and aggregations as text and as JSON; every JSON
# line must parse (python3's json module, and jq when installed) as an
# object with version 1 and a type, and carry what the text shows: trace
# values, printf and printa output, exit status, aggregation rows in the
# text's order with their keys and values, histogram buckets (quantize,
# lquantize with its underflow and overflow buckets) and avg.  Prints
# ok/FAIL lines and `N passed, N failed`.
set -u
synth=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$synth" json >"$T/json" 2>"$T/json.err"
js=$?
"$synth" text >"$T/text" 2>"$T/text.err"
ts=$?
jqok=skip
if command -v jq >/dev/null; then
	jq -e -c . "$T/json" >/dev/null 2>&1 && jqok=1 || jqok=0
fi
python3 - "$T" "$js" "$ts" "$jqok" <<'PY'
import json, re, sys
T, js, ts, jqok = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
npass = nfail = 0
def ok(name, cond, detail=""):
    global npass, nfail
    if cond:
        print("ok", name); npass += 1
    else:
        print("FAIL", name, detail); nfail += 1
objs = []
for i, l in enumerate(open(f"{T}/json")):
    try:
        objs.append(json.loads(l))
    except Exception as e:
        ok(f"line {i + 1} parses", False, f"{e}: {l!r}")
ok("every line parses as JSON (python3 json)", len(objs) == sum(1 for _ in open(f"{T}/json")) and objs)
if jqok != "skip":
    ok("jq takes every line", jqok == "1")
ok("every object has version 1 and a type",
   all(isinstance(o, dict) and o.get("version") == 1 and o.get("type") for o in objs), objs)
ok("exit status 3 in both formats", js == 3 and ts == 3, (js, ts))
text = open(f"{T}/text").read()
probes = [o for o in objs if o["type"] == "probe"]
ok("two probe records", len(probes) == 2, probes)
if len(probes) == 2:
    b, e = probes
    ok("BEGIN record names dtrace:::BEGIN, id 1, cpu 0",
       (b["provider"], b["module"], b["function"], b["name"], b["id"], b["cpu"]) == ("dtrace", "", "", "BEGIN", 1, 0), b)
    d = b["data"]
    ok("BEGIN data: trace, trace, printf, trace", [i["action"] for i in d] == ["trace", "trace", "printf", "trace"], d)
    if len(d) == 4:
        ok("trace(-3) = -3, as the text", d[0]["value"] == -3 and text.startswith("-3"), d[0])
        ok("string with quote and backslash", d[1]["value"] == 'a"b\\c' and text.startswith('-3a"b\\c'), d[1])
        ok("printf output = the text's", d[2]["output"] == "x=5\n" and text.startswith('-3a"b\\cx=5\n'), d[2])
        # The text prints a 4-byte trace() as int, as DTrace does; JSON by its type.
        ok("uint32_t 4000000000 by its type", d[3]["value"] == 4000000000, d[3])
    ok("END data: printa output = the text's, then exit 3",
       e["data"] == [{"action": "printa", "output": "b:2\na:9\n"}, {"action": "exit", "status": 3}]
       and "b:2\na:9\n" in text, e)
aggs = {o["name"]: o for o in objs if o["type"] == "aggregation"}
ok("aggregations at exit: all but the one printa() printed, in ID order",
   [o["name"] for o in objs if o["type"] == "aggregation"] == ["@c", "@q", "@l", "@a"], list(aggs))
c = aggs.get("@c", {})
trows = [([m.group(1)], int(m.group(2))) for m in re.finditer(r"^  ([jkm]) +(\d+)$", text, re.M)]
ok("@c count rows = the text's rows, in its order",
   c.get("function") == "count" and [(r["keys"], r["value"]) for r in c.get("rows", [])] == trows and len(trows) == 3,
   (c, trows))
blocks = re.split(r"\n *value +-+ Distribution -+ count *\n", text)
def hist(block):
    return [(m.group(1), int(m.group(2))) for m in
            re.finditer(r"^ *(\S+(?: \S+)?) \|[@ ]* (\d+) *$", block, re.M) if int(m.group(2))]
ok("two histograms in the text", len(blocks) == 3, len(blocks))
q = aggs.get("@q", {}).get("rows", [{}])[0].get("buckets")
ok("@q quantize buckets 0:1 2:2 64:1",
   q == [{"min": 0, "count": 1}, {"min": 2, "count": 2}, {"min": 64, "count": 1}], q)
l = aggs.get("@l", {}).get("rows", [{}])[0].get("buckets")
ok("@l lquantize buckets: underflow (min null), 2, 10 (overflow)",
   l == [{"min": None, "count": 1}, {"min": 2, "count": 1}, {"min": 10, "count": 1}], l)
if len(blocks) == 3:
    ok("@q buckets = the text's nonzero rows", [(str(x["min"]), x["count"]) for x in q or []] == hist(blocks[1]),
       (q, hist(blocks[1])))
    th = hist(blocks[2])
    ok("@l buckets = the text's nonzero rows (< 0, 2, >= 10)",
       [x["count"] for x in l or []] == [n for _, n in th] and [r for r, _ in th] == ["< 0", "2", ">= 10"], (l, th))
a = aggs.get("@a", {})
ok("@a avg 4, as the text", a.get("function") == "avg" and a.get("rows") == [{"keys": [], "value": 4}]
   and re.search(r"^ +4$", text, re.M) is not None, a)
print(f"{npass} passed, {nfail} failed")
sys.exit(1 if nfail else 0)
PY
