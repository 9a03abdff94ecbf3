// SPDX-License-Identifier: GPL-2.0
/*
 * dt_kbtf.c - the kernel's BTF for the compiler (dt_btf.c) and the probe
 * listing (dt_list.c, dtrace -lv): loading it once, lazily, from
 * /sys/kernel/btf/vmlinux (or $DTRACE_BTF_DIR/vmlinux), C names of its
 * types, and the argument types of a kernel function as fbt sees them.
 * Needs nothing of the compiler, so the consumer's tests link it alone.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "dt_kbtf.h"

static struct btf *dt_kbtf_vmlinux;
static int dt_kbtf_tried;
static char dt_kbtf_why[4400];

/* ----------------------------------------------------------------------
 * Loading
 * ---------------------------------------------------------------------- */
static int dt_kbtf_nolog(enum libbpf_print_level level, const char *fmt,
			 va_list ap)
{
	(void)level;
	(void)fmt;
	(void)ap;
	return 0;
}

struct btf *dt_kbtf(void)
{
	const char *dir = getenv("DTRACE_BTF_DIR");
	char path[4096];
	long err;

	if (dt_kbtf_tried)
		return dt_kbtf_vmlinux;
	dt_kbtf_tried = 1;
	if (!dir || !*dir)
		dir = "/sys/kernel/btf";
	snprintf(path, sizeof(path), "%s/vmlinux", dir);
	libbpf_set_print(dt_kbtf_nolog);
	dt_kbtf_vmlinux = btf__parse(path, NULL);
	err = libbpf_get_error(dt_kbtf_vmlinux);
	if (err) {
		dt_kbtf_vmlinux = NULL;
		snprintf(dt_kbtf_why, sizeof(dt_kbtf_why),
			 "kernel type information (BTF) is not available: %s: %s",
			 path, strerror((int)-err));
	}
	return dt_kbtf_vmlinux;
}

const char *dt_kbtf_error(void)
{
	return dt_kbtf() ? NULL : dt_kbtf_why;
}

/*
 * D's own types (structs, unions and enums a program declares) as BTF,
 * so that print() prints them as it prints the kernel's: a BTF split on
 * vmlinux's (kernel types keep their ids, D's get the ids after them;
 * dt_btf_dtype() in dt_btf.c adds them), or a BTF of its own when the
 * kernel has none.  NULL if libbpf cannot make one.
 */
static struct btf *dt_kbtf_d;

struct btf *dt_kbtf_dtypes(void)
{
	struct btf *base;

	if (dt_kbtf_d)
		return dt_kbtf_d;
	base = dt_kbtf();
	dt_kbtf_d = base ? btf__new_empty_split(base) : btf__new_empty();
	if (libbpf_get_error(dt_kbtf_d))
		dt_kbtf_d = NULL;
	return dt_kbtf_d;
}

/* ----------------------------------------------------------------------
 * Modules' BTF
 * ---------------------------------------------------------------------- */

/*
 * A module's BTF (/sys/kernel/btf/MODULE, split on vmlinux's) is read the
 * first time a probe of the module needs it and its types are appended to
 * dt_kbtf_dtypes(), renumbered after what is there already: one id space
 * holds vmlinux's types, every module's read so far and D's own, so the
 * compiler and print() need no notion of which BTF an id is from.  A name
 * that vmlinux and a module both define is found as vmlinux's (lower ids
 * come first).
 */
static struct {
	char name[64];
	uint32_t first, end;		/* its types' ids: [first, end) */
} dt_kbtf_mods[64];
static unsigned int dt_kbtf_nmods;

/* The type ids t refers to, renumbered: id >= from becomes id + delta. */
static void dt_kbtf_renumber(struct btf_type *t, uint32_t from,
			     int64_t delta)
{
#define DT_KBTF_FIX(x)	do { if ((x) >= from) (x) = (uint32_t)((x) + delta); } while (0)
	int i, n = btf_vlen(t);

	switch (btf_kind(t)) {
	case BTF_KIND_PTR:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
	case BTF_KIND_FUNC:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		DT_KBTF_FIX(t->type);
		break;
	case BTF_KIND_ARRAY:
		DT_KBTF_FIX(btf_array(t)->type);
		DT_KBTF_FIX(btf_array(t)->index_type);
		break;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		for (i = 0; i < n; i++)
			DT_KBTF_FIX(btf_members(t)[i].type);
		break;
	case BTF_KIND_FUNC_PROTO:
		DT_KBTF_FIX(t->type);
		for (i = 0; i < n; i++)
			DT_KBTF_FIX(btf_params(t)[i].type);
		break;
	case BTF_KIND_DATASEC:
		for (i = 0; i < n; i++)
			DT_KBTF_FIX(btf_var_secinfos(t)[i].type);
		break;
	default:
		break;
	}
#undef DT_KBTF_FIX
}

/*
 * Module mod's types in dt_kbtf_dtypes(): sets their id range and returns
 * 0, or -1 if it has no BTF (not loaded, or no such module).
 */
int dt_kbtf_module(const char *mod, uint32_t *first, uint32_t *end)
{
	const char *dir = getenv("DTRACE_BTF_DIR");
	struct btf *base = dt_kbtf(), *mb, *d;
	uint32_t i, mstart, mcnt, dfirst;
	char path[4096];
	unsigned int k;

	if (!base || !mod || !*mod || !strcmp(mod, "vmlinux") ||
	    strchr(mod, '/') || strlen(mod) >= sizeof(dt_kbtf_mods[0].name))
		return -1;
	for (k = 0; k < dt_kbtf_nmods; k++) {
		if (!strcmp(dt_kbtf_mods[k].name, mod)) {
			*first = dt_kbtf_mods[k].first;
			*end = dt_kbtf_mods[k].end;
			return *end > *first ? 0 : -1;
		}
	}
	if (dt_kbtf_nmods == sizeof(dt_kbtf_mods) / sizeof(dt_kbtf_mods[0]))
		return -1;
	d = dt_kbtf_dtypes();
	if (!d)
		return -1;
	k = dt_kbtf_nmods++;
	snprintf(dt_kbtf_mods[k].name, sizeof(dt_kbtf_mods[k].name), "%s",
		 mod);
	dfirst = btf__type_cnt(d);
	dt_kbtf_mods[k].first = dt_kbtf_mods[k].end = dfirst;
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir :
		 "/sys/kernel/btf", mod);
	mb = btf__parse_split(path, base);
	if (libbpf_get_error(mb))
		return -1;
	mstart = btf__type_cnt(base);
	mcnt = btf__type_cnt(mb);
	for (i = mstart; i < mcnt; i++) {
		int id = btf__add_type(d, mb, btf__type_by_id(mb, i));

		if (id < 0)
			break;
		/* the copy is d's own, writable */
		dt_kbtf_renumber((struct btf_type *)btf__type_by_id(d, id),
				 mstart, (int64_t)dfirst - mstart);
	}
	btf__free(mb);
	dt_kbtf_mods[k].end = btf__type_cnt(d);
	*first = dt_kbtf_mods[k].first;
	*end = dt_kbtf_mods[k].end;
	return *end > *first ? 0 : -1;
}

/* The BTF that holds every type read so far (vmlinux's, or more). */
struct btf *dt_kbtf_all(void)
{
	return dt_kbtf_d ? dt_kbtf_d : dt_kbtf();
}

/* ----------------------------------------------------------------------
 * C names of BTF types ("struct file *", "size_t", "char [16]")
 * ---------------------------------------------------------------------- */
static void dt_kbtf_name1(const struct btf *btf, uint32_t id, char *buf,
			  size_t len, int depth)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const char *n;
	char sub[256];

	if (id == 0 || !t) {
		snprintf(buf, len, "void");
		return;
	}
	if (depth > 32) {
		snprintf(buf, len, "?");
		return;
	}
	n = btf__name_by_offset(btf, t->name_off);
	switch (btf_kind(t)) {
	case BTF_KIND_PTR: {
		const struct btf_type *b = btf__type_by_id(btf, t->type);

		if (b && btf_is_func_proto(b)) {
			dt_kbtf_name1(btf, b->type, sub, sizeof(sub),
				      depth + 1);
			snprintf(buf, len, "%s (*)()", sub);
			return;
		}
		dt_kbtf_name1(btf, t->type, sub, sizeof(sub), depth + 1);
		snprintf(buf, len, "%s *", sub);
		return;
	}
	case BTF_KIND_CONST:
	case BTF_KIND_VOLATILE:
		dt_kbtf_name1(btf, t->type, sub, sizeof(sub), depth + 1);
		snprintf(buf, len, "%s %s",
			 btf_is_const(t) ? "const" : "volatile", sub);
		return;
	case BTF_KIND_RESTRICT:
	case BTF_KIND_TYPE_TAG:
		dt_kbtf_name1(btf, t->type, buf, len, depth + 1);
		return;
	case BTF_KIND_ARRAY:
		dt_kbtf_name1(btf, btf_array(t)->type, sub, sizeof(sub),
			      depth + 1);
		snprintf(buf, len, "%s [%u]", sub, btf_array(t)->nelems);
		return;
	case BTF_KIND_STRUCT:
		snprintf(buf, len, "struct %s", n && *n ? n : "(anon)");
		return;
	case BTF_KIND_UNION:
		snprintf(buf, len, "union %s", n && *n ? n : "(anon)");
		return;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		snprintf(buf, len, "enum %s", n && *n ? n : "(anon)");
		return;
	case BTF_KIND_FWD:
		snprintf(buf, len, "%s %s", btf_kflag(t) ? "union" : "struct",
			 n ? n : "");
		return;
	case BTF_KIND_FUNC_PROTO:
		dt_kbtf_name1(btf, t->type, sub, sizeof(sub), depth + 1);
		snprintf(buf, len, "%s ()", sub);
		return;
	default:	/* int, float, typedef: their names */
		snprintf(buf, len, "%s", n && *n ? n : "?");
		return;
	}
}

void dt_kbtf_name(uint32_t id, char *buf, size_t len)
{
	const struct btf *btf = dt_kbtf_all();

	if (!btf) {
		snprintf(buf, len, "?");
		return;
	}
	dt_kbtf_name1(btf, id, buf, len, 0);
}

/* ----------------------------------------------------------------------
 * fbt arguments
 * ---------------------------------------------------------------------- */

/*
 * The BTF type ids of fbt probe mod:func:name's args[]: at entry the
 * function's parameters; at return args[0] is the offset (an int, id
 * DT_KBTF_INT) and args[1] the return value.  A function of a module
 * (mod neither empty nor vmlinux) is looked up in the module's BTF first.
 * Returns how many (at most max), or -1 if BTF does not know the function.
 */
int dt_kbtf_fbt_args(const char *mod, const char *func, const char *name,
		     uint32_t *ids, int max)
{
	const struct btf *btf = dt_kbtf();
	const struct btf_type *t;
	const struct btf_param *p;
	uint32_t first, end, k;
	int32_t id = -1;
	int i, n;

	if (!btf)
		return -1;
	if (mod && dt_kbtf_module(mod, &first, &end) == 0) {
		btf = dt_kbtf_all();
		for (k = first; k < end && id < 0; k++) {
			t = btf__type_by_id(btf, k);
			if (t && btf_is_func(t) &&
			    !strcmp(btf__name_by_offset(btf, t->name_off), func))
				id = (int32_t)k;
		}
	}
	if (id <= 0)
		id = btf__find_by_name_kind(btf, func, BTF_KIND_FUNC);
	if (id <= 0)
		return -1;
	t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
	if (!t || !btf_is_func_proto(t))
		return -1;
	if (!strcmp(name, "return")) {
		if (max < 2)
			return -1;
		ids[0] = DT_KBTF_INT;
		ids[1] = t->type;
		return 2;
	}
	n = btf_vlen(t);
	p = btf_params(t);
	for (i = 0; i < n && i < max; i++) {
		if (p[i].type == 0)	/* "..." */
			break;
		ids[i] = p[i].type;
	}
	return i;
}

/* ----------------------------------------------------------------------
 * sdt and syscall arguments, and the argument types of every provider
 * whose prototypes the kernel describes (fbt, sdt, syscall)
 * ---------------------------------------------------------------------- */

/* The sdt callback sees a tracepoint's first five arguments (850-prov-sdt.c). */
#define DT_KBTF_SDT_MAXARGS	5
/* A system call has at most six arguments. */
#define DT_KBTF_SYS_MAXARGS	6

static void dt_kbtf_arg_set(struct dt_kbtf_arg *a, uint32_t id)
{
	a->id = id;
	a->nptr = 0;
	if (id == DT_KBTF_INT)
		snprintf(a->text, sizeof(a->text), "int");
	else
		dt_kbtf_name(id, a->text, sizeof(a->text));
}

/* The parameters of FUNC_PROTO t from parameter first on, at most max. */
static int dt_kbtf_proto_args(const struct btf_type *t, int first,
			      struct dt_kbtf_arg *args, int max)
{
	const struct btf_param *p = btf_params(t);
	int i, n = btf_vlen(t);

	for (i = first; i < n && i - first < max; i++) {
		if (p[i].type == 0)	/* "..." */
			break;
		dt_kbtf_arg_set(&args[i - first], p[i].type);
	}
	return i - first;
}

/*
 * sdt:GROUP::EVENT: the tracepoint EVENT's prototype is BTF's typedef
 * btf_trace_EVENT (a pointer to a function whose first parameter is the
 * callback's void *data), so args[N] is its parameter N + 1.  A trace
 * event's tracepoint has the event's name (850-prov-sdt.c checks it).  An
 * event vmlinux lacks is looked for in the BTF of the module named as its
 * group (nbd's events are group nbd: a module's TRACE_SYSTEM is usually
 * its name).
 */
static int dt_kbtf_sdt_args(const char *group, const char *event,
			    struct dt_kbtf_arg *args, int max)
{
	const struct btf *btf = dt_kbtf();
	const struct btf_type *t;
	uint32_t first, end, k;
	char tn[256];
	int32_t id;

	snprintf(tn, sizeof(tn), "btf_trace_%s", event);
	id = btf__find_by_name_kind(btf, tn, BTF_KIND_TYPEDEF);
	if (id <= 0 && group && dt_kbtf_module(group, &first, &end) == 0) {
		btf = dt_kbtf_all();
		for (k = first; k < end && id <= 0; k++) {
			t = btf__type_by_id(btf, k);
			if (t && btf_is_typedef(t) &&
			    !strcmp(btf__name_by_offset(btf, t->name_off), tn))
				id = (int32_t)k;
		}
	}
	if (id <= 0)
		return -1;
	t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
	if (!t || !btf_is_ptr(t))
		return -1;
	t = btf__type_by_id(btf, t->type);
	if (!t || !btf_is_func_proto(t) || btf_vlen(t) < 1)
		return -1;
	return dt_kbtf_proto_args(t, 1, args,
				  max < DT_KBTF_SDT_MAXARGS ?
				  max : DT_KBTF_SDT_MAXARGS);
}

/*
 * A C type spelled as the kernel's syscall trace events spell their
 * fields' types ("const char *", "unsigned long", "umode_t",
 * "struct stat *", "const char *const *"): the BTF id of its base type
 * and its pointer levels (qualifiers dropped), into a.  The integer
 * types are looked up by the names BTF gives them ("long unsigned int").
 */
static void dt_kbtf_ctype(const struct btf *btf, const char *text,
			  struct dt_kbtf_arg *a)
{
	int uns = 0, sgn = 0, nlong = 0, nshort = 0, nchar = 0, kind = 0;
	char buf[128], name[128] = "", *w, *save = NULL, *p;
	int32_t id = -1;

	snprintf(a->text, sizeof(a->text), "%s", text);
	snprintf(buf, sizeof(buf), "%s", text);
	a->nptr = 0;
	for (p = buf; *p; p++) {
		if (*p == '*') {
			a->nptr++;
			*p = ' ';
		}
	}
	for (w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(w, "const") || !strcmp(w, "volatile") ||
		    !strcmp(w, "__user") || !strcmp(w, "restrict"))
			continue;
		if (!strcmp(w, "struct"))
			kind = BTF_KIND_STRUCT;
		else if (!strcmp(w, "union"))
			kind = BTF_KIND_UNION;
		else if (!strcmp(w, "enum"))
			kind = BTF_KIND_ENUM;
		else if (!strcmp(w, "unsigned"))
			uns = 1;
		else if (!strcmp(w, "signed"))
			sgn = 1;
		else if (!strcmp(w, "long"))
			nlong++;
		else if (!strcmp(w, "short"))
			nshort++;
		else if (!strcmp(w, "char"))
			nchar++;
		else if (strcmp(w, "int"))
			snprintf(name, sizeof(name), "%s", w);
	}
	if (kind && name[0]) {
		id = btf__find_by_name_kind(btf, name, kind);
		if (id <= 0 && kind == BTF_KIND_ENUM)
			id = btf__find_by_name_kind(btf, name, BTF_KIND_ENUM64);
		if (id <= 0 && kind != BTF_KIND_ENUM)
			id = btf__find_by_name_kind(btf, name, BTF_KIND_FWD);
	} else if (!strcmp(name, "void")) {
		id = 0;
	} else if (name[0]) {
		id = btf__find_by_name_kind(btf, name, BTF_KIND_TYPEDEF);
		if (id <= 0)
			id = btf__find_by_name_kind(btf, name, BTF_KIND_INT);
	} else {
		const char *in;

		if (nchar)
			in = uns ? "unsigned char" :
			     sgn ? "signed char" : "char";
		else if (nshort)
			in = uns ? "short unsigned int" : "short int";
		else if (nlong > 1)
			in = uns ? "long long unsigned int" : "long long int";
		else if (nlong)
			in = uns ? "long unsigned int" : "long int";
		else
			in = uns ? "unsigned int" : "int";
		id = btf__find_by_name_kind(btf, in, BTF_KIND_INT);
	}
	a->id = id < 0 ? DT_KBTF_UNKNOWN : (uint32_t)id;
}

/*
 * The field types after __syscall_nr in the syscall trace event's format
 * (tracefs events/syscalls/sys_enter_NAME/format, lines such as
 * "field:const char * filename;	offset:24;	size:8;	signed:0;");
 * $DTRACE_TRACEFS_DIR, if set, stands for tracefs (the compiler's tests).
 */
static int dt_kbtf_sys_format(const struct btf *btf, const char *sys,
			      struct dt_kbtf_arg *args, int max)
{
	static const char *const dirs[] = {
		"/sys/kernel/tracing", "/sys/kernel/debug/tracing",
	};
	const char *env = getenv("DTRACE_TRACEFS_DIR");
	char path[512], line[512];
	FILE *fp = NULL;
	int n = 0, after = 0;
	unsigned int i;

	for (i = 0; i < 2 && !fp; i++) {
		snprintf(path, sizeof(path),
			 "%s/events/syscalls/sys_enter_%s/format",
			 env && *env ? env : dirs[i], sys);
		fp = fopen(path, "r");
	}
	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp) && n < max) {
		char *f = strstr(line, "field:"), *e, *nm;

		if (!f || !(e = strchr(f, ';')))
			continue;
		f += 6;
		*e = '\0';
		nm = e;
		while (nm > f && (isalnum((unsigned char)nm[-1]) || nm[-1] == '_'))
			nm--;
		if (!strcmp(nm, "__syscall_nr")) {
			after = 1;
			continue;
		}
		if (!after || nm == f)
			continue;
		*nm = '\0';
		while (nm > f && isspace((unsigned char)nm[-1]))
			*--nm = '\0';
		dt_kbtf_ctype(btf, f, &args[n++]);
	}
	fclose(fp);
	return after ? n : -1;
}

/*
 * syscall::NAME:entry: the system call's C prototype.  BTF has it only
 * where SYSCALL_DEFINE's __do_sys_NAME was not inlined (about a hundred
 * calls on Debian's 6.1 and 6.12 kernels; __se_sys_NAME, whose
 * parameters are all long, is never in their BTF, and __x64_sys_NAME
 * takes the pt_regs), so the rest come from the syscall trace event's
 * field types (CONFIG_FTRACE_SYSCALLS), each resolved in BTF.
 */
static int dt_kbtf_sys_args(const struct btf *btf, const char *sys,
			    struct dt_kbtf_arg *args, int max)
{
	const struct btf_type *t;
	char fn[256];
	int32_t id;

	if (max > DT_KBTF_SYS_MAXARGS)
		max = DT_KBTF_SYS_MAXARGS;
	snprintf(fn, sizeof(fn), "__do_sys_%s", sys);
	id = btf__find_by_name_kind(btf, fn, BTF_KIND_FUNC);
	if (id > 0) {
		t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
		if (t && btf_is_func_proto(t)) {
			int n = dt_kbtf_proto_args(t, 0, args, max);

			/*
			 * SYSCALL_DEFINE0's __do_sys_NAME takes the unused
			 * const struct pt_regs * of x86's syscall wrappers
			 */
			if (n == 1 && !strcmp(args[0].text,
					      "const struct pt_regs *"))
				return 0;
			return n;
		}
	}
	return dt_kbtf_sys_format(btf, sys, args, max);
}

/*
 * The typed args[] of the probes prov:mod:func:name (at most max): fbt's
 * from the function's prototype (a module's function's from the module's
 * BTF), sdt's from the tracepoint's, syscall
 * entry's from the system call's.  Returns how many, or -1 if there are
 * none to be had (another provider, a function BTF does not know, no
 * BTF).
 */
int dt_kbtf_probe_args(const char *prov, const char *mod, const char *func,
		       const char *name, struct dt_kbtf_arg *args, int max)
{
	const struct btf *btf = dt_kbtf();
	uint32_t ids[DT_KBTF_MAXARGS];
	int i, n;

	if (!btf || max <= 0)
		return -1;
	if (!strcmp(prov, "sdt"))
		return dt_kbtf_sdt_args(mod, name, args, max);
	if (!strcmp(prov, "syscall"))
		return strcmp(name, "entry") ? -1 :
		       dt_kbtf_sys_args(btf, func, args, max);
	if (strcmp(prov, "fbt"))
		return -1;
	n = dt_kbtf_fbt_args(mod, func, name, ids,
			     max < DT_KBTF_MAXARGS ? max : DT_KBTF_MAXARGS);
	for (i = 0; i < n; i++)
		dt_kbtf_arg_set(&args[i], ids[i]);
	return n;
}

/* ----------------------------------------------------------------------
 * print(): a value of a kernel type, as DTrace prints it
 * ---------------------------------------------------------------------- */

/*
 * DTrace's print() layout (the Guide; libdtrace's print post-processing,
 * modelled on mdb's ::print -tn): the type itself, then each member of a
 * struct or union on a line of its own, indented four spaces a level, as
 * "TYPE NAME = VALUE" ("TYPE *NAME" for pointers, " :BITS" after a
 * bit-field's name); integers and pointers in hex ("%#x"), char as 'c',
 * enums by enumerator name, char arrays holding a string as "[ "text" ]",
 * other arrays as "[ a, b ]"; a struct's value is "{", and its closing
 * "}" comes at its indentation after its last member.
 */
struct dt_kpr {
	FILE *fp;
	const struct btf *btf;
	const unsigned char *base;
	size_t len;
	int depth;		/* depth of the last member printed */
	int nest;		/* array nesting */
	int bad;		/* data ran out */
};

static void dt_kpr_member(struct dt_kpr *pa, const char *name, uint32_t id,
			  uint64_t off, int depth, uint32_t bits);

static void dt_kpr_braces(struct dt_kpr *pa, int depth)
{
	int d;

	for (d = pa->depth; d > depth; d--)
		fprintf(pa->fp, "%*s}%s", (d + pa->nest - 1) * 4, "",
			d == depth + 1 ? "" : "\n");
}

static void dt_kpr_indent(struct dt_kpr *pa)
{
	fprintf(pa->fp, "%*s", (pa->depth + pa->nest) * 4, "");
}

static uint32_t dt_kpr_resolve(const struct btf *btf, uint32_t id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	int n = 0;

	while (t && n++ < 32 && (btf_is_typedef(t) || btf_is_mod(t))) {
		id = t->type;
		t = btf__type_by_id(btf, id);
	}
	return id;
}

/* The bytes at bit offset off (size n), or NULL if the record ends. */
static const unsigned char *dt_kpr_at(struct dt_kpr *pa, uint64_t off,
				      size_t n)
{
	if (off / 8 > pa->len || n > pa->len - off / 8) {
		pa->bad = 1;
		return NULL;
	}
	return pa->base + off / 8;
}

static void dt_kpr_hex(FILE *fp, const unsigned char *p, size_t size)
{
	uint64_t v = 0;

	memcpy(&v, p, size > 8 ? 8 : size);
	if (size == 1 || size == 2 || size == 4 || size == 8)
		fprintf(fp, "%#llx", (unsigned long long)v);
	else
		fprintf(fp, "<invalid size %u>", (unsigned int)size);
}

static int dt_kpr_is_char(const struct btf *btf, const struct btf_type *t)
{
	const char *n = btf__name_by_offset(btf, t->name_off);

	return btf_is_int(t) && t->size == 1 &&
	       ((btf_int_encoding(t) & BTF_INT_CHAR) ||
		(n && !strcmp(n, "char")));
}

static void dt_kpr_array(struct dt_kpr *pa, const struct btf_type *t,
			 uint64_t off)
{
	const struct btf_array *a = btf_array(t);
	uint32_t eid = dt_kpr_resolve(pa->btf, a->type);
	const struct btf_type *et = btf__type_by_id(pa->btf, eid);
	int64_t esize = btf__resolve_size(pa->btf, a->type);
	const unsigned char *p;
	int structlike, isstring = 0;
	uint32_t i;

	if (!et || esize <= 0) {
		fprintf(pa->fp, "<invalid type %u>", a->type);
		return;
	}
	structlike = btf_is_composite(et);
	p = dt_kpr_at(pa, off, (size_t)esize * a->nelems);
	if (!p)
		return;
	if (dt_kpr_is_char(pa->btf, et)) {
		for (i = 0; i < a->nelems; i++)
			if (!isprint(p[i]) || p[i] == '\0')
				break;
		isstring = i != a->nelems && p[i] == '\0';
	}
	if (!isstring || pa->depth != 0)
		fprintf(pa->fp, "[ ");
	if (isstring)
		fprintf(pa->fp, "\"%s\"", (const char *)p);
	for (i = 0; !isstring && i < a->nelems; i++) {
		struct dt_kpr sub = *pa;

		sub.nest += pa->depth + 1;
		sub.depth = 0;
		dt_kpr_member(&sub, "", a->type, off + 8ULL * esize * i, 0, 0);
		dt_kpr_braces(&sub, 0);
		pa->bad |= sub.bad;
		if (i != a->nelems - 1)
			fprintf(pa->fp, ", ");
		else if (structlike)
			fprintf(pa->fp, "\n");
	}
	if (!isstring || pa->depth != 0) {
		if (structlike)
			dt_kpr_indent(pa);
		else
			fprintf(pa->fp, " ");
		fprintf(pa->fp, "]");
	}
}

static void dt_kpr_enum(struct dt_kpr *pa, const struct btf_type *t,
			uint64_t off)
{
	const unsigned char *p = dt_kpr_at(pa, off, t->size);
	int64_t v = 0;
	int i, n = btf_vlen(t);

	if (!p)
		return;
	switch (t->size) {
	case 1:
		v = *p;
		break;
	case 2:
		v = (uint16_t)(p[0] | p[1] << 8);
		break;
	case 4: {
		int32_t x;

		memcpy(&x, p, 4);
		v = x;
		break;
	}
	case 8:
		memcpy(&v, p, 8);
		break;
	default:
		fprintf(pa->fp, "<invalid enum size %u>", t->size);
		return;
	}
	for (i = 0; i < n; i++) {
		int64_t ev;
		uint32_t no;

		if (btf_is_enum(t)) {
			ev = btf_enum(t)[i].val;
			no = btf_enum(t)[i].name_off;
		} else {
			ev = (int64_t)btf_enum64_value(btf_enum64(t) + i);
			no = btf_enum64(t)[i].name_off;
		}
		if (ev == v) {
			fprintf(pa->fp, "%s", btf__name_by_offset(pa->btf, no));
			return;
		}
	}
	fprintf(pa->fp, "%lld", (long long)v);
}

static void dt_kpr_value(struct dt_kpr *pa, uint32_t rid, uint64_t off,
			 uint32_t bits)
{
	const struct btf_type *t = btf__type_by_id(pa->btf, rid);
	const unsigned char *p;

	switch (btf_kind(t)) {
	case BTF_KIND_INT:
		if (bits) {
			uint64_t v = 0;
			size_t n = (off % 8 + bits + 7) / 8;

			p = dt_kpr_at(pa, off, n);
			if (!p)
				return;
			memcpy(&v, p, n > 8 ? 8 : n);
			v >>= off % 8;
			if (bits < 64)
				v &= (1ULL << bits) - 1;
			fprintf(pa->fp, "%#llx", (unsigned long long)v);
			return;
		}
		p = dt_kpr_at(pa, off, t->size);
		if (!p)
			return;
		if (dt_kpr_is_char(pa->btf, t)) {
			if (isprint(*p))
				fprintf(pa->fp, "'%c'", *p);
			else if (*p == 0)
				fprintf(pa->fp, "'\\0'");
			else
				fprintf(pa->fp, "'\\%03o'", *p);
			return;
		}
		dt_kpr_hex(pa->fp, p, t->size);
		return;
	case BTF_KIND_PTR:
		p = dt_kpr_at(pa, off, 8);
		if (p)
			dt_kpr_hex(pa->fp, p, 8);
		return;
	case BTF_KIND_ARRAY:
		dt_kpr_array(pa, t, off);
		return;
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		fprintf(pa->fp, "{");
		return;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		dt_kpr_enum(pa, t, off);
		return;
	case BTF_KIND_FWD:
		fprintf(pa->fp, "<forward decl>");
		return;
	default:
		p = dt_kpr_at(pa, off, t->size);
		if (p)
			dt_kpr_hex(pa->fp, p, t->size);
		return;
	}
}

/* One member (or the printed value itself: depth 0, name ""), then its own. */
static void dt_kpr_member(struct dt_kpr *pa, const char *name, uint32_t id,
			  uint64_t off, int depth, uint32_t bits)
{
	uint32_t rid = dt_kpr_resolve(pa->btf, id);
	const struct btf_type *t = btf__type_by_id(pa->btf, rid);
	int structlike = t && btf_is_composite(t);
	int arraymember = pa->nest != 0 && depth == 0;
	int brief = arraymember && !structlike;
	char type[256];
	size_t tl;

	if (pa->bad)
		return;
	dt_kpr_braces(pa, depth);
	if (depth < pa->depth)
		fprintf(pa->fp, "\n");
	pa->depth = depth;
	if (!t) {
		dt_kpr_indent(pa);
		fprintf(pa->fp, "%s = <invalid type %u>\n", name, id);
		return;
	}
	dt_kbtf_name1(pa->btf, id, type, sizeof(type), 0);
	tl = strlen(type);
	/* an anonymous struct or union is "struct " (with the space) */
	if (tl > 6 && !strcmp(type + tl - 6, "(anon)"))
		type[tl - 6] = '\0';
	if (!brief) {
		if (arraymember)
			fprintf(pa->fp, "\n");
		dt_kpr_indent(pa);
		fprintf(pa->fp, "%s", type);
		if (name[0]) {
			tl = strlen(type);
			if (tl && type[tl - 1] != '*' && type[tl - 1] != ' ')
				fprintf(pa->fp, " ");
			fprintf(pa->fp, "%s", name);
			if (bits)
				fprintf(pa->fp, " :%u", bits);
			fprintf(pa->fp, " =");
		}
		fprintf(pa->fp, " ");
	}
	dt_kpr_value(pa, rid, off, bits);
	if (!brief)
		fprintf(pa->fp, "\n");
	if (structlike) {
		const struct btf_member *m = btf_members(t);
		int i, n = btf_vlen(t);

		for (i = 0; i < n && !pa->bad; i++) {
			const char *mn = btf__name_by_offset(pa->btf,
							     m[i].name_off);

			dt_kpr_member(pa, mn ? mn : "", m[i].type,
				      off + btf_member_bit_offset(t, i),
				      depth + 1,
				      btf_member_bitfield_size(t, i));
		}
	}
}

/*
 * Print len bytes at data as the kernel type id (or D's own type id, from
 * dt_kbtf_dtypes()).  Returns 0, or -1 if the
 * type is unknown (the caller prints the value as trace() would).
 */
int dt_kbtf_print(FILE *fp, uint32_t id, const void *data, size_t len)
{
	struct dt_kpr pa;

	memset(&pa, 0, sizeof(pa));
	pa.btf = dt_kbtf_all();
	if (!pa.btf || !id || !btf__type_by_id(pa.btf, id))
		return -1;
	pa.fp = fp;
	pa.base = data;
	pa.len = len;
	dt_kpr_member(&pa, "", id, 0, 0, 0);
	dt_kpr_braces(&pa, 0);
	return 0;
}
