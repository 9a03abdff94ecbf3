// SPDX-License-Identifier: GPL-2.0
/*
 * dt_xlate.c - D translators: lookup, checking, and the member-by-member
 * translation of xlate < T > (x).m and xlate < T * > (x)->m.
 *
 * A translator keeps each member's expression as parsed.  A use of member
 * m cooks a fresh copy of m's expression with the translator's parameter
 * bound to the input x (cook_var() in dt_parse.c substitutes it), converts
 * it to the member's type, and puts it in place of the member reference:
 * the code generator never sees a translation, only ordinary expressions,
 * and members that are not used cost nothing.
 *
 * A member of struct type may be translated member by member, as in
 * procfs.d's "pr_start.tv_sec = ...; pr_start.tv_nsec = ...;" (the kernel
 * has no struct of that type to assign whole).  Such a translator member's
 * name is the path; xlate(x)->pr_start.tv_sec uses the one expression,
 * and xlate(x)->pr_start alone becomes a translation of its own: an
 * N_XLATE node whose str is the path prefix and ival the struct's offset
 * in the output type, built in scratch by the code generator like a whole
 * translation.
 */
#include <string.h>

#include "dt_cc.h"

/* ----------------------------------------------------------------------
 * Expression trees
 * ---------------------------------------------------------------------- */

/* A deep copy of an expression tree (types are shared). */
struct dt_node *dt_node_clone(struct dt_cc *cc, const struct dt_node *n)
{
	struct dt_node *c;
	int i;

	if (!n)
		return NULL;
	c = dt_zalloc(cc, sizeof(*c));
	*c = *n;
	c->l = dt_node_clone(cc, n->l);
	c->r = dt_node_clone(cc, n->r);
	c->c = dt_node_clone(cc, n->c);
	if (n->nargs) {
		c->args = dt_zalloc(cc, n->nargs * sizeof(*c->args));
		for (i = 0; i < n->nargs; i++)
			c->args[i] = dt_node_clone(cc, n->args[i]);
	}
	return c;
}

/* ----------------------------------------------------------------------
 * Translators
 * ---------------------------------------------------------------------- */

static int same_type(const struct dt_type *a, const struct dt_type *b)
{
	char x[256], y[256];

	if (a == b)
		return 1;
	if (a->kind != b->kind)
		return 0;
	if (a->kind == DT_T_PTR || a->kind == DT_T_ARRAY)
		return a->nelems == b->nelems && same_type(a->base, b->base);
	dt_type_name(a, x, sizeof(x));
	dt_type_name(b, y, sizeof(y));
	return !strcmp(x, y) && a->size == b->size;
}

/*
 * The translator to 'to' from 'from': with exact set, one declared with
 * these very types (a redeclaration); else, failing that, one whose input
 * type 'from' may be assigned to (DTrace's fuzzy lookup).
 */
struct dt_xlator *dt_xlator_lookup(struct dt_cc *cc, struct dt_type *to,
				   struct dt_type *from, int exact)
{
	struct dt_xlator *xl;

	for (xl = cc->xlators; xl; xl = xl->next)
		if (same_type(xl->to, to) && same_type(xl->from, from))
			return xl;
	if (exact)
		return NULL;
	for (xl = cc->xlators; xl; xl = xl->next)
		if (same_type(xl->to, to) && dt_type_compat(xl->from, from))
			return xl;
	return NULL;
}

/* May a value of type f be a member of type t? (DTrace's argcompat) */
static int member_compat(const struct dt_type *t, const struct dt_type *f)
{
	if (t->kind == DT_T_ARRAY && f->kind == DT_T_ARRAY)
		return t->nelems == f->nelems &&
		       dt_type_compat(t->base, f->base);
	if (t->kind == DT_T_ARRAY || f->kind == DT_T_ARRAY)
		return dt_type_is_chararray(t) && dt_type_is_strlike(f);
	return dt_type_compat(t, f);
}

/* Cook a copy of member xm's expression with the parameter bound to in. */
struct dt_node *dt_xlate_expr(struct dt_cc *cc, struct dt_xlator *xl,
			      struct dt_xlmemb *xm, struct dt_node *in)
{
	const char *sp = cc->xl_param;
	struct dt_node *sb = cc->xl_bind, *e;

	e = dt_node_clone(cc, xm->expr);
	cc->xl_param = xl->param;
	cc->xl_bind = in;
	dt_cook(cc, e);
	cc->xl_param = sp;
	cc->xl_bind = sb;
	return e;
}

/*
 * The member of 'to' that path "a.b.c" names, as a member of 'to' itself
 * (offset from the start of 'to'), or NULL.
 */
static struct dt_member *path_member(struct dt_cc *cc, struct dt_type *to,
				     const char *path)
{
	struct dt_member *m, *mm;
	uint32_t off = 0;
	const char *p, *dot;

	for (p = path;; p = dot + 1) {
		dot = strchr(p, '.');
		if (to->kind != DT_T_STRUCT && to->kind != DT_T_UNION)
			return NULL;
		m = dt_type_member(cc, to, dot ? dt_strndup(cc, p, dot - p) : p);
		if (!m || !dot)
			break;
		if (m->bits)
			return NULL;
		off += m->off;
		to = m->type;
	}
	if (!m || p == path)
		return m;
	mm = dt_zalloc(cc, sizeof(*mm));
	*mm = *m;
	mm->off += off;
	mm->next = NULL;
	return mm;
}

/* Is translator member name a part of member path pre ("pre.x...")? */
int dt_xlate_is_part(const char *name, const char *pre)
{
	size_t len = strlen(pre);

	return !strncmp(name, pre, len) && name[len] == '.';
}

/* A translator's members, checked when it is declared (dt_cook_xlator). */
void dt_xlator_check(struct dt_cc *cc, struct dt_xlator *xl)
{
	struct dt_node *param = dt_node_new(cc, N_XPARAM, xl->line);
	struct dt_xlmemb *xm;
	char a[256], b[256];

	param->type = xl->from;
	param->str = xl->param;
	param->cooked = 1;
	/* errors at the declaration's end, where DTrace cooks the members */
	for (xm = xl->members; xm; xm = xm->next) {
		struct dt_node *e;

		xm->m = path_member(cc, xl->to, xm->name);
		if (!xm->m) {
			dt_type_name(xl->to, a, sizeof(a));
			dt_cc_error(cc, xl->line, D_XLATE_MEMB,
				    "translator member %s is not a member of %s",
				    xm->name, a);
		}
		e = dt_xlate_expr(cc, xl, xm, param);
		if (!member_compat(xm->m->type, e->type)) {
			dt_type_name(xm->m->type, a, sizeof(a));
			dt_type_name(e->type, b, sizeof(b));
			dt_cc_error(cc, xl->line, D_XLATE_INCOMPAT,
				    "translator member %s definition uses incompatible types: \"%s\" = \"%s\"",
				    xm->name, a, b);
		}
	}
}

/*
 * The translation an operand of '.' (op OP_DOT) or '->' (OP_ARROW) is, or
 * NULL: xlate<T>(x) for '.', xlate<T *>(x) for '->' and '*xlate<T *>(x)'
 * for '.', seen through the casts an inline puts around its value.
 */
static struct dt_node *strip(struct dt_node *n)
{
	while (n->kind == N_CAST && n->l && n->l->type == n->type)
		n = n->l;
	return n;
}

struct dt_node *dt_xlate_source(struct dt_node *n, int op)
{
	n = strip(n);
	if (op == OP_DOT && n->kind == N_OP1 && n->op == OP_DEREF) {
		n = strip(n->l);
		if (n->kind == N_XLATE && n->type->kind == DT_T_PTR)
			return n;
		return NULL;
	}
	if (n->kind != N_XLATE)
		return NULL;
	if ((op == OP_ARROW) == (n->type->kind == DT_T_PTR))
		return n;
	return NULL;
}

/* Turn member reference n of translation x into the member's value. */
void dt_xlate_member(struct dt_cc *cc, struct dt_node *n, struct dt_node *x)
{
	struct dt_xlator *xl = x->xl;
	struct dt_xlmemb *xm;
	struct dt_node *e, *c;
	struct dt_type *mt;
	int line = n->line;
	const char *name = n->str;

	if (x->str) {	/* a member of a member translated by parts */
		char *p = dt_zalloc(cc, strlen(x->str) + strlen(n->str) + 2);

		sprintf(p, "%s.%s", x->str, n->str);
		name = p;
	}
	for (xm = xl->members; xm; xm = xm->next)
		if (!strcmp(xm->name, name))
			break;
	if (!xm) {
		struct dt_member *m = path_member(cc, xl->to, name);

		for (xm = xl->members; xm; xm = xm->next)
			if (dt_xlate_is_part(xm->name, name))
				break;
		if (xm && m && (m->type->kind == DT_T_STRUCT ||
				m->type->kind == DT_T_UNION)) {
			/* the struct member as a translation of its own */
			n->kind = N_XLATE;
			n->xl = xl;
			n->r = x->r;
			n->l = x->l;
			n->str = (char *)name;
			n->ival = m->off;
			n->type = m->type;
			n->lvalue = 0;
			n->member = NULL;
			n->cooked = 1;
			return;
		}
		dt_cc_error(cc, line, D_XLATE_NOCONV,
			    "translator does not define conversion for member: %s",
			    name);
	}
	e = dt_xlate_expr(cc, xl, xm, x->r);
	mt = xm->m->type;
	if (dt_type_is_scalar(mt) && e->type != mt) {
		c = dt_node_new(cc, N_CAST, line);
		c->ctype = mt;
		c->type = mt;
		c->l = e;
		c->cooked = 1;
		c->src_start = n->src_start;
		c->src_end = n->src_end;
		if (e->kind == N_INT && mt->kind == DT_T_INT) {
			/* a constant member stays a constant */
			c->kind = N_INT;
			c->ival = e->ival;
			c->isconst = 1;
			c->l = NULL;
		}
		e = c;
	}
	*n = *e;
	n->line = line;
	n->lvalue = 0;
	n->member = NULL;
}

/* ----------------------------------------------------------------------
 * Library declarations parsed on first use
 * ---------------------------------------------------------------------- */

/* Parse the library translators to 'to' not parsed yet (for an xlate). */
void dt_lazy_xlators(struct dt_cc *cc, struct dt_type *to)
{
	struct dt_lazy *lz;

	for (lz = cc->lazy; lz; lz = lz->next)
		if (lz->kind == DT_LAZY_XLATOR && !lz->done &&
		    same_type(dt_parse_lazy(cc, lz, 1), to))
			dt_parse_lazy(cc, lz, 0);
}

/* Parse the library inline 'name' if there is one; 1 if it was parsed. */
int dt_lazy_inline(struct dt_cc *cc, const char *name)
{
	struct dt_lazy *lz;

	for (lz = cc->lazy; lz; lz = lz->next)
		if (lz->kind == DT_LAZY_INLINE && !lz->done &&
		    !strcmp(lz->name, name)) {
			dt_parse_lazy(cc, lz, 0);
			return 1;
		}
	return 0;
}
