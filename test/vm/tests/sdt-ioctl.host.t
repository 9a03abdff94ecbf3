#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# DTRACEIOC_SDTNAMES (dtrace.h) driven by hand: the module checks every
# group/event pair dtrace(1) hands it against the kernel's own event
# registry, whatever ran before this test:
#  - a wrong size or too many pairs: EINVAL;
#  - sched/sched_switch (a kernel trace event) is added or known;
#  - a real event under a group that is not its own (nosuchgroup/
#    sched_switch), an event the kernel does not have, and a syscalls
#    event (no tracepoint of its own) are "notp": no probe is made;
#  - a name tracefs could not print, or a pair cut short, is rejected;
#  - pairs sent without DTRACE_SDT_KERNEL do not count as the kernel's
#    whole list: dtrace -l still supplies it afterwards.
set -u
. "$(dirname "$0")/sdt.sh"

python3 - >$T/py.out 2>&1 <<'PY'
import ctypes, errno, fcntl, os, struct, sys

ABI = 2
FMT = "IIIIQIIIIII"          # struct dtrace_ioc_sdtnames
SIZE = struct.calcsize(FMT)  # 48
NR = (3 << 30) | (SIZE << 16) | (ord("D") << 8) | 12
fd = os.open("/dev/dtrace", os.O_RDWR)
bad = 0

def call(pairs, size=SIZE, nnames=None, cut=0, flags=0):
    blob = b"".join(g + b"\0" + e + b"\0" for g, e in pairs)
    if cut:
        blob = blob[:-cut]
    buf = ctypes.create_string_buffer(blob or b"\0")
    n = len(pairs) if nnames is None else nnames
    req = bytearray(struct.pack(FMT, size, ABI, n, len(blob),
                                ctypes.addressof(buf), 0, 0, 0, 0, 0, flags))
    try:
        fcntl.ioctl(fd, NR, req)
    except OSError as e:
        return e.errno
    return dict(zip(("added", "known", "notp", "rejected", "nprobes",
                     "flags"), struct.unpack(FMT, req)[5:]))

def check(what, got, want):
    global bad
    ok = all(got.get(k) == v for k, v in want.items()) if isinstance(got, dict) else got == want
    print(("ok " if ok else "FAIL ") + what + ": " + str(got))
    bad += not ok

check("wrong size: EINVAL", call([], size=SIZE - 8), errno.EINVAL)
check("too many pairs: EINVAL", call([(b"a", b"b")], nnames=(1 << 16) + 1), errno.EINVAL)
r = call([(b"sched", b"sched_switch")])
check("sched/sched_switch added or known",
      {"one": r["added"] + r["known"]} if isinstance(r, dict) else r, {"one": 1})
check("nosuchgroup/sched_switch: notp", call([(b"nosuchgroup", b"sched_switch")]),
      {"added": 0, "known": 0, "notp": 1})
check("sched/no_such_event_dtrace: notp", call([(b"sched", b"no_such_event_dtrace")]),
      {"added": 0, "notp": 1})
check("syscalls/sys_enter_getppid: notp", call([(b"syscalls", b"sys_enter_getppid")]),
      {"added": 0, "notp": 1})
check("name with a blank: rejected", call([(b"sched x", b"sched_switch")]),
      {"added": 0, "known": 0, "rejected": 1})
check("pair cut short: rejected", call([(b"sched", b"sched_switch")], cut=5),
      {"added": 0, "known": 0, "rejected": 1})
sys.exit(1 if bad else 0)
PY
rc=$?
cat $T/py.out
[ $rc = 0 ] || bad "ioctl checks (python exit $rc)"
$D -l -P sdt >$T/list 2>&1 || bad "dtrace -l -P sdt: $(tail -1 $T/list)"
n=$(awk 'NR > 1 && $2 == "sdt"' $T/list | wc -l)
[ "$n" -ge 500 ] && ok "dtrace -l -P sdt still lists the kernel's events ($n)" ||
	bad "only $n sdt probes listed after hand-made SDTNAMES calls"
grep -q nosuchgroup $T/list && bad "a probe in nosuchgroup exists" || ok "no probe in nosuchgroup"
exit $fail
