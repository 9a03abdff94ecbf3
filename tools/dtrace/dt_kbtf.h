/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dt_kbtf.h - the kernel's BTF, shared by the compiler and the listing
 * (dt_kbtf.c).
 */
#ifndef _DT_KBTF_H
#define _DT_KBTF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct btf;

/* A type id standing for "int" in dt_kbtf_fbt_args() (no BTF type). */
#define DT_KBTF_INT	0xffffffffu

struct btf *dt_kbtf(void);		/* NULL if there is none */
const char *dt_kbtf_error(void);	/* why not, or NULL */
void dt_kbtf_name(uint32_t id, char *buf, size_t len);
int dt_kbtf_fbt_args(const char *mod, const char *func, const char *name,
		     uint32_t *ids, int max);
int dt_kbtf_module(const char *mod, uint32_t *first, uint32_t *end);
struct btf *dt_kbtf_all(void);		/* vmlinux's, modules' and D's types */

/*
 * One typed argument of a probe (dt_kbtf_probe_args): nptr levels of
 * pointer over the BTF type id (0: void, DT_KBTF_INT: int,
 * DT_KBTF_UNKNOWN: a type the BTF lacks, left an int64_t), and its C
 * spelling as -lv prints it.
 */
#define DT_KBTF_UNKNOWN	0xfffffffeu
#define DT_KBTF_MAXARGS	16	/* the most dt_kbtf_probe_args() gives */

struct dt_kbtf_arg {
	uint32_t id;
	int nptr;
	char text[128];
};

int dt_kbtf_probe_args(const char *prov, const char *mod, const char *func,
		       const char *name, struct dt_kbtf_arg *args, int max);
int dt_kbtf_print(FILE *fp, uint32_t id, const void *data, size_t len);
struct btf *dt_kbtf_dtypes(void);	/* D's own types, for print() */

#endif /* _DT_KBTF_H */
