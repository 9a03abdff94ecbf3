/* The syscall provider: syscall::NAME:entry and syscall::NAME:return */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Two probes for every 64-bit system call the kernel implements, named as
 * the kernel names them (read, openat, getppid, newuname, ...), with an
 * empty module field as in DTrace:
 *
 *   syscall::NAME:entry    arg0..arg5 are the call's arguments
 *   syscall::NAME:return   arg0 and arg1 are the return value as the
 *                          kernel returns it (a failed call: -errno);
 *                          errno is the error of a failed call, else 0
 *
 * Names.  The module cannot read sys_call_table (not exported), but the
 * kernel's build leaves the list it builds that table from in
 * <asm/syscalls_64.h> (arch/x86/include/generated/asm/), one line per
 * number, __SYSCALL(nr, sys_NAME) or __SYSCALL_NORETURN(nr, sys_NAME)
 * (6.12: exit, exit_group).  Every tree modules are built against has it
 * (Debian's headers packages, DKMS, O= builds); dtrace.c includes it
 * here, as an X-macro, so the table below is the running kernel's own at
 * build time: no build rule, no generated file.  The names are the
 * kernel's SYSCALL_DEFINE names, the same as its syscalls:sys_enter_NAME
 * trace events and Oracle Linux DTrace's probes: a few differ from the
 * <asm/unistd_64.h> (__NR_) names, e.g. newstat, newfstat, newlstat,
 * newuname, sendfile64, umount (__NR_stat, ..., __NR_umount2).  Numbers
 * that map to sys_ni_syscall (not implemented) get no probes.
 *
 * Mechanism.  The kernel's raw syscall tracepoints, sys_enter(regs, nr)
 * and sys_exit(regs, ret), found with for_each_kernel_tracepoint (their
 * symbols are not exported) and attached with tracepoint_probe_register:
 * the sys_enter callback while at least one entry probe is enabled, the
 * sys_exit callback while at least one return probe is.  With nothing
 * enabled no callback is registered and the kernel does not even take its
 * syscall-work path (the tracepoints' regfunc sets that per-task work flag
 * only while they have callbacks).  While one is registered, every system
 * call pays one look-up in dtrace_syscall_armed[][nr] (the probe ID while
 * that probe is enabled, else 0) and returns.  The system call table is
 * never touched.
 *
 * 32-bit system calls (in_compat_syscall(): ia32 and x32) are left out:
 * their numbers belong to another table, and no probe fires for them.
 *
 * Probe context.  Tracepoint callbacks run with preemption disabled under
 * RCU (6.1 and 6.12); the callbacks disable preemption themselves as well
 * (later kernels call syscall tracepoints preemptible), so reading an ID
 * and firing it is one RCU-sched read-side section: the framework frees a
 * probe, and hands its ID to another, only after a grace period
 * (320-provider.c).  They call dtrace_probe_args / dtrace_probe_errno,
 * which mask interrupts and take the recursion guard (200-probe-ctx.c);
 * before that they call only inline helpers (syscall_get_arguments,
 * syscall_get_nr, in_compat_syscall).
 *
 * Locking.  enable and disable run under dtrace_lock (320-provider.c),
 * which serialises the counts and the tracepoint (un)registration; the
 * armed table is written with WRITE_ONCE and read with READ_ONCE.  After
 * the last unregistration a callback may still be running on another CPU:
 * it finds 0 or an ID the framework keeps valid, and module exit waits for
 * it with tracepoint_synchronize_unregister().
 *
 * Compiled only with CONFIG_DTRACE_PROVIDER_SYSCALL; listed in the provider
 * table (890-providers.c).
 * Owns: the syscall provider.  Calls: 320-provider.c, dtrace_probe_args(),
 * dtrace_probe_errno(), the kernel's tracepoint API.
 */
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SYSCALL)

#undef __SYSCALL
#undef __SYSCALL_NORETURN
#define __SYSCALL(nr, sym)		[nr] = #sym,
#define __SYSCALL_NORETURN(nr, sym)	[nr] = #sym,
/* "sys_NAME" for each 64-bit system call number (NULL: a hole). */
static const char *const dtrace_syscall_syms[] = {
#include <asm/syscalls_64.h>
};
#undef __SYSCALL
#undef __SYSCALL_NORETURN

#define DTRACE_SYSCALL_NR	ARRAY_SIZE(dtrace_syscall_syms)
#define DTRACE_SYSCALL_ENTRY	0
#define DTRACE_SYSCALL_RETURN	1

static struct dtrace_provider *dtrace_prov_syscall;
/* [kind][nr]: the probe's ID while it is enabled, else 0 (probe context). */
static u32 dtrace_syscall_armed[2][DTRACE_SYSCALL_NR];
/* Enabled probes of each kind; a callback is registered while > 0. */
static u32 dtrace_syscall_nenabled[2];
/* The sys_enter and sys_exit tracepoints (NULL: the kernel has none). */
static struct tracepoint *dtrace_syscall_tp[2];

/* The probe's parg: kind and number, never NULL. */
static void *dtrace_syscall_parg(u32 nr, int kind)
{
	return (void *)(uintptr_t)(((uintptr_t)nr << 1 | kind) + 1);
}

static void dtrace_syscall_unparg(void *parg, u32 *nr, int *kind)
{
	uintptr_t v = (uintptr_t)parg - 1;

	*nr = v >> 1;
	*kind = v & 1;
}

/* Probe context: the armed ID for a 64-bit call nr, or 0. */
static __always_inline u32 dtrace_syscall_id(int kind, long nr)
{
	if (unlikely((unsigned long)nr >= DTRACE_SYSCALL_NR))
		return 0;
	nr = array_index_nospec(nr, DTRACE_SYSCALL_NR);
	return READ_ONCE(dtrace_syscall_armed[kind][nr]);
}

/* Probe context: fire entry probe id with the call's arguments. */
static noinline void dtrace_syscall_fire_entry(u32 id, struct pt_regs *regs)
{
	u64 args[DTRACE_MAXARGS] = { 0 };
	unsigned long a[6];
	int i;

	syscall_get_arguments(current, regs, a);
	for (i = 0; i < 6; i++)
		args[i] = a[i];
	dtrace_probe_args(id, NULL, args);
}

/* Probe context: fire return probe id for return value ret. */
static noinline void dtrace_syscall_fire_return(u32 id, long ret)
{
	u64 args[DTRACE_MAXARGS] = { (u64)ret, (u64)ret };
	int err = 0;

	/* The kernel's convention: -4095..-1 is a failure. */
	if (ret < 0 && ret >= -MAX_ERRNO)
		err = (int)-ret;
	dtrace_probe_errno(id, args, err);
}

/*
 * sys_enter: TP_PROTO(struct pt_regs *regs, long id).  Every system call
 * of every task comes here while an entry probe is enabled: one look-up,
 * and the work only for an enabled 64-bit call.
 */
static void notrace dtrace_syscall_entry_cb(void *data, struct pt_regs *regs,
					    long nr)
{
	u32 id;

	preempt_disable_notrace();
	id = dtrace_syscall_id(DTRACE_SYSCALL_ENTRY, nr);
	if (unlikely(id) && !in_compat_syscall())
		dtrace_syscall_fire_entry(id, regs);
	preempt_enable_notrace();
}

/* sys_exit: TP_PROTO(struct pt_regs *regs, long ret).  The same. */
static void notrace dtrace_syscall_return_cb(void *data, struct pt_regs *regs,
					     long ret)
{
	u32 id;

	preempt_disable_notrace();
	id = dtrace_syscall_id(DTRACE_SYSCALL_RETURN,
			       syscall_get_nr(current, regs));
	if (unlikely(id) && !in_compat_syscall())
		dtrace_syscall_fire_return(id, ret);
	preempt_enable_notrace();
}

static void *const dtrace_syscall_cb[2] = {
	[DTRACE_SYSCALL_ENTRY] = dtrace_syscall_entry_cb,
	[DTRACE_SYSCALL_RETURN] = dtrace_syscall_return_cb,
};

static int dtrace_syscall_enable(void *arg, u32 id, void *parg)
{
	int kind, err;
	u32 nr;

	dtrace_syscall_unparg(parg, &nr, &kind);
	if (nr >= DTRACE_SYSCALL_NR || !dtrace_syscall_tp[kind])
		return -EINVAL;
	if (!dtrace_syscall_nenabled[kind]) {
		err = tracepoint_probe_register(dtrace_syscall_tp[kind],
						dtrace_syscall_cb[kind], NULL);
		if (err)
			return err;
	}
	dtrace_syscall_nenabled[kind]++;
	WRITE_ONCE(dtrace_syscall_armed[kind][nr], id);
	return 0;
}

static void dtrace_syscall_disable(void *arg, u32 id, void *parg)
{
	int kind, err;
	u32 nr;

	dtrace_syscall_unparg(parg, &nr, &kind);
	if (nr >= DTRACE_SYSCALL_NR || !dtrace_syscall_nenabled[kind])
		return;
	WRITE_ONCE(dtrace_syscall_armed[kind][nr], 0);
	if (--dtrace_syscall_nenabled[kind])
		return;
	err = tracepoint_probe_unregister(dtrace_syscall_tp[kind],
					  dtrace_syscall_cb[kind], NULL);
	if (err)
		pr_warn("syscall provider: unregistering from %s failed (%d)\n",
			dtrace_syscall_tp[kind]->name, err);
}

static const struct dtrace_pops dtrace_syscall_ops = {
	.provide = NULL,	/* every probe exists from the start */
	.enable = dtrace_syscall_enable,
	.disable = dtrace_syscall_disable,
};

static void dtrace_syscall_find_tp(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "sys_enter"))
		dtrace_syscall_tp[DTRACE_SYSCALL_ENTRY] = tp;
	else if (!strcmp(tp->name, "sys_exit"))
		dtrace_syscall_tp[DTRACE_SYSCALL_RETURN] = tp;
}

static int dtrace_prov_syscall_init(const struct dtrace_provider_def *def)
{
	static const char *const pname[2] = { "entry", "return" };
	u32 nr, id;
	int kind, err = 0;

	for_each_kernel_tracepoint(dtrace_syscall_find_tp, NULL);
	if (!dtrace_syscall_tp[DTRACE_SYSCALL_ENTRY] ||
	    !dtrace_syscall_tp[DTRACE_SYSCALL_RETURN]) {
		pr_info("syscall provider: no raw syscall tracepoints\n");
		return 0;
	}
	err = dtrace_register(def, &dtrace_syscall_ops, NULL,
			      &dtrace_prov_syscall);
	if (err)
		return err;
	mutex_lock(&dtrace_lock);
	for (nr = 0; nr < DTRACE_SYSCALL_NR && !err; nr++) {
		const char *sym = dtrace_syscall_syms[nr];

		if (!sym || strncmp(sym, "sys_", 4) ||
		    !strcmp(sym, "sys_ni_syscall"))
			continue;
		for (kind = 0; kind < 2 && !err; kind++) {
			err = dtrace_probe_create(dtrace_prov_syscall, "",
						  sym + 4, pname[kind], 0,
						  dtrace_syscall_parg(nr, kind),
						  &id);
			/*
			 * Two numbers for one function (none on x86-64):
			 * the first one keeps the name, the other is not
			 * traced.
			 */
			if (err == -EEXIST)
				err = 0;
		}
	}
	mutex_unlock(&dtrace_lock);
	if (err) {
		dtrace_unregister(dtrace_prov_syscall);
		dtrace_prov_syscall = NULL;
	}
	return err;
}

/*
 * Status file (dtrace_lock held): the raw syscall tracepoints the module is
 * attached to now, 0 to 2 (0 whenever no syscall probe is enabled).
 */
static void dtrace_prov_syscall_status(struct seq_file *m)
{
	seq_printf(m, "syscall_tracepoints: %u\n",
		   !!dtrace_syscall_nenabled[DTRACE_SYSCALL_ENTRY] +
		   !!dtrace_syscall_nenabled[DTRACE_SYSCALL_RETURN]);
}

static void dtrace_prov_syscall_exit(void)
{
	if (!dtrace_prov_syscall)
		return;
	/* Disables every enabled probe: the callbacks are unregistered. */
	dtrace_unregister(dtrace_prov_syscall);
	dtrace_prov_syscall = NULL;
	/* No callback still runs module code after this. */
	tracepoint_synchronize_unregister();
}

#endif
