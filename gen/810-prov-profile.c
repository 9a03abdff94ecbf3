/* The profile provider: profile-N (every CPU) and tick-N (one CPU) */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * profile:::profile-N fires on every online CPU, profile:::tick-N on one
 * CPU, at the interval N names: a number and an optional unit, ns nsec
 * us usec ms msec s sec m min h hour d day or hz (the default).  The probes
 * DTrace always offers are created at load; any other is created on demand
 * when a description names it exactly (provide).  Intervals below
 * DTRACE_CFG_PROFILE_MIN_US microseconds are refused (no probe is made, so
 * the description matches nothing).  At most DTRACE_CFG_PROFILE_MAX
 * profile and tick probes exist (the defaults included); a description
 * naming one more matches nothing, and ENABLE's message says why
 * (dtrace_provide_refused).  The default probes live until the module is
 * unloaded; one made on demand goes again, timers and all, as soon as no
 * ECB holds it (dtrace_reap asks dtrace_profile_reap: after the ENABLE or
 * listing that provided it, or when its last consumer lets it go), so the
 * limit counts the probes in use, not every rate ever named.  (illumos
 * keeps them until unload and counts them in profile_total against
 * profile_max; freeing them bounds the timers by what is in use.)
 *
 * arg0 is the interrupted kernel PC (0 if user code was interrupted),
 * arg1 the interrupted user PC (0 if kernel code was).
 *
 * Each probe has one hrtimer per possible CPU (profile) or one (tick),
 * made when the probe is created; enable starts them (profile: on each
 * online CPU, by IPI, HRTIMER_MODE_REL_PINNED), disable cancels them.
 * CPU hotplug, as DTrace's omnipresent cyclics: a CPU that comes online
 * starts the timers of every enabled profile-N probe, a CPU going offline
 * cancels its own (a cpuhp state in CPUHP_AP_ONLINE_DYN, whose callbacks
 * run on that CPU).  Enabled profile-N probes are on a list under
 * dtrace_profile_lock, taken inside cpus_read_lock() (enable) or the
 * hotplug lock (the callbacks), never around dtrace_lock.  A profile timer
 * that still finds itself on another CPU stops (no CPU fires twice).
 * tick-N just moves to another CPU.
 *
 * Compiled only with CONFIG_DTRACE_PROVIDER_PROFILE; listed in the provider
 * table (890-providers.c).
 * Owns: the profile provider.  Calls: 320-provider.c, dtrace_probe().
 */
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROFILE)

struct dtrace_profile;

struct dtrace_profile_timer {
	struct hrtimer timer;
	struct dtrace_profile *prof;
	int cpu;			/* -1: tick (any CPU) */
};

struct dtrace_profile {
	u32 id;
	bool tick;
	bool dflt;			/* made at load: stays until unload */
	u64 interval;			/* ns */
	u32 ntimers;
	struct dtrace_profile_timer *timers;
	struct list_head enabled;	/* profile-N on dtrace_profile_on */
};

/*
 * Profile and tick probes in existence (dtrace_lock): at most
 * DTRACE_CFG_PROFILE_MAX, as DTrace's profile-max-probes, since each holds
 * timers and lives until the module is unloaded.
 */
static u32 dtrace_profile_total;	/* reset when the provider goes */

static DEFINE_MUTEX(dtrace_profile_lock);
static LIST_HEAD(dtrace_profile_on);
static int dtrace_profile_hp = -1;	/* cpuhp state, or -1 */

static struct dtrace_provider *dtrace_prov_profile;

static const struct {
	const char *name;
	u64 mult;			/* ns per unit; 0 = hz */
} dtrace_profile_units[] = {
	{ "ns", 1 }, { "nsec", 1 },
	{ "us", 1000 }, { "usec", 1000 },
	{ "ms", 1000000 }, { "msec", 1000000 },
	{ "s", 1000000000ULL }, { "sec", 1000000000ULL },
	{ "m", 60 * 1000000000ULL }, { "min", 60 * 1000000000ULL },
	{ "h", 3600 * 1000000000ULL }, { "hour", 3600 * 1000000000ULL },
	{ "d", 86400 * 1000000000ULL }, { "day", 86400 * 1000000000ULL },
	{ "hz", 0 }, { "", 0 },
};

/* "profile-997", "tick-1sec", ... -> kind and interval; false if not one. */
static bool dtrace_profile_parse(const char *name, bool *tick, u64 *ns)
{
	const char *p;
	u64 v = 0;
	size_t i;
	int nd = 0;

	if (!strncmp(name, "profile-", 8)) {
		*tick = false;
		p = name + 8;
	} else if (!strncmp(name, "tick-", 5)) {
		*tick = true;
		p = name + 5;
	} else {
		return false;
	}
	for (; *p >= '0' && *p <= '9'; p++, nd++) {
		if (nd >= 15)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (!nd || !v)
		return false;
	for (i = 0; i < ARRAY_SIZE(dtrace_profile_units); i++) {
		if (strcmp(p, dtrace_profile_units[i].name))
			continue;
		if (!dtrace_profile_units[i].mult) {
			if (v > 1000000000ULL)
				return false;
			*ns = 1000000000ULL / v;
			return true;
		}
		return !check_mul_overflow(v, dtrace_profile_units[i].mult,
					   ns);
	}
	return false;
}

static enum hrtimer_restart dtrace_profile_fire(struct hrtimer *t)
{
	struct dtrace_profile_timer *pt =
		container_of(t, struct dtrace_profile_timer, timer);
	struct dtrace_profile *prof = pt->prof;
	struct pt_regs *regs = get_irq_regs();
	u64 pc = 0, upc = 0;

	if (pt->cpu >= 0 && pt->cpu != smp_processor_id())
		return HRTIMER_NORESTART;	/* migrated by CPU hotplug */
	if (regs) {
		if (user_mode(regs))
			upc = instruction_pointer(regs);
		else
			pc = instruction_pointer(regs);
	}
	dtrace_probe(prof->id, pc, upc, 0, 0, 0);
	hrtimer_forward_now(t, ns_to_ktime(prof->interval));
	return HRTIMER_RESTART;
}

static void dtrace_profile_start_local(void *arg)
{
	struct dtrace_profile *prof = arg;
	int cpu = smp_processor_id();

	if ((u32)cpu >= prof->ntimers)
		return;
	hrtimer_start(&prof->timers[cpu].timer, ns_to_ktime(prof->interval),
		      HRTIMER_MODE_REL_PINNED);
}

static int dtrace_profile_enable(void *arg, u32 id, void *parg)
{
	struct dtrace_profile *prof = parg;

	if (prof->tick) {
		hrtimer_start(&prof->timers[0].timer,
			      ns_to_ktime(prof->interval),
			      HRTIMER_MODE_REL_PINNED);
		return 0;
	}
	cpus_read_lock();
	mutex_lock(&dtrace_profile_lock);
	list_add(&prof->enabled, &dtrace_profile_on);
	mutex_unlock(&dtrace_profile_lock);
	on_each_cpu(dtrace_profile_start_local, prof, 1);
	cpus_read_unlock();
	return 0;
}

/* cpuhp, on the CPU coming online: start the enabled profile-N timers. */
static int dtrace_profile_cpu_online(unsigned int cpu)
{
	struct dtrace_profile *prof;

	mutex_lock(&dtrace_profile_lock);
	list_for_each_entry(prof, &dtrace_profile_on, enabled) {
		preempt_disable();
		dtrace_profile_start_local(prof);
		preempt_enable();
	}
	mutex_unlock(&dtrace_profile_lock);
	return 0;
}

/* cpuhp, on the CPU going offline: cancel its profile-N timers. */
static int dtrace_profile_cpu_offline(unsigned int cpu)
{
	struct dtrace_profile *prof;

	mutex_lock(&dtrace_profile_lock);
	list_for_each_entry(prof, &dtrace_profile_on, enabled)
		if (cpu < prof->ntimers)
			hrtimer_cancel(&prof->timers[cpu].timer);
	mutex_unlock(&dtrace_profile_lock);
	return 0;
}

static void dtrace_profile_disable(void *arg, u32 id, void *parg)
{
	struct dtrace_profile *prof = parg;
	u32 i;

	if (!prof->tick) {
		mutex_lock(&dtrace_profile_lock);
		if (!list_empty(&prof->enabled))
			list_del_init(&prof->enabled);
		mutex_unlock(&dtrace_profile_lock);
	}
	for (i = 0; i < prof->ntimers; i++)
		hrtimer_cancel(&prof->timers[i].timer);
}

static void dtrace_profile_destroy(void *arg, u32 id, void *parg)
{
	struct dtrace_profile *prof = parg;

	dtrace_profile_disable(arg, id, parg);
	kfree(prof->timers);
	kfree(prof);
}

/*
 * dtrace_lock held, the probe has no ECB: an on-demand probe goes (its
 * timers are cancelled and freed by destroy after the grace period).
 */
static bool dtrace_profile_reap(void *arg, u32 id, void *parg)
{
	struct dtrace_profile *prof = parg;

	if (prof->dflt)
		return false;
	dtrace_profile_total--;
	return true;
}

/* dtrace_lock held: create profile:::name if it is a valid one. */
static int dtrace_profile_create(const char *name, bool dflt)
{
	struct dtrace_profile *prof;
	bool tick;
	u64 ns;
	u32 i;
	int err;

	if (!dtrace_profile_parse(name, &tick, &ns))
		return -EINVAL;
	if (ns < (u64)DTRACE_CFG_PROFILE_MIN_US * 1000)
		return -ERANGE;
	if (dtrace_probe_lookup(dtrace_prov_profile, "", "", name))
		return 0;
	if (dtrace_profile_total >= DTRACE_CFG_PROFILE_MAX) {
		dtrace_provide_refused("the limit of %u profile and tick probes is reached",
				       dtrace_profile_total);
		return -ENOSPC;
	}
	prof = kzalloc(sizeof(*prof), GFP_KERNEL);
	if (!prof)
		return -ENOMEM;
	prof->tick = tick;
	prof->dflt = dflt;
	prof->interval = ns;
	INIT_LIST_HEAD(&prof->enabled);
	prof->ntimers = tick ? 1 : nr_cpu_ids;
	prof->timers = kcalloc(prof->ntimers, sizeof(*prof->timers),
			       GFP_KERNEL);
	if (!prof->timers) {
		kfree(prof);
		return -ENOMEM;
	}
	for (i = 0; i < prof->ntimers; i++) {
		struct dtrace_profile_timer *pt = &prof->timers[i];

		hrtimer_init(&pt->timer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL_PINNED);
		pt->timer.function = dtrace_profile_fire;
		pt->prof = prof;
		pt->cpu = tick ? -1 : (int)i;
	}
	err = dtrace_probe_create(dtrace_prov_profile, "", "", name,
				  DTRACE_AFRAMES_IRQ, prof, &prof->id);
	if (err) {
		kfree(prof->timers);
		kfree(prof);
		return err;
	}
	dtrace_profile_total++;
	return 0;
}

static void dtrace_profile_provide(void *arg, const struct dtrace_probedesc *d)
{
	if (!d->name[0] || dtrace_glob_is_pattern(d->name))
		return;
	if (!dtrace_glob_match(d->mod, "") || !dtrace_glob_match(d->func, ""))
		return;
	dtrace_profile_create(d->name, false);
}

static const struct dtrace_pops dtrace_profile_ops = {
	.provide = dtrace_profile_provide,
	.enable = dtrace_profile_enable,
	.disable = dtrace_profile_disable,
	.destroy = dtrace_profile_destroy,
	.reap = dtrace_profile_reap,
};

static int dtrace_prov_profile_init(const struct dtrace_provider_def *def)
{
	static const char *const defaults[] = {
		"profile-97", "profile-199", "profile-499", "profile-997",
		"profile-1999", "profile-4001", "profile-4999",
		"tick-1", "tick-10", "tick-100", "tick-500", "tick-1000",
		"tick-5000", "tick-1sec", "tick-10sec",
	};
	size_t i;
	int err;

	err = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN,
					"dtrace/profile:online",
					dtrace_profile_cpu_online,
					dtrace_profile_cpu_offline);
	if (err < 0)
		return err;
	dtrace_profile_hp = err;
	err = dtrace_register(def, &dtrace_profile_ops, NULL,
			      &dtrace_prov_profile);
	if (err) {
		cpuhp_remove_state_nocalls(dtrace_profile_hp);
		dtrace_profile_hp = -1;
		return err;
	}
	mutex_lock(&dtrace_lock);
	for (i = 0; i < ARRAY_SIZE(defaults); i++) {
		err = dtrace_profile_create(defaults[i], true);
		/* A default shorter than the configured minimum is skipped. */
		if (err == -ERANGE)
			err = 0;
		if (err)
			break;
	}
	mutex_unlock(&dtrace_lock);
	if (err) {
		dtrace_unregister(dtrace_prov_profile);
		dtrace_prov_profile = NULL;
		dtrace_profile_total = 0;
		cpuhp_remove_state_nocalls(dtrace_profile_hp);
		dtrace_profile_hp = -1;
	}
	return err;
}

static void dtrace_prov_profile_exit(void)
{
	if (dtrace_profile_hp >= 0)
		cpuhp_remove_state_nocalls(dtrace_profile_hp);
	dtrace_profile_hp = -1;
	dtrace_unregister(dtrace_prov_profile);
	dtrace_prov_profile = NULL;
	dtrace_profile_total = 0;	/* every probe went with the provider */
}

#endif
