/* Consumer state: create, GO (BEGIN), STOP (END), snapshots, destroy */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One struct dtrace_state per open of /dev/dtrace.  Its ioctls are
 * serialised by state->lock; lock order is state->lock, then dtrace_lock.
 *
 * Life of a consumer:
 *   create    empty, INACTIVE
 *   ENABLE    (one or more) clauses and ECBs; the first enabling's header
 *             fixes the options and creates the variable and aggregation
 *             spaces
 *   (then)    a probe created later gets ECBs of the clauses it matches
 *             (506-enable.c, retained enablings), until STOP or destroy
 *   GO        allocates everything probe context needs (per-CPU principal
 *             buffers, scratch, key buffers, speculations), then WARMUP:
 *             fires dtrace:::BEGIN on this CPU, then ACTIVE
 *   exit()    in probe context: DRAINING (nothing but ERROR records);
 *             also when a buffer of the fill policy fills (DTrace stops
 *             tracing then; STOP fires END into the space kept for it)
 *   STOP      COOLDOWN, waits for every CPU to leave probe context, fires
 *             dtrace:::END on this CPU, commits pending speculations,
 *             detaches the ECBs, STOPPED.  Buffers stay for the last
 *             snapshots.
 *   destroy   detach ECBs, synchronize_rcu() (no probe context can see the
 *             state any more), then free everything.
 *
 * Snapshots (BUFSNAP) run a function on the buffer's CPU by IPI: for switch
 * and ring it swaps the active and inactive buffers, for fill it notes the
 * committed length; the data is then copied to user space in process
 * context, as many whole records as fit; what is left is handed out by the
 * next BUFSNAP of that CPU before it switches again (DTRACE_BUF_MORE).
 *
 * Owns: consumer states, dtrace_core_init/exit/status.  Calls: 500, 510,
 * 520, 530, the providers' registration (800, 810, 820).
 */

#define DTRACE_CLEAN_MS		10	/* speculation cleaner period */

static atomic64_t dtrace_total_errors = ATOMIC64_INIT(0);

static int dtrace_speculation_alloc(struct dtrace_state *state)
{
	int cpu = smp_processor_id();

	if ((u32)cpu >= state->ncpus)
		return 0;
	return dtrace_spec_alloc(&state->specs, &state->cpus[cpu].cnt);
}

static int dtrace_state_create(struct dtrace_state **out)
{
	struct dtrace_state *st = kzalloc(sizeof(*st), GFP_KERNEL);

	if (!st)
		return -ENOMEM;
	mutex_init(&st->lock);
	INIT_LIST_HEAD(&st->clauses);
	st->activity = DTRACE_ACTIVITY_INACTIVE;
	mutex_lock(&dtrace_lock);
	list_add_tail(&st->link, &dtrace_states);
	dtrace_nstates++;
	mutex_unlock(&dtrace_lock);
	*out = st;
	return 0;
}

/* ---- speculation cleaner ---- */

struct dtrace_clean_arg {
	struct dtrace_state *st;
};

static void dtrace_clean_ipi(void *arg)
{
	struct dtrace_state *st = arg;
	int cpu = smp_processor_id();
	struct dtrace_cpustate *cs;

	if ((u32)cpu >= st->ncpus)
		return;
	cs = &st->cpus[cpu];
	dtrace_spec_clean_cpu(&st->specs, cpu, &cs->buf[cs->active], &cs->cnt);
}

/* Process context: finish committing/discarding speculations. */
static void dtrace_spec_clean(struct dtrace_state *st)
{
	if (!st->specs.spec || !dtrace_spec_clean_prepare(&st->specs))
		return;
	cpus_read_lock();
	on_each_cpu(dtrace_clean_ipi, st, 1);
	cpus_read_unlock();
	dtrace_spec_clean_finish(&st->specs);
}

static void dtrace_cleaner_work(struct work_struct *w)
{
	struct dtrace_state *st = container_of(to_delayed_work(w),
					       struct dtrace_state, cleaner);

	dtrace_spec_clean(st);
	schedule_delayed_work(&st->cleaner, msecs_to_jiffies(DTRACE_CLEAN_MS));
}

/* ---- GO ---- */

static void dtrace_cpus_free(struct dtrace_cpustate *cpus, u32 ncpus)
{
	u32 c;

	if (!cpus)
		return;
	for (c = 0; c < ncpus; c++) {
		struct dtrace_cpustate *cs = &cpus[c];

		dtrace_buffer_free(&cs->buf[0]);
		dtrace_buffer_free(&cs->buf[1]);
		kvfree(cs->scratch);
		kfree(cs->keybuf);
	}
	kvfree(cpus);
}

/* Bytes END clauses of this consumer record per firing (fill reserve). */
static u64 dtrace_state_end_resv(struct dtrace_state *st)
{
	u64 resv = 0;
	u32 i;

	dtrace_assert_held(&dtrace_lock);
	for (i = 0; i < st->necbs; i++) {
		struct dtrace_ecb *e = st->ecbs[i];

		if (e->pdesc.id != dtrace_probeid_end || !e->clause->record)
			continue;
		resv += sizeof(struct dtrace_rechdr) +
			DTRACE_ALIGN8((u64)e->clause->recsize);
	}
	return resv;
}

static int dtrace_state_alloc(struct dtrace_state *st)
{
	const struct dtrace_enable_hdr *o = &st->opts;
	u32 c, nbuf = o->bufpolicy == DTRACE_BUFPOLICY_FILL ? 1 : 2;
	u32 ncpus = nr_cpu_ids;
	struct dtrace_cpustate *cpus;
	bool *present;
	int err = -ENOMEM;
	u64 resv;

	mutex_lock(&dtrace_lock);	/* st->ecbs grows under it */
	resv = dtrace_state_end_resv(st);
	mutex_unlock(&dtrace_lock);
	st->scratch_size = DTRACE_SCRATCH_SIZE(o->strsize);
	if (!dtrace_mem_ok((u64)num_present_cpus() *
			   (nbuf * o->bufsize + st->scratch_size +
			    (st->uses_spec ? o->nspec * o->specsize : 0))))
		return -ENOMEM;
	/*
	 * Buffers for the present CPUs only: machines often declare many
	 * more possible CPUs than they have.  A CPU added later has none
	 * and its records are dropped.
	 */
	present = kcalloc(ncpus, sizeof(*present), GFP_KERNEL);
	cpus = kvcalloc(ncpus, sizeof(*cpus), GFP_KERNEL);
	if (!cpus || !present) {
		kfree(present);
		kvfree(cpus);
		return -ENOMEM;
	}
	for (c = 0; c < ncpus; c++) {
		struct dtrace_cpustate *cs = &cpus[c];
		u32 b;

		present[c] = cpu_present(c);
		if (!present[c])
			continue;
		for (b = 0; b < nbuf; b++) {
			err = dtrace_buffer_alloc(&cs->buf[b], o->bufsize,
						  o->bufpolicy);
			if (err)
				goto fail;
			cs->buf[b].resv = resv;
		}
		cs->scratch = kvmalloc(st->scratch_size, DTRACE_GFP_CONSUMER);
		cs->keybuf = kmalloc(max(st->keysize_max, 8u),
				     DTRACE_GFP_CONSUMER);
		if (!cs->scratch || !cs->keybuf) {
			err = -ENOMEM;
			goto fail;
		}
	}
	err = dtrace_specset_create(&st->specs, o->nspec, ncpus,
				    o->specsize, st->uses_spec, present);
	if (err)
		goto fail;
	kfree(present);
	/* Published under dtrace_lock for dtrace_core_status(). */
	mutex_lock(&dtrace_lock);
	st->ncpus = ncpus;
	st->cpus = cpus;
	mutex_unlock(&dtrace_lock);
	st->allocated = true;
	return 0;
fail:
	kfree(present);
	dtrace_cpus_free(cpus, ncpus);
	return err;
}

static void dtrace_state_fill_status(struct dtrace_state *st,
				     struct dtrace_ioc_status *s)
{
	u32 act = READ_ONCE(st->activity), c;

	switch (act) {
	case DTRACE_ACTIVITY_WARMUP:
		act = DTRACE_ACTIVITY_INACTIVE;
		break;
	case DTRACE_ACTIVITY_COOLDOWN:
		act = DTRACE_ACTIVITY_DRAINING;
		break;
	}
	s->activity = act;
	s->exiting = smp_load_acquire(&st->exiting);
	s->exit_status = s->exiting ? READ_ONCE(st->exit_status) : 0;
	s->begin_cpu = st->begin_cpu;
	s->errors = 0;
	s->specdrops = s->specdrops_busy = s->specdrops_unavail = 0;
	s->stkdrops = 0;
	for (c = 0; st->cpus && c < st->ncpus; c++) {
		const struct dtrace_cpucount *cc = &st->cpus[c].cnt;

		s->errors += READ_ONCE(cc->errors);
		s->specdrops += READ_ONCE(cc->specdrops);
		s->specdrops_busy += READ_ONCE(cc->specdrops_busy);
		s->specdrops_unavail += READ_ONCE(cc->specdrops_unavail);
		s->stkdrops += READ_ONCE(cc->stkdrops);
	}
	s->dyndrops = s->dyndrops_rinse = s->dyndrops_dirty = 0;
	if (st->vstate)
		dtrace_vstate_drops(st->vstate, &s->dyndrops,
				    &s->dyndrops_rinse, &s->dyndrops_dirty);
	s->aggdrops = st->aggs ? dtrace_agg_drops(st->aggs) : 0;
	s->recursion_drops = atomic64_read(&dtrace_recursion_drops);
}

/* Fire dtrace:::BEGIN or END for st on this CPU; returns the CPU. */
static int dtrace_state_fire(struct dtrace_state *st, u32 id)
{
	u64 args[DTRACE_MAXARGS] = { 0 };
	int cpu;

	cpu = get_cpu();
	if (id)
		dtrace_probe_args(id, st, args);
	put_cpu();
	return cpu;
}

static int dtrace_state_go(struct dtrace_state *st, struct dtrace_ioc_status *s)
{
	int err;

	if (READ_ONCE(st->activity) != DTRACE_ACTIVITY_INACTIVE)
		return -EBUSY;
	if (!st->have_opts)
		return -EINVAL;		/* nothing enabled */
	err = dtrace_state_alloc(st);
	if (err)
		return err;
	/* Buffers are visible before any CPU sees WARMUP/ACTIVE. */
	smp_store_release(&st->activity, DTRACE_ACTIVITY_WARMUP);
	st->begin_cpu = dtrace_state_fire(st, dtrace_probeid_begin);
	/* exit() in BEGIN moved us to DRAINING: stay there. */
	cmpxchg(&st->activity, DTRACE_ACTIVITY_WARMUP, DTRACE_ACTIVITY_ACTIVE);
	if (st->uses_clean && st->specs.spec) {
		INIT_DELAYED_WORK(&st->cleaner, dtrace_cleaner_work);
		st->cleaner_on = true;
		schedule_delayed_work(&st->cleaner,
				      msecs_to_jiffies(DTRACE_CLEAN_MS));
	}
	dtrace_state_fill_status(st, s);
	return 0;
}

/* dtrace_lock taken here: detach every ECB of st; no more are made. */
static void dtrace_state_detach_all(struct dtrace_state *st)
{
	u32 i;

	mutex_lock(&dtrace_lock);
	st->noretain = true;
	for (i = 0; i < st->necbs; i++)
		dtrace_ecb_detach(st->ecbs[i]);
	dtrace_commit();
	dtrace_reap();		/* on-demand probes nobody enables now */
	mutex_unlock(&dtrace_lock);
}

static int dtrace_state_stop(struct dtrace_state *st,
			     struct dtrace_ioc_status *s)
{
	u32 act = READ_ONCE(st->activity);

	if (act == DTRACE_ACTIVITY_INACTIVE)
		return -EINVAL;		/* never started */
	if (act != DTRACE_ACTIVITY_STOPPED) {
		WRITE_ONCE(st->activity, DTRACE_ACTIVITY_COOLDOWN);
		/* Every CPU has left the probe context that saw ACTIVE. */
		synchronize_rcu();
		if (st->cleaner_on) {
			cancel_delayed_work_sync(&st->cleaner);
			st->cleaner_on = false;
		}
		/* Commits made before END land before END's records. */
		dtrace_spec_clean(st);
		dtrace_state_fire(st, dtrace_probeid_end);
		WRITE_ONCE(st->activity, DTRACE_ACTIVITY_STOPPED);
		dtrace_state_detach_all(st);
		synchronize_rcu();
		/* ... and END's own commits of other CPUs' data. */
		dtrace_spec_clean(st);
	}
	dtrace_state_fill_status(st, s);
	return 0;
}

static void dtrace_state_destroy(struct dtrace_state *st)
{
	struct dtrace_clause *cl, *n;
	u64 errors = 0;
	u32 i;

	WRITE_ONCE(st->activity, DTRACE_ACTIVITY_STOPPED);
	if (st->cleaner_on) {
		cancel_delayed_work_sync(&st->cleaner);
		st->cleaner_on = false;
	}
	dtrace_state_detach_all(st);
	mutex_lock(&dtrace_lock);
	list_del(&st->link);
	dtrace_nstates--;
	mutex_unlock(&dtrace_lock);
	/*
	 * No new ECB can appear now (noretain, off the list): st->ecbs is
	 * ours.  No probe context can see st or its ECBs after this.
	 */
	if (st->necbs)
		synchronize_rcu();

	for (i = 0; st->cpus && i < st->ncpus; i++)
		errors += st->cpus[i].cnt.errors;
	atomic64_add(errors, &dtrace_total_errors);

	for (i = 0; i < st->necbs; i++)
		kfree(st->ecbs[i]);
	kvfree(st->ecbs);
	list_for_each_entry_safe(cl, n, &st->clauses, link) {
		list_del(&cl->link);
		dtrace_clause_free(cl);
	}
	dtrace_cpus_free(st->cpus, st->ncpus);
	dtrace_specset_destroy(&st->specs);
	if (st->aggs)
		dtrace_aggspace_destroy(st->aggs);
	if (st->vstate)
		dtrace_vstate_destroy(st->vstate);
	mutex_destroy(&st->lock);
	kfree(st);
}

/* ---- BUFSNAP ---- */

struct dtrace_snap_arg {
	struct dtrace_state *st;
	struct dtrace_cpustate *cs;
};

/* On the buffer's CPU, interrupts off: probe context cannot run here. */
static void dtrace_snap_ipi(void *arg)
{
	struct dtrace_snap_arg *sa = arg;
	struct dtrace_cpustate *cs = sa->cs;
	struct dtrace_buffer *b;

	cs->pend_drops = cs->cnt.drops;
	cs->cnt.drops = 0;
	if (sa->st->opts.bufpolicy == DTRACE_BUFPOLICY_FILL) {
		b = &cs->buf[0];
		cs->pend_buf = b;
		cs->pend_flags = b->flags;
		cs->pend_fill_end = READ_ONCE(b->head);
		return;
	}
	b = &cs->buf[cs->active];
	cs->active ^= 1;
	dtrace_buffer_reset(&cs->buf[cs->active]);
	cs->pend_buf = b;
	cs->pend_flags = b->flags;
}

static long dtrace_state_bufsnap(struct dtrace_state *st,
				 struct dtrace_ioc_buf *b)
{
	struct dtrace_cpustate *cs;
	char __user *ubuf = u64_to_user_ptr(b->data);
	u64 room = b->datalen, done = 0;
	u32 cpu = b->cpu;
	u32 flags = 0;
	u64 drops = 0;
	int err;

	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -EINVAL;
	b->flags = 0;
	b->drops = 0;
	b->datalen = 0;
	if (!st->allocated)
		return 0;	/* not started: nothing recorded */
	cs = &st->cpus[cpu];

	if (!cs->pend) {
		struct dtrace_snap_arg sa = { .st = st, .cs = cs };
		struct dtrace_buffer *pb;
		int n;

		cpus_read_lock();
		if (cpu_online(cpu)) {
			err = smp_call_function_single(cpu, dtrace_snap_ipi,
						       &sa, 1);
		} else {
			/* Offline: no probe can fire there. */
			unsigned long irqf;

			irqf = dtrace_intr_save();
			dtrace_snap_ipi(&sa);
			dtrace_intr_restore(irqf);
			err = 0;
		}
		cpus_read_unlock();
		if (err)
			return err;
		pb = cs->pend_buf;
		if (st->opts.bufpolicy == DTRACE_BUFPOLICY_FILL) {
			/* [snap, end): committed, never rewritten. */
			n = 0;
			if (cs->pend_fill_end > pb->snap) {
				cs->pend_off[0] = pb->snap;
				cs->pend_len[0] = cs->pend_fill_end - pb->snap;
				n = 1;
			}
		} else {
			n = dtrace_buffer_segments(pb, cs->pend_off,
						   cs->pend_len);
		}
		cs->pend_nseg = n;
		cs->pend_seg = 0;
		cs->pend = true;
		flags = cs->pend_flags;
		drops = cs->pend_drops;
	}

	while (cs->pend_seg < cs->pend_nseg) {
		int sg = cs->pend_seg;
		const char *src = cs->pend_buf->data + cs->pend_off[sg];
		u64 need, n;

		n = dtrace_buffer_whole(src, cs->pend_len[sg], room - done,
					&need);
		if (n && copy_to_user(ubuf + done, src, n))
			return -EFAULT;
		done += n;
		cs->pend_off[sg] += n;
		cs->pend_len[sg] -= n;
		if (cs->pend_len[sg] && need) {
			/* The next record does not fit. */
			if (!done) {
				b->datalen = need;
				b->flags = flags;
				b->drops = drops;
				return -ENOSPC;
			}
			break;
		}
		cs->pend_len[sg] = 0;
		cs->pend_seg++;
	}
	if (cs->pend_seg >= cs->pend_nseg) {
		cs->pend = false;
		if (st->opts.bufpolicy == DTRACE_BUFPOLICY_FILL)
			cs->pend_buf->snap = cs->pend_fill_end;
	} else {
		flags |= DTRACE_BUF_MORE;
	}
	b->flags = flags;
	b->drops = drops;
	b->datalen = done;
	return 0;
}

/* ---- module-wide ---- */

/* 890-providers.c: start and stop every provider of the table. */
static int dtrace_providers_init(void);
static void dtrace_providers_exit(void);
static void dtrace_providers_status(struct seq_file *m);

static int dtrace_core_init(void)
{
	int err;

	err = dtrace_probes_init();
	if (err)
		return err;
	dtrace_sigq_init();
	err = dtrace_providers_init();
	if (err) {
		dtrace_sigq_fini();
		dtrace_probes_fini();
	}
	return err;
}

static void dtrace_core_exit(void)
{
	dtrace_providers_exit();
	synchronize_rcu();
	dtrace_sigq_fini();
	dtrace_probes_fini();
}

static void dtrace_core_status(struct seq_file *m)
{
	struct dtrace_state *st;
	u32 id, enabled = 0, ecbs = 0;
	u64 errors;

	/* consumers and recursion_drops are printed by 700-dev.c. */
	mutex_lock(&dtrace_lock);
	for (id = 1; id <= dtrace_probe_hiwat; id++) {
		struct dtrace_probe *p = dtrace_probe_get(id);

		if (p && p->nenabled) {
			enabled++;
			ecbs += p->nenabled;
		}
	}
	seq_printf(m, "providers: %u\n", dtrace_nproviders);
	seq_printf(m, "probes: %u\n", dtrace_probe_count);
	seq_printf(m, "probes_enabled: %u\n", enabled);
	seq_printf(m, "ecbs_attached: %u\n", ecbs);
	dtrace_providers_status(m);
	errors = atomic64_read(&dtrace_total_errors);
	list_for_each_entry(st, &dtrace_states, link) {
		u32 c;

		for (c = 0; st->cpus && c < st->ncpus; c++)
			errors += READ_ONCE(st->cpus[c].cnt.errors);
	}
	mutex_unlock(&dtrace_lock);
	seq_printf(m, "errors: %llu\n", (unsigned long long)errors);
}
