/* The proc, sched and io providers: DTrace's stable probes on tracepoints */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Dynamic Tracing Guide's stable providers proc, sched and io, each a
 * table mapping the Guide's probes to tracepoints of the kernel (the same
 * names and prototypes in Debian's 6.1 and 6.12).  A probe is named
 * PROVIDER:vmlinux:TRACEPOINT:NAME, so `dtrace -l` shows the mapping;
 * probes whose tracepoint the running kernel lacks are not created.
 * Attached like sdt probes (845-tracepoint.c): a typed callback per
 * tracepoint is registered while the probe is enabled, and filters and
 * maps the tracepoint's arguments to the probe's.  Several probes on one
 * tracepoint (sched_switch) register one callback each, with their own
 * data.
 *
 * ARGUMENTS
 *  In DTrace's numbering: arg0..argN are args[0]..args[N].  Where the
 *  Guide gives a translated type (psinfo_t *, lwpsinfo_t *, bufinfo_t *,
 *  devinfo_t *, fileinfo_t *, siginfo_t *) the argument is the kernel
 *  object it is translated from (struct task_struct *, struct request *,
 *  struct kernel_siginfo *); each probe's table row gives the native and
 *  the translated type of every argument, which DTRACEIOC_PROBEARG
 *  reports (dtrace -lv).  The translators themselves are dtrace(1)'s.
 *
 * CONTEXT
 *  sched_switch runs in the old thread, just before the switch.
 *  sched:::on-cpu, proc:::start and proc:::lwp-start belong to the new
 *  thread: they fire after the probes of the old thread (off-cpu, sleep,
 *  preempt: their callbacks have a higher tracepoint priority), with
 *  DIF's built-in variables (pid, tid, execname, curthread, uid, self->,
 *  ...) describing the new thread (dtrace_probe_task_args, 502-fire.c),
 *  as in DTrace, where they fire in it; stack() is still the old
 *  thread's scheduler stack and user memory (copyin, ustack) is not
 *  reachable.  Every other probe fires in the context the Guide gives it
 *  (off-cpu, sleep and preempt in the thread leaving the CPU; create,
 *  lwp-create and signal-send in the parent or sender; wakeup in the
 *  waker; io:::done wherever the request completes, often an interrupt).
 *
 * THE MAPPING (also in dtrace.1)
 *  proc:::create        sched_process_fork, child a new process
 *  proc:::lwp-create    sched_process_fork, child a new thread
 *  proc:::exec          sys_enter of execve/execveat (64-bit ABI);
 *                       args[0] the path, copied from user memory
 *  proc:::exec-failure  sys_exit of execve/execveat with an error; args[0]
 *                       the errno
 *  proc:::exec-success  sched_process_exec
 *  proc:::exit          sched_process_exit of the last thread of its
 *                       process (signal->live is 0); args[0] CLD_EXITED,
 *                       CLD_KILLED or CLD_DUMPED from the exit code
 *  proc:::lwp-exit      sched_process_exit of any other thread
 *  proc:::start         sched_switch to a task that never ran before
 *                       (nvcsw + nivcsw is 0: copy_mm zeroes them; every
 *                       switch away counts one), a process's first thread
 *  proc:::lwp-start     the same, any other thread
 *  proc:::signal-send   signal_generate, unless the signal was ignored
 *  proc:::signal-handle signal_deliver, when a handler will run
 *  sched:::on-cpu       sched_switch, for the new thread
 *  sched:::off-cpu      sched_switch; args[] the new thread
 *  sched:::sleep        sched_switch, not preempted, state not running
 *  sched:::preempt      sched_switch, any other switch away
 *  sched:::wakeup       sched_waking (in the waker; sched_wakeup may run
 *                       on the wakee's CPU)
 *  sched:::change-pri   sched_pi_setprio (priority inheritance only);
 *                       args[2] the new kernel priority (lower is more
 *                       urgent, as Linux's prio)
 *  io:::start           block_rq_issue (a request issued to the driver)
 *  io:::done            block_rq_complete
 *  Not offered (no tracepoint): proc:::signal-clear; sched:::enqueue,
 *  dequeue, remain-cpu, tick, surrender, schedctl-*, cpucaps-*;
 *  io:::wait-start, wait-done.
 *
 * Compiled with CONFIG_DTRACE_PROVIDER_PROC, _SCHED and _IO (each its
 * table) where the tracepoint layer is (DTRACE_HAVE_TP); listed in the
 * provider table (890-providers.c).
 * Owns: the proc, sched and io providers.  Calls: 320-provider.c,
 * 845-tracepoint.c, dtrace_probe_args() and dtrace_probe_task_args()
 * (502-fire.c).
 */
#if defined(DTRACE_HAVE_TP) && (IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC) || \
				IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED) || \
				IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO))

#define DTRACE_STP_MAXARGS	3

struct linux_binprm;
struct request;

/* signal_generate's result for a signal the target ignores */
#define DTRACE_STP_SIGNAL_IGNORED	1	/* TRACE_SIGNAL_IGNORED */

/* What a probe's callback filters and passes (the rows' kind). */
enum dtrace_stp_kind {
	DTRACE_STP_CREATE,
	DTRACE_STP_LWP_CREATE,
	DTRACE_STP_EXEC,
	DTRACE_STP_EXEC_FAILURE,
	DTRACE_STP_EXEC_SUCCESS,
	DTRACE_STP_EXIT,
	DTRACE_STP_LWP_EXIT,
	DTRACE_STP_START,
	DTRACE_STP_LWP_START,
	DTRACE_STP_SIGNAL_SEND,
	DTRACE_STP_SIGNAL_HANDLE,
	DTRACE_STP_ON_CPU,
	DTRACE_STP_OFF_CPU,
	DTRACE_STP_SLEEP,
	DTRACE_STP_PREEMPT,
	DTRACE_STP_WAKEUP,
	DTRACE_STP_CHANGE_PRI,
	DTRACE_STP_IO,
};

struct dtrace_stp_arg {
	const char *native;		/* the C type passed */
	const char *xlate;		/* the D type it translates to, or NULL */
};

/* A row of a provider's table: one of the Guide's probes. */
struct dtrace_stp_row {
	const char *name;		/* the Guide's probe name */
	const char *tp;			/* the tracepoint it is made from */
	void *cb;			/* callback, typed as tp's probes */
	enum dtrace_stp_kind kind;
	unsigned int nargs;
	struct dtrace_stp_arg args[DTRACE_STP_MAXARGS];
};

/* A probe made from a row. */
struct dtrace_stp {
	struct dtrace_tp_hook hook;	/* data: this */
	const struct dtrace_stp_row *row;
	struct dtrace_stp_prov *sp;
};

/* One of the providers. */
struct dtrace_stp_prov {
	const struct dtrace_stp_row *rows;
	unsigned int nrows;
	struct dtrace_provider *prov;
	struct dtrace_stp *probes;	/* nrows; hook.tp NULL: not made */
	u32 nregistered;		/* callbacks registered now */
};

/* ---- probe context ---- */

static void notrace dtrace_stp_fire(struct dtrace_stp *s, u64 a0, u64 a1,
				    u64 a2)
{
	u64 args[DTRACE_MAXARGS] = { a0, a1, a2 };
	u32 id = READ_ONCE(s->hook.armed);

	if (likely(id))
		dtrace_probe_args(id, NULL, args);
}

/* Fire for task, about to run on this CPU, as if it were current. */
static void notrace dtrace_stp_fire_task(struct dtrace_stp *s,
					 struct task_struct *task)
{
	u64 args[DTRACE_MAXARGS] = { 0 };
	u32 id = READ_ONCE(s->hook.armed);

	if (likely(id))
		dtrace_probe_task_args(id, task, args);
}

#define DTRACE_STP_PTR(p)	((u64)(uintptr_t)(p))

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC)
/* The path exec is asked to run, copied for proc:::exec. */
static DEFINE_PER_CPU(char [PATH_MAX], dtrace_stp_path);

/* sched_process_fork: in the parent. */
static void notrace dtrace_stp_fork(void *data, struct task_struct *parent,
				    struct task_struct *child)
{
	struct dtrace_stp *s = data;
	bool thread = child->pid != child->tgid;

	if (s->row->kind == DTRACE_STP_CREATE && !thread)
		dtrace_stp_fire(s, DTRACE_STP_PTR(child), 0, 0);
	else if (s->row->kind == DTRACE_STP_LWP_CREATE && thread)
		dtrace_stp_fire(s, DTRACE_STP_PTR(child),
				DTRACE_STP_PTR(child), 0);
}

static bool notrace dtrace_stp_is_exec(long nr)
{
	return (nr == __NR_execve || nr == __NR_execveat) &&
	       !in_compat_syscall();
}

/*
 * Copy the NUL-ended string at user address uaddr to path (PATH_MAX
 * bytes), in pieces that never cross a page (the string may end just
 * before an unmapped one); faults are not taken: what cannot be read
 * ends the string there.
 */
static void notrace dtrace_stp_copy_path(char *path, unsigned long uaddr)
{
	size_t n = 0;

	while (n < PATH_MAX - 1) {
		size_t len = min_t(size_t, 64, PATH_MAX - 1 - n);
		size_t room = PAGE_SIZE - ((uaddr + n) & ~PAGE_MASK);
		char *nul;

		len = min(len, room);
		if (copy_from_user_nofault(path + n,
					   (const void __user *)(uaddr + n),
					   len))
			break;
		nul = memchr(path + n, '\0', len);
		if (nul)
			return;
		n += len;
	}
	path[n] = '\0';
}

/* sys_enter: before the system call runs. */
static void notrace dtrace_stp_sys_enter(void *data, struct pt_regs *regs,
					 long nr)
{
	struct dtrace_stp *s = data;
	unsigned long uaddr;
	char *path;

	if (!dtrace_stp_is_exec(nr) || !READ_ONCE(s->hook.armed))
		return;
	/* execve(path, ...), execveat(dirfd, path, ...) */
	uaddr = nr == __NR_execve ? regs->di : regs->si;
	preempt_disable_notrace();
	path = this_cpu_ptr(dtrace_stp_path);
	dtrace_stp_copy_path(path, uaddr);
	dtrace_stp_fire(s, DTRACE_STP_PTR(path), 0, 0);
	preempt_enable_notrace();
}

/* sys_exit: after it; an exec that succeeded returns 0. */
static void notrace dtrace_stp_sys_exit(void *data, struct pt_regs *regs,
					long ret)
{
	struct dtrace_stp *s = data;

	if (ret < 0 && ret >= -MAX_ERRNO &&
	    dtrace_stp_is_exec(syscall_get_nr(current, regs)))
		dtrace_stp_fire(s, (u64)-ret, 0, 0);
}

/* sched_process_exec: the new image, before it returns to user mode. */
static void notrace dtrace_stp_exec(void *data, struct task_struct *p,
				    pid_t old_pid, struct linux_binprm *bprm)
{
	dtrace_stp_fire(data, 0, 0, 0);
}

/*
 * sched_process_exit: in the exiting thread, after exit_code is set and
 * signal->live counted down (0: the process's last thread).  Two threads
 * exiting at once may both see 0: then both fire exit.
 */
static void notrace dtrace_stp_pexit(void *data, struct task_struct *p)
{
	struct dtrace_stp *s = data;
	bool last = !p->signal || atomic_read(&p->signal->live) == 0;
	int code = p->exit_code;
	u64 why;

	if (s->row->kind == DTRACE_STP_LWP_EXIT) {
		if (!last)
			dtrace_stp_fire(s, 0, 0, 0);
		return;
	}
	if (!last)
		return;
	/* The wait status: (status << 8), or the signal | 0x80 if dumped. */
	if (!(code & 0x7f))
		why = CLD_EXITED;
	else if (code & 0x80)
		why = CLD_DUMPED;
	else
		why = CLD_KILLED;
	dtrace_stp_fire(s, why, 0, 0);
}

/* signal_generate: in the sender, the signal queued (or not). */
static void notrace dtrace_stp_siggen(void *data, int sig,
				      struct kernel_siginfo *info,
				      struct task_struct *task, int group,
				      int result)
{
	if (result == DTRACE_STP_SIGNAL_IGNORED)
		return;
	dtrace_stp_fire(data, DTRACE_STP_PTR(task), DTRACE_STP_PTR(task),
			(u64)sig);
}

/* signal_deliver: in the receiver, before it acts on the signal. */
static void notrace dtrace_stp_sigdeliver(void *data, int sig,
					  struct kernel_siginfo *info,
					  struct k_sigaction *ka)
{
	__sighandler_t h = ka->sa.sa_handler;

	if (h == SIG_DFL || h == SIG_IGN)
		return;
	dtrace_stp_fire(data, (u64)sig, DTRACE_STP_PTR(info),
			DTRACE_STP_PTR(h));
}
#endif /* PROC */

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC) || \
	IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED)
/* sched_switch: in prev, just before next runs. */
static void notrace dtrace_stp_switch(void *data, bool preempt,
				      struct task_struct *prev,
				      struct task_struct *next,
				      unsigned int prev_state)
{
	struct dtrace_stp *s = data;
	bool sleep = !preempt && prev_state != TASK_RUNNING;
	bool first = next->nvcsw + next->nivcsw == 0;

	switch (s->row->kind) {
	case DTRACE_STP_ON_CPU:
		dtrace_stp_fire_task(s, next);
		break;
	case DTRACE_STP_OFF_CPU:
		dtrace_stp_fire(s, DTRACE_STP_PTR(next), DTRACE_STP_PTR(next),
				0);
		break;
	case DTRACE_STP_SLEEP:
		if (sleep)
			dtrace_stp_fire(s, 0, 0, 0);
		break;
	case DTRACE_STP_PREEMPT:
		if (!sleep)
			dtrace_stp_fire(s, 0, 0, 0);
		break;
	case DTRACE_STP_START:
		if (first && next->pid == next->tgid)
			dtrace_stp_fire_task(s, next);
		break;
	case DTRACE_STP_LWP_START:
		if (first && next->pid != next->tgid)
			dtrace_stp_fire_task(s, next);
		break;
	default:
		break;
	}
}
#endif

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED)
/* sched_waking: in the waker, once the wakeup will happen. */
static void notrace dtrace_stp_waking(void *data, struct task_struct *p)
{
	dtrace_stp_fire(data, DTRACE_STP_PTR(p), DTRACE_STP_PTR(p), 0);
}

/* sched_pi_setprio: the priority tsk inherits (or returns to). */
static void notrace dtrace_stp_setprio(void *data, struct task_struct *tsk,
				       struct task_struct *pi_task)
{
	int prio = tsk->normal_prio;

	if (pi_task && pi_task->prio < prio)
		prio = pi_task->prio;
	dtrace_stp_fire(data, DTRACE_STP_PTR(tsk), DTRACE_STP_PTR(tsk),
			(u64)(s64)prio);
}
#endif

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO)
/* block_rq_issue: the request goes to the driver. */
static void notrace dtrace_stp_rq_issue(void *data, struct request *rq)
{
	dtrace_stp_fire(data, DTRACE_STP_PTR(rq), DTRACE_STP_PTR(rq),
			DTRACE_STP_PTR(rq));
}

/* block_rq_complete: nr_bytes of it are done. */
static void notrace dtrace_stp_rq_complete(void *data, struct request *rq,
					   blk_status_t error,
					   unsigned int nr_bytes)
{
	dtrace_stp_fire(data, DTRACE_STP_PTR(rq), DTRACE_STP_PTR(rq),
			DTRACE_STP_PTR(rq));
}
#endif

/* ---- the tables ---- */

#define DTRACE_STP_TASK_LWP	{ "struct task_struct *", "lwpsinfo_t *" }
#define DTRACE_STP_TASK_PS	{ "struct task_struct *", "psinfo_t *" }
#define DTRACE_STP_INT		{ "int", NULL }
#define DTRACE_STP_RQ(x)	{ "struct request *", x }

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC)
static const struct dtrace_stp_row dtrace_stp_proc_rows[] = {
	{ "create", "sched_process_fork", (void *)dtrace_stp_fork,
	  DTRACE_STP_CREATE, 1, { DTRACE_STP_TASK_PS } },
	{ "lwp-create", "sched_process_fork", (void *)dtrace_stp_fork,
	  DTRACE_STP_LWP_CREATE, 2,
	  { DTRACE_STP_TASK_LWP, DTRACE_STP_TASK_PS } },
	{ "exec", "sys_enter", (void *)dtrace_stp_sys_enter,
	  DTRACE_STP_EXEC, 1, { { "string", NULL } } },
	{ "exec-failure", "sys_exit", (void *)dtrace_stp_sys_exit,
	  DTRACE_STP_EXEC_FAILURE, 1, { DTRACE_STP_INT } },
	{ "exec-success", "sched_process_exec", (void *)dtrace_stp_exec,
	  DTRACE_STP_EXEC_SUCCESS, 0 },
	{ "exit", "sched_process_exit", (void *)dtrace_stp_pexit,
	  DTRACE_STP_EXIT, 1, { DTRACE_STP_INT } },
	{ "lwp-exit", "sched_process_exit", (void *)dtrace_stp_pexit,
	  DTRACE_STP_LWP_EXIT, 0 },
	{ "start", "sched_switch", (void *)dtrace_stp_switch,
	  DTRACE_STP_START, 0 },
	{ "lwp-start", "sched_switch", (void *)dtrace_stp_switch,
	  DTRACE_STP_LWP_START, 0 },
	{ "signal-send", "signal_generate", (void *)dtrace_stp_siggen,
	  DTRACE_STP_SIGNAL_SEND, 3,
	  { DTRACE_STP_TASK_LWP, DTRACE_STP_TASK_PS, DTRACE_STP_INT } },
	{ "signal-handle", "signal_deliver", (void *)dtrace_stp_sigdeliver,
	  DTRACE_STP_SIGNAL_HANDLE, 3,
	  { DTRACE_STP_INT, { "struct kernel_siginfo *", "siginfo_t *" },
	    { "void (*)(void)", NULL } } },
};
#endif

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED)
static const struct dtrace_stp_row dtrace_stp_sched_rows[] = {
	{ "on-cpu", "sched_switch", (void *)dtrace_stp_switch,
	  DTRACE_STP_ON_CPU, 0 },
	{ "off-cpu", "sched_switch", (void *)dtrace_stp_switch,
	  DTRACE_STP_OFF_CPU, 2, { DTRACE_STP_TASK_LWP, DTRACE_STP_TASK_PS } },
	{ "sleep", "sched_switch", (void *)dtrace_stp_switch,
	  DTRACE_STP_SLEEP, 0 },
	{ "preempt", "sched_switch", (void *)dtrace_stp_switch,
	  DTRACE_STP_PREEMPT, 0 },
	{ "wakeup", "sched_waking", (void *)dtrace_stp_waking,
	  DTRACE_STP_WAKEUP, 2, { DTRACE_STP_TASK_LWP, DTRACE_STP_TASK_PS } },
	{ "change-pri", "sched_pi_setprio", (void *)dtrace_stp_setprio,
	  DTRACE_STP_CHANGE_PRI, 3,
	  { DTRACE_STP_TASK_LWP, DTRACE_STP_TASK_PS, DTRACE_STP_INT } },
};
#endif

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO)
static const struct dtrace_stp_row dtrace_stp_io_rows[] = {
	{ "start", "block_rq_issue", (void *)dtrace_stp_rq_issue,
	  DTRACE_STP_IO, 3, { DTRACE_STP_RQ("bufinfo_t *"),
			      DTRACE_STP_RQ("devinfo_t *"),
			      DTRACE_STP_RQ("fileinfo_t *") } },
	{ "done", "block_rq_complete", (void *)dtrace_stp_rq_complete,
	  DTRACE_STP_IO, 3, { DTRACE_STP_RQ("bufinfo_t *"),
			      DTRACE_STP_RQ("devinfo_t *"),
			      DTRACE_STP_RQ("fileinfo_t *") } },
};
#endif

/* ---- enabling (dtrace_lock held) ---- */

static int dtrace_stp_enable(void *arg, u32 id, void *parg)
{
	struct dtrace_stp *s = parg;
	int err;

	err = dtrace_tp_arm(&s->hook, id);
	if (!err)
		s->sp->nregistered++;
	return err;
}

static void dtrace_stp_disable(void *arg, u32 id, void *parg)
{
	struct dtrace_stp *s = parg;

	if (!dtrace_tp_disarm(&s->hook))
		s->sp->nregistered--;
}

static int dtrace_stp_getargdesc(void *arg, u32 id, void *parg,
				 struct dtrace_ioc_probearg *a)
{
	const struct dtrace_stp_row *row = ((struct dtrace_stp *)parg)->row;

	a->nargs = row->nargs;
	a->mapping = a->ndx;
	if (a->ndx >= row->nargs)
		return 0;
	strscpy(a->native, row->args[a->ndx].native, sizeof(a->native));
	if (row->args[a->ndx].xlate)
		strscpy(a->xlate, row->args[a->ndx].xlate, sizeof(a->xlate));
	return 0;
}

static const struct dtrace_pops dtrace_stp_ops = {
	.enable = dtrace_stp_enable,
	.disable = dtrace_stp_disable,
	.getargdesc = dtrace_stp_getargdesc,
};

/* ---- start and stop ---- */

static int dtrace_stp_init(struct dtrace_stp_prov *sp,
			   const struct dtrace_provider_def *def)
{
	unsigned int i;
	int err;

	sp->probes = kcalloc(sp->nrows, sizeof(*sp->probes), GFP_KERNEL);
	if (!sp->probes)
		return -ENOMEM;
	err = dtrace_register(def, &dtrace_stp_ops, sp, &sp->prov);
	if (err)
		goto fail;
	mutex_lock(&dtrace_lock);
	for (i = 0; i < sp->nrows && !err; i++) {
		const struct dtrace_stp_row *row = &sp->rows[i];
		struct dtrace_stp *s = &sp->probes[i];
		struct tracepoint *tp = dtrace_tp_kernel_find(row->tp);
		u32 id;

		if (!tp) {
			pr_info("%s:::%s left out: the kernel has no tracepoint %s\n",
				def->name, row->name, row->tp);
			continue;
		}
		s->row = row;
		s->sp = sp;
		s->hook.tp = tp;
		s->hook.cb = row->cb;
		s->hook.data = s;
		/* The new thread's probes after the old one's (off-cpu first). */
		if (row->kind == DTRACE_STP_ON_CPU ||
		    row->kind == DTRACE_STP_START ||
		    row->kind == DTRACE_STP_LWP_START)
			s->hook.prio = TRACEPOINT_DEFAULT_PRIO - 1;
		err = dtrace_probe_create(sp->prov, "vmlinux", row->tp,
					  row->name, 0, s, &id);
	}
	mutex_unlock(&dtrace_lock);
	if (!err)
		return 0;
	dtrace_unregister(sp->prov);
	sp->prov = NULL;
	tracepoint_synchronize_unregister();
fail:
	kfree(sp->probes);
	sp->probes = NULL;
	return err;
}

static void dtrace_stp_exit(struct dtrace_stp_prov *sp)
{
	if (!sp->prov)
		return;
	/* Disables every enabled probe: the callbacks are unregistered. */
	dtrace_unregister(sp->prov);
	sp->prov = NULL;
	/* No callback still runs or sees a struct dtrace_stp after this. */
	tracepoint_synchronize_unregister();
	kfree(sp->probes);
	sp->probes = NULL;
}

#define DTRACE_STP_PROVIDER(NAME)					\
static struct dtrace_stp_prov dtrace_stp_##NAME = {			\
	.rows = dtrace_stp_##NAME##_rows,				\
	.nrows = ARRAY_SIZE(dtrace_stp_##NAME##_rows),			\
};									\
									\
static int dtrace_prov_##NAME##_init(const struct dtrace_provider_def *def) \
{									\
	return dtrace_stp_init(&dtrace_stp_##NAME, def);		\
}									\
									\
static void dtrace_prov_##NAME##_exit(void)				\
{									\
	dtrace_stp_exit(&dtrace_stp_##NAME);				\
}									\
									\
/* Status file line (dtrace_lock held). */				\
static void dtrace_prov_##NAME##_status(struct seq_file *m)		\
{									\
	seq_printf(m, #NAME "_tracepoints_registered: %u\n",		\
		   dtrace_stp_##NAME.nregistered);			\
}

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC)
DTRACE_STP_PROVIDER(proc)
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED)
DTRACE_STP_PROVIDER(sched)
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO)
DTRACE_STP_PROVIDER(io)
#endif

#else /* no tracepoint layer: the configured providers say so at load */

#define DTRACE_STP_MISSING(NAME)					\
static int dtrace_prov_##NAME##_init(const struct dtrace_provider_def *def) \
{									\
	pr_info(#NAME " provider left out: the kernel lacks CONFIG_EVENT_TRACING or has CONFIG_CFI_CLANG\n"); \
	return 0;							\
}									\
									\
static void dtrace_prov_##NAME##_exit(void)				\
{									\
}									\
									\
static void dtrace_prov_##NAME##_status(struct seq_file *m)		\
{									\
}

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC)
DTRACE_STP_MISSING(proc)
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED)
DTRACE_STP_MISSING(sched)
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO)
DTRACE_STP_MISSING(io)
#endif

#endif
