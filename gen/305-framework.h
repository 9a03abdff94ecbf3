/* Framework types: buffers, speculations, per-CPU counters */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types and prototypes of the framework that several fragments share and
 * that come before their definitions in MANIFEST order (502-fire.c fires
 * probes into the buffers of 510 and the speculations of 530).
 *
 * Like 300-core.h, this header and 510-buffer.c / 530-speculate.c compile
 * in user space too (test/unit): they use only the names 300-core.h lists,
 * plus cmpxchg, READ_ONCE and WRITE_ONCE (test/unit/shim-core.h).
 *
 * Concurrency model (see also 510-buffer.c):
 *  - A per-CPU buffer is written only on its CPU, in probe context
 *    (interrupts masked) or in a function run on that CPU by IPI
 *    (interrupts off as well), so those writers exclude each other without
 *    a lock.
 *  - Process context reads a buffer only after an IPI on its CPU has
 *    switched it out (switch, ring) or captured its committed length
 *    (fill: committed bytes are never rewritten).
 */

/* ---- principal and speculative buffers (510-buffer.c) ---- */

struct dtrace_buffer {
	char *data;
	u64 size;		/* bytes, a multiple of 8 */
	u64 head;		/* next write offset */
	u64 tail;		/* ring, wrapped: oldest record in [tail, end) */
	u64 end;		/* ring, wrapped: end of the older data */
	u64 resv;		/* fill: bytes kept for END clauses */
	u64 snap;		/* fill: snapshots consumed [0, snap) */
	u32 policy;		/* DTRACE_BUFPOLICY_* */
	u32 flags;		/* DTRACE_BUF_WRAPPED, DTRACE_BUF_FULL */
	bool wrapped;		/* ring: data is [tail, end) + [0, head) */
};

/* Process context: allocate size bytes (a multiple of 8, > 0). */
static int dtrace_buffer_alloc(struct dtrace_buffer *b, u64 size, u32 policy);
static void dtrace_buffer_free(struct dtrace_buffer *b);
/* Forget all data (on the owning CPU or when nobody writes it). */
static void dtrace_buffer_reset(struct dtrace_buffer *b);
/*
 * Probe context: room for a record of size bytes (a multiple of 8).
 * Returns where to write it and its offset in *off, or NULL if it does not
 * fit (the caller counts the drop).  Nothing is visible until
 * dtrace_buffer_commit(); an abandoned reservation is simply not committed.
 * end_clause: the record belongs to an END clause and may use the space a
 * fill buffer keeps for END.
 */
static void *dtrace_buffer_reserve(struct dtrace_buffer *b, u32 size,
				   bool end_clause, u64 *off);
static void dtrace_buffer_commit(struct dtrace_buffer *b, u64 off, u32 size);
/* Copy one whole record into b (reserve + copy + commit); false = drop. */
static bool dtrace_buffer_copyrec(struct dtrace_buffer *b, const void *rec,
				  u32 size);
/*
 * The committed data of b in order, as at most two [off, off + len)
 * segments (ring buffers that wrapped have two).  Returns the count.
 */
static int dtrace_buffer_segments(const struct dtrace_buffer *b,
				  u64 off[2], u64 len[2]);
/*
 * Bytes of whole records at data[0..len) that fit in room; *need gets the
 * size of the first record that does not fit (0 if all fit).
 */
static u64 dtrace_buffer_whole(const char *data, u64 len, u64 room,
			       u64 *need);

/* ---- per consumer, per CPU counters (written only on that CPU) ---- */

struct dtrace_cpucount {
	u64 drops;		/* principal drops since the last BUFSNAP */
	u64 errors;
	u64 specdrops;
	u64 specdrops_busy;
	u64 specdrops_unavail;
	u64 stkdrops;
};

/* ---- speculations (530-speculate.c) ---- */

/* Speculation states (low byte of dtrace_spec.state; the CPU above). */
#define DTRACESPEC_INACTIVE	0	/* free */
#define DTRACESPEC_ACTIVE	1	/* allocated, no data yet */
#define DTRACESPEC_ACTIVEONE	2	/* data on one CPU (state >> 8) */
#define DTRACESPEC_ACTIVEMANY	3	/* data on several CPUs */
#define DTRACESPEC_COMMITTING	4	/* committed; cleaner copies the rest */
#define DTRACESPEC_DISCARDING	5	/* discarded; cleaner drops the rest */

struct dtrace_spec {
	u32 state;		/* DTRACESPEC_* | cpu << 8; cmpxchg */
	bool cleaning;		/* process context: cleaner claimed it */
	struct dtrace_buffer *bufs;	/* [ncpus], NULL if not allocated */
};

struct dtrace_specset {
	u32 nspec;
	u32 ncpus;
	u64 specsize;
	struct dtrace_spec *spec;	/* [nspec]; ids are 1..nspec */
};

/*
 * Process context: nspec speculations; buffers only if with_bufs, and
 * only for the CPUs cpu_ok[] says (NULL: all): the others drop.
 */
static int dtrace_specset_create(struct dtrace_specset *ss, u32 nspec,
				 u32 ncpus, u64 specsize, bool with_bufs,
				 const bool *cpu_ok);
static void dtrace_specset_destroy(struct dtrace_specset *ss);
/* Probe context: speculation(): an id 1..nspec, or 0 (counted). */
static int dtrace_spec_alloc(struct dtrace_specset *ss,
			     struct dtrace_cpucount *cc);
/*
 * Probe context: the buffer speculate(id) writes to on cpu, or NULL: id 0,
 * or a drop (counted in cc).  *illop is set for an id above nspec.
 */
static struct dtrace_buffer *dtrace_spec_buffer(struct dtrace_specset *ss,
						u64 id, int cpu,
						struct dtrace_cpucount *cc,
						bool *illop);
/*
 * Probe context: commit (or discard) speculation id from cpu: this CPU's
 * data is copied to principal now, other CPUs' data by the cleaner.
 * Returns false for an id above nspec (illegal operation).
 */
static bool dtrace_spec_commit(struct dtrace_specset *ss, u64 id, int cpu,
			       struct dtrace_buffer *principal,
			       struct dtrace_cpucount *cc, bool discard);
/* Process context, before the IPIs: claim the specs being committed. */
static bool dtrace_spec_clean_prepare(struct dtrace_specset *ss);
/* On cpu (IPI): move committed data to principal, drop discarded data. */
static void dtrace_spec_clean_cpu(struct dtrace_specset *ss, int cpu,
				  struct dtrace_buffer *principal,
				  struct dtrace_cpucount *cc);
/* Process context, after the IPIs: claimed specs become free. */
static void dtrace_spec_clean_finish(struct dtrace_specset *ss);
