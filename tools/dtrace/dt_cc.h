/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dt_cc.h - private interfaces of the D compiler (dt_lex.c, dt_parse.c,
 * dt_type.c, dt_cg.c, dt_compile.c, dt_dis.c).  The consumer never
 * includes this file; it uses dt_prog.h only.
 */
#ifndef _DT_CC_H
#define _DT_CC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "dt_prog.h"

/* ----------------------------------------------------------------------
 * Types (dt_type.c)
 * ---------------------------------------------------------------------- */
enum dt_tkind {
	DT_T_VOID,
	DT_T_INT,		/* integers and enums (enum: .en set) */
	DT_T_PTR,
	DT_T_ARRAY,
	DT_T_STRUCT,
	DT_T_UNION,
	DT_T_STRING,
	DT_T_FUNC,		/* only as a pointer target */
	DT_T_FLOAT,		/* float, double, long double: no arith. */
};

struct dt_member {
	char *name;
	struct dt_type *type;
	uint32_t off;		/* bytes (a bit-field: of its load unit) */
	uint32_t bits;		/* bit-field width, 0 if not a bit-field */
	uint32_t bitoff;	/* bit-field: lowest bit within the unit */
	uint32_t unit;		/* bit-field: bytes loaded (1, 2, 4, 8) */
	struct dt_member *next;
};

struct dt_enumer {
	char *name;
	int64_t value;
	struct dt_enumer *next;
};

struct dt_type {
	int kind;		/* enum dt_tkind */
	uint32_t size;
	uint32_t align;
	int is_signed;
	int is_enum;
	int complete;		/* struct/union/enum defined */
	int symkind;		/* 0, or DT_VK_SYM/DT_VK_MOD (func/sym/mod) */
	char *name;		/* "int", "struct foo", typedef name... */
	char *tag;		/* struct/union/enum tag */
	struct dt_type *base;	/* PTR target, ARRAY element */
	uint32_t nelems;	/* ARRAY */
	struct dt_member *members;
	struct dt_enumer *enums;
	uint32_t btf_id;	/* kernel type: its BTF id, else 0 */
	int btf_lazy;		/* BTF struct/union: members not read yet */
	uint32_t d_btf_id;	/* D's own type: its id in dt_kbtf_dtypes() */
	int d_btf_busy;		/* being added there (dt_btf_dtype) */
	struct dt_type *next;	/* list of all types */
};

struct dt_cc;

void dt_type_init(struct dt_cc *cc);
struct dt_type *dt_type_new(struct dt_cc *cc, int kind, uint32_t size,
			    const char *name);
struct dt_type *dt_type_func(struct dt_cc *cc);
struct dt_type *dt_type_lookup(struct dt_cc *cc, const char *name);
struct dt_type *dt_type_int(struct dt_cc *cc, uint32_t size, int sgn);
struct dt_type *dt_type_ptr(struct dt_cc *cc, struct dt_type *base);
struct dt_type *dt_type_ptr_named(struct dt_cc *cc, struct dt_type *base,
				  const char *tdname);
/* Type of a stack()/ustack() aggregation key of size bytes. */
struct dt_type *dt_type_stack(struct dt_cc *cc, int user, uint32_t size);
struct dt_type *dt_type_array(struct dt_cc *cc, struct dt_type *base,
			      uint32_t n);
struct dt_type *dt_type_sou(struct dt_cc *cc, int kind, const char *tag,
			    int create);
struct dt_type *dt_type_enum(struct dt_cc *cc, const char *tag, int create);
int dt_type_typedef(struct dt_cc *cc, const char *name, struct dt_type *t);
struct dt_member *dt_type_member(struct dt_cc *cc, struct dt_type *sou,
				  const char *name);
int dt_type_is_integral(const struct dt_type *t);
int dt_type_is_arith(const struct dt_type *t);
int dt_type_is_scalar(const struct dt_type *t);	/* int or pointer */
int dt_type_is_string(const struct dt_type *t);	/* string */
int dt_type_is_strlike(const struct dt_type *t);	/* string, char[], char* */
int dt_type_is_chararray(const struct dt_type *t);
int dt_type_is_byref(const struct dt_type *t);	/* string, struct, array */
int dt_type_compat(const struct dt_type *a, const struct dt_type *b);
void dt_type_name(const struct dt_type *t, char *buf, size_t len);
struct dt_type *dt_type_promote(struct dt_cc *cc, struct dt_type *t);
struct dt_type *dt_type_arith(struct dt_cc *cc, struct dt_type *a,
			      struct dt_type *b);
void dt_type_vtype(struct dt_cc *cc, const struct dt_type *t,
		   struct dt_vtype *vt);
int dt_enum_lookup(struct dt_cc *cc, const char *name, int64_t *val,
		   struct dt_type **type);

/* Kernel types from BTF (dt_btf.c) */
int dt_btf_available(void);
const char *dt_btf_error(void);
void dt_btf_members(struct dt_cc *cc, struct dt_type *sou);
struct dt_type *dt_btf_typedef(struct dt_cc *cc, const char *name);
struct dt_type *dt_btf_sou(struct dt_cc *cc, int kind, const char *tag);
int dt_btf_enumerator(struct dt_cc *cc, const char *name, int64_t *val,
		      struct dt_type **type);
int dt_btf_ksym(const char *mod, const char *name, uint64_t *addr,
		char *why, size_t len);
struct dt_type *dt_btf_var(struct dt_cc *cc, const char *name,
			   char *why, size_t len);
int32_t dt_btf_dtype(struct dt_cc *cc, struct dt_type *t);
struct dt_type *dt_btf_probe_arg(struct dt_cc *cc, const char *prov,
				 const char *mod, const char *func,
				 const char *name, int idx, int *nargs);

/* ----------------------------------------------------------------------
 * Lexer (dt_lex.c)
 * ---------------------------------------------------------------------- */
enum dt_tok {
	T_EOF = 0,
	T_INT,			/* .ival, .itype */
	T_STR,			/* .str (escapes processed), .len */
	T_IDENT,		/* .str */
	T_AGG,			/* @name: .str ("@" or "@name") */
	T_PDESC,		/* probe description text: .str */
	T_OP,			/* .op: one of enum dt_opc */
	T_PRAGMA,		/* .str: the line after "#pragma" */
};

enum dt_opc {
	OP_NONE,
	/* punctuation */
	OP_LPAR, OP_RPAR, OP_LBRACK, OP_RBRACK, OP_LBRACE, OP_RBRACE,
	OP_COMMA, OP_SEMI, OP_COLON, OP_QUEST, OP_DOT, OP_ARROW, OP_ELLIPSIS,
	/* unary / binary */
	OP_PLUS, OP_MINUS, OP_STAR, OP_SLASH, OP_MOD, OP_AMP, OP_BOR,
	OP_XOR, OP_TILDE, OP_NOT, OP_LT, OP_GT, OP_LE, OP_GE, OP_EQ, OP_NE,
	OP_LAND, OP_LOR, OP_LXOR, OP_SHL, OP_SHR, OP_INC, OP_DEC,
	/* assignment */
	OP_ASSIGN, OP_ADD_EQ, OP_SUB_EQ, OP_MUL_EQ, OP_DIV_EQ, OP_MOD_EQ,
	OP_AND_EQ, OP_OR_EQ, OP_XOR_EQ, OP_SHL_EQ, OP_SHR_EQ,
	/* pseudo operators used in the AST */
	OP_NEG, OP_POS, OP_DEREF, OP_ADDROF, OP_PREINC, OP_PREDEC,
	OP_POSTINC, OP_POSTDEC,
	OP_MAX
};

struct dt_token {
	int kind;		/* enum dt_tok */
	int op;			/* T_OP */
	int line;
	uint64_t ival;
	int isuns, islong;	/* integer suffixes / value range */
	int ischar;		/* character constant */
	int epred;		/* '/' closing a predicate */
	char *str;
	size_t len;
	const char *start;	/* in the source, for messages */
	const char *end;
};

/* ----------------------------------------------------------------------
 * AST (dt_parse.c)
 * ---------------------------------------------------------------------- */
enum dt_nkind {
	N_INT,			/* .ival */
	N_STR,			/* .str */
	N_VAR,			/* identifier: user variable or builtin */
	N_SELF,			/* self->name */
	N_THIS,			/* this->name */
	N_OP1,			/* .op, .l */
	N_OP2,			/* .op, .l, .r */
	N_ASSIGN,		/* .op (OP_ASSIGN / OP_ADD_EQ ...), .l, .r */
	N_COND,			/* .c ? .l : .r */
	N_CALL,			/* .name(.args) */
	N_INDEX,		/* .l[.args] (assoc arrays, args[], arrays) */
	N_MEMBER,		/* .l.name or .l->name (op OP_DOT/OP_ARROW) */
	N_CAST,			/* (.ctype).l */
	N_SIZEOF,		/* already folded to N_INT */
	N_AGG,			/* @name[.args] */
	N_STRINGOF,		/* stringof .l */
	N_COMMA,		/* .l , .r */
	N_XLATE,		/* xlate < .ctype > ( .l ): .xl the translator */
	N_XPARAM,		/* a translator's input while checking it */
};

struct dt_var;

struct dt_node {
	int kind;
	int op;
	int line;
	int64_t ival;
	char *str;		/* N_STR, names */
	struct dt_node *l, *r, *c;
	struct dt_node **args;
	int nargs;
	struct dt_type *type;	/* after cooking */
	struct dt_type *ctype;	/* N_CAST target */
	struct dt_var *var;	/* N_VAR, N_SELF, N_THIS, N_INDEX assoc */
	struct dt_member *member;	/* N_MEMBER: the member */
	int builtin;		/* N_VAR: DIF_VAR_* id, or -1 */
	int lvalue;
	int isconst;		/* integer constant expression */
	int cooked;
	const char *src_start, *src_end;	/* source text */
	struct dt_xlator *xl;	/* N_XLATE: the translator chosen */
};

/* User variables and aggregations. */
enum dt_vscope { DT_VS_GLOBAL, DT_VS_THREAD, DT_VS_LOCAL };

struct dt_var {
	char *name;
	int scope;		/* enum dt_vscope */
	int id;			/* DIF variable id (UBASE..) */
	int is_assoc;		/* associative array */
	int nkeys;
	struct dt_type **keytypes;
	struct dt_type *type;	/* NULL until defined */
	int decl_line;
	struct dt_var *next;
	/* arrays declared with a size: int a[5] (global) */
	int is_array;
};

struct dt_aggdef {
	char *name;		/* "@" or "@foo" */
	int id;
	int func;		/* 0 until first use */
	uint64_t arg2;
	int nkeys;
	struct dt_type **keytypes;
	struct dt_type *valtype;
	struct dt_aggdef *next;
};

/* ----------------------------------------------------------------------
 * DIF objects being built (dt_cg.c)
 * ---------------------------------------------------------------------- */
struct dt_difo {
	uint32_t *buf;
	uint32_t len, cap;
	uint64_t *inttab;
	uint32_t nint, intcap;
	char *strtab;
	uint32_t strlen, strcap;
	struct dtrace_difv *vartab;
	uint32_t nvar, varcap;
	struct dtrace_diftype rtype;
	/* labels */
	uint32_t *labels;	/* label -> instruction index */
	uint32_t nlabels, labcap;
	uint32_t *fixups;	/* instruction indexes to patch */
	uint32_t nfix, fixcap;
	unsigned regs;		/* allocated registers bitmask */
};

/* One action of a D clause, with its DIF objects. */
struct dt_cact {
	struct dt_action a;	/* consumer's view (dt_prog.h) */
	int ndifo;
	struct dt_difo *difo[16];
	int nkeys;		/* AGGREGATE */
	uint32_t stackkeys;	/* AGGREGATE: bit i: key i is stack() */
	uint32_t ustackkeys;	/* AGGREGATE: bit i: key i is ustack() */
};

/* One D clause (statement list with descriptions and predicate). */
struct dt_stmt {
	int ndescs;
	char **desc_text;
	int *desc_line;
	struct dt_difo *pred;
	int nacts;
	int acap;
	struct dt_cact *acts;
	uint32_t recsize;
	int line;
	int has_spec;		/* speculate() seen */
	int has_commit;
	int has_data;		/* a data-recording action seen */
	int has_exit;
	int nonagg;		/* has a non-aggregating action */
};

/* ----------------------------------------------------------------------
 * The compiler state
 * ---------------------------------------------------------------------- */
struct dt_cc {
	const struct dt_compile_opts *opts;
	struct dt_error *err;
	jmp_buf jb;

	/* the type the last specifiers named through a typedef, and that name */
	struct dt_type *spec_type;
	const char *spec_tdname;

	/* source */
	char *src;		/* after cpp, owned */
	const char *p;		/* lexer position */
	int line;
	char *filetag;		/* file named by #line, NULL: script */
	char *cpp_input;	/* -C: the temporary file cpp reads */
	struct dt_token tok;	/* current token */
	struct dt_token peek[4];
	int npeek;
	int in_clause;		/* lexer: inside { } of a clause */
	int in_pred;		/* lexer: inside / / of a predicate */
	int parens;		/* lexer: ( not yet closed by ) */
	int brackets;		/* lexer: [ not yet closed by ] */
	int pred_ok;		/* lexer: a predicate may start here */
	int pdesc_ok;		/* lexer: a probe description may start */
	int region;		/* 0 none, 1 pdesc, 2 pred, 3 actions */
	uint32_t macro_used;	/* bitmask of $N referenced */

	/* types and symbols */
	struct dt_type *types;
	struct dt_typedef *typedefs;
	struct dt_var *vars;
	struct dt_aggdef *aggs;
	int naggs;
	int ngvars, ntvars, nlvars;
	struct dt_inline *inlines;
	struct dt_xlator *xlators;
	struct dt_lazy *lazy;		/* library declarations not parsed */
	int in_lib;			/* parsing a library file */
	const char *lib_file;		/* that file, for messages */
	const char *xl_param;		/* translator parameter being bound */
	struct dt_node *xl_bind;	/* ... to this cooked node */
	struct dt_type **btf_cache;	/* BTF id -> D type (dt_btf.c) */
	uint32_t btf_ntypes;
	struct dt_type *t_fn;		/* the function type */

	/* output */
	struct dt_stmt *stmts;
	int nstmts, stmtcap;
	struct dt_stmt *cur;	/* clause being compiled */
	struct dt_difo *pending;	/* DIF object being generated */
	int depth;		/* recursion depth (parse, cook, cg) */
	struct dt_type *t_stack;	/* type of stack() as printf argument */
	struct dt_type *t_func, *t_sym, *t_mod;	/* func(), sym(), mod() */
	struct dt_prog *prog;

	/* options */
	uint32_t strsize;
	uint32_t stackframes, ustackframes;
	uint64_t bufsize, aggsize, specsize, dynvarsize;
	uint32_t bufpolicy, nspec;
	int destructive_opt, zdefs_opt, defaultargs, quiet;

	/* formats / options / setopts (grow arrays) */
	struct dt_format *formats;
	int nformats, fmtcap;
	struct dt_option *options;
	int noptions, optcap;
	struct dt_option *setopts;
	int nsetopts, setoptcap;

	/* frequently used types */
	struct dt_type *t_void, *t_char, *t_int, *t_uint, *t_long, *t_ulong,
		*t_string, *t_voidp, *t_int64, *t_uint64, *t_uchar, *t_short,
		*t_ushort, *t_llong, *t_ullong, *t_charp, *t_uint32, *t_int32;
};

struct dt_typedef {
	char *name;
	struct dt_type *type;
	struct dt_typedef *next;
};

struct dt_inline {
	char *name;
	struct dt_type *type;
	struct dt_node *expr;
	struct dt_inline *next;
};

/*
 * Translators (dt_xlate.c): "translator to < from param > { m = e; ... };".
 * Each member's expression is kept as parsed; every use of a member
 * (xlate<to>(x).m, xlate<to *>(x)->m) cooks a fresh copy of it with the
 * parameter bound to x, so only the members used are computed.
 */
struct dt_xlmemb {
	char *name;
	int line;
	struct dt_node *expr;	/* as parsed, never cooked */
	struct dt_member *m;	/* the member of 'to' */
	struct dt_xlmemb *next;
};

struct dt_xlator {
	struct dt_type *to;	/* struct or union */
	struct dt_type *from;
	char *param;
	int line;
	struct dt_xlmemb *members;
	struct dt_xlator *next;
};

/*
 * A declaration of a library file (dt_lib.c) not parsed yet: translators
 * and inlines are parsed when a program first needs them, so a program
 * that uses none of them reads no kernel type.
 */
struct dt_lazy {
	int kind;		/* DT_LAZY_XLATOR or DT_LAZY_INLINE */
	char *name;		/* inline: its name */
	const char *src;	/* the declaration's first character */
	int line;
	const char *file;	/* library file, for messages */
	int done;
	struct dt_lazy *next;
};
#define DT_LAZY_XLATOR	1
#define DT_LAZY_INLINE	2

/* Deepest expression the compiler recurses into (stack safety). */
#define DT_MAXDEPTH	2000

/* Errors: format a message and longjmp out of the compiler. */
void dt_cc_error(struct dt_cc *cc, int line, int tag, const char *fmt, ...)
	__attribute__((format(printf, 4, 5), noreturn));
void *dt_zalloc(struct dt_cc *cc, size_t n);
char *dt_strdup(struct dt_cc *cc, const char *s);
char *dt_strndup(struct dt_cc *cc, const char *s, size_t n);
void dt_grow(struct dt_cc *cc, void **p, int *cap, int need, size_t esz);

/* dt_lex.c */
void dt_lex_init(struct dt_cc *cc);
void dt_lex_next(struct dt_cc *cc);		/* advance cc->tok */
const struct dt_token *dt_lex_peek(struct dt_cc *cc, int n);
const char *dt_op_name(int op);
void dt_tok_desc(const struct dt_token *t, char *buf, size_t len);
int dt_lex_pdesc_start(struct dt_cc *cc);	/* read a probe description */
uint64_t dt_lex_strtoull(const char *s, int base, int *ovf);

/* dt_parse.c */
void dt_parse_program(struct dt_cc *cc);
struct dt_node *dt_node_new(struct dt_cc *cc, int kind, int line);
int dt_cook(struct dt_cc *cc, struct dt_node *n);
void dt_node_text(struct dt_node *n, char *buf, size_t len);
struct dt_var *dt_var_lookup(struct dt_cc *cc, const char *name, int scope);
struct dt_var *dt_var_create(struct dt_cc *cc, const char *name, int scope,
			     struct dt_type *type);

struct dt_type *dt_parse_lazy(struct dt_cc *cc, struct dt_lazy *lz,
			      int to_only);

/* dt_lib.c */
void dt_lib_load(struct dt_cc *cc);

/* dt_xlate.c */
struct dt_node *dt_node_clone(struct dt_cc *cc, const struct dt_node *n);
struct dt_xlator *dt_xlator_lookup(struct dt_cc *cc, struct dt_type *to,
				   struct dt_type *from, int exact);
void dt_xlator_check(struct dt_cc *cc, struct dt_xlator *xl);
struct dt_node *dt_xlate_expr(struct dt_cc *cc, struct dt_xlator *xl,
			      struct dt_xlmemb *xm, struct dt_node *in);
struct dt_node *dt_xlate_source(struct dt_node *n, int op);
int dt_xlate_is_part(const char *name, const char *pre);
void dt_xlate_member(struct dt_cc *cc, struct dt_node *n,
		     struct dt_node *x);
void dt_lazy_xlators(struct dt_cc *cc, struct dt_type *to);
int dt_lazy_inline(struct dt_cc *cc, const char *name);

/* dt_cg.c */
struct dt_difo *dt_cg_expr(struct dt_cc *cc, struct dt_node *n, int rkind);
#define DT_CG_VALUE	0	/* return the value (trace, keys, args) */
#define DT_CG_VOID	1	/* side effects only */
#define DT_CG_PRED	2	/* predicate: int */
void dt_cg_stmt(struct dt_cc *cc, struct dt_node *n);
int dt_cg_func_known(const char *name);
void dt_difo_free(struct dt_difo *d);
size_t dt_difo_size(const struct dt_difo *d);
void dt_difo_write(const struct dt_difo *d, void *buf);

/* dt_compile.c */
struct dt_cact *dt_stmt_action(struct dt_cc *cc, int kind);
int dt_format_add(struct dt_cc *cc, int kind, const char *fmt);
int dt_setopt_add(struct dt_cc *cc, const char *name, const char *val,
		  int line);
void dt_pragma(struct dt_cc *cc, const char *text, int line);
int dt_opt_apply(struct dt_cc *cc, const char *name, const char *value,
		 int line, int from_pragma);

/* dt_dis.c */
void dt_dis_difo(FILE *fp, const void *hdr, size_t len, const char *title);

#endif /* _DT_CC_H */
