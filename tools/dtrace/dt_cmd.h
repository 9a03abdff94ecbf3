/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dt_cmd.h - internal interfaces of the consumer side of dtrace(1):
 * options (dt_options.c), printf engine (dt_printf.c), aggregations
 * (dt_aggprint.c), kernel symbols (dt_ksyms.c), the consume loop
 * (dt_consume.c), probe listing (dt_list.c) and main (dtrace.c).
 *
 * Everything here is plain user-space C; none of it looks inside the
 * compiler, which is reached only through dt_prog.h.
 */
#ifndef _DT_CMD_H
#define _DT_CMD_H

#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

#include "dt_prog.h"

/* ----------------------------------------------------------------------
 * Options (dt_options.c)
 * ---------------------------------------------------------------------- */
#define DT_OPT_UNSET	((int64_t)-2)

struct dt_opts {
	int64_t bufsize;	/* bytes, DT_OPT_UNSET = module default */
	int64_t aggsize;
	int64_t specsize;
	int64_t dynvarsize;
	int64_t strsize;
	int64_t nspec;
	int64_t stackframes;
	int64_t ustackframes;
	int bufpolicy;		/* DTRACE_BUFPOLICY_* */
	int64_t switchrate;	/* ns */
	int64_t aggrate;	/* ns */
	int64_t statusrate;	/* ns */
	int aggsortkey;
	int aggsortrev;
	int64_t aggsortkeypos;
	int64_t aggsortpos;
	int quiet;
	int flowindent;
	int destructive;
	int zdefs;
	int defaultargs;
	int rawbytes;
	int errtags;
	int cpp;
	int64_t stackindent;
	int temporal;		/* records of all CPUs by timestamp */
	int oformat;		/* DT_OFMT_*: -x oformat=text|json */
	int agghist;		/* sum()/count() drawn as histograms */
	int aggpack;		/* quantize()/lquantize() on one line */
	int aggzoom;		/* bars scaled to the largest value */
	int encoding;		/* DT_ENC_*: -x encoding=ascii|utf8 */
};

enum { DT_ENC_UNSET = 0, DT_ENC_ASCII, DT_ENC_UTF8 };

enum { DT_OFMT_TEXT = 0, DT_OFMT_JSON };

extern struct dt_opts dt_opt;

void dt_opts_init(struct dt_opts *o);
/*
 * Set option name to value (NULL when given without '=').  Returns 0, or
 * -1 with a DTrace-worded reason in err ("Invalid option name", "Invalid
 * value for specified option").
 */
int dt_opt_set(struct dt_opts *o, const char *name, const char *value,
	       const char **err);
/* dt_opt_size() and dt_opt_check(): dt_prog.h */
/* "10hz", "5ms", "1s", "100" (ns) -> ns; 0 ok, -1 bad. */
int dt_opt_time(const char *s, int64_t *out);

/* ----------------------------------------------------------------------
 * Kernel symbols (dt_ksyms.c)
 * ---------------------------------------------------------------------- */
/* Load symbols from path (normally /proc/kallsyms); -1 on failure. */
int dt_ksyms_load(const char *path);
void dt_ksyms_free(void);
/*
 * Symbolize a kernel address: "module`func+0x1c", "module`func" for the
 * symbol's own address, "0xffff..." when unknown.  Returns buf.
 */
char *dt_ksym_addr(uint64_t pc, char *buf, size_t len, int with_offset);
/* Module of an address ("vmlinux", "ext4"), or NULL. */
const char *dt_ksym_module(uint64_t pc);

/*
 * A user address of process pid as DTrace prints a ustack() frame:
 * "object`function+0xoff" (ELF symbols of the mapped file), else
 * "object`0xADDR", else "0xADDR" (dt_usym.c).
 */
void dt_usym(uint64_t pid, uint64_t pc, char *buf, size_t len);

/* ----------------------------------------------------------------------
 * printf engine (dt_printf.c)
 * ---------------------------------------------------------------------- */
enum dt_pfkind {
	DT_PF_INT = 1,		/* integer/pointer: ival, size, is_signed */
	DT_PF_STR,		/* string or char[]: data, len (NUL-padded) */
	DT_PF_BYTES,		/* other by-ref object */
	DT_PF_STACK,		/* stack(): data = depth word then PCs */
	DT_PF_USTACK,		/* ustack(): data = pid, depth, then PCs */
	DT_PF_AGG,		/* aggregation value (%@): agg, val */
};

struct dt_aggdesc;

struct dt_pfarg {
	int kind;
	int is_signed;
	uint32_t size;		/* D size of an integer */
	uint64_t ival;
	const char *data;
	size_t len;
	/* DT_PF_AGG */
	const struct dt_aggdesc *agg;
	const int64_t *val;
	uint64_t normal;
};

/* Fill an argument from recorded bytes of D type t. */
void dt_pfarg_from_rec(struct dt_pfarg *a, const struct dt_vtype *t,
		       const void *data, size_t len);

/*
 * Format fmt with args into fp the way DTrace's printf() does.  Values
 * for %@ come from agg (may be NULL).  Returns the number of characters
 * written, or -1 with a message in err (err may be NULL).
 */
int dt_printf_format(FILE *fp, const char *fmt, const struct dt_pfarg *args,
		     int nargs, const struct dt_pfarg *aggvals, int naggvals,
		     char *err, size_t errlen);


/* ----------------------------------------------------------------------
 * Aggregations (dt_aggprint.c)
 * ---------------------------------------------------------------------- */
struct dt_aggent {
	struct dt_aggent *next;		/* in its aggregation */
	struct dt_aggent *hnext;	/* hash chain */
	uint64_t hash;
	uint32_t aggid;
	unsigned char *key;		/* keysize bytes */
	int64_t *val;			/* valsize / 8 words */
};

struct dt_aggdesc {
	uint32_t id;
	int func;			/* DTRACEAGG_* */
	uint64_t arg2;
	int nkeys;
	const struct dt_vtype *keytypes;
	const uint32_t *keyoffs;
	const uint32_t *keysizes;
	uint32_t keysize;
	uint32_t valsize;
	uint64_t normal;		/* normalize(); 1 = none */
	int printed;			/* printa() printed it */
	struct dt_aggent *ents;
	size_t nents;
};

struct dt_aggset {
	int naggs;
	struct dt_aggdesc *aggs;	/* aggs[id - 1] */
	size_t nbuckets;
	struct dt_aggent **buckets;
};

/* Build descriptions from a program (or by hand in the tests). */
int dt_aggset_init(struct dt_aggset *as, const struct dt_prog *prog);
void dt_aggset_fini(struct dt_aggset *as);
/* Merge one snapshot (a sequence of dtrace_aggrec); -1 if malformed. */
int dt_aggset_merge(struct dt_aggset *as, const void *buf, size_t len);
void dt_agg_clear(struct dt_aggset *as, uint32_t aggid);
/* trunc(@a, n): keep the top n (n < 0: bottom -n); n == 0 removes all. */
void dt_agg_trunc(struct dt_aggset *as, uint32_t aggid, int64_t n);
void dt_agg_normalize(struct dt_aggset *as, uint32_t aggid, uint64_t n);

/* Print one aggregation the default way (printa(@a) / at exit). */
void dt_agg_print(FILE *fp, struct dt_aggset *as, uint32_t aggid);
/* printa(fmt, @a, @b...) */
int dt_agg_printa(FILE *fp, struct dt_aggset *as, const char *fmt,
		  const uint32_t *aggids, int naggs);
/* At exit: every aggregation not printed by printa(), in ID order. */
void dt_agg_print_all(FILE *fp, struct dt_aggset *as);
/* Each row of aggregation aggid in printing order (dt_json.c). */
void dt_agg_foreach(struct dt_aggset *as, uint32_t aggid,
		    void (*fn)(const struct dt_aggdesc *d,
			       const unsigned char *key, const int64_t *val,
			       void *arg), void *arg);

/* ----------------------------------------------------------------------
 * Output primitives (dt_print.c): a leaf below dt_consume.c, dt_printf.c
 * and dt_aggprint.c
 * ---------------------------------------------------------------------- */
/* Strings for the output of DTrace's %S: C escapes for unprintables. */
void dt_print_escaped(FILE *fp, const char *s, size_t len);

/* tracemem()/rawbytes layout. */
void dt_print_rawbytes(FILE *fp, const void *data, size_t len);
/* trace() of a by-ref object: string if printable, else raw bytes. */
void dt_print_bytes(FILE *fp, const void *data, size_t len, int width,
		    int quiet);
/* stack(): "\n" then one symbolized frame per line. */
void dt_print_stack(FILE *fp, const uint64_t *pcs, int depth, int indent,
		    const char *fmt);
/*
 * A ustack() record (pid, depth, PCs; len bytes) as DTrace prints it: a
 * newline, then one frame per line after indent spaces, through fmt
 * ("%s" when NULL).
 */
void dt_print_ustack(FILE *fp, const unsigned char *d, uint32_t len,
		     int indent, const char *fmt);

/* Number of value words of an aggregating function. */
uint32_t dt_agg_nwords(int func, uint64_t arg2);
/* The value printers (also used by %@). */
int64_t dt_agg_value(const struct dt_aggdesc *ad, const int64_t *val,
		     uint64_t normal);
uint64_t dt_stddev(const int64_t *val, uint64_t normal);
void dt_print_quantize(FILE *fp, const int64_t *data, uint64_t normal);
void dt_print_lquantize(FILE *fp, const int64_t *data, uint64_t arg2,
			uint64_t normal);
void dt_print_llquantize(FILE *fp, const int64_t *data, uint64_t arg2,
			 uint64_t normal);

/* Histogram pieces shared with the packed (aggpack) layout. */
/* With aggzoom, the largest bar is this fraction of the full width. */
#define DT_AGGZOOM_MAX	0.95L
long double dt_ldabs(long double x);
/* Add a bucket's count to the total the bars are scaled against. */
void dt_quant_total(int64_t datum, long double *total);
/* One character of U+2580..U+258F as UTF-8. */
void dt_put_block(FILE *fp, unsigned int b);
/* One histogram row's bar and count. */
void dt_quantline(FILE *fp, int64_t val, uint64_t normal,
		  long double total, int positives, int negatives);
/* The lower bound of quantize() bucket i. */
int64_t dt_quant_bucketval(int i);

/* ----------------------------------------------------------------------
 * Shared helpers (dt_util.c): the bottom of the call graph
 * ---------------------------------------------------------------------- */
extern const char *dt_pname;		/* "dtrace" */
extern FILE *dt_out;			/* output (stdout or -o FILE) */

/* "dtrace: " and the message on stderr, after flushing dt_out. */
void dt_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* dt_error(), then exit status 1. */
void dt_fatal(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* "failed to allocate memory", then exit status 1. */
void dt_nomem(void) __attribute__((noreturn));
/* Zeroed memory (at least one byte) or dt_nomem(). */
void *dt_xzalloc(size_t n);
/* strdup() or dt_nomem(). */
char *dt_xstrdup(const char *s);

/* ----------------------------------------------------------------------
 * Consumer (dt_consume.c) and listing (dt_list.c)
 * ---------------------------------------------------------------------- */
const char *dt_faultstr(int fault);

/* Open /dev/dtrace with DTrace's messages; exits on failure. */
int dt_dev_open(void);

struct dt_source {
	const char *desc;	/* "script" or "description" */
	const char *name;	/* file name or cropped description */
	const char *spec;	/* the argument as given (messages) */
	int first_stmt;		/* statements of the merged program */
	int nstmts;
};

struct dt_run {
	int fd;
	struct dt_prog *prog;
	int nsources;
	struct dt_source *sources;
	pid_t child;		/* -c, 0 if none */
	int child_go;		/* -c: write a byte to let it exec */
	pid_t grabbed;		/* -p, 0 if none */
	int exec_only;		/* -e */
	int verbose;		/* -v: stability report */
};

/* Enable, go, consume until done; returns the exit status. */
int dt_consume_run(struct dt_run *run);

/* Tests: consume a synthetic buffer (see dt_consume.c). */
int dt_consume_synthetic(struct dt_run *run, const struct dtrace_probedesc *eps,
			 const int *epclause, uint32_t nep, const void *buf,
			 size_t len, const void *aggbuf, size_t agglen);

/* Tests: several passes over per-CPU snapshots (see dt_consume.c). */
struct dt_synth_snap {
	const void *buf;
	size_t len;
};

int dt_consume_synthetic_passes(struct dt_run *run,
				const struct dtrace_probedesc *eps,
				const int *epclause, uint32_t nep, int ncpus,
				const struct dt_synth_snap *snaps, int npasses,
				int stop);

/* -l: list probes matching the descriptions (all when n == 0). */
int dt_count_probes(int fd, const struct dtrace_probedesc *match);
int dt_list_probes(int fd, const struct dtrace_probedesc *descs, int n,
		   int verbose);

/* Stability attributes (dt_list.c): a description's, from the module. */
void dt_desc_attr(int fd, const struct dtrace_probedesc *pd,
		  struct dtrace_attribute *desc, struct dtrace_attribute *args);
struct dtrace_attribute dt_attr_min(struct dtrace_attribute a,
				    struct dtrace_attribute b);
const char *dt_stability_name(unsigned int s);
const char *dt_class_name(unsigned int c);

/* Probe description helpers (dt_list.c). */
int dt_pdesc_parse(const char *s, int spec, struct dtrace_probedesc *pd);
int dt_probe_argdesc(int fd, uint32_t id, uint32_t ndx,
		     struct dtrace_ioc_probearg *a);
int dt_desc_argtype(const char *prov, const char *mod, const char *func,
		    const char *name, int idx, char *native, char *xlate,
		    size_t len);
void dt_desc_argtype_done(void);

/*
 * Give the module's fbt provider the kernel's functions if one of the n
 * descriptions (n == 0: all probes) could name an fbt probe and it does
 * not have them yet (dt_fbt.c).  0, or -1 after printing why not.
 */
int dt_fbt_supply(int fd, const struct dtrace_probedesc *descs, int n);
/*
 * Open a file of tracefs (/sys/kernel/tracing, /sys/kernel/debug/tracing,
 * mounting tracefs at the first if neither is there), or NULL (dt_fbt.c).
 */
FILE *dt_tracefs_open(const char *file);
/*
 * Give the module's sdt provider the kernel's trace event names if one of
 * the n descriptions (n == 0: all probes) could name an sdt probe and it
 * does not have them yet (dt_sdt.c).  0, or -1 after printing why not.
 */
int dt_sdt_supply(int fd, const struct dtrace_probedesc *descs, int n);
#define DT_SPEC_NAME	0
#define DT_SPEC_FUNC	1
#define DT_SPEC_MOD	2
#define DT_SPEC_PROVIDER 3

#endif /* _DT_CMD_H */
