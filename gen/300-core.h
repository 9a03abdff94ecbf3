/* Core types: the contract between the DIF machine and the framework */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DIF layer (4xx fragments) and the framework (3xx, 5xx, 6xx, 8xx)
 * meet here.  The DIF layer owns struct dtrace_difo and struct dtrace_vstate
 * (variables); the framework owns providers, probes, ECBs, buffers and the
 * consumer state, and fills a struct dtrace_mstate for each probe firing.
 *
 * This header, the 4xx fragments and 510/520/530 also compile in user space
 * (test/unit), so they use only: u8..u64, s8..s64, bool, size_t, the
 * kmalloc/kzalloc/kfree/vmalloc/vfree family (process context only),
 * memcpy/memset/strcmp, the dtrace_* platform and probe-context functions,
 * and get_random_u64.  No other kernel name.
 */

struct dtrace_state;			/* a consumer (one open of /dev/dtrace) */
struct seq_file;
struct dtrace_vstate;			/* its variables (DIF layer) */

/* A validated DIF object, owned by the kernel. */
struct dtrace_difo {
	u32 *buf;			/* instructions */
	u32 len;			/* number of instructions */
	u64 *inttab;
	u32 intlen;
	u32 strlen;
	char *strtab;
	struct dtrace_difv *vartab;
	u32 varlen;
	struct dtrace_diftype rtype;
	u64 cost;			/* worst case of one run (400) */
};

/*
 * Scratch space per CPU and firing (600 sizes it, 400 charges copies into
 * it): room for a few strings, at least 16 KiB.
 */
#define DTRACE_SCRATCH_SIZE(strsize) \
	max_t(u64, 16 * 1024, 8 * (u64)(strsize))

/* Why a DIF object or an enabling was rejected (-> dtrace_ioc_enable). */
struct dtrace_verr {
	u32 offset;			/* instruction index, ~0U if none */
	char msg[128];
};

/* Limits a consumer's enabling sets for its DIF objects. */
struct dtrace_vlimits {
	u32 maxlen;			/* max instructions (Kconfig) */
	u32 strsize;			/* string size */
	u32 ngvars, ntvars, nlvars;	/* user variable IDs per scope */
	bool destructive;		/* -w given */
};

/*
 * Parse and validate one DIF object from an enabling blob at p (avail
 * bytes).  On success *out is a kernel copy and *used the bytes consumed.
 * On failure returns -EINVAL and fills err.  Process context.
 */
static int dtrace_difo_create(const void *p, size_t avail,
			      const struct dtrace_vlimits *lim,
			      struct dtrace_difo **out, size_t *used,
			      struct dtrace_verr *err);
static void dtrace_difo_destroy(struct dtrace_difo *difo);

/* mstate flags */
#define DTRACE_MSTATE_FAULT	0x1	/* a fault happened: abort the clause */

/* Per-firing machine state, filled by the framework before each DIFO. */
struct dtrace_mstate {
	u64 args[DTRACE_MAXARGS];	/* arg0..arg9 */
	u32 probe_id;
	u32 epid;
	const struct dtrace_probedesc *pdesc;	/* the firing probe's names */
	u64 timestamp;			/* dtrace_gethrtime() at firing */
	u64 walltimestamp;		/* dtrace_getwalltime(), 0 = not yet */
	int cpu;
	u32 flags;			/* DTRACE_MSTATE_* */
	u32 fault;			/* DTRACEFLT_* when FAULT is set */
	u32 difoff;			/* instruction index of the fault */
	u64 illval;			/* offending address or value */
	u32 action;			/* action index (for errors) */
	u32 strsize;
	char *scratch;			/* per-CPU scratch for this firing */
	size_t scratch_size;
	size_t scratch_used;		/* reset by the framework per clause */
	struct dtrace_state *state;
	struct dtrace_vstate *vstate;
	unsigned long caller;		/* return address of the probe site */
	void *regs;			/* struct pt_regs * or NULL */
	int sys_errno;			/* errno: a failed system call's error
					 * in syscall return probes, else 0 */
};

/*
 * Run a validated DIF object.  Returns its value; on a fault sets
 * DTRACE_MSTATE_FAULT, fault, difoff and illval in mstate and returns 0.
 * Probe context: never sleeps, never allocates, bounded by difo->len.
 */
static u64 dtrace_dif_emulate(const struct dtrace_difo *difo,
			      struct dtrace_mstate *mstate);

/*
 * Copy a string (at most strsize bytes, NUL-padded) or len bytes of
 * memory from an address a DIFO returned into dst, fault-checked (sets the
 * mstate fault on a bad address).  Scratch, strtab and variable addresses
 * are read directly; anything else through dtrace_load_kernel.
 */
static void dtrace_dif_copy_str(char *dst, u64 addr, size_t strsize,
				struct dtrace_mstate *mstate);
static void dtrace_dif_copy_mem(void *dst, u64 addr, size_t len,
				struct dtrace_mstate *mstate);

/* Variable state of a consumer; sizes from its enabling header. */
static int dtrace_vstate_create(const struct dtrace_enable_hdr *hdr,
				struct dtrace_vstate **out);
static void dtrace_vstate_destroy(struct dtrace_vstate *vs);
/*
 * A clause is about to run.  Clause-locals live for one probe firing: the
 * clauses of a firing share them and a new firing (another timestamp or
 * probe ID in the mstate, on that CPU) starts from zero (410-dynvar.c).
 */
static void dtrace_vstate_clause_begin(struct dtrace_vstate *vs, int cpu);
/* Dynamic-variable drop counters for DTRACEIOC_STATUS. */
static void dtrace_vstate_drops(struct dtrace_vstate *vs, u64 *dyndrops,
				u64 *rinse, u64 *dirty);

/* Provided by the framework (530-speculate.c) for the DIF subroutine. */
static int dtrace_speculation_alloc(struct dtrace_state *state);

/*
 * Aggregations (520-aggregate.c).  A consumer's aggregation space holds,
 * per CPU, an active and an inactive buffer of aggsize bytes each, with a
 * hash of (aggid, key) -> value.  Probe context updates the active buffer
 * of its CPU; a snapshot switches the two on that CPU and copies the
 * inactive one out as struct dtrace_aggrec records, so every snapshot is
 * the delta since the previous one and the consumer merges.
 */
struct dtrace_aggspace;

/* Process context. */
static int dtrace_aggspace_create(u64 aggsize, u32 naggs,
				  struct dtrace_aggspace **out);
static void dtrace_aggspace_destroy(struct dtrace_aggspace *as);
/*
 * Declare aggregation aggid (1..naggs) with function func (DTRACEAGG_*),
 * parameters arg2 (lquantize/llquantize) and key size.  Declaring the same
 * aggid again must agree; bad parameters fail with -EINVAL and err.
 */
static int dtrace_agg_define(struct dtrace_aggspace *as, u32 aggid, u32 func,
			     u64 arg2, u32 keysize, struct dtrace_verr *err);
/*
 * Probe context: fold val into @aggid[key] on cpu (the histograms add incr
 * to val's bucket; other functions ignore it); a full buffer is a drop.
 */
static void dtrace_aggregate(struct dtrace_aggspace *as, int cpu, u32 aggid,
			     const void *key, u32 keysize, s64 val, s64 incr);
/*
 * Process context: switch cpu's buffers and copy the delta to ubuf as
 * dtrace_aggrec records; *copied gets the bytes written.  If ubuf is too
 * small returns -ENOSPC with *copied set to the size needed and keeps the
 * data for the next call.
 */
static long dtrace_agg_snapshot(struct dtrace_aggspace *as, int cpu,
				void __user *ubuf, u64 len, u64 *copied);
static u64 dtrace_agg_drops(struct dtrace_aggspace *as);

/*
 * Framework entry points used by the device and module fragments
 * (700-dev.c, 900-module.c).
 */
static int dtrace_core_init(void);
static void dtrace_core_exit(void);
static int dtrace_state_create(struct dtrace_state **out);
static void dtrace_state_destroy(struct dtrace_state *state);
static long dtrace_state_ioctl(struct dtrace_state *state, unsigned int cmd,
			       void __user *arg);
static void dtrace_core_status(struct seq_file *m);
/* Number of probes currently registered (320-provider.c). */
static u32 dtrace_core_nprobes(void);
