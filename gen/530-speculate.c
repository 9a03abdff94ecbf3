/* Speculations: speculation(), speculate(), commit(), discard() */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A consumer has nspec speculations (ids 1..nspec), each with one buffer
 * of specsize bytes per CPU.  The state of a speculation is one word,
 * changed with cmpxchg from any CPU in probe context:
 *
 *   INACTIVE --speculation()--> ACTIVE --speculate() on cpu c--> ACTIVEONE(c)
 *   ACTIVEONE(c) --speculate() on another cpu--> ACTIVEMANY
 *   ACTIVE              --commit/discard--> INACTIVE (no data anywhere)
 *   ACTIVEONE(c) on c   --commit/discard--> INACTIVE (c's data copied or
 *                                           dropped at once)
 *   ACTIVEONE(d), MANY  --commit--> COMMITTING, --discard--> DISCARDING:
 *                       this CPU's data is handled at once, the other
 *                       CPUs' by the cleaner, which then frees the
 *                       speculation (INACTIVE).
 *
 * speculate() into a COMMITTING/DISCARDING speculation is a busy drop
 * (specdrops_busy), into an unallocated one or a full buffer a specdrop;
 * speculation() with none free returns 0 and counts specdrops_unavail; an
 * id above nspec is an illegal operation (DTRACEFLT_ILLOP), id 0 is
 * ignored (speculation() already counted why it returned 0).
 *
 * Buffer bufs[c] is written only on CPU c (probe context or the cleaner's
 * IPI), so the data needs no lock; only the state word is shared.
 * The cleaner (600-state.c) runs dtrace_spec_clean_prepare(), then
 * dtrace_spec_clean_cpu() on every CPU by IPI, then
 * dtrace_spec_clean_finish().
 *
 * Built in user space too: only the names 300-core.h and 305 allow.
 */

#define DTRACESPEC_KIND(s)	((s) & 0xff)
#define DTRACESPEC_CPU(s)	((s) >> 8)
#define DTRACESPEC_ONE(cpu)	(DTRACESPEC_ACTIVEONE | ((u32)(cpu) << 8))

static int dtrace_specset_create(struct dtrace_specset *ss, u32 nspec,
				 u32 ncpus, u64 specsize, bool with_bufs,
				 const bool *cpu_ok)
{
	u32 i, c;
	int err;

	memset(ss, 0, sizeof(*ss));
	ss->nspec = nspec;
	ss->ncpus = ncpus;
	ss->specsize = specsize;
	if (!nspec)
		return 0;
	ss->spec = kcalloc(nspec, sizeof(*ss->spec), GFP_KERNEL);
	if (!ss->spec)
		return -ENOMEM;
	if (!with_bufs)
		return 0;
	for (i = 0; i < nspec; i++) {
		struct dtrace_spec *sp = &ss->spec[i];

		sp->bufs = kcalloc(ncpus, sizeof(*sp->bufs), GFP_KERNEL);
		if (!sp->bufs)
			goto nomem;
		for (c = 0; c < ncpus; c++) {
			if (cpu_ok && !cpu_ok[c])
				continue;	/* data NULL: every write drops */
			err = dtrace_buffer_alloc(&sp->bufs[c], specsize,
						  DTRACE_BUFPOLICY_SWITCH);
			if (err)
				goto nomem;
		}
	}
	return 0;
nomem:
	dtrace_specset_destroy(ss);
	return -ENOMEM;
}

static void dtrace_specset_destroy(struct dtrace_specset *ss)
{
	u32 i, c;

	if (ss->spec) {
		for (i = 0; i < ss->nspec; i++) {
			struct dtrace_spec *sp = &ss->spec[i];

			if (!sp->bufs)
				continue;
			for (c = 0; c < ss->ncpus; c++)
				dtrace_buffer_free(&sp->bufs[c]);
			kfree(sp->bufs);
		}
		kfree(ss->spec);
	}
	memset(ss, 0, sizeof(*ss));
}

static int dtrace_spec_alloc(struct dtrace_specset *ss,
			     struct dtrace_cpucount *cc)
{
	u32 i;

	for (i = 0; i < ss->nspec; i++) {
		struct dtrace_spec *sp = &ss->spec[i];

		if (READ_ONCE(sp->state) != DTRACESPEC_INACTIVE)
			continue;
		if (cmpxchg(&sp->state, DTRACESPEC_INACTIVE,
			    DTRACESPEC_ACTIVE) == DTRACESPEC_INACTIVE)
			return i + 1;
	}
	cc->specdrops_unavail++;
	return 0;
}

static struct dtrace_buffer *dtrace_spec_buffer(struct dtrace_specset *ss,
						u64 id, int cpu,
						struct dtrace_cpucount *cc,
						bool *illop)
{
	struct dtrace_spec *sp;
	u32 s, n;
	int tries;

	*illop = false;
	if (id == 0)
		return NULL;
	if (id > ss->nspec) {
		*illop = true;
		return NULL;
	}
	sp = &ss->spec[id - 1];
	if (!sp->bufs) {
		cc->specdrops++;
		return NULL;
	}
	for (tries = 0; tries < 64; tries++) {
		s = READ_ONCE(sp->state);
		switch (DTRACESPEC_KIND(s)) {
		case DTRACESPEC_INACTIVE:
			cc->specdrops++;
			return NULL;
		case DTRACESPEC_COMMITTING:
		case DTRACESPEC_DISCARDING:
			cc->specdrops_busy++;
			return NULL;
		case DTRACESPEC_ACTIVEMANY:
			return &sp->bufs[cpu];
		case DTRACESPEC_ACTIVEONE:
			if (DTRACESPEC_CPU(s) == (u32)cpu)
				return &sp->bufs[cpu];
			n = DTRACESPEC_ACTIVEMANY;
			break;
		default:	/* ACTIVE */
			n = DTRACESPEC_ONE(cpu);
			break;
		}
		if (cmpxchg(&sp->state, s, n) == s)
			return &sp->bufs[cpu];
	}
	cc->specdrops_busy++;
	return NULL;
}

/* Move (or drop) the records of b into principal; b is emptied. */
static void dtrace_spec_drain(struct dtrace_buffer *b,
			      struct dtrace_buffer *principal,
			      struct dtrace_cpucount *cc)
{
	u64 off = 0;

	while (principal && off + sizeof(struct dtrace_rechdr) <= b->head) {
		const struct dtrace_rechdr *h;

		h = (const struct dtrace_rechdr *)(b->data + off);
		if (h->size < sizeof(*h) || (h->size & 7) ||
		    h->size > b->head - off)
			break;
		if (!dtrace_buffer_copyrec(principal, h, h->size))
			cc->drops++;
		off += h->size;
	}
	dtrace_buffer_reset(b);
}

static bool dtrace_spec_commit(struct dtrace_specset *ss, u64 id, int cpu,
			       struct dtrace_buffer *principal,
			       struct dtrace_cpucount *cc, bool discard)
{
	struct dtrace_spec *sp;
	u32 s, n;
	int tries;

	if (id == 0)
		return true;
	if (id > ss->nspec)
		return false;
	sp = &ss->spec[id - 1];
	for (tries = 0; tries < 64; tries++) {
		s = READ_ONCE(sp->state);
		switch (DTRACESPEC_KIND(s)) {
		case DTRACESPEC_INACTIVE:
		case DTRACESPEC_COMMITTING:
		case DTRACESPEC_DISCARDING:
			return true;	/* nothing to do, or already done */
		case DTRACESPEC_ACTIVE:
			n = DTRACESPEC_INACTIVE;
			break;
		case DTRACESPEC_ACTIVEONE:
			if (DTRACESPEC_CPU(s) == (u32)cpu) {
				n = DTRACESPEC_INACTIVE;
				break;
			}
			fallthrough;
		default:	/* ACTIVEMANY, or data on another CPU */
			n = discard ? DTRACESPEC_DISCARDING :
				      DTRACESPEC_COMMITTING;
			break;
		}
		if (cmpxchg(&sp->state, s, n) != s)
			continue;
		/*
		 * Only this CPU writes bufs[cpu]: even if the speculation is
		 * reallocated right after going INACTIVE, nobody can have
		 * written this CPU's buffer since.
		 */
		if (sp->bufs && DTRACESPEC_KIND(s) != DTRACESPEC_ACTIVE)
			dtrace_spec_drain(&sp->bufs[cpu],
					  discard ? NULL : principal, cc);
		return true;
	}
	return true;
}

static bool dtrace_spec_clean_prepare(struct dtrace_specset *ss)
{
	bool any = false;
	u32 i;

	for (i = 0; i < ss->nspec; i++) {
		struct dtrace_spec *sp = &ss->spec[i];
		u32 k = DTRACESPEC_KIND(READ_ONCE(sp->state));

		sp->cleaning = k == DTRACESPEC_COMMITTING ||
			       k == DTRACESPEC_DISCARDING;
		any |= sp->cleaning;
	}
	return any;
}

static void dtrace_spec_clean_cpu(struct dtrace_specset *ss, int cpu,
				  struct dtrace_buffer *principal,
				  struct dtrace_cpucount *cc)
{
	u32 i;

	for (i = 0; i < ss->nspec; i++) {
		struct dtrace_spec *sp = &ss->spec[i];
		u32 k = DTRACESPEC_KIND(READ_ONCE(sp->state));

		if (!sp->bufs)
			continue;
		if (k == DTRACESPEC_COMMITTING)
			dtrace_spec_drain(&sp->bufs[cpu], principal, cc);
		else if (k == DTRACESPEC_DISCARDING)
			dtrace_spec_drain(&sp->bufs[cpu], NULL, cc);
	}
}

static void dtrace_spec_clean_finish(struct dtrace_specset *ss)
{
	u32 i;

	for (i = 0; i < ss->nspec; i++) {
		struct dtrace_spec *sp = &ss->spec[i];

		if (!sp->cleaning)
			continue;
		/* COMMITTING/DISCARDING change only here. */
		WRITE_ONCE(sp->state, DTRACESPEC_INACTIVE);
		sp->cleaning = false;
	}
}
