// SPDX-License-Identifier: GPL-2.0
/*
 * dt_parse.c - recursive-descent parser of D and the type checker
 * ("cooking") of expressions.
 *
 * Program structure: probe clauses (descriptions, optional predicate,
 * optional body), declarations (struct/union/enum/typedef, global,
 * self/this and inline variables) and pragmas (handled by the lexer).
 * Each statement of a clause is parsed, cooked and handed to the code
 * generator (dt_cg_stmt) at once, so variables defined implicitly by a
 * first assignment are known to the statements and clauses that follow.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"

/* ----------------------------------------------------------------------
 * Built-in variables
 * ---------------------------------------------------------------------- */
static const struct {
	const char *name;
	int id;
	const char *type;
} builtins[] = {
	{ "arg0", DIF_VAR_ARG0, "int64_t" },
	{ "arg1", DIF_VAR_ARG0 + 1, "int64_t" },
	{ "arg2", DIF_VAR_ARG0 + 2, "int64_t" },
	{ "arg3", DIF_VAR_ARG0 + 3, "int64_t" },
	{ "arg4", DIF_VAR_ARG0 + 4, "int64_t" },
	{ "arg5", DIF_VAR_ARG0 + 5, "int64_t" },
	{ "arg6", DIF_VAR_ARG0 + 6, "int64_t" },
	{ "arg7", DIF_VAR_ARG0 + 7, "int64_t" },
	{ "arg8", DIF_VAR_ARG0 + 8, "int64_t" },
	{ "arg9", DIF_VAR_ARG9, "int64_t" },
	{ "args", DIF_VAR_ARGS, "int64_t" },
	{ "curthread", DIF_VAR_CURTHREAD, "void *" },
	{ "timestamp", DIF_VAR_TIMESTAMP, "uint64_t" },
	{ "vtimestamp", DIF_VAR_VTIMESTAMP, "uint64_t" },
	{ "ipl", DIF_VAR_IPL, "uint_t" },
	{ "epid", DIF_VAR_EPID, "uint_t" },
	{ "id", DIF_VAR_ID, "uint_t" },
	{ "stackdepth", DIF_VAR_STACKDEPTH, "uint32_t" },
	{ "caller", DIF_VAR_CALLER, "uintptr_t" },
	{ "probeprov", DIF_VAR_PROBEPROV, "string" },
	{ "probemod", DIF_VAR_PROBEMOD, "string" },
	{ "probefunc", DIF_VAR_PROBEFUNC, "string" },
	{ "probename", DIF_VAR_PROBENAME, "string" },
	{ "pid", DIF_VAR_PID, "pid_t" },
	{ "tid", DIF_VAR_TID, "id_t" },
	{ "execname", DIF_VAR_EXECNAME, "string" },
	{ "zonename", DIF_VAR_ZONENAME, "string" },
	{ "walltimestamp", DIF_VAR_WALLTIMESTAMP, "int64_t" },
	{ "ustackdepth", DIF_VAR_USTACKDEPTH, "uint32_t" },
	{ "ucaller", DIF_VAR_UCALLER, "uint64_t" },
	{ "ppid", DIF_VAR_PPID, "pid_t" },
	{ "uid", DIF_VAR_UID, "uid_t" },
	{ "gid", DIF_VAR_GID, "gid_t" },
	{ "errno", DIF_VAR_ERRNO, "int" },
	{ "cpu", DIF_VAR_CPU, "processorid_t" },
};

static struct dt_type *type_by_text(struct dt_cc *cc, const char *s)
{
	size_t n = strlen(s);
	char buf[64];

	if (n > 2 && s[n - 1] == '*') {
		snprintf(buf, sizeof(buf), "%.*s", (int)(n - 2), s);
		return dt_type_ptr(cc, dt_type_lookup(cc, buf));
	}
	return dt_type_lookup(cc, s);
}

static int builtin_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return (int)i;
	return -1;
}

/* ----------------------------------------------------------------------
 * Nodes and variables
 * ---------------------------------------------------------------------- */
struct dt_node *dt_node_new(struct dt_cc *cc, int kind, int line)
{
	struct dt_node *n = dt_zalloc(cc, sizeof(*n));

	n->kind = kind;
	n->line = line;
	n->builtin = -1;
	return n;
}

struct dt_var *dt_var_lookup(struct dt_cc *cc, const char *name, int scope)
{
	struct dt_var *v;

	for (v = cc->vars; v; v = v->next)
		if (v->scope == scope && !strcmp(v->name, name))
			return v;
	return NULL;
}

struct dt_var *dt_var_create(struct dt_cc *cc, const char *name, int scope,
			     struct dt_type *type)
{
	struct dt_var *v = dt_zalloc(cc, sizeof(*v));
	int *cnt = scope == DT_VS_GLOBAL ? &cc->ngvars :
		   scope == DT_VS_THREAD ? &cc->ntvars : &cc->nlvars;

	if (DIF_VAR_OTHER_UBASE + *cnt > DIF_VAR_OTHER_MAX)
		dt_cc_error(cc, cc->line, D_ID_OFLOW,
			    "identifier space overflow");
	v->name = dt_strdup(cc, name);
	v->scope = scope;
	v->id = DIF_VAR_OTHER_UBASE + (*cnt)++;
	v->type = type;
	v->decl_line = cc->line;
	v->next = cc->vars;
	cc->vars = v;
	return v;
}

static struct dt_inline *inline_lookup(struct dt_cc *cc, const char *name)
{
	struct dt_inline *in;

	for (in = cc->inlines; in; in = in->next)
		if (!strcmp(in->name, name))
			return in;
	return NULL;
}

/* Source text of a node for messages. */
void dt_node_text(struct dt_node *n, char *buf, size_t len)
{
	if (n->src_start && n->src_end && n->src_end > n->src_start)
		snprintf(buf, len, "%.*s", (int)(n->src_end - n->src_start),
			 n->src_start);
	else
		snprintf(buf, len, "?");
}

/* ----------------------------------------------------------------------
 * Token helpers
 * ---------------------------------------------------------------------- */
#define TOK (&cc->tok)

static int is_op(struct dt_cc *cc, int op)
{
	return TOK->kind == T_OP && TOK->op == op;
}

static int is_kw(struct dt_cc *cc, const char *kw)
{
	return TOK->kind == T_IDENT && !strcmp(TOK->str, kw);
}

static void __attribute__((noreturn)) syntax_error(struct dt_cc *cc)
{
	char d[128];

	dt_tok_desc(TOK, d, sizeof(d));
	dt_cc_error(cc, TOK->line, D_SYNTAX, "syntax error near %s", d);
}

static void expect_op(struct dt_cc *cc, int op)
{
	if (!is_op(cc, op))
		syntax_error(cc);
	dt_lex_next(cc);
}

static char *expect_ident(struct dt_cc *cc)
{
	char *s;

	if (TOK->kind != T_IDENT)
		syntax_error(cc);
	s = TOK->str;
	dt_lex_next(cc);
	return s;
}

/* ----------------------------------------------------------------------
 * Declarations and type names
 * ---------------------------------------------------------------------- */
static int64_t const_expr(struct dt_cc *cc, int tag, const char *what);
static struct dt_node *parse_expr(struct dt_cc *cc);
static struct dt_node *parse_assign(struct dt_cc *cc);
static struct dt_node *parse_cond(struct dt_cc *cc);

static int dlib_const(const char *name, int64_t *val);
static int lazy_inline_exists(struct dt_cc *cc, const char *name);

#define DT_SYM_ADDROF	1	/* N_VAR .ival: `sym is the operand of & */

/*
 * Does t start a type name?  D's keywords and typedefs first; then, when t
 * is no name D knows and the token after it (next) can follow a type name
 * (a declarator's name, '*', or the ')' of a cast or sizeof), a typedef of
 * the kernel's (BTF); mod`name, DTrace's type name scoped to a module,
 * names a typedef of that module.  So an expression never reads the
 * kernel's types.
 */
static int is_type_start_tok(struct dt_cc *cc, const struct dt_token *t,
			     const struct dt_token *next)
{
	static const char *const kw[] = {
		"struct", "union", "enum", "const", "volatile", "signed",
		"unsigned", "char", "short", "int", "long", "void", "float",
		"double", NULL
	};
	struct dt_type *et;
	int64_t ev;
	int i;

	if (t->kind != T_IDENT)
		return 0;
	for (i = 0; kw[i]; i++)
		if (!strcmp(t->str, kw[i]))
			return 1;
	if (builtin_lookup(t->str) >= 0 || t->str[0] == '`')
		return 0;
	if (dt_type_lookup(cc, t->str))
		return 1;
	if (!next || !(next->kind == T_IDENT ||
		       (next->kind == T_OP && (next->op == OP_STAR ||
					       next->op == OP_RPAR))))
		return 0;
	/* mod`name: a typedef of that module's BTF, else a kernel symbol */
	if (strchr(t->str, '`'))
		return dt_btf_typedef(cc, t->str) != NULL;
	if (dt_var_lookup(cc, t->str, DT_VS_GLOBAL) ||
	    inline_lookup(cc, t->str) || lazy_inline_exists(cc, t->str) ||
	    dt_enum_lookup(cc, t->str, &ev, &et) ||
	    dlib_const(t->str, &ev) || !strcmp(t->str, "self") ||
	    !strcmp(t->str, "this") || !strcmp(t->str, "string") ||
	    !strcmp(t->str, "inline") || !strcmp(t->str, "typedef"))
		return 0;
	return dt_btf_typedef(cc, t->str) != NULL;
}

static void sou_body(struct dt_cc *cc, struct dt_type *t);
static void tname(const struct dt_type *t, char *b, size_t l);
static void enum_body(struct dt_cc *cc, struct dt_type *t);

/* Declaration specifiers: the base type. */
static struct dt_type *parse_specifiers(struct dt_cc *cc)
{
	int nsigned = 0, nunsigned = 0, nshort = 0, nlong = 0;
	int nchar = 0, nint = 0, nvoid = 0, nfloat = 0, ndouble = 0;
	struct dt_type *t = NULL;
	const char *tdname = NULL;
	int line = TOK->line;

	for (;;) {
		if (TOK->kind != T_IDENT)
			break;
		if (is_kw(cc, "const") || is_kw(cc, "volatile") ||
		    is_kw(cc, "extern") || is_kw(cc, "static") ||
		    is_kw(cc, "register")) {
			dt_lex_next(cc);
			continue;
		}
		if (is_kw(cc, "signed")) {
			nsigned++;
		} else if (is_kw(cc, "unsigned")) {
			nunsigned++;
		} else if (is_kw(cc, "short")) {
			nshort++;
		} else if (is_kw(cc, "long")) {
			nlong++;
		} else if (is_kw(cc, "char")) {
			nchar++;
		} else if (is_kw(cc, "int")) {
			nint++;
		} else if (is_kw(cc, "void")) {
			nvoid++;
		} else if (is_kw(cc, "float")) {
			nfloat++;
		} else if (is_kw(cc, "double")) {
			ndouble++;
		} else if (is_kw(cc, "struct") || is_kw(cc, "union")) {
			int kind = is_kw(cc, "struct") ? DT_T_STRUCT :
				   DT_T_UNION;
			char *tag = NULL;

			if (t)
				syntax_error(cc);
			dt_lex_next(cc);
			if (TOK->kind == T_IDENT) {
				tag = TOK->str;
				dt_lex_next(cc);
			}
			if (is_op(cc, OP_LBRACE)) {
				t = tag ? dt_type_sou(cc, kind, tag, 0) : NULL;
				if (t && t->complete)
					dt_cc_error(cc, TOK->line,
						    D_DECL_TYPERED,
						    "type redeclared: %s %s",
						    kind == DT_T_STRUCT ?
						    "struct" : "union", tag);
				if (!t)
					t = dt_type_sou(cc, kind, tag, 1);
				sou_body(cc, t);
			} else {
				if (!tag)
					syntax_error(cc);
				t = dt_type_sou(cc, kind, tag, 0);
				if (!t && !is_op(cc, OP_SEMI))
					t = dt_btf_sou(cc, kind, tag);
				if (!t)
					t = dt_type_sou(cc, kind, tag, 1);
			}
			continue;
		} else if (is_kw(cc, "enum")) {
			char *tag = NULL;

			if (t)
				syntax_error(cc);
			dt_lex_next(cc);
			if (TOK->kind == T_IDENT) {
				tag = TOK->str;
				dt_lex_next(cc);
			}
			if (is_op(cc, OP_LBRACE)) {
				t = tag ? dt_type_enum(cc, tag, 0) : NULL;
				if (t && t->complete)
					dt_cc_error(cc, TOK->line,
						    D_DECL_TYPERED,
						    "type redeclared: enum %s",
						    tag);
				if (!t)
					t = dt_type_enum(cc, tag, 1);
				enum_body(cc, t);
			} else {
				if (!tag)
					syntax_error(cc);
				t = dt_type_enum(cc, tag, 0);
				if (!t)
					t = dt_btf_sou(cc, DT_T_INT, tag);
				if (!t)
					dt_cc_error(cc, TOK->line, D_TYPE_ERR,
						    "enum %s is not defined",
						    tag);
			}
			continue;
		} else {
			struct dt_type *td;

			if (t || nsigned || nunsigned || nshort || nlong ||
			    nchar || nint || nvoid || nfloat || ndouble)
				break;
			if (builtin_lookup(TOK->str) >= 0)
				break;
			td = dt_type_lookup(cc, TOK->str);
			if (!td && strcmp(TOK->str, "string") &&
			    is_type_start_tok(cc, TOK, dt_lex_peek(cc, 0)))
				td = dt_type_lookup(cc, TOK->str);
			if (!td)
				break;
			t = td;
			tdname = TOK->str;
		}
		dt_lex_next(cc);
	}
	/* a pointer declarator keeps the typedef's name (parse_declarator) */
	cc->spec_type = t;
	cc->spec_tdname = t && tdname && (!t->name || strcmp(t->name, tdname)) ?
			  tdname : NULL;
	/* DTrace's checks of attributes against the type (dt_decl.c) */
	if (t) {
		if (nchar || nint || nvoid || nfloat || ndouble)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "invalid type combination");
		if (nsigned || nunsigned)
			dt_cc_error(cc, line, D_DECL_SIGNINT,
				    "invalid type declaration: signed and unsigned may only be used with integer type");
		if (nlong)
			dt_cc_error(cc, line, D_DECL_LONGINT,
				    "invalid type declaration: long and long long may only be used with integer or floating-point type");
		if (nshort)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "invalid type combination");
		return t;
	}
	if (nfloat || ndouble) {
		/*
		 * DTrace's dt_decl.c: another type keyword is a bad
		 * combination, signed/unsigned need an integer type; the
		 * name built from the attributes (short, long, long long)
		 * must then be a type D knows: only "long double" is.
		 */
		char name[32];
		struct dt_type *ft;

		if (nvoid || nchar || nint || nfloat + ndouble > 1)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "invalid type combination");
		if (nsigned || nunsigned)
			dt_cc_error(cc, line, D_DECL_SIGNINT,
				    "invalid type declaration: signed and unsigned may only be used with integer type");
		if (nlong > 2)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "the attribute 'long' may only be used at most twice in a declaration");
		snprintf(name, sizeof(name), "%s%s%s",
			 nshort ? "short " : "",
			 nlong == 2 ? "long long " : nlong ? "long " : "",
			 nfloat ? "float" : "double");
		ft = dt_type_lookup(cc, name);
		if (!ft || ft->kind != DT_T_FLOAT)
			dt_cc_error(cc, line, D_UNKNOWN,
				    "failed to resolve type %s: Unknown type name",
				    name);
		return ft;
	}
	if (nvoid) {
		if (nchar || nint)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "invalid type combination");
		if (nsigned || nunsigned || nshort || nlong)
			dt_cc_error(cc, line, D_DECL_VOIDATTR,
				    "invalid type declaration: attributes may not be used with void type");
		return cc->t_void;
	}
	if (nsigned && nunsigned)
		dt_cc_error(cc, line, D_DECL_COMBO,
			    "invalid type combination");
	if (nchar) {
		if (nint)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "invalid type combination");
		if (nshort || nlong)
			dt_cc_error(cc, line, D_DECL_CHARATTR,
				    "invalid type declaration: short and long may not be used with char type");
		return nunsigned ? cc->t_uchar : cc->t_char;
	}
	if (nshort) {
		if (nlong)
			dt_cc_error(cc, line, D_DECL_COMBO,
				    "invalid type combination");
		return nunsigned ? cc->t_ushort : cc->t_short;
	}
	if (nlong > 2)
		dt_cc_error(cc, line, D_DECL_LONGINT,
			    "invalid type combination: long long long");
	if (nlong == 2)
		return nunsigned ? cc->t_ullong : cc->t_llong;
	if (nlong == 1)
		return nunsigned ? cc->t_ulong : cc->t_long;
	if (nint || nsigned || nunsigned)
		return nunsigned ? cc->t_uint : cc->t_int;
	return NULL;
}

/*
 * Declarator: pointers, name (optional if abstract), array suffixes.
 * Associative array key lists ("[string, int]") are returned in keys.
 */
struct decl {
	char *name;
	struct dt_type *type;
	int is_assoc;
	int nkeys;
	struct dt_type *keys[16];
	int line;
};

static struct dt_type *parse_typename(struct dt_cc *cc);
static void parse_declarator(struct dt_cc *cc, struct dt_type *base,
			     struct decl *d, int abstract);

/*
 * A function prototype's parameter list, from its '(' to its ')', checked
 * as DTrace's dt_decl_prototype() checks a function prototype: a void
 * parameter may have no name and must be the only one, a name may not
 * repeat; "..." and unnamed parameters are allowed.  D keeps no parameter
 * types: every function has the one function type, as in DTrace.
 */
static void parse_params(struct dt_cc *cc)
{
	char *names[64];
	int n = 0, nvoid = 0, i;

	expect_op(cc, OP_LPAR);
	while (!is_op(cc, OP_RPAR)) {
		struct dt_type *base;
		struct decl pd;
		int line = TOK->line;

		n++;
		if (is_op(cc, OP_ELLIPSIS)) {
			dt_lex_next(cc);
			break;
		}
		if (is_kw(cc, "register"))
			dt_lex_next(cc);
		if (is_kw(cc, "string")) {
			dt_lex_next(cc);
			base = cc->t_string;
		} else {
			base = parse_specifiers(cc);
		}
		if (!base)
			syntax_error(cc);
		parse_declarator(cc, base, &pd,
				 !(TOK->kind == T_IDENT ||
				   (is_op(cc, OP_STAR) &&
				    dt_lex_peek(cc, 0)->kind == T_IDENT)));
		if (pd.type->kind == DT_T_VOID) {
			nvoid++;
			if (pd.name)
				dt_cc_error(cc, line, D_DECL_PROTO_NAME,
					    "void parameter may not have a name: %s",
					    pd.name);
		}
		if (pd.name) {
			for (i = 0; i < n - 1 && i < 64; i++)
				if (names[i] && !strcmp(names[i], pd.name))
					dt_cc_error(cc, line,
						    D_DECL_PROTO_FORM,
						    "parameter is already declared in function prototype: %s, parameter #%d",
						    pd.name, n);
		}
		if (n <= 64)
			names[n - 1] = pd.name;
		if (!is_op(cc, OP_COMMA))
			break;
		dt_lex_next(cc);
	}
	expect_op(cc, OP_RPAR);
	if (nvoid && n > 1)
		dt_cc_error(cc, TOK->line, D_DECL_PROTO_VOID,
			    "void must be sole parameter");
}

static void parse_declarator(struct dt_cc *cc, struct dt_type *base,
			     struct decl *d, int abstract)
{
	struct dt_type *t = base;
	uint32_t dims[8];
	int ndims = 0, i, fptr = 0;

	memset(d, 0, sizeof(*d));
	d->line = TOK->line;
	while (is_op(cc, OP_STAR)) {
		t = t == base && base == cc->spec_type ?
		    dt_type_ptr_named(cc, t, cc->spec_tdname) :
		    dt_type_ptr(cc, t);
		dt_lex_next(cc);
		while (is_kw(cc, "const") || is_kw(cc, "volatile"))
			dt_lex_next(cc);
	}
	if (is_op(cc, OP_LPAR) && dt_lex_peek(cc, 0)->kind == T_OP &&
	    dt_lex_peek(cc, 0)->op == OP_STAR) {
		/* a pointer to function: (*name)(parameters) */
		dt_lex_next(cc);
		dt_lex_next(cc);
		fptr = 1;
	}
	if (TOK->kind == T_IDENT && !abstract) {
		d->name = TOK->str;
		dt_lex_next(cc);
	} else if (!abstract) {
		syntax_error(cc);
	}
	if (fptr) {
		expect_op(cc, OP_RPAR);
		parse_params(cc);
		d->type = dt_type_ptr(cc, dt_type_func(cc));
		return;
	}
	if (is_op(cc, OP_LPAR) && d->name) {
		/* a function: name(parameters) */
		parse_params(cc);
		d->type = dt_type_func(cc);
		return;
	}
	while (is_op(cc, OP_LBRACK)) {
		dt_lex_next(cc);
		if (is_op(cc, OP_RBRACK))
			dt_cc_error(cc, TOK->line, D_DECL_ARRNULL,
				    "array declaration requires array dimension or tuple signature");
		if (is_type_start_tok(cc, TOK, dt_lex_peek(cc, 0)) && !ndims) {
			/* associative array signature */
			d->is_assoc = 1;
			for (;;) {
				if (d->nkeys == 16)
					dt_cc_error(cc, TOK->line, D_SYNTAX,
						    "too many keys");
				d->keys[d->nkeys++] = parse_typename(cc);
				if (!is_op(cc, OP_COMMA))
					break;
				dt_lex_next(cc);
			}
			expect_op(cc, OP_RBRACK);
			continue;
		}
		if (d->is_assoc)
			syntax_error(cc);
		{
			int64_t v = const_expr(cc, D_DECL_ARRSUB,
					       "array dimension");

			if (v <= 0 || v > 0x7fffffff)
				dt_cc_error(cc, TOK->line, D_DECL_ARRBIG,
					    "array dimension too big");
			if (ndims == 8)
				syntax_error(cc);
			dims[ndims++] = (uint32_t)v;
		}
		expect_op(cc, OP_RBRACK);
	}
	for (i = ndims - 1; i >= 0; i--)
		t = dt_type_array(cc, t, dims[i]);
	d->type = t;
}

/* A type name as in casts and sizeof: specifiers + abstract declarator. */
static struct dt_type *parse_typename(struct dt_cc *cc)
{
	struct dt_type *base;
	struct decl d;

	if (is_kw(cc, "string")) {
		dt_lex_next(cc);
		base = cc->t_string;
	} else {
		base = parse_specifiers(cc);
	}
	if (!base)
		syntax_error(cc);
	parse_declarator(cc, base, &d, 1);
	return d.type;
}

/*
 * A struct or union body.  Members are laid out as C lays them out on
 * x86-64: each at the next multiple of its alignment; a bit-field in the
 * storage unit of its declared type where the unit still has room for all
 * of its bits, else at the start of the next unit; an unnamed bit-field of
 * width 0 ends the unit.  Checks and messages in DTrace's order (dt_decl.c's
 * member declaration): incomplete type, void, then the bit-field's width
 * and type.
 */
static void sou_body(struct dt_cc *cc, struct dt_type *t)
{
	struct dt_member *last = NULL;
	uint64_t bit = 0;	/* next free bit (structs) */
	uint32_t size = 0, align = 1;

	expect_op(cc, OP_LBRACE);
	while (!is_op(cc, OP_RBRACE)) {
		struct dt_type *base = parse_specifiers(cc);

		if (!base && is_kw(cc, "string")) {
			dt_lex_next(cc);
			base = cc->t_string;
		}
		if (!base)
			syntax_error(cc);
		for (;;) {
			struct decl d;
			struct dt_member *m;
			int64_t width = 0;
			int isbf = 0;
			uint32_t a, unit;
			char tn[128];

			if (is_op(cc, OP_COLON)) {
				/* unnamed bit-field */
				memset(&d, 0, sizeof(d));
				d.line = TOK->line;
				d.type = base;
			} else {
				parse_declarator(cc, base, &d, 0);
			}
			if (is_op(cc, OP_COLON)) {
				struct dt_node *e;

				dt_lex_next(cc);
				isbf = 1;
				e = parse_cond(cc);
				dt_cook(cc, e);
				width = e->kind == N_INT &&
					dt_type_is_integral(e->type) ?
					e->ival : 0;
			}
			if ((d.type->kind == DT_T_STRUCT ||
			     d.type->kind == DT_T_UNION) &&
			    !d.type->complete) {
				tname(d.type, tn, sizeof(tn));
				dt_cc_error(cc, d.line, D_DECL_INCOMPLETE,
					    "incomplete struct/union/enum %s: %s",
					    tn, d.name ? d.name : "(anon)");
			}
			if (d.type->kind == DT_T_VOID || !d.type->size)
				dt_cc_error(cc, d.line, D_DECL_VOIDOBJ,
					    "cannot have void member: %s",
					    d.name ? d.name : "(anon)");
			if (isbf && width == 0 && !d.name) {
				/* "int : 0": end the current unit */
				a = d.type->align ? d.type->align : 1;
				if (t->kind == DT_T_STRUCT)
					bit = (bit + 8 * a - 1) /
					      (8 * a) * (8 * a);
				goto next;
			}
			if (isbf && width <= 0)
				dt_cc_error(cc, d.line, D_DECL_BFCONST,
					    "positive integral constant expression expected as bit-field size");
			if (width > 0 && d.type->kind != DT_T_INT)
				dt_cc_error(cc, d.line, D_DECL_BFTYPE,
					    "invalid type for bit-field: %s",
					    d.name ? d.name : "(anon)");
			if (width > 8 * (int64_t)d.type->size)
				dt_cc_error(cc, d.line, D_DECL_BFSIZE,
					    "bit-field too big for type: %s",
					    d.name ? d.name : "(anon)");
			if (d.name && dt_type_member(cc, t, d.name))
				dt_cc_error(cc, d.line, D_DECL_MNAME,
					    "failed to define member '%s': Duplicate member or variable name",
					    d.name);
			m = dt_zalloc(cc, sizeof(*m));
			m->name = d.name;
			m->type = d.type;
			a = d.type->align ? d.type->align : 1;
			unit = 8 * d.type->size;
			if (t->kind == DT_T_UNION)
				bit = 0;
			if (width > 0) {
				/* a new unit if this one lacks room */
				if (bit / unit != (bit + width - 1) / unit)
					bit = (bit + unit - 1) / unit * unit;
				m->off = (uint32_t)(bit / unit * d.type->size);
				m->bitoff = (uint32_t)(bit - 8ULL * m->off);
				m->bits = (uint32_t)width;
				m->unit = d.type->size;
				bit += width;
			} else {
				bit = (bit + 8 * a - 1) / (8 * a) * (8 * a);
				m->off = (uint32_t)(bit / 8);
				bit += 8ULL * d.type->size;
			}
			if ((bit + 7) / 8 > size)
				size = (uint32_t)((bit + 7) / 8);
			if (a > align)
				align = a;
			if (last)
				last->next = m;
			else
				t->members = m;
			last = m;
next:
			if (!is_op(cc, OP_COMMA))
				break;
			dt_lex_next(cc);
		}
		expect_op(cc, OP_SEMI);
	}
	dt_lex_next(cc);
	t->size = (size + align - 1) / align * align;
	t->align = align;
	t->complete = 1;
}

static void enum_body(struct dt_cc *cc, struct dt_type *t)
{
	struct dt_enumer *last = NULL;
	int64_t next = 0;

	expect_op(cc, OP_LBRACE);
	while (!is_op(cc, OP_RBRACE)) {
		struct dt_enumer *e;
		struct dt_type *ot;
		int64_t ov;
		char *name = expect_ident(cc);

		if (dt_enum_lookup(cc, name, &ov, &ot) ||
		    dt_var_lookup(cc, name, DT_VS_GLOBAL))
			dt_cc_error(cc, TOK->line, D_DECL_IDRED,
				    "identifier redeclared: %s", name);
		if (is_op(cc, OP_ASSIGN)) {
			dt_lex_next(cc);
			next = const_expr(cc, D_DECL_ENCONST,
					  "enumerator value");
		}
		if (next > 0x7fffffff || next < -0x7fffffffLL - 1)
			dt_cc_error(cc, TOK->line, D_DECL_ENOFLOW,
				    "enumerator %s overflows INT_MAX", name);
		e = dt_zalloc(cc, sizeof(*e));
		e->name = name;
		e->value = next++;
		if (last)
			last->next = e;
		else
			t->enums = e;
		last = e;
		if (!is_op(cc, OP_COMMA))
			break;
		dt_lex_next(cc);
	}
	expect_op(cc, OP_RBRACE);
	t->complete = 1;
}

/* D's storage classes (C's, and self and this) */
static int is_storage_class(const struct dt_token *t)
{
	static const char *const kw[] = {
		"auto", "register", "static", "extern", "typedef", "self",
		"this", NULL
	};
	int i;

	if (t->kind != T_IDENT)
		return 0;
	for (i = 0; kw[i]; i++)
		if (!strcmp(t->str, kw[i]))
			return 1;
	return 0;
}

/*
 * A top-level or in-clause declaration; the current token starts it.
 */
static void parse_translator(struct dt_cc *cc);
static void lazy_record(struct dt_cc *cc);

static void parse_declaration(struct dt_cc *cc)
{
	int is_typedef = 0, is_inline = 0, scope = DT_VS_GLOBAL;
	struct dt_type *base;
	int line = TOK->line;

	if (cc->in_lib && (is_kw(cc, "translator") || is_kw(cc, "inline"))) {
		lazy_record(cc);
		return;
	}
	if (is_kw(cc, "translator")) {
		parse_translator(cc);
		return;
	}
	if (is_kw(cc, "typedef")) {
		is_typedef = 1;
		dt_lex_next(cc);
	} else if (is_kw(cc, "inline")) {
		is_inline = 1;
		dt_lex_next(cc);
	} else if (is_kw(cc, "self")) {
		scope = DT_VS_THREAD;
		dt_lex_next(cc);
	} else if (is_kw(cc, "this")) {
		scope = DT_VS_LOCAL;
		dt_lex_next(cc);
	}
	if ((is_typedef || is_inline || scope != DT_VS_GLOBAL) &&
	    is_storage_class(TOK))
		dt_cc_error(cc, TOK->line, D_DECL_CLASS,
			    "only one storage class allowed in a declaration");
	if (is_kw(cc, "string")) {
		dt_lex_next(cc);
		base = cc->t_string;
	} else {
		base = parse_specifiers(cc);
	}
	if (!base)
		syntax_error(cc);
	if (is_op(cc, OP_SEMI))
		return;		/* "struct foo { ... };" */
	for (;;) {
		struct decl d;

		parse_declarator(cc, base, &d, 0);
		if (is_typedef) {
			if (dt_type_typedef(cc, d.name, d.type) < 0)
				dt_cc_error(cc, d.line, D_DECL_IDRED,
					    "identifier redeclared: %s",
					    d.name);
		} else if (is_inline) {
			struct dt_inline *in;
			struct dt_node *e;

			if (inline_lookup(cc, d.name))
				dt_cc_error(cc, d.line, D_DECL_IDRED,
					    "identifier redeclared: %s",
					    d.name);
			expect_op(cc, OP_ASSIGN);
			e = parse_assign(cc);
			dt_cook(cc, e);
			if (!dt_type_compat(d.type, e->type))
				dt_cc_error(cc, d.line, D_OP_INCOMPAT,
					    "inline %s definition uses incompatible types",
					    d.name);
			in = dt_zalloc(cc, sizeof(*in));
			in->name = d.name;
			in->type = d.type;
			in->expr = e;
			in->next = cc->inlines;
			cc->inlines = in;
		} else if (d.type->kind == DT_T_FUNC && scope == DT_VS_GLOBAL) {
			/*
			 * A function prototype: DTrace takes it as an extern
			 * declaration of a symbol of the D program, which
			 * creates no variable (calling it is still an
			 * undefined function).
			 */
		} else {
			struct dt_var *v;

			if (d.type->kind == DT_T_VOID)
				dt_cc_error(cc, d.line, D_DECL_VOIDOBJ,
					    "cannot have void object: %s",
					    d.name);
			if (d.is_assoc && scope == DT_VS_LOCAL)
				dt_cc_error(cc, d.line, D_DECL_LOCASSC,
					    "associative arrays may not be declared as local variables: %s",
					    d.name);
			if ((d.type->kind == DT_T_STRUCT ||
			     d.type->kind == DT_T_UNION) &&
			    !d.type->complete)
				dt_cc_error(cc, d.line, D_DECL_INCOMPLETE,
					    "declaration of %s uses incomplete type %s",
					    d.name, d.type->name);
			if (builtin_lookup(d.name) >= 0)
				dt_cc_error(cc, d.line, D_DECL_IDRED,
					    "identifier redeclared: %s",
					    d.name);
			v = dt_var_lookup(cc, d.name, scope);
			if (v) {
				if (v->type && (v->type != d.type ||
				    v->is_assoc != d.is_assoc))
					dt_cc_error(cc, d.line,
						    D_DECL_IDRED,
						    "identifier redeclared: %s",
						    d.name);
				v->type = d.type;
			} else {
				v = dt_var_create(cc, d.name, scope, d.type);
			}
			v->is_assoc = d.is_assoc;
			if (d.is_assoc) {
				int i;

				v->nkeys = d.nkeys;
				v->keytypes = dt_zalloc(cc, d.nkeys *
						sizeof(*v->keytypes));
				for (i = 0; i < d.nkeys; i++)
					v->keytypes[i] = d.keys[i];
			}
		}
		if (!is_op(cc, OP_COMMA))
			break;
		dt_lex_next(cc);
	}
	(void)line;
	/* the ';' stays current: the caller decides how to go on */
	if (!is_op(cc, OP_SEMI))
		syntax_error(cc);
}

/* ----------------------------------------------------------------------
 * Translators: translator T < S *P > { member = expression; ... };
 * Checks in DTrace's order (dt_node_xlator(), dt_cook_xlator()): a
 * translator for the same pair of types, an incomplete or non-struct
 * output type, then each member: one of the output type's, of a type
 * its expression may be assigned to.
 * ---------------------------------------------------------------------- */
static void parse_translator(struct dt_cc *cc)
{
	struct dt_xlator *xl, **pp;
	struct dt_xlmemb *xm, **mp;
	struct dt_type *to, *base;
	struct dt_node *param;
	struct decl d;
	char a[128], b[128];
	int line = TOK->line;

	dt_lex_next(cc);
	to = parse_typename(cc);
	if (!is_op(cc, OP_LT))
		syntax_error(cc);
	dt_lex_next(cc);
	if (is_kw(cc, "string")) {
		dt_lex_next(cc);
		base = cc->t_string;
	} else {
		base = parse_specifiers(cc);
	}
	if (!base)
		syntax_error(cc);
	parse_declarator(cc, base, &d, 0);
	if (!is_op(cc, OP_GT))
		syntax_error(cc);
	dt_lex_next(cc);
	xl = dt_zalloc(cc, sizeof(*xl));
	xl->to = to;
	xl->from = d.type;
	xl->param = d.name;
	/* the parameter, for what the parser cooks at once (sizeof) */
	param = dt_node_new(cc, N_XPARAM, line);
	param->type = d.type;
	param->cooked = 1;
	param->str = d.name;
	expect_op(cc, OP_LBRACE);
	mp = &xl->members;
	while (!is_op(cc, OP_RBRACE)) {
		const char *sp = cc->xl_param;
		struct dt_node *sb = cc->xl_bind;

		xm = dt_zalloc(cc, sizeof(*xm));
		xm->line = TOK->line;
		xm->name = expect_ident(cc);
		/* a member of a struct member, e.g. pr_start.tv_sec */
		while (is_op(cc, OP_DOT)) {
			const char *id;
			char *p;

			dt_lex_next(cc);
			id = expect_ident(cc);
			p = dt_zalloc(cc, strlen(xm->name) + strlen(id) + 2);
			sprintf(p, "%s.%s", xm->name, id);
			xm->name = p;
		}
		expect_op(cc, OP_ASSIGN);
		cc->xl_param = d.name;
		cc->xl_bind = param;
		xm->expr = parse_assign(cc);
		cc->xl_param = sp;
		cc->xl_bind = sb;
		expect_op(cc, OP_SEMI);
		*mp = xm;
		mp = &xm->next;
	}
	/*
	 * DTrace checks the declaration when its grammar rule is reduced,
	 * once the ';' after the '}' is read (dt_grammar.y's
	 * translator_definition ends with '}' ';' and calls
	 * dt_node_xlator()): every error is reported at the ';' line.
	 */
	dt_lex_next(cc);
	if (!is_op(cc, OP_SEMI))
		syntax_error(cc);
	line = xl->line = TOK->line;
	if (dt_xlator_lookup(cc, to, d.type, 1)) {
		tname(d.type, a, sizeof(a));
		tname(to, b, sizeof(b));
		dt_cc_error(cc, line, D_XLATE_REDECL,
			    "translator from %s to %s has already been declared",
			    a, b);
	}
	if ((to->kind == DT_T_STRUCT || to->kind == DT_T_UNION ||
	     to->is_enum) && !to->complete) {
		tname(to, a, sizeof(a));
		dt_cc_error(cc, line, D_XLATE_SOU,
			    "incomplete struct/union/enum %s", a);
	}
	if (to->kind != DT_T_STRUCT && to->kind != DT_T_UNION)
		dt_cc_error(cc, line, D_XLATE_SOU,
			    "translator output type must be a struct or union");
	/* declared before its members are cooked, as in DTrace */
	for (pp = &cc->xlators; *pp; pp = &(*pp)->next)
		;
	*pp = xl;
	dt_xlator_check(cc, xl);
}

/*
 * A library file's translator or inline: note where it starts and skip to
 * the ';' that ends it (outside braces and parentheses).
 */
static void lazy_record(struct dt_cc *cc)
{
	struct dt_lazy *lz = dt_zalloc(cc, sizeof(*lz));
	int depth = 0, inl = is_kw(cc, "inline");
	char *last = NULL;

	lz->kind = inl ? DT_LAZY_INLINE : DT_LAZY_XLATOR;
	lz->src = TOK->start;
	lz->line = TOK->line;
	lz->file = cc->lib_file;
	for (;;) {
		dt_lex_next(cc);
		if (TOK->kind == T_EOF)
			syntax_error(cc);
		if (TOK->kind == T_IDENT && depth == 0 && !lz->name)
			last = TOK->str;
		if (is_op(cc, OP_ASSIGN) && depth == 0 && inl && !lz->name)
			lz->name = last;
		if (is_op(cc, OP_LBRACE) || is_op(cc, OP_LPAR) ||
		    is_op(cc, OP_LBRACK))
			depth++;
		if (is_op(cc, OP_RBRACE) || is_op(cc, OP_RPAR) ||
		    is_op(cc, OP_RBRACK))
			depth--;
		if (is_op(cc, OP_SEMI) && depth == 0)
			break;
	}
	if (inl && !lz->name)
		syntax_error(cc);
	lz->next = cc->lazy;
	cc->lazy = lz;
}

static int lazy_inline_exists(struct dt_cc *cc, const char *name)
{
	struct dt_lazy *lz;

	for (lz = cc->lazy; lz; lz = lz->next)
		if (lz->kind == DT_LAZY_INLINE && !lz->done &&
		    !strcmp(lz->name, name))
			return 1;
	return 0;
}

/*
 * Parse a library declaration noted by lazy_record(), now; with to_only,
 * only a translator's output type, which is returned.
 */
/* The lexer's and parser's position, saved while another text is parsed. */
struct dt_lexsave {
	const char *p, *file, *xp;
	struct dt_node *xb;
	struct dt_token tok, peek[4];
	int line, npeek, in_clause, in_pred, parens, brackets, pred_ok;
	int pdesc_ok, region, in_lib;
};

/* Save the position and start parsing src (from file, at line). */
static void lex_push(struct dt_cc *cc, struct dt_lexsave *sv, const char *src,
		     int line, const char *file)
{
	sv->p = cc->p;
	sv->file = cc->lib_file;
	sv->xp = cc->xl_param;
	sv->xb = cc->xl_bind;
	sv->tok = cc->tok;
	memcpy(sv->peek, cc->peek, sizeof(sv->peek));
	sv->line = cc->line;
	sv->npeek = cc->npeek;
	sv->in_clause = cc->in_clause;
	sv->in_pred = cc->in_pred;
	sv->parens = cc->parens;
	sv->brackets = cc->brackets;
	sv->pred_ok = cc->pred_ok;
	sv->pdesc_ok = cc->pdesc_ok;
	sv->region = cc->region;
	sv->in_lib = cc->in_lib;
	cc->p = src;
	cc->line = line;
	cc->npeek = 0;
	cc->in_clause = cc->in_pred = cc->parens = cc->brackets = 0;
	cc->pred_ok = cc->pdesc_ok = cc->region = cc->in_lib = 0;
	cc->lib_file = file;
	cc->xl_param = NULL;
	cc->xl_bind = NULL;
	dt_lex_next(cc);
}

static void lex_pop(struct dt_cc *cc, const struct dt_lexsave *sv)
{
	cc->p = sv->p;
	cc->line = sv->line;
	cc->tok = sv->tok;
	memcpy(cc->peek, sv->peek, sizeof(sv->peek));
	cc->npeek = sv->npeek;
	cc->in_clause = sv->in_clause;
	cc->in_pred = sv->in_pred;
	cc->parens = sv->parens;
	cc->brackets = sv->brackets;
	cc->pred_ok = sv->pred_ok;
	cc->pdesc_ok = sv->pdesc_ok;
	cc->region = sv->region;
	cc->in_lib = sv->in_lib;
	cc->lib_file = sv->file;
	cc->xl_param = sv->xp;
	cc->xl_bind = sv->xb;
}

struct dt_type *dt_parse_lazy(struct dt_cc *cc, struct dt_lazy *lz,
			      int to_only)
{
	struct dt_type *to = NULL;
	struct dt_lexsave sv;

	if (!to_only)
		lz->done = 1;
	lex_push(cc, &sv, lz->src, lz->line, lz->file);
	if (to_only) {
		dt_lex_next(cc);	/* "translator" */
		to = parse_typename(cc);
	} else {
		parse_declaration(cc);
	}
	lex_pop(cc, &sv);
	return to;
}

/*
 * The type a provider's argument description names ("struct request *",
 * "psinfo_t *"), parsed as a D type name at line.
 */
static struct dt_type *parse_type_text(struct dt_cc *cc, const char *text,
				       int line)
{
	struct dt_lexsave sv;
	struct dt_type *t;

	lex_push(cc, &sv, text, line, cc->lib_file);
	t = parse_typename(cc);
	lex_pop(cc, &sv);
	return t;
}

/* ----------------------------------------------------------------------
 * Expressions
 * ---------------------------------------------------------------------- */
static struct dt_node *mk1(struct dt_cc *cc, int op, struct dt_node *l,
			   int line)
{
	struct dt_node *n = dt_node_new(cc, N_OP1, line);

	n->op = op;
	n->l = l;
	n->src_start = l->src_start;
	n->src_end = l->src_end;
	return n;
}

static struct dt_node *mk2(struct dt_cc *cc, int kind, int op,
			   struct dt_node *l, struct dt_node *r)
{
	struct dt_node *n = dt_node_new(cc, kind, l->line);

	n->op = op;
	n->l = l;
	n->r = r;
	n->src_start = l->src_start;
	n->src_end = r->src_end;
	return n;
}

/* Arguments up to the closing token; *close_line gets that token's line. */
static struct dt_node **parse_args_at(struct dt_cc *cc, int close, int *nargs,
				      int *close_line)
{
	struct dt_node *tmp[64], **a;
	int n = 0;

	if (is_op(cc, close)) {
		*close_line = TOK->line;
		dt_lex_next(cc);
		*nargs = 0;
		return NULL;
	}
	for (;;) {
		if (n == 64)
			dt_cc_error(cc, TOK->line, D_SYNTAX,
				    "too many arguments");
		tmp[n++] = parse_assign(cc);
		if (is_op(cc, OP_COMMA)) {
			dt_lex_next(cc);
			continue;
		}
		*close_line = TOK->line;
		expect_op(cc, close);
		break;
	}
	a = dt_zalloc(cc, n * sizeof(*a));
	memcpy(a, tmp, n * sizeof(*a));
	*nargs = n;
	return a;
}

static struct dt_node **parse_args(struct dt_cc *cc, int close, int *nargs)
{
	int line;

	return parse_args_at(cc, close, nargs, &line);
}

static struct dt_node *parse_primary(struct dt_cc *cc)
{
	struct dt_node *n;
	const char *start = TOK->start;
	int line = TOK->line;

	switch (TOK->kind) {
	case T_INT:
		n = dt_node_new(cc, N_INT, line);
		n->ival = (int64_t)TOK->ival;
		if (TOK->islong)
			n->type = TOK->isuns ? cc->t_ulong : cc->t_long;
		else
			n->type = TOK->isuns ? cc->t_uint : cc->t_int;
		if (TOK->ischar)
			n->type = cc->t_char;
		n->isconst = 1;
		n->src_start = start;
		n->src_end = TOK->end;
		dt_lex_next(cc);
		return n;
	case T_STR:
		n = dt_node_new(cc, N_STR, line);
		n->str = TOK->str;
		n->ival = (int64_t)TOK->len;
		n->src_start = start;
		n->src_end = TOK->end;
		dt_lex_next(cc);
		/* adjacent string literals are not concatenated in D */
		return n;
	case T_AGG:
		n = dt_node_new(cc, N_AGG, line);
		n->str = TOK->str;
		n->src_start = start;
		n->src_end = TOK->end;
		dt_lex_next(cc);
		if (is_op(cc, OP_LBRACK)) {
			dt_lex_next(cc);
			n->args = parse_args(cc, OP_RBRACK, &n->nargs);
			if (n->nargs == 0)
				dt_cc_error(cc, line, D_SYNTAX,
					    "syntax error near \"]\"");
		}
		n->src_end = TOK->start;
		return n;
	case T_IDENT:
		if (is_kw(cc, "self") || is_kw(cc, "this")) {
			int self = is_kw(cc, "self");

			dt_lex_next(cc);
			if (!is_op(cc, OP_ARROW))
				syntax_error(cc);
			dt_lex_next(cc);
			n = dt_node_new(cc, self ? N_SELF : N_THIS, line);
			n->str = expect_ident(cc);
			n->src_start = start;
			n->src_end = cc->tok.start;
			return n;
		}
		if (is_kw(cc, "offsetof")) {
			struct dt_type *t;
			struct dt_member *m;
			char *mname;

			dt_lex_next(cc);
			expect_op(cc, OP_LPAR);
			t = parse_typename(cc);
			expect_op(cc, OP_COMMA);
			mname = expect_ident(cc);
			expect_op(cc, OP_RPAR);
			if (t->kind != DT_T_STRUCT && t->kind != DT_T_UNION)
				dt_cc_error(cc, line, D_OFFSETOF_TYPE,
					    "offsetof operand must be a struct or union type");
			m = dt_type_member(cc, t, mname);
			if (!m)
				dt_cc_error(cc, line, D_TYPE_MEMBER,
					    "%s is not a member of %s", mname,
					    t->name);
			if (m->bits)
				dt_cc_error(cc, line, D_OFFSETOF_BITFIELD,
					    "cannot take offset of a bit-field: %s",
					    mname);
			n = dt_node_new(cc, N_INT, line);
			n->ival = m->off;
			n->type = cc->t_ulong;
			n->isconst = 1;
			n->src_start = start;
			n->src_end = cc->tok.start;
			return n;
		}
		if (is_kw(cc, "xlate")) {
			/* xlate < type > ( expression ) */
			dt_lex_next(cc);
			if (!is_op(cc, OP_LT))
				syntax_error(cc);
			dt_lex_next(cc);
			n = dt_node_new(cc, N_XLATE, line);
			n->ctype = parse_typename(cc);
			if (!is_op(cc, OP_GT))
				syntax_error(cc);
			dt_lex_next(cc);
			expect_op(cc, OP_LPAR);
			n->l = parse_expr(cc);
			expect_op(cc, OP_RPAR);
			n->src_start = start;
			n->src_end = cc->tok.start;
			return n;
		}
		n = dt_node_new(cc, N_VAR, line);
		n->str = TOK->str;
		n->src_start = start;
		n->src_end = TOK->end;
		dt_lex_next(cc);
		return n;
	case T_OP:
		if (TOK->op == OP_LPAR) {
			dt_lex_next(cc);
			n = parse_expr(cc);
			expect_op(cc, OP_RPAR);
			return n;
		}
		break;
	}
	syntax_error(cc);
}


/*
 * A call names a function when it is parsed, as DTrace's dt_node_func()
 * does in its parse pass (so this error comes before any type error of
 * an earlier statement): a name DTrace knows as another kind of
 * identifier "may not be referenced as a function" (D_FUNC_IDKIND); any
 * other name, including one only declared by a prototype (int foo(int);
 * is an extern symbol of the D program, not an identifier), is an
 * "undefined function name" (D_FUNC_UNDEF).  An inline that is an integer
 * constant is folded into one before the call, so DTrace reports that
 * the designator is not a function (D_FUNC_IDENT).
 */
static void check_func_name(struct dt_cc *cc, const char *name, int line)
{
	struct dt_inline *in;
	struct dt_type *et;
	struct dt_var *v;
	const char *kind = NULL;
	int64_t ev;

	if (dt_cg_func_known(name))
		return;
	in = inline_lookup(cc, name);
	if (in && in->expr && in->expr->kind == N_INT)
		dt_cc_error(cc, line, D_FUNC_IDENT,
			    "function designator is not of function type");
	v = dt_var_lookup(cc, name, DT_VS_GLOBAL);
	if (in)
		kind = "scalar";
	else if (!strcmp(name, "args") || (v && v->is_assoc))
		kind = "associative array";
	else if (v || builtin_lookup(name) >= 0)
		kind = "scalar";
	else if (dt_enum_lookup(cc, name, &ev, &et))
		kind = "enumerator";
	if (kind)
		dt_cc_error(cc, line, D_FUNC_IDKIND,
			    "%s '%s' may not be referenced as a function", kind,
			    name);
	dt_cc_error(cc, line, D_FUNC_UNDEF, "undefined function name: %s",
		    name);
}
static struct dt_node *parse_postfix(struct dt_cc *cc)
{
	struct dt_node *n = parse_primary(cc);
	struct dt_node *m;

	for (;;) {
		int line = TOK->line;

		if (is_op(cc, OP_LBRACK)) {
			if (n->kind == N_AGG)
				dt_cc_error(cc, line, D_AGG_MDIM,
					    "%s may not be used as a multi-dimensional array",
					    n->str);
			dt_lex_next(cc);
			m = dt_node_new(cc, N_INDEX, line);
			m->l = n;
			m->args = parse_args(cc, OP_RBRACK, &m->nargs);
			if (!m->nargs)
				dt_cc_error(cc, line, D_SYNTAX,
					    "syntax error near \"]\"");
			m->src_start = n->src_start;
			m->src_end = cc->tok.start;
			n = m;
		} else if (is_op(cc, OP_LPAR)) {
			if (n->kind != N_VAR)
				dt_cc_error(cc, line, D_FUNC_IDENT,
					    "function designator is not of function type");
			dt_lex_next(cc);
			m = dt_node_new(cc, N_CALL, n->line);
			m->str = n->str;
			m->args = parse_args_at(cc, OP_RPAR, &m->nargs, &line);
			check_func_name(cc, m->str, line);
			m->src_start = n->src_start;
			m->src_end = cc->tok.start;
			n = m;
		} else if (is_op(cc, OP_DOT) || is_op(cc, OP_ARROW)) {
			int op = TOK->op;

			dt_lex_next(cc);
			m = dt_node_new(cc, N_MEMBER, line);
			m->op = op;
			m->l = n;
			m->str = expect_ident(cc);
			m->src_start = n->src_start;
			m->src_end = cc->tok.start;
			n = m;
		} else if (is_op(cc, OP_INC) || is_op(cc, OP_DEC)) {
			m = mk1(cc, is_op(cc, OP_INC) ? OP_POSTINC : OP_POSTDEC,
				n, line);
			m->src_end = TOK->end;
			dt_lex_next(cc);
			n = m;
		} else {
			return n;
		}
	}
}

static struct dt_node *parse_cast(struct dt_cc *cc);
static struct dt_node *parse_unary(struct dt_cc *cc);

static struct dt_node *parse_unary1(struct dt_cc *cc)
{
	int line = TOK->line;
	const char *start = TOK->start;
	struct dt_node *n;
	int op = -1;

	if (TOK->kind == T_OP) {
		switch (TOK->op) {
		case OP_INC: op = OP_PREINC; break;
		case OP_DEC: op = OP_PREDEC; break;
		case OP_MINUS: op = OP_NEG; break;
		case OP_PLUS: op = OP_POS; break;
		case OP_STAR: op = OP_DEREF; break;
		case OP_AMP: op = OP_ADDROF; break;
		case OP_NOT: op = OP_NOT; break;
		case OP_TILDE: op = OP_TILDE; break;
		}
	}
	if (op >= 0) {
		dt_lex_next(cc);
		if (op == OP_PREINC || op == OP_PREDEC)
			n = mk1(cc, op, parse_unary(cc), line);
		else
			n = mk1(cc, op, parse_cast(cc), line);
		if (op == OP_ADDROF && n->l->kind == N_VAR &&
		    strchr(n->l->str, '`'))
			n->l->ival = DT_SYM_ADDROF;	/* see cook_sym() */
		n->src_start = start;
		return n;
	}
	if (is_kw(cc, "sizeof")) {
		dt_lex_next(cc);
		n = dt_node_new(cc, N_INT, line);
		n->type = cc->t_ulong;
		n->isconst = 1;
		if (is_op(cc, OP_LPAR) &&
		    (is_type_start_tok(cc, dt_lex_peek(cc, 0),
				       dt_lex_peek(cc, 1)) ||
		     (dt_lex_peek(cc, 0)->kind == T_IDENT &&
		      !strcmp(dt_lex_peek(cc, 0)->str, "string")))) {
			struct dt_type *t;

			dt_lex_next(cc);
			t = parse_typename(cc);
			expect_op(cc, OP_RPAR);
			if (t->kind == DT_T_VOID || !t->complete)
				dt_cc_error(cc, line, D_SIZEOF_TYPE,
					    "cannot apply sizeof to an incomplete or void type");
			n->ival = t->size;
		} else {
			struct dt_node *e = parse_unary(cc);

			dt_cook(cc, e);
			if (e->kind == N_MEMBER && e->member &&
			    e->member->bits)
				dt_cc_error(cc, line, D_SIZEOF_BITFIELD,
					    "cannot apply sizeof to a bit-field");
			if (!e->type || e->type->kind == DT_T_VOID)
				dt_cc_error(cc, line, D_SIZEOF_TYPE,
					    "cannot apply sizeof to an expression of void type");
			n->ival = e->type->size;
		}
		n->src_start = start;
		n->src_end = cc->tok.start;
		return n;
	}
	if (is_kw(cc, "stringof")) {
		dt_lex_next(cc);
		n = dt_node_new(cc, N_STRINGOF, line);
		n->l = parse_unary(cc);
		n->src_start = start;
		n->src_end = n->l->src_end;
		return n;
	}
	return parse_postfix(cc);
}

/* Every nesting level of the grammar passes here: bound the recursion. */
static struct dt_node *parse_unary(struct dt_cc *cc)
{
	struct dt_node *n;

	if (++cc->depth > DT_MAXDEPTH)
		dt_cc_error(cc, TOK->line, D_SYNTAX,
			    "expression is nested too deeply");
	n = parse_unary1(cc);
	cc->depth--;
	return n;
}

static struct dt_node *parse_cast1(struct dt_cc *cc)
{
	if (is_op(cc, OP_LPAR) &&
	    is_type_start_tok(cc, dt_lex_peek(cc, 0), dt_lex_peek(cc, 1))) {
		int line = TOK->line;
		const char *start = TOK->start;
		struct dt_node *n = dt_node_new(cc, N_CAST, line);

		dt_lex_next(cc);
		n->ctype = parse_typename(cc);
		expect_op(cc, OP_RPAR);
		n->l = parse_cast(cc);
		n->src_start = start;
		n->src_end = n->l->src_end;
		return n;
	}
	return parse_unary(cc);
}

static struct dt_node *parse_cast(struct dt_cc *cc)
{
	struct dt_node *n;

	if (++cc->depth > DT_MAXDEPTH)
		dt_cc_error(cc, TOK->line, D_SYNTAX,
			    "expression is nested too deeply");
	n = parse_cast1(cc);
	cc->depth--;
	return n;
}


/* Binary operator precedence (higher binds tighter), 0 = not binary. */
static int binprec(const struct dt_token *t)
{
	if (t->kind != T_OP)
		return 0;
	switch (t->op) {
	case OP_STAR: case OP_SLASH: case OP_MOD:
		return t->epred ? 0 : 10;
	case OP_PLUS: case OP_MINUS:
		return 9;
	case OP_SHL: case OP_SHR:
		return 8;
	case OP_LT: case OP_GT: case OP_LE: case OP_GE:
		return 7;
	case OP_EQ: case OP_NE:
		return 6;
	case OP_AMP:
		return 5;
	case OP_XOR:
		return 4;
	case OP_BOR:
		return 3;
	case OP_LAND:
		return 2;
	case OP_LXOR:
		return 1;
	case OP_LOR:
		return 0;	/* handled as level 0 below */
	}
	return -1;
}

static int prec_of(const struct dt_token *t)
{
	if (t->kind == T_OP && t->op == OP_LOR)
		return 1;
	if (t->kind == T_OP && t->op == OP_LXOR)
		return 2;
	if (t->kind == T_OP && t->op == OP_LAND)
		return 3;
	{
		int p = binprec(t);

		return p > 2 ? p + 1 : 0;
	}
}

static struct dt_node *parse_binary(struct dt_cc *cc, int minprec)
{
	struct dt_node *l = parse_cast(cc);

	for (;;) {
		int p = prec_of(TOK);
		int op;
		struct dt_node *r;

		if (p < minprec || p == 0)
			return l;
		op = TOK->op;
		dt_lex_next(cc);
		r = parse_binary(cc, p + 1);
		l = mk2(cc, N_OP2, op, l, r);
	}
}

static struct dt_node *parse_cond1(struct dt_cc *cc)
{
	struct dt_node *c = parse_binary(cc, 1);
	struct dt_node *n;

	if (!is_op(cc, OP_QUEST))
		return c;
	dt_lex_next(cc);
	n = dt_node_new(cc, N_COND, c->line);
	n->c = c;
	n->l = parse_expr(cc);
	expect_op(cc, OP_COLON);
	n->r = parse_cond(cc);
	n->src_start = c->src_start;
	n->src_end = n->r->src_end;
	return n;
}

static struct dt_node *parse_cond(struct dt_cc *cc)
{
	struct dt_node *n;

	if (++cc->depth > DT_MAXDEPTH)
		dt_cc_error(cc, TOK->line, D_SYNTAX,
			    "expression is nested too deeply");
	n = parse_cond1(cc);
	cc->depth--;
	return n;
}


static int is_assign_op(int op)
{
	return op >= OP_ASSIGN && op <= OP_SHR_EQ;
}

static struct dt_node *parse_assign1(struct dt_cc *cc)
{
	struct dt_node *l = parse_cond(cc);

	if (TOK->kind == T_OP && is_assign_op(TOK->op)) {
		int op = TOK->op;

		dt_lex_next(cc);
		return mk2(cc, N_ASSIGN, op, l, parse_assign(cc));
	}
	return l;
}

static struct dt_node *parse_assign(struct dt_cc *cc)
{
	struct dt_node *n;

	if (++cc->depth > DT_MAXDEPTH)
		dt_cc_error(cc, TOK->line, D_SYNTAX,
			    "expression is nested too deeply");
	n = parse_assign1(cc);
	cc->depth--;
	return n;
}


static struct dt_node *parse_expr(struct dt_cc *cc)
{
	struct dt_node *l = parse_assign(cc);

	while (is_op(cc, OP_COMMA)) {
		dt_lex_next(cc);
		l = mk2(cc, N_COMMA, OP_COMMA, l, parse_assign(cc));
	}
	return l;
}

static int64_t const_expr(struct dt_cc *cc, int tag, const char *what)
{
	struct dt_node *n = parse_cond(cc);

	dt_cook(cc, n);
	if (n->kind != N_INT)
		dt_cc_error(cc, n->line, tag,
			    "%s must be an integer constant expression", what);
	return n->ival;
}

/* ----------------------------------------------------------------------
 * Cooking: type checking and constant folding
 * ---------------------------------------------------------------------- */
static void tname(const struct dt_type *t, char *b, size_t l)
{
	dt_type_name(t, b, l);
}

static void fold_int(struct dt_cc *cc, struct dt_node *n, int64_t v,
		     struct dt_type *t)
{
	uint64_t u = (uint64_t)v;

	/* truncate to the result type */
	if (t->size < 8) {
		int sh = 64 - 8 * t->size;

		if (t->is_signed)
			v = (int64_t)(u << sh) >> sh;
		else
			v = (int64_t)((u << sh) >> sh);
	}
	(void)cc;
	n->kind = N_INT;
	n->ival = v;
	n->type = t;
	n->isconst = 1;
	n->l = n->r = n->c = NULL;
}

/*
 * Integer constant expressions fold as in DTrace's dt_node_op1() and
 * dt_node_op2() (illumos libdtrace dt_parser.c): the value is computed in
 * 64 bits (uintmax_t) and kept whole, whatever the result's type, so
 * "1 << 32" is an int whose value is 0x100000000: trace() records the
 * int's 4 bytes (0), but (1 << 32) >> 32 folds to 1, 1 << 32 == 0 to 0,
 * and an aggregating function or a predicate sees 4294967296.  Only a
 * cast narrows a constant (fold_cast), and a record of the type's size.
 * Right shifts of signed types stay arithmetic (see cook_op2).
 */
static void fold_raw(struct dt_node *n, uint64_t v, struct dt_type *t)
{
	n->kind = N_INT;
	n->ival = (int64_t)v;
	n->type = t;
	n->isconst = 1;
	n->l = n->r = n->c = NULL;
}

/* v as a value of integer type t: its low t->size bytes, extended */
static uint64_t fold_to_type(uint64_t v, const struct dt_type *t)
{
	int sh;

	if (!t->size || t->size >= 8)
		return v;
	sh = 64 - 8 * t->size;
	return t->is_signed ? (uint64_t)((int64_t)(v << sh) >> sh) :
			      (v << sh) >> sh;
}

/*
 * A cast of an integer constant converts the value of its source type
 * (its low bytes) to the destination type, as C and DTrace's run-time
 * casts do, and as DTrace's dt_cast() folds a widening: (long)(1 << 32)
 * is 0.  Where dt_cast() disagrees with DTrace's own run-time cast
 * (dt_cg_typecast()), we follow C: a narrowing to a signed type
 * sign-extends ((char)-3 < 0 is true) and a change of signedness
 * truncates ((unsigned)-2 / 2 is 2147483647).
 */
static uint64_t fold_cast(uint64_t v, const struct dt_type *from,
			  const struct dt_type *to)
{
	return fold_to_type(fold_to_type(v, from), to);
}

static int is_lvalue_var(struct dt_node *n)
{
	return n->kind == N_VAR || n->kind == N_SELF || n->kind == N_THIS ||
	       (n->kind == N_INDEX && n->var);
}

/*
 * Constants DTrace's D library defines as inline ints (the fault codes an
 * ERROR clause finds in arg4); the values are dtrace.h's DTRACEFLT_*.
 */
static const struct {
	const char *name;
	int value;
} dlib_consts[] = {
	{ "DTRACEFLT_UNKNOWN", DTRACEFLT_UNKNOWN },
	{ "DTRACEFLT_BADADDR", DTRACEFLT_BADADDR },
	{ "DTRACEFLT_BADALIGN", DTRACEFLT_BADALIGN },
	{ "DTRACEFLT_ILLOP", DTRACEFLT_ILLOP },
	{ "DTRACEFLT_DIVZERO", DTRACEFLT_DIVZERO },
	{ "DTRACEFLT_NOSCRATCH", DTRACEFLT_NOSCRATCH },
	{ "DTRACEFLT_KPRIV", DTRACEFLT_KPRIV },
	{ "DTRACEFLT_UPRIV", DTRACEFLT_UPRIV },
	{ "DTRACEFLT_TUPOFLOW", DTRACEFLT_TUPOFLOW },
	{ "DTRACEFLT_BADSTACK", DTRACEFLT_BADSTACK },
	{ "DTRACEFLT_LIBRARY", 1000 },
};

static int dlib_const(const char *name, int64_t *val)
{
	size_t i;

	for (i = 0; i < sizeof(dlib_consts) / sizeof(dlib_consts[0]); i++) {
		if (!strcmp(dlib_consts[i].name, name)) {
			*val = dlib_consts[i].value;
			return 1;
		}
	}
	return 0;
}

/*
 * `sym or mod`sym: the kernel variable at the symbol's address (from
 * /proc/kallsyms), of its BTF type; an lvalue in memory, as *(T *)addr.
 */
static void cook_sym(struct dt_cc *cc, struct dt_node *n, int defining)
{
	const char *q = strrchr(n->str, '`');
	char mod[128], why[512];
	struct dt_node *a;
	struct dt_type *t;
	uint64_t addr;

	snprintf(mod, sizeof(mod), "%.*s", (int)(q - n->str), n->str);
	if (defining)
		dt_cc_error(cc, n->line, D_OP_WRITE,
			    "operator = can only be applied to a writable variable");
	if (dt_btf_ksym(mod, q + 1, &addr, why, sizeof(why)))
		dt_cc_error(cc, n->line, D_IDENT_UNDEF,
			    "failed to resolve %s: %s", n->str, why);
	if (addr < 0xffff800000000000ULL)
		dt_cc_error(cc, n->line, D_SYM_BADREF,
			    "%s is a per-CPU variable (its symbol is an offset, 0x%llx), which D cannot reference",
			    n->str, (unsigned long long)addr);
	t = dt_btf_var(cc, q + 1, why, sizeof(why));
	if (!t && n->ival == DT_SYM_ADDROF) {
		/*
		 * The kernel's BTF describes per-CPU variables only (pahole's
		 * default): &`sym of another is a void *, which a cast can
		 * give a type: *(unsigned long *)&`jiffies.
		 */
		t = cc->t_void;
	}
	if (!t)
		dt_cc_error(cc, n->line, D_SYM_NOTYPES,
			    "no symbolic type information is available for %s`%s: %s",
			    *mod ? mod : "vmlinux", q + 1, why);
	a = dt_node_new(cc, N_INT, n->line);
	a->ival = (int64_t)addr;
	a->type = dt_type_ptr(cc, t);
	a->cooked = 1;
	n->kind = N_OP1;
	n->op = OP_DEREF;
	n->l = a;
	n->type = t;
	n->lvalue = 1;
}

static void cook_var(struct dt_cc *cc, struct dt_node *n, int defining)
{
	int b = builtin_lookup(n->str);
	struct dt_var *v;
	struct dt_inline *in;
	int64_t ev;
	struct dt_type *et;

	if (cc->xl_param && !strcmp(n->str, cc->xl_param)) {
		/* a translator's parameter: its input expression */
		*n = *cc->xl_bind;
		return;
	}
	if (strchr(n->str, '`')) {
		cook_sym(cc, n, defining);
		return;
	}
	if (!strcmp(n->str, "NULL") &&
	    !dt_var_lookup(cc, "NULL", DT_VS_GLOBAL)) {
		n->kind = N_INT;
		n->ival = 0;
		n->type = cc->t_voidp;
		n->isconst = 1;
		return;
	}
	if (b >= 0) {
		n->builtin = builtins[b].id;
		n->type = type_by_text(cc, builtins[b].type);
		if (n->builtin == DIF_VAR_CURTHREAD) {
			/* struct task_struct * where the kernel's BTF says so */
			struct dt_type *ts = dt_type_sou(cc, DT_T_STRUCT,
							 "task_struct", 0);

			if (!ts || !ts->complete)
				ts = dt_btf_sou(cc, DT_T_STRUCT, "task_struct");
			if (ts)
				n->type = dt_type_ptr(cc, ts);
		}
		return;
	}
	v = dt_var_lookup(cc, n->str, DT_VS_GLOBAL);
	if (v && v->type) {
		if (v->is_assoc && !defining)
			dt_cc_error(cc, n->line, D_ARR_BADREF,
				    "%s: associative array referenced without a tuple",
				    n->str);
		n->var = v;
		n->type = v->type;
		n->lvalue = 1;
		return;
	}
	in = inline_lookup(cc, n->str);
	if (!in && !v && dt_lazy_inline(cc, n->str))
		in = inline_lookup(cc, n->str);
	if (in) {
		/* substitute a cooked copy of the inline's expression */
		struct dt_node *e = in->expr;

		*n = *e;
		if (n->kind == N_INT) {
			fold_int(cc, n, n->ival, in->type);
		} else {
			struct dt_node *c = dt_node_new(cc, N_CAST, e->line);

			c->ctype = in->type;
			c->l = e;
			c->type = in->type;
			c->cooked = 1;
			*n = *c;
		}
		return;
	}
	if (dt_enum_lookup(cc, n->str, &ev, &et)) {
		n->kind = N_INT;
		n->ival = ev;
		n->type = et;
		n->isconst = 1;
		return;
	}
	if (dlib_const(n->str, &ev)) {
		if (defining)
			dt_cc_error(cc, n->line, D_OP_WRITE,
				    "operator = can only be applied to a writable variable");
		n->kind = N_INT;
		n->ival = ev;
		n->type = cc->t_int;
		n->isconst = 1;
		return;
	}
	if (defining) {
		n->var = v;	/* maybe declared without type yet */
		return;
	}
	if (!v && dt_btf_enumerator(cc, n->str, &ev, &et)) {
		n->kind = N_INT;
		n->ival = ev;
		n->type = et;
		n->isconst = 1;
		return;
	}
	dt_cc_error(cc, n->line, D_IDENT_UNDEF,
		    "failed to resolve %s: Unknown variable name", n->str);
}

static void cook_tls(struct dt_cc *cc, struct dt_node *n, int defining)
{
	int scope = n->kind == N_SELF ? DT_VS_THREAD : DT_VS_LOCAL;
	struct dt_var *v = dt_var_lookup(cc, n->str, scope);

	if (v && v->is_assoc && !defining)
		dt_cc_error(cc, n->line, D_ARR_BADREF,
			    "%s->%s: associative array referenced without a tuple",
			    scope == DT_VS_THREAD ? "self" : "this", n->str);
	if ((!v || !v->type) && !defining)
		dt_cc_error(cc, n->line, D_VAR_UNDEF,
			    "%s->%s has not yet been declared or assigned",
			    scope == DT_VS_THREAD ? "self" : "this", n->str);
	n->var = v;
	n->lvalue = 1;
	if (v)
		n->type = v->type ? v->type : cc->t_int64;
}

static void check_scalar(struct dt_cc *cc, struct dt_node *n, int op,
			 int tag, const char *what)
{
	if (!dt_type_is_scalar(n->type))
		dt_cc_error(cc, n->line, tag,
			    "operator %s requires operand%s of %s type",
			    dt_op_name(op), what[0] == 's' ? "s" : "",
			    what + 1);
}

/* Define or check an associative array from its use with keys. */
static void cook_assoc(struct dt_cc *cc, struct dt_node *n, int defining,
		       struct dt_type *valtype)
{
	struct dt_node *base = n->l;
	struct dt_var *v;
	int scope, i;
	const char *nm = base->str;

	scope = base->kind == N_VAR ? DT_VS_GLOBAL :
		base->kind == N_SELF ? DT_VS_THREAD : DT_VS_LOCAL;
	if (scope == DT_VS_LOCAL)
		dt_cc_error(cc, n->line, D_ARR_LOCAL,
			    "local variables may not be used as associative arrays: this->%s",
			    nm);
	for (i = 0; i < n->nargs; i++) {
		dt_cook(cc, n->args[i]);
		/*
		 * Structs and unions are keys by value (pushed by
		 * reference with their size, compared byte by byte).
		 */
		if (!n->args[i]->type ||
		    n->args[i]->type->kind == DT_T_VOID ||
		    (n->args[i]->type->kind == DT_T_ARRAY &&
		     !dt_type_is_chararray(n->args[i]->type)))
			dt_cc_error(cc, n->line, D_KEY_TYPE,
				    "%s[ ] key #%d is of an invalid type", nm,
				    i + 1);
	}
	v = dt_var_lookup(cc, nm, scope);
	if (!v || (!v->type && !v->is_assoc)) {
		if (!defining)
			dt_cc_error(cc, n->line, D_VAR_UNDEF,
				    "%s%s has not yet been declared or assigned",
				    scope == DT_VS_THREAD ? "self->" : "", nm);
		if (!v)
			v = dt_var_create(cc, nm, scope, NULL);
		v->is_assoc = 1;
		v->nkeys = n->nargs;
		v->keytypes = dt_zalloc(cc, n->nargs * sizeof(*v->keytypes));
		for (i = 0; i < n->nargs; i++) {
			struct dt_type *kt = n->args[i]->type;

			if (dt_type_is_chararray(kt))
				kt = cc->t_string;
			v->keytypes[i] = kt;
		}
		v->type = valtype;
	} else {
		if (!v->is_assoc)
			dt_cc_error(cc, n->line, D_ARR_BADREF,
				    "%s%s is not an associative array",
				    scope == DT_VS_THREAD ? "self->" : "", nm);
		if (v->nkeys != n->nargs)
			dt_cc_error(cc, n->line, D_PROTO_LEN,
				    "%s[ ] prototype mismatch: %d args passed, %d expected",
				    nm, n->nargs, v->nkeys);
		for (i = 0; i < n->nargs; i++) {
			if (!dt_type_compat(v->keytypes[i],
					    n->args[i]->type)) {
				char a[128], b[128];

				tname(v->keytypes[i], a, sizeof(a));
				tname(n->args[i]->type, b, sizeof(b));
				dt_cc_error(cc, n->line, D_PROTO_ARG,
					    "%s[ ] argument #%d is incompatible with prototype:\n\tprototype: %s\n\t argument: %s",
					    nm, i + 1, a, b);
			}
		}
		if (!v->type)
			v->type = valtype;
	}
	n->var = v;
	n->lvalue = 1;
	n->type = v->type ? v->type : cc->t_int64;
}

extern int dt_cg_subr_cook(struct dt_cc *cc, struct dt_node *n);
static void implicit_int(struct dt_cc *cc, struct dt_node *l);

/* Is base[...] an associative array reference (not memory indexing)? */
static int index_is_assoc(struct dt_cc *cc, struct dt_node *l)
{
	struct dt_var *v;
	int scope;

	if (l->kind == N_VAR) {
		if (builtin_lookup(l->str) >= 0 || inline_lookup(cc, l->str) ||
		    !strcmp(l->str, "NULL"))
			return 0;
		scope = DT_VS_GLOBAL;
	} else if (l->kind == N_SELF) {
		scope = DT_VS_THREAD;
	} else if (l->kind == N_THIS) {
		scope = DT_VS_LOCAL;
	} else {
		return 0;
	}
	v = dt_var_lookup(cc, l->str, scope);
	return !v || v->is_assoc || !v->type;
}

/*
 * A string against NULL.  DTrace's string is a char array, which a void *
 * matches (dt_node_is_ptrcompat): `s = NULL` stores a null value, which
 * deallocates a dynamic variable (the Guide's whoexec.d clears
 * self->parent so), and `s != NULL` is false for a variable never set.
 * Here an unset string variable reads as "" and storing "" deletes one, so
 * NULL beside a string becomes "": the assignment deletes, the comparison
 * compares strings (differing from DTrace only for a variable explicitly
 * set to "", which DTrace keeps and compares as not NULL).  Returns 1 if
 * it rewrote n.
 */
static int null_to_empty_str(struct dt_cc *cc, const struct dt_type *st,
			     struct dt_node *n)
{
	if (!dt_type_is_string(st) || n->kind != N_INT || n->ival != 0 ||
	    n->type->kind != DT_T_PTR)
		return 0;
	n->kind = N_STR;
	n->str = "";
	n->ival = 0;
	n->type = cc->t_string;
	n->isconst = 0;
	return 1;
}

static void cook_assign(struct dt_cc *cc, struct dt_node *n)
{
	struct dt_node *l = n->l, *r = n->r;
	struct dt_type *lt;
	char a[128], b[128];

	dt_cook(cc, r);
	if (r->kind == N_AGG)
		dt_cc_error(cc, n->line, D_AGG_SCALAR,
			    "aggregation %s may not be used as a scalar",
			    r->str);
	if (r->type->kind == DT_T_VOID)
		dt_cc_error(cc, n->line, D_OP_VFPTR,
			    "operator %s requires an operand of non-void type",
			    dt_op_name(n->op));
	if (l->kind == N_AGG)
		dt_cc_error(cc, n->line, D_AGG_FUNC,
			    "aggregating function required to assign %s",
			    l->str);
	switch (l->kind) {
	case N_VAR:
		if (builtin_lookup(l->str) >= 0)
			dt_cc_error(cc, n->line, D_OP_WRITE,
				    "operator %s can only be applied to a writable variable",
				    dt_op_name(n->op));
		cook_var(cc, l, 1);
		if (!l->var || !l->var->type) {
			struct dt_type *t;

			if (n->op != OP_ASSIGN)
				dt_cc_error(cc, n->line, D_VAR_UNDEF,
					    "%s has not yet been declared or assigned",
					    l->str);
			if (l->kind != N_VAR)
				dt_cc_error(cc, n->line, D_OP_WRITE,
					    "operator %s can only be applied to a writable variable",
					    dt_op_name(n->op));
			t = r->type;
			if (dt_type_is_chararray(t))
				t = cc->t_string;
			if (t->kind == DT_T_ARRAY)
				dt_cc_error(cc, n->line, D_OP_DYN,
					    "variables of type %s are not supported",
					    t->name ? t->name : "array");
			if (!l->var)
				l->var = dt_var_create(cc, l->str,
						       DT_VS_GLOBAL, t);
			else
				l->var->type = t;
			l->type = t;
			l->lvalue = 1;
		}
		break;
	case N_SELF:
	case N_THIS:
		cook_tls(cc, l, n->op == OP_ASSIGN);
		if (!l->var || !l->var->type) {
			struct dt_type *t = r->type;

			if (dt_type_is_chararray(t))
				t = cc->t_string;
			if (t->kind == DT_T_ARRAY)
				dt_cc_error(cc, n->line, D_OP_DYN,
					    "variables of type %s are not supported",
					    t->name ? t->name : "array");
			if (!l->var)
				l->var = dt_var_create(cc, l->str,
					l->kind == N_SELF ? DT_VS_THREAD :
					DT_VS_LOCAL, t);
			else
				l->var->type = t;
			l->type = t;
		}
		break;
	case N_INDEX:
		if (index_is_assoc(cc, l->l)) {
			struct dt_type *t = r->type;

			if (dt_type_is_chararray(t))
				t = cc->t_string;
			cook_assoc(cc, l, n->op == OP_ASSIGN, t);
			break;
		}
		dt_cook(cc, l);
		break;
	default:
		dt_cook(cc, l);
		break;
	}
	if (!l->lvalue)
		dt_cc_error(cc, n->line, D_OP_LVAL,
			    "operator %s requires modifiable lvalue as an operand",
			    dt_op_name(n->op));
	lt = l->type;
	if (lt->kind == DT_T_ARRAY && !is_lvalue_var(l))
		dt_cc_error(cc, n->line, D_OP_ARRFUN,
			    "operator %s may not be applied to an array",
			    dt_op_name(n->op));
	if (n->op == OP_ASSIGN)
		null_to_empty_str(cc, lt, r);
	if (n->op == OP_ASSIGN) {
		if (!dt_type_compat(lt, r->type) &&
		    !(lt->kind == DT_T_PTR && r->kind == N_INT &&
		      r->ival == 0) &&
		    !(lt->kind == DT_T_PTR && dt_type_is_integral(r->type)) &&
		    !(dt_type_is_integral(lt) && r->type->kind == DT_T_PTR)) {
			tname(lt, a, sizeof(a));
			tname(r->type, b, sizeof(b));
			dt_cc_error(cc, n->line, D_OP_INCOMPAT,
				    "operands have incompatible types: \"%s\" %s \"%s\"",
				    a, dt_op_name(n->op), b);
		}
	} else {
		int op = n->op;

		if (op == OP_ADD_EQ || op == OP_SUB_EQ) {
			if (!(dt_type_is_arith(lt) ||
			      lt->kind == DT_T_PTR) ||
			    !dt_type_is_integral(r->type)) {
				tname(lt, a, sizeof(a));
				tname(r->type, b, sizeof(b));
				dt_cc_error(cc, n->line, D_OP_INCOMPAT,
					    "operands have incompatible types: \"%s\" %s \"%s\"",
					    a, dt_op_name(op), b);
			}
		} else if (!dt_type_is_integral(lt) ||
			   !dt_type_is_integral(r->type)) {
			dt_cc_error(cc, n->line, D_OP_INT,
				    "operator %s requires operands of integral type",
				    dt_op_name(op));
		}
	}
	n->type = lt;
}

static void cook_call(struct dt_cc *cc, struct dt_node *n)
{
	if (!dt_cg_subr_cook(cc, n))
		dt_cc_error(cc, n->line, D_FUNC_UNDEF,
			    "failed to resolve %s: Unknown function name",
			    n->str);
}


static void cook_op2(struct dt_cc *cc, struct dt_node *n)
{
	struct dt_node *l = n->l, *r = n->r;
	struct dt_type *lt, *rt;
	int op = n->op;
	char a[128], b[128];

	dt_cook(cc, l);
	dt_cook(cc, r);
	lt = l->type;
	rt = r->type;
	if (l->kind == N_AGG || r->kind == N_AGG)
		dt_cc_error(cc, n->line, D_AGG_SCALAR,
			    "aggregation %s may not be used as a scalar",
			    l->kind == N_AGG ? l->str : r->str);
	if (lt->kind == DT_T_VOID || rt->kind == DT_T_VOID)
		dt_cc_error(cc, n->line, D_OP_VFPTR,
			    "operator %s requires operands of non-void type",
			    dt_op_name(op));
	switch (op) {
	case OP_LAND:
	case OP_LOR:
	case OP_LXOR:
		if (!dt_type_is_scalar(lt) && !dt_type_is_strlike(lt))
			check_scalar(cc, l, op, D_OP_SCALAR, "sscalar");
		if (!dt_type_is_scalar(rt) && !dt_type_is_strlike(rt))
			check_scalar(cc, r, op, D_OP_SCALAR, "sscalar");
		n->type = cc->t_int;
		if (l->kind == N_INT && r->kind == N_INT) {
			int64_t v = op == OP_LAND ? (l->ival && r->ival) :
				    op == OP_LOR ? (l->ival || r->ival) :
				    (!!l->ival ^ !!r->ival);

			fold_int(cc, n, v, cc->t_int);
		}
		return;
	case OP_EQ: case OP_NE: case OP_LT: case OP_GT: case OP_LE:
	case OP_GE:
		n->type = cc->t_int;
		if ((op == OP_EQ || op == OP_NE) &&
		    (null_to_empty_str(cc, lt, r) ||
		     null_to_empty_str(cc, rt, l)))
			rt = r->type, lt = l->type;
		if (dt_type_is_strlike(lt) && dt_type_is_strlike(rt) &&
		    (lt->kind == DT_T_STRING || rt->kind == DT_T_STRING ||
		     dt_type_is_chararray(lt) || dt_type_is_chararray(rt))) {
			n->ival = 1;	/* string comparison */
			return;
		}
		if (dt_type_is_arith(lt) && dt_type_is_arith(rt)) {
			struct dt_type *t = dt_type_arith(cc, lt, rt);

			n->ctype = t;
			if (l->kind == N_INT && r->kind == N_INT) {
				/* all 64 bits, signed or not by t (DTrace) */
				int64_t x = l->ival, y = r->ival, v;
				uint64_t ux = x, uy = y;
				int s = t->is_signed;

				switch (op) {
				case OP_EQ: v = s ? x == y : ux == uy; break;
				case OP_NE: v = s ? x != y : ux != uy; break;
				case OP_LT: v = s ? x < y : ux < uy; break;
				case OP_GT: v = s ? x > y : ux > uy; break;
				case OP_LE: v = s ? x <= y : ux <= uy; break;
				default: v = s ? x >= y : ux >= uy; break;
				}
				fold_int(cc, n, v, cc->t_int);
			}
			return;
		}
		if ((lt->kind == DT_T_PTR || lt->kind == DT_T_ARRAY ||
		     dt_type_is_integral(lt)) &&
		    (rt->kind == DT_T_PTR || rt->kind == DT_T_ARRAY ||
		     dt_type_is_integral(rt)) &&
		    (lt->kind != DT_T_INT || rt->kind != DT_T_INT)) {
			n->ctype = cc->t_ulong;
			if ((lt->kind == DT_T_PTR && rt->kind == DT_T_PTR) &&
			    !dt_type_compat(lt, rt))
				goto incompat;
			return;
		}
		goto incompat;
	case OP_PLUS:
	case OP_MINUS:
		if ((lt->kind == DT_T_PTR || lt->kind == DT_T_ARRAY) &&
		    dt_type_is_integral(rt)) {
			n->type = lt->kind == DT_T_ARRAY ?
				  dt_type_ptr(cc, lt->base) : lt;
			return;
		}
		if (op == OP_PLUS && dt_type_is_integral(lt) &&
		    (rt->kind == DT_T_PTR || rt->kind == DT_T_ARRAY)) {
			n->type = rt->kind == DT_T_ARRAY ?
				  dt_type_ptr(cc, rt->base) : rt;
			return;
		}
		if (op == OP_MINUS && lt->kind == DT_T_PTR &&
		    rt->kind == DT_T_PTR) {
			if (!dt_type_compat(lt, rt))
				goto incompat;
			n->type = cc->t_long;
			return;
		}
		/* fall through */
	case OP_STAR:
	case OP_SLASH:
	case OP_MOD:
		if (!dt_type_is_arith(lt) || !dt_type_is_arith(rt)) {
			if ((op == OP_PLUS || op == OP_MINUS) &&
			    (dt_type_is_string(lt) || dt_type_is_string(rt) ||
			     lt->kind == DT_T_PTR || rt->kind == DT_T_PTR))
				goto incompat;
			dt_cc_error(cc, n->line, D_OP_ARITH,
				    "operator %s requires operands of arithmetic type",
				    dt_op_name(op));
		}
		n->type = dt_type_arith(cc, lt, rt);
		break;
	case OP_SHL:
	case OP_SHR:
		if (!dt_type_is_integral(lt) || !dt_type_is_integral(rt))
			dt_cc_error(cc, n->line, D_OP_INT,
				    "operator %s requires operands of integral type",
				    dt_op_name(op));
		n->type = dt_type_promote(cc, lt);
		break;
	case OP_AMP:
	case OP_BOR:
	case OP_XOR:
		if (!dt_type_is_integral(lt) || !dt_type_is_integral(rt))
			dt_cc_error(cc, n->line, D_OP_INT,
				    "operator %s requires operands of integral type",
				    dt_op_name(op));
		n->type = dt_type_arith(cc, lt, rt);
		break;
	}
	if ((op == OP_SLASH || op == OP_MOD) && r->kind == N_INT &&
	    r->ival == 0)
		dt_cc_error(cc, n->line, D_DIV_ZERO,
			    "expression contains division by zero");
	if (l->kind == N_INT && r->kind == N_INT) {
		/* DTrace's uintmax_t arithmetic: see fold_raw() */
		int64_t x = l->ival, y = r->ival;
		uint64_t ux = x, uy = y, v = 0;
		int s = n->type->is_signed;

		switch (op) {
		case OP_PLUS: v = ux + uy; break;
		case OP_MINUS: v = ux - uy; break;
		case OP_STAR: v = ux * uy; break;
		case OP_SLASH:
			if (s)
				v = (y == -1) ? 0 - ux : (uint64_t)(x / y);
			else
				v = ux / uy;
			break;
		case OP_MOD:
			if (s)
				v = (y == -1) ? 0 : (uint64_t)(x % y);
			else
				v = ux % uy;
			break;
		case OP_SHL: v = ux << (uy & 63); break;
		/*
		 * Arithmetic for a signed type, as DTrace's run-time code
		 * (sra); its folding shifts the uintmax_t logically, so
		 * (-1LL) >> 60 would fold to 15 there.
		 */
		case OP_SHR:
			v = s ? (uint64_t)(x >> (uy & 63)) : ux >> (uy & 63);
			break;
		case OP_AMP: v = ux & uy; break;
		case OP_BOR: v = ux | uy; break;
		case OP_XOR: v = ux ^ uy; break;
		}
		fold_raw(n, v, n->type);
	}
	return;
incompat:
	tname(lt, a, sizeof(a));
	tname(rt, b, sizeof(b));
	dt_cc_error(cc, n->line, D_OP_INCOMPAT,
		    "operands have incompatible types: \"%s\" %s \"%s\"", a,
		    dt_op_name(op), b);
}

/*
 * ++ and -- may bring a variable into being, as DTrace's dt_cook_op1()
 * does: a global, self-> or this-> variable or an associative array
 * element not yet declared or assigned becomes an int64_t.  Compound
 * assignments (+=, ...) read the variable first and do not: in DTrace
 * they report "has not yet been declared or assigned" (cook_assign).
 */
static void implicit_int(struct dt_cc *cc, struct dt_node *l)
{
	struct dt_var *v;
	struct dt_type *et;
	int64_t ev;

	if (l->kind == N_SELF || l->kind == N_THIS) {
		int scope = l->kind == N_SELF ? DT_VS_THREAD : DT_VS_LOCAL;

		v = dt_var_lookup(cc, l->str, scope);
		if (!v)
			dt_var_create(cc, l->str, scope, cc->t_int64);
		else if (!v->type && !v->is_assoc)
			v->type = cc->t_int64;
	} else if (l->kind == N_VAR) {
		if (builtin_lookup(l->str) >= 0 || inline_lookup(cc, l->str) ||
		    !strcmp(l->str, "NULL") || dlib_const(l->str, &ev) ||
		    dt_enum_lookup(cc, l->str, &ev, &et))
			return;
		v = dt_var_lookup(cc, l->str, DT_VS_GLOBAL);
		if (!v)
			dt_var_create(cc, l->str, DT_VS_GLOBAL, cc->t_int64);
		else if (!v->type && !v->is_assoc)
			v->type = cc->t_int64;
	} else if (l->kind == N_INDEX && l->l->kind != N_AGG &&
		   !(l->l->kind == N_VAR && !strcmp(l->l->str, "args")) &&
		   index_is_assoc(cc, l->l)) {
		int scope = l->l->kind == N_VAR ? DT_VS_GLOBAL :
			    l->l->kind == N_SELF ? DT_VS_THREAD : DT_VS_LOCAL;

		v = dt_var_lookup(cc, l->l->str, scope);
		if (!v || (!v->type && !v->is_assoc)) {
			cook_assoc(cc, l, 1, cc->t_int64);
			l->cooked = 1;
		}
	}
}

static void cook_op1(struct dt_cc *cc, struct dt_node *n)
{
	struct dt_node *l = n->l;
	struct dt_type *t;
	int op = n->op;

	if (op == OP_PREINC || op == OP_PREDEC || op == OP_POSTINC ||
	    op == OP_POSTDEC)
		implicit_int(cc, l);
	dt_cook(cc, l);
	t = l->type;
	if (l->kind == N_AGG)
		dt_cc_error(cc, n->line, D_AGG_SCALAR,
			    "aggregation %s may not be used as a scalar",
			    l->str);
	switch (op) {
	case OP_NEG:
	case OP_POS:
		if (!dt_type_is_arith(t))
			dt_cc_error(cc, n->line, D_OP_ARITH,
				    "operator %s requires an operand of arithmetic type",
				    dt_op_name(op));
		n->type = dt_type_promote(cc, t);
		if (l->kind == N_INT) {
			/*
			 * DTrace's dt_node_op1(): negation masks an
			 * unsigned value to its type's size, nothing else
			 * is narrowed.
			 */
			uint64_t v = l->ival;

			if (op == OP_NEG) {
				v = 0 - v;
				if (!n->type->is_signed && n->type->size < 8)
					v &= ~0ULL >> (64 - 8 * n->type->size);
			}
			fold_raw(n, v, n->type);
		}
		return;
	case OP_TILDE:
		if (!dt_type_is_integral(t))
			dt_cc_error(cc, n->line, D_OP_INT,
				    "operator %s requires an operand of integral type",
				    dt_op_name(op));
		n->type = dt_type_promote(cc, t);
		if (l->kind == N_INT)
			fold_raw(n, ~(uint64_t)l->ival, n->type);
		return;
	case OP_NOT:
		if (!dt_type_is_scalar(t) && !dt_type_is_strlike(t))
			dt_cc_error(cc, n->line, D_OP_SCALAR,
				    "operator %s requires an operand of scalar type",
				    dt_op_name(op));
		n->type = cc->t_int;
		if (l->kind == N_INT)
			fold_int(cc, n, !l->ival, cc->t_int);
		return;
	case OP_DEREF:
		if (t->kind == DT_T_ARRAY) {
			n->type = t->base;
			n->lvalue = 1;
			return;
		}
		if (t->kind != DT_T_PTR)
			dt_cc_error(cc, n->line, D_DEREF_NONPTR,
				    "cannot dereference non-pointer type");
		if (t->base->kind == DT_T_VOID)
			dt_cc_error(cc, n->line, D_DEREF_VOID,
				    "cannot dereference pointer to void");
		if (t->base->kind == DT_T_FUNC)
			dt_cc_error(cc, n->line, D_DEREF_FUNC,
				    "cannot dereference pointer to function");
		n->type = t->base;
		n->lvalue = 1;
		return;
	case OP_ADDROF:
		if (l->kind == N_VAR || l->kind == N_SELF ||
		    l->kind == N_THIS || (l->kind == N_INDEX && l->var))
			dt_cc_error(cc, n->line, D_ADDROF_VAR,
				    "cannot take address of dynamic variable");
		if (!l->lvalue)
			dt_cc_error(cc, n->line, D_ADDROF_LVAL,
				    "unacceptable operand for unary & operator");
		if (l->kind == N_MEMBER && l->member && l->member->bits)
			dt_cc_error(cc, n->line, D_ADDROF_BITFIELD,
				    "cannot take address of bit-field");
		n->type = dt_type_ptr(cc, t);
		return;
	case OP_PREINC: case OP_PREDEC: case OP_POSTINC: case OP_POSTDEC:
		if (l->kind == N_VAR && builtin_lookup(l->str) >= 0)
			dt_cc_error(cc, n->line, D_OP_WRITE,
				    "operator %s can only be applied to a writable variable",
				    dt_op_name(op));
		if (!l->lvalue)
			dt_cc_error(cc, n->line, D_OP_LVAL,
				    "operator %s requires modifiable lvalue as an operand",
				    dt_op_name(op));
		if (!dt_type_is_scalar(t))
			dt_cc_error(cc, n->line, D_OP_SCALAR,
				    "operator %s requires an operand of scalar type",
				    dt_op_name(op));
		n->type = t;
		return;
	}
}

/*
 * Split the probe description text "p:m:f:n" into f[0..3] (in buf):
 * 0, or -1 if it does not have exactly four fields.
 */
static int split_desc(const char *text, char *buf, size_t len, char *f[4])
{
	char *p = buf;
	int k;

	snprintf(buf, len, "%s", text);
	for (k = 0; k < 4; k++) {
		f[k] = p;
		p = strchr(p, ':');
		if (!p)
			break;
		*p++ = '\0';
	}
	return k == 3 ? 0 : -1;
}

/*
 * args[idx] of a clause whose probe descriptions all name the same probes
 * whose prototypes the kernel's BTF describes: one kernel function's fbt
 * entry (or all its return) probe, the parameter idx from its prototype
 * (at return, args[1] is the return value; a function of a module named
 * in the descriptions from the module's BTF); one tracepoint's sdt probe
 * (sdt:GROUP::EVENT), the tracepoint's parameter idx; one system call's
 * syscall entry probe, its parameter idx.  Any other clause keeps args[]
 * as int64_t (or desc_args_type's).
 */
static void kbtf_args_type(struct dt_cc *cc, struct dt_node *n, int idx)
{
	struct dt_stmt *s = cc->cur;
	char prov[DTRACE_PROVNAMELEN] = "", func[DTRACE_FUNCNAMELEN] = "";
	char name[DTRACE_NAMELEN] = "", mod[DTRACE_MODNAMELEN] = "";
	struct dt_type *t;
	int i, nargs;

	if (!s || !s->ndescs)
		return;
	for (i = 0; i < s->ndescs; i++) {
		char buf[512], *f[4];
		int sdt;

		if (split_desc(s->desc_text[i], buf, sizeof(buf), f))
			return;
		sdt = !strcmp(f[0], "sdt");
		if ((strcmp(f[0], "fbt") && strcmp(f[0], "syscall") && !sdt) ||
		    (!sdt && !*f[2]) || strpbrk(f[2], "*?[\\") ||
		    !*f[3] || strpbrk(f[3], "*?[\\"))
			return;
		if (!sdt && strcmp(f[3], "entry") && strcmp(f[3], "return"))
			return;
		/* a module (fbt) or group (sdt) named: its BTF too */
		if (strpbrk(f[1], "*?[\\"))
			f[1] = "";
		/* (an event's name is unique: its group may be left out) */
		if (i && (strcmp(prov, f[0]) || strcmp(func, f[2]) ||
			  strcmp(name, f[3]) ||
			  (strcmp(mod, f[1]) && !(sdt && (!*mod || !*f[1])))))
			return;
		if (*f[1])
			snprintf(mod, sizeof(mod), "%s", f[1]);
		snprintf(prov, sizeof(prov), "%s", f[0]);
		snprintf(func, sizeof(func), "%s", f[2]);
		snprintf(name, sizeof(name), "%s", f[3]);
	}
	t = dt_btf_probe_arg(cc, prov, mod, func, name, idx, &nargs);
	if (t) {
		n->type = t;
		return;
	}
	if (nargs >= 0)
		dt_cc_error(cc, n->line, D_ARGS_IDX,
			    "index %d is out of range for %s:%s:%s:%s args[ ]",
			    idx, prov, mod, func, name);
}

/*
 * args[idx] of a clause whose probe descriptions all name probes of a
 * provider that describes its arguments (proc, sched, io: the module's
 * DTRACEIOC_PROBEARG, through the compile options' argdesc), all with
 * the same description of argument idx: the native value cast to its
 * type and, where the provider gives a translated type, translated to it
 * (as DTrace types args[] from dtargd_native and dtargd_xlate), so that
 * args[0]->pr_pid reads through the D library's translator.  Any other
 * clause keeps args[] as int64_t.
 */
static __attribute__((noinline)) void desc_args_type(struct dt_cc *cc,
							   struct dt_node *n, int idx)
{
	struct dt_stmt *s = cc->cur;
	char native[DTRACE_ARGTYPELEN], xlate[DTRACE_ARGTYPELEN];
	char nat0[DTRACE_ARGTYPELEN] = "", xl0[DTRACE_ARGTYPELEN] = "";
	struct dt_node *orig, *cast;
	int i;

	if (!s || !s->ndescs || !cc->opts || !cc->opts->argdesc)
		return;
	for (i = 0; i < s->ndescs; i++) {
		char buf[512], *f[4];

		if (split_desc(s->desc_text[i], buf, sizeof(buf), f) ||
		    !*f[0] || strpbrk(f[0], "*?[\\") ||
		    cc->opts->argdesc(f[0], f[1], f[2], f[3], idx, native,
				      xlate, sizeof(native)) < 0 ||
		    !native[0])
			return;
		if (i && (strcmp(native, nat0) || strcmp(xlate, xl0)))
			return;
		snprintf(nat0, sizeof(nat0), "%s", native);
		snprintf(xl0, sizeof(xl0), "%s", xlate);
	}
	/* n becomes cast (or xlate) of a copy of itself */
	orig = dt_zalloc(cc, sizeof(*orig));
	*orig = *n;
	cast = dt_node_new(cc, N_CAST, n->line);
	cast->ctype = parse_type_text(cc, nat0, n->line);
	cast->l = orig;
	cast->src_start = n->src_start;
	cast->src_end = n->src_end;
	n->args = NULL;
	n->nargs = 0;
	n->builtin = 0;
	n->cooked = 0;
	if (xl0[0]) {
		n->kind = N_XLATE;
		n->ctype = parse_type_text(cc, xl0, n->line);
		n->l = cast;
	} else {
		*n = *cast;
	}
	dt_cook(cc, n);
}

static int dt_cook1(struct dt_cc *cc, struct dt_node *n);

int dt_cook(struct dt_cc *cc, struct dt_node *n)
{
	int r;

	if (n->cooked)
		return 0;
	if (++cc->depth > DT_MAXDEPTH)
		dt_cc_error(cc, n->line, D_UNKNOWN,
			    "expression is too complex");
	r = dt_cook1(cc, n);
	cc->depth--;
	return r;
}

static int dt_cook1(struct dt_cc *cc, struct dt_node *n)
{
	char a[128], b[128];

	n->cooked = 1;
	switch (n->kind) {
	case N_INT:
		break;
	case N_STR:
		n->type = cc->t_string;
		break;
	case N_VAR:
		cook_var(cc, n, 0);
		break;
	case N_SELF:
	case N_THIS:
		cook_tls(cc, n, 0);
		break;
	case N_AGG:
		/* only valid in statements / printa; type it as int64 */
		n->type = cc->t_int64;
		break;
	case N_OP1:
		cook_op1(cc, n);
		break;
	case N_OP2:
		cook_op2(cc, n);
		break;
	case N_ASSIGN:
		cook_assign(cc, n);
		break;
	case N_COMMA:
		dt_cook(cc, n->l);
		dt_cook(cc, n->r);
		n->type = n->r->type;
		break;
	case N_COND: {
		struct dt_type *lt, *rt;

		dt_cook(cc, n->c);
		dt_cook(cc, n->l);
		dt_cook(cc, n->r);
		if (!dt_type_is_scalar(n->c->type) &&
		    !dt_type_is_strlike(n->c->type))
			dt_cc_error(cc, n->line, D_OP_SCALAR,
				    "operator ?: expression must be of scalar type");
		lt = n->l->type;
		rt = n->r->type;
		if (dt_type_is_arith(lt) && dt_type_is_arith(rt)) {
			n->type = dt_type_arith(cc, lt, rt);
		} else if (dt_type_is_strlike(lt) && dt_type_is_strlike(rt) &&
			   (lt->kind == DT_T_STRING ||
			    rt->kind == DT_T_STRING)) {
			n->type = cc->t_string;
		} else if (dt_type_compat(lt, rt)) {
			n->type = lt;
		} else if (lt->kind == DT_T_PTR && n->r->kind == N_INT &&
			   n->r->ival == 0) {
			n->type = lt;
		} else if (rt->kind == DT_T_PTR && n->l->kind == N_INT &&
			   n->l->ival == 0) {
			n->type = rt;
		} else {
			tname(lt, a, sizeof(a));
			tname(rt, b, sizeof(b));
			dt_cc_error(cc, n->line, D_OP_INCOMPAT,
				    "operator ?: operands must have compatible types: \"%s\" and \"%s\"",
				    a, b);
		}
		if (n->type->kind == DT_T_VOID)
			dt_cc_error(cc, n->line, D_OP_VFPTR,
				    "operator ?: operands cannot be of void type");
		if (n->c->kind == N_INT && n->l->kind == N_INT &&
		    n->r->kind == N_INT)
			fold_int(cc, n, n->c->ival ? n->l->ival : n->r->ival,
				 n->type);
		break;
	}
	case N_CALL:
		cook_call(cc, n);
		break;
	case N_INDEX: {
		struct dt_node *l = n->l;

		if (l->kind == N_VAR && !strcmp(l->str, "args")) {
			if (n->nargs != 1)
				dt_cc_error(cc, n->line, D_ARGS_IDX,
					    "args[ ] may only be indexed by a single integer");
			dt_cook(cc, n->args[0]);
			if (!dt_type_is_integral(n->args[0]->type))
				dt_cc_error(cc, n->line, D_ARGS_IDX,
					    "args[ ] index must be of integral type");
			if (n->args[0]->kind == N_INT &&
			    (n->args[0]->ival < 0 ||
			     n->args[0]->ival >= DTRACE_MAXARGS))
				dt_cc_error(cc, n->line, D_ARGS_IDX,
					    "index %lld is out of range for args[ ]",
					    (long long)n->args[0]->ival);
			n->builtin = DIF_VAR_ARGS;
			n->type = cc->t_int64;
			if (n->args[0]->kind == N_INT)
				kbtf_args_type(cc, n, (int)n->args[0]->ival);
			if (n->args[0]->kind == N_INT && n->type == cc->t_int64)
				desc_args_type(cc, n, (int)n->args[0]->ival);
			break;
		}
		if (index_is_assoc(cc, l)) {
			cook_assoc(cc, n, 0, NULL);
			break;
		}
		dt_cook(cc, l);
		if (n->nargs != 1)
			dt_cc_error(cc, n->line, D_ARR_BADREF,
				    "cannot access non-associative array with a tuple");
		dt_cook(cc, n->args[0]);
		if (l->type->kind != DT_T_PTR && l->type->kind != DT_T_ARRAY)
			dt_cc_error(cc, n->line, D_OP_PTR,
				    "operator [ ] requires a pointer or array operand");
		if (!dt_type_is_integral(n->args[0]->type))
			dt_cc_error(cc, n->line, D_OP_INT,
				    "operator [ ] requires an index of integral type");
		if (l->type->base->kind == DT_T_VOID)
			dt_cc_error(cc, n->line, D_DEREF_VOID,
				    "cannot dereference pointer to void");
		/*
		 * A constant index past the end of an array type (a D
		 * array variable, a member, a kernel type): DTrace's
		 * D_ARR_BOUNDS, naming the index and the element count.
		 */
		if (l->type->kind == DT_T_ARRAY && l->type->nelems &&
		    n->args[0]->kind == N_INT && n->args[0]->ival >= 0 &&
		    (uint64_t)n->args[0]->ival >= l->type->nelems)
			dt_cc_error(cc, n->line, D_ARR_BOUNDS,
				    "index outside array bounds: %lld, max is %u",
				    (long long)n->args[0]->ival,
				    l->type->nelems);
		n->type = l->type->base;
		n->lvalue = 1;
		break;
	}
	case N_MEMBER: {
		struct dt_type *t;
		struct dt_member *m;

		dt_cook(cc, n->l);
		if (dt_xlate_source(n->l, n->op)) {
			dt_xlate_member(cc, n, dt_xlate_source(n->l, n->op));
			break;
		}
		t = n->l->type;
		if (n->op == OP_ARROW) {
			if (t->kind != DT_T_PTR)
				dt_cc_error(cc, n->line, D_OP_PTR,
					    "operator -> must be applied to a pointer");
			t = t->base;
		}
		if (t->kind != DT_T_STRUCT && t->kind != DT_T_UNION) {
			tname(t, a, sizeof(a));
			if (n->l->kind == N_VAR &&
			    n->l->builtin == DIF_VAR_CURTHREAD &&
			    dt_btf_error())
				dt_cc_error(cc, n->line, D_SYM_NOTYPES,
					    "curthread has no type: %s",
					    dt_btf_error());
			dt_cc_error(cc, n->line, D_OP_SOU,
				    "operator %s cannot be applied to type \"%s\"; must be applied to a struct or union",
				    dt_op_name(n->op), a);
		}
		if (!t->complete)
			dt_cc_error(cc, n->line, D_OP_INCOMPLETE,
				    "operator %s cannot be applied to a forward declaration: no %s definition is available%s%s%s",
				    dt_op_name(n->op), t->name,
				    dt_btf_error() ? " (" : "",
				    dt_btf_error() ? dt_btf_error() : "",
				    dt_btf_error() ? ")" : "");
		m = dt_type_member(cc, t, n->str);
		if (!m)
			dt_cc_error(cc, n->line, D_TYPE_MEMBER,
				    "%s is not a member of %s", n->str,
				    t->name);
		n->ival = m->off;
		n->type = m->type;
		n->member = m;
		n->lvalue = 1;
		if (n->op == OP_DOT && !n->l->lvalue)
			n->lvalue = 0;
		break;
	}
	case N_CAST: {
		struct dt_type *f, *t = n->ctype;

		dt_cook(cc, n->l);
		f = n->l->type;
		n->type = t;
		if (t->kind == DT_T_VOID)
			break;
		if (dt_type_is_scalar(t) &&
		    (dt_type_is_scalar(f) || f->kind == DT_T_ARRAY)) {
			if (n->l->kind == N_INT && t->kind == DT_T_INT)
				fold_raw(n, fold_cast(n->l->ival, f, t), t);
			break;
		}
		if (t->kind == DT_T_STRING && dt_type_is_strlike(f))
			break;
		tname(f, a, sizeof(a));
		tname(t, b, sizeof(b));
		dt_cc_error(cc, n->line, D_CAST_INVAL,
			    "invalid cast expression: \"%s\" to \"%s\"", a, b);
	}
	case N_XLATE: {
		struct dt_type *to = n->ctype, *sou;

		dt_cook(cc, n->l);
		sou = to->kind == DT_T_PTR ? to->base : to;
		dt_lazy_xlators(cc, sou);
		n->xl = dt_xlator_lookup(cc, sou, n->l->type, 0);
		if (!n->xl) {
			tname(n->l->type, a, sizeof(a));
			tname(to, b, sizeof(b));
			dt_cc_error(cc, n->line, D_XLATE_NONE,
				    "cannot translate from \"%s\" to \"%s\"",
				    a, b);
		}
		/* the parameter's value: the input as the translator's type */
		n->r = n->l;
		if (n->l->type != n->xl->from &&
		    dt_type_is_scalar(n->xl->from)) {
			n->r = dt_node_new(cc, N_CAST, n->line);
			n->r->ctype = n->xl->from;
			n->r->type = n->xl->from;
			n->r->l = n->l;
			n->r->cooked = 1;
		}
		n->type = to;
		break;
	}
	case N_XPARAM:
		break;
	case N_STRINGOF:
		dt_cook(cc, n->l);
		if (!dt_type_is_scalar(n->l->type) &&
		    !dt_type_is_strlike(n->l->type))
			dt_cc_error(cc, n->line, D_STRINGOF_TYPE,
				    "stringof( ) operand must be of a scalar or string type");
		n->type = cc->t_string;
		break;
	}
	return 0;
}

/* ----------------------------------------------------------------------
 * Clauses
 * ---------------------------------------------------------------------- */
static void cook_pred(struct dt_cc *cc, struct dt_stmt *s,
		      struct dt_node *p)
{
	int region = cc->region;

	cc->region = 2;
	dt_cook(cc, p);
	if (!dt_type_is_scalar(p->type))
		dt_cc_error(cc, p->line, D_PRED_SCALAR,
			    "predicate result must be of scalar type");
	s->pred = dt_cg_expr(cc, p, DT_CG_PRED);
	cc->region = region;
}

static void parse_clause(struct dt_cc *cc)
{
	struct dt_stmt *s;
	struct dt_node *volatile pred = NULL;
	volatile int tries = 0;
	jmp_buf ojb;
	struct {
		const char *p;
		int line, npeek, depth, parens, brackets;
		struct dt_token tok, peek[4];
	} lx;

	dt_grow(cc, (void **)&cc->stmts, &cc->stmtcap, cc->nstmts + 1,
		sizeof(*cc->stmts));
	s = &cc->stmts[cc->nstmts];
	memset(s, 0, sizeof(*s));
	cc->cur = s;
	s->line = cc->peek[0].line;
	cc->region = 1;
	/* descriptions */
	for (;;) {
		int cap = s->ndescs;

		if (!dt_lex_pdesc_start(cc))
			syntax_error(cc);
		dt_lex_next(cc);	/* T_PDESC */
		s->desc_text = realloc(s->desc_text,
				       (cap + 1) * sizeof(char *));
		s->desc_line = realloc(s->desc_line, (cap + 1) * sizeof(int));
		if (!s->desc_text || !s->desc_line)
			dt_cc_error(cc, TOK->line, D_UNKNOWN, "out of memory");
		s->desc_text[cap] = TOK->str;
		s->desc_line[cap] = TOK->line;
		s->ndescs = cap + 1;
		{
			struct dtrace_probedesc pd;

			if (dt_parse_pdesc(TOK->str, &pd) < 0)
				dt_cc_error(cc, TOK->line, D_PDESC_INVAL,
					    "invalid probe description \"%s\": %s",
					    TOK->str,
					    strlen(TOK->str) > 400 ?
					    "Description too long" :
					    "Overspecified probe description");
		}
		cc->pred_ok = 1;
		dt_lex_next(cc);
		cc->pred_ok = 0;
		if (is_op(cc, OP_COMMA)) {
			/* next description */
			if (!dt_lex_pdesc_start(cc))
				syntax_error(cc);
			continue;
		}
		break;
	}
	/* predicate: parsed here, cooked with the actions (below) */
	if (is_op(cc, OP_SLASH)) {
		cc->region = 2;
		cc->in_pred = 1;
		dt_lex_next(cc);
		pred = parse_expr(cc);
		if (!(is_op(cc, OP_SLASH) && TOK->epred))
			syntax_error(cc);
		cc->in_pred = 0;
		dt_lex_next(cc);
	}
	if (!is_op(cc, OP_LBRACE)) {
		if (cc->opts->kind == DT_SRC_PROGRAM && TOK->kind == T_EOF) {
			if (pred)
				cook_pred(cc, s, pred);
			cc->nstmts++;
			return;
		}
		syntax_error(cc);
	}
	/*
	 * As DTrace's dt_cook_clause() does, cook the actions before the
	 * predicate, so that either may bring a variable into being for the
	 * other: if the actions fail on an unknown variable, cook the
	 * predicate first and compile the actions again.
	 */
	lx.p = cc->p;
	lx.line = cc->line;
	lx.tok = cc->tok;
	memcpy(lx.peek, cc->peek, sizeof(lx.peek));
	lx.npeek = cc->npeek;
	lx.depth = cc->depth;
	lx.parens = cc->parens;
	lx.brackets = cc->brackets;
	memcpy(ojb, cc->jb, sizeof(ojb));
	if (pred && setjmp(cc->jb)) {
		memcpy(cc->jb, ojb, sizeof(ojb));
		if (tries++ || (cc->err->tag != D_IDENT_UNDEF &&
				cc->err->tag != D_VAR_UNDEF))
			longjmp(cc->jb, 1);
		cc->p = lx.p;
		cc->line = lx.line;
		cc->tok = lx.tok;
		memcpy(cc->peek, lx.peek, sizeof(lx.peek));
		cc->npeek = lx.npeek;
		cc->depth = lx.depth;
		cc->parens = lx.parens;
		cc->brackets = lx.brackets;
		dt_difo_free(cc->pending);
		cc->pending = NULL;
		while (s->nacts > 0) {
			struct dt_cact *a = &s->acts[--s->nacts];
			int k;

			for (k = 0; k < a->ndifo; k++)
				dt_difo_free(a->difo[k]);
		}
		s->recsize = 0;
		s->has_spec = s->has_commit = s->has_data = 0;
		s->has_exit = s->nonagg = 0;
		cook_pred(cc, s, pred);
	}
	cc->region = 3;
	cc->in_clause = 1;
	dt_lex_next(cc);
	while (!is_op(cc, OP_RBRACE)) {
		struct dt_node *e;

		if (is_op(cc, OP_SEMI)) {
			dt_lex_next(cc);
			continue;
		}
		if (TOK->kind == T_EOF)
			syntax_error(cc);
		if ((is_kw(cc, "this") || is_kw(cc, "self")) &&
		    (is_type_start_tok(cc, dt_lex_peek(cc, 0),
				       dt_lex_peek(cc, 1)) ||
		     (is_storage_class(dt_lex_peek(cc, 0)) &&
		      dt_lex_peek(cc, 1)->kind == T_IDENT))) {
			parse_declaration(cc);
			continue;
		}
		if (is_type_start_tok(cc, TOK, dt_lex_peek(cc, 0)) &&
		    !(dt_lex_peek(cc, 0)->kind == T_OP &&
		      dt_lex_peek(cc, 0)->op == OP_LPAR)) {
			parse_declaration(cc);
			continue;
		}
		e = parse_expr(cc);
		if (!is_op(cc, OP_SEMI) && !is_op(cc, OP_RBRACE))
			syntax_error(cc);
		dt_cg_stmt(cc, e);
	}
	if (pred) {
		memcpy(cc->jb, ojb, sizeof(ojb));
		if (!tries)
			cook_pred(cc, s, pred);
	}
	cc->in_clause = 0;
	cc->region = 0;
	cc->nstmts++;
	/* the '}' is consumed by the caller (top level lexes lazily) */
}

void dt_parse_program(struct dt_cc *cc)
{
	int empty = 1;

	for (;;) {
		if (dt_lex_pdesc_start(cc)) {
			parse_clause(cc);
			empty = 0;
			if (TOK->kind == T_EOF)
				break;
			continue;
		}
		dt_lex_next(cc);
		if (TOK->kind == T_EOF)
			break;
		if (is_op(cc, OP_SEMI))
			continue;
		if (TOK->kind == T_INT && !TOK->ischar)
			dt_cc_error(cc, TOK->line, D_PDESC_INVAL,
				    "invalid probe description \"%.*s\": probe IDs are not accepted in D programs",
				    (int)(TOK->end - TOK->start), TOK->start);
		if (TOK->kind == T_IDENT) {
			parse_declaration(cc);
			empty = 0;
			continue;
		}
		syntax_error(cc);
	}
	if (empty && cc->nstmts == 0 && !cc->in_lib)
		dt_cc_error(cc, cc->line, D_EMPTY,
			    "empty D program translation unit");
}
