/* DTRACEIOC_ENABLE: matching probes, creating ECBs; retained enablings */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dtrace_enable() takes a parsed enabling (504-enparse.c), matches its
 * clauses against the probes (without dtrace_lock where it can) and
 * attaches an ECB per match; dtrace_ecb_retain() gives a probe created
 * later the ECBs of the running consumers' clauses that match it.
 *
 * Owns: dtrace_enable, dtrace_ecb_retain, the match_unlocked and
 * enable_lock_max_ns parameters.  Calls: 320 (probes), 500 (attach).
 */

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
	pp.vstate = st->vstate;

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
