/* Enablings and ECBs: parsing DTRACEIOC_ENABLE, firing probes */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An enabling (the blob of DTRACEIOC_ENABLE) is parsed and validated
 * completely - every size, offset, count, action kind and DIF object -
 * before anything is attached: on any error the consumer is left exactly
 * as it was (no clause, no ECB, no probe enabled).  Each clause becomes a
 * struct dtrace_clause owned by the consumer; each probe it matches gets
 * an ECB (enabled probe control block) with the next EPID.  The clauses
 * are retained: a probe created later gets ECBs of the clauses of every
 * running consumer that match it (dtrace_ecb_retain, at the end).
 *
 * ECBs are attached to their probe's RCU list when they are created and
 * detached at STOP, at consumer destruction, or when the probe goes away
 * (320-provider.c).  Whether an attached ECB records is decided in probe
 * context by its consumer's activity:
 *
 *   INACTIVE  nothing (before GO)
 *   WARMUP    only dtrace:::BEGIN (GO fires it on one CPU, then ACTIVE)
 *   ACTIVE    everything
 *   DRAINING  nothing but ERROR (exit() was called, or a fill buffer
 *             filled; waits for STOP)
 *   COOLDOWN  only dtrace:::END (and ERROR) (STOP fires END)
 *   STOPPED   nothing
 *
 * dtrace_probe() is the firing path: recursion guard, then for each ECB
 * on the probe: predicate, actions into a record reserved in the principal
 * buffer (or a speculation's), commit.  A fault aborts the clause, writes
 * a DTRACE_EPID_ERROR record and fires dtrace:::ERROR for that consumer
 * (never from an ERROR clause).  Probe context obeys 200-probe-ctx.c.
 *
 * Owns: struct dtrace_state/clause/action/ecb, the enabling parser,
 * retained enablings, dtrace_probe().  Calls: 320 (probes), 4xx (DIF), 510/520/530.
 */

/* Internal activities besides the DTRACE_ACTIVITY_* of the ABI. */
#define DTRACE_ACTIVITY_WARMUP		0x100
#define DTRACE_ACTIVITY_COOLDOWN	0x101

#define DTRACE_AGG_MAXKEYS	32

/*
 * DIF's errno for the firing in progress on this CPU: written only inside
 * probe context (interrupts masked, recursion guard held) by
 * dtrace_probe_errno(), so no other firing on this CPU sees it; 0 for every
 * firing but the syscall provider's return probes (830-prov-syscall.c).
 */
static DEFINE_PER_CPU(int, dtrace_probe_errnum);

/*
 * The worst-case work of the dtrace:::ERROR clauses run so far by the
 * firing in progress on this CPU (cost units; reset by
 * dtrace_probe_args_err, written in probe context like the errno above).
 * The static bound (CONFIG_DTRACE_PROBE_COST_MAX) covers the clauses a
 * probe runs, and a consumer's ERROR clauses on their own; but every
 * clause of a firing may fault, and each fault runs the consumer's ERROR
 * clauses again: thousands of cheap faulting clauses on one probe times
 * expensive ERROR clauses would multiply past any bound.  So ERROR runs
 * while the ERROR work of this firing stays within
 * CONFIG_DTRACE_PROBE_COST_MAX; a fault beyond that is still recorded and
 * counted (the error record, "errors"), only the ERROR clauses do not run
 * for it.  One firing does at most twice CONFIG_DTRACE_PROBE_COST_MAX.
 */
static DEFINE_PER_CPU(u64, dtrace_probe_errwork);

#define DTRACE_MAX_NSPEC	1024
#define DTRACE_MAX_STRSIZE	65536
#define DTRACE_MAX_ACTIONS	4096
#define DTRACE_SPECSIZE_DEFAULT	(64 * 1024)
#define DTRACE_CHILL_INTERVAL	1000000000ULL	/* ns */
#define DTRACE_CHILL_MAX	500000000ULL	/* ns per interval */

struct dtrace_action {
	u16 kind;
	u16 ndifo;
	u32 recoff;
	u32 recsize;
	u32 aggid;
	u32 nkeys;
	u32 keysize;			/* AGGREGATE: bytes of the key */
	u64 arg;
	u64 arg2;
	struct dtrace_difo **difo;	/* [ndifo] */
	u8 *keykind;			/* AGGREGATE: DTRACE_KEY_* of key i */
};

/* What an aggregation key DIFO stands for (dtrace_action.keykind). */
#define DTRACE_KEY_INT		0	/* its 8-byte integer value */
#define DTRACE_KEY_STR		1	/* the string it returns, strsize bytes */
#define DTRACE_KEY_STACK	2	/* stack(): not run; rtype.size bytes */
#define DTRACE_KEY_USTACK	3	/* ustack(): not run; rtype.size bytes */

struct dtrace_clause {
	struct list_head link;		/* state->clauses */
	u32 index;			/* in its enabling */
	u32 flags;			/* DTRACE_CLAUSE_* */
	u32 recsize;
	u32 nactions;
	u32 rec_at;			/* reserve the record before this action */
	bool record;			/* writes a record */
	bool speculative;		/* has a SPECULATE action */
	bool cleans;			/* has COMMIT or DISCARD */
	bool commits;			/* has COMMIT */
	u64 cost;			/* worst case per firing (400 units) */
	struct dtrace_probedesc desc;
	struct dtrace_difo *pred;
	struct dtrace_action *act;	/* [nactions] */
};

struct dtrace_ecb {
	struct list_head probe_link;	/* probe->ecbs (RCU) */
	struct dtrace_state *state;
	struct dtrace_clause *clause;
	struct dtrace_probe *probe;	/* NULL once detached (dtrace_lock) */
	u32 epid;
	struct dtrace_probedesc pdesc;	/* the probe, kept for EPINFO */
};

/* Per consumer, per CPU; see 305-framework.h for the rules. */
struct dtrace_cpustate {
	struct dtrace_buffer buf[2];	/* [active], and [!active] (switch, ring) */
	u32 active;
	struct dtrace_cpucount cnt;
	char *scratch;			/* DIF scratch, scratch_size bytes */
	char *keybuf;			/* aggregation keys, keysize_max bytes */
	u64 pcs[DTRACE_STACK_MAXDEPTH];	/* stack() before filtering */
	/* A snapshot being handed out by BUFSNAP (process context). */
	bool pend;
	u32 pend_flags;
	u64 pend_drops;
	int pend_nseg, pend_seg;
	u64 pend_off[2], pend_len[2];
	struct dtrace_buffer *pend_buf;
	u64 pend_fill_end;		/* fill: snap moves here when drained */
};

struct dtrace_state {
	struct mutex lock;		/* this consumer's ioctls */
	struct list_head link;		/* dtrace_states (dtrace_lock) */
	u32 activity;			/* DTRACE_ACTIVITY_*, READ_ONCE */
	u32 exit_claim;			/* first exit() wins */
	u32 exiting;			/* release/acquire after exit_status */
	s32 exit_status;
	u32 begin_cpu;
	bool have_opts;
	struct dtrace_enable_hdr opts;	/* normalised, first enabling */
	u32 nenablings;
	/*
	 * clauses, ecbs, necbs, ecbs_cap and noretain change under
	 * dtrace_lock (as well as st->lock for ENABLE): a probe created
	 * later gets ECBs of the clauses it matches (dtrace_ecb_retain).
	 */
	struct list_head clauses;
	struct dtrace_ecb **ecbs;	/* [necbs], EPID - 1 */
	u32 necbs;
	u32 ecbs_cap;
	bool noretain;			/* stopped or dying: no new ECBs */
	u32 retain_skipped;		/* new probes not enabled (limit, memory) */
	u32 nzero;			/* clauses that matched none at ENABLE */
	u64 errcost;			/* its ERROR clauses' costs (dtrace_lock;
					 * read in probe context) */
	struct dtrace_vstate *vstate;
	struct dtrace_aggspace *aggs;
	bool uses_spec;			/* some clause speculates */
	bool uses_clean;		/* some clause commits or discards */
	u32 keysize_max;
	/* From GO on. */
	bool allocated;
	u32 ncpus;
	struct dtrace_cpustate *cpus;	/* [ncpus] */
	size_t scratch_size;
	struct dtrace_specset specs;
	struct delayed_work cleaner;
	bool cleaner_on;
};

static LIST_HEAD(dtrace_states);
static u32 dtrace_nstates;

/* ------------------------------------------------------------------
 * Deferred work: raise() and stop(), breakpoint()'s log line
 *
 * Sending a signal takes the target's siglock, which the probed code may
 * hold: probe context only queues (task, signal) on its CPU and raises an
 * irq_work, whose handler (hard interrupt, no dtrace lock held, not probe
 * context) sends the signals.  The same goes for printk (console and
 * port locks): breakpoint() without a debugger leaves the probe's names
 * here and the handler logs them, rate-limited.
 * ------------------------------------------------------------------ */
#define DTRACE_SIGQ_LEN		16

struct dtrace_sigq {
	struct irq_work work;
	u32 n;
	struct task_struct *task[DTRACE_SIGQ_LEN];
	int sig[DTRACE_SIGQ_LEN];
	bool bp_pending;		/* bp_desc holds a breakpoint() */
	struct dtrace_probedesc bp_desc;
};

static DEFINE_PER_CPU(struct dtrace_sigq, dtrace_sigq);

static void dtrace_sigq_run(struct irq_work *w)
{
	struct dtrace_sigq *q = container_of(w, struct dtrace_sigq, work);
	struct dtrace_probedesc bp;
	unsigned long flags;
	bool have_bp;
	u32 i, n;

	flags = dtrace_intr_save();
	n = q->n;
	for (i = 0; i < n; i++) {
		send_sig(q->sig[i], q->task[i], 1);
		put_task_struct(q->task[i]);
	}
	q->n = 0;
	have_bp = q->bp_pending;
	if (have_bp) {
		bp = q->bp_desc;
		q->bp_pending = false;
	}
	dtrace_intr_restore(flags);
	if (have_bp)
		pr_warn_ratelimited("breakpoint action at probe %s:%s:%s:%s (no kernel debugger attached)\n",
				    bp.provider, bp.mod, bp.func, bp.name);
}

/* Probe context.  Returns false if the queue is full (the signal is lost). */
static bool dtrace_sigq_add(int sig)
{
	struct dtrace_sigq *q = this_cpu_ptr(&dtrace_sigq);
	struct task_struct *t = dtrace_cur_task();

	if (t->flags & PF_KTHREAD || !t->pid)
		return true;	/* kernel threads and idle: nothing to do */
	if (q->n >= DTRACE_SIGQ_LEN)
		return false;
	get_task_struct(t);
	q->task[q->n] = t;
	q->sig[q->n] = sig;
	q->n++;
	irq_work_queue(&q->work);
	return true;
}

/*
 * Probe context: breakpoint().  DTrace stops the system in the kernel
 * debugger.  Here that is kgdb, when a debugger is connected to it (its
 * stub then handles the int3 kgdb_breakpoint() executes; with none, that
 * int3 would be an oops, so it is never executed).  Otherwise one log
 * line names the probe (deferred, rate-limited; breakpoints that come
 * while one is pending on this CPU are not logged again) and the system
 * continues.  Debian's kernels are built without kgdb.
 */
static void dtrace_act_breakpoint(const struct dtrace_probe *probe)
{
	struct dtrace_sigq *q;

#if IS_ENABLED(CONFIG_KGDB)
	if (READ_ONCE(kgdb_connected)) {
		kgdb_breakpoint();
		return;
	}
#endif
	q = this_cpu_ptr(&dtrace_sigq);
	if (q->bp_pending)
		return;
	q->bp_desc = probe->desc;
	q->bp_pending = true;
	irq_work_queue(&q->work);
}

/*
 * Probe context: panic().  DTrace's message, with the EPID the consumer
 * knows instead of the ECB's kernel address.  Only the first panic()
 * panics; another CPU that gets here meanwhile goes on until panic()
 * stops it.
 */
static void dtrace_act_panic(const struct dtrace_ecb *ecb,
			     const struct dtrace_probe *probe)
{
	static u32 dtrace_panicking;
	const struct dtrace_probedesc *d = &probe->desc;

	if (cmpxchg(&dtrace_panicking, 0, 1) != 0)
		return;
	panic("dtrace: panic action at probe %s:%s:%s:%s (epid %u)",
	      d->provider, d->mod, d->func, d->name, ecb->epid);
}

static void dtrace_sigq_init(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		init_irq_work(&per_cpu(dtrace_sigq, cpu).work, dtrace_sigq_run);
}

static void dtrace_sigq_fini(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		irq_work_sync(&per_cpu(dtrace_sigq, cpu).work);
}

/* ------------------------------------------------------------------
 * Freeing clauses and ECBs (process context)
 * ------------------------------------------------------------------ */
static void dtrace_action_free(struct dtrace_action *a)
{
	u32 i;

	if (a->difo) {
		for (i = 0; i < a->ndifo; i++)
			if (a->difo[i])
				dtrace_difo_destroy(a->difo[i]);
		kfree(a->difo);
	}
	kfree(a->keykind);
}

static void dtrace_clause_free(struct dtrace_clause *cl)
{
	u32 i;

	if (!cl)
		return;
	if (cl->pred)
		dtrace_difo_destroy(cl->pred);
	if (cl->act) {
		for (i = 0; i < cl->nactions; i++)
			dtrace_action_free(&cl->act[i]);
		kfree(cl->act);
	}
	kfree(cl);
}

/* dtrace_lock held: detach ecb from its probe (no-op if detached). */
static void dtrace_ecb_detach(struct dtrace_ecb *ecb)
{
	struct dtrace_probe *p = ecb->probe;

	dtrace_assert_held(&dtrace_lock);
	if (!p)
		return;
	list_del_rcu(&ecb->probe_link);
	ecb->probe = NULL;
	p->cost -= ecb->clause->cost;
	if (p->id == dtrace_probeid_error)
		WRITE_ONCE(ecb->state->errcost,
			   ecb->state->errcost - ecb->clause->cost);
	if (--p->nenabled == 0 && p->prov->ops->disable)
		p->prov->ops->disable(p->prov->arg, p->id, p->arg);
}

static void dtrace_ecb_detach_probe(struct dtrace_probe *probe)
{
	struct dtrace_ecb *ecb, *n;

	list_for_each_entry_safe(ecb, n, &probe->ecbs, probe_link)
		dtrace_ecb_detach(ecb);
}

/*
 * dtrace_lock held: the worst case of one firing of p as seen by st.  A
 * firing runs every ECB of the probe, of every consumer, except for
 * BEGIN, END and ERROR, which fire for one consumer at a time.
 */
static u64 dtrace_probe_cost(const struct dtrace_probe *p,
			     const struct dtrace_state *st)
{
	const struct dtrace_ecb *e;
	u64 cost = 0;

	if (p->id != dtrace_probeid_begin && p->id != dtrace_probeid_end &&
	    p->id != dtrace_probeid_error)
		return p->cost;
	list_for_each_entry(e, &p->ecbs, probe_link)
		if (e->state == st)
			cost += e->clause->cost;
	return cost;
}

/*
 * dtrace_lock held: attach ecb to probe, enabling the probe if first.
 * The worst cases of the clauses a firing runs stay within
 * CONFIG_DTRACE_PROBE_COST_MAX (-E2BIG).
 */
static int dtrace_ecb_attach(struct dtrace_ecb *ecb, struct dtrace_probe *p)
{
	dtrace_assert_held(&dtrace_lock);
	if (dtrace_probe_cost(p, ecb->state) + ecb->clause->cost >
	    DTRACE_CFG_PROBE_COST_MAX)
		return -E2BIG;
	if (p->nenabled == 0 && p->prov->ops->enable) {
		int err = p->prov->ops->enable(p->prov->arg, p->id, p->arg);

		if (err)
			return err;
	}
	p->nenabled++;
	p->cost += ecb->clause->cost;
	if (p->id == dtrace_probeid_error)
		WRITE_ONCE(ecb->state->errcost,
			   ecb->state->errcost + ecb->clause->cost);
	ecb->probe = p;
	list_add_tail_rcu(&ecb->probe_link, &p->ecbs);
	return 0;
}

/* ------------------------------------------------------------------
 * Probe context: firing
 * ------------------------------------------------------------------ */
static void dtrace_probe_fire(struct dtrace_probe *probe,
			      struct dtrace_state *only, const u64 *args);

static inline bool dtrace_ecb_may_fire(u32 act, u32 id)
{
	switch (act) {
	case DTRACE_ACTIVITY_ACTIVE:
		return true;
	case DTRACE_ACTIVITY_WARMUP:
		return id == dtrace_probeid_begin || id == dtrace_probeid_error;
	case DTRACE_ACTIVITY_COOLDOWN:
		return id == dtrace_probeid_end || id == dtrace_probeid_error;
	case DTRACE_ACTIVITY_DRAINING:
		return id == dtrace_probeid_error;
	default:
		return false;
	}
}

/* The fault: record it, count it and fire dtrace:::ERROR. */
static void dtrace_ecb_error(struct dtrace_ecb *ecb, struct dtrace_probe *probe,
			     struct dtrace_cpustate *cs,
			     const struct dtrace_mstate *ms)
{
	struct dtrace_state *st = ecb->state;
	struct dtrace_buffer *pbuf = &cs->buf[cs->active];
	struct dtrace_probe *ep;
	struct {
		struct dtrace_rechdr h;
		struct dtrace_errrec e;
	} *r;
	u64 off, errwork, eargs[DTRACE_MAXARGS] = { 0 };

	cs->cnt.errors++;
	if (probe->id == dtrace_probeid_error)
		return;		/* a fault in an ERROR clause: count only */

	r = dtrace_buffer_reserve(pbuf, sizeof(*r),
				  probe->id == dtrace_probeid_end, &off);
	if (r) {
		r->h.epid = DTRACE_EPID_ERROR;
		r->h.size = sizeof(*r);
		r->h.timestamp = ms->timestamp;
		r->e.epid = ecb->epid;
		r->e.action = ms->action;
		r->e.difoff = ms->difoff;
		r->e.fault = ms->fault;
		r->e.addr = ms->illval;
		dtrace_buffer_commit(pbuf, off, sizeof(*r));
	} else {
		cs->cnt.drops++;
	}

	ep = dtrace_probe_find(dtrace_probeid_error);
	if (!ep)
		return;
	/* The ERROR work of this firing stays bounded (dtrace_probe_errwork). */
	errwork = this_cpu_read(dtrace_probe_errwork) + READ_ONCE(st->errcost);
	if (errwork > DTRACE_CFG_PROBE_COST_MAX)
		return;
	this_cpu_write(dtrace_probe_errwork, errwork);
	eargs[1] = ecb->epid;
	eargs[2] = ms->action;
	eargs[3] = ms->difoff;
	eargs[4] = ms->fault;
	eargs[5] = ms->illval;
	dtrace_probe_fire(ep, st, eargs);
}

static inline void dtrace_fault(struct dtrace_mstate *ms, u32 fault, u64 val)
{
	ms->flags |= DTRACE_MSTATE_FAULT;
	ms->fault = fault;
	ms->difoff = 0;
	ms->illval = val;
}

/*
 * chill(ns): spin ns nanoseconds with interrupts masked.  As in DTrace, the
 * budget belongs to the CPU, not to a consumer: all consumers together may
 * chill a CPU at most DTRACE_CHILL_MAX ns per DTRACE_CHILL_INTERVAL, so
 * several consumers cannot keep one CPU masked between them.  A chill()
 * over the budget is an illegal operation (ERROR), as in DTrace.
 */
struct dtrace_chill {
	u64 start;		/* start of the current interval */
	u64 used;		/* ns chilled in it, by every consumer */
};

/* Written only in probe context on its own CPU (interrupts masked). */
static DEFINE_PER_CPU(struct dtrace_chill, dtrace_chill);

static void dtrace_act_chill(struct dtrace_mstate *ms, u64 ns)
{
	struct dtrace_chill *c = this_cpu_ptr(&dtrace_chill);
	u64 now = dtrace_gethrtime(), t0;

	if (now - c->start > DTRACE_CHILL_INTERVAL) {
		c->start = now;
		c->used = 0;
	}
	if (ns > DTRACE_CHILL_MAX || c->used + ns > DTRACE_CHILL_MAX) {
		dtrace_fault(ms, DTRACEFLT_ILLOP, ns);
		return;
	}
	c->used += ns;
	t0 = dtrace_gethrtime();
	while (dtrace_gethrtime() - t0 < ns)
		cpu_relax();
}

/*
 * stack(): the kernel stack of the probe site, without dtrace.ko's own
 * frames (see DTRACE_AFRAMES_IRQ), as depth then max PCs at dst.
 */
static void dtrace_act_stack(struct dtrace_cpustate *cs,
			     const struct dtrace_probe *probe, char *dst,
			     u64 max)
{
	u64 *pcs = cs->pcs, depth = 0;
	int n, i = 0;

	n = dtrace_getpcstack(pcs, DTRACE_STACK_MAXDEPTH, 0);
	/*
	 * A timer probe that runs without interrupt registers (an hrtimer
	 * expired outside the timer interrupt, as happens in a Xen PV guest
	 * leaving idle) gets the unwinder's stack below dtrace.ko instead.
	 */
	if (probe->aframes == DTRACE_AFRAMES_IRQ && get_irq_regs()) {
		struct pt_regs *regs = get_irq_regs();
		u64 ip;

		if (user_mode(regs)) {
			n = 0;
		} else {
			ip = instruction_pointer(regs);
			while (i < n && pcs[i] != ip)
				i++;
			if (i == n) {	/* unwinder did not show it */
				pcs[0] = ip;
				i = 0;
				n = 1;
			}
		}
	} else {
		while (i < n &&
		       within_module_core((unsigned long)pcs[i], THIS_MODULE))
			i++;
		if (probe->aframes > 0)
			i = min(n, i + probe->aframes);
	}
	if (n > i)
		depth = min_t(u64, n - i, max);
	memcpy(dst, &depth, sizeof(depth));
	memcpy(dst + 8, pcs + i, depth * sizeof(u64));
}

/* ustack(): the pid, the depth, then max user PCs at dst. */
static void dtrace_act_ustack(char *dst, u64 max)
{
	u64 pid = dtrace_cur_pid();
	u64 n = dtrace_getupcstack((u64 *)(dst + 16), (int)max);

	memcpy(dst, &pid, sizeof(pid));
	memcpy(dst + 8, &n, sizeof(n));
}

/* Evaluate an aggregation's keys and value and fold them in. */
static void dtrace_act_aggregate(struct dtrace_state *st,
				 struct dtrace_cpustate *cs,
				 const struct dtrace_probe *probe,
				 const struct dtrace_action *a,
				 struct dtrace_mstate *ms)
{
	char *key = cs->keybuf;
	u32 i, n, koff = 0;
	s64 val = 1, incr = 1;
	u64 v;

	for (i = 0; i < a->nkeys; i++) {
		switch (a->keykind[i]) {
		case DTRACE_KEY_STACK:
			/* unused frames must be zero: keys compare bytewise */
			n = a->difo[i]->rtype.size;
			memset(key + koff, 0, n);
			dtrace_act_stack(cs, probe, key + koff, (n - 8) / 8);
			koff += n;
			continue;
		case DTRACE_KEY_USTACK:
			n = a->difo[i]->rtype.size;
			memset(key + koff, 0, n);
			dtrace_act_ustack(key + koff, (n - 16) / 8);
			koff += n;
			continue;
		}
		v = dtrace_dif_emulate(a->difo[i], ms);
		if (ms->flags & DTRACE_MSTATE_FAULT)
			return;
		if (a->keykind[i] == DTRACE_KEY_STR) {
			dtrace_dif_copy_str(key + koff, v, ms->strsize, ms);
			if (ms->flags & DTRACE_MSTATE_FAULT)
				return;
			koff += ms->strsize;
		} else {
			memcpy(key + koff, &v, sizeof(v));
			koff += sizeof(v);
		}
	}
	if (a->ndifo > a->nkeys) {
		val = (s64)dtrace_dif_emulate(a->difo[a->nkeys], ms);
		if (ms->flags & DTRACE_MSTATE_FAULT)
			return;
	}
	if (a->ndifo > a->nkeys + 1) {
		incr = (s64)dtrace_dif_emulate(a->difo[a->nkeys + 1], ms);
		if (ms->flags & DTRACE_MSTATE_FAULT)
			return;
	}
	dtrace_aggregate(st->aggs, ms->cpu, a->aggid, key, koff, val, incr);
}

/* exit() or a full fill buffer: ACTIVE (or WARMUP) becomes DRAINING. */
static void dtrace_state_drain(struct dtrace_state *st)
{
	u32 act = READ_ONCE(st->activity);

	if (act == DTRACE_ACTIVITY_ACTIVE || act == DTRACE_ACTIVITY_WARMUP)
		cmpxchg(&st->activity, act, DTRACE_ACTIVITY_DRAINING);
}

static void dtrace_ecb_fire(struct dtrace_ecb *ecb, struct dtrace_probe *probe,
			    const u64 *args, u64 now)
{
	struct dtrace_state *st = ecb->state;
	struct dtrace_clause *cl = ecb->clause;
	bool is_end = probe->id == dtrace_probeid_end;
	struct dtrace_buffer *buf, *pbuf;
	struct dtrace_cpustate *cs;
	struct dtrace_mstate ms;
	bool exit_now = false;
	s64 exit_val = 0;
	char *rec = NULL;
	u64 recoff = 0;
	u32 rsize, i;
	int cpu;

	if (!dtrace_ecb_may_fire(smp_load_acquire(&st->activity), probe->id))
		return;
	cpu = smp_processor_id();
	if (unlikely((u32)cpu >= st->ncpus || !st->cpus))
		return;
	cs = &st->cpus[cpu];
	if (unlikely(!cs->scratch)) {	/* a CPU added after GO */
		cs->cnt.drops++;
		return;
	}
	pbuf = &cs->buf[cs->active];
	buf = pbuf;

	memset(&ms, 0, sizeof(ms));
	memcpy(ms.args, args, sizeof(ms.args));
	ms.probe_id = probe->id;
	ms.epid = ecb->epid;
	ms.pdesc = &probe->desc;
	ms.timestamp = now;
	ms.cpu = cpu;
	ms.strsize = st->opts.strsize;
	ms.scratch = cs->scratch;
	ms.scratch_size = st->scratch_size;
	ms.state = st;
	ms.vstate = st->vstate;
	ms.caller = 0;
	ms.regs = NULL;
	ms.sys_errno = this_cpu_read(dtrace_probe_errnum);

	dtrace_vstate_clause_begin(st->vstate, cpu);
	if (cl->pred) {
		u64 v = dtrace_dif_emulate(cl->pred, &ms);

		if (ms.flags & DTRACE_MSTATE_FAULT)
			goto fault;
		if (!v)
			return;
	}

	rsize = sizeof(struct dtrace_rechdr) + DTRACE_ALIGN8(cl->recsize);
	for (i = 0; i <= cl->nactions; i++) {
		const struct dtrace_action *a;
		char *dst;
		u64 v = 0;

		if (i == cl->rec_at && cl->record) {
			struct dtrace_rechdr *h;

			rec = dtrace_buffer_reserve(buf, rsize, is_end,
						    &recoff);
			if (!rec) {
				if (buf != pbuf) {
					cs->cnt.specdrops++;
					return;
				}
				cs->cnt.drops++;
				/*
				 * DTrace's fill policy: when a buffer fills,
				 * tracing stops (only END, which has space
				 * kept, records from now on).
				 */
				if (buf->policy == DTRACE_BUFPOLICY_FILL &&
				    !is_end)
					dtrace_state_drain(st);
				return;
			}
			h = (struct dtrace_rechdr *)rec;
			h->epid = ecb->epid;
			h->size = rsize;
			h->timestamp = now;
			memset(rec + sizeof(*h), 0, rsize - sizeof(*h));
		}
		if (i == cl->nactions)
			break;

		a = &cl->act[i];
		ms.action = i + 1;
		dst = rec ? rec + sizeof(struct dtrace_rechdr) + a->recoff :
			    NULL;

		/* Actions with one DIF object whose value they use. */
		if (a->ndifo && a->kind != DTRACEACT_AGGREGATE) {
			v = dtrace_dif_emulate(a->difo[0], &ms);
			if (ms.flags & DTRACE_MSTATE_FAULT)
				goto fault;
		}

		switch (a->kind) {
		case DTRACEACT_DIFEXPR:
			if (!a->recsize || !dst)
				break;
			if (a->difo[0]->rtype.kind == DIF_TYPE_STRING)
				dtrace_dif_copy_str(dst, v, a->recsize, &ms);
			else if (a->difo[0]->rtype.flags & DIF_TF_BYREF)
				dtrace_dif_copy_mem(dst, v, a->recsize, &ms);
			else
				memcpy(dst, &v, sizeof(v));
			break;
		case DTRACEACT_EXIT:
			if (dst)
				memcpy(dst, &v, sizeof(v));
			exit_now = true;
			exit_val = (s64)v;
			break;
		case DTRACEACT_TRUNC:
			if (dst)
				memcpy(dst, &v, sizeof(v));
			break;
		case DTRACEACT_TRACEMEM:
			if (dst)
				dtrace_dif_copy_mem(dst, v, a->recsize, &ms);
			break;
		case DTRACEACT_STACK:
			if (dst)
				dtrace_act_stack(cs, probe, dst, a->arg);
			break;
		case DTRACEACT_USTACK:
			if (dst)
				dtrace_act_ustack(dst, a->arg);
			break;
		case DTRACEACT_SPECULATE: {
			bool illop;

			buf = dtrace_spec_buffer(&st->specs, v, cpu, &cs->cnt,
						 &illop);
			if (illop) {
				dtrace_fault(&ms, DTRACEFLT_ILLOP, v);
				goto fault;
			}
			if (!buf)
				return;
			break;
		}
		case DTRACEACT_COMMIT:
		case DTRACEACT_DISCARD:
			if (!dtrace_spec_commit(&st->specs, v, cpu, pbuf,
						&cs->cnt,
						a->kind == DTRACEACT_DISCARD)) {
				dtrace_fault(&ms, DTRACEFLT_ILLOP, v);
				goto fault;
			}
			break;
		case DTRACEACT_AGGREGATE:
			dtrace_act_aggregate(st, cs, probe, a, &ms);
			break;
		case DTRACEACT_RAISE:
			if (v < 1 || v > 64) {
				dtrace_fault(&ms, DTRACEFLT_ILLOP, v);
				goto fault;
			}
			dtrace_sigq_add((int)v);
			break;
		case DTRACEACT_STOP:
			dtrace_sigq_add(SIGSTOP);
			break;
		case DTRACEACT_CHILL:
			dtrace_act_chill(&ms, v);
			break;
		case DTRACEACT_BREAKPOINT:
			dtrace_act_breakpoint(probe);
			break;
		case DTRACEACT_PANIC:
			dtrace_act_panic(ecb, probe);
			break;
		default:
			/* PRINTF PRINTA SETOPT MARKER SYSTEM CLEAR */
			break;
		}
		if (ms.flags & DTRACE_MSTATE_FAULT)
			goto fault;
	}

	if (rec)
		dtrace_buffer_commit(buf, recoff, rsize);

	if (exit_now) {
		/*
		 * The first exit() sets the status; in END (COOLDOWN, only
		 * this CPU runs clauses) a later exit() overrides it, as in
		 * DTrace.
		 */
		if (cmpxchg(&st->exit_claim, 0, 1) == 0 ||
		    READ_ONCE(st->activity) == DTRACE_ACTIVITY_COOLDOWN) {
			WRITE_ONCE(st->exit_status, (s32)exit_val);
			smp_store_release(&st->exiting, 1);
		}
		dtrace_state_drain(st);
	}
	return;

fault:
	dtrace_ecb_error(ecb, probe, cs, &ms);
}

/* Probe context: run probe's ECBs (only those of consumer only if set). */
static void dtrace_probe_fire(struct dtrace_probe *probe,
			      struct dtrace_state *only, const u64 *args)
{
	struct dtrace_ecb *ecb;
	u64 now = dtrace_gethrtime();

	list_for_each_entry_rcu(ecb, &probe->ecbs, probe_link) {
		if (only && ecb->state != only)
			continue;
		dtrace_ecb_fire(ecb, probe, args, now);
	}
}

/*
 * Fire probe id for consumer only (NULL: every consumer), errno = err, as
 * if task were current (NULL: current itself): DIF's built-in variables
 * then describe task (dtrace_cur_task(), 200-probe-ctx.c), for a probe
 * fired in another thread for one that is about to run.  Any context.
 * Masked interrupts and disabled preemption make this an RCU-sched
 * read-side critical section for the probe table and the ECB lists.
 */
static void dtrace_probe_args_err(u32 id, struct dtrace_state *only,
				  struct task_struct *task, const u64 *args,
				  int err)
{
	struct dtrace_probe *p;
	unsigned long flags;

	preempt_disable_notrace();
	if (dtrace_probe_enter(&flags)) {
		p = dtrace_probe_find(id);
		if (p) {
			this_cpu_write(dtrace_probe_errnum, err);
			this_cpu_write(dtrace_probe_errwork, 0);
			if (task)
				this_cpu_write(dtrace_probe_task, task);
			dtrace_probe_fire(p, only, args);
			if (task)
				this_cpu_write(dtrace_probe_task, NULL);
			this_cpu_write(dtrace_probe_errnum, 0);
		}
		dtrace_probe_exit(flags);
	}
	preempt_enable_notrace();
}

static void dtrace_probe_args(u32 id, struct dtrace_state *only,
			      const u64 *args)
{
	dtrace_probe_args_err(id, only, NULL, args, 0);
}

/* Fire probe id for every consumer as if task were current. */
static void __maybe_unused dtrace_probe_task_args(u32 id,
						  struct task_struct *task,
						  const u64 *args)
{
	dtrace_probe_args_err(id, NULL, task, args, 0);
}

/* Fire probe id for every consumer: arg0..arg9 = args, errno = err. */
static void __maybe_unused dtrace_probe_errno(u32 id, const u64 *args, int err)
{
	dtrace_probe_args_err(id, NULL, NULL, args, err);
}

/* THE probe-firing entry point for providers. */
static void __maybe_unused dtrace_probe(u32 id, u64 arg0, u64 arg1,
					u64 arg2, u64 arg3, u64 arg4)
{
	u64 args[DTRACE_MAXARGS] = { arg0, arg1, arg2, arg3, arg4 };

	dtrace_probe_args(id, NULL, args);
}

/* ------------------------------------------------------------------
 * Parsing an enabling (process context)
 * ------------------------------------------------------------------ */
struct dtrace_enparse {
	struct dtrace_ioc_enable *res;	/* err_* are filled here */
	struct dtrace_vlimits lim;
	const struct dtrace_enable_hdr *opts;	/* normalised */
	struct dtrace_aggspace *aggs;
	bool destructive;
	u32 clause;
	u32 action;
	u32 difo;
};

static __printf(3, 4) int dtrace_enerr(struct dtrace_enparse *pp, u32 offset,
				       const char *fmt, ...)
{
	struct dtrace_ioc_enable *r = pp->res;
	va_list ap;

	r->err_clause = pp->clause;
	r->err_action = pp->action;
	r->err_difo = pp->difo;
	r->err_offset = offset;
	va_start(ap, fmt);
	vsnprintf(r->err_msg, sizeof(r->err_msg), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/*
 * Memory a consumer asks for is refused up front beyond half of what the
 * system has available: an allocation that large would wake the OOM
 * killer instead of failing.
 */
static bool dtrace_mem_ok(u64 bytes)
{
	u64 avail = (u64)si_mem_available() << PAGE_SHIFT;

	return bytes <= avail / 2;
}

/* Options of an enabling header with the defaults filled in. */
static int dtrace_opts_normalize(struct dtrace_enparse *pp,
				 const struct dtrace_enable_hdr *in,
				 struct dtrace_enable_hdr *o)
{
	const u32 nvars = DIF_VAR_OTHER_MAX - DIF_VAR_OTHER_UBASE + 1;
	u32 i;

	*o = *in;
	if (in->flags & ~(DTRACE_ENABLE_DESTRUCTIVE | DTRACE_ENABLE_ZDEFS))
		return dtrace_enerr(pp, ~0U, "unknown enabling flags 0x%x",
				    in->flags);
	for (i = 0; i < ARRAY_SIZE(in->reserved); i++)
		if (in->reserved[i])
			return dtrace_enerr(pp, ~0U,
					    "reserved header fields must be 0");
	if (!o->bufsize)
		o->bufsize = DTRACE_CFG_BUFSIZE;
	if (!o->aggsize)
		o->aggsize = DTRACE_CFG_AGGSIZE;
	if (!o->specsize)
		o->specsize = min_t(u64, DTRACE_SPECSIZE_DEFAULT, o->bufsize);
	if (!o->strsize)
		o->strsize = 256;
	if (!o->nspec)
		o->nspec = 1;
	if (!o->stackframes)
		o->stackframes = 20;
	/*
	 * As DTrace does, any size is taken and rounded down to a multiple
	 * of 8; the smallest buffer holds one record header.  Records that
	 * do not fit are dropped (and counted) when the probe fires.
	 */
	o->bufsize &= ~7ULL;
	o->specsize &= ~7ULL;
	o->bufsize = max_t(u64, o->bufsize, sizeof(struct dtrace_rechdr));
	o->specsize = max_t(u64, o->specsize, sizeof(struct dtrace_rechdr));
	if (o->bufsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U,
				    "bufsize %llu out of range (64 .. %llu)",
				    (unsigned long long)in->bufsize,
				    (unsigned long long)DTRACE_CFG_BUFSIZE_MAX);
	if (o->aggsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "aggsize %llu too large",
				    (unsigned long long)o->aggsize);
	if (o->specsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "specsize %llu out of range",
				    (unsigned long long)in->specsize);
	if (o->dynvarsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "dynvarsize %llu too large",
				    (unsigned long long)o->dynvarsize);
	if (o->bufpolicy > DTRACE_BUFPOLICY_RING)
		return dtrace_enerr(pp, ~0U, "unknown buffer policy %u",
				    o->bufpolicy);
	if (o->strsize > DTRACE_MAX_STRSIZE)
		return dtrace_enerr(pp, ~0U, "strsize %u too large (max %u)",
				    o->strsize, DTRACE_MAX_STRSIZE);
	if (o->nspec > DTRACE_MAX_NSPEC)
		return dtrace_enerr(pp, ~0U, "nspec %u too large (max %u)",
				    o->nspec, DTRACE_MAX_NSPEC);
	if (o->stackframes > DTRACE_STACK_MAXDEPTH)
		return dtrace_enerr(pp, ~0U, "stackframes %u too large (max %u)",
				    o->stackframes, DTRACE_STACK_MAXDEPTH);
	if (o->ngvars > nvars || o->ntvars > nvars || o->nlvars > nvars)
		return dtrace_enerr(pp, ~0U, "too many variables");
	if (o->naggs > 65535)
		return dtrace_enerr(pp, ~0U, "too many aggregations");
	return 0;
}

/* A later enabling must agree with the options of the first one. */
static int dtrace_opts_compatible(struct dtrace_enparse *pp,
				  const struct dtrace_enable_hdr *a,
				  const struct dtrace_enable_hdr *b)
{
	if (a->bufsize != b->bufsize || a->aggsize != b->aggsize ||
	    a->specsize != b->specsize || a->dynvarsize != b->dynvarsize ||
	    a->bufpolicy != b->bufpolicy || a->strsize != b->strsize ||
	    a->nspec != b->nspec || a->stackframes != b->stackframes)
		return dtrace_enerr(pp, ~0U,
			"options differ from the consumer's first enabling");
	if (b->ngvars > a->ngvars || b->ntvars > a->ntvars ||
	    b->nlvars > a->nlvars || b->naggs > a->naggs)
		return dtrace_enerr(pp, ~0U,
			"more variables or aggregations than the first enabling");
	return 0;
}

static bool dtrace_difo_is_int(const struct dtrace_difo *d)
{
	return d->rtype.kind == DIF_TYPE_CTF &&
	       !(d->rtype.flags & DIF_TF_BYREF) && d->rtype.size <= 8;
}

static bool dtrace_difo_is_str(const struct dtrace_difo *d)
{
	return d->rtype.kind == DIF_TYPE_STRING;
}

static int dtrace_difo_parse(struct dtrace_enparse *pp, const u8 *p,
			     size_t avail, struct dtrace_difo **out,
			     size_t *used)
{
	struct dtrace_verr verr;
	int err;

	memset(&verr, 0, sizeof(verr));
	verr.offset = ~0U;
	*out = NULL;
	*used = 0;
	err = dtrace_difo_create(p, avail, &pp->lim, out, used, &verr);
	if (err) {
		*out = NULL;
		if (err != -EINVAL)
			return err;
		return dtrace_enerr(pp, verr.offset, "%s",
				    verr.msg[0] ? verr.msg : "invalid DIF");
	}
	if (*used == 0 || *used > avail || (*used & 7)) {
		dtrace_difo_destroy(*out);
		*out = NULL;
		return dtrace_enerr(pp, ~0U, "bad DIF object size %zu",
				    *used);
	}
	return 0;
}

static const char *const dtrace_act_names[DTRACEACT_MAX + 1] = {
	"none", "trace", "exit", "printf", "printa", "tracemem", "setopt",
	"stack", "ustack", "speculate", "commit", "discard", "clear",
	"trunc", "raise", "stop", "system", "chill", "breakpoint", "panic",
	"aggregate", "marker",
};

static bool dtrace_act_destructive(u16 kind)
{
	return kind == DTRACEACT_RAISE || kind == DTRACEACT_STOP ||
	       kind == DTRACEACT_SYSTEM || kind == DTRACEACT_CHILL ||
	       kind == DTRACEACT_BREAKPOINT || kind == DTRACEACT_PANIC;
}

/* Parse one action at p (its header already bounds-checked: size). */
static int dtrace_action_parse(struct dtrace_enparse *pp,
			       const struct dtrace_clause *cl,
			       const struct dtrace_action_hdr *ah,
			       struct dtrace_action *a)
{
	const u8 *p = (const u8 *)ah + sizeof(*ah);
	size_t left = ah->size - sizeof(*ah), used;
	u32 strsize = pp->opts->strsize;
	u32 i, want_ndifo = 1, want_rec = 0;
	int err;

	a->kind = ah->kind;
	a->ndifo = ah->ndifo;
	a->recoff = ah->recoff;
	a->recsize = ah->recsize;
	a->arg = ah->arg;
	a->arg2 = ah->arg2;
	a->aggid = ah->aggid;
	a->nkeys = ah->nkeys;

	if (ah->kind == DTRACEACT_NONE || ah->kind > DTRACEACT_MAX)
		return dtrace_enerr(pp, ~0U, "unknown action kind %u",
				    ah->kind);
	if (dtrace_act_destructive(ah->kind) && !pp->destructive)
		return dtrace_enerr(pp, ~0U,
			"%s() is destructive: not allowed without -w (DTRACE_ENABLE_DESTRUCTIVE)",
			dtrace_act_names[ah->kind]);

	switch (ah->kind) {
	case DTRACEACT_PRINTF: case DTRACEACT_PRINTA: case DTRACEACT_SETOPT:
	case DTRACEACT_MARKER: case DTRACEACT_CLEAR: case DTRACEACT_STOP:
	case DTRACEACT_SYSTEM: case DTRACEACT_BREAKPOINT:
	case DTRACEACT_PANIC: case DTRACEACT_STACK: case DTRACEACT_USTACK:
		want_ndifo = 0;
		break;
	case DTRACEACT_AGGREGATE:
		if (ah->arg < DTRACEAGG_COUNT || ah->arg > DTRACEAGG_LLQUANTIZE)
			return dtrace_enerr(pp, ~0U,
					    "unknown aggregating function %llu",
					    (unsigned long long)ah->arg);
		if (ah->nkeys > DTRACE_AGG_MAXKEYS)
			return dtrace_enerr(pp, ~0U,
					    "too many aggregation keys (%u, max %u)",
					    ah->nkeys, DTRACE_AGG_MAXKEYS);
		want_ndifo = ah->nkeys + (ah->arg == DTRACEAGG_COUNT ? 0 : 1);
		/* quantize, lquantize and llquantize: optional increment */
		if (ah->arg >= DTRACEAGG_QUANTIZE &&
		    ah->ndifo == want_ndifo + 1)
			want_ndifo++;
		if ((ah->stackkeys | ah->ustackkeys) &
		    ~(u32)(BIT_ULL(ah->nkeys) - 1))
			return dtrace_enerr(pp, ~0U,
				"stack keys %#x/%#x beyond the %u keys",
				ah->stackkeys, ah->ustackkeys, ah->nkeys);
		if (ah->stackkeys & ah->ustackkeys)
			return dtrace_enerr(pp, ~0U,
				"key both stack() and ustack() (%#x)",
				ah->stackkeys & ah->ustackkeys);
		break;
	default:
		break;
	}
	if (ah->ndifo != want_ndifo)
		return dtrace_enerr(pp, ~0U, "%s: %u DIF objects, expected %u",
				    dtrace_act_names[ah->kind], ah->ndifo,
				    want_ndifo);
	if (ah->kind == DTRACEACT_AGGREGATE || ah->kind == DTRACEACT_CLEAR ||
	    ah->kind == DTRACEACT_TRUNC || ah->kind == DTRACEACT_PRINTA) {
		bool need = ah->kind != DTRACEACT_PRINTA;

		if ((need && ah->aggid == 0) || ah->aggid > pp->opts->naggs)
			return dtrace_enerr(pp, ~0U,
					    "aggregation id %u out of range (1..%u)",
					    ah->aggid, pp->opts->naggs);
	}

	if (a->ndifo) {
		a->difo = kcalloc(a->ndifo, sizeof(*a->difo),
				  DTRACE_GFP_CONSUMER);
		if (!a->difo)
			return -ENOMEM;
	}
	for (i = 0; i < a->ndifo; i++) {
		pp->difo = i;
		err = dtrace_difo_parse(pp, p, left, &a->difo[i], &used);
		if (err)
			return err;
		p += used;
		left -= used;
	}
	pp->difo = 0;
	if (left)
		return dtrace_enerr(pp, ~0U,
				    "%zu bytes after the last DIF object", left);

	/* Value types and record sizes. */
	switch (ah->kind) {
	case DTRACEACT_DIFEXPR:
		if (!ah->recsize)
			want_rec = 0;
		else if (dtrace_difo_is_str(a->difo[0]))
			want_rec = strsize;
		else if (a->difo[0]->rtype.flags & DIF_TF_BYREF)
			want_rec = a->difo[0]->rtype.size;
		else
			want_rec = 8;
		if (ah->recsize && !want_rec)
			return dtrace_enerr(pp, ~0U,
					    "trace of a zero-sized object");
		break;
	case DTRACEACT_EXIT: case DTRACEACT_TRUNC:
		want_rec = 8;
		fallthrough;
	case DTRACEACT_SPECULATE: case DTRACEACT_COMMIT:
	case DTRACEACT_DISCARD: case DTRACEACT_RAISE: case DTRACEACT_CHILL:
		if (!dtrace_difo_is_int(a->difo[0])) {
			pp->difo = 0;
			return dtrace_enerr(pp, ~0U,
					    "%s() needs an integer argument",
					    dtrace_act_names[ah->kind]);
		}
		break;
	case DTRACEACT_TRACEMEM:
		if (!dtrace_difo_is_int(a->difo[0]))
			return dtrace_enerr(pp, ~0U,
					    "tracemem() needs an address");
		if (ah->arg == 0 || ah->arg > DTRACE_CFG_BUFSIZE_MAX)
			return dtrace_enerr(pp, ~0U, "bad tracemem() size %llu",
					    (unsigned long long)ah->arg);
		want_rec = (u32)ah->arg;
		break;
	case DTRACEACT_STACK: case DTRACEACT_USTACK:
		if (ah->arg == 0 || ah->arg > DTRACE_STACK_MAXDEPTH)
			return dtrace_enerr(pp, ~0U,
					    "%s() depth %llu out of range (1..%u)",
					    dtrace_act_names[ah->kind],
					    (unsigned long long)ah->arg,
					    DTRACE_STACK_MAXDEPTH);
		want_rec = (ah->kind == DTRACEACT_STACK ? 8 : 16) +
			   8 * (u32)ah->arg;
		break;
	case DTRACEACT_AGGREGATE: {
		struct dtrace_verr verr;

		a->keykind = kcalloc(max(a->nkeys, 1u), 1,
				     DTRACE_GFP_CONSUMER);
		if (!a->keykind)
			return -ENOMEM;
		a->keysize = 0;
		for (i = 0; i < a->nkeys; i++) {
			const struct dtrace_diftype *t = &a->difo[i]->rtype;

			pp->difo = i;
			if (ah->stackkeys & BIT(i) || ah->ustackkeys & BIT(i)) {
				u32 hdr = ah->stackkeys & BIT(i) ? 8 : 16;

				if (t->kind != DIF_TYPE_CTF ||
				    !(t->flags & DIF_TF_BYREF) ||
				    t->size < hdr + 8 || (t->size - hdr) % 8 ||
				    (t->size - hdr) / 8 > DTRACE_STACK_MAXDEPTH)
					return dtrace_enerr(pp, ~0U,
						"aggregation key %u: a stack key needs a by-reference type of %u + 8 * (1..%u) bytes, not %u",
						i, hdr, DTRACE_STACK_MAXDEPTH,
						t->size);
				a->keykind[i] = hdr == 8 ? DTRACE_KEY_STACK :
							   DTRACE_KEY_USTACK;
				a->keysize += t->size;
			} else if (dtrace_difo_is_str(a->difo[i])) {
				a->keykind[i] = DTRACE_KEY_STR;
				a->keysize += strsize;
			} else if (dtrace_difo_is_int(a->difo[i])) {
				a->keykind[i] = DTRACE_KEY_INT;
				a->keysize += 8;
			} else {
				return dtrace_enerr(pp, ~0U,
					"aggregation key %u: only integers, strings and stacks", i);
			}
		}
		for (i = a->nkeys; i < a->ndifo; i++) {
			pp->difo = i;
			if (!dtrace_difo_is_int(a->difo[i]))
				return dtrace_enerr(pp, ~0U,
					"aggregating function needs an integer %s",
					i == a->nkeys ? "value" : "increment");
		}
		pp->difo = 0;
		memset(&verr, 0, sizeof(verr));
		verr.offset = ~0U;
		err = dtrace_agg_define(pp->aggs, a->aggid, (u32)a->arg,
					a->arg2, a->keysize, &verr);
		if (err == -EINVAL)
			return dtrace_enerr(pp, ~0U, "%s", verr.msg[0] ?
					    verr.msg : "bad aggregation");
		if (err)
			return err;
		break;
	}
	default:
		break;
	}
	if (ah->recsize != want_rec)
		return dtrace_enerr(pp, ~0U,
				    "%s: record size %u, expected %u",
				    dtrace_act_names[ah->kind], ah->recsize,
				    want_rec);
	if (ah->recsize &&
	    ((u64)ah->recoff + ah->recsize > cl->recsize))
		return dtrace_enerr(pp, ~0U,
				    "%s: record bytes %u..%u outside the clause's %u",
				    dtrace_act_names[ah->kind], ah->recoff,
				    ah->recoff + ah->recsize, cl->recsize);
	return 0;
}

/* Rules that involve several actions of a clause. */
static int dtrace_clause_check(struct dtrace_enparse *pp,
			       struct dtrace_clause *cl)
{
	int spec = -1;
	u32 i, j;

	for (i = 0; i < cl->nactions; i++) {
		if (cl->act[i].kind != DTRACEACT_SPECULATE)
			continue;
		pp->action = i;
		if (spec >= 0)
			return dtrace_enerr(pp, ~0U,
				"speculate() may not follow speculate()");
		spec = i;
	}
	for (i = 0; spec >= 0 && i < cl->nactions; i++) {
		const struct dtrace_action *a = &cl->act[i];

		pp->action = i;
		if (i < (u32)spec) {
			/* Only side-effect statements before speculate(). */
			pp->action = spec;
			if (a->kind != DTRACEACT_DIFEXPR || a->recsize)
				return dtrace_enerr(pp, ~0U,
					"speculate() must come before data-recording actions");
			continue;
		}
		switch (a->kind) {
		case DTRACEACT_AGGREGATE: case DTRACEACT_CLEAR:
		case DTRACEACT_TRUNC:
			return dtrace_enerr(pp, ~0U,
				"aggregating actions may not be speculative");
		case DTRACEACT_EXIT:
			return dtrace_enerr(pp, ~0U,
				"exit() may not be speculative");
		case DTRACEACT_COMMIT: case DTRACEACT_DISCARD:
			return dtrace_enerr(pp, ~0U,
				"%s() may not be in a clause with speculate()",
				dtrace_act_names[a->kind]);
		default:
			if (dtrace_act_destructive(a->kind))
				return dtrace_enerr(pp, ~0U,
					"destructive actions may not be speculative");
		}
	}
	cl->speculative = false;
	for (i = 0; i < cl->nactions; i++)
		if (cl->act[i].kind == DTRACEACT_SPECULATE)
			cl->speculative = true;

	/*
	 * commit() copies the speculation into the principal buffer while
	 * the clause runs, so a clause with commit() records no data (the
	 * compiler's D_COMM_DREC and D_DREC_COMM).  discard() writes
	 * nothing: as in DTrace, data-recording actions may precede or
	 * follow it.
	 */
	for (i = 0; i < cl->nactions; i++) {
		u16 k = cl->act[i].kind;

		if (k == DTRACEACT_COMMIT || k == DTRACEACT_DISCARD)
			cl->cleans = true;
		if (k == DTRACEACT_COMMIT)
			cl->commits = true;
	}
	if (cl->commits) {
		for (i = 0; i < cl->nactions; i++) {
			const struct dtrace_action *a = &cl->act[i];

			pp->action = i;
			if (a->recsize || a->kind == DTRACEACT_PRINTF ||
			    a->kind == DTRACEACT_PRINTA ||
			    a->kind == DTRACEACT_SPECULATE)
				return dtrace_enerr(pp, ~0U,
					"a clause with commit() may not record data");
		}
	}

	/* Recorded ranges may not overlap. */
	for (i = 0; i < cl->nactions; i++) {
		const struct dtrace_action *a = &cl->act[i];

		if (!a->recsize)
			continue;
		for (j = i + 1; j < cl->nactions; j++) {
			const struct dtrace_action *b = &cl->act[j];

			if (!b->recsize)
				continue;
			if (a->recoff < b->recoff + b->recsize &&
			    b->recoff < a->recoff + a->recsize) {
				pp->action = j;
				return dtrace_enerr(pp, ~0U,
					"record bytes of actions %u and %u overlap",
					i, j);
			}
		}
	}

	pp->action = ~0U;
	if (cl->flags & DTRACE_CLAUSE_NOREC) {
		for (i = 0; i < cl->nactions; i++) {
			if (cl->act[i].recsize ||
			    cl->act[i].kind == DTRACEACT_SPECULATE) {
				pp->action = i;
				return dtrace_enerr(pp, ~0U,
					"clause marked NOREC records data");
			}
		}
	}
	cl->record = !(cl->flags & DTRACE_CLAUSE_NOREC);
	cl->rec_at = 0;
	if (cl->speculative)
		cl->rec_at = spec + 1;
	if (cl->commits)
		cl->rec_at = cl->nactions;	/* after the commits */
	/*
	 * A record larger than the buffer is not refused here: as in
	 * DTrace, it is dropped, and counted, at each firing.
	 */
	return 0;
}

/*
 * THE BOUND ON ONE FIRING (issue 11 asked for a run-time budget per firing
 * or a static bound; the static bound was chosen, with one run-time cap):
 *  - each clause's worst case (below) is at most CONFIG_DTRACE_CLAUSE_COST_MAX
 *    (1000000 units), the clauses one firing runs, of every consumer,
 *    at most CONFIG_DTRACE_PROBE_COST_MAX (2000000) together
 *    (dtrace_ecb_attach; BEGIN, END and ERROR per consumer);
 *  - faults: each may run the consumer's ERROR clauses again; those runs
 *    stop once they would pass CONFIG_DTRACE_PROBE_COST_MAX in one firing
 *    (dtrace_probe_errwork), so a firing does at most 2 x 2000000 units;
 *  - every clause costs at least DTRACE_COST_CALL (its ECB's dispatch),
 *    so a probe carries at most 50000 ECBs' worth of dispatch;
 *  - not in the units: chill() (its own per-CPU budget, dtrace_chill),
 *    the wait for a consumer's dynamic-variable lock (held by other CPUs
 *    only for one bounded hash operation each; the spin gives up after
 *    DTRACE_DYN_LOCKSPIN and drops), and skipping other consumers' ECBs
 *    on BEGIN/END/ERROR (at most CONFIG_DTRACE_MAX_CONSUMERS x
 *    CONFIG_DTRACE_MAX_ENABLINGS list steps, a few ns each).
 * In time: a unit is about 0.5 ns on current x86-64 hardware (make -C
 * test/unit bench), so 1 ms per firing, 2 ms with ERROR clauses.  In the
 * project's QEMU (TCG) VMs, test/vm/tests/cost.host.t measured a clause of
 * about 530000 units at 1.2-2.1 ms on average and 3.6 ms at most natively,
 * 3.2 ms on average and 16 ms at most in a Xen PV dom0; scaled to 4000000
 * units: about 16 ms (27 ms at most) natively and 24 ms (120 ms at most)
 * under Xen PV, emulated.  That is enough: the kernel notices a CPU with
 * interrupts masked after 10 s (hard lockup), a CPU not scheduling after
 * 20 s (soft lockup) and an RCU stall after 21 s: two orders of magnitude
 * above the worst firing even under TCG, three to four on hardware.
 */

/*
 * Worst-case work of one firing of a clause, in the validator's cost units
 * (400): its dispatch, its DIF objects, the record it clears and fills, and
 * what each action does beyond its DIF (a string or memory copy, a stack
 * walk, an aggregation's key and hash lookup, a commit's copy of the
 * speculation).  chill() is left out: it is a deliberate delay with its
 * own budget.
 */
static u64 dtrace_clause_cost(const struct dtrace_enparse *pp,
			      const struct dtrace_clause *cl)
{
	u64 cost = DTRACE_COST_CALL + (cl->pred ? cl->pred->cost : 0);
	u32 i, j;

	if (cl->recsize)
		cost += sizeof(struct dtrace_rechdr) + cl->recsize;
	for (i = 0; i < cl->nactions; i++) {
		const struct dtrace_action *a = &cl->act[i];

		cost += DTRACE_COST_CALL;
		for (j = 0; j < a->ndifo; j++)
			cost += a->difo[j]->cost;
		switch (a->kind) {
		case DTRACEACT_DIFEXPR:
			cost += 2 * (u64)a->recsize;
			break;
		case DTRACEACT_TRACEMEM:
			cost += 2 * (u64)a->recsize +
				DIV_ROUND_UP((u64)a->recsize, PAGE_SIZE) *
				DTRACE_COST_LOAD;
			break;
		case DTRACEACT_STACK:
			cost += DTRACE_COST_STACK;
			break;
		case DTRACEACT_USTACK:
			cost += a->arg * DTRACE_COST_LOAD;
			break;
		case DTRACEACT_AGGREGATE:
			cost += 2 * (u64)a->keysize + DTRACE_COST_HASH;
			break;
		case DTRACEACT_COMMIT:
			/* a memcpy of this CPU's part: ~4 bytes a unit */
			cost += pp->opts->specsize / 4;
			break;
		default:
			break;
		}
	}
	return cost;
}

static int dtrace_clause_parse(struct dtrace_enparse *pp, const u8 *p,
			       size_t avail, struct dtrace_clause **out,
			       size_t *used)
{
	const struct dtrace_clause_hdr *ch = (const void *)p;
	struct dtrace_clause *cl;
	size_t off, u;
	u64 cost;
	u32 i;
	int err;

	pp->action = ~0U;
	pp->difo = 0;
	*out = NULL;
	if (avail < sizeof(*ch))
		return dtrace_enerr(pp, ~0U, "clause header truncated");
	if (ch->size < sizeof(*ch) || ch->size > avail || (ch->size & 7))
		return dtrace_enerr(pp, ~0U, "bad clause size %u", ch->size);
	if (ch->flags & ~(DTRACE_CLAUSE_PRED | DTRACE_CLAUSE_NOREC))
		return dtrace_enerr(pp, ~0U, "unknown clause flags 0x%x",
				    ch->flags);
	if (!dtrace_desc_terminated(&ch->desc))
		return dtrace_enerr(pp, ~0U,
				    "probe description not NUL-terminated");
	if (ch->nactions > DTRACE_MAX_ACTIONS ||
	    ch->nactions > (ch->size - sizeof(*ch)) /
			   sizeof(struct dtrace_action_hdr))
		return dtrace_enerr(pp, ~0U, "bad action count %u",
				    ch->nactions);
	if (ch->recsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "record size %u too large",
				    ch->recsize);

	cl = kzalloc(sizeof(*cl), DTRACE_GFP_CONSUMER);
	if (!cl)
		return -ENOMEM;
	cl->index = pp->clause;
	cl->flags = ch->flags;
	cl->recsize = ch->recsize;
	cl->desc = ch->desc;
	cl->desc.id = DTRACE_IDNONE;
	INIT_LIST_HEAD(&cl->link);
	if (ch->nactions) {
		cl->act = kcalloc(ch->nactions, sizeof(*cl->act),
				  DTRACE_GFP_CONSUMER);
		if (!cl->act) {
			err = -ENOMEM;
			goto fail;
		}
	}
	off = sizeof(*ch);
	if (ch->flags & DTRACE_CLAUSE_PRED) {
		err = dtrace_difo_parse(pp, p + off, ch->size - off, &cl->pred,
					&u);
		if (err)
			goto fail;
		off += u;
		if (dtrace_difo_is_str(cl->pred) ||
		    (cl->pred->rtype.flags & DIF_TF_BYREF)) {
			err = dtrace_enerr(pp, ~0U,
					   "predicate must be an integer");
			goto fail;
		}
	}
	for (i = 0; i < ch->nactions; i++) {
		const struct dtrace_action_hdr *ah = (const void *)(p + off);

		pp->action = i;
		pp->difo = 0;
		if (ch->size - off < sizeof(*ah)) {
			err = dtrace_enerr(pp, ~0U, "action header truncated");
			goto fail;
		}
		if (ah->size < sizeof(*ah) || ah->size > ch->size - off ||
		    (ah->size & 7)) {
			err = dtrace_enerr(pp, ~0U, "bad action size %u",
					   ah->size);
			goto fail;
		}
		cl->nactions = i + 1;	/* so that fail frees it */
		err = dtrace_action_parse(pp, cl, ah, &cl->act[i]);
		if (err)
			goto fail;
		off += ah->size;
	}
	pp->action = ~0U;
	if (off != ch->size) {
		err = dtrace_enerr(pp, ~0U,
				   "%zu bytes after the clause's last action",
				   ch->size - off);
		goto fail;
	}
	cl->nactions = ch->nactions;
	err = dtrace_clause_check(pp, cl);
	if (err)
		goto fail;
	cost = dtrace_clause_cost(pp, cl);
	cl->cost = cost;
	if (cost > DTRACE_CFG_CLAUSE_COST_MAX) {
		/* err_msg has 128 bytes: the probe description last */
		err = dtrace_enerr(pp, ~0U,
			"clause %u costs up to %llu units a firing, over CONFIG_DTRACE_CLAUSE_COST_MAX=%u (%s:%s:%s:%s)",
			pp->clause, (unsigned long long)cost,
			DTRACE_CFG_CLAUSE_COST_MAX, cl->desc.provider,
			cl->desc.mod, cl->desc.func, cl->desc.name);
		goto fail;
	}
	*out = cl;
	*used = ch->size;
	return 0;
fail:
	dtrace_clause_free(cl);
	return err;
}

/*
 * dtrace_lock held: room in st->ecbs for more ECBs.  Every reader of
 * st->ecbs holds dtrace_lock (or st is off dtrace_states), so the array
 * may be replaced here.  gfp: DTRACE_GFP_CONSUMER from the consumer's
 * ENABLE, GFP_KERNEL from a retained enabling (030-util.h says why).
 */
static int dtrace_state_ecbs_grow(struct dtrace_state *st, u32 more,
				  gfp_t gfp)
{
	u32 cap = max(st->necbs + more, st->ecbs_cap * 2);
	struct dtrace_ecb **n;

	dtrace_assert_held(&dtrace_lock);
	if (st->necbs + more <= st->ecbs_cap)
		return 0;
	n = kvmalloc_array(cap, sizeof(*n), gfp);
	if (!n)
		return -ENOMEM;
	if (st->necbs)
		memcpy(n, st->ecbs, st->necbs * sizeof(*n));
	kvfree(st->ecbs);
	st->ecbs = n;
	st->ecbs_cap = cap;
	return 0;
}

/*
 * Matching an enabling's clauses against the probes (dtrace_enable).
 * match_unlocked (module parameter, default on): scan the probe table
 * without dtrace_lock (dtrace_match_scan); off, everything is done under
 * it (as before; for measuring).  enable_lock_max_ns (module parameter,
 * write 0 to reset): the longest single hold of dtrace_lock by an ENABLE.
 */
#define DTRACE_MATCH_TRIES	4

static bool dtrace_match_unlocked = true;
module_param_named(match_unlocked, dtrace_match_unlocked, bool, 0644);
MODULE_PARM_DESC(match_unlocked,
		 "match enablings against the probes without the global lock (default 1)");

static unsigned long long dtrace_enable_hold_max_ns;	/* dtrace_lock */
module_param_named(enable_lock_max_ns, dtrace_enable_hold_max_ns, ullong,
		   0644);
MODULE_PARM_DESC(enable_lock_max_ns,
		 "longest hold of the global lock by an enabling, ns (write 0 to reset)");

/* dtrace_lock held since t0 (ns), about to be dropped. */
static void dtrace_enable_hold(u64 t0)
{
	u64 d = ktime_get_ns() - t0;

	dtrace_assert_held(&dtrace_lock);
	if (d > dtrace_enable_hold_max_ns)
		dtrace_enable_hold_max_ns = d;
}

/* Free what a matching pass allocated and did not attach. */
static void dtrace_match_free(u32 *ids, struct dtrace_ecb **ecbv, u64 n)
{
	u64 k;

	for (k = 0; ecbv && k < n; k++)
		kfree(ecbv[k]);
	kvfree(ecbv);
	kvfree(ids);
}

/*
 * DTRACEIOC_ENABLE: parse blob (len bytes, a kernel copy) for st, under
 * st->lock.  On success the clauses and ECBs are the consumer's; on any
 * error nothing changed (a first enabling's vstate and aggspace are
 * destroyed again).  One exception: aggregation ids that a failed later
 * enabling declared stay declared in the aggregation space (its API has
 * no undo), so a later enabling must declare them the same way.  Probes
 * that providers created on demand (provide) and that no ECB took are
 * removed again when the provider says so (dtrace_reap: profile-N).
 */
static int dtrace_enable(struct dtrace_state *st, const void *blob, u32 len,
			 struct dtrace_ioc_enable *res)
{
	const struct dtrace_enable_hdr *hdr = blob;
	struct dtrace_enparse pp;
	struct dtrace_enable_hdr opts;
	struct dtrace_clause **cls = NULL;
	struct dtrace_ecb **newecbs = NULL;
	struct dtrace_ecb **ecbv = NULL;	/* allocated, not attached */
	u32 *nmatch = NULL, *ids = NULL;
	u32 nc = 0, i, made = 0, nzero = 0, tries;
	u64 total = 0;		/* u64: a sum of matches cannot wrap */
	u64 t0 = 0;
	bool first = !st->have_opts;
	size_t off, used;
	int err;

	memset(&pp, 0, sizeof(pp));
	pp.res = res;
	pp.clause = ~0U;
	pp.action = ~0U;

	if (READ_ONCE(st->activity) != DTRACE_ACTIVITY_INACTIVE) {
		dtrace_enerr(&pp, ~0U, "tracing already started (GO)");
		return -EBUSY;
	}
	if (len < sizeof(*hdr))
		return dtrace_enerr(&pp, ~0U, "enabling header truncated");
	if (hdr->size != len || (len & 7))
		return dtrace_enerr(&pp, ~0U,
				    "enabling size %u does not match bloblen %u",
				    hdr->size, len);
	if (hdr->version != DTRACE_ABI_VERSION)
		return dtrace_enerr(&pp, ~0U, "enabling version %u, module %u",
				    hdr->version, DTRACE_ABI_VERSION);
	if (hdr->nclauses == 0 ||
	    hdr->nclauses > (len - sizeof(*hdr)) /
			    sizeof(struct dtrace_clause_hdr))
		return dtrace_enerr(&pp, ~0U, "bad clause count %u",
				    hdr->nclauses);
	err = dtrace_opts_normalize(&pp, hdr, &opts);
	if (err)
		return err;
	if (!first) {
		err = dtrace_opts_compatible(&pp, &st->opts, &opts);
		if (err)
			return err;
	}

	pp.opts = first ? &opts : &st->opts;
	pp.destructive = hdr->flags & DTRACE_ENABLE_DESTRUCTIVE;
	/*
	 * Members of the device's group (700-dev.c) may trace; destructive
	 * actions (-w) take CAP_SYS_ADMIN in the initial user namespace of
	 * whoever asks for them, group or not.
	 */
	if (pp.destructive && !capable(CAP_SYS_ADMIN)) {
		dtrace_enerr(&pp, ~0U,
			     "destructive actions (-w) need CAP_SYS_ADMIN");
		return -EPERM;
	}
	pp.lim.maxlen = DTRACE_CFG_DIF_MAXLEN;
	pp.lim.strsize = pp.opts->strsize;
	pp.lim.ngvars = opts.ngvars;
	pp.lim.ntvars = opts.ntvars;
	pp.lim.nlvars = opts.nlvars;
	pp.lim.destructive = pp.destructive;

	if (first) {
		/* Aggregation buffers, dynamic variables, and variables. */
		u64 slot = DTRACE_ALIGN8((u64)opts.strsize + 8);
		u64 need = 2 * opts.aggsize * nr_cpu_ids + opts.dynvarsize +
			   ((u64)opts.ngvars +
			    (u64)opts.nlvars * nr_cpu_ids) * slot;

		if (!dtrace_mem_ok(need)) {
			err = dtrace_enerr(&pp, ~0U,
				"aggsize %llu x %u CPUs, dynvarsize %llu and variables exceed the memory available",
				(unsigned long long)opts.aggsize, nr_cpu_ids,
				(unsigned long long)opts.dynvarsize);
			err = -ENOMEM;
			goto fail_first;
		}
		err = dtrace_vstate_create(&opts, &st->vstate);
		if (err) {
			dtrace_enerr(&pp, ~0U,
				"cannot create the variable space (dynvarsize %llu, strsize %u, %u/%u/%u variables): %s",
				(unsigned long long)opts.dynvarsize,
				opts.strsize, opts.ngvars, opts.ntvars,
				opts.nlvars, err == -ENOMEM ? "out of memory" :
				err == -E2BIG ? "too large" : "bad options");
			goto fail_first;
		}
		err = dtrace_aggspace_create(opts.aggsize, opts.naggs,
					     &st->aggs);
		if (err) {
			dtrace_enerr(&pp, ~0U,
				"cannot create the aggregation space (aggsize %llu, %u aggregations): %s",
				(unsigned long long)opts.aggsize, opts.naggs,
				err == -ENOMEM ? "out of memory" : "bad options");
			goto fail_first;
		}
	}
	pp.aggs = st->aggs;

	cls = kcalloc(hdr->nclauses, sizeof(*cls), DTRACE_GFP_CONSUMER);
	nmatch = kcalloc(hdr->nclauses, sizeof(*nmatch), DTRACE_GFP_CONSUMER);
	if (!cls || !nmatch) {
		err = -ENOMEM;
		goto fail;
	}
	off = sizeof(*hdr);
	for (nc = 0; nc < hdr->nclauses; nc++) {
		pp.clause = nc;
		err = dtrace_clause_parse(&pp, (const u8 *)blob + off,
					  len - off, &cls[nc], &used);
		if (err)
			goto fail;
		off += used;
	}
	pp.action = ~0U;
	pp.difo = 0;
	if (off != len) {
		pp.clause = ~0U;
		err = dtrace_enerr(&pp, ~0U,
				   "%zu bytes after the last clause", len - off);
		goto fail;
	}

	/*
	 * Match the probes and create the ECBs.  dtrace_lock is held for the
	 * providers' provide, dropped while the probe table is scanned
	 * (dtrace_match_scan) and the ECBs are allocated, and taken again to
	 * attach them if no probe came or went meanwhile (dtrace_probe_gen);
	 * otherwise it starts over, and after DTRACE_MATCH_TRIES attempts (or
	 * with the match_unlocked parameter off) does it all under the lock.
	 * dtrace_reap runs only under the lock at the end of an operation,
	 * and a probe it takes away bumps dtrace_probe_gen: what our provide
	 * made cannot vanish unnoticed.
	 */
	for (tries = 0;; tries++) {
		bool unlocked = dtrace_match_unlocked &&
				tries < DTRACE_MATCH_TRIES;
		bool changed = false;
		u64 gen;
		u32 k;

		mutex_lock(&dtrace_lock);
		t0 = ktime_get_ns();
		/* Probes one clause's provide creates may match another. */
		for (i = 0; i < nc; i++)
			dtrace_provide(&cls[i]->desc);
		gen = dtrace_probe_gen;
		if (unlocked) {
			dtrace_enable_hold(t0);
			mutex_unlock(&dtrace_lock);
		}
		total = 0;
		for (i = 0; i < nc; i++) {
			nmatch[i] = dtrace_match_scan(&cls[i]->desc, NULL, 0);
			total += nmatch[i];
		}
		/* The IDs and ECBs, unless the limit below refuses them. */
		if (total && total <= DTRACE_CFG_MAX_ENABLINGS) {
			ids = kvmalloc_array(total, sizeof(*ids),
					     DTRACE_GFP_CONSUMER);
			ecbv = kvcalloc(total, sizeof(*ecbv),
					DTRACE_GFP_CONSUMER);
			if (!ids || !ecbv)
				err = -ENOMEM;
			for (k = 0; !err && k < total; k++) {
				ecbv[k] = kzalloc(sizeof(*ecbv[k]),
						  DTRACE_GFP_CONSUMER);
				if (!ecbv[k])
					err = -ENOMEM;
			}
			for (i = 0, k = 0; !err && i < nc; i++) {
				u32 n = dtrace_match_scan(&cls[i]->desc,
							  ids + k, total - k);

				changed |= n != nmatch[i];
				k += min_t(u32, n, total - k);
			}
		}
		if (unlocked) {
			mutex_lock(&dtrace_lock);
			t0 = ktime_get_ns();
		}
		if (err)
			goto fail_locked;
		if (!changed && gen == dtrace_probe_gen)
			break;
		/* A probe came or went while we looked: look again. */
		dtrace_enable_hold(t0);
		mutex_unlock(&dtrace_lock);
		dtrace_match_free(ids, ecbv, total);
		ids = NULL;
		ecbv = NULL;
	}
	for (i = 0; i < nc; i++) {
		/*
		 * Matching nothing, ask again, to learn whether a provider
		 * declined to create a probe the description names (a
		 * limit): that is an error even with -Z (ZDEFS), since such
		 * a probe will not appear later.
		 */
		if (!nmatch[i]) {
			const struct dtrace_probedesc *d = &cls[i]->desc;

			dtrace_provide_why[0] = '\0';
			dtrace_provide(d);
			if (dtrace_provide_why[0] ||
			    !(hdr->flags & DTRACE_ENABLE_ZDEFS)) {
				pp.clause = i;
				pp.action = ~0U;
				err = dtrace_enerr(&pp, ~0U,
					"probe description %s:%s:%s:%s does not match any probes%s%s",
					d->provider, d->mod, d->func, d->name,
					dtrace_provide_why[0] ? ": " : "",
					dtrace_provide_why);
				goto fail_locked;
			}
			nzero++;	/* retained (-Z): counted below */
		}
	}
	/*
	 * The limit bounds what a consumer holds: its enabled probes, and
	 * its retained clauses that match no probe (each counts as one).
	 */
	if ((u64)st->necbs + total + st->nzero + nzero >
	    DTRACE_CFG_MAX_ENABLINGS) {
		pp.clause = ~0U;
		if (st->nzero + nzero)
			err = dtrace_enerr(&pp, ~0U,
				"%llu enabled probes and %u clauses that match none exceed the limit of %u per consumer",
				(unsigned long long)(st->necbs + total),
				st->nzero + nzero, DTRACE_CFG_MAX_ENABLINGS);
		else
			err = dtrace_enerr(&pp, ~0U,
				"%llu enabled probes exceed the limit of %u per consumer",
				(unsigned long long)(st->necbs + total),
				DTRACE_CFG_MAX_ENABLINGS);
		goto fail_locked;
	}
	err = dtrace_state_ecbs_grow(st, (u32)total, DTRACE_GFP_CONSUMER);
	if (err)
		goto fail_locked;
	newecbs = st->ecbs + st->necbs;
	for (i = 0; i < nc; i++) {
		u32 j;

		for (j = 0; j < nmatch[i]; j++) {
			struct dtrace_probe *p = dtrace_probe_get(ids[made]);
			struct dtrace_ecb *e = ecbv[made];

			DTRACE_ASSERT(p);	/* dtrace_probe_gen unchanged */
			ecbv[made] = NULL;
			e->state = st;
			e->clause = cls[i];
			e->epid = st->necbs + made + 1;
			e->pdesc = p->desc;
			INIT_LIST_HEAD(&e->probe_link);
			newecbs[made++] = e;
			err = dtrace_ecb_attach(e, p);
			if (err) {
				pp.clause = i;
				pp.action = ~0U;
				/* the message names the probe, err says why */
				if (err == -E2BIG)
					err = dtrace_enerr(&pp, ~0U,
						"clause %u takes a probe to %llu units a firing, over CONFIG_DTRACE_PROBE_COST_MAX=%u (%s:%s:%s:%s)",
						i, (unsigned long long)
						(dtrace_probe_cost(p, st) +
						 cls[i]->cost),
						DTRACE_CFG_PROBE_COST_MAX,
						p->desc.provider, p->desc.mod,
						p->desc.func, p->desc.name);
				else
					dtrace_enerr(&pp, ~0U,
						"cannot enable probe %s:%s:%s:%s",
						p->desc.provider, p->desc.mod,
						p->desc.func, p->desc.name);
				goto fail_ecbs;
			}
		}
	}
	st->necbs += made;
	for (i = 0; i < nc; i++) {
		struct dtrace_clause *cl = cls[i];
		u32 k;

		list_add_tail(&cl->link, &st->clauses);
		st->uses_spec |= cl->speculative;
		st->uses_clean |= cl->cleans;
		for (k = 0; k < cl->nactions; k++)
			if (cl->act[k].kind == DTRACEACT_AGGREGATE)
				st->keysize_max = max(st->keysize_max,
						      cl->act[k].keysize);
		if (i < ARRAY_SIZE(res->nmatched))
			res->nmatched[i] = nmatch[i];
	}
	res->nepids = st->necbs;
	st->nzero += nzero;
	dtrace_commit();
	dtrace_reap();		/* probes provided that no clause took */
	dtrace_enable_hold(t0);
	mutex_unlock(&dtrace_lock);
	dtrace_match_free(ids, ecbv, total);
	if (first) {
		st->opts = opts;
		st->have_opts = true;
	}
	st->nenablings++;
	kfree(cls);
	kfree(nmatch);
	return 0;

fail_ecbs:
	/*
	 * Free them before dropping the lock: newecbs[] lies past st->necbs,
	 * where a probe created meanwhile would have its retained ECBs stored
	 * (dtrace_ecb_retain) had we unlocked first.
	 */
	for (i = 0; i < made; i++)
		dtrace_ecb_detach(newecbs[i]);
	dtrace_commit();
	synchronize_rcu();	/* probe context may have seen them */
	for (i = 0; i < made; i++)
		kfree(newecbs[i]);
	dtrace_reap();
	dtrace_enable_hold(t0);
	mutex_unlock(&dtrace_lock);
	goto fail;
fail_locked:
	dtrace_reap();		/* what this enabling provided goes again */
	dtrace_enable_hold(t0);
	mutex_unlock(&dtrace_lock);
fail:
	dtrace_match_free(ids, ecbv, total);
	if (cls) {
		for (i = 0; i < hdr->nclauses; i++)
			dtrace_clause_free(cls[i]);
	}
	kfree(cls);
	kfree(nmatch);
fail_first:
	if (first) {
		if (st->aggs)
			dtrace_aggspace_destroy(st->aggs);
		if (st->vstate)
			dtrace_vstate_destroy(st->vstate);
		st->aggs = NULL;
		st->vstate = NULL;
	}
	return err;
}

/* ------------------------------------------------------------------
 * Retained enablings: probes created after ENABLE
 *
 * A consumer's clauses stay with it until it is destroyed.  When a
 * provider creates a probe (a module with probes arrives, a provider
 * registers again, provide makes one for another consumer), every
 * consumer that has not been stopped gets an ECB for each of its clauses
 * whose description matches the probe, in clause order, with the next
 * EPIDs; dtrace(1) learns about those with DTRACEIOC_EPINFO when it meets
 * their records.  As in dtrace_enable, attaching the first ECB calls the
 * provider's enable, and the consumer's activity decides whether it
 * records.  A consumer at DTRACE_CFG_MAX_ENABLINGS, or a failure, skips
 * the probe for that consumer (logged, rate-limited): creating a probe
 * never fails because of consumers.
 * ------------------------------------------------------------------ */
static int dtrace_ecb_retain_one(struct dtrace_state *st,
				 struct dtrace_clause *cl,
				 struct dtrace_probe *p)
{
	struct dtrace_ecb *e;
	int err;

	if (st->necbs >= DTRACE_CFG_MAX_ENABLINGS)
		return -ENOSPC;
	err = dtrace_state_ecbs_grow(st, 1, GFP_KERNEL);
	if (err)
		return err;
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->state = st;
	e->clause = cl;
	e->epid = st->necbs + 1;
	e->pdesc = p->desc;
	INIT_LIST_HEAD(&e->probe_link);
	err = dtrace_ecb_attach(e, p);
	if (err) {
		kfree(e);	/* never published */
		return err;
	}
	st->ecbs[st->necbs++] = e;
	return 0;
}

/* dtrace_lock held: p was just created (320-provider.c). */
static void dtrace_ecb_retain(struct dtrace_probe *p)
{
	struct dtrace_state *st;
	struct dtrace_clause *cl;
	int err;

	dtrace_assert_held(&dtrace_lock);
	list_for_each_entry(st, &dtrace_states, link) {
		if (st->noretain)
			continue;
		list_for_each_entry(cl, &st->clauses, link) {
			if (!dtrace_desc_match(&cl->desc, &p->desc))
				continue;
			err = dtrace_ecb_retain_one(st, cl, p);
			if (!err)
				continue;
			st->retain_skipped++;
			if (err == -ENOSPC)
				pr_warn_ratelimited("probe %s:%s:%s:%s not enabled for a consumer: limit of %u enabled probes\n",
						    p->desc.provider, p->desc.mod,
						    p->desc.func, p->desc.name,
						    DTRACE_CFG_MAX_ENABLINGS);
			else if (err == -E2BIG)
				pr_warn_ratelimited("probe %s:%s:%s:%s not enabled for a consumer: its clauses would cost more than %u units per firing\n",
						    p->desc.provider, p->desc.mod,
						    p->desc.func, p->desc.name,
						    DTRACE_CFG_PROBE_COST_MAX);
			else
				pr_warn_ratelimited("probe %s:%s:%s:%s not enabled for a consumer (%d)\n",
						    p->desc.provider, p->desc.mod,
						    p->desc.func, p->desc.name,
						    err);
		}
	}
}
