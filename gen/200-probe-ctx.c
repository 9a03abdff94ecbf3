/* Probe context: the rules, the recursion guard, safe memory access */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PROBE CONTEXT
 *
 * A probe fires wherever the traced code runs: with interrupts off, in an
 * interrupt or NMI handler, with locks held.  Everything that runs between
 * dtrace_probe_enter() and dtrace_probe_exit() - predicates, actions, DIF
 * emulation, subroutines, buffer and aggregation updates - is probe context
 * and obeys these rules:
 *
 *  1. Never sleep: no mutexes, no semaphores, no GFP_KERNEL allocations, no
 *     copy_from_user() that may fault in pages, no schedule().
 *  2. Never allocate: every buffer, aggregation and dynamic variable is
 *     preallocated when tracing starts; running out is a counted drop.
 *  3. Only raw spinlocks taken with interrupts masked through the platform
 *     layer, and only the per-consumer locks documented where they live.
 *  4. Read arbitrary memory only through dtrace_load_kernel() and
 *     dtrace_load_user(), which turn a fault into an error, never an oops.
 *  5. Call no function that dtrace itself may trace unless the recursion
 *     guard is held: a probe that fires while this CPU is already in probe
 *     context is dropped and counted (recursion_drops), never recursed into.
 *  6. Bounded work: DIF runs forward-only, every loop here is bounded by a
 *     length fixed at enabling time.
 *
 * The user-space unit tests provide their own versions of the functions in
 * this fragment (test/unit/shim.h).
 */

static DEFINE_PER_CPU(int, dtrace_in_probe);
static atomic64_t dtrace_recursion_drops = ATOMIC64_INIT(0);

/*
 * Enter probe context on this CPU: masks interrupts and takes the per-CPU
 * recursion guard.  Returns false (and counts a drop) if this CPU is
 * already in probe context; the caller must then return at once.
 */
static __always_inline bool dtrace_probe_enter(unsigned long *flags)
{
	*flags = dtrace_intr_save();
	if (unlikely(this_cpu_read(dtrace_in_probe))) {
		dtrace_intr_restore(*flags);
		atomic64_inc(&dtrace_recursion_drops);
		return false;
	}
	this_cpu_write(dtrace_in_probe, 1);
	return true;
}

static __always_inline void dtrace_probe_exit(unsigned long flags)
{
	this_cpu_write(dtrace_in_probe, 0);
	dtrace_intr_restore(flags);
}

/*
 * Fault-checked loads and stores.  All return 0 or -EFAULT and never take
 * a fault the kernel would report: the kernel's nofault accessors use
 * exception table fixups, on both platforms.  User memory is the current
 * process's: a kernel thread has none, even while it borrows a process's
 * page tables (kthread_use_mm), so user accesses from it fail.
 */
static int dtrace_load_kernel(void *dst, u64 addr, size_t len)
{
	if (addr + len < addr)
		return -EFAULT;
	return copy_from_kernel_nofault(dst, (const void *)(uintptr_t)addr,
					len) ? -EFAULT : 0;
}

/*
 * The thread a probe fires for when that is not current, else NULL: set
 * by dtrace_probe_task_args() (500-ecb.c) with interrupts masked, for the
 * duration of one firing.  sched:::on-cpu and proc:::start fire from the
 * sched_switch tracepoint, which runs in the old thread just before the
 * switch, for the thread about to run: DIF's built-in variables (pid,
 * tid, execname, curthread, ...) then describe that thread, as they do
 * in DTrace, where these probes fire in the new thread.  Its user memory
 * is not loaded yet: user loads, stores and ustack() fail meanwhile.
 */
static DEFINE_PER_CPU(struct task_struct *, dtrace_probe_task);

static struct task_struct *dtrace_cur_task(void)
{
	struct task_struct *t = this_cpu_read(dtrace_probe_task);

	return t ? t : current;
}

static bool dtrace_user_ok(u64 addr, size_t len)
{
	return current->mm && !(current->flags & PF_KTHREAD) &&
	       !this_cpu_read(dtrace_probe_task) && addr + len >= addr;
}

static int dtrace_load_user(void *dst, u64 addr, size_t len)
{
	if (!dtrace_user_ok(addr, len))
		return -EFAULT;
	return copy_from_user_nofault(dst, (const void __user *)(uintptr_t)addr,
				      len) ? -EFAULT : 0;
}

/*
 * Stores into user memory (copyout, copyoutstr) are refused, as the
 * kernel's own probe-write helper (bpf_probe_write_user) refuses them,
 * while the task exits (PF_EXITING: its address space is being torn down)
 * and when the address space loaded on this CPU is not the task's (a
 * probe in the context-switch path, or in an NMI that came in mid-switch,
 * sees current->mm before or after its page tables are loaded): the page
 * table root this CPU runs on (CR3, read through the paravirt interface
 * under Xen PV) must be current->mm's.
 */
static bool dtrace_user_store_ok(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm || (current->flags & (PF_EXITING | PF_KTHREAD)))
		return false;
	return read_cr3_pa() == __pa(mm->pgd);
}

static int dtrace_store_user(u64 addr, const void *src, size_t len)
{
	if (!dtrace_user_ok(addr, len) || !dtrace_user_store_ok())
		return -EFAULT;
	return copy_to_user_nofault((void __user *)(uintptr_t)addr, src,
				    len) ? -EFAULT : 0;
}

/*
 * The current thread (dtrace_cur_task()), as DIF's built-in variables see
 * it.  All are safe in probe context (they read fields of the task under
 * RCU rules that hold with interrupts masked).
 */
static u64 dtrace_cur_pid(void)
{
	return dtrace_cur_task()->tgid;
}

static u64 dtrace_cur_tid(void)
{
	return dtrace_cur_task()->pid;
}

static u64 dtrace_cur_ppid(void)
{
	u64 ppid;

	rcu_read_lock();
	ppid = task_tgid_nr(rcu_dereference(dtrace_cur_task()->real_parent));
	rcu_read_unlock();
	return ppid;
}

static u64 dtrace_cur_uid(void)
{
	struct task_struct *t = dtrace_cur_task();

	return from_kuid(&init_user_ns,
			 t == current ? current_uid() : task_uid(t));
}

static u64 dtrace_cur_gid(void)
{
	struct task_struct *t = dtrace_cur_task();

	return from_kgid(&init_user_ns,
			 t == current ? current_gid() :
			 task_cred_xxx(t, gid));
}

static u64 dtrace_cur_thread(void)
{
	return (u64)(uintptr_t)dtrace_cur_task();
}

static u64 dtrace_cur_vtime(void)
{
	return dtrace_cur_task()->se.sum_exec_runtime;
}

/* Copy the current command name (TASK_COMM_LEN bytes at most) to buf. */
static void dtrace_cur_execname(char *buf, size_t len)
{
	size_t n = min_t(size_t, len, TASK_COMM_LEN);

	memcpy(buf, dtrace_cur_task()->comm, n);
	buf[n - 1] = '\0';
}

/* True if the current process is pid or one of its descendants. */
static bool dtrace_cur_progenyof(u64 pid)
{
	struct task_struct *t;
	bool found = false;
	int depth = 0;

	rcu_read_lock();
	for (t = dtrace_cur_task(); t && depth < 4096; depth++) {
		struct task_struct *parent;

		if (t->tgid == pid) {
			found = true;
			break;
		}
		parent = rcu_dereference(t->real_parent);
		if (parent == t || t->pid == 0)
			break;
		t = parent;
	}
	rcu_read_unlock();
	return found;
}

/*
 * Kernel stack of the probe site: up to max PCs into pcs, skipping the
 * innermost skip frames (dtrace's own).  Returns the number stored.
 */
static int dtrace_getpcstack(u64 *pcs, int max, int skip)
{
	unsigned long buf[DTRACE_STACK_MAXDEPTH];
	unsigned int n, i;

	if (max > DTRACE_STACK_MAXDEPTH)
		max = DTRACE_STACK_MAXDEPTH;
	if (max <= 0)
		return 0;
	n = stack_trace_save(buf, max, skip);
	for (i = 0; i < n; i++)
		pcs[i] = buf[i];
	return n;
}

/* User stack of the current thread (frame-pointer walk, fault-checked). */
static int dtrace_getupcstack(u64 *pcs, int max)
{
	struct pt_regs *regs;
	u64 fp, frame[2];
	int n = 0;

	if (!current->mm || (current->flags & PF_KTHREAD) ||
	    this_cpu_read(dtrace_probe_task))
		return 0;
	regs = task_pt_regs(current);
	if (max <= 0)
		return 0;
	pcs[n++] = regs->ip;
	fp = regs->bp;
	while (n < max && fp && !(fp & 7)) {
		if (dtrace_load_user(frame, fp, sizeof(frame)))
			break;
		if (!frame[1])
			break;
		pcs[n++] = frame[1];
		if (frame[0] <= fp)
			break;
		fp = frame[0];
	}
	return n;
}

/*
 * A random number for rand(): a per-CPU xorshift64* generator, seeded from
 * the kernel's CSPRNG on first use on each CPU.  The kernel's own
 * get_random_u64() takes a local lock and is not NMI-safe.
 */
static DEFINE_PER_CPU(u64, dtrace_rand_state);

static u64 dtrace_rand64(void)
{
	u64 x = this_cpu_read(dtrace_rand_state);

	if (unlikely(!x))
		x = (u64)dtrace_gethrtime() * 0x9e3779b97f4a7c15ULL | 1;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	this_cpu_write(dtrace_rand_state, x);
	return x * 0x2545f4914f6cdd1dULL;
}
