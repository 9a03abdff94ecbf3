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
static bool dtrace_toxic(u64 addr, size_t len);

static int dtrace_load_kernel(void *dst, u64 addr, size_t len)
{
	if (addr + len < addr || dtrace_toxic(addr, len))
		return -EFAULT;
	return copy_from_kernel_nofault(dst, (const void *)(uintptr_t)addr,
					len) ? -EFAULT : 0;
}

/*
 * Toxic ranges: kernel addresses D may never load from, whatever the page
 * tables say, because a read there is a device access (it may have side
 * effects - a read-to-clear status register, a FIFO - or stall the bus),
 * not a memory read.  DTrace keeps such a list (its toxic ranges); here
 * the test is made on each load, without locks, so it holds in any probe
 * context (NMI, or with the vmalloc or resource locks held):
 *
 *  - the vmalloc range (ioremap, vmap of device frames): a page there is
 *    readable only if the kernel page table maps it, at this moment, with
 *    the write-back memory type (PWT, PCD and PAT clear, as every RAM
 *    mapping is: vmalloc, kvmalloc, vmap of pages, IRQ stacks) to a frame
 *    that has a struct page.  ioremap(), ioremap_wc() and ioremap_uc() map
 *    with an uncached or write-combining type, so every device register
 *    mapping fails the test; ioremap_cache()/memremap(WB) of firmware
 *    memory (ACPI tables) is memory and stays readable, as would be a
 *    device a driver mapped write-back (none should: the kernel's memtype
 *    rules give MMIO an uncached type).  The walk is lookup_address(),
 *    which takes no lock; find_vm_area() (VM_IOREMAP) would take the vmap
 *    area lock, which a probe may fire under.  Under Xen PV the frame is
 *    translated through the paravirt pte_val (machine to pseudo-physical)
 *    and the type bits index Xen's PAT, whose entry 0 is write-back too;
 *  - the fixmap (local APIC, IO-APIC, HPET and other early mappings);
 *  - the legacy VGA and ISA ROM hole of the direct map (0xa0000 to
 *    0x100000 physical), which ioremap() hands out as is.
 *
 * Elsewhere the kernel half holds only RAM (direct map, kernel image,
 * modules, vmemmap, per-CPU areas, CPU entry area) or nothing; what is
 * unmapped still faults (BADADDR) in the nofault copy.  Not covered: user
 * mappings of device memory (mmap of /dev/mem, of a PCI BAR or of a GPU
 * aperture, VM_IO or VM_PFNMAP): copyin() from them reads the device, as
 * the traced process itself could.  Stores from D go only to scratch and
 * the vstate (and, with -w, to user memory), never here.
 *
 * A toxic load is a BADADDR fault with the address, as in DTrace.
 */
#define DTRACE_TOXIC_LOW_START	0xa0000UL	/* VGA memory, option ROMs */
#define DTRACE_TOXIC_LOW_END	0x100000UL

static bool dtrace_toxic_vmalloc_page(unsigned long a)
{
	unsigned int level;
	unsigned long pfn, npages;
	pte_t *pte, e;
	u64 type;

	pte = lookup_address(a, &level);
	if (!pte)
		return true;
	e = READ_ONCE(*pte);
	if (!pte_present(e))
		return true;	/* about to be mapped, or a hole: refuse */
	pfn = pte_pfn(e);
	type = _PAGE_PWT | _PAGE_PCD | _PAGE_PAT;
	if (level != PG_LEVEL_4K) {
		/* a large mapping: its frame plus the offset inside it */
		type = _PAGE_PWT | _PAGE_PCD | _PAGE_PAT_LARGE;
		npages = page_level_size(level) >> PAGE_SHIFT;
		pfn = (pfn & ~(npages - 1)) +
		      ((a & ~page_level_mask(level)) >> PAGE_SHIFT);
	}
	return (pte_val(e) & type) || !pfn_valid(pfn);
}

static bool dtrace_toxic(u64 addr, size_t len)
{
	unsigned long a = (unsigned long)addr, end, low;

	if (!len)
		return false;
	end = a + len - 1;
	if (end >= FIXADDR_START && a < FIXADDR_TOP)
		return true;
	low = (unsigned long)__va(0);
	if (end >= low + DTRACE_TOXIC_LOW_START &&
	    a < low + DTRACE_TOXIC_LOW_END)
		return true;
	for (a &= PAGE_MASK; a <= end; a += PAGE_SIZE) {
		if (is_vmalloc_addr((const void *)a) &&
		    dtrace_toxic_vmalloc_page(a))
			return true;
		if (a + PAGE_SIZE < a)
			break;
	}
	return false;
}

/*
 * The thread a probe fires for when that is not current, else NULL: set
 * by dtrace_probe_task_args() (502-fire.c) with interrupts masked, for the
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
 * d_execargs() (420-dif-subr.c): the user address range of task t's
 * arguments (mm->arg_start .. arg_end) when t is the thread the probe
 * fires in and its user memory is the one loaded (dtrace_user_ok); false
 * for any other task.  The bounds change only under prctl(PR_SET_MM) and
 * are read racily: the copy is bounded and fault-checked.
 */
#define DTRACE_TASK_COMM_LEN	TASK_COMM_LEN

static bool dtrace_task_argrange(u64 t, u64 *start, u64 *end)
{
	struct mm_struct *mm;

	if (t != (u64)(uintptr_t)current || !dtrace_user_ok(0, 0))
		return false;
	mm = current->mm;
	*start = READ_ONCE(mm->arg_start);
	*end = READ_ONCE(mm->arg_end);
	return *start < *end;
}

/* The address of task t's command name (a D pointer: loads check it). */
static u64 dtrace_task_comm_addr(u64 t)
{
	return t + offsetof(struct task_struct, comm);
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
