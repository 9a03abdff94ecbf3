#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# -x oformat=json: every line dtrace(1) prints is one JSON object (parsed
# with python3's json module), with version 1 and a type; the records,
# aggregations (count/sum/avg/min/max, quantize, lquantize with its
# underflow bucket), printf/printa output, stack(), exit() and errors carry what
# the text output of the same script shows (run again without the option
# and compared field by field).  An unknown oformat is refused.
. "$(dirname "$0")/lib.sh"

# run NAME STATUS SCRIPT: $T/NAME.json and $T/NAME.txt (stdout), .jerr
# and .err (stderr); both must exit with STATUS
run() {
	$D -x oformat=json -qn "$3" >$T/$1.json 2>$T/$1.jerr
	rc "$1 json status" $? $2
	$D -qn "$3" >$T/$1.txt 2>$T/$1.err
	rc "$1 text status" $? $2
}

run basic 7 'BEGIN { trace(-3); trace("a\"b\\c"); printf("x=%d %s\n", 5, "y");
	trace((uint32_t)4000000000); stack(); }
	BEGIN { trace(*(int *)8); }
	BEGIN { exit(7); }'
run aggs 0 'BEGIN { @c["b"] = sum(2); @c["a"] = sum(9); @c["c"] = sum(1);
	@n[1, "k"] = count(); @n[1, "k"] = count(); @n[2, "j"] = count();
	@av = avg(3); @av = avg(6); @mn = min(5); @mn = min(-2); @mx = max(8);
	@q = quantize(0); @q = quantize(3); @q = quantize(3); @q = quantize(100);
	@l = lquantize(-5, 0, 10, 2); @l = lquantize(3, 0, 10, 2); @l = lquantize(50, 0, 10, 2);
	@p["y"] = sum(2); @p["x"] = sum(9); printa("%s=%@d\n", @p);
	exit(0); }'
for f in basic aggs; do
	for e in json jerr txt err; do echo "--- $f.$e"; cat $T/$f.$e; done
done
$D -x oformat=xml -qn 'BEGIN { exit(0); }' >$T/xml.out 2>$T/xml.err
st=$?
if [ $st -ne 0 ] && grep -q 'oformat' $T/xml.err; then
	echo "ok oformat=xml refused"
else
	echo "FAIL oformat=xml: status $st"; cat $T/xml.err; fail=1
fi

python3 - "$T" <<'EOF' || fail=1
import json, re, sys
T = sys.argv[1]
bad = 0
def ok(name, cond, detail=""):
    global bad
    if cond:
        print("ok", name)
    else:
        print("FAIL", name, detail)
        bad = 1
def lines(n):
    out = []
    for i, l in enumerate(open(f"{T}/{n}.json")):
        try:
            o = json.loads(l)
        except Exception as e:
            ok(f"{n}: line {i + 1} is JSON", False, f"{e}: {l!r}")
            continue
        out.append(o)
    ok(f"{n}: every line is a JSON object with version 1 and a type",
       all(isinstance(o, dict) and o.get("version") == 1 and "type" in o for o in out), out)
    return out

# basic: one probe record; values as trace() prints them
b = lines("basic")
probes = [o for o in b if o["type"] == "probe"]
# the faulting clause's record is discarded, as DTrace does
ok("basic: two probe records (the faulting clause has none)", len(probes) == 2, b)
p = probes[0] if probes else {}
ok("basic: probe names dtrace:::BEGIN",
   (p.get("provider"), p.get("module"), p.get("function"), p.get("name")) == ("dtrace", "", "", "BEGIN"), p)
d = p.get("data", [])
txt = open(f"{T}/basic.txt").read()
ok("basic: actions in order", [i["action"] for i in d] == ["trace", "trace", "printf", "trace", "stack"], d)
ok("basic: exit(7) in the last record", len(probes) == 2 and probes[1]["data"] == [{"action": "exit", "status": 7}], probes)
if len(d) == 5:
    ok("basic: trace(-3) is -3", d[0]["value"] == -3, d[0])
    ok("basic: string with quote and backslash", d[1]["value"] == 'a"b\\c', d[1])
    ok("basic: printf output as the text shows it", d[2]["output"] == "x=5 y\n" and "x=5 y\n" in txt, (d[2], txt))
    # by its D type (the text prints 4-byte values as int, as DTrace does)
    ok("basic: uint32_t 4000000000 unsigned", d[3]["value"] == 4000000000, d[3])
    tf = [l.strip() for l in txt.splitlines()[2:] if l.strip()]
    ok("basic: stack frames = text lines", d[4]["frames"] == tf and len(tf) > 0, (d[4], tf))
ok("basic: text has the same values", txt.startswith('-3a"b\\cx=5 y\n'), repr(txt))

# aggregations: compare with the text output's rows
a = lines("aggs")
aggs = {o["name"]: o for o in a if o["type"] == "aggregation"}
ok("aggs: one line per aggregation not printed by printa", sorted(aggs) == sorted(["@c", "@n", "@av", "@mn", "@mx", "@q", "@l"]), list(aggs))
t = open(f"{T}/aggs.txt").read()
c = aggs.get("@c", {})
ok("aggs: @c is sum", c.get("function") == "sum", c)
rows = [(r["keys"], r["value"]) for r in c.get("rows", [])]
trows = [(m.group(1), int(m.group(2))) for m in re.finditer(r"^  ([abc]) +(\d+)$", t, re.M)]
ok("aggs: @c rows and order as in the text", rows == [([k], v) for k, v in trows] and len(rows) == 3, (rows, trows))
n = aggs.get("@n", {})
nrows = [(r["keys"], r["value"]) for r in n.get("rows", [])]
tn = [([int(m.group(1)), m.group(2)], int(m.group(3))) for m in re.finditer(r"^ +(\d+) +([kj]) +(\d+)$", t, re.M)]
ok("aggs: @n two keys (int, string) as in the text", nrows == tn and len(nrows) == 2, (nrows, tn))
for name, fn, val in (("@av", "avg", 4), ("@mn", "min", -2), ("@mx", "max", 8)):
    g = aggs.get(name, {})
    ok(f"aggs: {name} {fn} = {val}", g.get("function") == fn and [r["value"] for r in g.get("rows", [])] == [val], g)
    ok(f"aggs: {name} value in the text", re.search(rf"^ +{val}$", t, re.M) is not None)
q = aggs.get("@q", {})
qb = q.get("rows", [{}])[0].get("buckets")
ok("aggs: quantize buckets 0:1 2:2 64:1", qb == [{"min": 0, "count": 1}, {"min": 2, "count": 2}, {"min": 64, "count": 1}], qb)
# the text histogram's nonzero rows, in the first histogram block
blocks = re.split(r"\n *value +-+ Distribution -+ count *\n", t)
def hist(block):
    r = []
    for m in re.finditer(r"^ *(\S+(?: \S+)?) \|[@ ]* (\d+)\s*$", block, re.M):
        if int(m.group(2)):
            r.append((m.group(1), int(m.group(2))))
    return r
ok("aggs: two histograms in the text", len(blocks) == 3, len(blocks))
if len(blocks) == 3:
    ok("aggs: quantize buckets = text rows", [(str(x["min"]), x["count"]) for x in qb or []] == hist(blocks[1]), (qb, hist(blocks[1])))
    l = aggs.get("@l", {})
    lb = l.get("rows", [{}])[0].get("buckets")
    ok("aggs: lquantize underflow (min null), 2, >= 10",
       lb == [{"min": None, "count": 1}, {"min": 2, "count": 1}, {"min": 10, "count": 1}], lb)
    th = hist(blocks[2])
    ok("aggs: lquantize buckets = text rows", [c for _, c in th] == [x["count"] for x in lb or []] and
       th[0][0] == "< 0" and th[-1][0] == ">= 10", (lb, th))

# printa(fmt): the output string is the text output
out = [i for o in a if o["type"] == "probe" for i in o["data"] if i["action"] == "printa"]
ok("printa: output as in the text", len(out) == 1 and out[0]["output"] == "y=2\nx=9\n" and
   t.startswith("y=2\nx=9\n"), (out, t[:20]))

# errors: an error object with the text's fault and address
e = [o for o in b if o["type"] == "error"]
et = open(f"{T}/basic.err").read()
ok("error: one error object", len(e) == 1, e)
if e:
    ok("error: invalid address 0x8 on dtrace:::BEGIN, action 1",
       e[0]["fault"] == "invalid address" and e[0]["address"] == "0x8" and e[0]["name"] == "BEGIN" and e[0]["action"] == 1, e[0])
    ok("error: the text says the same", "invalid address (0x8) in action #1" in et, et)
sys.exit(bad)
EOF
[ $fail -eq 0 ] && echo "json: PASS" || echo "json: FAIL"
exit $fail
