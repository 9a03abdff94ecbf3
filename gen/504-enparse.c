/* Parsing an enabling: options, actions, clauses, their worst-case cost */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A DTRACEIOC_ENABLE blob is parsed and validated here, completely,
 * before anything is attached (506-enable.c attaches): options, DIF
 * objects (400), actions, the rules across a clause's actions, and each
 * clause's worst-case cost per firing (the bound on one firing).
 *
 * Owns: struct dtrace_enparse, dtrace_clause_parse, dtrace_clause_cost.
 * Calls: 400 (validator), 520 (aggregation declarations), 530.
 */

/* ------------------------------------------------------------------
 * Parsing an enabling (process context)
 * ------------------------------------------------------------------ */
struct dtrace_enparse {
	struct dtrace_ioc_enable *res;	/* err_* are filled here */
	struct dtrace_vlimits lim;
	const struct dtrace_enable_hdr *opts;	/* normalised */
	struct dtrace_aggspace *aggs;
	struct dtrace_vstate *vstate;	/* learns the variables' sizes */
	bool destructive;
	u32 clause;
	u32 action;
	u32 difo;
};

static __printf(3, 4) int dtrace_enerr(struct dtrace_enparse *pp, u32 offset,
				       const char *fmt, ...)
{
	struct dtrace_ioc_enable *r = pp->res;
	va_list ap;

	r->err_clause = pp->clause;
	r->err_action = pp->action;
	r->err_difo = pp->difo;
	r->err_offset = offset;
	va_start(ap, fmt);
	vsnprintf(r->err_msg, sizeof(r->err_msg), fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/*
 * Memory a consumer asks for is refused up front beyond half of what the
 * system has available: an allocation that large would wake the OOM
 * killer instead of failing.
 */
static bool dtrace_mem_ok(u64 bytes)
{
	u64 avail = (u64)si_mem_available() << PAGE_SHIFT;

	return bytes <= avail / 2;
}

/* Options of an enabling header with the defaults filled in. */
static int dtrace_opts_normalize(struct dtrace_enparse *pp,
				 const struct dtrace_enable_hdr *in,
				 struct dtrace_enable_hdr *o)
{
	const u32 nvars = DIF_VAR_OTHER_MAX - DIF_VAR_OTHER_UBASE + 1;
	u32 i;

	*o = *in;
	if (in->flags & ~(DTRACE_ENABLE_DESTRUCTIVE | DTRACE_ENABLE_ZDEFS))
		return dtrace_enerr(pp, ~0U, "unknown enabling flags 0x%x",
				    in->flags);
	for (i = 0; i < ARRAY_SIZE(in->reserved); i++)
		if (in->reserved[i])
			return dtrace_enerr(pp, ~0U,
					    "reserved header fields must be 0");
	if (!o->bufsize)
		o->bufsize = DTRACE_CFG_BUFSIZE;
	if (!o->aggsize)
		o->aggsize = DTRACE_CFG_AGGSIZE;
	if (!o->specsize)
		o->specsize = min_t(u64, DTRACE_SPECSIZE_DEFAULT, o->bufsize);
	if (!o->strsize)
		o->strsize = 256;
	if (!o->nspec)
		o->nspec = 1;
	if (!o->stackframes)
		o->stackframes = 20;
	/*
	 * As DTrace does, any size is taken and rounded down to a multiple
	 * of 8; the smallest buffer holds one record header.  Records that
	 * do not fit are dropped (and counted) when the probe fires.
	 */
	o->bufsize &= ~7ULL;
	o->specsize &= ~7ULL;
	o->bufsize = max_t(u64, o->bufsize, sizeof(struct dtrace_rechdr));
	o->specsize = max_t(u64, o->specsize, sizeof(struct dtrace_rechdr));
	if (o->bufsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U,
				    "bufsize %llu out of range (64 .. %llu)",
				    (unsigned long long)in->bufsize,
				    (unsigned long long)DTRACE_CFG_BUFSIZE_MAX);
	if (o->aggsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "aggsize %llu too large",
				    (unsigned long long)o->aggsize);
	if (o->specsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "specsize %llu out of range",
				    (unsigned long long)in->specsize);
	if (o->dynvarsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "dynvarsize %llu too large",
				    (unsigned long long)o->dynvarsize);
	if (o->bufpolicy > DTRACE_BUFPOLICY_RING)
		return dtrace_enerr(pp, ~0U, "unknown buffer policy %u",
				    o->bufpolicy);
	if (o->strsize > DTRACE_MAX_STRSIZE)
		return dtrace_enerr(pp, ~0U, "strsize %u too large (max %u)",
				    o->strsize, DTRACE_MAX_STRSIZE);
	if (o->nspec > DTRACE_MAX_NSPEC)
		return dtrace_enerr(pp, ~0U, "nspec %u too large (max %u)",
				    o->nspec, DTRACE_MAX_NSPEC);
	if (o->stackframes > DTRACE_STACK_MAXDEPTH)
		return dtrace_enerr(pp, ~0U, "stackframes %u too large (max %u)",
				    o->stackframes, DTRACE_STACK_MAXDEPTH);
	if (o->ngvars > nvars || o->ntvars > nvars || o->nlvars > nvars)
		return dtrace_enerr(pp, ~0U, "too many variables");
	if (o->naggs > 65535)
		return dtrace_enerr(pp, ~0U, "too many aggregations");
	return 0;
}

/* A later enabling must agree with the options of the first one. */
static int dtrace_opts_compatible(struct dtrace_enparse *pp,
				  const struct dtrace_enable_hdr *a,
				  const struct dtrace_enable_hdr *b)
{
	if (a->bufsize != b->bufsize || a->aggsize != b->aggsize ||
	    a->specsize != b->specsize || a->dynvarsize != b->dynvarsize ||
	    a->bufpolicy != b->bufpolicy || a->strsize != b->strsize ||
	    a->nspec != b->nspec || a->stackframes != b->stackframes)
		return dtrace_enerr(pp, ~0U,
			"options differ from the consumer's first enabling");
	if (b->ngvars > a->ngvars || b->ntvars > a->ntvars ||
	    b->nlvars > a->nlvars || b->naggs > a->naggs)
		return dtrace_enerr(pp, ~0U,
			"more variables or aggregations than the first enabling");
	return 0;
}

static bool dtrace_difo_is_int(const struct dtrace_difo *d)
{
	return d->rtype.kind == DIF_TYPE_CTF &&
	       !(d->rtype.flags & DIF_TF_BYREF) && d->rtype.size <= 8;
}

static bool dtrace_difo_is_str(const struct dtrace_difo *d)
{
	return d->rtype.kind == DIF_TYPE_STRING;
}

static int dtrace_difo_parse(struct dtrace_enparse *pp, const u8 *p,
			     size_t avail, struct dtrace_difo **out,
			     size_t *used)
{
	struct dtrace_verr verr;
	int err;

	memset(&verr, 0, sizeof(verr));
	verr.offset = ~0U;
	*out = NULL;
	*used = 0;
	err = dtrace_difo_create(p, avail, &pp->lim, out, used, &verr);
	if (err) {
		*out = NULL;
		if (err != -EINVAL)
			return err;
		return dtrace_enerr(pp, verr.offset, "%s",
				    verr.msg[0] ? verr.msg : "invalid DIF");
	}
	if (*used == 0 || *used > avail || (*used & 7)) {
		dtrace_difo_destroy(*out);
		*out = NULL;
		return dtrace_enerr(pp, ~0U, "bad DIF object size %zu",
				    *used);
	}
	dtrace_vstate_addvars(pp->vstate, *out);
	return 0;
}

static const char *const dtrace_act_names[DTRACEACT_MAX + 1] = {
	"none", "trace", "exit", "printf", "printa", "tracemem", "setopt",
	"stack", "ustack", "speculate", "commit", "discard", "clear",
	"trunc", "raise", "stop", "system", "chill", "breakpoint", "panic",
	"aggregate", "marker",
};

static bool dtrace_act_destructive(u16 kind)
{
	return kind == DTRACEACT_RAISE || kind == DTRACEACT_STOP ||
	       kind == DTRACEACT_SYSTEM || kind == DTRACEACT_CHILL ||
	       kind == DTRACEACT_BREAKPOINT || kind == DTRACEACT_PANIC;
}

/* Parse one action at p (its header already bounds-checked: size). */
static int dtrace_action_parse(struct dtrace_enparse *pp,
			       const struct dtrace_clause *cl,
			       const struct dtrace_action_hdr *ah,
			       struct dtrace_action *a)
{
	const u8 *p = (const u8 *)ah + sizeof(*ah);
	size_t left = ah->size - sizeof(*ah), used;
	u32 strsize = pp->opts->strsize;
	u32 i, want_ndifo = 1, want_rec = 0;
	int err;

	a->kind = ah->kind;
	a->ndifo = ah->ndifo;
	a->recoff = ah->recoff;
	a->recsize = ah->recsize;
	a->arg = ah->arg;
	a->arg2 = ah->arg2;
	a->aggid = ah->aggid;
	a->nkeys = ah->nkeys;

	if (ah->kind == DTRACEACT_NONE || ah->kind > DTRACEACT_MAX)
		return dtrace_enerr(pp, ~0U, "unknown action kind %u",
				    ah->kind);
	if (dtrace_act_destructive(ah->kind) && !pp->destructive)
		return dtrace_enerr(pp, ~0U,
			"%s() is destructive: not allowed without -w (DTRACE_ENABLE_DESTRUCTIVE)",
			dtrace_act_names[ah->kind]);

	switch (ah->kind) {
	case DTRACEACT_PRINTF: case DTRACEACT_PRINTA: case DTRACEACT_SETOPT:
	case DTRACEACT_MARKER: case DTRACEACT_CLEAR: case DTRACEACT_STOP:
	case DTRACEACT_SYSTEM: case DTRACEACT_BREAKPOINT:
	case DTRACEACT_PANIC: case DTRACEACT_STACK: case DTRACEACT_USTACK:
		want_ndifo = 0;
		break;
	case DTRACEACT_AGGREGATE:
		if (ah->arg < DTRACEAGG_COUNT || ah->arg > DTRACEAGG_LLQUANTIZE)
			return dtrace_enerr(pp, ~0U,
					    "unknown aggregating function %llu",
					    (unsigned long long)ah->arg);
		if (ah->nkeys > DTRACE_AGG_MAXKEYS)
			return dtrace_enerr(pp, ~0U,
					    "too many aggregation keys (%u, max %u)",
					    ah->nkeys, DTRACE_AGG_MAXKEYS);
		want_ndifo = ah->nkeys + (ah->arg == DTRACEAGG_COUNT ? 0 : 1);
		/* quantize, lquantize and llquantize: optional increment */
		if (ah->arg >= DTRACEAGG_QUANTIZE &&
		    ah->ndifo == want_ndifo + 1)
			want_ndifo++;
		if ((ah->stackkeys | ah->ustackkeys) &
		    ~(u32)(BIT_ULL(ah->nkeys) - 1))
			return dtrace_enerr(pp, ~0U,
				"stack keys %#x/%#x beyond the %u keys",
				ah->stackkeys, ah->ustackkeys, ah->nkeys);
		if (ah->stackkeys & ah->ustackkeys)
			return dtrace_enerr(pp, ~0U,
				"key both stack() and ustack() (%#x)",
				ah->stackkeys & ah->ustackkeys);
		break;
	default:
		break;
	}
	if (ah->ndifo != want_ndifo)
		return dtrace_enerr(pp, ~0U, "%s: %u DIF objects, expected %u",
				    dtrace_act_names[ah->kind], ah->ndifo,
				    want_ndifo);
	if (ah->kind == DTRACEACT_AGGREGATE || ah->kind == DTRACEACT_CLEAR ||
	    ah->kind == DTRACEACT_TRUNC || ah->kind == DTRACEACT_PRINTA) {
		bool need = ah->kind != DTRACEACT_PRINTA;

		if ((need && ah->aggid == 0) || ah->aggid > pp->opts->naggs)
			return dtrace_enerr(pp, ~0U,
					    "aggregation id %u out of range (1..%u)",
					    ah->aggid, pp->opts->naggs);
	}

	if (a->ndifo) {
		a->difo = kcalloc(a->ndifo, sizeof(*a->difo),
				  DTRACE_GFP_CONSUMER);
		if (!a->difo)
			return -ENOMEM;
	}
	for (i = 0; i < a->ndifo; i++) {
		pp->difo = i;
		err = dtrace_difo_parse(pp, p, left, &a->difo[i], &used);
		if (err)
			return err;
		p += used;
		left -= used;
	}
	pp->difo = 0;
	if (left)
		return dtrace_enerr(pp, ~0U,
				    "%zu bytes after the last DIF object", left);

	/* Value types and record sizes. */
	switch (ah->kind) {
	case DTRACEACT_DIFEXPR:
		if (!ah->recsize)
			want_rec = 0;
		else if (dtrace_difo_is_str(a->difo[0]))
			want_rec = strsize;
		else if (a->difo[0]->rtype.flags & DIF_TF_BYREF)
			want_rec = a->difo[0]->rtype.size;
		else
			want_rec = 8;
		if (ah->recsize && !want_rec)
			return dtrace_enerr(pp, ~0U,
					    "trace of a zero-sized object");
		break;
	case DTRACEACT_EXIT: case DTRACEACT_TRUNC:
		want_rec = 8;
		fallthrough;
	case DTRACEACT_SPECULATE: case DTRACEACT_COMMIT:
	case DTRACEACT_DISCARD: case DTRACEACT_RAISE: case DTRACEACT_CHILL:
		if (!dtrace_difo_is_int(a->difo[0])) {
			pp->difo = 0;
			return dtrace_enerr(pp, ~0U,
					    "%s() needs an integer argument",
					    dtrace_act_names[ah->kind]);
		}
		break;
	case DTRACEACT_TRACEMEM:
		if (!dtrace_difo_is_int(a->difo[0]))
			return dtrace_enerr(pp, ~0U,
					    "tracemem() needs an address");
		if (ah->arg == 0 || ah->arg > DTRACE_CFG_BUFSIZE_MAX)
			return dtrace_enerr(pp, ~0U, "bad tracemem() size %llu",
					    (unsigned long long)ah->arg);
		want_rec = (u32)ah->arg;
		break;
	case DTRACEACT_STACK: case DTRACEACT_USTACK:
		if (ah->arg == 0 || ah->arg > DTRACE_STACK_MAXDEPTH)
			return dtrace_enerr(pp, ~0U,
					    "%s() depth %llu out of range (1..%u)",
					    dtrace_act_names[ah->kind],
					    (unsigned long long)ah->arg,
					    DTRACE_STACK_MAXDEPTH);
		want_rec = (ah->kind == DTRACEACT_STACK ? 8 : 16) +
			   8 * (u32)ah->arg;
		break;
	case DTRACEACT_AGGREGATE: {
		struct dtrace_verr verr;

		a->keykind = kcalloc(max(a->nkeys, 1u), 1,
				     DTRACE_GFP_CONSUMER);
		if (!a->keykind)
			return -ENOMEM;
		a->keysize = 0;
		for (i = 0; i < a->nkeys; i++) {
			const struct dtrace_diftype *t = &a->difo[i]->rtype;

			pp->difo = i;
			if (ah->stackkeys & BIT(i) || ah->ustackkeys & BIT(i)) {
				u32 hdr = ah->stackkeys & BIT(i) ? 8 : 16;

				if (t->kind != DIF_TYPE_CTF ||
				    !(t->flags & DIF_TF_BYREF) ||
				    t->size < hdr + 8 || (t->size - hdr) % 8 ||
				    (t->size - hdr) / 8 > DTRACE_STACK_MAXDEPTH)
					return dtrace_enerr(pp, ~0U,
						"aggregation key %u: a stack key needs a by-reference type of %u + 8 * (1..%u) bytes, not %u",
						i, hdr, DTRACE_STACK_MAXDEPTH,
						t->size);
				a->keykind[i] = hdr == 8 ? DTRACE_KEY_STACK :
							   DTRACE_KEY_USTACK;
				a->keysize += t->size;
			} else if (dtrace_difo_is_str(a->difo[i])) {
				a->keykind[i] = DTRACE_KEY_STR;
				a->keysize += strsize;
			} else if (dtrace_difo_is_int(a->difo[i])) {
				a->keykind[i] = DTRACE_KEY_INT;
				a->keysize += 8;
			} else {
				return dtrace_enerr(pp, ~0U,
					"aggregation key %u: only integers, strings and stacks", i);
			}
		}
		for (i = a->nkeys; i < a->ndifo; i++) {
			pp->difo = i;
			if (!dtrace_difo_is_int(a->difo[i]))
				return dtrace_enerr(pp, ~0U,
					"aggregating function needs an integer %s",
					i == a->nkeys ? "value" : "increment");
		}
		pp->difo = 0;
		memset(&verr, 0, sizeof(verr));
		verr.offset = ~0U;
		err = dtrace_agg_define(pp->aggs, a->aggid, (u32)a->arg,
					a->arg2, a->keysize, &verr);
		if (err == -EINVAL)
			return dtrace_enerr(pp, ~0U, "%s", verr.msg[0] ?
					    verr.msg : "bad aggregation");
		if (err)
			return err;
		break;
	}
	default:
		break;
	}
	if (ah->recsize != want_rec)
		return dtrace_enerr(pp, ~0U,
				    "%s: record size %u, expected %u",
				    dtrace_act_names[ah->kind], ah->recsize,
				    want_rec);
	if (ah->recsize &&
	    ((u64)ah->recoff + ah->recsize > cl->recsize))
		return dtrace_enerr(pp, ~0U,
				    "%s: record bytes %u..%u outside the clause's %u",
				    dtrace_act_names[ah->kind], ah->recoff,
				    ah->recoff + ah->recsize, cl->recsize);
	return 0;
}

/* Rules that involve several actions of a clause. */
static int dtrace_clause_check(struct dtrace_enparse *pp,
			       struct dtrace_clause *cl)
{
	int spec = -1;
	u32 i, j;

	for (i = 0; i < cl->nactions; i++) {
		if (cl->act[i].kind != DTRACEACT_SPECULATE)
			continue;
		pp->action = i;
		if (spec >= 0)
			return dtrace_enerr(pp, ~0U,
				"speculate() may not follow speculate()");
		spec = i;
	}
	for (i = 0; spec >= 0 && i < cl->nactions; i++) {
		const struct dtrace_action *a = &cl->act[i];

		pp->action = i;
		if (i < (u32)spec) {
			/* Only side-effect statements before speculate(). */
			pp->action = spec;
			if (a->kind != DTRACEACT_DIFEXPR || a->recsize)
				return dtrace_enerr(pp, ~0U,
					"speculate() must come before data-recording actions");
			continue;
		}
		switch (a->kind) {
		case DTRACEACT_AGGREGATE: case DTRACEACT_CLEAR:
		case DTRACEACT_TRUNC:
			return dtrace_enerr(pp, ~0U,
				"aggregating actions may not be speculative");
		case DTRACEACT_EXIT:
			return dtrace_enerr(pp, ~0U,
				"exit() may not be speculative");
		case DTRACEACT_COMMIT: case DTRACEACT_DISCARD:
			return dtrace_enerr(pp, ~0U,
				"%s() may not be in a clause with speculate()",
				dtrace_act_names[a->kind]);
		default:
			if (dtrace_act_destructive(a->kind))
				return dtrace_enerr(pp, ~0U,
					"destructive actions may not be speculative");
		}
	}
	cl->speculative = false;
	for (i = 0; i < cl->nactions; i++)
		if (cl->act[i].kind == DTRACEACT_SPECULATE)
			cl->speculative = true;

	/*
	 * commit() copies the speculation into the principal buffer while
	 * the clause runs, so a clause with commit() records no data (the
	 * compiler's D_COMM_DREC and D_DREC_COMM).  discard() writes
	 * nothing: as in DTrace, data-recording actions may precede or
	 * follow it.
	 */
	for (i = 0; i < cl->nactions; i++) {
		u16 k = cl->act[i].kind;

		if (k == DTRACEACT_COMMIT || k == DTRACEACT_DISCARD)
			cl->cleans = true;
		if (k == DTRACEACT_COMMIT)
			cl->commits = true;
	}
	if (cl->commits) {
		for (i = 0; i < cl->nactions; i++) {
			const struct dtrace_action *a = &cl->act[i];

			pp->action = i;
			if (a->recsize || a->kind == DTRACEACT_PRINTF ||
			    a->kind == DTRACEACT_PRINTA ||
			    a->kind == DTRACEACT_SPECULATE)
				return dtrace_enerr(pp, ~0U,
					"a clause with commit() may not record data");
		}
	}

	/* Recorded ranges may not overlap. */
	for (i = 0; i < cl->nactions; i++) {
		const struct dtrace_action *a = &cl->act[i];

		if (!a->recsize)
			continue;
		for (j = i + 1; j < cl->nactions; j++) {
			const struct dtrace_action *b = &cl->act[j];

			if (!b->recsize)
				continue;
			if (a->recoff < b->recoff + b->recsize &&
			    b->recoff < a->recoff + a->recsize) {
				pp->action = j;
				return dtrace_enerr(pp, ~0U,
					"record bytes of actions %u and %u overlap",
					i, j);
			}
		}
	}

	pp->action = ~0U;
	if (cl->flags & DTRACE_CLAUSE_NOREC) {
		for (i = 0; i < cl->nactions; i++) {
			if (cl->act[i].recsize ||
			    cl->act[i].kind == DTRACEACT_SPECULATE) {
				pp->action = i;
				return dtrace_enerr(pp, ~0U,
					"clause marked NOREC records data");
			}
		}
	}
	cl->record = !(cl->flags & DTRACE_CLAUSE_NOREC);
	cl->rec_at = 0;
	if (cl->speculative)
		cl->rec_at = spec + 1;
	if (cl->commits)
		cl->rec_at = cl->nactions;	/* after the commits */
	/*
	 * A record larger than the buffer is not refused here: as in
	 * DTrace, it is dropped, and counted, at each firing.
	 */
	return 0;
}

/*
 * THE BOUND ON ONE FIRING (issue 11 asked for a run-time budget per firing
 * or a static bound; the static bound was chosen, with one run-time cap):
 *  - each clause's worst case (below) is at most CONFIG_DTRACE_CLAUSE_COST_MAX
 *    (1000000 units), the clauses one firing runs, of every consumer,
 *    at most CONFIG_DTRACE_PROBE_COST_MAX (2000000) together
 *    (dtrace_ecb_attach; BEGIN, END and ERROR per consumer);
 *  - faults: each may run the consumer's ERROR clauses again; those runs
 *    stop once they would pass CONFIG_DTRACE_PROBE_COST_MAX in one firing
 *    (dtrace_probe_errwork), so a firing does at most 2 x 2000000 units;
 *  - every clause costs at least DTRACE_COST_CALL (its ECB's dispatch),
 *    so a probe carries at most 50000 ECBs' worth of dispatch;
 *  - not in the units: chill() (its own per-CPU budget, dtrace_chill),
 *    the wait for a consumer's dynamic-variable lock (held by other CPUs
 *    only for one bounded hash operation each; the spin gives up after
 *    DTRACE_DYN_LOCKSPIN and drops), and skipping other consumers' ECBs
 *    on BEGIN/END/ERROR (at most CONFIG_DTRACE_MAX_CONSUMERS x
 *    CONFIG_DTRACE_MAX_ENABLINGS list steps, a few ns each).
 * In time: a unit is about 0.5 ns on current x86-64 hardware (make -C
 * test/unit bench), so 1 ms per firing, 2 ms with ERROR clauses.  In the
 * project's QEMU (TCG) VMs, test/vm/tests/cost.host.t measured a clause of
 * about 530000 units at 1.2-2.1 ms on average and 3.6 ms at most natively,
 * 3.2 ms on average and 16 ms at most in a Xen PV dom0; scaled to 4000000
 * units: about 16 ms (27 ms at most) natively and 24 ms (120 ms at most)
 * under Xen PV, emulated.  That is enough: the kernel notices a CPU with
 * interrupts masked after 10 s (hard lockup), a CPU not scheduling after
 * 20 s (soft lockup) and an RCU stall after 21 s: two orders of magnitude
 * above the worst firing even under TCG, three to four on hardware.
 */

/*
 * Worst-case work of one firing of a clause, in the validator's cost units
 * (400): its dispatch, its DIF objects, the record it clears and fills, and
 * what each action does beyond its DIF (a string or memory copy, a stack
 * walk, an aggregation's key and hash lookup, a commit's copy of the
 * speculation).  chill() is left out: it is a deliberate delay with its
 * own budget.
 */
static u64 dtrace_clause_cost(const struct dtrace_enparse *pp,
			      const struct dtrace_clause *cl)
{
	u64 cost = DTRACE_COST_CALL + (cl->pred ? cl->pred->cost : 0);
	u32 i, j;

	if (cl->recsize)
		cost += sizeof(struct dtrace_rechdr) + cl->recsize;
	for (i = 0; i < cl->nactions; i++) {
		const struct dtrace_action *a = &cl->act[i];

		cost += DTRACE_COST_CALL;
		for (j = 0; j < a->ndifo; j++)
			cost += a->difo[j]->cost;
		switch (a->kind) {
		case DTRACEACT_DIFEXPR:
			cost += 2 * (u64)a->recsize;
			break;
		case DTRACEACT_TRACEMEM:
			cost += 2 * (u64)a->recsize +
				DIV_ROUND_UP((u64)a->recsize, PAGE_SIZE) *
				DTRACE_COST_LOAD;
			break;
		case DTRACEACT_STACK:
			cost += DTRACE_COST_STACK;
			break;
		case DTRACEACT_USTACK:
			cost += a->arg * DTRACE_COST_LOAD;
			break;
		case DTRACEACT_AGGREGATE:
			cost += 2 * (u64)a->keysize + DTRACE_COST_HASH;
			break;
		case DTRACEACT_COMMIT:
			/* a memcpy of this CPU's part: ~4 bytes a unit */
			cost += pp->opts->specsize / 4;
			break;
		default:
			break;
		}
	}
	return cost;
}

static int dtrace_clause_parse(struct dtrace_enparse *pp, const u8 *p,
			       size_t avail, struct dtrace_clause **out,
			       size_t *used)
{
	const struct dtrace_clause_hdr *ch = (const void *)p;
	struct dtrace_clause *cl;
	size_t off, u;
	u64 cost;
	u32 i;
	int err;

	pp->action = ~0U;
	pp->difo = 0;
	*out = NULL;
	if (avail < sizeof(*ch))
		return dtrace_enerr(pp, ~0U, "clause header truncated");
	if (ch->size < sizeof(*ch) || ch->size > avail || (ch->size & 7))
		return dtrace_enerr(pp, ~0U, "bad clause size %u", ch->size);
	if (ch->flags & ~(DTRACE_CLAUSE_PRED | DTRACE_CLAUSE_NOREC))
		return dtrace_enerr(pp, ~0U, "unknown clause flags 0x%x",
				    ch->flags);
	if (!dtrace_desc_terminated(&ch->desc))
		return dtrace_enerr(pp, ~0U,
				    "probe description not NUL-terminated");
	if (ch->nactions > DTRACE_MAX_ACTIONS ||
	    ch->nactions > (ch->size - sizeof(*ch)) /
			   sizeof(struct dtrace_action_hdr))
		return dtrace_enerr(pp, ~0U, "bad action count %u",
				    ch->nactions);
	if (ch->recsize > DTRACE_CFG_BUFSIZE_MAX)
		return dtrace_enerr(pp, ~0U, "record size %u too large",
				    ch->recsize);

	cl = kzalloc(sizeof(*cl), DTRACE_GFP_CONSUMER);
	if (!cl)
		return -ENOMEM;
	cl->index = pp->clause;
	cl->flags = ch->flags;
	cl->recsize = ch->recsize;
	cl->desc = ch->desc;
	cl->desc.id = DTRACE_IDNONE;
	INIT_LIST_HEAD(&cl->link);
	if (ch->nactions) {
		cl->act = kcalloc(ch->nactions, sizeof(*cl->act),
				  DTRACE_GFP_CONSUMER);
		if (!cl->act) {
			err = -ENOMEM;
			goto fail;
		}
	}
	off = sizeof(*ch);
	if (ch->flags & DTRACE_CLAUSE_PRED) {
		err = dtrace_difo_parse(pp, p + off, ch->size - off, &cl->pred,
					&u);
		if (err)
			goto fail;
		off += u;
		if (dtrace_difo_is_str(cl->pred) ||
		    (cl->pred->rtype.flags & DIF_TF_BYREF)) {
			err = dtrace_enerr(pp, ~0U,
					   "predicate must be an integer");
			goto fail;
		}
	}
	for (i = 0; i < ch->nactions; i++) {
		const struct dtrace_action_hdr *ah = (const void *)(p + off);

		pp->action = i;
		pp->difo = 0;
		if (ch->size - off < sizeof(*ah)) {
			err = dtrace_enerr(pp, ~0U, "action header truncated");
			goto fail;
		}
		if (ah->size < sizeof(*ah) || ah->size > ch->size - off ||
		    (ah->size & 7)) {
			err = dtrace_enerr(pp, ~0U, "bad action size %u",
					   ah->size);
			goto fail;
		}
		cl->nactions = i + 1;	/* so that fail frees it */
		err = dtrace_action_parse(pp, cl, ah, &cl->act[i]);
		if (err)
			goto fail;
		off += ah->size;
	}
	pp->action = ~0U;
	if (off != ch->size) {
		err = dtrace_enerr(pp, ~0U,
				   "%zu bytes after the clause's last action",
				   ch->size - off);
		goto fail;
	}
	cl->nactions = ch->nactions;
	err = dtrace_clause_check(pp, cl);
	if (err)
		goto fail;
	cost = dtrace_clause_cost(pp, cl);
	cl->cost = cost;
	if (cost > DTRACE_CFG_CLAUSE_COST_MAX) {
		/* err_msg has 128 bytes: the probe description last */
		err = dtrace_enerr(pp, ~0U,
			"clause %u costs up to %llu units a firing, over CONFIG_DTRACE_CLAUSE_COST_MAX=%u (%s:%s:%s:%s)",
			pp->clause, (unsigned long long)cost,
			DTRACE_CFG_CLAUSE_COST_MAX, cl->desc.provider,
			cl->desc.mod, cl->desc.func, cl->desc.name);
		goto fail;
	}
	*out = cl;
	*used = ch->size;
	return 0;
fail:
	dtrace_clause_free(cl);
	return err;
}
