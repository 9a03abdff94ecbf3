/* Consumer ioctls: PROBES PROVIDER ENABLE EPINFO GO STOP BUFSNAP AGGSNAP STATUS */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every ioctl copies its structure in, checks size and version before
 * anything else (-EINVAL), validates what it uses, and copies the result
 * back.  Lengths and pointers from user space are never trusted: an
 * enabling blob is copied into the kernel whole (bounded) and parsed
 * there.  DTRACEIOC_INFO is answered by 700-dev.c.
 *
 * Owns: dtrace_state_ioctl.  Calls: 320, 500, 520, 600.
 */

#define DTRACE_ENABLE_MAXLEN	(64U << 20)	/* largest enabling blob */
#define DTRACE_PROBES_MAXCOUNT	1024U		/* listing page */

/* 840-prov-fbt.c: DTRACEIOC_FBTSYMS (-ENOTTY without the fbt provider). */
static long dtrace_fbt_ioctl(void __user *arg);
/* 850-prov-sdt.c: DTRACEIOC_SDTNAMES (-ENOTTY without the sdt provider). */
static long dtrace_sdt_ioctl(void __user *arg);

static int dtrace_ioc_in(void *k, const void __user *u, size_t size)
{
	const u32 *h = k;

	if (copy_from_user(k, u, size))
		return -EFAULT;
	if (h[0] != size || h[1] != DTRACE_ABI_VERSION)
		return -EINVAL;
	return 0;
}

static long dtrace_ioc_probes(void __user *arg)
{
	struct dtrace_ioc_probes p;
	struct dtrace_probedesc *out = NULL;
	struct dtrace_probe *pr;
	u32 n = 0, start, room;
	int err;

	err = dtrace_ioc_in(&p, arg, sizeof(p));
	if (err)
		return err;
	if (!dtrace_desc_terminated(&p.match))
		return -EINVAL;
	room = min(p.count, DTRACE_PROBES_MAXCOUNT);
	if (room) {
		out = kvcalloc(room, sizeof(*out), DTRACE_GFP_CONSUMER);
		if (!out)
			return -ENOMEM;
	}
	start = max(p.start, 1u);
	mutex_lock(&dtrace_lock);
	if (start == 1)
		dtrace_provide(&p.match);
	while (n < room && (pr = dtrace_probe_next(&p.match, &start)))
		out[n++] = pr->desc;
	/* Is there another match?  Then the next call starts there. */
	pr = dtrace_probe_next(&p.match, &start);
	p.next = pr ? pr->id : 0;
	if (!p.next)
		dtrace_reap();	/* the listing is over: what it provided */
	mutex_unlock(&dtrace_lock);

	p.count = n;
	if (n && copy_to_user(u64_to_user_ptr(p.probes), out,
			      n * sizeof(*out)))
		err = -EFAULT;
	kvfree(out);
	if (!err && copy_to_user(arg, &p, sizeof(p)))
		err = -EFAULT;
	return err;
}

static long dtrace_ioc_enable(struct dtrace_state *st, void __user *arg)
{
	struct dtrace_ioc_enable *e;
	void *blob;
	long err;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	err = dtrace_ioc_in(e, arg, sizeof(*e));
	if (err)
		goto out;
	e->nepids = 0;
	memset(e->nmatched, 0, sizeof(e->nmatched));
	e->err_clause = ~0U;
	e->err_action = ~0U;
	e->err_difo = 0;
	e->err_offset = ~0U;
	memset(e->err_msg, 0, sizeof(e->err_msg));
	if (e->bloblen < sizeof(struct dtrace_enable_hdr) ||
	    e->bloblen > DTRACE_ENABLE_MAXLEN) {
		snprintf(e->err_msg, sizeof(e->err_msg),
			 "bad enabling length %u", e->bloblen);
		err = -EINVAL;
		goto copyout;
	}
	blob = kvmalloc(e->bloblen, DTRACE_GFP_CONSUMER);
	if (!blob) {
		err = -ENOMEM;
		goto out;
	}
	if (copy_from_user(blob, u64_to_user_ptr(e->blob), e->bloblen)) {
		kvfree(blob);
		err = -EFAULT;
		goto out;
	}
	err = dtrace_enable(st, blob, e->bloblen, e);
	kvfree(blob);
copyout:
	if (copy_to_user(arg, e, sizeof(*e)))
		err = -EFAULT;
out:
	kfree(e);
	return err;
}

static long dtrace_ioc_epinfo(struct dtrace_state *st, void __user *arg)
{
	struct dtrace_ioc_epinfo e;
	struct dtrace_ecb *ecb;
	int err;

	err = dtrace_ioc_in(&e, arg, sizeof(e));
	if (err)
		return err;
	/* st->ecbs grows under dtrace_lock when probes appear. */
	mutex_lock(&dtrace_lock);
	if (e.epid == DTRACE_EPIDNONE || e.epid > st->necbs) {
		mutex_unlock(&dtrace_lock);
		return -EINVAL;
	}
	ecb = st->ecbs[e.epid - 1];
	e.clause = ecb->clause->index;
	e.probe = ecb->pdesc;
	mutex_unlock(&dtrace_lock);
	if (copy_to_user(arg, &e, sizeof(e)))
		return -EFAULT;
	return 0;
}

static long dtrace_ioc_status(struct dtrace_state *st, unsigned int cmd,
			      void __user *arg)
{
	struct dtrace_ioc_status s;
	int err;

	err = dtrace_ioc_in(&s, arg, sizeof(s));
	if (err)
		return err;
	switch (cmd) {
	case DTRACEIOC_GO:
		err = dtrace_state_go(st, &s);
		break;
	case DTRACEIOC_STOP:
		err = dtrace_state_stop(st, &s);
		break;
	default:
		dtrace_state_fill_status(st, &s);
		break;
	}
	if (err)
		return err;
	if (copy_to_user(arg, &s, sizeof(s)))
		return -EFAULT;
	return 0;
}

static long dtrace_ioc_snap(struct dtrace_state *st, unsigned int cmd,
			    void __user *arg)
{
	struct dtrace_ioc_buf b;
	long err;

	err = dtrace_ioc_in(&b, arg, sizeof(b));
	if (err)
		return err;
	if (b.reserved[0] || b.reserved[1])
		return -EINVAL;
	if (cmd == DTRACEIOC_BUFSNAP) {
		err = dtrace_state_bufsnap(st, &b);
	} else {
		u64 copied = 0;

		if (b.cpu >= nr_cpu_ids || !cpu_possible(b.cpu))
			return -EINVAL;
		b.flags = 0;
		b.drops = 0;
		if (!st->aggs) {
			b.datalen = 0;
		} else {
			err = dtrace_agg_snapshot(st->aggs, b.cpu,
						  u64_to_user_ptr(b.data),
						  b.datalen, &copied);
			b.datalen = copied;
		}
	}
	if (err && err != -ENOSPC)
		return err;
	if (copy_to_user(arg, &b, sizeof(b)))
		return -EFAULT;
	return err;
}

/* A provider's stability attributes and probe count, by exact name. */
static long dtrace_ioc_provider(void __user *arg)
{
	struct dtrace_ioc_provider p;
	struct dtrace_provider *prov;
	int err;

	err = dtrace_ioc_in(&p, arg, sizeof(p));
	if (err)
		return err;
	if (!memchr(p.name, '\0', sizeof(p.name)))
		return -EINVAL;
	mutex_lock(&dtrace_lock);
	prov = dtrace_provider_lookup(p.name);
	if (prov) {
		p.attr = prov->attr;
		p.nprobes = prov->nprobes;
	}
	mutex_unlock(&dtrace_lock);
	if (!prov)
		return -ESRCH;
	memset(p.reserved, 0, sizeof(p.reserved));
	return copy_to_user(arg, &p, sizeof(p)) ? -EFAULT : 0;
}

/* The type of one argument of a probe, from its provider. */
static long dtrace_ioc_probearg(void __user *arg)
{
	struct dtrace_ioc_probearg a;
	struct dtrace_probe *p;
	int err;

	err = dtrace_ioc_in(&a, arg, sizeof(a));
	if (err)
		return err;
	a.nargs = 0;
	a.mapping = a.ndx;
	memset(a.native, 0, sizeof(a.native));
	memset(a.xlate, 0, sizeof(a.xlate));
	mutex_lock(&dtrace_lock);
	p = a.id ? dtrace_probe_get(a.id) : NULL;
	if (!p)
		err = -ENOENT;
	else if (!p->prov->ops->getargdesc)
		err = -ENODATA;
	else
		err = p->prov->ops->getargdesc(p->prov->arg, p->id, p->arg, &a);
	mutex_unlock(&dtrace_lock);
	if (err)
		return err;
	a.native[sizeof(a.native) - 1] = '\0';
	a.xlate[sizeof(a.xlate) - 1] = '\0';
	return copy_to_user(arg, &a, sizeof(a)) ? -EFAULT : 0;
}

static long dtrace_state_ioctl(struct dtrace_state *st, unsigned int cmd,
			       void __user *arg)
{
	long err;

	if (cmd == DTRACEIOC_PROBES)
		return dtrace_ioc_probes(arg);
	if (cmd == DTRACEIOC_PROVIDER)
		return dtrace_ioc_provider(arg);
	if (cmd == DTRACEIOC_FBTSYMS)
		return dtrace_fbt_ioctl(arg);
	if (cmd == DTRACEIOC_SDTNAMES)
		return dtrace_sdt_ioctl(arg);
	if (cmd == DTRACEIOC_PROBEARG)
		return dtrace_ioc_probearg(arg);

	mutex_lock(&st->lock);
	switch (cmd) {
	case DTRACEIOC_ENABLE:
		err = dtrace_ioc_enable(st, arg);
		break;
	case DTRACEIOC_EPINFO:
		err = dtrace_ioc_epinfo(st, arg);
		break;
	case DTRACEIOC_GO:
	case DTRACEIOC_STOP:
	case DTRACEIOC_STATUS:
		err = dtrace_ioc_status(st, cmd, arg);
		break;
	case DTRACEIOC_BUFSNAP:
	case DTRACEIOC_AGGSNAP:
		err = dtrace_ioc_snap(st, cmd, arg);
		break;
	default:
		err = -ENOTTY;
		break;
	}
	mutex_unlock(&st->lock);
	return err;
}
