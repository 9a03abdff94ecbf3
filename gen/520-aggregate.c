/* Aggregations: per-CPU hashed aggregation buffers, snapshots as deltas */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * OWNS the aggregation space of a consumer (struct dtrace_aggspace, the API
 * declared at the end of 300-core.h): definitions of @aggregations, the
 * per-CPU buffers, the aggregating functions and snapshots.
 * CALLS vmalloc/vfree/kzalloc/kfree, mutex_*, cpus_read_lock/unlock,
 * cpu_possible and smp_call_function_single (process context only),
 * copy_to_user
 * (snapshots), and the llquantize helpers of dtrace.h.  Compiles in user
 * space for test/unit (the shim supplies those names).
 *
 * Layout.  Each possible CPU has two buffers of aggsize bytes, preallocated
 * at create time: one active (probe context folds values into it) and one
 * inactive (the last snapshot's delta, read by process context).  A buffer
 * is a fixed hash table of nhash u32 offsets followed by an entry area in
 * which entries are carved in order and never freed until the buffer is
 * cleared; nothing is allocated in probe context.  An entry is
 *
 *	u32 next, u32 hash		chain link (offset from the buffer, 0 =
 *					end) and full hash of (aggid, key)
 *	struct dtrace_aggrec		exactly what a snapshot copies out:
 *	key, padded to 8		header, key, value
 *	value words (s64/u64)
 *
 * An entry that does not fit is a drop, counted per CPU (dtrace_agg_drops).
 *
 * Concurrency.  dtrace_aggregate() runs in probe context on its own CPU
 * with interrupts masked (the framework's dtrace_probe_enter) and touches
 * only that CPU's active buffer.  A snapshot of CPU c flips c's active
 * index by running dtrace_agg_switch() ON c through
 * smp_call_function_single(): the IPI cannot be delivered while an update
 * runs there with interrupts masked, so when the call returns no update is
 * in progress in the buffer that became inactive and none will start
 * (an NMI probe during the flip sees either index and both are coherent,
 * the flip being one store).  The IPI's completion orders the buffer's
 * contents before process context reads them; process context then copies
 * the inactive buffer out and clears it before it can become active again.
 * A CPU that is offline (kept so by cpus_read_lock) runs no probes, so its
 * flip is done directly.  Snapshots of one space are serialized by
 * as->lock.
 *
 * -ENOSPC.  If the user buffer is too small the delta stays pending in the
 * inactive buffer: the next snapshot of that CPU copies it (without
 * flipping) and *copied tells the size it needs.  New updates meanwhile
 * collect in the active buffer and come with the snapshot after that.
 */

#define DTRACE_AGG_MAXSIZE	(1ULL << 31)	/* offsets are u32 */
#define DTRACE_AGG_MAXKEY	(64U * 1024)	/* bytes of key */
#define DTRACE_AGG_MAXNAGGS	65535U
/* bytes of an entry before its record: the chain link and the hash */
#define DTRACE_AGG_LINK		8U

struct dtrace_aggent {
	u32 next;
	u32 hash;
	struct dtrace_aggrec rec;
	/* key (padded to 8), then value words */
};

_Static_assert(sizeof(struct dtrace_aggent) ==
	       DTRACE_AGG_LINK + sizeof(struct dtrace_aggrec),
	       "entry link size");

struct dtrace_aggdef {
	u32 func;			/* DTRACEAGG_*, 0 = not defined */
	u32 keysize;
	u64 arg2;			/* lquantize/llquantize parameters */
	u32 nwords;			/* value words */
	u32 entsize;			/* bytes of an entry */
};

struct dtrace_aggbuf {
	char *mem;			/* aggsize bytes */
	u32 used;			/* bytes of the entry area in use */
};

struct dtrace_aggcpu {
	struct dtrace_aggbuf buf[2];
	u32 active;			/* index of the active buffer */
	u32 pending;			/* inactive buffer not yet copied out */
	u64 drops;			/* written only by this CPU's probes */
};

struct dtrace_aggspace {
	u64 aggsize;
	u32 naggs;
	u32 ncpus;
	u32 nhash;			/* hash table slots, a power of two */
	siphash_key_t hkey;		/* random, per space */
	u32 entoff;			/* entry area offset in a buffer */
	u32 entsize;			/* entry area bytes */
	struct dtrace_aggdef *defs;	/* [naggs + 1] */
	struct dtrace_aggcpu *cpus;	/* [ncpus], NULL if naggs == 0 */
	struct mutex lock;		/* serializes snapshots */
};

static inline u32 *dtrace_agg_table(struct dtrace_aggbuf *b)
{
	return (u32 *)b->mem;
}

static inline struct dtrace_aggent *dtrace_agg_ent(struct dtrace_aggbuf *b,
						   u32 off)
{
	return (struct dtrace_aggent *)(b->mem + off);
}

static inline char *dtrace_agg_key(struct dtrace_aggent *e)
{
	return (char *)(e + 1);
}

static inline s64 *dtrace_agg_val(struct dtrace_aggent *e)
{
	return (s64 *)(dtrace_agg_key(e) + DTRACE_ALIGN8(e->rec.keysize));
}

/* Empty a buffer: only the hash table needs clearing. */
static void dtrace_agg_buf_clear(struct dtrace_aggspace *as,
				 struct dtrace_aggbuf *b)
{
	memset(b->mem, 0, (size_t)as->nhash * sizeof(u32));
	b->used = 0;
}

static void dtrace_aggspace_destroy(struct dtrace_aggspace *as)
{
	u32 c;

	if (!as)
		return;
	if (as->cpus) {
		for (c = 0; c < as->ncpus; c++) {
			vfree(as->cpus[c].buf[0].mem);
			vfree(as->cpus[c].buf[1].mem);
		}
		kfree(as->cpus);
	}
	kfree(as->defs);
	kfree(as);
}

static int dtrace_aggspace_create(u64 aggsize, u32 naggs,
				  struct dtrace_aggspace **out)
{
	struct dtrace_aggspace *as;
	u32 c, i, nhash;

	*out = NULL;
	/*
	 * Any size is accepted: one too small for an entry makes
	 * dtrace_agg_define() fail with a message the consumer sees.
	 */
	if (aggsize == 0 || aggsize > DTRACE_AGG_MAXSIZE ||
	    naggs > DTRACE_AGG_MAXNAGGS)
		return -EINVAL;
	as = kzalloc(sizeof(*as), GFP_KERNEL);
	if (!as)
		return -ENOMEM;
	mutex_init(&as->lock);
	as->aggsize = aggsize;
	as->naggs = naggs;
	as->ncpus = nr_cpu_ids;
	/*
	 * About one slot per 128 bytes, whatever the size: a table of at
	 * most 1/32 of the space, so chains stay short (an entry takes at
	 * least 40 bytes) however many keys fit.
	 */
	for (nhash = 16; (u64)nhash * 128 < aggsize; )
		nhash <<= 1;
	get_random_bytes(&as->hkey, sizeof(as->hkey));
	as->nhash = nhash;
	as->entoff = DTRACE_ALIGN8(nhash * (u32)sizeof(u32));
	as->entsize = aggsize > as->entoff ? (u32)aggsize - as->entoff : 0;
	as->defs = kzalloc((naggs + 1) * sizeof(*as->defs), GFP_KERNEL);
	if (!as->defs)
		goto nomem;
	if (naggs == 0) {
		*out = as;
		return 0;
	}
	as->cpus = kzalloc(as->ncpus * sizeof(*as->cpus), GFP_KERNEL);
	if (!as->cpus)
		goto nomem;
	for (c = 0; c < as->ncpus; c++) {
		if (!cpu_possible(c))
			continue;	/* a hole: no buffers, never fires */
		for (i = 0; i < 2; i++) {
			struct dtrace_aggbuf *b = &as->cpus[c].buf[i];

			/* aggsize is the consumer's: no allocator warning */
			b->mem = __vmalloc(as->entoff + as->entsize,
					   DTRACE_GFP_CONSUMER);
			if (!b->mem)
				goto nomem;
			dtrace_agg_buf_clear(as, b);
		}
	}
	*out = as;
	return 0;
nomem:
	dtrace_aggspace_destroy(as);
	return -ENOMEM;
}

static int dtrace_agg_fail(struct dtrace_verr *err, const char *msg, u32 aggid)
{
	if (err) {
		err->offset = ~0U;
		snprintf(err->msg, sizeof(err->msg), "aggregation %u: %s",
			 aggid, msg);
	}
	return -EINVAL;
}

static int dtrace_agg_define(struct dtrace_aggspace *as, u32 aggid, u32 func,
			     u64 arg2, u32 keysize, struct dtrace_verr *err)
{
	struct dtrace_aggdef d = { .func = func, .keysize = keysize };
	struct dtrace_aggdef *old;
	u64 entsize;

	if (aggid < 1 || aggid > as->naggs)
		return dtrace_agg_fail(err, "ID out of range 1..naggs", aggid);
	if (keysize > DTRACE_AGG_MAXKEY)
		return dtrace_agg_fail(err, "key too large", aggid);
	switch (func) {
	case DTRACEAGG_COUNT:
	case DTRACEAGG_SUM:
	case DTRACEAGG_MIN:
	case DTRACEAGG_MAX:
		d.nwords = 1;
		break;
	case DTRACEAGG_AVG:
		d.nwords = 2;
		break;
	case DTRACEAGG_STDDEV:
		d.nwords = 4;
		break;
	case DTRACEAGG_QUANTIZE:
		d.nwords = DTRACE_QUANTIZE_NBUCKETS;
		break;
	case DTRACEAGG_LQUANTIZE:
		if (DTRACE_LQUANTIZE_STEP(arg2) == 0)
			return dtrace_agg_fail(err, "lquantize step must be > 0",
					       aggid);
		if (DTRACE_LQUANTIZE_LEVELS(arg2) == 0)
			return dtrace_agg_fail(err,
					       "lquantize levels must be > 0",
					       aggid);
		d.arg2 = arg2;
		d.nwords = DTRACE_LQUANTIZE_LEVELS(arg2) + 2;
		break;
	case DTRACEAGG_LLQUANTIZE:
		if (DTRACE_LLQUANTIZE_FACTOR(arg2) < 2)
			return dtrace_agg_fail(err,
				"llquantize factor must be at least 2", aggid);
		if (DTRACE_LLQUANTIZE_LOW(arg2) >= DTRACE_LLQUANTIZE_HIGH(arg2))
			return dtrace_agg_fail(err,
				"llquantize low magnitude must be below high",
				aggid);
		if (DTRACE_LLQUANTIZE_NSTEPS(arg2) <
		    DTRACE_LLQUANTIZE_FACTOR(arg2) ||
		    DTRACE_LLQUANTIZE_NSTEPS(arg2) %
		    DTRACE_LLQUANTIZE_FACTOR(arg2))
			return dtrace_agg_fail(err,
				"llquantize steps must be a multiple of factor",
				aggid);
		if (!dtrace_llquantize_valid(arg2))
			return dtrace_agg_fail(err,
				"llquantize steps must divide a power of factor and factor^(high+1) fit in 63 bits",
				aggid);
		d.arg2 = arg2;
		d.nwords = dtrace_llquantize_nbuckets(arg2);
		break;
	default:
		return dtrace_agg_fail(err, "unknown aggregating function",
				       aggid);
	}
	entsize = sizeof(struct dtrace_aggent) + DTRACE_ALIGN8((u64)keysize) +
		  (u64)d.nwords * sizeof(u64);
	if (entsize > as->entsize)
		return dtrace_agg_fail(err,
			"one entry does not fit in aggsize (raise aggsize)",
			aggid);
	d.entsize = (u32)entsize;
	old = &as->defs[aggid];
	if (old->func) {
		if (old->func != d.func || old->arg2 != d.arg2 ||
		    old->keysize != d.keysize)
			return dtrace_agg_fail(err,
				"redefined with another function, parameters or key",
				aggid);
		return 0;
	}
	*old = d;
	return 0;
}

/*
 * The hash of (aggregation ID, key): SipHash with a random key per space,
 * so that keys a user controls (execname, paths, arguments) cannot be
 * chosen to fall into one chain, which probe context would then walk on
 * every update.  siphash() takes no lock and is safe in any context.
 */
static inline u32 dtrace_agg_hash(const struct dtrace_aggspace *as,
				  u32 aggid, const u8 *key, u32 keysize)
{
	u64 h = siphash(key, keysize, &as->hkey);

	return (u32)(h ^ (h >> 32)) ^ (aggid * 0x9e3779b9U);
}

static inline bool dtrace_agg_keyeq(const u8 *a, const u8 *b, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* Initial value words of a new entry: all zero except min and max. */
static inline void dtrace_agg_init(const struct dtrace_aggdef *d, s64 *v)
{
	u32 i;

	for (i = 0; i < d->nwords; i++)
		v[i] = 0;
	if (d->func == DTRACEAGG_MIN)
		v[0] = DTRACE_S64_MAX;
	else if (d->func == DTRACEAGG_MAX)
		v[0] = DTRACE_S64_MIN;
}

/* quantize: DTrace's power-of-two buckets, ZEROBUCKET holds 0. */
static inline u32 dtrace_quantize_bucket(s64 v)
{
	u32 zero = DTRACE_QUANTIZE_ZEROBUCKET;
	u64 mag;
	u32 lg;

	if (v == 0)
		return zero;
	mag = v > 0 ? (u64)v : 0 - (u64)v;
	lg = 63 - (u32)__builtin_clzll(mag);	/* floor(log2(|v|)) */
	if (lg > 62)
		lg = 62;
	return v > 0 ? zero + 1 + lg : zero - 1 - lg;
}

/* lquantize: underflow, levels linear buckets, overflow (64-bit math). */
static inline u32 dtrace_lquantize_bucket(u64 arg2, s64 v)
{
	s64 base = DTRACE_LQUANTIZE_BASE(arg2);
	u64 step = DTRACE_LQUANTIZE_STEP(arg2);
	u64 levels = DTRACE_LQUANTIZE_LEVELS(arg2);
	u64 level;

	if (v < base)
		return 0;
	level = ((u64)v - (u64)base) / step;
	if (level < levels)
		return (u32)level + 1;
	return (u32)levels + 1;
}

/* Fold val in; the histograms' bucket grows by incr (D's increment). */
static inline void dtrace_agg_fold(const struct dtrace_aggdef *d, s64 *v,
				   s64 val, s64 incr)
{
	s64 *b;

	u64 mag, lo, hi;
	unsigned __int128 sq;

	switch (d->func) {
	case DTRACEAGG_COUNT:
		v[0]++;
		break;
	case DTRACEAGG_SUM:
		v[0] = (s64)((u64)v[0] + (u64)val);
		break;
	case DTRACEAGG_AVG:
		v[0]++;
		v[1] = (s64)((u64)v[1] + (u64)val);
		break;
	case DTRACEAGG_MIN:
		if (val < v[0])
			v[0] = val;
		break;
	case DTRACEAGG_MAX:
		if (val > v[0])
			v[0] = val;
		break;
	case DTRACEAGG_STDDEV:
		/* count, total, sum of val^2 as 128 bits (low, high) */
		v[0]++;
		v[1] = (s64)((u64)v[1] + (u64)val);
		mag = val < 0 ? 0 - (u64)val : (u64)val;
		sq = (unsigned __int128)mag * mag;
		lo = (u64)v[2] + (u64)sq;
		hi = (u64)v[3] + (u64)(sq >> 64) + (lo < (u64)sq);
		v[2] = (s64)lo;
		v[3] = (s64)hi;
		break;
	case DTRACEAGG_QUANTIZE:
		b = &v[dtrace_quantize_bucket(val)];
		*b = (s64)((u64)*b + (u64)incr);
		break;
	case DTRACEAGG_LQUANTIZE:
		b = &v[dtrace_lquantize_bucket(d->arg2, val)];
		*b = (s64)((u64)*b + (u64)incr);
		break;
	case DTRACEAGG_LLQUANTIZE:
		b = &v[dtrace_llquantize_bucket(d->arg2, val)];
		*b = (s64)((u64)*b + (u64)incr);
		break;
	}
}

/*
 * Probe context, interrupts masked on cpu (== this CPU): see the top of
 * this fragment for why that is enough against a concurrent snapshot.
 */
static void dtrace_aggregate(struct dtrace_aggspace *as, int cpu, u32 aggid,
			     const void *key, u32 keysize, s64 val, s64 incr)
{
	const struct dtrace_aggdef *d;
	struct dtrace_aggcpu *c;
	struct dtrace_aggbuf *b;
	struct dtrace_aggent *e;
	u32 h, off, *slot;

	if (unlikely(!as || !as->cpus || aggid < 1 || aggid > as->naggs ||
		     cpu < 0 || (u32)cpu >= as->ncpus))
		return;
	d = &as->defs[aggid];
	if (unlikely(!d->func || d->keysize != keysize))
		return;
	c = &as->cpus[cpu];
	b = &c->buf[READ_ONCE(c->active)];
	if (unlikely(!b->mem))
		return;
	h = dtrace_agg_hash(as, aggid, key, keysize);
	slot = &dtrace_agg_table(b)[h & (as->nhash - 1)];
	for (off = *slot; off; off = e->next) {
		e = dtrace_agg_ent(b, off);
		if (e->hash == h && e->rec.aggid == aggid &&
		    dtrace_agg_keyeq((const u8 *)dtrace_agg_key(e), key,
				     keysize)) {
			dtrace_agg_fold(d, dtrace_agg_val(e), val, incr);
			return;
		}
	}
	if (unlikely(d->entsize > as->entsize - b->used)) {
		c->drops++;
		return;
	}
	off = as->entoff + b->used;
	e = dtrace_agg_ent(b, off);
	e->hash = h;
	e->rec.size = d->entsize - DTRACE_AGG_LINK;
	e->rec.aggid = aggid;
	e->rec.keysize = keysize;
	e->rec.valsize = d->nwords * (u32)sizeof(u64);
	if (keysize)
		memcpy(dtrace_agg_key(e), key, keysize);
	memset(dtrace_agg_key(e) + keysize, 0,
	       DTRACE_ALIGN8(keysize) - keysize);
	dtrace_agg_init(d, dtrace_agg_val(e));
	dtrace_agg_fold(d, dtrace_agg_val(e), val, incr);
	e->next = *slot;
	*slot = off;
	b->used += d->entsize;
}

/* Runs on the CPU whose buffers it flips (IPI), or for an offline CPU. */
static void dtrace_agg_switch(void *arg)
{
	struct dtrace_aggcpu *c = arg;

	WRITE_ONCE(c->active, c->active ^ 1);
}

static long dtrace_agg_snapshot(struct dtrace_aggspace *as, int cpu,
				void __user *ubuf, u64 len, u64 *copied)
{
	struct dtrace_aggcpu *c;
	struct dtrace_aggbuf *b;
	struct dtrace_aggent *e;
	u64 need = 0, done = 0;
	u32 off;
	long ret = 0;

	*copied = 0;
	if (!as || cpu < 0 || (u32)cpu >= as->ncpus)
		return -EINVAL;
	if (!as->cpus)
		return 0;
	c = &as->cpus[cpu];
	if (!c->buf[0].mem)
		return -EINVAL;		/* not a possible CPU */
	mutex_lock(&as->lock);
	if (!c->pending) {
		cpus_read_lock();
		if (smp_call_function_single(cpu, dtrace_agg_switch, c, 1))
			dtrace_agg_switch(c);	/* offline: no probe runs */
		cpus_read_unlock();
		c->pending = 1;
	}
	b = &c->buf[c->active ^ 1];
	for (off = 0; off < b->used; off += e->rec.size + DTRACE_AGG_LINK) {
		e = dtrace_agg_ent(b, as->entoff + off);
		need += e->rec.size;
	}
	if (need > len) {
		*copied = need;
		ret = -ENOSPC;
		goto out;
	}
	for (off = 0; off < b->used; off += e->rec.size + DTRACE_AGG_LINK) {
		e = dtrace_agg_ent(b, as->entoff + off);
		if (copy_to_user((char __user *)ubuf + done, &e->rec,
				 e->rec.size)) {
			ret = -EFAULT;
			goto out;
		}
		done += e->rec.size;
	}
	*copied = done;
	dtrace_agg_buf_clear(as, b);
	c->pending = 0;
out:
	mutex_unlock(&as->lock);
	return ret;
}

static u64 dtrace_agg_drops(struct dtrace_aggspace *as)
{
	u64 n = 0;
	u32 c;

	if (!as || !as->cpus)
		return 0;
	for (c = 0; c < as->ncpus; c++)
		n += READ_ONCE(as->cpus[c].drops);
	return n;
}
