# SPDX-License-Identifier: GPL-2.0
#
# make bench: what tracing costs, dtrace against the kernel's own tracers
# and bpftrace, inside QEMU natively and under Xen PV (test/bench).
# Included by the top-level Makefile, which sets SRCDIR.
#
#   make bench [KERNELS=6.12] [PLATFORMS="native xenpv"]
#              [BENCH_N=10000|1000] [BENCH_K=100] [BENCH_ROWS="key ..."]
#        one boot per kernel x platform (test/vm/run.sh with a generated
#        test directory whose one test runs test/bench/bench.sh); in that
#        boot, bench-loop (test/bench/src/bench-loop.c) times getppid(2) and
#        a 1-byte read(2) of /dev/zero (one vfs_read() call) per operation,
#        best of BENCH_K runs of BENCH_N, under: no module; module loaded;
#        after all of fbt was enabled and disabled; dtrace syscall
#        getppid:entry, fbt vfs_read:entry and entry+return with
#        @ = count(); kprobe (+kretprobe) events, the function and
#        function_graph tracers filtered to vfs_read and the
#        sys_enter_getppid tracepoint event (tracefs); bpftrace kprobe,
#        kprobe+kretprobe, kfunc, kfunc+kretfunc and tracepoint count()
#        one-liners (the host's Debian bpftrace, run chrooted in the guest).
#        Prints a table per boot (ns/op, overhead over no module, each
#        dtrace overhead as a ratio to the others'; ratios from one boot)
#        and saves it in out/bench/KREL-PLATFORM.txt (rows in .rows).
#        Rows a module cannot do yet print "n/a (provider missing)".
#        BENCH_ROWS picks rows by key (see test/bench/bench.sh).
#   make bench-prog
#        build out/bench/bin/bench-loop (static); part of vm-prepare, so
#        make check's boots have it for test/vm/tests/bench-smoke.host.t,
#        which runs bench.sh with tiny counts and without bpftrace (a test
#        of the machinery, no timing assertion; about 10-15 s per boot).
#
# Timings come from QEMU TCG on a shared host: compare ratios within one
# table, not absolute values or tables of different boots.  Many short runs
# (10000 operations natively, 1000 under Xen PV, where a system call costs
# 30 times more: a few ms) and the best of them: a run during which the
# host preempted QEMU's vCPU thread is simply not the best one; long runs
# all contain such gaps and vary by 30% and more.  Runs are timed with the
# TSC (CLOCK_MONOTONIC moves in millisecond steps in a Xen PV guest under
# TCG).  Even so, on a loaded host single cells can be off by 2x: the
# "nothing enabled" rows at the start and the end show the noise of a
# table.  VM_TIMEOUT (default 3600 s) bounds each boot; on a quiet host a
# boot takes about 4 minutes natively and 10 under Xen PV (enabling all of
# fbt alone: 20 s natively, minutes under Xen PV).

BENCH_OUT := $(SRCDIR)/out/bench
BENCH_LOOP := $(BENCH_OUT)/bin/bench-loop

.PHONY: bench bench-prog

bench-prog: $(BENCH_LOOP)

$(BENCH_LOOP): $(SRCDIR)/test/bench/src/bench-loop.c
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -static -O2 -Wall -Werror -o $@.tmp $< && mv -f $@.tmp $@
	@echo "  CC      $@"

bench:
	$(Q)KERNELS="$(KERNELS)" PLATFORMS="$(PLATFORMS)" BENCH_N="$(BENCH_N)" \
		BENCH_K="$(BENCH_K)" BENCH_ROWS="$(BENCH_ROWS)" $(SRCDIR)/test/bench/run.sh

vm-prepare: bench-prog
