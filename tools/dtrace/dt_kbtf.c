// SPDX-License-Identifier: GPL-2.0
/*
 * dt_kbtf.c - the kernel's BTF for the compiler (dt_btf.c) and the probe
 * listing (dt_list.c, dtrace -lv): loading it once, lazily, from
 * /sys/kernel/btf/vmlinux (or $DTRACE_BTF_DIR/vmlinux), C names of its
 * types, and the argument types of a kernel function as fbt sees them.
 * Needs nothing of the compiler, so the consumer's tests link it alone.
 */
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
	const struct btf *btf = dt_kbtf();

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
 * The BTF type ids of fbt probe func:name's args[]: at entry the
 * function's parameters; at return args[0] is the offset (an int, id
 * DT_KBTF_INT) and args[1] the return value.  Returns how many (at most
 * max), or -1 if the kernel's BTF does not know the function.
 */
int dt_kbtf_fbt_args(const char *func, const char *name, uint32_t *ids,
		     int max)
{
	const struct btf *btf = dt_kbtf();
	const struct btf_type *t;
	const struct btf_param *p;
	int32_t id;
	int i, n;

	if (!btf)
		return -1;
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
