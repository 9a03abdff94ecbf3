/* The fbt provider: entry and return of kernel and module functions */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fbt:MODULE:FUNCTION:entry and fbt:MODULE:FUNCTION:return, MODULE being
 * "vmlinux" for the kernel image or a module's name.  entry: arg0..arg5
 * are the function's first six (integer) arguments.  return: arg1 is the
 * return value; arg0 would be the offset of the returning instruction
 * (DTrace), which a return trampoline cannot know: it is -1, as in
 * Oracle's Linux DTrace.
 *
 * MECHANISM (no text is written by this module; no trap on entry)
 *  - Entry: ONE struct ftrace_ops (dtrace_fbt_ops) whose filter holds
 *    exactly the ftrace call sites of the enabled entry probes.  ftrace
 *    patches the sites through the kernel's own text_poke (Xen-PV aware)
 *    and shares them with other tracers (function tracer, kprobe events,
 *    bpftrace).  The callback maps the site's address to the function
 *    through an RCU hash (dtrace_fbt_sitehash) and fires the entry probe
 *    with the argument registers (ftrace_regs: DYNAMIC_FTRACE_WITH_ARGS,
 *    no FTRACE_OPS_FL_SAVE_REGS needed).  ftrace's recursion protection
 *    (no FTRACE_OPS_FL_RECURSION) and FTRACE_OPS_FL_RCU (only called where
 *    RCU is watching) guard the callback; dtrace_probe_enter() is the
 *    framework's guard against firing inside probe context.
 *  - Return: one kretprobe per address (register_kretprobe); at an ftrace
 *    site the kernel uses kprobes-on-ftrace, so no trap is taken on entry,
 *    and the return goes through the kernel's rethook trampoline.  The
 *    kernel refuses its kprobe blacklist: that return probe is skipped and
 *    counted (status file: return_refused).  (6.12's fprobe would batch
 *    all returns in one ftrace_ops; not used yet: see dtrace.1 BUGS.)
 *  - Batching: enable/disable only mark the function; the framework calls
 *    commit (dtrace_fbt_commit) after each batch, which changes the
 *    filter with one ftrace_set_filter_ips() per direction (one code
 *    update for thousands of functions), registers the ops when the first
 *    site is added and unregisters it before the filter would become empty
 *    (an empty filter means "every function" to ftrace).
 *
 * FUNCTION LIST
 *  The module cannot walk kallsyms (not exported), so dtrace(1) supplies
 *  (address, module, function) entries with DTRACEIOC_FBTSYMS, read from
 *  tracefs available_filter_functions and /proc/kallsyms.  Each entry is
 *  checked: sprint_symbol(addr) must print "func+0x0/0xSIZE" and the same
 *  module in brackets (none for vmlinux), and the address must be an
 *  ftrace call site (ftrace_set_filter_ip() on a never-registered scratch
 *  ops, which also proves it is text).  A name found at several addresses
 *  (static functions of several files) is one function with several sites:
 *  its probes fire for all of them.  Probes are made lazily, by provide,
 *  for the functions a description matches (dtrace -l or fbt::: makes them
 *  all).  A module loaded later: the module notifier adds its functions
 *  from the module's own symbol table (struct module's kallsyms) and
 *  creates their probes at MODULE_STATE_COMING; at MODULE_STATE_GOING its
 *  probes are removed (retired like dtrace_probe_destroy: consumers keep
 *  running, the probes stop firing) and its sites leave the filter and the
 *  kretprobes are unregistered before its text is freed.
 *
 * LEFT OUT (each class, and why; also in dtrace.1)
 *  - functions without an ftrace call site (notrace, noinstr, entry code,
 *    __init code after boot, inline functions): nothing to attach to
 *    without writing a trap ourselves; ftrace's list is the safe list.
 *  - names with a '.' (foo.isra.0, foo.cold, foo.part.1): compiler clones
 *    and cold parts, not functions of the source with the ABI's arguments.
 *  - dtrace.ko's own functions, and the kernel functions probe context
 *    calls (dtrace_fbt_exclude[]: time, fault-safe copies, stack walking,
 *    RCU, preemption, interrupt masking incl. Xen PV's, irq_work, locks,
 *    kprobe/rethook/ftrace machinery): they would only count recursion
 *    drops, or re-enter the tracing machinery.
 *  - return probes the kernel's kprobe blacklist refuses (skipped, counted).
 *
 * Compiled with CONFIG_DTRACE_PROVIDER_FBT on kernels with
 * CONFIG_DYNAMIC_FTRACE_WITH_ARGS and CONFIG_KRETPROBES; listed in the
 * provider table (890-providers.c).
 * Owns: the fbt provider, DTRACEIOC_FBTSYMS, its module notifier.
 * Calls: 320-provider.c (probes, retire/free), 310-glob.c,
 * dtrace_probe_args() (502-fire.c).
 */
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_FBT) && \
	IS_ENABLED(CONFIG_DYNAMIC_FTRACE_WITH_ARGS) && \
	IS_ENABLED(CONFIG_KRETPROBES)

#define DTRACE_FBT_HASH_BITS	15
#define DTRACE_FBT_NARGS	6
/*
 * stack() starts at the probed function's caller, as in DTrace: frames
 * after dtrace.ko's own to skip.  Entry: ftrace_ops_assist_func, the
 * ftrace trampoline, the function itself (its call site).  Return:
 * kretprobe_rethook_handler, rethook_trampoline_handler,
 * arch_rethook_trampoline_callback, arch_rethook_trampoline.  (Seen on
 * 6.1 and 6.12.)
 */
#define DTRACE_FBT_AFRAMES_ENTRY	3
#define DTRACE_FBT_AFRAMES_RETURN	4

struct dtrace_fbt_func;

struct dtrace_fbt_krp {
	struct kretprobe rp;
	struct dtrace_fbt_func *func;
};

/* One address of a function. */
struct dtrace_fbt_site {
	struct hlist_node hash;		/* dtrace_fbt_sitehash by ip, RCU */
	struct dtrace_fbt_site *next;	/* func->sites */
	struct dtrace_fbt_func *func;
	unsigned long addr;		/* the symbol */
	unsigned long ip;		/* its ftrace call site */
	struct dtrace_fbt_krp *krp;	/* return probe, when registered */
	bool in_filter;			/* ip is in dtrace_fbt_ops' filter */
};

struct dtrace_fbt_mod;

struct dtrace_fbt_func {
	struct list_head link;		/* mod->funcs */
	struct hlist_node hash;		/* dtrace_fbt_namehash */
	struct list_head pend;		/* dtrace_fbt_pending */
	struct dtrace_fbt_mod *mod;
	struct dtrace_fbt_site *sites;
	u32 entry_id, return_id;	/* 0: no probe */
	bool entry_want, return_want;	/* enabled by the framework */
	bool pending;
	char name[];
};

struct dtrace_fbt_mod {
	struct list_head link;		/* dtrace_fbt_mods */
	struct list_head funcs;
	u32 nfuncs;
	char name[DTRACE_MODNAMELEN];
};

static struct dtrace_provider *dtrace_prov_fbt;
static struct hlist_head *dtrace_fbt_sitehash;	/* [1 << HASH_BITS] */
static struct hlist_head *dtrace_fbt_namehash;	/* [1 << HASH_BITS] */
static LIST_HEAD(dtrace_fbt_mods);
static LIST_HEAD(dtrace_fbt_pending);
static DEFINE_MUTEX(dtrace_fbt_scratch_lock);
static struct ftrace_ops dtrace_fbt_scratch;	/* never registered */
static bool dtrace_fbt_registered;
static bool dtrace_fbt_have_kernel;
static u32 dtrace_fbt_nfuncs, dtrace_fbt_nsites, dtrace_fbt_nfilter;
static u32 dtrace_fbt_nkrp;
static u64 dtrace_fbt_return_refused, dtrace_fbt_filter_errors;
static u64 dtrace_fbt_mem;			/* bytes of the function table */

/* ---- probe context ---- */

static struct dtrace_fbt_site *dtrace_fbt_site_find(unsigned long ip)
{
	struct dtrace_fbt_site *s;

	hlist_for_each_entry_rcu_notrace(s, &dtrace_fbt_sitehash[hash_long(ip,
					 DTRACE_FBT_HASH_BITS)], hash) {
		if (s->ip == ip)
			return s;
	}
	return NULL;
}

static __always_inline u64 dtrace_fbt_arg(struct ftrace_regs *fregs, int n)
{
#ifdef ftrace_regs_get_argument
	return ftrace_regs_get_argument(fregs, n);
#else
	return regs_get_kernel_argument(&fregs->regs, n);
#endif
}

static void notrace dtrace_fbt_entry(unsigned long ip, unsigned long pip,
				     struct ftrace_ops *op,
				     struct ftrace_regs *fregs)
{
	u64 args[DTRACE_MAXARGS] = { 0 };
	struct dtrace_fbt_site *s;
	u32 id;
	int i;

	s = dtrace_fbt_site_find(ip);
	if (!s || !fregs)
		return;
	id = READ_ONCE(s->func->entry_id);
	if (!id)
		return;
	for (i = 0; i < DTRACE_FBT_NARGS; i++)
		args[i] = dtrace_fbt_arg(fregs, i);
	dtrace_probe_args(id, NULL, args);
}

static int notrace dtrace_fbt_return(struct kretprobe_instance *ri,
				     struct pt_regs *regs)
{
	struct dtrace_fbt_krp *k =
		container_of(get_kretprobe(ri), struct dtrace_fbt_krp, rp);
	u64 args[DTRACE_MAXARGS] = { (u64)-1, regs_return_value(regs) };
	u32 id = READ_ONCE(k->func->return_id);

	if (id)
		dtrace_probe_args(id, NULL, args);
	return 0;
}

static struct ftrace_ops dtrace_fbt_ops = {
	.func = dtrace_fbt_entry,
	.flags = FTRACE_OPS_FL_RCU,
};

/* ---- what is left out ---- */

/*
 * Kernel functions probe context calls (200-probe-ctx.c, the DIF
 * emulator, buffers, the platform layer), and the tracing machinery.
 * Patterns, matched with dtrace_glob_match.
 */
static const char *const dtrace_fbt_exclude[] = {
	/* time, and the clocksources it reads */
	"ktime_get_*fast_ns", "ktime_get_mono_fast_ns", "sched_clock*",
	"native_sched_clock*", "pvclock_*", "kvm_clock_*", "kvm_sched_clock*",
	"xen_clocksource*", "xen_sched_clock*", "read_tsc", "rdtsc*",
	"read_hpet", "hpet_read*", "acpi_pm_read*", "*clocksource_read*",
	"dummy_clock_read", "jiffies_read",
	/* fault-safe memory access */
	"copy_from_kernel_nofault*", "copy_from_user_nofault",
	"copy_to_user_nofault", "__copy_from_user_inatomic*",
	"copy_user_*", "nmi_uaccess_okay", "fixup_exception", "ex_handler_*",
	"search_exception_tables", "search_*extable*", "__search_exception*",
	"do_page_fault", "exc_page_fault", "*handle_page_fault*",
	"kernelmode_fixup_or_oops", "kernel_text_address", "__kernel_text_address",
	"is_module_text_address", "__module_address", "__module_text_address",
	"is_ftrace_trampoline", "is_bpf_text_address", "bpf_*ksym*",
	/* stack walking */
	"stack_trace_save*", "arch_stack_walk*", "unwind_*", "__unwind_*",
	"orc_*", "__orc_*", "stack_trace_consume_entry*",
	"in_task_stack", "in_entry_stack", "in_irq_stack", "get_stack_info*",
	/* RCU, preemption, interrupts, locks, credentials */
	"rcu_*", "__rcu_*", "*preempt_count*", "preempt_schedule*",
	"native_save_fl", "native_irq_*", "xen_save_fl*", "xen_restore_fl*",
	"xen_irq_*", "xen_force_evtchn_callback", "check_events",
	"_raw_spin_*", "do_raw_spin_*", "queued_spin_*", "__pv_queued_spin_*",
	"from_kuid*", "from_kgid*", "map_id_up",
	/* deferred work (raise(), stop()) */
	"irq_work_*", "arch_irq_work_raise",
	/* the tracing machinery itself */
	"*kprobe*", "*rethook*", "ftrace_*", "__ftrace_*", "*fprobe*",
	"arch_ftrace_*", "trace_clock*", "perf_*",
};

static bool dtrace_fbt_excluded(const char *mod, const char *name)
{
	size_t i;

	if (strchr(name, '.') || !strcmp(mod, THIS_MODULE->name))
		return true;
	for (i = 0; i < ARRAY_SIZE(dtrace_fbt_exclude); i++)
		if (dtrace_glob_match(dtrace_fbt_exclude[i], name))
			return true;
	return false;
}

/*
 * The ftrace call site of the function at addr, or 0 if it has none.
 * With IBT (6.12) the site follows the function's first instruction, an
 * endbr64 or the 4-byte nop objtool seals it with (addr + 4); without,
 * it is addr.  ftrace_set_filter_ip() on the never-registered scratch ops
 * succeeds for any address inside a call site's 5 bytes, or for a
 * symbol's start when the site lies inside the symbol: so addr + 5 is
 * inside a site only when the site is at addr + 4.
 */
static bool dtrace_fbt_scratch_ok(unsigned long ip)
{
	return !ftrace_set_filter_ip(&dtrace_fbt_scratch, ip, 0, 1);
}

static unsigned long dtrace_fbt_site_of(unsigned long addr)
{
	unsigned long ip = 0;

	mutex_lock(&dtrace_fbt_scratch_lock);
	if (dtrace_fbt_scratch_ok(addr + 5))
		ip = addr + 4;
	else if (dtrace_fbt_scratch_ok(addr))
		ip = addr;
	mutex_unlock(&dtrace_fbt_scratch_lock);
	return ip;
}

/* ---- the function table (dtrace_lock) ---- */

static u32 dtrace_fbt_namehash_of(const char *mod, const char *name)
{
	u32 h = 2166136261u;
	const char *s;

	for (s = mod; *s; s++)
		h = (h ^ (u8)*s) * 16777619u;
	h = (h ^ ':') * 16777619u;
	for (s = name; *s; s++)
		h = (h ^ (u8)*s) * 16777619u;
	return hash_32(h, DTRACE_FBT_HASH_BITS);
}

static struct dtrace_fbt_mod *dtrace_fbt_mod_find(const char *name)
{
	struct dtrace_fbt_mod *m;

	list_for_each_entry(m, &dtrace_fbt_mods, link)
		if (!strcmp(m->name, name))
			return m;
	return NULL;
}

static struct dtrace_fbt_func *dtrace_fbt_func_find(const char *mod,
						    const char *name)
{
	struct dtrace_fbt_func *f;

	hlist_for_each_entry(f, &dtrace_fbt_namehash[
				dtrace_fbt_namehash_of(mod, name)], hash) {
		if (!strcmp(f->name, name) && !strcmp(f->mod->name, mod))
			return f;
	}
	return NULL;
}

static bool dtrace_fbt_known(const char *mod, const char *name,
			     unsigned long addr)
{
	struct dtrace_fbt_func *f = dtrace_fbt_func_find(mod, name);
	struct dtrace_fbt_site *s;

	for (s = f ? f->sites : NULL; s; s = s->next)
		if (s->addr == addr)
			return true;
	return false;
}

static void dtrace_fbt_mark(struct dtrace_fbt_func *f)
{
	if (!f->pending) {
		f->pending = true;
		list_add_tail(&f->pend, &dtrace_fbt_pending);
	}
}

/* dtrace_lock held: add site (addr, ip) to function mod:name. */
static int dtrace_fbt_add(const char *mod, const char *name,
			  unsigned long addr, unsigned long ip,
			  struct dtrace_fbt_func **out)
{
	struct dtrace_fbt_func *f = dtrace_fbt_func_find(mod, name);
	struct dtrace_fbt_site *s;
	struct dtrace_fbt_mod *m;
	size_t len = strlen(name);

	lockdep_assert_held(&dtrace_lock);
	if (!f) {
		m = dtrace_fbt_mod_find(mod);
		if (!m) {
			m = kzalloc(sizeof(*m), GFP_KERNEL);
			if (!m)
				return -ENOMEM;
			strscpy(m->name, mod, sizeof(m->name));
			INIT_LIST_HEAD(&m->funcs);
			list_add_tail(&m->link, &dtrace_fbt_mods);
			dtrace_fbt_mem += sizeof(*m);
		}
		f = kzalloc(sizeof(*f) + len + 1, GFP_KERNEL);
		if (!f)
			return -ENOMEM;
		memcpy(f->name, name, len + 1);
		f->mod = m;
		INIT_LIST_HEAD(&f->pend);
		list_add_tail(&f->link, &m->funcs);
		hlist_add_head(&f->hash, &dtrace_fbt_namehash[
				dtrace_fbt_namehash_of(mod, name)]);
		m->nfuncs++;
		dtrace_fbt_nfuncs++;
		dtrace_fbt_mem += sizeof(*f) + len + 1;
	}
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->func = f;
	s->addr = addr;
	s->ip = ip;
	s->next = f->sites;
	f->sites = s;
	hlist_add_head_rcu(&s->hash,
			   &dtrace_fbt_sitehash[hash_long(ip,
						DTRACE_FBT_HASH_BITS)]);
	dtrace_fbt_nsites++;
	dtrace_fbt_mem += sizeof(*s);
	/* An enabled function gains the new address at the next commit. */
	if (f->entry_want || f->return_want)
		dtrace_fbt_mark(f);
	if (out)
		*out = f;
	return 0;
}

/* ---- provider operations (dtrace_lock held) ---- */

static int dtrace_fbt_create(struct dtrace_fbt_func *f, bool entry)
{
	int err = dtrace_probe_create(dtrace_prov_fbt, f->mod->name, f->name,
				      entry ? "entry" : "return",
				      entry ? DTRACE_FBT_AFRAMES_ENTRY :
					      DTRACE_FBT_AFRAMES_RETURN, f,
				      entry ? &f->entry_id : &f->return_id);

	return err == -EEXIST ? 0 : err;
}

static void dtrace_fbt_provide(void *arg, const struct dtrace_probedesc *d)
{
	bool entry = dtrace_glob_match(d->name, "entry");
	bool ret = dtrace_glob_match(d->name, "return");
	struct dtrace_fbt_mod *m;
	struct dtrace_fbt_func *f;

	if (!entry && !ret)
		return;
	list_for_each_entry(m, &dtrace_fbt_mods, link) {
		if (!dtrace_glob_match(d->mod, m->name))
			continue;
		list_for_each_entry(f, &m->funcs, link) {
			if (!dtrace_glob_match(d->func, f->name))
				continue;
			if ((entry && !f->entry_id &&
			     dtrace_fbt_create(f, true)) ||
			    (ret && !f->return_id &&
			     dtrace_fbt_create(f, false)))
				return;	/* out of probes or memory */
		}
	}
}

static int dtrace_fbt_enable(void *arg, u32 id, void *parg)
{
	struct dtrace_fbt_func *f = parg;

	if (id == f->entry_id)
		f->entry_want = true;
	else
		f->return_want = true;
	dtrace_fbt_mark(f);
	return 0;
}

static void dtrace_fbt_disable(void *arg, u32 id, void *parg)
{
	struct dtrace_fbt_func *f = parg;

	if (id == f->entry_id)
		f->entry_want = false;
	else
		f->return_want = false;
	dtrace_fbt_mark(f);
}

static void dtrace_fbt_destroy(void *arg, u32 id, void *parg)
{
	struct dtrace_fbt_func *f = parg;

	if (id == f->entry_id)
		WRITE_ONCE(f->entry_id, 0);
	else if (id == f->return_id)
		WRITE_ONCE(f->return_id, 0);
}

/*
 * Entry sites change at most dtrace_fbt_chunk at a time, with the CPU
 * given up between changes.  x86's ftrace_replace_code() patches every
 * site of one change without rescheduling (text_poke batches of a few
 * hundred sites, three IPIs to every CPU each): under QEMU TCG one change of
 * all 36k sites of 6.1 holds a CPU for 10-20 s, which under load trips
 * the RCU stall and soft-lockup detectors.  Each change also walks all
 * ftrace records (about 50k) and copies the filter, so tiny chunks cost
 * more in total.  Between chunks: cond_resched() (a quiescent state for
 * RCU) and a short sleep, so the rest of the machine runs.  Measured
 * (6.1 native, TCG, under test/vm/fbt-accept's load, 36,598 sites):
 * 9 changes, 14.1 s in them, the longest 2.0 s (3.1 s at most over four
 * enable/disable rounds); disabling 9 changes, 7.0 s.  The longest change
 * on any of the four configurations: 5.0 s (6.12 Xen PV); figures in
 * test/vm/fbt-accept/README.md.
 * (The minutes of lockups once blamed on small chunks were QEMU's: see
 * test/vm/fbt-accept/accept.host.t.)
 */
#define DTRACE_FBT_CHUNK	4096
#define DTRACE_FBT_MAXCHUNK	65536
#define DTRACE_FBT_PAUSE_MS	10

/* Tunable for measurement (root: /sys/module/dtrace/parameters/). */
static unsigned int dtrace_fbt_chunk = DTRACE_FBT_CHUNK;
module_param_named(fbt_chunk, dtrace_fbt_chunk, uint, 0644);
MODULE_PARM_DESC(fbt_chunk, "fbt entry sites per ftrace filter change (1-65536)");
static u64 dtrace_fbt_changes;		/* ftrace filter changes made */
static u64 dtrace_fbt_change_ns;	/* their total time */
static u64 dtrace_fbt_change_max_ns;	/* the longest one */

/* Time one filter change (status file figures). */
static void dtrace_fbt_timed(u64 t0)
{
	u64 d = ktime_get_ns() - t0;

	dtrace_fbt_changes++;
	dtrace_fbt_change_ns += d;
	if (d > dtrace_fbt_change_max_ns)
		dtrace_fbt_change_max_ns = d;
}

/* Apply sites[0..n) to the filter (add or remove), chunk by chunk. */
static int dtrace_fbt_filter(struct dtrace_fbt_site **sites, u32 n, bool add,
			     unsigned long *buf)
{
	u32 chunk = clamp_t(u32, READ_ONCE(dtrace_fbt_chunk), 1,
			    DTRACE_FBT_MAXCHUNK);
	u32 i = 0, k, j;
	u64 t0;
	int err;

	while (i < n) {
		if (i) {
			cond_resched();
			msleep(DTRACE_FBT_PAUSE_MS);
		}
		k = min_t(u32, n - i, chunk);
		for (j = 0; j < k; j++)
			buf[j] = sites[i + j]->ip;
		t0 = ktime_get_ns();
		if (add && !dtrace_fbt_registered) {
			/* The filter is empty while unregistered. */
			err = ftrace_set_filter_ips(&dtrace_fbt_ops, buf, k,
						    0, 1);
			if (!err) {
				err = register_ftrace_function(&dtrace_fbt_ops);
				if (err)
					ftrace_set_filter_ips(&dtrace_fbt_ops,
							      buf, k, 1, 0);
				else
					dtrace_fbt_registered = true;
			}
		} else if (!add && dtrace_fbt_registered &&
			   dtrace_fbt_nfilter == k) {
			/* The last ones: unregister before it empties. */
			err = unregister_ftrace_function(&dtrace_fbt_ops);
			if (!err) {
				dtrace_fbt_registered = false;
				err = ftrace_set_filter_ips(&dtrace_fbt_ops,
							    buf, k, 1, 0);
			}
		} else {
			err = ftrace_set_filter_ips(&dtrace_fbt_ops, buf, k,
						    !add, 0);
		}
		dtrace_fbt_timed(t0);
		if (err)
			return err;
		for (j = 0; j < k; j++)
			sites[i + j]->in_filter = add;
		dtrace_fbt_nfilter += add ? k : -k;
		i += k;
	}
	return 0;
}

/* Entry: apply the filter changes of the pending functions. */
static void dtrace_fbt_commit_entry(void)
{
	struct dtrace_fbt_site **add, **del, *s;
	struct dtrace_fbt_func *f;
	unsigned long *buf;
	u32 n = 0, nadd = 0, ndel = 0;
	int err = 0;

	list_for_each_entry(f, &dtrace_fbt_pending, pend)
		for (s = f->sites; s; s = s->next)
			if (f->entry_want != s->in_filter)
				n++;
	if (!n)
		return;
	add = kvmalloc_array(n, sizeof(*add), GFP_KERNEL);
	del = kvmalloc_array(n, sizeof(*del), GFP_KERNEL);
	buf = kvmalloc_array(min_t(u32, n, DTRACE_FBT_MAXCHUNK), sizeof(*buf),
			     GFP_KERNEL);
	if (!add || !del || !buf) {
		err = -ENOMEM;
		goto fail;
	}
	list_for_each_entry(f, &dtrace_fbt_pending, pend) {
		for (s = f->sites; s; s = s->next) {
			if (f->entry_want && !s->in_filter)
				add[nadd++] = s;
			else if (!f->entry_want && s->in_filter)
				del[ndel++] = s;
		}
	}
	/* Adding first keeps the filter from emptying while registered. */
	err = dtrace_fbt_filter(add, nadd, true, buf);
	if (!err)
		err = dtrace_fbt_filter(del, ndel, false, buf);
	if (!err)
		goto out;
fail:
	dtrace_fbt_filter_errors++;
	pr_warn_ratelimited("fbt: ftrace refused to change entry sites (%d): %u+%u asked, %u enabled now\n",
			    err, nadd, ndel, dtrace_fbt_nfilter);
out:
	kvfree(add);
	kvfree(del);
	kvfree(buf);
}

/* Return: register and unregister the pending functions' kretprobes. */
static void dtrace_fbt_commit_return(void)
{
	struct dtrace_fbt_func *f;
	struct dtrace_fbt_site *s;
	struct kretprobe **gone;
	struct dtrace_fbt_krp *k;
	u32 n = 0, i;
	int err;

	list_for_each_entry(f, &dtrace_fbt_pending, pend) {
		for (s = f->sites; s; s = s->next) {
			if (!f->return_want && s->krp)
				n++;
			if (!f->return_want || s->krp)
				continue;
			k = kzalloc(sizeof(*k), GFP_KERNEL);
			if (!k)
				break;
			k->func = f;
			k->rp.kp.addr = (kprobe_opcode_t *)s->addr;
			k->rp.handler = dtrace_fbt_return;
			err = register_kretprobe(&k->rp);
			if (err) {
				kfree(k);
				dtrace_fbt_return_refused++;
				pr_info_ratelimited("fbt: %s:%s:return: the kernel refuses a return probe at %pS (%d)\n",
						    f->mod->name, f->name,
						    (void *)s->addr, err);
				continue;
			}
			s->krp = k;
			dtrace_fbt_nkrp++;
			cond_resched();	/* each one is an ftrace change */
		}
	}
	if (!n)
		return;
	gone = kvmalloc_array(n, sizeof(*gone), GFP_KERNEL);
	i = 0;
	list_for_each_entry(f, &dtrace_fbt_pending, pend) {
		for (s = f->sites; s; s = s->next) {
			if (f->return_want || !s->krp)
				continue;
			if (gone)
				gone[i++] = &s->krp->rp;
			else
				unregister_kretprobe(&s->krp->rp);
		}
	}
	if (gone)
		unregister_kretprobes(gone, i);
	/* A handler that read the kretprobe before it went is done now. */
	synchronize_rcu();
	list_for_each_entry(f, &dtrace_fbt_pending, pend) {
		for (s = f->sites; s; s = s->next) {
			if (f->return_want || !s->krp)
				continue;
			kfree(s->krp);
			s->krp = NULL;
			dtrace_fbt_nkrp--;
		}
	}
	kvfree(gone);
}

static void dtrace_fbt_commit(void *arg)
{
	struct dtrace_fbt_func *f, *n;

	lockdep_assert_held(&dtrace_lock);
	if (list_empty(&dtrace_fbt_pending))
		return;
	dtrace_fbt_commit_entry();
	dtrace_fbt_commit_return();
	list_for_each_entry_safe(f, n, &dtrace_fbt_pending, pend) {
		list_del_init(&f->pend);
		f->pending = false;
	}
}

static const struct dtrace_pops dtrace_fbt_pops = {
	.provide = dtrace_fbt_provide,
	.enable = dtrace_fbt_enable,
	.disable = dtrace_fbt_disable,
	.destroy = dtrace_fbt_destroy,
	.commit = dtrace_fbt_commit,
};

/* ---- removing a module's functions (or all of them) ---- */

static void dtrace_fbt_free_func(struct dtrace_fbt_func *f)
{
	struct dtrace_fbt_site *s, *next;

	for (s = f->sites; s; s = next) {
		next = s->next;
		kfree(s);
	}
	kfree(f);
}

/*
 * Remove the functions of module m (NULL: of every module) with their
 * probes, even while consumers use them.  Takes dtrace_lock.
 */
static void dtrace_fbt_remove(struct dtrace_fbt_mod *only)
{
	struct dtrace_fbt_mod *m, *mn;
	struct dtrace_fbt_func *f, *fn;
	struct dtrace_fbt_site *s;
	struct dtrace_probe *p, *pn;
	LIST_HEAD(gone);
	LIST_HEAD(funcs);
	LIST_HEAD(mods);

	mutex_lock(&dtrace_lock);
	list_for_each_entry_safe(m, mn, &dtrace_fbt_mods, link) {
		if (only && m != only)
			continue;
		list_for_each_entry(f, &m->funcs, link) {
			u32 ids[2] = { f->entry_id, f->return_id };
			int i;

			for (i = 0; i < 2; i++) {
				p = ids[i] ? dtrace_probe_get(ids[i]) : NULL;
				if (!p || p->prov != dtrace_prov_fbt)
					continue;
				dtrace_probe_retire(p);	/* disables it */
				list_add_tail(&p->prov_link, &gone);
			}
			f->entry_want = false;
			f->return_want = false;
			dtrace_fbt_mark(f);
		}
	}
	/* Sites leave the filter, kretprobes go, before the text does. */
	dtrace_fbt_commit(NULL);
	list_for_each_entry_safe(m, mn, &dtrace_fbt_mods, link) {
		if (only && m != only)
			continue;
		list_for_each_entry_safe(f, fn, &m->funcs, link) {
			for (s = f->sites; s; s = s->next) {
				hlist_del_rcu(&s->hash);
				dtrace_fbt_nsites--;
				if (s->in_filter)	/* ftrace refused */
					dtrace_fbt_filter_errors++;
			}
			hlist_del(&f->hash);
			list_move_tail(&f->link, &funcs);
			dtrace_fbt_nfuncs--;
		}
		if (!strcmp(m->name, "vmlinux"))
			dtrace_fbt_have_kernel = false;
		list_move_tail(&m->link, &mods);
	}
	mutex_unlock(&dtrace_lock);
	synchronize_rcu();
	list_for_each_entry_safe(p, pn, &gone, prov_link)
		dtrace_probe_free(dtrace_prov_fbt, p);
	list_for_each_entry_safe(f, fn, &funcs, link)
		dtrace_fbt_free_func(f);
	list_for_each_entry_safe(m, mn, &mods, link)
		kfree(m);
	if (list_empty(&dtrace_fbt_mods))
		dtrace_fbt_mem = 0;
}

/* ---- modules loaded later ---- */

static void dtrace_fbt_mod_coming(struct module *mod)
{
	struct mod_kallsyms *ks = rcu_dereference_protected(mod->kallsyms, 1);
	struct dtrace_fbt_mod *m;
	struct dtrace_fbt_func *f;
	unsigned int i;

	if (!ks || mod == THIS_MODULE)
		return;
	for (i = 0; i < ks->num_symtab; i++) {
		const Elf_Sym *sym = &ks->symtab[i];
		const char *name = ks->strtab + sym->st_name;
		unsigned long addr = sym->st_value, ip;
		char t = ks->typetab[i];

		if ((t != 't' && t != 'T') || !*name ||
		    strlen(name) >= DTRACE_FUNCNAMELEN ||
		    !within_module_core(addr, mod) ||
		    within_module_init(addr, mod) ||
		    dtrace_fbt_excluded(mod->name, name))
			continue;
		ip = dtrace_fbt_site_of(addr);
		if (!ip)
			continue;
		mutex_lock(&dtrace_lock);
		if (!dtrace_fbt_known(mod->name, name, addr))
			dtrace_fbt_add(mod->name, name, addr, ip, NULL);
		mutex_unlock(&dtrace_lock);
	}
	/* Its probes exist at once: retained enablings may want them. */
	mutex_lock(&dtrace_lock);
	m = dtrace_fbt_mod_find(mod->name);
	if (m) {
		list_for_each_entry(f, &m->funcs, link) {
			if ((!f->entry_id && dtrace_fbt_create(f, true)) ||
			    (!f->return_id && dtrace_fbt_create(f, false)))
				break;
		}
	}
	dtrace_fbt_commit(NULL);
	mutex_unlock(&dtrace_lock);
}

static int dtrace_fbt_modnotify(struct notifier_block *nb, unsigned long val,
				void *data)
{
	struct module *mod = data;
	struct dtrace_fbt_mod *m;

	if (val == MODULE_STATE_COMING) {
		dtrace_fbt_mod_coming(mod);
	} else if (val == MODULE_STATE_GOING) {
		mutex_lock(&dtrace_lock);
		m = dtrace_fbt_mod_find(mod->name);
		mutex_unlock(&dtrace_lock);
		/* Only this notifier removes modules' entries. */
		if (m)
			dtrace_fbt_remove(m);
	}
	return NOTIFY_DONE;
}

static struct notifier_block dtrace_fbt_nb = {
	.notifier_call = dtrace_fbt_modnotify,
};

/* ---- DTRACEIOC_FBTSYMS ---- */

/* Check one entry; 0 if it is what it claims, else a message in msg. */
static int dtrace_fbt_check(const char *mod, const char *name, u64 addr,
			    char *msg, size_t len)
{
	char buf[KSYM_SYMBOL_LEN];
	size_t nl = strlen(name);
	const char *p;

	sprint_symbol(buf, (unsigned long)addr);
	p = buf + nl;
	if (strncmp(buf, name, nl) || strncmp(p, "+0x0/0x", 7))
		goto bad;
	p += 7;
	if (!isxdigit(*p))
		goto bad;
	while (isxdigit(*p))
		p++;
	if (!strcmp(mod, "vmlinux")) {
		if (*p)
			goto bad;
		return 0;
	}
	if (p[0] != ' ' || p[1] != '[' || strncmp(p + 2, mod, strlen(mod)) ||
	    strcmp(p + 2 + strlen(mod), "]"))
		goto bad;
	return 0;
bad:
	snprintf(msg, len, "0x%llx is %s, not the start of %s in %s",
		 (unsigned long long)addr, buf, name, mod);
	return -EINVAL;
}

static long dtrace_fbt_ioctl(void __user *arg)
{
	struct dtrace_ioc_fbtsyms *r;
	struct dtrace_fbt_sym *syms = NULL;
	unsigned long *ips = NULL;
	char *str = NULL;
	u32 i;
	long err;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	err = dtrace_ioc_in(r, arg, sizeof(*r));
	if (err)
		goto out;
	if (r->nsyms > DTRACE_FBT_MAXSYMS || r->strsize > DTRACE_FBT_MAXSTR ||
	    (r->nsyms && !r->strsize)) {
		err = -EINVAL;
		goto out;
	}
	r->added = r->known = r->nosite = r->excluded = r->rejected = 0;
	r->first_rejected = ~0U;
	memset(r->err_msg, 0, sizeof(r->err_msg));
	if (r->nsyms) {
		syms = kvmalloc_array(r->nsyms, sizeof(*syms), GFP_KERNEL);
		ips = kvcalloc(r->nsyms, sizeof(*ips), GFP_KERNEL);
		str = kvmalloc(r->strsize + 1, GFP_KERNEL);
		if (!syms || !ips || !str) {
			err = -ENOMEM;
			goto out;
		}
		if (copy_from_user(syms, u64_to_user_ptr(r->syms),
				   (size_t)r->nsyms * sizeof(*syms)) ||
		    copy_from_user(str, u64_to_user_ptr(r->strtab),
				   r->strsize)) {
			err = -EFAULT;
			goto out;
		}
		str[r->strsize] = '\0';
	}
	/* Check outside dtrace_lock: sprint_symbol and ftrace take time. */
	for (i = 0; i < r->nsyms; i++) {
		const struct dtrace_fbt_sym *e = &syms[i];
		const char *name, *mod;
		char msg[200];
		bool known;

		if (e->func >= r->strsize || e->mod >= r->strsize) {
			snprintf(msg, sizeof(msg), "name offset out of range");
			goto reject;
		}
		name = str + e->func;
		mod = str + e->mod;
		if (!*name || !*mod || strlen(name) >= DTRACE_FUNCNAMELEN ||
		    strlen(mod) >= DTRACE_MODNAMELEN) {
			snprintf(msg, sizeof(msg), "empty or too long name");
			goto reject;
		}
		if (dtrace_fbt_excluded(mod, name)) {
			r->excluded++;
			continue;
		}
		mutex_lock(&dtrace_lock);
		known = dtrace_fbt_known(mod, name, e->addr);
		mutex_unlock(&dtrace_lock);
		if (known) {
			r->known++;
			continue;
		}
		if (dtrace_fbt_check(mod, name, e->addr, msg, sizeof(msg)))
			goto reject;
		ips[i] = dtrace_fbt_site_of(e->addr);
		if (!ips[i])
			r->nosite++;
		cond_resched();
		continue;
reject:
		if (!r->rejected++) {
			r->first_rejected = i;
			snprintf(r->err_msg, sizeof(r->err_msg),
				 "fbt entry %u: %s", i, msg);
		}
	}
	mutex_lock(&dtrace_lock);
	for (i = 0; i < r->nsyms; i++) {
		const char *name = str + syms[i].func;
		const char *mod = str + syms[i].mod;

		if (!ips[i])
			continue;
		if (dtrace_fbt_known(mod, name, syms[i].addr)) {
			r->known++;
			continue;
		}
		err = dtrace_fbt_add(mod, name, syms[i].addr, ips[i], NULL);
		if (err)
			break;
		r->added++;
		if (!strcmp(mod, "vmlinux"))
			dtrace_fbt_have_kernel = true;
	}
	r->nfuncs = dtrace_fbt_nfuncs;
	r->flags = dtrace_fbt_have_kernel ? DTRACE_FBT_KERNEL : 0;
	mutex_unlock(&dtrace_lock);
	if (!err && copy_to_user(arg, r, sizeof(*r)))
		err = -EFAULT;
out:
	kvfree(syms);
	kvfree(ips);
	kvfree(str);
	kfree(r);
	return err;
}

/* Status file lines (dtrace_lock held). */
static void dtrace_fbt_status(struct seq_file *m)
{
	seq_printf(m, "fbt_functions: %u\n", dtrace_fbt_nfuncs);
	seq_printf(m, "fbt_sites: %u\n", dtrace_fbt_nsites);
	seq_printf(m, "fbt_probes: %u\n",
		   dtrace_prov_fbt ? dtrace_prov_fbt->nprobes : 0);
	seq_printf(m, "fbt_table_bytes: %llu\n",
		   (unsigned long long)dtrace_fbt_mem);
	seq_printf(m, "fbt_probe_bytes: %llu\n",
		   (unsigned long long)(dtrace_prov_fbt ?
			dtrace_prov_fbt->nprobes : 0) *
		   sizeof(struct dtrace_probe));
	seq_printf(m, "fbt_entry_sites_enabled: %u\n", dtrace_fbt_nfilter);
	seq_printf(m, "fbt_return_probes_registered: %u\n", dtrace_fbt_nkrp);
	seq_printf(m, "fbt_return_refused: %llu\n",
		   (unsigned long long)dtrace_fbt_return_refused);
	seq_printf(m, "fbt_filter_errors: %llu\n",
		   (unsigned long long)dtrace_fbt_filter_errors);
	seq_printf(m, "fbt_chunk: %u\n", READ_ONCE(dtrace_fbt_chunk));
	seq_printf(m, "fbt_filter_changes: %llu\n",
		   (unsigned long long)dtrace_fbt_changes);
	seq_printf(m, "fbt_filter_change_ms: %llu\n",
		   (unsigned long long)div_u64(dtrace_fbt_change_ns, NSEC_PER_MSEC));
	seq_printf(m, "fbt_filter_change_max_ms: %llu\n",
		   (unsigned long long)div_u64(dtrace_fbt_change_max_ns,
					       NSEC_PER_MSEC));
}

static int dtrace_prov_fbt_init(const struct dtrace_provider_def *def)
{
	int err;

	dtrace_fbt_sitehash = kvcalloc(1 << DTRACE_FBT_HASH_BITS,
				       sizeof(struct hlist_head), GFP_KERNEL);
	dtrace_fbt_namehash = kvcalloc(1 << DTRACE_FBT_HASH_BITS,
				       sizeof(struct hlist_head), GFP_KERNEL);
	if (!dtrace_fbt_sitehash || !dtrace_fbt_namehash) {
		err = -ENOMEM;
		goto fail;
	}
	err = dtrace_register(def, &dtrace_fbt_pops, NULL, &dtrace_prov_fbt);
	if (err)
		goto fail;
	err = register_module_notifier(&dtrace_fbt_nb);
	if (err) {
		dtrace_unregister(dtrace_prov_fbt);
		dtrace_prov_fbt = NULL;
		goto fail;
	}
	return 0;
fail:
	kvfree(dtrace_fbt_sitehash);
	kvfree(dtrace_fbt_namehash);
	return err;
}

static void dtrace_prov_fbt_exit(void)
{
	unregister_module_notifier(&dtrace_fbt_nb);
	dtrace_fbt_remove(NULL);	/* sites off, kretprobes gone */
	dtrace_unregister(dtrace_prov_fbt);
	dtrace_prov_fbt = NULL;
	if (dtrace_fbt_registered)	/* only if ftrace refused a change */
		unregister_ftrace_function(&dtrace_fbt_ops);
	ftrace_free_filter(&dtrace_fbt_ops);
	ftrace_free_filter(&dtrace_fbt_scratch);
	kvfree(dtrace_fbt_sitehash);
	kvfree(dtrace_fbt_namehash);
}

#else /* no fbt provider */

static long dtrace_fbt_ioctl(void __user *arg)
{
	return -ENOTTY;
}

#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_FBT)
/* Configured, but the kernel cannot carry it: say so once at load. */
static void dtrace_fbt_status(struct seq_file *m)
{
}

static int dtrace_prov_fbt_init(const struct dtrace_provider_def *def)
{
	pr_info("fbt provider left out: the kernel lacks CONFIG_DYNAMIC_FTRACE_WITH_ARGS or CONFIG_KRETPROBES\n");
	return 0;
}

static void dtrace_prov_fbt_exit(void)
{
}
#endif

#endif
