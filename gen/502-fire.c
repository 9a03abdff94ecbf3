/* Probe context: dtrace_probe(), predicates, actions, ERROR */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firing path (see 500-ecb.c for the ECB states): dtrace_probe() and
 * its variants, each ECB's predicate and actions into its consumer's
 * buffers, faults and dtrace:::ERROR, chill(), stack(), aggregations.
 * Everything here runs in probe context and obeys 200-probe-ctx.c.
 *
 * Owns: dtrace_probe(), dtrace_probe_args(), the per-firing ERROR budget.
 * Calls: 4xx (DIF), 510/520/530.
 */

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
