/* Providers and probes: registration, IDs, lookup, lifetime */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A provider (struct dtrace_provider) is registered by code inside the
 * module with a name and operations; it creates probes, each named
 * provider:module:function:name and given an ID 1..DTRACE_CFG_MAX_PROBES.
 *
 * Operations (all called in process context with dtrace_lock held, so
 * they may sleep but must not take dtrace_lock):
 *   provide(arg, desc)   create the probes desc names that do not exist
 *                        yet (e.g. profile-1234); desc fields may be
 *                        patterns or empty.  May be NULL.
 *   enable(arg, id, parg)   the first ECB was attached to the probe; this
 *                           may happen inside dtrace_probe_create (a
 *                           consumer's retained enabling matches the new
 *                           probe), after it stored the ID in *idp: parg
 *                           must be ready to fire by then
 *   disable(arg, id, parg)  the last ECB was detached
 *   destroy(arg, id, parg)  the probe is gone; no probe context can still
 *                           see it (called after an RCU grace period)
 *   getargdesc(arg, id, parg, a)  fill a->native, a->xlate, a->mapping
 *                        and a->nargs for argument a->ndx of probe id
 *                        (DTRACEIOC_PROBEARG); 0 or -ENODATA.  May be NULL
 *                        (the provider describes no arguments).
 *   commit(arg)          apply the enables and disables made since the
 *                        last commit (a provider that patches many sites
 *                        at once, fbt, does it here in one batch); called
 *                        with dtrace_lock held after every batch: at the
 *                        end of dtrace_provide, of an ENABLE (also when it
 *                        fails) and of detaching a consumer's ECBs.  A
 *                        provider that removes its own probes commits
 *                        itself.  May be NULL.
 *   reap(arg, id, parg)  the probe has no ECB: return true to have it
 *                        removed (dtrace_reap, dtrace_lock held; destroy
 *                        follows after a grace period).  For probes a
 *                        provider made on demand (provide) that nobody
 *                        enables any more.  May be NULL (probes stay).
 *
 * LIFETIME AND LOCKING
 *  - dtrace_lock (a mutex) serialises everything done in process context:
 *    the provider list, creating and removing probes, attaching ECBs to
 *    probes and detaching them, the consumer list.
 *  - Probe context finds a probe by ID in dtrace_probes[] and walks the
 *    probe's ECB list with interrupts masked (dtrace_probe_enter), which
 *    is an RCU-sched read-side critical section: writers publish with
 *    rcu_assign_pointer / list_add_tail_rcu and retire with
 *    RCU_INIT_POINTER(NULL) / list_del_rcu, then synchronize_rcu() before
 *    freeing or calling destroy.
 *  - A probe may disappear while consumers run (its owner goes away:
 *    dtrace_probe_destroy or dtrace_unregister).  Its ECBs are detached
 *    (they stay in their consumer, with their EPID and a copy of the probe
 *    description, and simply never fire again), the provider's disable is
 *    called if it was enabled, the slot is cleared, and only after a grace
 *    period is the probe destroyed and freed.  The ID is not reused until
 *    every higher ID has been handed out once, and never before the old
 *    probe was freed: a provider may fire an ID it read before removing
 *    the probe until that grace period ends, and must not fire a
 *    newcomer that took the slot (dtrace_probe_idbusy).
 *
 * LOCK ORDER (every lock the module takes; take them top to bottom,
 * never the other way round).  Process context only unless marked:
 *   1. dtrace_test_lock (820, the dtrace_test provider's commands)
 *   2. st->lock (500/600: one consumer's ioctls, held through ENABLE, GO,
 *      STOP, snapshots)
 *   3. as->lock (520: one consumer's aggregation snapshots)
 *   4. dtrace_lock (here: providers, probes, ECB lists, consumer list)
 *   5. the kernel's locks that providers' enable/disable/commit and
 *      snapshots take under the ones above: cpus_read_lock (profile
 *      enable, 520/600 IPIs to one CPU or all), the ftrace and text
 *      locks inside ftrace_set_filter_ips and register_ftrace_function
 *      (fbt commit), tracepoints_mutex (syscall, sdt, stable providers)
 *   6. dtrace_profile_lock (810: enabled profile-N list; also taken by
 *      the cpuhp callbacks, under the hotplug lock), dtrace_fbt_scratch_lock
 *      (840), dtrace_text_mutex (130: load-time self-test only): leaves,
 *      nothing of ours is taken under them
 * Module notifiers (fbt, sdt) take dtrace_lock under the kernel's module
 * notifier chain; cpuhp callbacks never take dtrace_lock; work items
 * (dtrace_reap_work, a consumer's cleaner) take dtrace_lock or nothing of
 * ours, and are flushed or cancelled with none of 1-4 they need held.
 * Probe context (any context, interrupts masked by dtrace_probe_enter):
 * no mutex at all; only each consumer's dynamic-variable lock (410,
 * arch_spinlock_t, trylock with a bounded spin, so it cannot deadlock)
 * and RCU-sched reads of the probe table and ECB lists.
 *
 * Owns: dtrace_lock, the provider list, the probe table, the name hash.
 * Calls: 310-glob.c; 500-ecb.c's dtrace_ecb_detach_probe and 506-enable.c's
 * dtrace_ecb_retain (via prototypes).
 */

struct dtrace_provider;

/*
 * aframes of a probe fired from a timer interrupt (profile): stack()
 * starts at the interrupted kernel PC (get_irq_regs()), and is empty when
 * user code was interrupted.  Otherwise stack() starts at the first frame
 * outside dtrace.ko, skipping aframes more.
 */
#define DTRACE_AFRAMES_IRQ	(-1)

struct dtrace_pops {
	void (*provide)(void *arg, const struct dtrace_probedesc *desc);
	int (*enable)(void *arg, u32 id, void *parg);
	void (*disable)(void *arg, u32 id, void *parg);
	void (*destroy)(void *arg, u32 id, void *parg);
	void (*commit)(void *arg);
	int (*getargdesc)(void *arg, u32 id, void *parg,
			  struct dtrace_ioc_probearg *a);
	bool (*reap)(void *arg, u32 id, void *parg);
};

/*
 * A row of the provider table (890-providers.c), the one place that lists
 * the providers built into the module: the name, the stability attributes
 * DTrace documents for it, and how to start and stop it.  init registers
 * the provider with dtrace_register(def, ...) and creates its first
 * probes; exit unregisters it.  debugfs (may be NULL) adds its files to
 * the module's debugfs directory.
 */
struct dtrace_provider_def {
	const char *name;
	struct dtrace_pattr attr;
	int (*init)(const struct dtrace_provider_def *def);
	void (*exit)(void);
	void (*debugfs)(struct dentry *dir);
	void (*status)(struct seq_file *m);	/* dtrace_lock held */
};

/* An attribute: DTRACE_ATTR(EVOLVING, EVOLVING, COMMON). */
#define DTRACE_ATTR(n, d, c)						\
	{ DTRACE_STABILITY_##n, DTRACE_STABILITY_##d, DTRACE_CLASS_##c, 0 }

struct dtrace_provider {
	struct list_head link;		/* dtrace_providers */
	char name[DTRACE_PROVNAMELEN];
	struct dtrace_pattr attr;
	const struct dtrace_pops *ops;
	void *arg;
	struct list_head probes;	/* its probes (dtrace_lock) */
	u32 nprobes;
};

struct dtrace_probe {
	u32 id;
	u32 nenabled;			/* attached ECBs (dtrace_lock) */
	u64 cost;			/* their clauses' costs (dtrace_lock) */
	int aframes;			/* frames of the provider to skip, or
					 * DTRACE_AFRAMES_IRQ */
	struct dtrace_provider *prov;
	void *arg;			/* the provider's */
	struct list_head ecbs;		/* attached ECBs, RCU */
	struct list_head prov_link;	/* prov->probes */
	struct hlist_node hash;		/* dtrace_probe_hash */
	struct dtrace_probedesc desc;	/* its names, .id = id */
};

static DEFINE_MUTEX(dtrace_lock);
static LIST_HEAD(dtrace_providers);
static struct dtrace_probe __rcu **dtrace_probes;	/* [MAX_PROBES] */
/* Bit id - 1: the ID belongs to a probe not yet freed (dtrace_lock to set). */
static unsigned long *dtrace_probe_idbusy;
static u32 dtrace_probe_count;		/* registered probes */
static u32 dtrace_probe_hiwat;		/* highest ID ever handed out */
/*
 * Changes (under dtrace_lock) whenever a probe is created or retired: an
 * ENABLE that matched without dtrace_lock (dtrace_match_scan) finds its
 * result still valid if this did not change meanwhile.
 */
static u64 dtrace_probe_gen;
static u32 dtrace_nproviders;

#define DTRACE_PROBE_HASH_BITS	12
static struct hlist_head dtrace_probe_hash[1 << DTRACE_PROBE_HASH_BITS];

/* IDs of the dtrace provider's probes (800-prov-dtrace.c). */
static u32 dtrace_probeid_begin, dtrace_probeid_end, dtrace_probeid_error;

/* 500-ecb.c: detach every ECB of a probe that goes away. */
static void dtrace_ecb_detach_probe(struct dtrace_probe *probe);
/* 506-enable.c: give a new probe the ECBs of the consumers' clauses. */
static void dtrace_ecb_retain(struct dtrace_probe *probe);

static u32 dtrace_name_hash(const char *prov, const char *mod,
			    const char *func, const char *name)
{
	const char *parts[4] = { prov, mod, func, name };
	u32 h = 2166136261u;
	int i;

	for (i = 0; i < 4; i++) {
		const char *s;

		for (s = parts[i]; *s; s++)
			h = (h ^ (u8)*s) * 16777619u;
		h = (h ^ ':') * 16777619u;
	}
	return h >> (32 - DTRACE_PROBE_HASH_BITS);
}

static u32 dtrace_core_nprobes(void)
{
	return READ_ONCE(dtrace_probe_count);
}

/* Process context, dtrace_lock held: the probe with this ID or NULL. */
static struct dtrace_probe *dtrace_probe_get(u32 id)
{
	if (id == DTRACE_IDNONE || id > DTRACE_CFG_MAX_PROBES)
		return NULL;
	return rcu_dereference_protected(dtrace_probes[id - 1],
					 lockdep_is_held(&dtrace_lock));
}

/* Probe context: the probe with this ID or NULL. */
static struct dtrace_probe *dtrace_probe_find(u32 id)
{
	if (id == DTRACE_IDNONE || id > DTRACE_CFG_MAX_PROBES)
		return NULL;
	return rcu_dereference_sched(dtrace_probes[id - 1]);
}

/* dtrace_lock held: the provider called name, or NULL. */
static struct dtrace_provider *dtrace_provider_lookup(const char *name)
{
	struct dtrace_provider *p;

	dtrace_assert_held(&dtrace_lock);
	list_for_each_entry(p, &dtrace_providers, link) {
		if (!strcmp(p->name, name))
			return p;
	}
	return NULL;
}

/*
 * Register the provider def describes (name, attributes) with ops.
 * Process context, dtrace_lock not held.  -EEXIST if the name is taken.
 */
static int dtrace_register(const struct dtrace_provider_def *def,
			   const struct dtrace_pops *ops, void *arg,
			   struct dtrace_provider **out)
{
	const char *name = def->name;
	struct dtrace_provider *p;
	size_t len = strlen(name);

	if (!len || len >= DTRACE_PROVNAMELEN || dtrace_glob_is_pattern(name))
		return -EINVAL;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	memcpy(p->name, name, len + 1);
	p->attr = def->attr;
	p->ops = ops;
	p->arg = arg;
	INIT_LIST_HEAD(&p->probes);

	mutex_lock(&dtrace_lock);
	if (dtrace_provider_lookup(name)) {
		mutex_unlock(&dtrace_lock);
		kfree(p);
		return -EEXIST;
	}
	list_add_tail(&p->link, &dtrace_providers);
	dtrace_nproviders++;
	mutex_unlock(&dtrace_lock);
	*out = p;
	return 0;
}

/* dtrace_lock held: the probe of prov with these names, or NULL. */
static struct dtrace_probe *dtrace_probe_lookup(struct dtrace_provider *prov,
						const char *mod,
						const char *func,
						const char *name)
{
	struct dtrace_probe *p;
	u32 h = dtrace_name_hash(prov->name, mod, func, name);

	dtrace_assert_held(&dtrace_lock);
	hlist_for_each_entry(p, &dtrace_probe_hash[h], hash) {
		if (p->prov == prov && !strcmp(p->desc.mod, mod) &&
		    !strcmp(p->desc.func, func) && !strcmp(p->desc.name, name))
			return p;
	}
	return NULL;
}

/*
 * dtrace_lock held: create probe prov:mod:func:name.  Returns its ID in
 * *idp, having attached the ECBs of the consumers whose clauses match it
 * (506-enable.c, dtrace_ecb_retain; those never make it fail); -EEXIST (with the existing ID) if it exists, -ENOSPC at
 * DTRACE_CFG_MAX_PROBES, -EINVAL for a name too long.
 */
static int dtrace_probe_create(struct dtrace_provider *prov, const char *mod,
			       const char *func, const char *name,
			       int aframes, void *arg, u32 *idp)
{
	struct dtrace_probe *p;
	u32 id, i;

	dtrace_assert_held(&dtrace_lock);
	if (strlen(mod) >= DTRACE_MODNAMELEN ||
	    strlen(func) >= DTRACE_FUNCNAMELEN ||
	    strlen(name) >= DTRACE_NAMELEN || !*name)
		return -EINVAL;
	p = dtrace_probe_lookup(prov, mod, func, name);
	if (p) {
		*idp = p->id;
		return -EEXIST;
	}
	if (dtrace_probe_count >= DTRACE_CFG_MAX_PROBES)
		return -ENOSPC;

	/*
	 * Fresh IDs first; then reuse the lowest ID whose probe was freed
	 * (a retired probe keeps its ID until after its grace period).
	 */
	id = 0;
	if (dtrace_probe_hiwat < DTRACE_CFG_MAX_PROBES) {
		id = dtrace_probe_hiwat + 1;
	} else {
		i = find_first_zero_bit(dtrace_probe_idbusy,
					DTRACE_CFG_MAX_PROBES);
		if (i < DTRACE_CFG_MAX_PROBES)
			id = i + 1;
	}
	if (!id)
		return -ENOSPC;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	if (id > dtrace_probe_hiwat)
		WRITE_ONCE(dtrace_probe_hiwat, id);
	WRITE_ONCE(dtrace_probe_gen, dtrace_probe_gen + 1);
	set_bit(id - 1, dtrace_probe_idbusy);
	p->id = id;
	p->aframes = aframes;
	p->prov = prov;
	p->arg = arg;
	INIT_LIST_HEAD(&p->ecbs);
	p->desc.id = id;
	strscpy(p->desc.provider, prov->name, sizeof(p->desc.provider));
	strscpy(p->desc.mod, mod, sizeof(p->desc.mod));
	strscpy(p->desc.func, func, sizeof(p->desc.func));
	strscpy(p->desc.name, name, sizeof(p->desc.name));
	list_add_tail(&p->prov_link, &prov->probes);
	hlist_add_head(&p->hash,
		       &dtrace_probe_hash[dtrace_name_hash(prov->name, mod,
							   func, name)]);
	prov->nprobes++;
	WRITE_ONCE(dtrace_probe_count, dtrace_probe_count + 1);
	rcu_assign_pointer(dtrace_probes[id - 1], p);
	*idp = id;
	dtrace_ecb_retain(p);
	return 0;
}

/*
 * dtrace_lock held: make p unreachable (detach its ECBs, disable it,
 * clear its slot).  The caller frees it after synchronize_rcu().
 */
static void dtrace_probe_retire(struct dtrace_probe *p)
{
	dtrace_assert_held(&dtrace_lock);
	dtrace_ecb_detach_probe(p);	/* calls disable if it was enabled */
	RCU_INIT_POINTER(dtrace_probes[p->id - 1], NULL);
	hlist_del(&p->hash);
	list_del(&p->prov_link);
	p->prov->nprobes--;
	WRITE_ONCE(dtrace_probe_count, dtrace_probe_count - 1);
	WRITE_ONCE(dtrace_probe_gen, dtrace_probe_gen + 1);
}

/* After the grace period that followed dtrace_probe_retire(p). */
static void dtrace_probe_free(struct dtrace_provider *prov,
			      struct dtrace_probe *p)
{
	u32 id = p->id;

	if (prov->ops->destroy)
		prov->ops->destroy(prov->arg, id, p->arg);
	kfree(p);
	clear_bit(id - 1, dtrace_probe_idbusy);	/* the ID may be reused */
}

/*
 * Remove one probe of prov (e.g. its code goes away), even if consumers
 * use it.  Process context; the caller must not hold dtrace_lock.  When
 * this returns, no probe context runs the probe's ECBs any more and the
 * provider's destroy has been called.
 */
static int __maybe_unused dtrace_probe_destroy(struct dtrace_provider *prov,
					       u32 id)
{
	struct dtrace_probe *p;

	mutex_lock(&dtrace_lock);
	p = dtrace_probe_get(id);
	if (!p || p->prov != prov) {
		mutex_unlock(&dtrace_lock);
		return -ENOENT;
	}
	dtrace_probe_retire(p);
	mutex_unlock(&dtrace_lock);
	synchronize_rcu();
	dtrace_probe_free(prov, p);
	return 0;
}

/*
 * Probes removed by dtrace_reap (retired under dtrace_lock, on
 * dtrace_probe_gone through prov_link) are freed by dtrace_reap_work after
 * a grace period, outside dtrace_lock.  dtrace_unregister takes the ones
 * still waiting and waits for the work, so no probe outlives its provider.
 */
static LIST_HEAD(dtrace_probe_gone);		/* dtrace_lock */

/* Process context: free the reaped probes after a grace period. */
static void dtrace_reap_free(struct work_struct *w)
{
	struct dtrace_probe *p, *n;
	LIST_HEAD(gone);

	mutex_lock(&dtrace_lock);
	list_splice_init(&dtrace_probe_gone, &gone);
	mutex_unlock(&dtrace_lock);
	if (list_empty(&gone))
		return;
	synchronize_rcu();
	list_for_each_entry_safe(p, n, &gone, prov_link)
		dtrace_probe_free(p->prov, p);
}

static DECLARE_WORK(dtrace_reap_work, dtrace_reap_free);

/*
 * dtrace_lock held, at the end of an operation that may have provided
 * probes or detached ECBs (ENABLE, succeeded or failed; the probe listing;
 * a consumer's ECBs detached): every probe with no ECB whose provider's
 * reap says so is removed now (it no longer matches anything nor counts
 * towards its provider's limit) and freed soon after by dtrace_reap_work.
 * Never between an ENABLE's provide and its matching: both happen in one
 * hold of dtrace_lock.
 */
static void dtrace_reap(void)
{
	struct dtrace_provider *prov;
	struct dtrace_probe *p, *n;
	bool any = false;

	dtrace_assert_held(&dtrace_lock);
	list_for_each_entry(prov, &dtrace_providers, link) {
		if (!prov->ops->reap)
			continue;
		list_for_each_entry_safe(p, n, &prov->probes, prov_link) {
			if (p->nenabled || !list_empty(&p->ecbs) ||
			    !prov->ops->reap(prov->arg, p->id, p->arg))
				continue;
			dtrace_probe_retire(p);
			list_add_tail(&p->prov_link, &dtrace_probe_gone);
			any = true;
		}
	}
	if (any)
		schedule_work(&dtrace_reap_work);
}

/* Remove a provider and all its probes, even if consumers use them. */
static void dtrace_unregister(struct dtrace_provider *prov)
{
	struct dtrace_probe *p, *n;
	LIST_HEAD(gone);

	if (!prov)
		return;
	mutex_lock(&dtrace_lock);
	list_for_each_entry_safe(p, n, &prov->probes, prov_link) {
		dtrace_probe_retire(p);
		list_add_tail(&p->prov_link, &gone);
	}
	/* Reaped probes not yet freed (of any provider: freed below). */
	list_splice_init(&dtrace_probe_gone, &gone);
	list_del(&prov->link);
	dtrace_nproviders--;
	mutex_unlock(&dtrace_lock);
	synchronize_rcu();
	list_for_each_entry_safe(p, n, &gone, prov_link)
		dtrace_probe_free(p->prov, p);
	/* A dtrace_reap_work that took its list before us is done too. */
	flush_work(&dtrace_reap_work);
	kfree(prov);
}

/* dtrace_lock held: every provider applies its pending enables/disables. */
static void dtrace_commit(void)
{
	struct dtrace_provider *prov;

	dtrace_assert_held(&dtrace_lock);
	list_for_each_entry(prov, &dtrace_providers, link) {
		if (prov->ops->commit)
			prov->ops->commit(prov->arg);
	}
}

/*
 * Why a provider declined to create a probe a description named exactly
 * (a limit, say), for the "does not match any probes" message of ENABLE;
 * dtrace_lock.  Providers set it with dtrace_provide_refused().
 */
static char dtrace_provide_why[128];

static __printf(1, 2) void __maybe_unused
dtrace_provide_refused(const char *fmt, ...)
{
	va_list ap;

	dtrace_assert_held(&dtrace_lock);
	va_start(ap, fmt);
	vsnprintf(dtrace_provide_why, sizeof(dtrace_provide_why), fmt, ap);
	va_end(ap);
}

/* dtrace_lock held: ask every provider desc may name to create probes. */
static void dtrace_provide(const struct dtrace_probedesc *desc)
{
	struct dtrace_provider *prov;

	dtrace_assert_held(&dtrace_lock);
	list_for_each_entry(prov, &dtrace_providers, link) {
		if (prov->ops->provide &&
		    dtrace_glob_match(desc->provider, prov->name))
			prov->ops->provide(prov->arg, desc);
	}
	/* New probes may have been enabled by retained enablings. */
	dtrace_commit();
}

/*
 * dtrace_lock held: the first probe with ID >= *start matching desc, or
 * NULL.  *start is left just past the probe returned.
 */
static struct dtrace_probe *dtrace_probe_next(const struct dtrace_probedesc *d,
					      u32 *start)
{
	u32 id;

	dtrace_assert_held(&dtrace_lock);
	for (id = max(*start, 1u); id <= dtrace_probe_hiwat; id++) {
		struct dtrace_probe *p = dtrace_probe_get(id);

		if (p && dtrace_desc_match(d, &p->desc)) {
			*start = id + 1;
			return p;
		}
	}
	*start = id;
	return NULL;
}

/*
 * The probes matching d, without dtrace_lock: IDs into ids[0..room) (NULL:
 * count only); returns how many match.  Reads the probe table under RCU
 * (a probe is freed only after a grace period following its retirement,
 * and its description never changes), DTRACE_MATCH_BATCH IDs at a time,
 * rescheduling in between, so even the ~80000 fbt probes times many
 * clauses neither hold dtrace_lock nor trip the soft-lockup detector.
 * The caller checks dtrace_probe_gen under dtrace_lock afterwards: if it
 * did not change since before the scan, the result is exact.  Also correct
 * with dtrace_lock held (then nothing can change).
 */
#define DTRACE_MATCH_BATCH	1024

static u32 dtrace_match_scan(const struct dtrace_probedesc *d, u32 *ids,
			     u32 room)
{
	u32 id, hiwat = READ_ONCE(dtrace_probe_hiwat), n = 0;

	rcu_read_lock();
	for (id = 1; id <= hiwat; id++) {
		struct dtrace_probe *p;

		if (!(id % DTRACE_MATCH_BATCH)) {
			rcu_read_unlock();
			cond_resched();
			rcu_read_lock();
		}
		p = rcu_dereference(dtrace_probes[id - 1]);
		if (!p || !dtrace_desc_match(d, &p->desc))
			continue;
		if (ids && n < room)
			ids[n] = id;
		n++;
	}
	rcu_read_unlock();
	return n;
}

static int dtrace_probes_init(void)
{
	u32 i;

	dtrace_probes = kvcalloc(DTRACE_CFG_MAX_PROBES, sizeof(*dtrace_probes),
				 GFP_KERNEL);
	dtrace_probe_idbusy = kvcalloc(BITS_TO_LONGS(DTRACE_CFG_MAX_PROBES),
				       sizeof(unsigned long), GFP_KERNEL);
	if (!dtrace_probes || !dtrace_probe_idbusy) {
		kvfree(dtrace_probes);
		kvfree(dtrace_probe_idbusy);
		dtrace_probes = NULL;
		dtrace_probe_idbusy = NULL;
		return -ENOMEM;
	}
	for (i = 0; i < ARRAY_SIZE(dtrace_probe_hash); i++)
		INIT_HLIST_HEAD(&dtrace_probe_hash[i]);
	return 0;
}

static void dtrace_probes_fini(void)
{
	flush_work(&dtrace_reap_work);	/* every provider is gone: empty */
	kvfree(dtrace_probes);
	kvfree(dtrace_probe_idbusy);
	dtrace_probes = NULL;
	dtrace_probe_idbusy = NULL;
}
