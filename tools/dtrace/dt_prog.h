/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dt_prog.h - the interface between the D compiler and the consumer of the
 * dtrace(1) command.
 *
 * The compiler (dt_lex.c, dt_parse.c, dt_type.c, dt_cg.c, dt_compile.c,
 * dt_dis.c) turns D source into a struct dt_prog: the enabling blob ready
 * for DTRACEIOC_ENABLE plus everything the consumer needs to print what the
 * module records (record layouts with D types, printf/printa/system
 * formats, aggregations, options).  The consumer (dtrace.c, dt_consume.c,
 * dt_printf.c, dt_aggprint.c) only reads a dt_prog; it never looks inside
 * the compiler.
 *
 * This header only ever grows compatibly: fields are added at the end of
 * structures, never removed or reordered.
 */
#ifndef _DT_PROG_H
#define _DT_PROG_H

#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

#include "dtrace.h"

/* ----------------------------------------------------------------------
 * D types of recorded values (flattened for the consumer)
 * ---------------------------------------------------------------------- */
enum dt_vkind {
	DT_VK_VOID = 0,		/* nothing (e.g. default action) */
	DT_VK_INT,		/* integer or enum: size 1/2/4/8, is_signed */
	DT_VK_PTR,		/* pointer (size 8, unsigned) */
	DT_VK_STRING,		/* D string: size = strsize, NUL-padded */
	DT_VK_CHARARRAY,	/* char[N]: printed like a string; size N */
	DT_VK_BYTES,		/* struct/union/other array: size bytes */
	DT_VK_FLOAT,		/* reserved (D here has no floats) */
	/*
	 * Kernel addresses recorded by func()/sym() (DT_VK_SYM: print as
	 * "module`function" (sym: with "+0x..." offset)) and mod()
	 * (DT_VK_MOD: print the module name); size 8, recsize 8.
	 * .name is "func", "sym" or "mod".
	 */
	DT_VK_SYM,
	DT_VK_MOD,
	/*
	 * Aggregation keys stack() and ustack(): the module's STACK/USTACK
	 * record layout (dtrace.h); size = recsize = its bytes.  .name is
	 * "stack".
	 */
	DT_VK_STACK,
	DT_VK_USTACK,
};

struct dt_vtype {
	int kind;		/* enum dt_vkind */
	int is_signed;		/* DT_VK_INT: 1 if signed */
	uint32_t size;		/* bytes of the D value (int: 1,2,4,8) */
	/*
	 * Bytes the value occupies in the record / aggregation key:
	 * 8 for DT_VK_INT and DT_VK_PTR (the 64-bit register value; the
	 * consumer truncates / sign-extends to .size), strsize for strings,
	 * .size rounded up to 8 for by-ref objects.
	 */
	uint32_t recsize;
	char name[64];		/* D type name: "int", "char *", "string"... */
};

/* ----------------------------------------------------------------------
 * Actions of a clause, in order (parallel to the blob's action headers)
 * ---------------------------------------------------------------------- */
struct dt_action {
	int kind;		/* DTRACEACT_* (same as in the blob) */
	uint32_t recoff;	/* offset of its data in the record */
	uint32_t recsize;	/* bytes recorded (0 if none) */
	uint64_t arg;		/* as in the blob's action header */
	uint64_t arg2;
	uint32_t aggid;		/* AGGREGATE/PRINTA/CLEAR/TRUNC: 1..naggs */
	struct dt_vtype type;	/* DIFEXPR/EXIT/TRACEMEM/TRUNC: value type */
	/*
	 * DIFEXPR actions that are arguments of a PRINTF, SYSTEM or PRINTA
	 * marker have owner = index (in this action list) of that marker;
	 * a plain trace() has owner = -1.  Markers have nargs = the number
	 * of DIFEXPR actions that immediately follow and belong to them.
	 */
	int owner;
	int nargs;
	int fmt;		/* PRINTF/PRINTA/SYSTEM: index into
				   prog->formats, -1 for printa(@a) */
	int setopt;		/* SETOPT: index into prog->setopts */
	int line;		/* source line of the statement */
	const char *text;	/* DIFEXPR: source text of the expression
				   (for messages), may be NULL */
	int print;		/* DIFEXPR of print(): printed by type */
	uint32_t btf_id;	/* print() of a kernel struct, union or enum:
				   its BTF id (dt_kbtf.c), else 0 */
};

/*
 * DTRACEACT_MARKER actions: arg is one of these; aggid names the
 * aggregation; normalize's factor is the DIFEXPR that follows it (owner,
 * nargs = 1).
 */
enum dt_marker {
	DT_MARK_NORMALIZE = 1,		/* normalize(@a, n) */
	DT_MARK_DENORMALIZE = 2,	/* denormalize(@a) */
};

/* ----------------------------------------------------------------------
 * Clauses.  prog->clauses[i] describes clause i of the blob (one probe
 * description each: a D clause "a:b:c:d, e:f:g:h { ... }" becomes two
 * blob clauses sharing the same action list).  DTRACEIOC_EPINFO maps an
 * EPID to a blob clause index.
 * ---------------------------------------------------------------------- */
struct dt_clause {
	char *desc_text;	/* the description as the user wrote it,
				   e.g. "syscall::read:entry", "BEGIN" */
	struct dtrace_probedesc desc;	/* parsed (id 0), as in the blob */
	int stmt;		/* index of the D clause (0..nstmts-1) */
	int has_pred;		/* has a predicate */
	int default_action;	/* empty body: the consumer prints the
				   default CPU/ID/FUNCTION:NAME line */
	uint32_t recsize;	/* record data bytes (after dtrace_rechdr) */
	int nactions;
	struct dt_action *actions;	/* shared between clauses of a stmt */
	int line;		/* source line of the description */
	/*
	 * 1 if each firing writes a record (rechdr + recsize bytes) into
	 * the principal buffer: every clause except one whose actions are
	 * all aggregations (DTRACE_CLAUSE_NOREC in the blob).  Without -q
	 * the consumer prints the CPU/ID/FUNCTION:NAME line for every
	 * record, then the clause's trace()/printf() output.
	 */
	int records;
};

/* ----------------------------------------------------------------------
 * Formats for printf(), printa() with a format, system()
 * ---------------------------------------------------------------------- */
enum dt_fmtkind {
	DT_FMT_PRINTF = 1,
	DT_FMT_PRINTA = 2,
	DT_FMT_SYSTEM = 3,
};

struct dt_format {
	int kind;		/* enum dt_fmtkind */
	char *fmt;		/* format string, escapes already processed */
	int nargs;		/* printf/system: value arguments */
	struct dt_vtype *args;	/* their D types (nargs entries) */
	int naggs;		/* printa: aggregations (>= 1) */
	uint32_t *aggids;	/* printa: their aggids, in order */
};

/* ----------------------------------------------------------------------
 * Aggregations, indexed by aggid (prog->aggs[aggid - 1], aggid 1..naggs)
 * ---------------------------------------------------------------------- */
struct dt_agg {
	uint32_t id;		/* aggid */
	char *name;		/* with '@': "@" (unnamed), "@foo" */
	int func;		/* DTRACEAGG_* */
	uint64_t arg2;		/* lquantize/llquantize parameters */
	int nkeys;
	struct dt_vtype *keytypes;	/* nkeys entries */
	uint32_t *keyoffs;	/* offset of each key in the key bytes */
	uint32_t *keysizes;	/* bytes of each key (8 or strsize) */
	uint32_t keysize;	/* total key bytes */
	uint32_t valsize;	/* value bytes (see dtrace.h section 5) */
	struct dt_vtype valtype;	/* type of the aggregated expression */
};

/* ----------------------------------------------------------------------
 * Options
 * ---------------------------------------------------------------------- */
struct dt_option {
	char *name;		/* "quiet", "bufsize", ... */
	char *value;		/* NULL when given without "=value" */
	int line;
};

/* ----------------------------------------------------------------------
 * The compiled program
 * ---------------------------------------------------------------------- */
struct dt_prog {
	/* The enabling blob for DTRACEIOC_ENABLE (header options filled). */
	void *blob;
	size_t bloblen;
	struct dtrace_enable_hdr *hdr;	/* == blob */

	int nclauses;			/* == hdr->nclauses */
	struct dt_clause *clauses;

	int nstmts;			/* D clauses in the source */

	int nformats;
	struct dt_format *formats;

	int naggs;
	struct dt_agg *aggs;		/* aggs[aggid - 1] */

	/* #pragma D option lines, in order (the consumer applies them). */
	int noptions;
	struct dt_option *options;

	/* setopt("name"[, "value"]) actions: SETOPT action arg indexes. */
	int nsetopts;
	struct dt_option *setopts;

	/* Summary flags. */
	int has_begin;			/* a clause names dtrace:::BEGIN */
	int has_end;			/* a clause names dtrace:::END */
	int has_error;			/* a clause names dtrace:::ERROR */
	int uses_exit;			/* exit() appears */
	int destructive;		/* uses a destructive action */
	int uses_aggs;			/* naggs > 0 */
	int uses_spec;			/* speculation() and friends */

	uint32_t strsize;		/* string size used for types */
	uint32_t stackframes;		/* default stack() depth */
	uint32_t ustackframes;		/* default ustack() depth */

	/*
	 * Destructive actions (raise, stop, system, chill, breakpoint,
	 * panic, copyout, copyoutstr) compile without -w; the consumer
	 * refuses to enable a program with .destructive set unless -w (or
	 * -xdestructive) was given: "dtrace: could not enable tracing:
	 * Destructive actions not allowed".
	 */

	/* Everything below is private to the compiler. */
	void *priv;
};

/* ----------------------------------------------------------------------
 * Compiling
 * ---------------------------------------------------------------------- */
enum dt_srckind {
	DT_SRC_SCRIPT = 1,	/* -s FILE or stdin */
	DT_SRC_PROGRAM = 2,	/* -n/-P/-m/-f/-i text turned into D */
};

#define DT_C_DESTRUCTIVE	0x01	/* -w */
#define DT_C_ZDEFS		0x02	/* -Z */
#define DT_C_QUIET		0x04	/* -q */
#define DT_C_CPP		0x08	/* -C: run cpp first */
#define DT_C_ERRTAGS		0x10	/* -xerrtags: "[D_TAG] " in messages */

struct dt_compile_opts {
	const char *source;	/* NUL-terminated D text */
	/*
	 * D text compiled before source and then dropped (NULL: none): the
	 * programs of earlier -n/-s arguments, whose declarations, variables
	 * and aggregations later ones may use, as in DTrace.  Line numbers
	 * count from the start of source.
	 */
	const char *prelude;
	int kind;		/* enum dt_srckind */
	const char *filename;	/* for messages ("-" or NULL for stdin) */
	/*
	 * Macro arguments: argv[0] is $0 (script name), argv[1..argc-1] are
	 * $1.. (and $$1.. as strings).  argc may be 0.
	 */
	int argc;
	char *const *argv;
	long target_pid;	/* $target (-c/-p), -1 if none */
	unsigned flags;		/* DT_C_* */
	/* -D/-U/-I arguments for cpp, as written ("-DFOO=1", "-I/x"). */
	int ncppargs;
	char *const *cppargs;
	/*
	 * Options already set (-x name[=value], -b size...), as
	 * "name" or "name=value" strings; strsize, bufsize, aggsize,
	 * specsize, dynvarsize, bufpolicy, nspec, stackframes,
	 * ustackframes, destructive, zdefs are honoured by the compiler
	 * (types, records, enabling header).  #pragma D option in the
	 * source overrides these for the header.
	 */
	int noptions;
	char *const *options;
	/*
	 * D library directories (-L), read before the default one
	 * ($DTRACE_LIBDIR, else /usr/lib/dtrace; an empty $DTRACE_LIBDIR:
	 * none).  dt_lib.c reads them.
	 */
	int nlibdirs;
	char *const *libdirs;
	/*
	 * Argument types of the probes a description names, as the
	 * providers that describe their arguments give them (proc, sched,
	 * io: DTrace's dtargd_native and dtargd_xlate): fills native and
	 * xlate (xlate empty: args[idx] is the native value) and returns 0,
	 * or -1 if unknown (no device, no such probe, no description).
	 * NULL: no argument types but fbt's (from BTF).
	 */
	int (*argdesc)(const char *prov, const char *mod, const char *func,
		       const char *name, int idx, char *native, char *xlate,
		       size_t len);
};

/* Error tags: DTrace's names (D_SYNTAX, D_IDENT_UNDEF, ...). */
#include "dt_errtags.h"

/* dt_error.tag of an error that is not the compiler's: shown without a tag */
#define DT_NOTAG	(-1)

struct dt_error {
	int tag;		/* enum dt_errtag */
	int line;		/* source line, 0 if unknown */
	/*
	 * The message without location, DTrace's wording, e.g.
	 * "failed to resolve foo: Unknown variable name".
	 */
	char msg[512];
	/*
	 * Region for -n style messages: "" or "in action list: ",
	 * "in predicate: ", "in probe description: " (dt_error_format()
	 * uses it for DT_SRC_PROGRAM only; syntax errors have none).
	 */
	char region[32];
	/*
	 * The file a "#line N \"file\"" (or a cpp line marker) named for
	 * the line, "" for the script itself: DTrace's message then reads
	 * "\"file\", line N: ".
	 */
	char file[128];
};

/*
 * Compile.  Returns 0 and sets *out, or -1 and fills *err (and *out is
 * NULL).
 */
struct dt_compile_opts;
int dt_compile(const struct dt_compile_opts *opts, struct dt_prog **out,
	       struct dt_error *err);
void dt_prog_free(struct dt_prog *prog);

/*
 * Format an error as DTrace prints it after "dtrace: failed to compile
 * script FILE: " (kind DT_SRC_SCRIPT) or "dtrace: invalid probe specifier
 * SPEC: " (DT_SRC_PROGRAM): e.g. "[D_SYNTAX] line 3: syntax error near
 * \"}\"" (the tag only with errtags).  Returns buf.
 */
char *dt_error_format(const struct dt_error *err, int kind, int errtags,
		      char *buf, size_t len);

/* Tag name ("D_SYNTAX") of an enum dt_errtag value. */
const char *dt_errtag_name(int tag);

/* -S: print the DIF of every clause, predicate and action. */
int dt_disassemble(FILE *fp, const struct dt_prog *prog);

/*
 * Helpers the consumer may use.
 * dt_parse_pdesc: split "a:b:c:d" with DTrace's rules for fewer fields
 * ("BEGIN" -> :::BEGIN, "a:b" -> ::a:b); 0 ok, -1 too long / too many fields.
 */
int dt_parse_pdesc(const char *text, struct dtrace_probedesc *pd);
/* The same, the last field given being field 'last' (0 provider .. 3 name). */
int dt_parse_pdesc_at(const char *text, int last,
		      struct dtrace_probedesc *pd);

/*
 * The option table, shared with the consumer (dt_options.c).
 * dt_opt_check: 0 if name is an option and value (NULL: none given) one
 * of its values, else -1 with DTrace's reason in *err.
 * dt_opt_size: "4m", "512k", "1g", "100" -> bytes; 0 ok, -1 bad.
 */
int dt_opt_check(const char *name, const char *value, const char **err);
int dt_opt_size(const char *s, int64_t *out);

#endif /* _DT_PROG_H */
