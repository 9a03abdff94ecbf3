// SPDX-License-Identifier: GPL-2.0
/*
 * dt_type.c - the D type system of the compiler: built-in integer types
 * (char is 8 bits, short 16, int 32, long and long long 64), string,
 * pointers, arrays, structs, unions, enums and typedefs declared in D
 * (the kernel's, from BTF, are made by dt_btf.c and have btf_id set: a
 * tag lookup here finds D's own only, so D may declare a struct whose tag
 * the kernel also uses);
 * C's integer promotions and usual arithmetic conversions.
 */
#include <stdlib.h>
#include <string.h>

#include "dt_cc.h"

struct dt_type *dt_type_new(struct dt_cc *cc, int kind, uint32_t size,
			    const char *name)
{
	struct dt_type *t = dt_zalloc(cc, sizeof(*t));

	t->kind = kind;
	t->size = size;
	t->align = size ? (size > 8 ? 8 : size) : 1;
	t->complete = 1;
	t->name = name ? dt_strdup(cc, name) : NULL;
	t->next = cc->types;
	cc->types = t;
	return t;
}

int dt_type_typedef(struct dt_cc *cc, const char *name, struct dt_type *t)
{
	struct dt_typedef *td;

	for (td = cc->typedefs; td; td = td->next)
		if (!strcmp(td->name, name))
			return td->type == t ? 0 : -1;
	td = dt_zalloc(cc, sizeof(*td));
	td->name = dt_strdup(cc, name);
	td->type = t;
	td->next = cc->typedefs;
	cc->typedefs = td;
	return 0;
}

static struct dt_type *mkint(struct dt_cc *cc, const char *name,
			     uint32_t size, int sgn)
{
	struct dt_type *t = dt_type_new(cc, DT_T_INT, size, name);

	t->is_signed = sgn;
	dt_type_typedef(cc, name, t);
	return t;
}

/*
 * D declares floating-point types (the sizes are x86-64's: long double is
 * 16 bytes) but has no floating-point arithmetic: they are neither
 * integral nor arithmetic nor scalar, as in DTrace.
 */
static void mkfloat(struct dt_cc *cc, const char *name, uint32_t size)
{
	struct dt_type *t = dt_type_new(cc, DT_T_FLOAT, size, name);

	t->align = size;
	dt_type_typedef(cc, name, t);
}

static void alias(struct dt_cc *cc, const char *name, struct dt_type *t)
{
	dt_type_typedef(cc, name, t);
}

void dt_type_init(struct dt_cc *cc)
{
	cc->t_void = dt_type_new(cc, DT_T_VOID, 0, "void");
	alias(cc, "void", cc->t_void);
	cc->t_char = mkint(cc, "char", 1, 1);
	alias(cc, "signed char", cc->t_char);
	cc->t_uchar = mkint(cc, "unsigned char", 1, 0);
	cc->t_short = mkint(cc, "short", 2, 1);
	alias(cc, "signed short", cc->t_short);
	cc->t_ushort = mkint(cc, "unsigned short", 2, 0);
	cc->t_int = mkint(cc, "int", 4, 1);
	alias(cc, "signed int", cc->t_int);
	alias(cc, "signed", cc->t_int);
	cc->t_uint = mkint(cc, "unsigned int", 4, 0);
	alias(cc, "unsigned", cc->t_uint);
	cc->t_long = mkint(cc, "long", 8, 1);
	alias(cc, "signed long", cc->t_long);
	cc->t_ulong = mkint(cc, "unsigned long", 8, 0);
	cc->t_llong = mkint(cc, "long long", 8, 1);
	alias(cc, "signed long long", cc->t_llong);
	cc->t_ullong = mkint(cc, "unsigned long long", 8, 0);
	cc->t_int32 = mkint(cc, "int32_t", 4, 1);
	cc->t_uint32 = mkint(cc, "uint32_t", 4, 0);
	cc->t_int64 = mkint(cc, "int64_t", 8, 1);
	cc->t_uint64 = mkint(cc, "uint64_t", 8, 0);
	mkint(cc, "int8_t", 1, 1);
	mkint(cc, "uint8_t", 1, 0);
	mkint(cc, "int16_t", 2, 1);
	mkint(cc, "uint16_t", 2, 0);
	mkint(cc, "intptr_t", 8, 1);
	mkint(cc, "uintptr_t", 8, 0);
	mkint(cc, "size_t", 8, 0);
	mkint(cc, "ssize_t", 8, 1);
	mkint(cc, "off_t", 8, 1);
	mkint(cc, "pid_t", 4, 1);
	mkint(cc, "uid_t", 4, 0);
	mkint(cc, "gid_t", 4, 0);
	mkint(cc, "id_t", 4, 1);
	mkint(cc, "uint_t", 4, 0);
	mkint(cc, "uchar_t", 1, 0);
	mkint(cc, "ushort_t", 2, 0);
	mkint(cc, "ulong_t", 8, 0);
	mkint(cc, "u_longlong_t", 8, 0);
	mkint(cc, "longlong_t", 8, 1);
	mkint(cc, "hrtime_t", 8, 1);
	mkint(cc, "processorid_t", 4, 1);
	mkint(cc, "ipaddr_t", 4, 0);
	mkint(cc, "dev_t", 4, 0);
	mkint(cc, "mode_t", 4, 0);
	mkint(cc, "time_t", 8, 1);
	mkint(cc, "caddr_t", 8, 0);
	mkint(cc, "_Bool", 1, 0);
	mkint(cc, "bool", 1, 0);
	mkfloat(cc, "float", 4);
	mkfloat(cc, "double", 8);
	mkfloat(cc, "long double", 16);
	cc->t_string = dt_type_new(cc, DT_T_STRING, cc->strsize, "string");
	alias(cc, "string", cc->t_string);
	cc->t_voidp = dt_type_ptr(cc, cc->t_void);
	cc->t_stack = dt_type_new(cc, DT_T_VOID, 0, "stack");
	cc->t_func = dt_type_new(cc, DT_T_INT, 8, "func");
	cc->t_func->symkind = DT_VK_SYM;
	cc->t_sym = dt_type_new(cc, DT_T_INT, 8, "sym");
	cc->t_sym->symkind = DT_VK_SYM;
	cc->t_mod = dt_type_new(cc, DT_T_INT, 8, "mod");
	cc->t_mod->symkind = DT_VK_MOD;
	cc->t_charp = dt_type_ptr(cc, cc->t_char);
}

struct dt_type *dt_type_lookup(struct dt_cc *cc, const char *name)
{
	struct dt_typedef *td;

	for (td = cc->typedefs; td; td = td->next)
		if (!strcmp(td->name, name))
			return td->type;
	return NULL;
}

struct dt_type *dt_type_int(struct dt_cc *cc, uint32_t size, int sgn)
{
	switch (size) {
	case 1:
		return sgn ? cc->t_char : cc->t_uchar;
	case 2:
		return sgn ? cc->t_short : cc->t_ushort;
	case 4:
		return sgn ? cc->t_int : cc->t_uint;
	default:
		return sgn ? cc->t_long : cc->t_ulong;
	}
}

struct dt_type *dt_type_ptr(struct dt_cc *cc, struct dt_type *base)
{
	struct dt_type *t;

	for (t = cc->types; t; t = t->next)
		if (t->kind == DT_T_PTR && t->base == base && !t->name)
			return t;
	t = dt_type_new(cc, DT_T_PTR, 8, NULL);
	t->base = base;
	return t;
}

/*
 * A pointer to base as the program spelled it through a typedef of base
 * (psinfo_t * for struct psinfo *): the same pointer to the compiler (its
 * base is base; pointers compare by their bases), named as DTrace names
 * it in messages (ctf_type_name() keeps the typedef).
 */
struct dt_type *dt_type_ptr_named(struct dt_cc *cc, struct dt_type *base,
				  const char *tdname)
{
	struct dt_type *t;
	char name[300];

	if (!tdname)
		return dt_type_ptr(cc, base);
	snprintf(name, sizeof(name), "%s *", tdname);
	for (t = cc->types; t; t = t->next)
		if (t->kind == DT_T_PTR && t->base == base && t->name &&
		    !strcmp(t->name, name))
			return t;
	t = dt_type_new(cc, DT_T_PTR, 8, name);
	t->base = base;
	return t;
}

struct dt_type *dt_type_array(struct dt_cc *cc, struct dt_type *base,
			      uint32_t n)
{
	struct dt_type *t;

	for (t = cc->types; t; t = t->next)
		if (t->kind == DT_T_ARRAY && t->base == base && t->nelems == n)
			return t;
	t = dt_type_new(cc, DT_T_ARRAY, base->size * n, NULL);
	t->base = base;
	t->nelems = n;
	t->align = base->align;
	return t;
}

struct dt_type *dt_type_sou(struct dt_cc *cc, int kind, const char *tag,
			    int create)
{
	struct dt_type *t;
	char name[300];

	if (tag) {
		for (t = cc->types; t; t = t->next)
			if (t->kind == kind && t->tag && !t->btf_id &&
			    !strcmp(t->tag, tag))
				return t;
	}
	if (!create)
		return NULL;
	snprintf(name, sizeof(name), "%s %s",
		 kind == DT_T_STRUCT ? "struct" : "union", tag ? tag : "");
	t = dt_type_new(cc, kind, 0, name);
	t->tag = tag ? dt_strdup(cc, tag) : NULL;
	t->complete = 0;
	t->align = 1;
	return t;
}

struct dt_type *dt_type_enum(struct dt_cc *cc, const char *tag, int create)
{
	struct dt_type *t;
	char name[300];

	if (tag) {
		for (t = cc->types; t; t = t->next)
			if (t->is_enum && t->tag && !t->btf_id &&
			    !strcmp(t->tag, tag))
				return t;
	}
	if (!create)
		return NULL;
	snprintf(name, sizeof(name), "enum %s", tag ? tag : "");
	t = dt_type_new(cc, DT_T_INT, 4, name);
	t->is_signed = 1;
	t->is_enum = 1;
	t->complete = 0;
	t->tag = tag ? dt_strdup(cc, tag) : NULL;
	return t;
}

int dt_enum_lookup(struct dt_cc *cc, const char *name, int64_t *val,
		   struct dt_type **type)
{
	struct dt_type *t;
	struct dt_enumer *e;

	for (t = cc->types; t; t = t->next) {
		if (!t->is_enum)
			continue;
		for (e = t->enums; e; e = e->next) {
			if (!strcmp(e->name, name)) {
				*val = e->value;
				*type = t;
				return 1;
			}
		}
	}
	return 0;
}

/* The one function type (C's function types all look alike to D). */
struct dt_type *dt_type_func(struct dt_cc *cc)
{
	if (!cc->t_fn)
		cc->t_fn = dt_type_new(cc, DT_T_FUNC, 0, "function");
	return cc->t_fn;
}

struct dt_member *dt_type_member(struct dt_cc *cc, struct dt_type *sou,
				 const char *name)
{
	struct dt_member *m;

	if (sou->btf_lazy)
		dt_btf_members(cc, sou);
	for (m = sou->members; m; m = m->next)
		if (m->name && !strcmp(m->name, name))
			return m;
	return NULL;
}

int dt_type_is_integral(const struct dt_type *t)
{
	return t && t->kind == DT_T_INT;
}

int dt_type_is_arith(const struct dt_type *t)
{
	return dt_type_is_integral(t);
}

int dt_type_is_scalar(const struct dt_type *t)
{
	return t && (t->kind == DT_T_INT || t->kind == DT_T_PTR);
}

int dt_type_is_string(const struct dt_type *t)
{
	return t && t->kind == DT_T_STRING;
}

int dt_type_is_chararray(const struct dt_type *t)
{
	return t && t->kind == DT_T_ARRAY && t->base->kind == DT_T_INT &&
	       t->base->size == 1;
}

int dt_type_is_strlike(const struct dt_type *t)
{
	if (!t)
		return 0;
	if (t->kind == DT_T_STRING || dt_type_is_chararray(t))
		return 1;
	return t->kind == DT_T_PTR && t->base->kind == DT_T_INT &&
	       t->base->size == 1;
}

int dt_type_is_byref(const struct dt_type *t)
{
	return t && (t->kind == DT_T_STRING || t->kind == DT_T_STRUCT ||
		     t->kind == DT_T_UNION || t->kind == DT_T_ARRAY);
}

/* Assignment / comparison compatibility (C's rules, loosely). */
int dt_type_compat(const struct dt_type *a, const struct dt_type *b)
{
	if (a == b)
		return 1;
	if (a->kind == DT_T_INT && b->kind == DT_T_INT)
		return 1;
	if (a->kind == DT_T_STRING || b->kind == DT_T_STRING)
		return dt_type_is_strlike(a) && dt_type_is_strlike(b);
	if (a->kind == DT_T_PTR && b->kind == DT_T_PTR) {
		if (a->base->kind == DT_T_VOID || b->base->kind == DT_T_VOID)
			return 1;
		return dt_type_compat(a->base, b->base) &&
		       a->base->kind == b->base->kind &&
		       a->base->size == b->base->size;
	}
	if ((a->kind == DT_T_PTR && b->kind == DT_T_ARRAY) ||
	    (a->kind == DT_T_ARRAY && b->kind == DT_T_PTR))
		return 1;
	if ((a->kind == DT_T_STRUCT || a->kind == DT_T_UNION) &&
	    a->kind == b->kind)
		return a->tag && b->tag && !strcmp(a->tag, b->tag);
	return 0;
}

void dt_type_name(const struct dt_type *t, char *buf, size_t len)
{
	char sub[256];

	if (!t) {
		snprintf(buf, len, "<unknown>");
		return;
	}
	switch (t->kind) {
	case DT_T_PTR:
		if (t->name) {
			snprintf(buf, len, "%s", t->name);
			return;
		}
		if (t->base->kind == DT_T_FUNC) {
			snprintf(buf, len, "void (*)()");
			return;
		}
		dt_type_name(t->base, sub, sizeof(sub));
		snprintf(buf, len, "%s *", sub);
		return;
	case DT_T_ARRAY:
		dt_type_name(t->base, sub, sizeof(sub));
		snprintf(buf, len, "%s [%u]", sub, t->nelems);
		return;
	default:
		snprintf(buf, len, "%s", t->name ? t->name : "?");
	}
}

/* C integer promotion: smaller than int -> int. */
struct dt_type *dt_type_promote(struct dt_cc *cc, struct dt_type *t)
{
	if (t->kind == DT_T_INT && t->size < 4)
		return cc->t_int;
	if (t->is_enum)
		return cc->t_int;
	return t;
}

/* Usual arithmetic conversions. */
struct dt_type *dt_type_arith(struct dt_cc *cc, struct dt_type *a,
			      struct dt_type *b)
{
	a = dt_type_promote(cc, a);
	b = dt_type_promote(cc, b);
	if (a->size == b->size) {
		if (a->is_signed == b->is_signed)
			return a->size == 8 ? (a->is_signed ? cc->t_long :
					      cc->t_ulong) : a;
		return dt_type_int(cc, a->size, 0);
	}
	if (a->size > b->size)
		return dt_type_int(cc, a->size, a->is_signed);
	return dt_type_int(cc, b->size, b->is_signed);
}

struct dt_type *dt_type_stack(struct dt_cc *cc, int user, uint32_t size)
{
	struct dt_type *t = dt_type_new(cc, DT_T_VOID, size, "stack");

	t->align = 8;
	t->symkind = user ? DT_VK_USTACK : DT_VK_STACK;
	return t;
}

void dt_type_vtype(struct dt_cc *cc, const struct dt_type *t,
		   struct dt_vtype *vt)
{
	memset(vt, 0, sizeof(*vt));
	if (!t) {
		vt->kind = DT_VK_VOID;
		snprintf(vt->name, sizeof(vt->name), "void");
		return;
	}
	dt_type_name(t, vt->name, sizeof(vt->name));
	switch (t->kind) {
	case DT_T_INT:
		vt->kind = t->symkind ? t->symkind : DT_VK_INT;
		vt->size = t->size;
		vt->is_signed = t->is_signed;
		vt->recsize = 8;
		break;
	case DT_T_PTR:
		vt->kind = DT_VK_PTR;
		vt->size = 8;
		vt->recsize = 8;
		break;
	case DT_T_STRING:
		vt->kind = DT_VK_STRING;
		vt->size = cc->strsize;
		vt->recsize = (cc->strsize + 7) & ~7u;
		break;
	case DT_T_ARRAY:
		vt->kind = dt_type_is_chararray(t) ? DT_VK_CHARARRAY :
			   DT_VK_BYTES;
		vt->size = t->size;
		vt->recsize = (t->size + 7) & ~7u;
		break;
	case DT_T_STRUCT:
	case DT_T_UNION:
		vt->kind = DT_VK_BYTES;
		vt->size = t->size;
		vt->recsize = (t->size + 7) & ~7u;
		break;
	case DT_T_VOID:
		if (t->symkind == DT_VK_STACK || t->symkind == DT_VK_USTACK) {
			vt->kind = t->symkind;
			vt->size = t->size;
			vt->recsize = t->size;
			break;
		}
		vt->kind = DT_VK_VOID;
		break;
	default:
		vt->kind = DT_VK_VOID;
		break;
	}
}
