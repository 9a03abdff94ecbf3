/* Tracepoint attachment shared by the sdt, proc, sched and io providers */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The providers built on the kernel's tracepoints (sdt: every tracepoint;
 * proc, sched, io: the Dynamic Tracing Guide's stable probes mapped onto
 * a few of them) attach the same way: a callback is registered on the
 * tracepoint with tracepoint_probe_register() while the probe is enabled,
 * and unregistered when it is disabled, so a disabled probe costs nothing
 * (the tracepoint's static key stays off unless someone else uses it).
 *
 * struct dtrace_tp_hook is one such attachment: the tracepoint, the
 * callback and its data, and the probe ID the callback fires, published
 * with WRITE_ONCE before registering and cleared before unregistering, so
 * a callback still running on another CPU after the disable fires
 * nothing (it reads 0).  dtrace_tp_kernel_find() finds a tracepoint of
 * the kernel image by name (the stable providers' few names, at load).
 *
 * The callback runs with preemption disabled under RCU-sched, or (6.1's
 * _rcuidle tracepoints) under tracepoint_srcu with RCU made to watch.
 * Anything a callback may see must be freed only after
 * tracepoint_synchronize_unregister() (SRCU and RCU).
 *
 * Compiled when one of these providers is configured, on kernels with
 * CONFIG_EVENT_TRACING and without CONFIG_CFI_CLANG: the sdt provider
 * calls one callback through every tracepoint's prototype (see its
 * MECHANISM), which kCFI would refuse.
 * Owns: dtrace_tp_nregistered (the status file's count of callbacks
 * registered now).  Calls: the kernel's tracepoint API.
 */
#if (IS_ENABLED(CONFIG_DTRACE_PROVIDER_SDT) || \
     IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC) || \
     IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED) || \
     IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO)) && \
	IS_ENABLED(CONFIG_EVENT_TRACING) && !IS_ENABLED(CONFIG_CFI_CLANG)
#define DTRACE_HAVE_TP	1

/* One callback attached, while its probe is enabled, to one tracepoint. */
struct dtrace_tp_hook {
	struct tracepoint *tp;
	void *cb;			/* the callback, typed as tp's probes */
	void *data;			/* its first argument */
	int prio;			/* 0: TRACEPOINT_DEFAULT_PRIO; of the
					 * callbacks on one tracepoint, higher
					 * ones run first */
	u32 armed;			/* the probe's ID while enabled, else 0 */
};

static u32 dtrace_tp_nregistered;	/* callbacks registered now */

/* dtrace_lock held: attach h, which then fires probe id. */
static int dtrace_tp_arm(struct dtrace_tp_hook *h, u32 id)
{
	int err;

	WRITE_ONCE(h->armed, id);
	err = tracepoint_probe_register_prio(h->tp, h->cb, h->data,
					     h->prio ? h->prio :
					     TRACEPOINT_DEFAULT_PRIO);
	if (err) {
		WRITE_ONCE(h->armed, 0);
		return err;
	}
	dtrace_tp_nregistered++;
	return 0;
}

/*
 * dtrace_lock held: detach h (a callback running now fires nothing).
 * Returns the kernel's error, already logged.
 */
static int dtrace_tp_disarm(struct dtrace_tp_hook *h)
{
	int err;

	WRITE_ONCE(h->armed, 0);
	err = tracepoint_probe_unregister(h->tp, h->cb, h->data);
	if (err)
		pr_warn("unregistering from tracepoint %s failed (%d)\n",
			h->tp->name, err);
	else
		dtrace_tp_nregistered--;
	return err;
}

struct dtrace_tp_find {
	const char *name;
	struct tracepoint *tp;
};

static void dtrace_tp_find_one(struct tracepoint *tp, void *priv)
{
	struct dtrace_tp_find *f = priv;

	if (!f->tp && !strcmp(tp->name, f->name))
		f->tp = tp;
}

/* The kernel image's tracepoint called name, or NULL (process context). */
static struct tracepoint *dtrace_tp_kernel_find(const char *name)
{
	struct dtrace_tp_find f = { .name = name };

	for_each_kernel_tracepoint(dtrace_tp_find_one, &f);
	return f.tp;
}

#endif
