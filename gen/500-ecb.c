/* Consumers' clauses and ECBs: structures, deferred actions, attach/detach */
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
 * The layer is four fragments: this one (the structures, deferred
 * signals/breakpoint/panic, freeing, attaching ECBs to probes),
 * 502-fire.c (probe context: dtrace_probe() and the actions),
 * 504-enparse.c (parsing and validating an enabling, the cost of a clause)
 * and 506-enable.c (DTRACEIOC_ENABLE: matching probes, creating ECBs;
 * retained enablings).
 *
 * Owns: struct dtrace_state/clause/action/ecb, deferred actions, ECB
 * attach/detach.  Calls: 320 (probes), 4xx (DIF), 510/520/530.
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
