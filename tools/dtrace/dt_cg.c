// SPDX-License-Identifier: GPL-2.0
/*
 * dt_cg.c - DIF code generation: expressions into DIF objects (registers
 * %r1..%r7, forward branches only, RET last), subroutine prototypes, and
 * the D statements of a clause into actions with their record layout.
 */
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"

/* ----------------------------------------------------------------------
 * DIF object builder
 * ---------------------------------------------------------------------- */
#define DT_DIF_MAXLEN	(64 * 1024)

static struct dt_difo *difo_new(struct dt_cc *cc)
{
	struct dt_difo *d = calloc(1, sizeof(*d));

	if (!d)
		dt_cc_error(cc, cc->line, D_UNKNOWN, "out of memory");
	return d;
}

void dt_difo_free(struct dt_difo *d)
{
	if (!d)
		return;
	free(d->buf);
	free(d->inttab);
	free(d->strtab);
	free(d->vartab);
	free(d->labels);
	free(d->fixups);
	free(d);
}

static void *grow(struct dt_cc *cc, void *p, uint32_t *cap, uint32_t need,
		  size_t esz)
{
	uint32_t n;
	void *q;

	if (need <= *cap)
		return p;
	n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	q = realloc(p, (size_t)n * esz);
	if (!q)
		dt_cc_error(cc, cc->line, D_UNKNOWN, "out of memory");
	*cap = n;
	return q;
}

static void emit(struct dt_cc *cc, struct dt_difo *d, uint32_t instr)
{
	if (d->len >= DT_DIF_MAXLEN)
		dt_cc_error(cc, cc->line, D_UNKNOWN,
			    "DIF program exceeds maximum program size");
	d->buf = grow(cc, d->buf, &d->cap, d->len + 1, sizeof(uint32_t));
	d->buf[d->len++] = instr;
}

static uint32_t label_new(struct dt_cc *cc, struct dt_difo *d)
{
	d->labels = grow(cc, d->labels, &d->labcap, d->nlabels + 1,
			 sizeof(uint32_t));
	d->labels[d->nlabels] = ~0u;
	return d->nlabels++;
}

static void label_set(struct dt_difo *d, uint32_t l)
{
	d->labels[l] = d->len;
}

static void branch(struct dt_cc *cc, struct dt_difo *d, int op, uint32_t l)
{
	d->fixups = grow(cc, d->fixups, &d->fixcap, d->nfix + 1,
			 sizeof(uint32_t));
	d->fixups[d->nfix++] = d->len;
	emit(cc, d, DIF_INSTR_BRANCH(op, l));
}

static uint32_t int_idx(struct dt_cc *cc, struct dt_difo *d, uint64_t v)
{
	uint32_t i;

	for (i = 0; i < d->nint; i++)
		if (d->inttab[i] == v)
			return i;
	if (d->nint >= 0xffff)
		dt_cc_error(cc, cc->line, D_UNKNOWN,
			    "too many integer constants");
	d->inttab = grow(cc, d->inttab, &d->intcap, d->nint + 1,
			 sizeof(uint64_t));
	d->inttab[d->nint] = v;
	return d->nint++;
}

static uint32_t str_off(struct dt_cc *cc, struct dt_difo *d, const char *s,
			size_t len)
{
	uint32_t off = 0;

	while (off < d->strlen) {
		size_t l = strlen(d->strtab + off);

		if (l == len && !memcmp(d->strtab + off, s, len))
			return off;
		off += l + 1;
	}
	if (d->strlen + len + 1 > 0xffff)
		dt_cc_error(cc, cc->line, D_UNKNOWN, "string table too large");
	d->strtab = grow(cc, d->strtab, &d->strcap, d->strlen + len + 1, 1);
	memcpy(d->strtab + d->strlen, s, len);
	d->strtab[d->strlen + len] = '\0';
	off = d->strlen;
	d->strlen += len + 1;
	return off;
}

static struct dtrace_diftype rtype_of(struct dt_cc *cc, struct dt_type *t)
{
	struct dtrace_diftype r;

	memset(&r, 0, sizeof(r));
	r.kind = DIF_TYPE_CTF;
	if (!t || t->kind == DT_T_VOID) {
		r.size = 0;
	} else if (t->kind == DT_T_STRING) {
		r.kind = DIF_TYPE_STRING;
		r.flags = DIF_TF_BYREF;
		r.size = cc->strsize;
	} else if (dt_type_is_byref(t)) {
		r.flags = DIF_TF_BYREF;
		r.size = t->size;
	} else {
		r.size = 8;
	}
	return r;
}

/* Is t a struct or union (a by-reference object in a variable)? */
static int dt_type_is_sou(const struct dt_type *t)
{
	return t && (t->kind == DT_T_STRUCT || t->kind == DT_T_UNION);
}

/*
 * The largest struct or union a variable may hold: the module keeps each
 * in a scalar slot or a dynamic variable's value buffer, max(8, strsize)
 * bytes (its validator refuses larger ones).
 */
static uint32_t dt_sou_max(const struct dt_cc *cc)
{
	return cc->strsize > 8 ? cc->strsize : 8;
}

static void var_ref(struct dt_cc *cc, struct dt_difo *d, struct dt_var *v,
		    int mod)
{
	struct dtrace_difv *dv;
	uint32_t i;
	int scope = v->scope == DT_VS_GLOBAL ? DIFV_SCOPE_GLOBAL :
		    v->scope == DT_VS_THREAD ? DIFV_SCOPE_THREAD :
		    DIFV_SCOPE_LOCAL;

	/*
	 * A global array (int a[5]) is a by-reference scalar, as DTrace
	 * keeps it: the module's slot holds its bytes and a load gives
	 * their address, which indexing then offsets.
	 */
	if (v->type && v->type->kind == DT_T_ARRAY &&
	    !dt_type_is_chararray(v->type) && v->is_assoc)
		dt_cc_error(cc, cc->line, D_DECL_DYNOBJ,
			    "%s: variables of type %s are not supported",
			    v->name, v->type->name ? v->type->name : "array");
	if (dt_type_is_sou(v->type) && v->type->size > dt_sou_max(cc))
		dt_cc_error(cc, cc->line, D_VAR_UNSUP,
			    "%s: variables of type %s %s (%u bytes) are larger than the limit of %u bytes (max(8, strsize): raise strsize)",
			    v->name,
			    v->type->kind == DT_T_STRUCT ? "struct" : "union",
			    v->type->tag ? v->type->tag : "<anon>",
			    v->type->size, dt_sou_max(cc));
	if (v->type && v->type->kind == DT_T_ARRAY &&
	    !dt_type_is_chararray(v->type) && v->type->size > dt_sou_max(cc))
		dt_cc_error(cc, cc->line, D_VAR_UNSUP,
			    "%s: variables of type %s (%u bytes) are larger than the limit of %u bytes (max(8, strsize): raise strsize)",
			    v->name, v->type->name ? v->type->name : "array",
			    v->type->size, dt_sou_max(cc));
	for (i = 0; i < d->nvar; i++) {
		dv = &d->vartab[i];
		if (dv->id == (uint32_t)v->id && dv->scope == scope) {
			dv->flags |= mod ? DIFV_F_MOD : DIFV_F_REF;
			return;
		}
	}
	d->vartab = grow(cc, d->vartab, &d->varcap, d->nvar + 1,
			 sizeof(*d->vartab));
	dv = &d->vartab[d->nvar++];
	memset(dv, 0, sizeof(*dv));
	dv->name = str_off(cc, d, v->name, strlen(v->name));
	dv->id = v->id;
	dv->kind = v->is_assoc ? DIFV_KIND_ARRAY : DIFV_KIND_SCALAR;
	dv->scope = scope;
	dv->flags = mod ? DIFV_F_MOD : DIFV_F_REF;
	dv->type = rtype_of(cc, v->type ? v->type : cc->t_int64);
}

static int reg_alloc(struct dt_cc *cc, struct dt_difo *d)
{
	int r;

	for (r = 1; r < DIF_DIR_NREGS; r++) {
		if (!(d->regs & (1u << r))) {
			d->regs |= 1u << r;
			return r;
		}
	}
	dt_cc_error(cc, cc->line, D_NOREG,
		    "Insufficient registers to generate code");
}

static void reg_free(struct dt_difo *d, int r)
{
	if (r > 0)
		d->regs &= ~(1u << r);
}

static void setx(struct dt_cc *cc, struct dt_difo *d, uint64_t v, int rd)
{
	emit(cc, d, DIF_INSTR_SETX(int_idx(cc, d, v), rd));
}

static void finish(struct dt_cc *cc, struct dt_difo *d, int r)
{
	uint32_t i;

	emit(cc, d, DIF_INSTR_RET(r));
	for (i = 0; i < d->nfix; i++) {
		uint32_t at = d->fixups[i];
		uint32_t l = DIF_INSTR_LABEL(d->buf[at]);

		d->buf[at] = DIF_INSTR_BRANCH(DIF_INSTR_OP(d->buf[at]),
					      d->labels[l]);
	}
}

size_t dt_difo_size(const struct dt_difo *d)
{
	size_t n = sizeof(struct dtrace_difo_hdr);

	n += ((size_t)d->len * 4 + 7) & ~(size_t)7;
	n += (size_t)d->nint * 8;
	n += (size_t)d->nvar * sizeof(struct dtrace_difv);
	n += ((size_t)d->strlen + 7) & ~(size_t)7;
	return n;
}

void dt_difo_write(const struct dt_difo *d, void *buf)
{
	struct dtrace_difo_hdr *h = buf;
	char *p = (char *)(h + 1);

	memset(buf, 0, dt_difo_size(d));
	h->size = (uint32_t)dt_difo_size(d);
	h->ninstr = d->len;
	h->nint = d->nint;
	h->nvar = d->nvar;
	h->strlen = d->strlen;
	h->rtype = d->rtype;
	memcpy(p, d->buf, (size_t)d->len * 4);
	p += ((size_t)d->len * 4 + 7) & ~(size_t)7;
	if (d->nint)
		memcpy(p, d->inttab, (size_t)d->nint * 8);
	p += (size_t)d->nint * 8;
	if (d->nvar)
		memcpy(p, d->vartab, (size_t)d->nvar * sizeof(*d->vartab));
	p += (size_t)d->nvar * sizeof(*d->vartab);
	if (d->strlen)
		memcpy(p, d->strtab, d->strlen);
}

/* ----------------------------------------------------------------------
 * Subroutines
 * ---------------------------------------------------------------------- */
enum { A_INT, A_SCALAR, A_STR, A_PTR, A_STR0 };

static const struct subr {
	const char *name;
	int id;
	const char *ret;
	int min, max;
	int args[3];
	const char *proto[3];
	int destructive;
} subrs[] = {
	{ "rand", DIF_SUBR_RAND, "int", 0, 0, { 0 }, { 0 }, 0 },
	{ "copyin", DIF_SUBR_COPYIN, "void *", 2, 2, { A_SCALAR, A_INT },
	  { "uintptr_t", "size_t" }, 0 },
	{ "copyinstr", DIF_SUBR_COPYINSTR, "string", 1, 2,
	  { A_SCALAR, A_INT }, { "uintptr_t", "size_t" }, 0 },
	{ "speculation", DIF_SUBR_SPECULATION, "int", 0, 0, { 0 }, { 0 }, 0 },
	{ "progenyof", DIF_SUBR_PROGENYOF, "int", 1, 1, { A_INT },
	  { "pid_t" }, 0 },
	{ "strlen", DIF_SUBR_STRLEN, "size_t", 1, 1, { A_STR },
	  { "const char *" }, 0 },
	{ "copyout", DIF_SUBR_COPYOUT, "void", 3, 3,
	  { A_PTR, A_SCALAR, A_INT }, { "void *", "uintptr_t", "size_t" }, 1 },
	{ "copyoutstr", DIF_SUBR_COPYOUTSTR, "void", 3, 3,
	  { A_STR, A_SCALAR, A_INT }, { "char *", "uintptr_t", "size_t" }, 1 },
	{ "alloca", DIF_SUBR_ALLOCA, "void *", 1, 1, { A_INT }, { "size_t" },
	  0 },
	{ "bcopy", DIF_SUBR_BCOPY, "void", 3, 3, { A_PTR, A_PTR, A_INT },
	  { "void *", "void *", "size_t" }, 0 },
	{ "copyinto", DIF_SUBR_COPYINTO, "void", 3, 3,
	  { A_SCALAR, A_INT, A_PTR }, { "uintptr_t", "size_t", "void *" }, 0 },
	{ "strjoin", DIF_SUBR_STRJOIN, "string", 2, 2, { A_STR, A_STR },
	  { "const char *", "const char *" }, 0 },
	{ "lltostr", DIF_SUBR_LLTOSTR, "string", 1, 2, { A_INT, A_INT },
	  { "int64_t", "int" }, 0 },
	{ "basename", DIF_SUBR_BASENAME, "string", 1, 1, { A_STR },
	  { "const char *" }, 0 },
	{ "dirname", DIF_SUBR_DIRNAME, "string", 1, 1, { A_STR },
	  { "const char *" }, 0 },
	{ "cleanpath", DIF_SUBR_CLEANPATH, "string", 1, 1, { A_STR },
	  { "const char *" }, 0 },
	{ "strchr", DIF_SUBR_STRCHR, "string", 2, 2, { A_STR, A_INT },
	  { "const char *", "char" }, 0 },
	{ "strrchr", DIF_SUBR_STRRCHR, "string", 2, 2, { A_STR, A_INT },
	  { "const char *", "char" }, 0 },
	{ "strstr", DIF_SUBR_STRSTR, "string", 2, 2, { A_STR, A_STR },
	  { "const char *", "const char *" }, 0 },
	{ "strtok", DIF_SUBR_STRTOK, "string", 2, 2, { A_STR0, A_STR },
	  { "const char *", "const char *" }, 0 },
	{ "substr", DIF_SUBR_SUBSTR, "string", 2, 3, { A_STR, A_INT, A_INT },
	  { "const char *", "int", "int" }, 0 },
	{ "index", DIF_SUBR_INDEX, "int", 2, 3, { A_STR, A_STR, A_INT },
	  { "const char *", "const char *", "int" }, 0 },
	{ "rindex", DIF_SUBR_RINDEX, "int", 2, 3, { A_STR, A_STR, A_INT },
	  { "const char *", "const char *", "int" }, 0 },
	{ "htons", DIF_SUBR_HTONS, "uint16_t", 1, 1, { A_INT },
	  { "uint16_t" }, 0 },
	{ "htonl", DIF_SUBR_HTONL, "uint32_t", 1, 1, { A_INT },
	  { "uint32_t" }, 0 },
	{ "htonll", DIF_SUBR_HTONLL, "uint64_t", 1, 1, { A_INT },
	  { "uint64_t" }, 0 },
	{ "ntohs", DIF_SUBR_NTOHS, "uint16_t", 1, 1, { A_INT },
	  { "uint16_t" }, 0 },
	{ "ntohl", DIF_SUBR_NTOHL, "uint32_t", 1, 1, { A_INT },
	  { "uint32_t" }, 0 },
	{ "ntohll", DIF_SUBR_NTOHLL, "uint64_t", 1, 1, { A_INT },
	  { "uint64_t" }, 0 },
	{ "inet_ntop", DIF_SUBR_INET_NTOP, "string", 2, 2, { A_INT, A_PTR },
	  { "int", "void *" }, 0 },
	{ "inet_ntoa", DIF_SUBR_INET_NTOA, "string", 1, 1, { A_PTR },
	  { "ipaddr_t *" }, 0 },
	{ "inet_ntoa6", DIF_SUBR_INET_NTOA6, "string", 1, 1, { A_PTR },
	  { "in6_addr_t *" }, 0 },
	{ "toupper", DIF_SUBR_TOUPPER, "string", 1, 1, { A_STR },
	  { "const char *" }, 0 },
	{ "tolower", DIF_SUBR_TOLOWER, "string", 1, 1, { A_STR },
	  { "const char *" }, 0 },
	{ "d_execargs", DIF_SUBR_D_EXECARGS, "string", 1, 1, { A_PTR },
	  { "struct task_struct *" }, 0 },
};

static const char *const actions[] = {
	"trace", "tracemem", "printf", "printa", "stack", "ustack", "exit",
	"setopt", "speculate", "commit", "discard", "clear", "trunc",
	"normalize", "denormalize", "raise", "stop", "system", "chill",
	"breakpoint", "panic", "count", "sum", "avg", "min", "max", "stddev",
	"quantize", "lquantize", "llquantize", "jstack", "ftruncate",
	"freopen", "print", "func", "mod", "sym", "uaddr", "umod", "usym",
	NULL
};

static int is_action(const char *name)
{
	int i;

	for (i = 0; actions[i]; i++)
		if (!strcmp(actions[i], name))
			return 1;
	return 0;
}

static const struct subr *subr_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(subrs) / sizeof(subrs[0]); i++)
		if (!strcmp(subrs[i].name, name))
			return &subrs[i];
	return NULL;
}

/* Is name a subroutine, an action or an aggregating function? */
int dt_cg_func_known(const char *name)
{
	return subr_lookup(name) || is_action(name);
}

/* Maximum argument count that stands for "variadic". */
#define DT_VARARGS_MAX	64

static void proto_len_error(struct dt_cc *cc, struct dt_node *n, int min,
			    int max) __attribute__((noreturn));
static void proto_len_error(struct dt_cc *cc, struct dt_node *n, int min,
			    int max)
{
	/*
	 * DTrace's wording: a fixed count or a variadic prototype (printf
	 * and friends, whose maximum here is DT_VARARGS_MAX or more) says
	 * "N expected" with the fixed or minimum count; a prototype with
	 * optional arguments says "at least N expected", too few or too many.
	 */
	if (min == max || max >= DT_VARARGS_MAX)
		dt_cc_error(cc, n->line, D_PROTO_LEN,
			    "%s( ) prototype mismatch: %d arg%s passed, %d expected",
			    n->str, n->nargs, n->nargs == 1 ? "" : "s", min);
	dt_cc_error(cc, n->line, D_PROTO_LEN,
		    "%s( ) prototype mismatch: %d arg%s passed, at least %d expected",
		    n->str, n->nargs, n->nargs == 1 ? "" : "s", min);
}

static void proto_arg_error(struct dt_cc *cc, struct dt_node *n, int i,
			    const char *proto) __attribute__((noreturn));
static void proto_arg_error(struct dt_cc *cc, struct dt_node *n, int i,
			    const char *proto)
{
	char b[128];

	dt_type_name(n->args[i]->type, b, sizeof(b));
	dt_cc_error(cc, n->line, D_PROTO_ARG,
		    "%s( ) argument #%d is incompatible with prototype:\n\tprototype: %s\n\t argument: %s",
		    n->str, i + 1, proto, b);
}

static int arg_ok(int kind, struct dt_node *a)
{
	struct dt_type *t = a->type;

	switch (kind) {
	case A_INT:
		return dt_type_is_integral(t);
	case A_SCALAR:
		return dt_type_is_scalar(t);
	case A_STR:
		return dt_type_is_strlike(t);
	case A_STR0:
		return dt_type_is_strlike(t) ||
		       (a->kind == N_INT && a->ival == 0) ||
		       t->kind == DT_T_PTR;
	case A_PTR:
		return t->kind == DT_T_PTR || t->kind == DT_T_ARRAY ||
		       dt_type_is_integral(t) || t->kind == DT_T_STRING;
	}
	return 0;
}

/* Cook a subroutine call; returns 0 if the name is not a subroutine. */
int dt_cg_subr_cook(struct dt_cc *cc, struct dt_node *n)
{
	const struct subr *s = subr_lookup(n->str);
	int i;

	if (!s && (!strcmp(n->str, "func") || !strcmp(n->str, "sym") ||
		   !strcmp(n->str, "mod"))) {
		if (n->nargs != 1)
			proto_len_error(cc, n, 1, 1);
		dt_cook(cc, n->args[0]);
		if (!dt_type_is_scalar(n->args[0]->type))
			proto_arg_error(cc, n, 0, "uintptr_t");
		n->ival = -1;	/* identity: the address itself */
		n->type = n->str[0] == 'f' ? cc->t_func : n->str[0] == 's' ?
			  cc->t_sym : cc->t_mod;
		return 1;
	}
	if (!s) {
		if (is_action(n->str))
			dt_cc_error(cc, n->line, D_CG_EXPR,
				    "%s( ) may not be called from a D expression (D program context required)",
				    n->str);
		return 0;
	}
	if (n->nargs < s->min || n->nargs > s->max)
		proto_len_error(cc, n, s->min, s->max);
	for (i = 0; i < n->nargs; i++) {
		dt_cook(cc, n->args[i]);
		if (n->args[i]->kind == N_AGG)
			dt_cc_error(cc, n->line, D_AGG_SCALAR,
				    "aggregation %s may not be used as a scalar",
				    n->args[i]->str);
		if (!arg_ok(s->args[i], n->args[i]))
			proto_arg_error(cc, n, i, s->proto[i]);
	}
	n->ival = s->id;
	if (!strcmp(s->ret, "void *"))
		n->type = cc->t_voidp;
	else
		n->type = dt_type_lookup(cc, s->ret);
	if (s->destructive)
		cc->prog->destructive = 1;
	return 1;
}

/* ----------------------------------------------------------------------
 * Expressions
 * ---------------------------------------------------------------------- */
static int cg(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n);

static int load_op(const struct dt_type *t)
{
	if (t->kind == DT_T_PTR)
		return DIF_OP_LDX;
	switch (t->size) {
	case 1:
		return t->is_signed ? DIF_OP_LDSB : DIF_OP_LDUB;
	case 2:
		return t->is_signed ? DIF_OP_LDSH : DIF_OP_LDUH;
	case 4:
		return t->is_signed ? DIF_OP_LDSW : DIF_OP_LDUW;
	default:
		return DIF_OP_LDX;
	}
}

static int store_op(const struct dt_type *t)
{
	if (t->kind == DT_T_PTR)
		return DIF_OP_STX;
	switch (t->size) {
	case 1:
		return DIF_OP_STB;
	case 2:
		return DIF_OP_STH;
	case 4:
		return DIF_OP_STW;
	default:
		return DIF_OP_STX;
	}
}

/*
 * Values are computed in 64-bit registers; before a store into a variable
 * of a narrower integer type the value is truncated to that type, as C's
 * conversion on assignment does (x = 0x7fffffff; x++ makes x negative).
 */
static void cg_cast(struct dt_cc *cc, struct dt_difo *d, int r,
		    struct dt_type *f, struct dt_type *t);

static void cg_store_conv(struct dt_cc *cc, struct dt_difo *d, int r,
			  struct dt_type *t)
{
	if (t && t->kind == DT_T_INT && t->size < 8)
		cg_cast(cc, d, r, cc->t_long, t);
}

/* Convert the value in r from type f to type t (integers). */
static void cg_cast(struct dt_cc *cc, struct dt_difo *d, int r,
		    struct dt_type *f, struct dt_type *t)
{
	int sh, rs;

	if (!t || t->kind != DT_T_INT || !f)
		return;
	if (t->size >= 8)
		return;
	if (f->kind == DT_T_INT && f->size < t->size)
		return;		/* widening: already extended */
	if (f->kind == DT_T_INT && f->size == t->size &&
	    f->is_signed == t->is_signed)
		return;
	sh = 64 - 8 * t->size;
	rs = reg_alloc(cc, d);
	setx(cc, d, sh, rs);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_SLL, r, rs, r));
	emit(cc, d, DIF_INSTR_FMT(t->is_signed ? DIF_OP_SRA : DIF_OP_SRL,
				  r, rs, r));
	reg_free(d, rs);
}

static void push_tuple(struct dt_cc *cc, struct dt_difo *d,
		       struct dt_node **args, int *regs, int n)
{
	int i;

	emit(cc, d, DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0, 0));
	for (i = 0; i < n; i++) {
		struct dt_type *t = args[i]->type;

		if (dt_type_is_strlike(t) && t->kind != DT_T_PTR) {
			emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
						     DIF_TYPE_STRING, 0,
						     regs[i]));
		} else if (dt_type_is_byref(t)) {
			int rs = reg_alloc(cc, d);

			setx(cc, d, t->size, rs);
			emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
						     DIF_TYPE_CTF, rs,
						     regs[i]));
			reg_free(d, rs);
		} else {
			emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTV,
						     DIF_TYPE_CTF, 0,
						     regs[i]));
		}
	}
}

static void eval_list(struct dt_cc *cc, struct dt_difo *d,
		      struct dt_node **args, int n, int *regs)
{
	int i;

	if (n > DIF_DTR_NREGS)
		dt_cc_error(cc, args[0]->line, D_NOREG,
			    "Insufficient tuple registers to generate code");
	for (i = 0; i < n; i++)
		regs[i] = cg(cc, d, args[i]);
}

/* Is n a variable (not memory) lvalue? */
static int is_dvar(struct dt_node *n)
{
	return (n->kind == N_VAR && n->var) || n->kind == N_SELF ||
	       n->kind == N_THIS || (n->kind == N_INDEX && n->var);
}

/* Address of a memory lvalue into a register. */
static int cg_addr(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	int r, ri, rs;

	switch (n->kind) {
	case N_OP1:		/* *p */
		return cg(cc, d, n->l);
	case N_MEMBER:
		r = cg(cc, d, n->l);	/* pointer, or address of struct */
		if (n->ival) {
			rs = reg_alloc(cc, d);
			setx(cc, d, (uint64_t)n->ival, rs);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_ADD, r, rs, r));
			reg_free(d, rs);
		}
		return r;
	case N_INDEX:
		r = cg(cc, d, n->l);
		ri = cg(cc, d, n->args[0]);
		if (n->type->size != 1) {
			rs = reg_alloc(cc, d);
			setx(cc, d, n->type->size, rs);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_MUL, ri, rs, ri));
			reg_free(d, rs);
		}
		emit(cc, d, DIF_INSTR_FMT(DIF_OP_ADD, r, ri, r));
		reg_free(d, ri);
		return r;
	}
	dt_cc_error(cc, n->line, D_OP_LVAL, "expression is not an lvalue");
}

/*
 * Bit-fields.  A bit-field member is read as its load unit (m->unit bytes
 * at m->off, little-endian) shifted left so that its top bit is bit 63,
 * then shifted right by 64 - width, arithmetically for a signed type.  A
 * store reads the unit, clears the field's bits, ors the new value in and
 * writes the unit back.
 */
static int bf_load_op(uint32_t unit)
{
	switch (unit) {
	case 1:
		return DIF_OP_LDUB;
	case 2:
		return DIF_OP_LDUH;
	case 4:
		return DIF_OP_LDUW;
	default:
		return DIF_OP_LDX;
	}
}

static int bf_store_op(uint32_t unit)
{
	switch (unit) {
	case 1:
		return DIF_OP_STB;
	case 2:
		return DIF_OP_STH;
	case 4:
		return DIF_OP_STW;
	default:
		return DIF_OP_STX;
	}
}

/* The value of the bit-field m of the unit at address a, into a new reg. */
static int cg_bf_extract(struct dt_cc *cc, struct dt_difo *d,
			 const struct dt_member *m, const struct dt_type *t,
			 int a)
{
	int r = reg_alloc(cc, d), rs = reg_alloc(cc, d);

	emit(cc, d, DIF_INSTR_FMT(bf_load_op(m->unit), a, 0, r));
	setx(cc, d, 64 - m->bitoff - m->bits, rs);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_SLL, r, rs, r));
	setx(cc, d, 64 - m->bits, rs);
	emit(cc, d, DIF_INSTR_FMT(t->is_signed ? DIF_OP_SRA : DIF_OP_SRL,
				  r, rs, r));
	reg_free(d, rs);
	return r;
}

/* Store the low bits of r into the bit-field m of the unit at address a. */
static void cg_bf_store(struct dt_cc *cc, struct dt_difo *d,
			const struct dt_member *m, int a, int r)
{
	uint64_t mask = (m->bits == 64 ? ~0ULL : ((1ULL << m->bits) - 1)) <<
			m->bitoff;
	int ru = reg_alloc(cc, d), rv = reg_alloc(cc, d),
	    rs = reg_alloc(cc, d);

	emit(cc, d, DIF_INSTR_FMT(bf_load_op(m->unit), a, 0, ru));
	setx(cc, d, ~mask, rs);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_AND, ru, rs, ru));
	setx(cc, d, m->bitoff, rs);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_SLL, r, rs, rv));
	setx(cc, d, mask, rs);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_AND, rv, rs, rv));
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_OR, ru, rv, ru));
	emit(cc, d, DIF_INSTR_FMT(bf_store_op(m->unit), ru, 0, a));
	reg_free(d, rs);
	reg_free(d, rv);
	reg_free(d, ru);
}

static int cg_load_mem(struct dt_cc *cc, struct dt_difo *d,
		       struct dt_node *n)
{
	int r = cg_addr(cc, d, n);

	if (n->kind == N_MEMBER && n->member && n->member->bits) {
		int v = cg_bf_extract(cc, d, n->member, n->type, r);

		reg_free(d, r);
		return v;
	}

	if (dt_type_is_byref(n->type))
		return r;	/* arrays, structs: their address */
	emit(cc, d, DIF_INSTR_FMT(load_op(n->type), r, 0, r));
	return r;
}

/*
 * A struct or union in a thread-local or an array element is loaded as the
 * address of the element's storage, which is 0 if the element does not
 * exist.  Code that reads or writes its members needs storage, so after the
 * load (r holds its result, the tuple is still pushed for arrays):
 *
 *	tst r; bne L; setx size, r; allocs r, r; st id, r; ld id, r; L:
 *
 * creates a zero-filled element (the store copies size bytes of zeroed
 * scratch) and reloads its address, as DTrace does.  A member of an element
 * never set therefore reads as 0.  If the dynamic space is full the reload
 * gives 0 and the member access faults (the drop is counted).
 */
static void cg_ref_fault_in(struct dt_cc *cc, struct dt_difo *d,
			    struct dt_var *v, int ld, int st, int r)
{
	uint32_t l;

	if (!dt_type_is_sou(v->type) &&
	    !(v->type && v->type->kind == DT_T_ARRAY &&
	      !dt_type_is_chararray(v->type)))
		return;
	l = label_new(cc, d);
	var_ref(cc, d, v, 1);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r, 0, 0));
	branch(cc, d, DIF_OP_BNE, l);
	setx(cc, d, v->type->size, r);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_ALLOCS, r, 0, r));
	emit(cc, d, DIF_INSTR_STV(st, v->id, r));
	emit(cc, d, DIF_INSTR_LDV(ld, v->id, r));
	label_set(d, l);
}

/* Load a D variable (n is N_VAR/N_SELF/N_THIS/assoc N_INDEX). */
static int cg_load_var(struct dt_cc *cc, struct dt_difo *d,
		       struct dt_node *n, int *keyregs)
{
	struct dt_var *v = n->var;
	int r, regs[DIF_DTR_NREGS], i;

	if (n->kind == N_INDEX) {
		int own = !keyregs;

		if (own) {
			eval_list(cc, d, n->args, n->nargs, regs);
			keyregs = regs;
		}
		push_tuple(cc, d, n->args, keyregs, n->nargs);
		if (own)
			for (i = 0; i < n->nargs; i++)
				reg_free(d, keyregs[i]);
		r = reg_alloc(cc, d);
		var_ref(cc, d, v, 0);
		emit(cc, d, DIF_INSTR_LDV(v->scope == DT_VS_THREAD ?
					  DIF_OP_LDTAA : DIF_OP_LDGAA,
					  v->id, r));
		cg_ref_fault_in(cc, d, v, v->scope == DT_VS_THREAD ?
				DIF_OP_LDTAA : DIF_OP_LDGAA,
				v->scope == DT_VS_THREAD ? DIF_OP_STTAA :
				DIF_OP_STGAA, r);
		return r;
	}
	r = reg_alloc(cc, d);
	var_ref(cc, d, v, 0);
	emit(cc, d, DIF_INSTR_LDV(v->scope == DT_VS_GLOBAL ? DIF_OP_LDGS :
				  v->scope == DT_VS_THREAD ? DIF_OP_LDTS :
				  DIF_OP_LDLS, v->id, r));
	if (v->scope == DT_VS_THREAD)
		cg_ref_fault_in(cc, d, v, DIF_OP_LDTS, DIF_OP_STTS, r);
	return r;
}

static void cg_store_var(struct dt_cc *cc, struct dt_difo *d,
			 struct dt_node *n, int r, int *keyregs)
{
	struct dt_var *v = n->var;
	int regs[DIF_DTR_NREGS], i;

	var_ref(cc, d, v, 1);
	if (n->kind == N_INDEX) {
		int own = !keyregs;

		if (own) {
			eval_list(cc, d, n->args, n->nargs, regs);
			keyregs = regs;
		}
		push_tuple(cc, d, n->args, keyregs, n->nargs);
		if (own)
			for (i = 0; i < n->nargs; i++)
				reg_free(d, keyregs[i]);
		emit(cc, d, DIF_INSTR_STV(v->scope == DT_VS_THREAD ?
					  DIF_OP_STTAA : DIF_OP_STGAA,
					  v->id, r));
		return;
	}
	emit(cc, d, DIF_INSTR_STV(v->scope == DT_VS_GLOBAL ? DIF_OP_STGS :
				  v->scope == DT_VS_THREAD ? DIF_OP_STTS :
				  DIF_OP_STLS, v->id, r));
}

static int arith_op(int op, int sgn)
{
	switch (op) {
	case OP_PLUS: case OP_ADD_EQ: return DIF_OP_ADD;
	case OP_MINUS: case OP_SUB_EQ: return DIF_OP_SUB;
	case OP_STAR: case OP_MUL_EQ: return DIF_OP_MUL;
	case OP_SLASH: case OP_DIV_EQ: return sgn ? DIF_OP_SDIV : DIF_OP_UDIV;
	case OP_MOD: case OP_MOD_EQ: return sgn ? DIF_OP_SREM : DIF_OP_UREM;
	case OP_AMP: case OP_AND_EQ: return DIF_OP_AND;
	case OP_BOR: case OP_OR_EQ: return DIF_OP_OR;
	case OP_XOR: case OP_XOR_EQ: return DIF_OP_XOR;
	case OP_SHL: case OP_SHL_EQ: return DIF_OP_SLL;
	case OP_SHR: case OP_SHR_EQ: return sgn ? DIF_OP_SRA : DIF_OP_SRL;
	}
	return DIF_OP_NOP;
}

/* a = a OP b with pointer scaling; result type t. */
static void cg_arith(struct dt_cc *cc, struct dt_difo *d, int op, int a,
		     int b, struct dt_type *lt, struct dt_type *rt,
		     struct dt_type *t)
{
	int rs;

	if ((op == OP_PLUS || op == OP_MINUS || op == OP_ADD_EQ ||
	     op == OP_SUB_EQ) && t->kind == DT_T_PTR) {
		if (lt->kind == DT_T_PTR && rt->kind == DT_T_PTR) {
			/* pointer difference (t is long here, not PTR) */
		} else {
			uint32_t sz = t->base->size ? t->base->size : 1;
			int ri = (lt->kind == DT_T_PTR ||
				  lt->kind == DT_T_ARRAY) ? b : a;

			if (sz != 1) {
				rs = reg_alloc(cc, d);
				setx(cc, d, sz, rs);
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_MUL, ri, rs,
							  ri));
				reg_free(d, rs);
			}
		}
	}
	emit(cc, d, DIF_INSTR_FMT(arith_op(op, t->is_signed), a, b, a));
	if (op == OP_MINUS && lt->kind == DT_T_PTR && rt->kind == DT_T_PTR &&
	    lt->base->size > 1) {
		rs = reg_alloc(cc, d);
		setx(cc, d, lt->base->size, rs);
		emit(cc, d, DIF_INSTR_FMT(DIF_OP_SDIV, a, rs, a));
		reg_free(d, rs);
	}
}

/* Result 0/1 in r after a CMP/SCMP/TST, true when branch op taken. */
static void cg_setcc(struct dt_cc *cc, struct dt_difo *d, int bop, int r)
{
	uint32_t lt = label_new(cc, d), le = label_new(cc, d);

	branch(cc, d, bop, lt);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, 0, 0, r));
	branch(cc, d, DIF_OP_BA, le);
	label_set(d, lt);
	setx(cc, d, 1, r);
	label_set(d, le);
}

static int cmp_branch(int op, int sgn)
{
	switch (op) {
	case OP_EQ: return DIF_OP_BE;
	case OP_NE: return DIF_OP_BNE;
	case OP_LT: return sgn ? DIF_OP_BL : DIF_OP_BLU;
	case OP_LE: return sgn ? DIF_OP_BLE : DIF_OP_BLEU;
	case OP_GT: return sgn ? DIF_OP_BG : DIF_OP_BGU;
	default: return sgn ? DIF_OP_BGE : DIF_OP_BGEU;
	}
}

static int cg_incdec(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	struct dt_node *l = n->l;
	int post = n->op == OP_POSTINC || n->op == OP_POSTDEC;
	int inc = n->op == OP_POSTINC || n->op == OP_PREINC;
	uint64_t step = 1;
	int keyregs[DIF_DTR_NREGS], r, t, i, nk = 0, a = -1;

	if (l->type->kind == DT_T_PTR && l->type->base->size)
		step = l->type->base->size;
	if (is_dvar(l)) {
		if (l->kind == N_INDEX) {
			nk = l->nargs;
			eval_list(cc, d, l->args, nk, keyregs);
			r = cg_load_var(cc, d, l, keyregs);
		} else {
			r = cg_load_var(cc, d, l, NULL);
		}
	} else {
		a = cg_addr(cc, d, l);
		if (l->kind == N_MEMBER && l->member && l->member->bits) {
			r = cg_bf_extract(cc, d, l->member, l->type, a);
		} else {
			r = reg_alloc(cc, d);
			emit(cc, d, DIF_INSTR_FMT(load_op(l->type), a, 0, r));
		}
	}
	t = reg_alloc(cc, d);
	setx(cc, d, step, t);
	emit(cc, d, DIF_INSTR_FMT(inc ? DIF_OP_ADD : DIF_OP_SUB, r, t, t));
	if (a < 0)
		cg_store_conv(cc, d, t, l->type);
	if (a >= 0 && l->kind == N_MEMBER && l->member && l->member->bits) {
		cg_bf_store(cc, d, l->member, a, t);
		reg_free(d, a);
	} else if (a >= 0) {
		emit(cc, d, DIF_INSTR_FMT(store_op(l->type), t, 0, a));
		reg_free(d, a);
	} else {
		cg_store_var(cc, d, l, t, nk ? keyregs : NULL);
		for (i = 0; i < nk; i++)
			reg_free(d, keyregs[i]);
	}
	if (post) {
		reg_free(d, t);
		return r;
	}
	reg_free(d, r);
	return t;
}

static int cg_assign(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	struct dt_node *l = n->l;
	int keyregs[DIF_DTR_NREGS], nk = 0, r, i, a = -1, old;

	if (is_dvar(l)) {
		r = cg(cc, d, n->r);
		if (l->kind == N_INDEX) {
			nk = l->nargs;
			eval_list(cc, d, l->args, nk, keyregs);
		}
		if (n->op != OP_ASSIGN) {
			old = cg_load_var(cc, d, l, nk ? keyregs : NULL);
			cg_arith(cc, d, n->op, old, r, l->type, n->r->type,
				 l->type);
			reg_free(d, r);
			r = old;
		}
		if (l->type->kind == DT_T_INT && l->type->size < 8)
			cg_store_conv(cc, d, r, l->type);
		else
			cg_cast(cc, d, r, n->r->type, l->type);
		cg_store_var(cc, d, l, r, nk ? keyregs : NULL);
		for (i = 0; i < nk; i++)
			reg_free(d, keyregs[i]);
		return r;
	}
	/* memory (scratch) store */
	a = cg_addr(cc, d, l);
	r = cg(cc, d, n->r);
	if (l->kind == N_MEMBER && l->member && l->member->bits) {
		if (n->op != OP_ASSIGN) {
			old = cg_bf_extract(cc, d, l->member, l->type, a);
			cg_arith(cc, d, n->op, old, r, l->type, n->r->type,
				 l->type);
			reg_free(d, r);
			r = old;
		}
		cg_bf_store(cc, d, l->member, a, r);
		reg_free(d, a);
		return r;
	}
	if (n->op != OP_ASSIGN) {
		old = reg_alloc(cc, d);
		emit(cc, d, DIF_INSTR_FMT(load_op(l->type), a, 0, old));
		cg_arith(cc, d, n->op, old, r, l->type, n->r->type, l->type);
		reg_free(d, r);
		r = old;
	}
	if (dt_type_is_byref(l->type))
		dt_cc_error(cc, n->line, D_OP_INCOMPAT,
			    "assignment of by-reference objects is not supported");
	cg_cast(cc, d, r, n->r->type, l->type);
	emit(cc, d, DIF_INSTR_FMT(store_op(l->type), r, 0, a));
	reg_free(d, a);
	return r;
}

static int cg_call(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	int regs[DIF_DTR_NREGS], i, r;

	if (n->ival < 0)
		return cg(cc, d, n->args[0]);	/* func(), sym(), mod() */

	eval_list(cc, d, n->args, n->nargs, regs);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0, 0));
	for (i = 0; i < n->nargs; i++) {
		struct dt_type *t = n->args[i]->type;
		const struct subr *s = subr_lookup(n->str);
		int kind = s ? s->args[i] : A_INT;

		if ((kind == A_STR || kind == A_STR0) &&
		    dt_type_is_strlike(t))
			emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
						     DIF_TYPE_STRING, 0,
						     regs[i]));
		else
			emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTV,
						     DIF_TYPE_CTF, 0,
						     regs[i]));
	}
	for (i = 0; i < n->nargs; i++)
		reg_free(d, regs[i]);
	r = reg_alloc(cc, d);
	emit(cc, d, DIF_INSTR_CALL((uint32_t)n->ival, r));
	return r;
}

static int cg1(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n);
static int cg(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n);

/*
 * A whole translation, xlate<T>(x) or xlate<T *>(x) used as a value (not
 * through one member): a T in scratch memory (alloca, zeroed) with every
 * member the translator defines stored in it; the value is its address.
 * Integers and pointers are stored converted to the member's type; a char
 * array or string member gets the bytes of its value's string (at most
 * the member's size, NUL-terminated if it fits) or char array.
 */
static int cg_xlate(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	struct dt_xlator *xl = n->xl;
	struct dt_xlmemb *xm;
	int r, ra, rv, rn;
	uint32_t l;
	/* a struct member translated by parts: only its parts (dt_xlate.c) */
	const char *pre = n->str;
	uint32_t base = pre ? (uint32_t)n->ival : 0;

	r = reg_alloc(cc, d);
	setx(cc, d, pre ? n->type->size : xl->to->size, r);
	emit(cc, d, DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0, 0));
	emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTV, DIF_TYPE_CTF, 0, r));
	emit(cc, d, DIF_INSTR_CALL(DIF_SUBR_ALLOCA, r));
	for (xm = xl->members; xm; xm = xm->next) {
		struct dt_type *mt = xm->m->type;
		struct dt_node *e;

		if (xm->m->bits)
			continue;	/* D's own structs only: none in use */
		if (pre && !dt_xlate_is_part(xm->name, pre))
			continue;
		e = dt_xlate_expr(cc, xl, xm, n->r);
		rv = cg(cc, d, e);
		ra = reg_alloc(cc, d);
		setx(cc, d, xm->m->off - base, ra);
		emit(cc, d, DIF_INSTR_FMT(DIF_OP_ADD, r, ra, ra));
		if (dt_type_is_scalar(mt)) {
			cg_cast(cc, d, rv, e->type, mt);
			emit(cc, d, DIF_INSTR_FMT(store_op(mt), rv, 0, ra));
		} else if (dt_type_is_strlike(mt) &&
			   dt_type_is_strlike(e->type)) {
			rn = reg_alloc(cc, d);
			if (e->type->kind == DT_T_ARRAY) {
				setx(cc, d, e->type->size < mt->size ?
				     e->type->size : mt->size, rn);
			} else {
				/* strlen + 1, at most the member's size */
				int rm = reg_alloc(cc, d);

				emit(cc, d, DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0,
							  0));
				emit(cc, d, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
							     DIF_TYPE_STRING,
							     0, rv));
				emit(cc, d, DIF_INSTR_CALL(DIF_SUBR_STRLEN, rn));
				setx(cc, d, 1, rm);
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_ADD, rn, rm,
							  rn));
				setx(cc, d, mt->size, rm);
				l = label_new(cc, d);
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_CMP, rn, rm,
							  0));
				branch(cc, d, DIF_OP_BLEU, l);
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, rm, 0,
							  rn));
				label_set(d, l);
				reg_free(d, rm);
			}
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_COPYS, rv, rn, ra));
			reg_free(d, rn);
		}
		reg_free(d, ra);
		reg_free(d, rv);
	}
	return r;
}

static int cg(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	int r;

	if (++cc->depth > DT_MAXDEPTH)
		dt_cc_error(cc, n->line, D_UNKNOWN,
			    "expression is too complex");
	r = cg1(cc, d, n);
	cc->depth--;
	return r;
}

static int cg1(struct dt_cc *cc, struct dt_difo *d, struct dt_node *n)
{
	int r, r2, i;
	uint32_t l1, l2;

	cc->line = n->line;
	switch (n->kind) {
	case N_INT:
		r = reg_alloc(cc, d);
		if (n->ival == 0)
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, 0, 0, r));
		else
			setx(cc, d, (uint64_t)n->ival, r);
		return r;
	case N_STR:
		r = reg_alloc(cc, d);
		emit(cc, d, DIF_INSTR_SETS(str_off(cc, d, n->str,
					   strlen(n->str)), r));
		return r;
	case N_VAR:
		if (n->builtin >= 0) {
			r = reg_alloc(cc, d);
			emit(cc, d, DIF_INSTR_LDV(DIF_OP_LDGS, n->builtin, r));
			return r;
		}
		return cg_load_var(cc, d, n, NULL);
	case N_SELF:
	case N_THIS:
		return cg_load_var(cc, d, n, NULL);
	case N_INDEX:
		if (n->builtin == DIF_VAR_ARGS) {
			struct dt_node *ix = n->args[0];

			if (ix->kind == N_INT) {
				r = reg_alloc(cc, d);
				emit(cc, d, DIF_INSTR_LDV(DIF_OP_LDGS,
					  DIF_VAR_ARG0 + (int)ix->ival, r));
				/* a typed (fbt) int argument: its own bits */
				cg_cast(cc, d, r, cc->t_int64, n->type);
				return r;
			}
			r2 = cg(cc, d, ix);
			r = reg_alloc(cc, d);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_LDGA, DIF_VAR_ARGS,
						  r2, r));
			reg_free(d, r2);
			return r;
		}
		if (n->var)
			return cg_load_var(cc, d, n, NULL);
		return cg_load_mem(cc, d, n);
	case N_MEMBER:
		return cg_load_mem(cc, d, n);
	case N_AGG:
		dt_cc_error(cc, n->line, D_AGG_SCALAR,
			    "aggregation %s may not be used as a scalar",
			    n->str);
	case N_COMMA:
		r = cg(cc, d, n->l);
		reg_free(d, r);
		return cg(cc, d, n->r);
	case N_CAST:
		r = cg(cc, d, n->l);
		cg_cast(cc, d, r, n->l->type, n->type);
		return r;
	case N_STRINGOF:
		return cg(cc, d, n->l);
	case N_CALL:
		return cg_call(cc, d, n);
	case N_ASSIGN:
		return cg_assign(cc, d, n);
	case N_COND:
		r = cg(cc, d, n->c);
		l1 = label_new(cc, d);
		l2 = label_new(cc, d);
		emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r, 0, 0));
		branch(cc, d, DIF_OP_BE, l1);
		r2 = cg(cc, d, n->l);
		cg_cast(cc, d, r2, n->l->type, n->type);
		emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, r2, 0, r));
		reg_free(d, r2);
		branch(cc, d, DIF_OP_BA, l2);
		label_set(d, l1);
		r2 = cg(cc, d, n->r);
		cg_cast(cc, d, r2, n->r->type, n->type);
		emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, r2, 0, r));
		reg_free(d, r2);
		label_set(d, l2);
		return r;
	case N_OP1:
		switch (n->op) {
		case OP_DEREF:
			if (dt_type_is_byref(n->type))
				return cg(cc, d, n->l);
			r = cg(cc, d, n->l);
			emit(cc, d, DIF_INSTR_FMT(load_op(n->type), r, 0, r));
			return r;
		case OP_ADDROF:
			return cg_addr(cc, d, n->l);
		case OP_NEG:
			r = cg(cc, d, n->l);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_SUB, 0, r, r));
			return r;
		case OP_POS:
			return cg(cc, d, n->l);
		case OP_TILDE:
			r = cg(cc, d, n->l);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_NOT, r, 0, r));
			return r;
		case OP_NOT:
			r = cg(cc, d, n->l);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r, 0, 0));
			cg_setcc(cc, d, DIF_OP_BE, r);
			return r;
		default:
			return cg_incdec(cc, d, n);
		}
	case N_OP2:
		switch (n->op) {
		case OP_LAND:
		case OP_LOR:
			l1 = label_new(cc, d);	/* short-circuit target */
			l2 = label_new(cc, d);
			r = cg(cc, d, n->l);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r, 0, 0));
			branch(cc, d, n->op == OP_LAND ? DIF_OP_BE :
			       DIF_OP_BNE, l1);
			r2 = cg(cc, d, n->r);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r2, 0, 0));
			reg_free(d, r2);
			branch(cc, d, n->op == OP_LAND ? DIF_OP_BE :
			       DIF_OP_BNE, l1);
			if (n->op == OP_LAND)
				setx(cc, d, 1, r);
			else
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, 0, 0, r));
			branch(cc, d, DIF_OP_BA, l2);
			label_set(d, l1);
			if (n->op == OP_LAND)
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_MOV, 0, 0, r));
			else
				setx(cc, d, 1, r);
			label_set(d, l2);
			return r;
		case OP_LXOR:
			r = cg(cc, d, n->l);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r, 0, 0));
			cg_setcc(cc, d, DIF_OP_BNE, r);
			r2 = cg(cc, d, n->r);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_TST, r2, 0, 0));
			cg_setcc(cc, d, DIF_OP_BNE, r2);
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_XOR, r, r2, r));
			reg_free(d, r2);
			return r;
		case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT:
		case OP_GE:
			r = cg(cc, d, n->l);
			r2 = cg(cc, d, n->r);
			if (n->ival == 1) {
				emit(cc, d, DIF_INSTR_FMT(DIF_OP_SCMP, r, r2, 0));
				reg_free(d, r2);
				cg_setcc(cc, d, cmp_branch(n->op, 1), r);
				return r;
			}
			emit(cc, d, DIF_INSTR_FMT(DIF_OP_CMP, r, r2, 0));
			reg_free(d, r2);
			cg_setcc(cc, d, cmp_branch(n->op, n->ctype ?
				 n->ctype->is_signed : 0), r);
			return r;
		default:
			r = cg(cc, d, n->l);
			r2 = cg(cc, d, n->r);
			cg_arith(cc, d, n->op, r, r2, n->l->type, n->r->type,
				 n->type);
			reg_free(d, r2);
			return r;
		}
	}
	if (n->kind == N_XLATE)
		return cg_xlate(cc, d, n);
	(void)i;
	dt_cc_error(cc, n->line, D_UNKNOWN, "internal error: node kind %d",
		    n->kind);
}

struct dt_difo *dt_cg_expr(struct dt_cc *cc, struct dt_node *n, int rkind)
{
	struct dt_difo *d = difo_new(cc);
	int r;

	cc->pending = d;
	r = cg(cc, d, n);
	finish(cc, d, r);
	cc->pending = NULL;
	if (rkind == DT_CG_VOID) {
		memset(&d->rtype, 0, sizeof(d->rtype));
		d->rtype.kind = DIF_TYPE_CTF;
	} else if (rkind == DT_CG_PRED) {
		d->rtype = rtype_of(cc, cc->t_int);
	} else {
		d->rtype = rtype_of(cc, n->type);
	}
	return d;
}

/* ----------------------------------------------------------------------
 * Statements and actions
 * ---------------------------------------------------------------------- */
static struct dt_cact *add_act(struct dt_cc *cc, int kind, uint32_t recsize,
			       int line)
{
	struct dt_cact *a = dt_stmt_action(cc, kind);
	struct dt_stmt *s = cc->cur;

	a->a.line = line;
	a->a.owner = -1;
	a->a.fmt = -1;
	a->a.setopt = -1;
	if (recsize) {
		uint32_t off = (s->recsize + 7) & ~7u;

		a->a.recoff = off;
		a->a.recsize = recsize;
		s->recsize = off + ((recsize + 7) & ~7u);
	} else {
		a->a.recoff = (s->recsize + 7) & ~7u;
	}
	return a;
}

static int64_t posconst(struct dt_cc *cc, struct dt_node *n, int tag,
			const char *msg)
{
	dt_cook(cc, n);
	if (n->kind != N_INT || n->ival <= 0)
		dt_cc_error(cc, n->line, tag, "%s", msg);
	return n->ival;
}

/*
 * Ordering rules for speculate(), commit(), discard(), exit() and the
 * other actions of one clause, as DTrace's dt_stmt_append() checks them
 * when a statement has been compiled (so errors in the statement's own
 * arguments come first).  Expression statements (assignments) and
 * discard() record no data; destructive actions are not data-recording
 * but may not follow speculate(); data recorded after speculate() goes
 * to the speculation and does not count against a later speculate().
 */
enum { DT_ORD_DATA, DT_ORD_SPEC, DT_ORD_COMMIT, DT_ORD_DISCARD, DT_ORD_AGG,
       DT_ORD_DESTR, DT_ORD_EXIT, DT_ORD_VOID };

static void order_check(struct dt_cc *cc, int what, int line)
{
	struct dt_stmt *s = cc->cur;

	switch (what) {
	case DT_ORD_COMMIT:
		if (s->has_commit)
			dt_cc_error(cc, line, D_COMM_COMM,
				    "commit( ) may not follow commit( )");
		if (s->has_data)
			dt_cc_error(cc, line, D_COMM_DREC,
				    "commit( ) may not follow data-recording action(s)");
		s->has_commit = 1;
		return;
	case DT_ORD_SPEC:
		if (s->has_spec)
			dt_cc_error(cc, line, D_SPEC_SPEC,
				    "speculate( ) may not follow speculate( )");
		if (s->has_commit)
			dt_cc_error(cc, line, D_SPEC_COMM,
				    "speculate( ) may not follow commit( )");
		if (s->has_data)
			dt_cc_error(cc, line, D_SPEC_DREC,
				    "speculate( ) may not follow data-recording action(s)");
		s->has_spec = 1;
		return;
	case DT_ORD_AGG:
		if (s->has_commit)
			dt_cc_error(cc, line, D_AGG_COMM,
				    "aggregating actions may not follow commit( )");
		if (s->has_spec)
			dt_cc_error(cc, line, D_AGG_SPEC,
				    "aggregating actions may not follow speculate( )");
		s->has_data = 1;
		return;
	}
	if (s->has_spec) {
		if (what == DT_ORD_DESTR)
			dt_cc_error(cc, line, D_ACT_SPEC,
				    "destructive actions may not follow speculate( )");
		if (what == DT_ORD_EXIT)
			dt_cc_error(cc, line, D_EXIT_SPEC,
				    "exit( ) may not follow speculate( )");
	}
	if (what == DT_ORD_DESTR || what == DT_ORD_DISCARD ||
	    what == DT_ORD_VOID)
		return;
	if (s->has_commit)
		dt_cc_error(cc, line, D_DREC_COMM,
			    "data-recording actions may not follow commit( )");
	if (!s->has_spec)
		s->has_data = 1;
}

static void check_data(struct dt_cc *cc, int line)
{
	order_check(cc, DT_ORD_DATA, line);
}

static struct dt_cact *value_act(struct dt_cc *cc, struct dt_node *e,
				 int owner)
{
	struct dt_vtype vt;
	struct dt_cact *a;
	char txt[256];

	dt_cook(cc, e);
	dt_type_vtype(cc, e->type, &vt);
	a = add_act(cc, DTRACEACT_DIFEXPR, (vt.kind == DT_VK_INT ||
		    vt.kind == DT_VK_PTR) ? 8 : vt.size, e->line);
	a->a.type = vt;
	a->a.owner = owner;
	a->difo[0] = dt_cg_expr(cc, e, DT_CG_VALUE);
	a->ndifo = 1;
	dt_node_text(e, txt, sizeof(txt));
	a->a.text = dt_strdup(cc, txt);
	return a;
}

static int agg_func(const char *name)
{
	static const char *const f[] = {
		"", "count", "sum", "avg", "min", "max", "stddev", "quantize",
		"lquantize", "llquantize"
	};
	int i;

	for (i = 1; i <= 9; i++)
		if (!strcmp(f[i], name))
			return i;
	return 0;
}

static const char *agg_fname(int f)
{
	static const char *const n[] = {
		"", "count", "sum", "avg", "min", "max", "stddev", "quantize",
		"lquantize", "llquantize"
	};
	return f >= 1 && f <= 9 ? n[f] : "?";
}

static struct dt_aggdef *agg_lookup(struct dt_cc *cc, const char *name)
{
	struct dt_aggdef *g;

	for (g = cc->aggs; g; g = g->next)
		if (!strcmp(g->name, name))
			return g;
	return NULL;
}

static int64_t agg_const(struct dt_cc *cc, struct dt_node *n, int tag,
			 const char *fn, int argno)
{
	dt_cook(cc, n);
	if (n->kind != N_INT)
		dt_cc_error(cc, n->line, tag,
			    "%s( ) argument #%d must be an integer constant",
			    fn, argno);
	return n->ival;
}

static int is_stack_call(struct dt_node *n);
static int64_t stack_frames(struct dt_cc *cc, struct dt_node *n);

/*
 * The type of a stack()/ustack() aggregation key: "stack", sized as the
 * module's record (dtrace.h: 8 or 16 bytes, then 8 per frame).
 */
static struct dt_type *stack_key_type(struct dt_cc *cc, struct dt_node *k)
{
	int user = k->str[0] == 'u';
	int64_t fr = stack_frames(cc, k);

	return dt_type_stack(cc, user, (uint32_t)((user ? 16 : 8) + 8 * fr));
}

static int same_key_type(struct dt_type *a, struct dt_type *b)
{
	if (a->symkind == DT_VK_STACK || a->symkind == DT_VK_USTACK ||
	    b->symkind == DT_VK_STACK || b->symkind == DT_VK_USTACK)
		return a->symkind == b->symkind && a->size == b->size;
	if (dt_type_is_strlike(a) && a->kind != DT_T_PTR)
		return dt_type_is_strlike(b) && b->kind != DT_T_PTR;
	return dt_type_is_scalar(b) && dt_type_is_scalar(a);
}

static void cg_aggregate(struct dt_cc *cc, struct dt_node *n)
{
	struct dt_node *ag = n->l, *fn = n->r, *incr = NULL;
	struct dt_type **ktypes;
	struct dt_aggdef *g;
	struct dt_cact *a;
	int func, i, nargs, min = 1, max = 1;
	uint64_t arg2 = 0;

	if (n->op != OP_ASSIGN || fn->kind != N_CALL ||
	    !(func = agg_func(fn->str))) {
		if (fn->kind == N_CALL && !agg_func(fn->str) &&
		    !subr_lookup(fn->str) && !is_action(fn->str))
			dt_cc_error(cc, n->line, D_FUNC_UNDEF,
				    "failed to resolve %s: Unknown function name",
				    fn->str);
		dt_cc_error(cc, n->line, D_AGG_FUNC,
			    "%s must be assigned the result of an aggregating function",
			    ag->str);
	}
	order_check(cc, DT_ORD_AGG, n->line);
	nargs = fn->nargs;
	switch (func) {
	case DTRACEAGG_COUNT: min = 0; max = 0; break;
	case DTRACEAGG_QUANTIZE: min = 1; max = 2; break;
	case DTRACEAGG_LQUANTIZE: min = 3; max = 5; break;
	case DTRACEAGG_LLQUANTIZE: min = 5; max = 6; break;
	}
	/* The histograms take an optional increment as their last argument. */
	if (func >= DTRACEAGG_QUANTIZE && nargs > max)
		dt_cc_error(cc, n->line, D_PROTO_LEN,
			    "%s( ) prototype mismatch: %d args passed, at most %d expected",
			    fn->str, nargs, max);
	if (nargs < min || nargs > max)
		proto_len_error(cc, fn, min, max);
	if (func >= DTRACEAGG_QUANTIZE && nargs == max) {
		incr = fn->args[max - 1];
		dt_cook(cc, incr);
		if (!dt_type_is_scalar(incr->type))
			dt_cc_error(cc, n->line, D_PROTO_ARG,
				    "%s( ) increment value (argument #%d) must be of scalar type",
				    fn->str, max);
	}
	if (nargs) {
		dt_cook(cc, fn->args[0]);
		if (!dt_type_is_scalar(fn->args[0]->type))
			dt_cc_error(cc, fn->line, D_AGG_SCALAR,
				    "%s( ) argument #1 must be of scalar type",
				    fn->str);
	}
	if (func == DTRACEAGG_LQUANTIZE) {
		int64_t base, lim, step = 1, lev;

		base = agg_const(cc, fn->args[1], D_LQUANT_BASETYPE,
				 "lquantize", 2);
		if (base < INT32_MIN || base > INT32_MAX)
			dt_cc_error(cc, n->line, D_LQUANT_BASEVAL,
				    "lquantize( ) argument #2 must be a 32-bit quantity");
		lim = agg_const(cc, fn->args[2], D_LQUANT_LIMTYPE,
				"lquantize", 3);
		if (lim < INT32_MIN || lim > INT32_MAX)
			dt_cc_error(cc, n->line, D_LQUANT_LIMVAL,
				    "lquantize( ) argument #3 must be a 32-bit quantity");
		if (lim <= base)
			dt_cc_error(cc, n->line, D_LQUANT_MISMATCH,
				    "lquantize( ) base (argument #2) must be less than limit (argument #3)");
		if (nargs >= 4) {
			dt_cook(cc, fn->args[3]);
			if (fn->args[3]->kind != N_INT ||
			    fn->args[3]->ival <= 0)
				dt_cc_error(cc, n->line, D_LQUANT_STEPTYPE,
					    "lquantize( ) argument #4 must be a non-zero positive integer constant");
			step = fn->args[3]->ival;
			if (step > UINT16_MAX)
				dt_cc_error(cc, n->line, D_LQUANT_STEPVAL,
					    "lquantize( ) argument #4 must be a 16-bit quantity");
		}
		lev = (lim - base) / step;
		if (lev == 0)
			dt_cc_error(cc, n->line, D_LQUANT_STEPLARGE,
				    "lquantize( ) step (argument #4) too large: must have at least one quantization level");
		if (lev > UINT16_MAX)
			dt_cc_error(cc, n->line, D_LQUANT_STEPSMALL,
				    "lquantize( ) step (argument #4) too small: number of quantization levels must be a 16-bit quantity");
		arg2 = DTRACE_LQUANTIZE_ARG(base, step, lev);
	}
	if (func == DTRACEAGG_LLQUANTIZE) {
		int64_t f, lo, hi, ns;

		f = agg_const(cc, fn->args[1], D_LLQUANT_FACTORTYPE,
			      "llquantize", 2);
		if (f < 2 || f > UINT16_MAX)
			dt_cc_error(cc, n->line, D_LLQUANT_FACTORVAL,
				    "llquantize( ) argument #2 must be an unsigned 16-bit quantity greater than or equal to 2");
		lo = agg_const(cc, fn->args[2], D_LLQUANT_LOWTYPE,
			       "llquantize", 3);
		if (lo < 0 || lo > UINT16_MAX)
			dt_cc_error(cc, n->line, D_LLQUANT_LOWVAL,
				    "llquantize( ) argument #3 must be an unsigned 16-bit quantity");
		hi = agg_const(cc, fn->args[3], D_LLQUANT_HIGHTYPE,
			       "llquantize", 4);
		if (hi < 0 || hi > UINT16_MAX)
			dt_cc_error(cc, n->line, D_LLQUANT_HIGHVAL,
				    "llquantize( ) argument #4 must be an unsigned 16-bit quantity");
		if (hi <= lo)
			dt_cc_error(cc, n->line, D_LLQUANT_MAGRANGE,
				    "llquantize( ) high magnitude (argument #4) must be greater than low magnitude (argument #3)");
		ns = agg_const(cc, fn->args[4], D_LLQUANT_NSTEPTYPE,
			       "llquantize", 5);
		if (ns < 1 || ns > UINT16_MAX)
			dt_cc_error(cc, n->line, D_LLQUANT_NSTEPVAL,
				    "llquantize( ) argument #5 must be an unsigned 16-bit quantity");
		if (ns < f)
			dt_cc_error(cc, n->line, D_LLQUANT_FACTORNSTEPS,
				    "llquantize( ) argument #5 (number of steps) must be greater than or equal to argument #2 (factor)");
		if (ns % f)
			dt_cc_error(cc, n->line, D_LLQUANT_FACTOREVEN,
				    "llquantize( ) argument #2 (factor) must evenly divide argument #5 (number of steps)");
		arg2 = DTRACE_LLQUANTIZE_ARG(f, lo, hi, ns);
		if (!dtrace_llquantize_valid(arg2))
			dt_cc_error(cc, n->line, D_LLQUANT_MAGTOOBIG,
				    "llquantize( ) parameters are invalid: factor^(high+1) must fit in 64 bits and the number of steps must divide a power of the factor");
	}
	/* keys */
	ktypes = dt_zalloc(cc, (ag->nargs + 1) * sizeof(*ktypes));
	for (i = 0; i < ag->nargs; i++) {
		struct dt_type *kt;

		if (is_stack_call(ag->args[i])) {
			ktypes[i] = stack_key_type(cc, ag->args[i]);
			continue;
		}
		dt_cook(cc, ag->args[i]);
		kt = ag->args[i]->type;
		if (ag->args[i]->kind == N_AGG || !kt ||
		    kt->kind == DT_T_VOID || kt->kind == DT_T_STRUCT ||
		    kt->kind == DT_T_UNION ||
		    (kt->kind == DT_T_ARRAY && !dt_type_is_chararray(kt)))
			dt_cc_error(cc, n->line, D_KEY_TYPE,
				    "%s[ ] key #%d is of an invalid type",
				    ag->str, i + 1);
		ktypes[i] = dt_type_is_chararray(kt) ? cc->t_string : kt;
	}
	g = agg_lookup(cc, ag->str);
	if (!g) {
		g = dt_zalloc(cc, sizeof(*g));
		g->name = ag->str;
		g->id = ++cc->naggs;
		g->func = func;
		g->arg2 = arg2;
		g->nkeys = ag->nargs;
		g->keytypes = dt_zalloc(cc, (ag->nargs + 1) *
					sizeof(*g->keytypes));
		for (i = 0; i < ag->nargs; i++)
			g->keytypes[i] = ktypes[i];
		g->valtype = nargs ? fn->args[0]->type : cc->t_int64;
		g->next = cc->aggs;
		cc->aggs = g;
	} else {
		if (g->func != func)
			dt_cc_error(cc, n->line, D_AGG_REDEF,
				    "aggregation redefined: %s\n\t current: %s( )\n\tprevious: %s( )",
				    ag->str, fn->str, agg_fname(g->func));
		if (func == DTRACEAGG_LQUANTIZE && g->arg2 != arg2) {
			if (DTRACE_LQUANTIZE_BASE(g->arg2) !=
			    DTRACE_LQUANTIZE_BASE(arg2))
				dt_cc_error(cc, n->line, D_LQUANT_MATCHBASE,
					    "lquantize( ) base (argument #2) doesn't match previous declaration: expected %d, found %d",
					    DTRACE_LQUANTIZE_BASE(g->arg2),
					    DTRACE_LQUANTIZE_BASE(arg2));
			if (DTRACE_LQUANTIZE_STEP(g->arg2) !=
			    DTRACE_LQUANTIZE_STEP(arg2))
				dt_cc_error(cc, n->line, D_LQUANT_MATCHSTEP,
					    "lquantize( ) step (argument #4) doesn't match previous declaration: expected %d, found %d",
					    DTRACE_LQUANTIZE_STEP(g->arg2),
					    DTRACE_LQUANTIZE_STEP(arg2));
			dt_cc_error(cc, n->line, D_LQUANT_MATCHLIM,
				    "lquantize( ) limit (argument #3) doesn't match previous declaration");
		}
		if (func == DTRACEAGG_LLQUANTIZE && g->arg2 != arg2)
			dt_cc_error(cc, n->line, D_LLQUANT_FACTORMATCH,
				    "llquantize( ) parameters don't match previous declaration");
		if (g->nkeys != ag->nargs)
			dt_cc_error(cc, n->line, D_PROTO_LEN,
				    "%s[ ] prototype mismatch: %d arg%s passed, %d expected",
				    ag->str, ag->nargs,
				    ag->nargs == 1 ? "" : "s", g->nkeys);
		for (i = 0; i < ag->nargs; i++) {
			struct dt_type *kt = ktypes[i];

			if (!same_key_type(g->keytypes[i], kt)) {
				char x[128], y[128];

				dt_type_name(g->keytypes[i], x, sizeof(x));
				dt_type_name(kt, y, sizeof(y));
				dt_cc_error(cc, n->line, D_PROTO_ARG,
					    "%s[ ] argument #%d is incompatible with prototype:\n\tprototype: %s\n\t argument: %s",
					    ag->str, i + 1, x, y);
			}
		}
	}
	a = add_act(cc, DTRACEACT_AGGREGATE, 0, n->line);
	a->a.arg = func;
	a->a.arg2 = arg2;
	a->a.aggid = g->id;
	a->nkeys = ag->nargs;
	if (ag->nargs + 1 > (int)(sizeof(a->difo) / sizeof(a->difo[0])))
		dt_cc_error(cc, n->line, D_KEY_TYPE,
			    "too many aggregation keys");
	if (ag->nargs + 2 > (int)(sizeof(a->difo) / sizeof(a->difo[0])))
		dt_cc_error(cc, n->line, D_KEY_TYPE,
			    "too many aggregation keys");
	for (i = 0; i < ag->nargs; i++) {
		struct dt_difo *kd;

		if (ktypes[i]->symkind == DT_VK_STACK ||
		    ktypes[i]->symkind == DT_VK_USTACK) {
			/*
			 * The module records the stack itself: the DIFO is
			 * not run, its return type carries the key's size.
			 */
			struct dt_node *z = dt_node_new(cc, N_INT, n->line);

			dt_cook(cc, z);
			kd = dt_cg_expr(cc, z, DT_CG_VALUE);
			kd->rtype.kind = DIF_TYPE_CTF;
			kd->rtype.flags = DIF_TF_BYREF;
			kd->rtype.size = ktypes[i]->size;
			if (ktypes[i]->symkind == DT_VK_STACK)
				a->stackkeys |= 1u << i;
			else
				a->ustackkeys |= 1u << i;
			a->difo[a->ndifo++] = kd;
			continue;
		}
		kd = dt_cg_expr(cc, ag->args[i], DT_CG_VALUE);
		/* char[] keys are strings (the module copies strsize bytes) */
		if (dt_type_is_chararray(ag->args[i]->type))
			kd->rtype = rtype_of(cc, cc->t_string);
		a->difo[a->ndifo++] = kd;
	}
	if (func != DTRACEAGG_COUNT)
		a->difo[a->ndifo++] = dt_cg_expr(cc, fn->args[0],
						 DT_CG_VALUE);
	if (incr)
		a->difo[a->ndifo++] = dt_cg_expr(cc, incr, DT_CG_VALUE);
	cc->prog->uses_aggs = 1;
}

/* Frames a stack()/ustack() call records (its arguments checked). */
static int64_t stack_frames(struct dt_cc *cc, struct dt_node *n)
{
	const char *nm = n->str;
	int user = nm[0] == 'u';
	int64_t fr = user ? cc->ustackframes : cc->stackframes;

	if (n->nargs > (user ? 2 : 1))
		dt_cc_error(cc, n->line, user ? D_USTACK_PROTO : D_STACK_PROTO,
			    "%s( ) prototype mismatch: too many arguments", nm);
	if (n->nargs >= 1)
		fr = posconst(cc, n->args[0], user ? D_USTACK_FRAMES :
			      D_STACK_SIZE, user ?
			      "ustack( ) argument #1 must be a non-zero positive integer constant" :
			      "stack( ) size must be a non-zero positive integral constant expression");
	if (n->nargs == 2) {
		dt_cook(cc, n->args[1]);
		if (n->args[1]->kind != N_INT || n->args[1]->ival < 0)
			dt_cc_error(cc, n->line, D_USTACK_STRSIZE,
				    "ustack( ) argument #2 must be a positive integer constant");
	}
	if (fr > DTRACE_STACK_MAXDEPTH)
		fr = DTRACE_STACK_MAXDEPTH;
	return fr;
}

static struct dt_cact *stack_act(struct dt_cc *cc, struct dt_node *n,
				 int owner)
{
	int user = n->str[0] == 'u';
	int64_t fr = stack_frames(cc, n);
	struct dt_cact *a;

	a = add_act(cc, user ? DTRACEACT_USTACK : DTRACEACT_STACK,
		    (uint32_t)((user ? 16 : 8) + 8 * fr), n->line);
	a->a.arg = (uint64_t)fr;
	a->a.owner = owner;
	snprintf(a->a.type.name, sizeof(a->a.type.name), "stack");
	if (user && n->nargs == 2)
		a->a.arg2 = (uint64_t)n->args[1]->ival;
	return a;
}

static int is_stack_call(struct dt_node *n)
{
	return n->kind == N_CALL && (!strcmp(n->str, "stack") ||
				     !strcmp(n->str, "ustack"));
}

/* stack() as a printf argument or an aggregation key. */
static int is_stack_type(struct dt_cc *cc, const struct dt_type *t)
{
	return t == cc->t_stack || t->symkind == DT_VK_STACK ||
	       t->symkind == DT_VK_USTACK;
}

/*
 * printf()-style format checking, in DTrace's two passes and with its
 * words.  First the whole format is parsed (dt_printf_create): every '%'
 * starts conversion #N, "%%" included; the conversion's name is its length
 * modifiers and letter (flags, width and precision are not part of it) and
 * must be one of DTrace's.  Then each conversion takes its arguments
 * (dt_printf_validate): a '*' width, a ".*" precision, then the value,
 * whose type must suit the conversion's prototype; printf() may not have
 * arguments left over.
 */
#define DT_PFC_MAX	64

struct dt_pfconv {
	char name[8];		/* "d", "lld", "s", "%"... */
	int dynwidth, dynprec, agg;
};

/*
 * DTrace's conversions and the prototype each names in its messages
 * (%I and %P, network addresses and ports, are not printed here yet).
 */
static const struct {
	const char *name;
	const char *proto;
} dt_pfconvs[] = {
	{ "a", "pointer or integer" },
	{ "A", "pointer or integer (with -p/-c) or _usymaddr (without -p/-c)" },
	{ "c", "char, short, or int" }, { "C", "char, short, or int" },
	{ "d", "char, short, int, long, or long long" },
	{ "e", "float, double, or long double" },
	{ "E", "float, double, or long double" },
	{ "f", "float, double, or long double" },
	{ "g", "float, double, or long double" },
	{ "G", "float, double, or long double" },
	{ "hd", "short" }, { "hi", "short" }, { "ho", "unsigned short" },
	{ "hu", "unsigned short" }, { "hx", "short" }, { "hX", "short" },
	{ "i", "char, short, int, long, or long long" },
	{ "I", "char [] or string (or use stringof)" },
	{ "k", "stack" }, { "lc", "int" }, { "ld", "long" }, { "li", "long" },
	{ "lo", "unsigned long" }, { "lu", "unsigned long" },
	{ "ls", "wchar_t []" }, { "lx", "long" }, { "lX", "long" },
	{ "lld", "long long" }, { "lli", "long long" },
	{ "llo", "unsigned long long" }, { "llu", "unsigned long long" },
	{ "llx", "long long" }, { "llX", "long long" },
	{ "Le", "long double" }, { "LE", "long double" },
	{ "Lf", "long double" }, { "Lg", "long double" },
	{ "LG", "long double" },
	{ "o", "char, short, int, long, or long long" },
	{ "p", "pointer or integer" },
	{ "P", "uint16_t" },
	{ "s", "char [] or string (or use stringof)" },
	{ "S", "char [] or string (or use stringof)" },
	{ "T", "int64_t" },
	{ "u", "char, short, int, long, or long long" },
	{ "wc", "int" }, { "ws", "wchar_t []" },
	{ "x", "char, short, int, long, or long long" },
	{ "X", "char, short, int, long, or long long" },
	{ "Y", "int64_t" }, { "%", "void" },
};

static const char *pfconv_proto(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(dt_pfconvs) / sizeof(dt_pfconvs[0]); i++)
		if (!strcmp(dt_pfconvs[i].name, name))
			return dt_pfconvs[i].proto;
	return NULL;
}

/* Pass 1: the conversions of fmt into cv[]; their number. */
static int pf_parse(struct dt_cc *cc, struct dt_node *call, const char *fmt,
		    struct dt_pfconv *cv)
{
	const char *p = fmt;
	int n = 0;

	while ((p = strchr(p, '%')) != NULL) {
		struct dt_pfconv *c = &cv[n < DT_PFC_MAX ? n : DT_PFC_MAX - 1];
		size_t nl = 0;
		int dot = 0, done = 0;

		n++;
		memset(c, 0, sizeof(*c));
		while (!done) {
			int ch = (unsigned char)*++p;

			switch (ch) {
			case '0': case '1': case '2': case '3': case '4':
			case '5': case '6': case '7': case '8': case '9':
			case '#': case '+': case '-': case '?': case '\'':
			case ' ':
				break;
			case '*':
				if (dot ? c->dynprec : c->dynwidth)
					/* DTrace names the precision either way */
					dt_cc_error(cc, call->line, D_SYNTAX,
						    "format conversion #%d has more than one '*' specified for the output precision",
						    n);
				if (dot)
					c->dynprec = 1;
				else
					c->dynwidth = 1;
				break;
			case '.':
				if (dot++)
					dt_cc_error(cc, call->line, D_SYNTAX,
						    "format conversion #%d has more than one '.' specified",
						    n);
				break;
			case '@':
				c->agg = 1;
				break;
			case '$':
				dt_cc_error(cc, call->line, D_SYNTAX,
					    "format conversion #%d uses unsupported positional format (%%n$)",
					    n);
				break;
			case '%':
				if (p[-1] != '%')
					dt_cc_error(cc, call->line, D_SYNTAX,
						    "format conversion #%d cannot be combined with other format flags: %%%%",
						    n);
				c->name[nl++] = '%';
				done = 1;
				break;
			case '\0':
				dt_cc_error(cc, call->line, D_SYNTAX,
					    "format conversion #%d name expected before end of format string",
					    n);
				break;
			case 'h': case 'l': case 'L': case 'w':
				if (nl < sizeof(c->name) - 2)
					c->name[nl++] = (char)ch;
				break;
			default:
				c->name[nl++] = (char)ch;
				done = 1;
			}
		}
		c->name[nl] = '\0';
		if (!pfconv_proto(c->name))
			dt_cc_error(cc, call->line, D_SYNTAX,
				    "format conversion #%d is undefined: %%%s",
				    n, c->name);
		p++;
	}
	if (n > DT_PFC_MAX)
		dt_cc_error(cc, call->line, D_PRINTF_ARG_FMT,
			    "%s( ) format string has more than %d conversions",
			    call->str, DT_PFC_MAX);
	return n;
}

/* Does type t suit conversion name?  (t NULL: an aggregation, never.) */
static int pf_type_ok(struct dt_cc *cc, const char *name, struct dt_type *t)
{
	char c = name[strlen(name) - 1];

	if (!t)
		return 0;
	if (is_stack_type(cc, t))
		return c == 'k';
	switch (c) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
		return dt_type_is_scalar(t);
	case 'c': case 'C':
		return dt_type_is_integral(t) && t->size <= 4;
	case 'p': case 'a': case 'A':
		return dt_type_is_scalar(t);
	case 's': case 'S':
		return dt_type_is_strlike(t) ||
		       (t->kind == DT_T_PTR && t->base->kind == DT_T_VOID);
	case 'I':	/* an IPv4 or IPv6 address as text */
		return dt_type_is_strlike(t);
	case 'P':	/* a port: exactly uint16_t, as DTrace's type check */
		return dt_type_is_integral(t) && t->size == 2 &&
		       !t->is_signed;
	case 'Y': case 'T':
		return dt_type_is_integral(t);
	case 'k':
		return 0;
	default:	/* floating point, wide characters: none in D */
		return 0;
	}
}

static void check_format(struct dt_cc *cc, struct dt_node *call,
			 const char *fmt, struct dt_type **args, int nargs,
			 int is_printa, struct dt_format *f)
{
	struct dt_pfconv cv[DT_PFC_MAX];
	const char *fn = call->str;
	int n, i, j = 0;
	char tn[128];

	if (!*fmt)
		dt_cc_error(cc, call->line, D_PRINTF_FMT_EMPTY,
			    "%s( ) format string is empty", fn);
	n = pf_parse(cc, call, fmt, cv);
	for (i = 0; i < n; i++) {
		const struct dt_pfconv *c = &cv[i];
		const char *dyns[2];
		struct dt_type *t;
		int dync = 0;

		if (!strcmp(c->name, "%"))
			continue;
		if (c->dynprec)
			dyns[dync++] = ".*";
		if (c->dynwidth)
			dyns[dync++] = "*";
		for (; dync; dync--) {
			if (j >= nargs)
				dt_cc_error(cc, call->line, D_PRINTF_DYN_PROTO,
					    "%s( ) prototype mismatch: conversion #%d (%%%s) is missing a corresponding \"%s\" argument",
					    fn, i + 1, c->name, dyns[dync - 1]);
			if (!args[j] || !dt_type_is_integral(args[j])) {
				if (args[j])
					dt_type_name(args[j], tn, sizeof(tn));
				dt_cc_error(cc, call->line, D_PRINTF_DYN_TYPE,
					    "%s( ) argument #%d is incompatible with conversion #%d prototype:\n\tconversion: %% %s %s\n\t prototype: int\n\t  argument: %s",
					    fn, j + 2, i + 1, dyns[dync - 1],
					    c->name, args[j] ? tn : "aggregation");
			}
			j++;
		}
		if (c->agg) {
			if (!is_printa)
				dt_cc_error(cc, call->line, D_PRINTF_AGG_CONV,
					    "%%@ conversion requires an aggregation and is not for use with %s( )",
					    fn);
			continue;	/* the aggregation's value */
		}
		if (j >= nargs)
			dt_cc_error(cc, call->line, D_PRINTF_ARG_PROTO,
				    "%s( ) prototype mismatch: conversion #%d (%%%s) is missing a corresponding value argument",
				    fn, i + 1, c->name);
		t = args[j];
		if (!pf_type_ok(cc, c->name, t)) {
			if (t)
				dt_type_name(t, tn, sizeof(tn));
			dt_cc_error(cc, call->line, D_PRINTF_ARG_TYPE,
				    "%s( ) argument #%d is incompatible with conversion #%d prototype:\n\tconversion: %%%s\n\t prototype: %s\n\t  argument: %s",
				    fn, j + 2, i + 1, c->name,
				    pfconv_proto(c->name), t ? tn : "aggregation");
		}
		j++;
	}
	if (!is_printa && j < nargs)
		dt_cc_error(cc, call->line, D_PRINTF_ARG_EXTRA,
			    "%s( ) prototype mismatch: only %d arguments required by this format string",
			    fn, j);
	(void)f;
}

static void act_printf(struct dt_cc *cc, struct dt_node *n, int kind)
{
	struct dt_cact *m;
	struct dt_format *f;
	int i, fi, mi;
	char b[128];

	if (n->nargs < 1)
		proto_len_error(cc, n, 1, 1 + 64);
	dt_cook(cc, n->args[0]);
	if (n->args[0]->kind != N_STR) {
		dt_type_name(n->args[0]->type, b, sizeof(b));
		dt_cc_error(cc, n->line, D_PRINTF_ARG_FMT,
			    "%s( ) argument #1 is incompatible with prototype:\n\tprototype: string constant\n\t argument: %s",
			    n->str, b);
	}
	for (i = 1; i < n->nargs; i++) {
		if (is_stack_call(n->args[i])) {
			n->args[i]->type = cc->t_stack;
			n->args[i]->cooked = 1;
			continue;
		}
		/* an aggregation is checked against the format (a type none
		 * of the conversions takes), as DTrace does */
		if (n->args[i]->kind == N_AGG)
			continue;
		dt_cook(cc, n->args[i]);
		if (n->args[i]->type->kind == DT_T_VOID)
			dt_cc_error(cc, n->line, D_PROTO_ARG,
				    "%s( ) argument #%d is incompatible with prototype:\n\tprototype: ...\n\t argument: void",
				    n->str, i + 1);
	}
	{
		struct dt_type *ts[64];

		for (i = 1; i < n->nargs && i <= 64; i++)
			ts[i - 1] = n->args[i]->kind == N_AGG ? NULL :
				    n->args[i]->type;
		check_format(cc, n, n->args[0]->str, ts, n->nargs - 1, 0,
			     NULL);
	}
	fi = dt_format_add(cc, kind == DTRACEACT_SYSTEM ? DT_FMT_SYSTEM :
			   DT_FMT_PRINTF, n->args[0]->str);
	f = &cc->formats[fi];
	f->nargs = n->nargs - 1;
	f->args = dt_zalloc(cc, (f->nargs + 1) * sizeof(*f->args));
	for (i = 1; i < n->nargs; i++)
		dt_type_vtype(cc, n->args[i]->type, &f->args[i - 1]);
	m = add_act(cc, kind, 0, n->line);
	m->a.arg = fi;
	m->a.fmt = fi;
	m->a.nargs = n->nargs - 1;
	mi = cc->cur->nacts - 1;
	for (i = 1; i < n->nargs; i++) {
		if (is_stack_call(n->args[i]))
			stack_act(cc, n->args[i], mi);
		else
			value_act(cc, n->args[i], mi);
	}
}

static struct dt_aggdef *agg_arg(struct dt_cc *cc, struct dt_node *call,
				 int i, int tag_arg, int tag_bad)
{
	struct dt_node *a = call->args[i];
	struct dt_aggdef *g;
	char b[128];

	if (a->kind != N_AGG || a->nargs) {
		dt_cook(cc, a);
		dt_type_name(a->type, b, sizeof(b));
		dt_cc_error(cc, call->line, tag_arg,
			    "%s( ) argument #%d is incompatible with prototype:\n\tprototype: aggregation\n\t argument: %s",
			    call->str, i + 1, a->kind == N_AGG ?
			    "aggregation with keys" : b);
	}
	g = agg_lookup(cc, a->str);
	if (!g)
		dt_cc_error(cc, call->line, tag_bad,
			    "undefined aggregation: %s", a->str);
	return g;
}

static void act_printa(struct dt_cc *cc, struct dt_node *n)
{
	struct dt_cact *m;
	int i, first = 0, fi = -1;

	if (n->nargs < 1)
		dt_cc_error(cc, n->line, D_PRINTA_PROTO,
			    "printa( ) prototype mismatch: 0 args passed, at least 1 expected");
	if (n->args[0]->kind == N_STR) {
		first = 1;
		if (n->nargs < 2)
			dt_cc_error(cc, n->line, D_PRINTA_PROTO,
				    "printa( ) prototype mismatch: 1 args passed, 2 expected");
	} else if (n->args[0]->kind != N_AGG) {
		char b[128];

		dt_cook(cc, n->args[0]);
		dt_type_name(n->args[0]->type, b, sizeof(b));
		dt_cc_error(cc, n->line, D_PRINTA_AGGARG,
			    "printa( ) argument #1 is incompatible with prototype:\n\tprototype: aggregation\n\t argument: %s",
			    b);
	}
	if (!first && n->nargs > 1)
		dt_cc_error(cc, n->line, D_PRINTA_PROTO,
			    "printa( ) prototype mismatch: only one aggregation may be printed without a format string");
	for (i = first; i < n->nargs; i++)
		agg_arg(cc, n, i, D_PRINTA_AGGARG, D_PRINTA_AGGBAD);
	if (first) {
		struct dt_format *f;

		struct dt_aggdef *g0 = agg_lookup(cc, n->args[1]->str);

		for (i = 2; i < n->nargs; i++) {
			struct dt_aggdef *g = agg_lookup(cc, n->args[i]->str);
			int k, same = g->nkeys == g0->nkeys;

			for (k = 0; same && k < g->nkeys; k++)
				same = dt_type_is_strlike(g->keytypes[k]) ==
				       dt_type_is_strlike(g0->keytypes[k]) &&
				       is_stack_type(cc, g->keytypes[k]) ==
				       is_stack_type(cc, g0->keytypes[k]) &&
				       (!is_stack_type(cc, g->keytypes[k]) ||
					g->keytypes[k]->size ==
					g0->keytypes[k]->size);
			if (!same)
				dt_cc_error(cc, n->line, D_PRINTA_AGGKEY,
					    "printa( ) argument #%d (%s) has keys that do not match %s",
					    i + 1, g->name, g0->name);
		}
		check_format(cc, n, n->args[0]->str, g0->keytypes, g0->nkeys,
			     1, NULL);
		fi = dt_format_add(cc, DT_FMT_PRINTA, n->args[0]->str);
		f = &cc->formats[fi];
		f->naggs = n->nargs - 1;
		f->aggids = dt_zalloc(cc, f->naggs * sizeof(*f->aggids));
		for (i = 1; i < n->nargs; i++)
			f->aggids[i - 1] = agg_lookup(cc, n->args[i]->str)->id;
	}
	m = add_act(cc, DTRACEACT_PRINTA, 0, n->line);
	m->a.arg = fi < 0 ? ~0ULL : (uint64_t)fi;
	m->a.fmt = fi;
	m->a.aggid = agg_lookup(cc, n->args[first]->str)->id;
}

static void act_needs(struct dt_cc *cc, struct dt_node *n, int min, int max)
{
	if (n->nargs < min || n->nargs > max)
		proto_len_error(cc, n, min, max);
}

static void one_difo_act(struct dt_cc *cc, struct dt_node *n, int kind,
			 uint32_t recsize, int argkind, const char *proto)
{
	struct dt_cact *a;
	struct dt_vtype vt;

	act_needs(cc, n, 1, 1);
	dt_cook(cc, n->args[0]);
	if (!arg_ok(argkind, n->args[0]))
		proto_arg_error(cc, n, 0, proto);
	a = add_act(cc, kind, recsize, n->line);
	a->difo[0] = dt_cg_expr(cc, n->args[0], DT_CG_VALUE);
	a->ndifo = 1;
	dt_type_vtype(cc, n->args[0]->type, &vt);
	a->a.type = vt;
}

static void destructive(struct dt_cc *cc)
{
	cc->prog->destructive = 1;
}

static void cg_action1(struct dt_cc *cc, struct dt_node *n);

static void cg_action(struct dt_cc *cc, struct dt_node *n)
{
	static const char *const destr[] = {
		"system", "raise", "chill", "stop", "breakpoint", "panic",
	};
	const char *nm = n->str;
	int what = DT_ORD_DATA;
	size_t i;

	cg_action1(cc, n);
	for (i = 0; i < sizeof(destr) / sizeof(destr[0]); i++)
		if (!strcmp(nm, destr[i]))
			what = DT_ORD_DESTR;
	if (!strcmp(nm, "speculate"))
		what = DT_ORD_SPEC;
	else if (!strcmp(nm, "commit"))
		what = DT_ORD_COMMIT;
	else if (!strcmp(nm, "discard"))
		what = DT_ORD_DISCARD;
	else if (!strcmp(nm, "exit"))
		what = DT_ORD_EXIT;
	order_check(cc, what, n->line);
}

static void cg_action1(struct dt_cc *cc, struct dt_node *n)
{
	struct dt_stmt *s = cc->cur;
	const char *nm = n->str;
	struct dt_type *t;
	struct dt_cact *a;
	int i;

	if (!strcmp(nm, "trace")) {
		act_needs(cc, n, 1, 1);
		dt_cook(cc, n->args[0]);
		if (n->args[0]->kind == N_AGG)
			dt_cc_error(cc, n->line, D_TRACE_AGG,
				    "trace( ) may not be applied to an aggregation");
		if (n->args[0]->type->kind == DT_T_VOID)
			dt_cc_error(cc, n->line, D_TRACE_VOID,
				    "trace( ) may not be applied to a void expression");
		value_act(cc, n->args[0], -1);
	} else if (!strcmp(nm, "tracemem")) {
		int64_t sz;
		char b[128];

		if (n->nargs != 2)
			dt_cc_error(cc, n->line, D_TRACEMEM_ARGS,
				    "tracemem( ) prototype mismatch: %d args passed, 2 expected",
				    n->nargs);
		dt_cook(cc, n->args[0]);
		if (!dt_type_is_scalar(n->args[0]->type) &&
		    n->args[0]->type->kind != DT_T_ARRAY) {
			dt_type_name(n->args[0]->type, b, sizeof(b));
			dt_cc_error(cc, n->line, D_TRACEMEM_ADDR,
				    "tracemem( ) argument #1 is incompatible with prototype:\n\tprototype: pointer or integer\n\t argument: %s",
				    b);
		}
		sz = posconst(cc, n->args[1], D_TRACEMEM_SIZE,
			      "tracemem( ) argument #2 must be a non-zero positive integral constant expression");
		if (sz > 65536)
			dt_cc_error(cc, n->line, D_TRACEMEM_SIZE,
				    "tracemem( ) argument #2 is too large");
		a = add_act(cc, DTRACEACT_TRACEMEM, (uint32_t)sz, n->line);
		a->a.arg = (uint64_t)sz;
		a->difo[0] = dt_cg_expr(cc, n->args[0], DT_CG_VALUE);
		/* the DIFO returns the address (an integer) */
		a->difo[0]->rtype.kind = DIF_TYPE_CTF;
		a->difo[0]->rtype.flags = 0;
		a->difo[0]->rtype.size = 8;
		a->ndifo = 1;
		dt_type_vtype(cc, n->args[0]->type, &a->a.type);
	} else if (!strcmp(nm, "printf")) {
		act_printf(cc, n, DTRACEACT_PRINTF);
	} else if (!strcmp(nm, "system")) {
		destructive(cc);
		act_printf(cc, n, DTRACEACT_SYSTEM);
	} else if (!strcmp(nm, "printa")) {
		act_printa(cc, n);
	} else if (!strcmp(nm, "stack") || !strcmp(nm, "ustack")) {
		stack_act(cc, n, -1);
	} else if (!strcmp(nm, "exit")) {
		one_difo_act(cc, n, DTRACEACT_EXIT, 8, A_INT, "int");
		s->has_exit = 1;
		cc->prog->uses_exit = 1;
	} else if (!strcmp(nm, "setopt")) {
		int si;

		act_needs(cc, n, 1, 2);
		for (i = 0; i < n->nargs; i++) {
			dt_cook(cc, n->args[i]);
			if (n->args[i]->kind != N_STR)
				proto_arg_error(cc, n, i, "string constant");
		}
		si = dt_setopt_add(cc, n->args[0]->str,
				   n->nargs > 1 ? n->args[1]->str : NULL,
				   n->line);
		a = add_act(cc, DTRACEACT_SETOPT, 0, n->line);
		a->a.arg = si;
		a->a.setopt = si;
	} else if (!strcmp(nm, "speculate")) {
		one_difo_act(cc, n, DTRACEACT_SPECULATE, 0, A_INT, "int");
		cc->prog->uses_spec = 1;
	} else if (!strcmp(nm, "commit") || !strcmp(nm, "discard")) {
		int commit = nm[0] == 'c';

		one_difo_act(cc, n, commit ? DTRACEACT_COMMIT :
			     DTRACEACT_DISCARD, 0, A_INT, "int");
		cc->prog->uses_spec = 1;
	} else if (!strcmp(nm, "clear") || !strcmp(nm, "denormalize")) {
		int clr = nm[0] == 'c';
		struct dt_aggdef *g;

		if (n->nargs != 1)
			dt_cc_error(cc, n->line, clr ? D_CLEAR_PROTO :
				    D_NORMALIZE_PROTO,
				    "%s( ) prototype mismatch: %d args passed, 1 expected",
				    nm, n->nargs);
		g = agg_arg(cc, n, 0, clr ? D_CLEAR_AGGARG :
			    D_NORMALIZE_AGGARG, clr ? D_CLEAR_AGGBAD :
			    D_NORMALIZE_AGGBAD);
		a = add_act(cc, clr ? DTRACEACT_CLEAR : DTRACEACT_MARKER, 0,
			    n->line);
		a->a.aggid = g->id;
		if (!clr) {
			a->a.arg = DT_MARK_DENORMALIZE;
			a->a.arg2 = g->id;
		}
	} else if (!strcmp(nm, "normalize") || !strcmp(nm, "trunc")) {
		int norm = nm[0] == 'n';
		struct dt_aggdef *g;
		int mi;

		if (n->nargs < (norm ? 2 : 1) || n->nargs > 2)
			dt_cc_error(cc, n->line, norm ? D_NORMALIZE_PROTO :
				    D_TRUNC_PROTO,
				    "%s( ) prototype mismatch: %d args passed, %s%d expected",
				    nm, n->nargs, norm ? "" : "1 or ", 2);
		g = agg_arg(cc, n, 0, norm ? D_NORMALIZE_AGGARG :
			    D_TRUNC_AGGARG, norm ? D_NORMALIZE_AGGBAD :
			    D_TRUNC_AGGBAD);
		if (n->nargs == 2) {
			dt_cook(cc, n->args[1]);
			if (!dt_type_is_scalar(n->args[1]->type))
				dt_cc_error(cc, n->line, norm ?
					    D_NORMALIZE_SCALAR :
					    D_TRUNC_SCALAR,
					    "%s( ) argument #2 must be of scalar type",
					    nm);
		}
		if (norm) {
			a = add_act(cc, DTRACEACT_MARKER, 0, n->line);
			a->a.arg = DT_MARK_NORMALIZE;
			a->a.arg2 = g->id;
			a->a.aggid = g->id;
			a->a.nargs = 1;
			mi = s->nacts - 1;
			value_act(cc, n->args[1], mi);
		} else {
			struct dt_node zero;

			a = add_act(cc, DTRACEACT_TRUNC, 8, n->line);
			a->a.aggid = g->id;
			if (n->nargs == 2) {
				a->difo[0] = dt_cg_expr(cc, n->args[1],
							DT_CG_VALUE);
			} else {
				memset(&zero, 0, sizeof(zero));
				zero.kind = N_INT;
				zero.type = cc->t_int;
				zero.cooked = 1;
				zero.line = n->line;
				a->difo[0] = dt_cg_expr(cc, &zero,
							DT_CG_VALUE);
			}
			a->ndifo = 1;
			dt_type_vtype(cc, cc->t_int64, &a->a.type);
		}
	} else if (!strcmp(nm, "raise")) {
		destructive(cc);
		one_difo_act(cc, n, DTRACEACT_RAISE, 0, A_INT, "int");
	} else if (!strcmp(nm, "chill")) {
		destructive(cc);
		one_difo_act(cc, n, DTRACEACT_CHILL, 0, A_INT, "int");
	} else if (!strcmp(nm, "stop") || !strcmp(nm, "breakpoint") ||
		   !strcmp(nm, "panic")) {
		act_needs(cc, n, 0, 0);
		destructive(cc);
		add_act(cc, nm[0] == 's' ? DTRACEACT_STOP :
			nm[0] == 'b' ? DTRACEACT_BREAKPOINT : DTRACEACT_PANIC,
			0, n->line);
	} else if (!strcmp(nm, "print")) {
		act_needs(cc, n, 1, 1);
		dt_cook(cc, n->args[0]);
		if (n->args[0]->kind == N_AGG)
			dt_cc_error(cc, n->line, D_PRINT_AGG,
				    "print( ) may not be applied to an aggregation");
		if (n->args[0]->type->kind == DT_T_VOID)
			dt_cc_error(cc, n->line, D_PRINT_VOID,
				    "print( ) may not be applied to a void expression");
		a = value_act(cc, n->args[0], -1);
		a->a.print = 1;
		t = n->args[0]->type;
		if (t->kind == DT_T_STRUCT || t->kind == DT_T_UNION ||
		    t->is_enum) {
			int32_t id = dt_btf_dtype(cc, t);

			if (id > 0)
				a->a.btf_id = (uint32_t)id;
		}
	} else if (agg_func(nm)) {
		dt_cc_error(cc, n->line, D_AGG_FUNC,
			    "%s( ) may only be used as the value of an aggregation",
			    nm);
	} else {
		dt_cc_error(cc, n->line, D_UNKNOWN,
			    "tracing function %s( ) is not supported", nm);
	}
}

void dt_cg_stmt(struct dt_cc *cc, struct dt_node *n)
{
	int destr;
	struct dt_cact *a;
	char txt[256];

	cc->line = n->line;
	if (n->kind == N_CALL && (!strcmp(n->str, "func") ||
				  !strcmp(n->str, "sym") ||
				  !strcmp(n->str, "mod"))) {
		check_data(cc, n->line);
		value_act(cc, n, -1);
		return;
	}
	if (n->kind == N_CALL && is_action(n->str)) {
		cg_action(cc, n);
		return;
	}
	if (n->kind == N_ASSIGN && n->l->kind == N_AGG) {
		cg_aggregate(cc, n);
		return;
	}
	if (n->kind == N_AGG)
		dt_cc_error(cc, n->line, D_AGG_NULL,
			    "expression has null effect: %s", n->str);
	destr = cc->prog->destructive;
	cc->prog->destructive = 0;
	dt_cook(cc, n);
	/* a destructive subroutine makes the statement destructive */
	order_check(cc, cc->prog->destructive ? DT_ORD_DESTR : DT_ORD_VOID,
		    n->line);
	cc->prog->destructive |= destr;
	a = add_act(cc, DTRACEACT_DIFEXPR, 0, n->line);
	a->difo[0] = dt_cg_expr(cc, n, DT_CG_VOID);
	a->ndifo = 1;
	dt_type_vtype(cc, NULL, &a->a.type);
	dt_node_text(n, txt, sizeof(txt));
	a->a.text = dt_strdup(cc, txt);
}
