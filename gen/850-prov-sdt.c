/* The sdt provider: sdt:GROUP::EVENT for every tracepoint of the kernel */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One probe per trace event of the kernel and of loaded modules that is
 * backed by a tracepoint, named as Oracle's DTrace for Linux names them:
 * tracefs available_events' "group:event" is sdt:group::event (the group,
 * the event's TRACE_SYSTEM, in the module field; the function field
 * empty).  Left out, as in Oracle's: the syscalls group (the syscall
 * provider's; those events have no tracepoint of their own anyway) and
 * kprobes/uprobes/synthetic events (no tracepoint).  arg0..arg4 are the
 * tracepoint's first five arguments (its TP_PROTO, not the trace event's
 * recorded fields, which are what Oracle's sdt probes show).
 *
 * NAMES
 *  A module sees tracepoints (for_each_kernel_tracepoint: name, no
 *  group) but cannot list the kernel image's trace events, which carry
 *  the group (their list is not exported).  So dtrace(1) hands over the
 *  "group:event" lines of tracefs available_events (DTRACEIOC_SDTNAMES),
 *  and the module checks each pair with the kernel's own event registry:
 *  trace_get_event_file(NULL, group, event) must find the event, and its
 *  trace_event_call must be a tracepoint event whose tracepoint is the
 *  kernel image's tracepoint of that name.  Modules' events need no help:
 *  each module carries its trace_event_call table (mod->trace_events,
 *  with the group in call->class->system and the tracepoint in call->tp).
 *  The tracepoint module notifier replays MODULE_STATE_COMING for every
 *  loaded module when it is registered, and MODULE_STATE_GOING when it is
 *  unregistered, and reports modules loaded and unloaded later: their
 *  probes come and go with them (retired like dtrace_probe_destroy while
 *  consumers run: the callback is unregistered in the notifier, before the
 *  kernel checks that the module's tracepoints are quiescent and frees
 *  them).
 *
 * MECHANISM
 *  tracepoint_probe_register(tp, dtrace_sdt_cb, s) while the probe is
 *  enabled, tracepoint_probe_unregister when it is disabled: a disabled
 *  sdt probe costs nothing (the tracepoint's static key stays off unless
 *  someone else uses it).  data is the probe's own struct dtrace_sdt_tp,
 *  whose struct dtrace_tp_hook does the attaching (845-tracepoint.c,
 *  shared with the proc, sched and io providers).
 *
 *  One callback for every tracepoint, whatever its prototype: declared
 *  as (void *data, u64 a0, ..., u64 a4), the six integer argument
 *  registers of the x86-64 SysV ABI (rdi, rsi, rdx, rcx, r8, r9).  This
 *  is sound because:
 *   - the caller passes data and the tracepoint's arguments in exactly
 *     those registers (every tracepoint argument is a pointer or an
 *     integer of at most 64 bits; nothing is passed in SSE registers in
 *     the kernel, which is built with -mno-sse); a tracepoint with fewer
 *     arguments leaves the rest of the registers with unspecified values,
 *     which the callback reads but which name nothing (arg beyond the
 *     tracepoint's arity is garbage, as an unused register);
 *   - the callback never reads the stack arguments: a tracepoint with
 *     more than five arguments passes the rest on the stack, where the
 *     caller (SysV: the caller pops) leaves and removes them; reading
 *     stack words the caller did not pass could run past the top of an
 *     IRQ stack into its guard page, so arity-blind code must not;
 *   - the return type is void on both sides;
 *   - the indirect call is not type-checked: kCFI (CONFIG_CFI_CLANG, and
 *     FineIBT, which needs it) is off in Debian's 6.1 and 6.12 kernels,
 *     and the provider refuses to build when it is on.  Under IBT
 *     (6.12) the callback starts with endbr64 like every module function
 *     whose address is taken.
 *  A narrower argument (int, bool, u32) is the register as the caller
 *  left it: the low bits are the value, the upper bits are unspecified
 *  by the ABI (in practice GCC's 32-bit moves zero them, so a negative
 *  int shows as 0x00000000ffffffff).  dtrace(1) types args[] from the
 *  tracepoint's BTF prototype (btf_trace_EVENT), which gives each
 *  argument its width, sign and count; the stack arguments would need
 *  per-arity callbacks (not done: args[] stop at the fifth).
 *
 * PROBE CONTEXT
 *  Tracepoint callbacks run with preemption disabled under RCU-sched, or
 *  (6.1's _rcuidle tracepoints) under tracepoint_srcu with RCU made to
 *  watch; the callback disables preemption itself too.  It reads the
 *  probe's ID from data and calls dtrace_probe_args (recursion guard,
 *  masked interrupts).  Structures a callback may see are freed only
 *  after tracepoint_synchronize_unregister() (SRCU and RCU).
 *
 * Compiled with CONFIG_DTRACE_PROVIDER_SDT on kernels with
 * CONFIG_EVENT_TRACING and without CONFIG_CFI_CLANG (DTRACE_HAVE_TP,
 * 845-tracepoint.c); listed in the
 * provider table (890-providers.c).
 * Owns: the sdt provider, DTRACEIOC_SDTNAMES, its tracepoint module
 * notifier.  Calls: 320-provider.c, dtrace_probe_args() (502-fire.c),
 * 845-tracepoint.c, the kernel's tracepoint and trace event API.
 */
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SDT) && defined(DTRACE_HAVE_TP)

#define DTRACE_SDT_HASH_BITS	11
#define DTRACE_SDT_NARGS	5	/* the argument registers after data */

/* One tracepoint the provider knows. */
struct dtrace_sdt_tp {
	struct list_head link;		/* dtrace_sdt_tps (dtrace_lock) */
	struct hlist_node hash;		/* dtrace_sdt_kernel_hash: image only */
	struct dtrace_tp_hook hook;	/* tracepoint, dtrace_sdt_cb, self */
	struct module *mod;		/* NULL: the kernel image */
	u32 id;				/* its probe, 0: none yet */
};

static struct dtrace_provider *dtrace_prov_sdt;
static LIST_HEAD(dtrace_sdt_tps);
/* The kernel image's tracepoints by name: built at init, then fixed. */
static struct hlist_head dtrace_sdt_kernel_hash[1 << DTRACE_SDT_HASH_BITS];
static u32 dtrace_sdt_nkernel;		/* tracepoints of the image */
static u32 dtrace_sdt_nregistered;	/* callbacks registered now */
static bool dtrace_sdt_have_kernel;	/* DTRACEIOC_SDTNAMES was given */
static bool dtrace_sdt_notifier;	/* module notifier registered */
static int dtrace_sdt_err;		/* first error building the table */

static u32 dtrace_sdt_hash(const char *name)
{
	u32 h = 2166136261u;

	while (*name)
		h = (h ^ (u8)*name++) * 16777619u;
	return hash_32(h, DTRACE_SDT_HASH_BITS);
}

/* ---- probe context ---- */

/*
 * Every enabled sdt probe's callback: see MECHANISM above for why one
 * prototype serves every tracepoint.
 */
static void notrace dtrace_sdt_cb(void *data, u64 a0, u64 a1, u64 a2,
				  u64 a3, u64 a4)
{
	struct dtrace_sdt_tp *s = data;
	u64 args[DTRACE_MAXARGS] = { a0, a1, a2, a3, a4 };
	u32 id;

	preempt_disable_notrace();
	id = READ_ONCE(s->hook.armed);
	if (likely(id))
		dtrace_probe_args(id, NULL, args);
	preempt_enable_notrace();
}

static void dtrace_sdt_hook_init(struct dtrace_sdt_tp *s,
				 struct tracepoint *tp)
{
	s->hook.tp = tp;
	s->hook.cb = (void *)dtrace_sdt_cb;
	s->hook.data = s;
}

/* ---- enabling (dtrace_lock held) ---- */

static int dtrace_sdt_enable(void *arg, u32 id, void *parg)
{
	struct dtrace_sdt_tp *s = parg;
	int err;

	err = dtrace_tp_arm(&s->hook, id);
	if (!err)
		dtrace_sdt_nregistered++;
	return err;
}

static void dtrace_sdt_disable(void *arg, u32 id, void *parg)
{
	struct dtrace_sdt_tp *s = parg;

	if (!dtrace_tp_disarm(&s->hook))
		dtrace_sdt_nregistered--;
}

static const struct dtrace_pops dtrace_sdt_ops = {
	.provide = NULL,	/* probes are made when their names are known */
	.enable = dtrace_sdt_enable,
	.disable = dtrace_sdt_disable,
};

/* dtrace_lock held: give s its probe sdt:group::name. */
static int dtrace_sdt_create(struct dtrace_sdt_tp *s, const char *group)
{
	u32 id;
	int err;

	lockdep_assert_held(&dtrace_lock);
	if (s->id)
		return 0;
	err = dtrace_probe_create(dtrace_prov_sdt, group, "", s->hook.tp->name, 0,
				  s, &id);
	if (err == -EEXIST)	/* another tracepoint of the same name */
		return err;
	if (!err)
		s->id = id;
	return err;
}

/* ---- the kernel image's tracepoints ---- */

static void dtrace_sdt_add_kernel(struct tracepoint *tp, void *priv)
{
	struct dtrace_sdt_tp *s;

	if (dtrace_sdt_err)
		return;
	if (strlen(tp->name) >= DTRACE_NAMELEN)
		return;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		dtrace_sdt_err = -ENOMEM;
		return;
	}
	dtrace_sdt_hook_init(s, tp);
	list_add_tail(&s->link, &dtrace_sdt_tps);
	hlist_add_head(&s->hash,
		       &dtrace_sdt_kernel_hash[dtrace_sdt_hash(tp->name)]);
	dtrace_sdt_nkernel++;
}

static struct dtrace_sdt_tp *dtrace_sdt_kernel_find(const char *name)
{
	struct dtrace_sdt_tp *s;

	hlist_for_each_entry(s, &dtrace_sdt_kernel_hash[dtrace_sdt_hash(name)],
			     hash) {
		if (!strcmp(s->hook.tp->name, name))
			return s;
	}
	return NULL;
}

/*
 * Is group:event one of the kernel's trace events, and backed by the
 * image's tracepoint s?  Asks the kernel's event registry (process
 * context; takes and drops a reference on the event).
 */
static bool dtrace_sdt_verify(const char *group, const char *event,
			      struct dtrace_sdt_tp *s)
{
	struct trace_event_file *file;
	struct trace_event_call *call;
	bool ok;

	file = trace_get_event_file(NULL, group, event);
	if (IS_ERR_OR_NULL(file))
		return false;
	call = file->event_call;
	ok = call && (call->flags & TRACE_EVENT_FL_TRACEPOINT) &&
	     call->tp == s->hook.tp;
	trace_put_event_file(file);
	return ok;
}

/*
 * dtrace_lock held: has s its probe already, in group (true), or in
 * another group (*other)?
 */
static bool dtrace_sdt_known(struct dtrace_sdt_tp *s, const char *group,
			     bool *other)
{
	struct dtrace_probe *p = s->id ? dtrace_probe_get(s->id) : NULL;

	*other = false;
	if (!p)
		return false;
	if (!strcmp(p->desc.mod, group))
		return true;
	*other = true;
	return false;
}

/* A name as tracefs prints it: letters, digits, '_', '-', '.'. */
static bool dtrace_sdt_name_ok(const char *s, size_t max)
{
	size_t n = 0;

	for (; *s; s++, n++) {
		if (!isalnum(*s) && *s != '_' && *s != '-' && *s != '.')
			return false;
	}
	return n > 0 && n < max;
}

static long dtrace_sdt_ioctl(void __user *arg)
{
	struct dtrace_ioc_sdtnames r;
	char *str = NULL, *p, *end;
	u32 i;
	long err;

	err = dtrace_ioc_in(&r, arg, sizeof(r));
	if (err)
		return err;
	if (r.nnames > DTRACE_SDT_MAXNAMES || r.strsize > DTRACE_SDT_MAXSTR ||
	    (r.nnames && !r.strsize))
		return -EINVAL;
	r.added = r.known = r.notp = r.rejected = 0;
	if (r.nnames) {
		str = kvmalloc(r.strsize + 1, GFP_KERNEL);
		if (!str)
			return -ENOMEM;
		if (copy_from_user(str, u64_to_user_ptr(r.strtab),
				   r.strsize)) {
			kvfree(str);
			return -EFAULT;
		}
		str[r.strsize] = '\0';
	}
	p = str;
	end = str + r.strsize;
	for (i = 0; i < r.nnames; i++) {
		const char *group, *event;
		struct dtrace_sdt_tp *s;
		bool known, other;

		if (p >= end)
			break;
		group = p;
		p += strlen(p) + 1;
		if (p >= end) {
			r.rejected++;
			break;
		}
		event = p;
		p += strlen(p) + 1;
		if (p > end) {		/* no NUL of its own */
			r.rejected++;
			break;
		}
		if (!dtrace_sdt_name_ok(group, DTRACE_MODNAMELEN) ||
		    !dtrace_sdt_name_ok(event, DTRACE_NAMELEN)) {
			r.rejected++;
			continue;
		}
		s = dtrace_sdt_kernel_find(event);
		if (!s) {
			r.notp++;
			continue;
		}
		mutex_lock(&dtrace_lock);
		known = dtrace_sdt_known(s, group, &other);
		mutex_unlock(&dtrace_lock);
		if (known) {
			r.known++;
			continue;
		}
		if (other) {	/* the event has its probe, in another group */
			r.notp++;
			continue;
		}
		if (!dtrace_sdt_verify(group, event, s)) {
			r.notp++;
			continue;
		}
		mutex_lock(&dtrace_lock);
		err = dtrace_sdt_create(s, group);
		if (!err)
			r.added++;
		else if (err == -EEXIST)
			r.known++;
		/* Probes made by retained enablings are enabled now. */
		dtrace_commit();
		mutex_unlock(&dtrace_lock);
		if (err && err != -EEXIST)
			break;
		err = 0;
		cond_resched();
	}
	r.rejected += r.nnames - min(r.nnames, r.added + r.known + r.notp +
				     r.rejected);
	mutex_lock(&dtrace_lock);
	if (r.nnames && !err && (r.flags & DTRACE_SDT_KERNEL))
		dtrace_sdt_have_kernel = true;
	r.nprobes = dtrace_prov_sdt->nprobes;
	r.flags = dtrace_sdt_have_kernel ? DTRACE_SDT_KERNEL : 0;
	mutex_unlock(&dtrace_lock);
	kvfree(str);
	if (!err && copy_to_user(arg, &r, sizeof(r)))
		err = -EFAULT;
	return err;
}

/* ---- modules' tracepoints ---- */

static void dtrace_sdt_mod_coming(struct module *mod)
{
	unsigned int i;

	if (mod == THIS_MODULE || !mod->trace_events)
		return;
	mutex_lock(&dtrace_lock);
	for (i = 0; i < mod->num_trace_events; i++) {
		struct trace_event_call *call = mod->trace_events[i];
		struct dtrace_sdt_tp *s;
		const char *group;

		if (!call || !(call->flags & TRACE_EVENT_FL_TRACEPOINT) ||
		    !call->tp || !call->class || !call->class->system)
			continue;
		group = call->class->system;
		if (!dtrace_sdt_name_ok(group, DTRACE_MODNAMELEN) ||
		    !dtrace_sdt_name_ok(call->tp->name, DTRACE_NAMELEN))
			continue;
		s = kzalloc(sizeof(*s), GFP_KERNEL);
		if (!s)
			break;
		dtrace_sdt_hook_init(s, call->tp);
		s->mod = mod;
		INIT_HLIST_NODE(&s->hash);
		list_add_tail(&s->link, &dtrace_sdt_tps);
		/* Its probe exists at once: retained enablings may want it. */
		if (dtrace_sdt_create(s, group)) {
			list_del(&s->link);
			kfree(s);
		}
	}
	dtrace_commit();
	mutex_unlock(&dtrace_lock);
}

/*
 * The module goes: its probes are retired (disabled: the callbacks are
 * unregistered) before the kernel checks its tracepoints are quiescent
 * and frees them; a callback still running is waited for.
 */
static void dtrace_sdt_mod_going(struct module *mod)
{
	struct dtrace_sdt_tp *s, *sn;
	struct dtrace_probe *p, *pn;
	LIST_HEAD(gone);
	LIST_HEAD(tps);

	mutex_lock(&dtrace_lock);
	list_for_each_entry_safe(s, sn, &dtrace_sdt_tps, link) {
		if (s->mod != mod || !mod)
			continue;
		p = s->id ? dtrace_probe_get(s->id) : NULL;
		if (p && p->prov == dtrace_prov_sdt) {
			dtrace_probe_retire(p);	/* disables it */
			list_add_tail(&p->prov_link, &gone);
		}
		list_move_tail(&s->link, &tps);
	}
	mutex_unlock(&dtrace_lock);
	if (list_empty(&tps))
		return;
	tracepoint_synchronize_unregister();	/* SRCU and RCU */
	list_for_each_entry_safe(p, pn, &gone, prov_link)
		dtrace_probe_free(dtrace_prov_sdt, p);
	list_for_each_entry_safe(s, sn, &tps, link)
		kfree(s);
}

static int dtrace_sdt_modnotify(struct notifier_block *nb, unsigned long val,
				void *data)
{
	struct tp_module *tpm = data;

	if (!tpm || !tpm->mod)
		return NOTIFY_DONE;
	if (val == MODULE_STATE_COMING)
		dtrace_sdt_mod_coming(tpm->mod);
	else if (val == MODULE_STATE_GOING)
		dtrace_sdt_mod_going(tpm->mod);
	return NOTIFY_DONE;
}

static struct notifier_block dtrace_sdt_nb = {
	.notifier_call = dtrace_sdt_modnotify,
};

/* ---- start and stop ---- */

/* Status file lines (dtrace_lock held). */
static void dtrace_sdt_status(struct seq_file *m)
{
	seq_printf(m, "sdt_kernel_tracepoints: %u\n", dtrace_sdt_nkernel);
	seq_printf(m, "sdt_probes: %u\n",
		   dtrace_prov_sdt ? dtrace_prov_sdt->nprobes : 0);
	seq_printf(m, "sdt_tracepoints_registered: %u\n",
		   dtrace_sdt_nregistered);
}

static void dtrace_sdt_free_all(void)
{
	struct dtrace_sdt_tp *s, *sn;

	list_for_each_entry_safe(s, sn, &dtrace_sdt_tps, link) {
		list_del(&s->link);
		kfree(s);
	}
	memset(dtrace_sdt_kernel_hash, 0, sizeof(dtrace_sdt_kernel_hash));
	dtrace_sdt_nkernel = 0;
}

static int dtrace_prov_sdt_init(const struct dtrace_provider_def *def)
{
	int err;

	dtrace_sdt_err = 0;
	for_each_kernel_tracepoint(dtrace_sdt_add_kernel, NULL);
	err = dtrace_sdt_err;
	if (!err)
		err = dtrace_register(def, &dtrace_sdt_ops, NULL,
				      &dtrace_prov_sdt);
	if (err)
		goto fail;
	/* Replays MODULE_STATE_COMING for every loaded module. */
	err = register_tracepoint_module_notifier(&dtrace_sdt_nb);
	if (err) {
		dtrace_unregister(dtrace_prov_sdt);
		dtrace_prov_sdt = NULL;
		goto fail;
	}
	dtrace_sdt_notifier = true;
	return 0;
fail:
	dtrace_sdt_free_all();
	return err;
}

static void dtrace_prov_sdt_exit(void)
{
	if (!dtrace_prov_sdt)
		return;
	/* Replays MODULE_STATE_GOING: the modules' probes go. */
	if (dtrace_sdt_notifier)
		unregister_tracepoint_module_notifier(&dtrace_sdt_nb);
	dtrace_sdt_notifier = false;
	/* Disables every enabled probe: the callbacks are unregistered. */
	dtrace_unregister(dtrace_prov_sdt);
	dtrace_prov_sdt = NULL;
	/* No callback still runs or sees a dtrace_sdt_tp after this. */
	tracepoint_synchronize_unregister();
	dtrace_sdt_free_all();
	dtrace_sdt_have_kernel = false;
}

#else /* no sdt provider */

static long dtrace_sdt_ioctl(void __user *arg)
{
	return -ENOTTY;
}

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SDT)
/* Configured, but the kernel cannot carry it: say so once at load. */
static void dtrace_sdt_status(struct seq_file *m)
{
}

static int dtrace_prov_sdt_init(const struct dtrace_provider_def *def)
{
	pr_info("sdt provider left out: the kernel lacks CONFIG_EVENT_TRACING or has CONFIG_CFI_CLANG (tracepoint callbacks would be type-checked)\n");
	return 0;
}

static void dtrace_prov_sdt_exit(void)
{
}
#endif

#endif
