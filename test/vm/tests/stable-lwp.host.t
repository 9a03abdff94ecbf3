#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The proc provider's thread probes (gen/860-prov-stable.c) for a python3
# process that starts one thread and prints its thread ID (native_id):
#  - lwp-create fires in the process with args[0] the new thread (its
#    tid), lwp-start in the new thread (tid the printed one, fired as it
#    is switched to the first time), lwp-exit in it when it ends;
#  - proc:::exit fires once for the process, in its last thread, with
#    args[0] CLD_EXITED; lwp-exit does not fire for that last thread;
#  - signal-handle fires in the process for a SIGUSR1 it has a handler
#    for, args[0] 10, and not for a SIGUSR2 it ignores (nor does
#    signal-send fire for the ignored one).
set -u
. "$(dirname "$0")/stable.sh"

cat >$T/thr.py <<'PY'
import os, signal, threading
signal.signal(signal.SIGUSR1, lambda s, f: None)
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
t = threading.Thread(target=lambda: print("tid", threading.get_native_id(), flush=True))
t.start()
t.join()
os.kill(os.getpid(), signal.SIGUSR2)
os.kill(os.getpid(), signal.SIGUSR1)
print("main", os.getpid(), flush=True)
PY
$D -q -n '
proc:::lwp-create /pid == $target/ {
	printf("lwpc %d\n", ((struct task_struct *)arg0)->pid);
}
proc:::lwp-start /pid == $target/ { printf("lwps %d\n", tid); }
proc:::lwp-exit /pid == $target/ { printf("lwpx %d\n", tid); }
proc:::exit /pid == $target/ { printf("exit %d %d\n", tid, arg0); }
proc:::signal-handle /pid == $target/ { printf("handle %d\n", arg0); }
proc:::signal-send /pid == $target/ { printf("send %d\n", arg2); }' \
	-c "python3 $T/thr.py" >$T/out 2>&1
cat $T/out
read -r _ x <<<"$(grep '^tid ' $T/out)"
read -r _ m <<<"$(grep '^main ' $T/out)"
has() { grep -qx "$1" $T/out && ok "$2" || bad "$2: no line '$1'"; }
[ -n "$x" ] && [ -n "$m" ] || { bad "the program did not print its IDs"; exit 1; }
has "lwpc $x" "lwp-create: args[0] the new thread ($x)"
has "lwps $x" "lwp-start in the new thread ($x)"
has "lwpx $x" "lwp-exit in the thread ($x)"
has "exit $m 1" "proc:::exit once, in the last thread ($m): CLD_EXITED"
[ "$(grep -c '^exit ' $T/out)" = 1 ] && ok "one proc:::exit" || bad "$(grep -c '^exit ' $T/out) proc:::exit lines"
grep -q "^lwpx $m\$" $T/out && bad "lwp-exit for the last thread" || ok "no lwp-exit for the last thread"
has "handle 10" "signal-handle: SIGUSR1 (10), which has a handler"
grep -q '^handle 12$' $T/out && bad "signal-handle for an ignored signal" || ok "no signal-handle for the ignored SIGUSR2"
has "send 10" "signal-send: SIGUSR1"
grep -q '^send 12$' $T/out && bad "signal-send for an ignored signal" || ok "no signal-send for the ignored SIGUSR2"
exit $fail
