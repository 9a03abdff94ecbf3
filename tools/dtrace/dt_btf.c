// SPDX-License-Identifier: GPL-2.0
/*
 * dt_btf.c - kernel types for D from the kernel's BTF.
 *
 * The kernel publishes its types as BTF in /sys/kernel/btf/vmlinux (and
 * /sys/kernel/btf/MODULE for modules).  The file is read with libbpf the
 * first time a D program names something D itself does not know (a struct,
 * union or enum tag, a typedef, an enumerator) or uses curthread, never
 * before: a program that uses no kernel type does not read it.  Only the
 * types a program names or reaches become D types (struct dt_type), and a
 * struct's or union's members are converted only when a member, offsetof
 * or a print of it needs them, so naming struct task_struct converts one
 * struct and the types of its members, not the types those point to.
 *
 * The file is read by dt_kbtf.c; DTRACE_BTF_DIR names another directory
 * to read vmlinux from (tests point it at an empty directory for the
 * missing-BTF errors).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "dt_cc.h"
#include "dt_kbtf.h"

/* vmlinux's types, and those of the modules read since (dt_kbtf.c) */
#define dt_btf_vmlinux	dt_kbtf_all()

static struct btf *dt_btf_load(void)
{
	return dt_kbtf();
}

int dt_btf_available(void)
{
	return dt_kbtf() != NULL;
}

const char *dt_btf_error(void)
{
	return dt_kbtf_error();
}

/* ----------------------------------------------------------------------
 * Conversion of BTF types into D types
 * ---------------------------------------------------------------------- */
static struct dt_type *dt_btf_conv(struct dt_cc *cc, uint32_t id);

static struct dt_type **dt_btf_slot(struct dt_cc *cc, uint32_t id)
{
	if (id >= cc->btf_ntypes) {
		/* first use, or modules' types appended since */
		uint32_t n = btf__type_cnt(dt_btf_vmlinux);
		struct dt_type **c;

		if (id >= n)
			dt_cc_error(cc, cc->line, D_UNKNOWN,
				    "BTF type id %u is out of range", id);
		c = dt_zalloc(cc, n * sizeof(*c));
		if (cc->btf_cache)
			memcpy(c, cc->btf_cache,
			       cc->btf_ntypes * sizeof(*c));
		cc->btf_cache = c;
		cc->btf_ntypes = n;
	}
	return &cc->btf_cache[id];
}

/* A struct or union: its members are filled in by dt_btf_members(). */
static struct dt_type *dt_btf_sou_new(struct dt_cc *cc, uint32_t id,
				      const struct btf_type *bt)
{
	const char *tag = btf__name_by_offset(dt_btf_vmlinux, bt->name_off);
	int kind = btf_is_union(bt) ? DT_T_UNION : DT_T_STRUCT;
	char name[300];
	struct dt_type *t;

	snprintf(name, sizeof(name), "%s %s",
		 kind == DT_T_STRUCT ? "struct" : "union",
		 tag && *tag ? tag : "(anon)");
	t = dt_type_new(cc, kind, bt->size, name);
	t->tag = tag && *tag ? dt_strdup(cc, tag) : NULL;
	t->btf_id = id;
	t->btf_lazy = 1;
	t->align = 1;
	return t;
}

static struct dt_type *dt_btf_enum_new(struct dt_cc *cc, uint32_t id,
				       const struct btf_type *bt)
{
	const char *tag = btf__name_by_offset(dt_btf_vmlinux, bt->name_off);
	struct dt_enumer *last = NULL;
	char name[300];
	struct dt_type *t;
	int i, n = btf_vlen(bt);

	snprintf(name, sizeof(name), "enum %s", tag && *tag ? tag : "(anon)");
	t = dt_type_new(cc, DT_T_INT, bt->size ? bt->size : 4, name);
	t->is_enum = 1;
	t->is_signed = btf_kflag(bt);
	t->tag = tag && *tag ? dt_strdup(cc, tag) : NULL;
	t->btf_id = id;
	for (i = 0; i < n; i++) {
		struct dt_enumer *e = dt_zalloc(cc, sizeof(*e));
		const char *en;

		if (btf_is_enum(bt)) {
			const struct btf_enum *v = btf_enum(bt) + i;

			en = btf__name_by_offset(dt_btf_vmlinux, v->name_off);
			e->value = t->is_signed ? (int64_t)v->val :
				   (int64_t)(uint32_t)v->val;
		} else {
			const struct btf_enum64 *v = btf_enum64(bt) + i;

			en = btf__name_by_offset(dt_btf_vmlinux, v->name_off);
			e->value = (int64_t)btf_enum64_value(v);
		}
		e->name = dt_strdup(cc, en ? en : "");
		if (last)
			last->next = e;
		else
			t->enums = e;
		last = e;
	}
	return t;
}

static struct dt_type *dt_btf_int(struct dt_cc *cc, const struct btf_type *bt)
{
	uint32_t enc = btf_int_encoding(bt);
	const char *name = btf__name_by_offset(dt_btf_vmlinux, bt->name_off);

	if (enc & BTF_INT_BOOL)
		return dt_type_lookup(cc, "_Bool");
	if (bt->size == 1 && name && !strcmp(name, "char"))
		return cc->t_char;
	if (bt->size > 8)	/* __int128: an opaque 16-byte object */
		return dt_type_array(cc, cc->t_uchar, bt->size);
	return dt_type_int(cc, bt->size, !!(enc & BTF_INT_SIGNED));
}

static struct dt_type *dt_btf_conv1(struct dt_cc *cc, uint32_t id)
{
	const struct btf_type *bt = btf__type_by_id(dt_btf_vmlinux, id);
	const struct btf_array *arr;
	struct dt_type *t;
	const char *name;
	char fwd[300];
	int32_t full;

	if (!bt)
		dt_cc_error(cc, cc->line, D_UNKNOWN,
			    "BTF type id %u is not defined", id);
	switch (btf_kind(bt)) {
	case BTF_KIND_INT:
		return dt_btf_int(cc, bt);
	case BTF_KIND_PTR:
		return dt_type_ptr(cc, dt_btf_conv(cc, bt->type));
	case BTF_KIND_ARRAY:
		arr = btf_array(bt);
		return dt_type_array(cc, dt_btf_conv(cc, arr->type),
				     arr->nelems);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return dt_btf_sou_new(cc, id, bt);
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		return dt_btf_enum_new(cc, id, bt);
	case BTF_KIND_FWD:
		/* a forward declaration: use the definition if there is one */
		name = btf__name_by_offset(dt_btf_vmlinux, bt->name_off);
		full = btf__find_by_name_kind(dt_btf_vmlinux, name,
					      btf_kflag(bt) ? BTF_KIND_UNION :
					      BTF_KIND_STRUCT);
		if (full > 0)
			return dt_btf_conv(cc, (uint32_t)full);
		snprintf(fwd, sizeof(fwd), "%s %s",
			 btf_kflag(bt) ? "union" : "struct", name);
		t = dt_type_new(cc, btf_kflag(bt) ? DT_T_UNION : DT_T_STRUCT,
				0, fwd);
		t->tag = dt_strdup(cc, name);
		t->complete = 0;
		t->btf_id = id;
		return t;
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		return dt_btf_conv(cc, bt->type);
	case BTF_KIND_FUNC_PROTO:
	case BTF_KIND_FUNC:
		return dt_type_func(cc);
	case BTF_KIND_FLOAT:
		name = btf__name_by_offset(dt_btf_vmlinux, bt->name_off);
		t = dt_type_new(cc, DT_T_VOID, bt->size, name);
		t->align = bt->size > 8 ? 8 : bt->size;
		return t;
	default:
		return cc->t_void;
	}
}

static struct dt_type *dt_btf_conv(struct dt_cc *cc, uint32_t id)
{
	struct dt_type **slot;

	if (id == 0)
		return cc->t_void;
	slot = dt_btf_slot(cc, id);
	if (!*slot)
		*slot = dt_btf_conv1(cc, id);
	return *slot;
}

/*
 * Members of a struct or union, converted on first use.  Members of
 * anonymous structs and unions inside it are members of it (as in C), at
 * their offsets within it.  A bit-field is read from the smallest naturally
 * aligned unit of 1, 2, 4 or 8 bytes that holds all of its bits.
 */
static void dt_btf_add_members(struct dt_cc *cc, struct dt_type *sou,
			       const struct btf_type *bt, uint32_t bitbase,
			       struct dt_member **lastp)
{
	const struct btf_member *bm = btf_members(bt);
	int i, n = btf_vlen(bt);

	for (i = 0; i < n; i++, bm++) {
		const char *mn = btf__name_by_offset(dt_btf_vmlinux,
						     bm->name_off);
		uint32_t boff = bitbase + btf_member_bit_offset(bt, i);
		uint32_t bits = btf_member_bitfield_size(bt, i);
		struct dt_member *m;

		if (!mn || !*mn) {
			const struct btf_type *at;
			uint32_t aid = bm->type;

			at = btf__type_by_id(dt_btf_vmlinux, aid);
			while (at && (btf_is_mod(at) || btf_is_typedef(at))) {
				aid = at->type;
				at = btf__type_by_id(dt_btf_vmlinux, aid);
			}
			if (at && btf_is_composite(at))
				dt_btf_add_members(cc, sou, at, boff, lastp);
			continue;
		}
		m = dt_zalloc(cc, sizeof(*m));
		m->name = dt_strdup(cc, mn);
		m->type = dt_btf_conv(cc, bm->type);
		if (bits) {
			uint32_t unit;

			for (unit = 1; unit < 8; unit *= 2) {
				uint32_t start = boff / 8 / unit * unit;

				if (boff + bits <= (start + unit) * 8)
					break;
			}
			m->off = boff / 8 / unit * unit;
			m->bitoff = boff - m->off * 8;
			m->bits = bits;
			m->unit = unit;
		} else {
			m->off = boff / 8;
		}
		if (*lastp)
			(*lastp)->next = m;
		else
			sou->members = m;
		*lastp = m;
	}
}

void dt_btf_members(struct dt_cc *cc, struct dt_type *sou)
{
	const struct btf_type *bt;
	struct dt_member *last = NULL;

	if (!sou->btf_lazy)
		return;
	sou->btf_lazy = 0;
	bt = btf__type_by_id(dt_btf_vmlinux, sou->btf_id);
	dt_btf_add_members(cc, sou, bt, 0, &last);
}

/* ----------------------------------------------------------------------
 * Lookups by name, tried after D's own names
 * ---------------------------------------------------------------------- */
/*
 * The id of type name of BTF kind kind that module mod defines (DTrace's
 * scoped type names, struct mod`tag and mod`typedef): its own types first
 * (a module's BTF holds the types vmlinux lacks), then vmlinux's, which
 * it uses; mod vmlinux: vmlinux's only.  -1 if none or no such module.
 */
static int32_t dt_btf_scoped(const char *mod, size_t modlen,
			     const char *name, int kind)
{
	struct btf *all = dt_btf_vmlinux;
	uint32_t first, end, k;
	char m[64];

	if (modlen >= sizeof(m))
		return -1;
	memcpy(m, mod, modlen);
	m[modlen] = '\0';
	if (strcmp(m, "vmlinux")) {
		if (dt_kbtf_module(m, &first, &end))
			return -1;
		all = dt_btf_vmlinux;
		for (k = first; k < end; k++) {
			const struct btf_type *bt = btf__type_by_id(all, k);

			if (bt && btf_kind(bt) == kind &&
			    !strcmp(btf__name_by_offset(all, bt->name_off),
				    name))
				return (int32_t)k;
		}
	}
	return btf__find_by_name_kind(dt_kbtf(), name, kind);
}

static struct dt_type *dt_btf_by_name(struct dt_cc *cc, const char *name,
				      int kind)
{
	const char *bq = strchr(name, '`');
	int32_t id;

	if (!dt_btf_load())
		return NULL;
	if (bq && bq != name)
		id = dt_btf_scoped(name, (size_t)(bq - name), bq + 1, kind);
	else
		id = btf__find_by_name_kind(dt_btf_vmlinux, name, kind);
	if (id <= 0)
		return NULL;
	return dt_btf_conv(cc, (uint32_t)id);
}

struct dt_type *dt_btf_typedef(struct dt_cc *cc, const char *name)
{
	struct dt_type *t = dt_btf_by_name(cc, name, BTF_KIND_TYPEDEF);

	if (t)
		dt_type_typedef(cc, name, t);
	return t;
}

struct dt_type *dt_btf_sou(struct dt_cc *cc, int kind, const char *tag)
{
	struct dt_type *t;

	switch (kind) {
	case DT_T_STRUCT:
		return dt_btf_by_name(cc, tag, BTF_KIND_STRUCT);
	case DT_T_UNION:
		return dt_btf_by_name(cc, tag, BTF_KIND_UNION);
	default:
		t = dt_btf_by_name(cc, tag, BTF_KIND_ENUM);
		return t ? t : dt_btf_by_name(cc, tag, BTF_KIND_ENUM64);
	}
}

/* An enumerator of any kernel enum, as a D integer constant. */
int dt_btf_enumerator(struct dt_cc *cc, const char *name, int64_t *val,
		      struct dt_type **type)
{
	uint32_t id, n;

	if (!dt_btf_load())
		return 0;
	n = btf__type_cnt(dt_btf_vmlinux);
	for (id = 1; id < n; id++) {
		const struct btf_type *bt = btf__type_by_id(dt_btf_vmlinux, id);
		int i, vlen;

		if (!btf_is_any_enum(bt))
			continue;
		vlen = btf_vlen(bt);
		for (i = 0; i < vlen; i++) {
			uint32_t off = btf_is_enum(bt) ?
				       btf_enum(bt)[i].name_off :
				       btf_enum64(bt)[i].name_off;
			const char *en = btf__name_by_offset(dt_btf_vmlinux,
							     off);
			struct dt_enumer *e;

			if (!en || strcmp(en, name))
				continue;
			*type = dt_btf_conv(cc, id);
			for (e = (*type)->enums; e; e = e->next) {
				if (!strcmp(e->name, name)) {
					*val = e->value;
					return 1;
				}
			}
		}
	}
	return 0;
}

/* ----------------------------------------------------------------------
 * Kernel variables: `name and module`name
 * ---------------------------------------------------------------------- */

/*
 * The address of the kernel's data symbol name (of module mod, or of the
 * kernel image when mod is NULL, "" or "vmlinux") from /proc/kallsyms.
 * Returns 0 and sets *addr, or -1 with the reason in why.
 */
int dt_btf_ksym(const char *mod, const char *name, uint64_t *addr,
		char *why, size_t len)
{
	const char *path = getenv("DTRACE_KALLSYMS");
	int kernel = !mod || !*mod || !strcmp(mod, "vmlinux");
	char line[512], sym[256], m[128];
	unsigned long long a;
	int found = 0;
	char type;
	FILE *fp;

	if (!path || !*path)
		path = "/proc/kallsyms";
	fp = fopen(path, "r");
	if (!fp) {
		snprintf(why, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		int n;

		m[0] = '\0';
		n = sscanf(line, "%llx %c %255s [%127[^]]]", &a, &type, sym, m);
		if (n < 3 || strcmp(sym, name))
			continue;
		if (kernel ? n == 4 : (n != 4 || strcmp(m, mod)))
			continue;
		found = 1;
		break;
	}
	fclose(fp);
	if (!found) {
		snprintf(why, len, "Unknown symbol name");
		return -1;
	}
	if (!a) {
		snprintf(why, len,
			 "%s shows no addresses (kernel.kptr_restrict, or not root)",
			 path);
		return -1;
	}
	*addr = a;
	return 0;
}

/* The BTF type of the kernel variable name, or NULL (why says why). */
struct dt_type *dt_btf_var(struct dt_cc *cc, const char *name,
			   char *why, size_t len)
{
	const struct btf_type *bt;
	int32_t id;

	if (!dt_btf_load()) {
		snprintf(why, len, "%s", dt_kbtf_error());
		return NULL;
	}
	id = btf__find_by_name_kind(dt_btf_vmlinux, name, BTF_KIND_VAR);
	if (id <= 0) {
		snprintf(why, len, "the kernel's BTF has no variable %s",
			 name);
		return NULL;
	}
	bt = btf__type_by_id(dt_btf_vmlinux, (uint32_t)id);
	return dt_btf_conv(cc, bt->type);
}

/* ----------------------------------------------------------------------
 * fbt, sdt and syscall args[]
 * ---------------------------------------------------------------------- */

/*
 * The D type of args[idx] of the probes prov:mod:func:name whose arguments
 * the kernel's prototypes describe (dt_kbtf_probe_args: fbt, sdt,
 * syscall entry), or NULL if they are not described; *nargs is how many
 * typed args[] there are (-1: none described).
 */
struct dt_type *dt_btf_probe_arg(struct dt_cc *cc, const char *prov,
				 const char *mod, const char *func,
				 const char *name, int idx, int *nargs)
{
	struct dt_kbtf_arg args[DTRACE_MAXARGS];
	struct dt_type *t;
	int i, n = dt_kbtf_probe_args(prov, mod, func, name, args,
				      DTRACE_MAXARGS);

	*nargs = n;
	if (n < 0 || idx < 0 || idx >= n)
		return NULL;
	if (args[idx].id == DT_KBTF_UNKNOWN)
		return cc->t_int64;
	if (args[idx].id == DT_KBTF_INT)
		return cc->t_int;
	t = dt_btf_conv(cc, args[idx].id);
	for (i = 0; i < args[idx].nptr; i++)
		t = dt_type_ptr(cc, t);
	return t;
}

/* ----------------------------------------------------------------------
 * D's own types as BTF, for print()
 * ---------------------------------------------------------------------- */

static int32_t dt_btf_dtype1(struct btf *b, struct dt_type *t);

/* An int type named name of size bytes in b (array indexes, strings). */
static int32_t dt_btf_dint(struct btf *b, const char *name, int size,
			   int enc)
{
	int32_t id = btf__find_by_name_kind(b, name, BTF_KIND_INT);

	return id > 0 ? id : btf__add_int(b, name, size, enc);
}

static int32_t dt_btf_dsou(struct btf *b, struct dt_type *t)
{
	int32_t ids[256], id;
	struct dt_member *m;
	int n = 0;

	if (!t->complete || t->btf_lazy)
		return btf__add_fwd(b, t->tag ? t->tag : "",
				    t->kind == DT_T_UNION ? BTF_FWD_UNION :
				    BTF_FWD_STRUCT);
	/* the members' types first: a struct's fields follow it in BTF */
	t->d_btf_busy = 1;
	for (m = t->members; m; m = m->next) {
		if (n == 256) {
			t->d_btf_busy = 0;
			return -E2BIG;
		}
		ids[n] = dt_btf_dtype1(b, m->type);
		if (ids[n] < 0) {
			t->d_btf_busy = 0;
			return ids[n];
		}
		n++;
	}
	t->d_btf_busy = 0;
	id = t->kind == DT_T_UNION ? btf__add_union(b, t->tag, t->size) :
				     btf__add_struct(b, t->tag, t->size);
	if (id < 0)
		return id;
	n = 0;
	for (m = t->members; m; m = m->next) {
		int e = btf__add_field(b, m->name ? m->name : "", ids[n++],
				       m->bits ? m->off * 8 + m->bitoff :
				       m->off * 8, m->bits);

		if (e < 0)
			return e;
	}
	return id;
}

static int32_t dt_btf_dtype1(struct btf *b, struct dt_type *t)
{
	struct dt_enumer *e;
	int32_t id, base;

	if (t->btf_id)
		return (int32_t)t->btf_id;
	if (t->d_btf_id)
		return (int32_t)t->d_btf_id;
	switch (t->kind) {
	case DT_T_VOID:
	case DT_T_FUNC:
		return 0;
	case DT_T_INT:
		if (t->is_enum) {
			id = btf__add_enum(b, t->tag, t->size);
			for (e = t->enums; e && id > 0; e = e->next)
				if (btf__add_enum_value(b, e->name, e->value) < 0)
					return -EINVAL;
			break;
		}
		id = btf__add_int(b, t->name ? t->name : "int", t->size,
				  (t->is_signed ? BTF_INT_SIGNED : 0) |
				  (t->size == 1 && t->name &&
				   strstr(t->name, "char") ? BTF_INT_CHAR : 0));
		break;
	case DT_T_FLOAT:
		id = btf__add_float(b, t->name ? t->name : "double", t->size);
		break;
	case DT_T_PTR:
		if (t->base && (t->base->kind == DT_T_STRUCT ||
				t->base->kind == DT_T_UNION) &&
		    t->base->d_btf_busy)
			base = btf__add_fwd(b, t->base->tag ? t->base->tag : "",
					    t->base->kind == DT_T_UNION ?
					    BTF_FWD_UNION : BTF_FWD_STRUCT);
		else
			base = t->base ? dt_btf_dtype1(b, t->base) : 0;
		if (base < 0)
			return base;
		id = btf__add_ptr(b, base);
		break;
	case DT_T_ARRAY:
	case DT_T_STRING:
		base = t->kind == DT_T_STRING ?
		       dt_btf_dint(b, "char", 1, BTF_INT_CHAR) :
		       dt_btf_dtype1(b, t->base);
		if (base < 0)
			return base;
		id = dt_btf_dint(b, "int", 4, BTF_INT_SIGNED);
		if (id < 0)
			return id;
		id = btf__add_array(b, id, base, t->kind == DT_T_STRING ?
				    t->size : t->nelems);
		break;
	case DT_T_STRUCT:
	case DT_T_UNION:
		if (t->d_btf_busy)
			return -ELOOP;
		id = dt_btf_dsou(b, t);
		break;
	default:
		return -EINVAL;
	}
	if (id > 0)
		t->d_btf_id = (uint32_t)id;
	return id;
}

/*
 * The BTF id of D type t in dt_kbtf_dtypes() (a kernel type's is its own),
 * adding it and the types it is made of there: print() of a struct, union
 * or enum a program declared.  Negative if it cannot be added.
 */
int32_t dt_btf_dtype(struct dt_cc *cc, struct dt_type *t)
{
	struct btf *b = dt_kbtf_dtypes();

	(void)cc;
	if (!b)
		return -ENOMEM;
	return dt_btf_dtype1(b, t);
}
