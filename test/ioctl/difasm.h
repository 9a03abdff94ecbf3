/* SPDX-License-Identifier: GPL-2.0 */
/*
 * difasm.h - a small DIF assembler for tests that drive /dev/dtrace
 * directly (no dtrace(1) needed).
 *
 * Syntax: statements separated by newlines or ';', "label:" before a
 * statement, '#' comments to the end of the line.  Operands:
 *   %rN                 register
 *   [%rN]               address register of loads/stores (brackets optional)
 *   123, -5, 0x1f       integers (setx puts them in the integer table)
 *   "text"              strings (sets puts them in the string table)
 *   @N                  a raw table index or offset (setx @0, sets @4)
 *   name                a branch label, a built-in variable (arg0, pid,
 *                       timestamp, ...), a subroutine (speculation, rand,
 *                       ...), a tuple type (ctf, string), or a number
 * Mnemonics are DTrace's (or, add, ldx, setx, sets, ldgs, stgs, call,
 * pushtv, ...); ".word 0x..." emits a raw instruction, so malformed
 * programs can be written too.
 */
#ifndef DIFASM_H
#define DIFASM_H

#include <stddef.h>
#include <linux/types.h>
#include "dtrace.h"

#define DIF_MAXINSN	512
#define DIF_MAXINT	64
#define DIF_MAXVAR	16
#define DIF_MAXSTR	2048

struct dif {
	__u32 insn[DIF_MAXINSN];
	__u32 ninsn;
	__u64 ints[DIF_MAXINT];
	__u32 nint;
	struct dtrace_difv vars[DIF_MAXVAR];
	__u32 nvar;
	char str[DIF_MAXSTR];
	__u32 strlen;
	struct dtrace_diftype rtype;	/* default: integer, 8 bytes */
	char err[128];			/* why dif_asm failed */
};

void dif_init(struct dif *d);
/* Assemble src, appending to d.  0 on success, -1 (and d->err) if not. */
int dif_asm(struct dif *d, const char *src);
/* Same, but exit(2) with a message on an error (for fixed test programs). */
struct dif *dif_new(const char *src);
/* Intern a string / integer; returns its offset / index. */
__u32 dif_str(struct dif *d, const char *s);
__u32 dif_int(struct dif *d, __u64 v);
/* Declare a user variable (for the variable table). */
void dif_var(struct dif *d, const char *name, __u32 id, __u8 kind,
	     __u8 scope, int is_string, __u32 strsize);
/* The DIFO returns a string of strsize bytes / by-ref object of size. */
void dif_rtype_string(struct dif *d, __u32 strsize);
void dif_rtype_int(struct dif *d, __u32 size);
/* Bytes dif_encode needs. */
size_t dif_size(const struct dif *d);
/* Encode as in an enabling (header, insns, ints, vars, strtab). */
size_t dif_encode(const struct dif *d, void *out);

#endif /* DIFASM_H */
