// SPDX-License-Identifier: GPL-2.0
/*
 * difasm.c - the DIF assembler of difasm.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "difasm.h"

enum fmt {
	F_RRR,		/* op r1, r2, rd */
	F_RR,		/* op r1, rd */
	F_CMP,		/* op r1, r2 */
	F_TST,		/* op r1 */
	F_BR,		/* op label */
	F_LD,		/* op [r1], rd */
	F_ST,		/* op r1, [rd] */
	F_RET,		/* op rd */
	F_NONE,		/* op */
	F_SETX,		/* setx int, rd */
	F_SETS,		/* sets "str", rd */
	F_LDV,		/* op var, rd */
	F_STV,		/* op var, rs */
	F_CALL,		/* call subr, rd */
	F_PUSH,		/* op type, r2, rs */
};

static const struct {
	const char *name;
	int op;
	enum fmt fmt;
} optab[] = {
	{ "or", DIF_OP_OR, F_RRR }, { "xor", DIF_OP_XOR, F_RRR },
	{ "and", DIF_OP_AND, F_RRR }, { "sll", DIF_OP_SLL, F_RRR },
	{ "srl", DIF_OP_SRL, F_RRR }, { "sub", DIF_OP_SUB, F_RRR },
	{ "add", DIF_OP_ADD, F_RRR }, { "mul", DIF_OP_MUL, F_RRR },
	{ "sdiv", DIF_OP_SDIV, F_RRR }, { "udiv", DIF_OP_UDIV, F_RRR },
	{ "srem", DIF_OP_SREM, F_RRR }, { "urem", DIF_OP_UREM, F_RRR },
	{ "not", DIF_OP_NOT, F_RR }, { "mov", DIF_OP_MOV, F_RR },
	{ "cmp", DIF_OP_CMP, F_CMP }, { "tst", DIF_OP_TST, F_TST },
	{ "ba", DIF_OP_BA, F_BR }, { "be", DIF_OP_BE, F_BR },
	{ "bne", DIF_OP_BNE, F_BR }, { "bg", DIF_OP_BG, F_BR },
	{ "bgu", DIF_OP_BGU, F_BR }, { "bge", DIF_OP_BGE, F_BR },
	{ "bgeu", DIF_OP_BGEU, F_BR }, { "bl", DIF_OP_BL, F_BR },
	{ "blu", DIF_OP_BLU, F_BR }, { "ble", DIF_OP_BLE, F_BR },
	{ "bleu", DIF_OP_BLEU, F_BR },
	{ "ldsb", DIF_OP_LDSB, F_LD }, { "ldsh", DIF_OP_LDSH, F_LD },
	{ "ldsw", DIF_OP_LDSW, F_LD }, { "ldub", DIF_OP_LDUB, F_LD },
	{ "lduh", DIF_OP_LDUH, F_LD }, { "lduw", DIF_OP_LDUW, F_LD },
	{ "ldx", DIF_OP_LDX, F_LD },
	{ "ret", DIF_OP_RET, F_RET }, { "nop", DIF_OP_NOP, F_NONE },
	{ "setx", DIF_OP_SETX, F_SETX }, { "sets", DIF_OP_SETS, F_SETS },
	{ "scmp", DIF_OP_SCMP, F_CMP },
	{ "ldgs", DIF_OP_LDGS, F_LDV }, { "stgs", DIF_OP_STGS, F_STV },
	{ "ldts", DIF_OP_LDTS, F_LDV }, { "stts", DIF_OP_STTS, F_STV },
	{ "sra", DIF_OP_SRA, F_RRR }, { "call", DIF_OP_CALL, F_CALL },
	{ "pushtr", DIF_OP_PUSHTR, F_PUSH }, { "pushtv", DIF_OP_PUSHTV, F_PUSH },
	{ "popts", DIF_OP_POPTS, F_NONE }, { "flushts", DIF_OP_FLUSHTS, F_NONE },
	{ "ldgaa", DIF_OP_LDGAA, F_LDV }, { "ldtaa", DIF_OP_LDTAA, F_LDV },
	{ "stgaa", DIF_OP_STGAA, F_STV }, { "sttaa", DIF_OP_STTAA, F_STV },
	{ "ldls", DIF_OP_LDLS, F_LDV }, { "stls", DIF_OP_STLS, F_STV },
	{ "allocs", DIF_OP_ALLOCS, F_RR }, { "copys", DIF_OP_COPYS, F_RRR },
	{ "stb", DIF_OP_STB, F_ST }, { "sth", DIF_OP_STH, F_ST },
	{ "stw", DIF_OP_STW, F_ST }, { "stx", DIF_OP_STX, F_ST },
	{ "uldsb", DIF_OP_ULDSB, F_LD }, { "uldsh", DIF_OP_ULDSH, F_LD },
	{ "uldsw", DIF_OP_ULDSW, F_LD }, { "uldub", DIF_OP_ULDUB, F_LD },
	{ "ulduh", DIF_OP_ULDUH, F_LD }, { "ulduw", DIF_OP_ULDUW, F_LD },
	{ "uldx", DIF_OP_ULDX, F_LD },
};

static const struct {
	const char *name;
	unsigned int val;
} symtab[] = {
	{ "args", DIF_VAR_ARGS }, { "curthread", DIF_VAR_CURTHREAD },
	{ "timestamp", DIF_VAR_TIMESTAMP },
	{ "vtimestamp", DIF_VAR_VTIMESTAMP }, { "ipl", DIF_VAR_IPL },
	{ "epid", DIF_VAR_EPID }, { "id", DIF_VAR_ID },
	{ "arg0", DIF_VAR_ARG0 }, { "arg1", DIF_VAR_ARG0 + 1 },
	{ "arg2", DIF_VAR_ARG0 + 2 }, { "arg3", DIF_VAR_ARG0 + 3 },
	{ "arg4", DIF_VAR_ARG0 + 4 }, { "arg5", DIF_VAR_ARG0 + 5 },
	{ "arg6", DIF_VAR_ARG0 + 6 }, { "arg7", DIF_VAR_ARG0 + 7 },
	{ "arg8", DIF_VAR_ARG0 + 8 }, { "arg9", DIF_VAR_ARG9 },
	{ "stackdepth", DIF_VAR_STACKDEPTH }, { "caller", DIF_VAR_CALLER },
	{ "probeprov", DIF_VAR_PROBEPROV }, { "probemod", DIF_VAR_PROBEMOD },
	{ "probefunc", DIF_VAR_PROBEFUNC }, { "probename", DIF_VAR_PROBENAME },
	{ "pid", DIF_VAR_PID }, { "tid", DIF_VAR_TID },
	{ "execname", DIF_VAR_EXECNAME }, { "zonename", DIF_VAR_ZONENAME },
	{ "walltimestamp", DIF_VAR_WALLTIMESTAMP },
	{ "ustackdepth", DIF_VAR_USTACKDEPTH }, { "ucaller", DIF_VAR_UCALLER },
	{ "ppid", DIF_VAR_PPID }, { "uid", DIF_VAR_UID }, { "gid", DIF_VAR_GID },
	{ "errno", DIF_VAR_ERRNO }, { "cpu", DIF_VAR_CPU },
	/* subroutines */
	{ "rand", DIF_SUBR_RAND }, { "copyin", DIF_SUBR_COPYIN },
	{ "copyinstr", DIF_SUBR_COPYINSTR },
	{ "speculation", DIF_SUBR_SPECULATION },
	{ "progenyof", DIF_SUBR_PROGENYOF }, { "strlen", DIF_SUBR_STRLEN },
	{ "copyout", DIF_SUBR_COPYOUT }, { "copyoutstr", DIF_SUBR_COPYOUTSTR },
	{ "alloca", DIF_SUBR_ALLOCA }, { "bcopy", DIF_SUBR_BCOPY },
	{ "strjoin", DIF_SUBR_STRJOIN }, { "lltostr", DIF_SUBR_LLTOSTR },
	{ "stringof", DIF_SUBR_STRINGOF },
	/* tuple types */
	{ "ctf", DIF_TYPE_CTF }, { "string", DIF_TYPE_STRING },
};

void dif_init(struct dif *d)
{
	memset(d, 0, sizeof(*d));
	d->rtype.kind = DIF_TYPE_CTF;
	d->rtype.size = 8;
	d->strlen = 1;		/* offset 0 is the empty string */
}

__u32 dif_str(struct dif *d, const char *s)
{
	size_t n = strlen(s) + 1;
	__u32 off;

	for (off = 0; off < d->strlen; off += strlen(d->str + off) + 1)
		if (!strcmp(d->str + off, s))
			return off;
	if (d->strlen + n > DIF_MAXSTR) {
		fprintf(stderr, "difasm: string table full\n");
		exit(2);
	}
	off = d->strlen;
	memcpy(d->str + off, s, n);
	d->strlen += n;
	return off;
}

__u32 dif_int(struct dif *d, __u64 v)
{
	__u32 i;

	for (i = 0; i < d->nint; i++)
		if (d->ints[i] == v)
			return i;
	if (d->nint == DIF_MAXINT) {
		fprintf(stderr, "difasm: integer table full\n");
		exit(2);
	}
	d->ints[d->nint] = v;
	return d->nint++;
}

void dif_var(struct dif *d, const char *name, __u32 id, __u8 kind,
	     __u8 scope, int is_string, __u32 strsize)
{
	struct dtrace_difv *v;

	if (d->nvar == DIF_MAXVAR) {
		fprintf(stderr, "difasm: variable table full\n");
		exit(2);
	}
	v = &d->vars[d->nvar++];
	memset(v, 0, sizeof(*v));
	v->name = dif_str(d, name);
	v->id = id;
	v->kind = kind;
	v->scope = scope;
	v->flags = DIFV_F_REF | DIFV_F_MOD;
	if (is_string) {
		v->type.kind = DIF_TYPE_STRING;
		v->type.flags = DIF_TF_BYREF;
		v->type.size = strsize;
	} else {
		v->type.kind = DIF_TYPE_CTF;
		v->type.size = 8;
	}
}

void dif_rtype_string(struct dif *d, __u32 strsize)
{
	d->rtype.kind = DIF_TYPE_STRING;
	d->rtype.flags = DIF_TF_BYREF;
	d->rtype.size = strsize;
}

void dif_rtype_int(struct dif *d, __u32 size)
{
	d->rtype.kind = DIF_TYPE_CTF;
	d->rtype.flags = 0;
	d->rtype.size = size;
}

#define ALIGN8(x)	(((x) + 7) & ~(size_t)7)

size_t dif_size(const struct dif *d)
{
	return sizeof(struct dtrace_difo_hdr) + ALIGN8(d->ninsn * 4) +
	       d->nint * 8 + d->nvar * sizeof(struct dtrace_difv) +
	       ALIGN8(d->strlen);
}

size_t dif_encode(const struct dif *d, void *out)
{
	struct dtrace_difo_hdr h;
	char *p = out;
	size_t n = dif_size(d);

	memset(out, 0, n);
	memset(&h, 0, sizeof(h));
	h.size = n;
	h.ninstr = d->ninsn;
	h.nint = d->nint;
	h.nvar = d->nvar;
	h.strlen = d->strlen;
	h.rtype = d->rtype;
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	memcpy(p, d->insn, d->ninsn * 4);
	p += ALIGN8(d->ninsn * 4);
	memcpy(p, d->ints, d->nint * 8);
	p += d->nint * 8;
	memcpy(p, d->vars, d->nvar * sizeof(struct dtrace_difv));
	p += d->nvar * sizeof(struct dtrace_difv);
	memcpy(p, d->str, d->strlen);
	return n;
}

/* ---- the assembler -------------------------------------------------- */

#define MAXLABELS 64
#define MAXOPS 4

struct asmstate {
	struct dif *d;
	char labels[MAXLABELS][32];
	int labelpc[MAXLABELS];
	int nlabels;
	int pass;
	int pc;
	int line;
};

static int asm_err(struct asmstate *a, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(a->d->err, sizeof(a->d->err), "line %d: ", a->line);
	va_start(ap, fmt);
	vsnprintf(a->d->err + n, sizeof(a->d->err) - n, fmt, ap);
	va_end(ap);
	return -1;
}

static int parse_reg(struct asmstate *a, const char *s, unsigned int *r)
{
	char *end;
	unsigned long v;

	if (*s == '[') {
		size_t n = strlen(s);

		if (n < 2 || s[n - 1] != ']')
			return asm_err(a, "bad operand %s", s);
		char buf[32];

		if (n - 2 >= sizeof(buf))
			return asm_err(a, "bad operand %s", s);
		memcpy(buf, s + 1, n - 2);
		buf[n - 2] = 0;
		return parse_reg(a, buf, r);
	}
	if (s[0] != '%' || s[1] != 'r')
		return asm_err(a, "expected a register, got %s", s);
	v = strtoul(s + 2, &end, 10);
	if (*end || end == s + 2 || v > 255)
		return asm_err(a, "bad register %s", s);
	*r = v;
	return 0;
}

static int parse_num(const char *s, __u64 *v)
{
	char *end;

	if (!*s)
		return -1;
	if (*s == '-')
		*v = (__u64)strtoll(s, &end, 0);
	else
		*v = strtoull(s, &end, 0);
	return *end ? -1 : 0;
}

/* A symbol, raw index (@N) or number. */
static int parse_sym(struct asmstate *a, const char *s, __u64 *v)
{
	size_t i;

	if (*s == '@')
		s++;
	if (!parse_num(s, v))
		return 0;
	for (i = 0; i < sizeof(symtab) / sizeof(symtab[0]); i++)
		if (!strcmp(symtab[i].name, s)) {
			*v = symtab[i].val;
			return 0;
		}
	return asm_err(a, "unknown symbol %s", s);
}

static int parse_label(struct asmstate *a, const char *s, __u64 *v)
{
	int i;

	if (!parse_num(s, v))
		return 0;
	if (a->pass == 0) {
		*v = 0;
		return 0;
	}
	for (i = 0; i < a->nlabels; i++)
		if (!strcmp(a->labels[i], s)) {
			*v = a->labelpc[i];
			return 0;
		}
	return asm_err(a, "unknown label %s", s);
}

static void emit(struct asmstate *a, __u32 insn)
{
	if (a->pass == 1 && a->pc < DIF_MAXINSN)
		a->d->insn[a->pc] = insn;
	a->pc++;
}

/* Split "op a, b, c" into words; strings keep their quotes. */
static int split_ops(char *s, char **ops, int max)
{
	int n = 0;

	while (*s) {
		while (isspace((unsigned char)*s) || *s == ',')
			s++;
		if (!*s)
			break;
		if (n == max)
			return -1;
		ops[n++] = s;
		if (*s == '"') {
			s++;
			while (*s && *s != '"') {
				if (*s == '\\' && s[1])
					s++;
				s++;
			}
			if (*s)
				s++;
		} else {
			while (*s && *s != ',' && !isspace((unsigned char)*s))
				s++;
		}
		if (*s)
			*s++ = 0;
	}
	return n;
}

static int unquote(const char *q, char *out, size_t room)
{
	size_t n = 0;

	if (*q++ != '"')
		return -1;
	while (*q && *q != '"') {
		char c = *q++;

		if (c == '\\') {
			c = *q++;
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
		}
		if (n + 1 >= room)
			return -1;
		out[n++] = c;
	}
	out[n] = 0;
	return *q == '"' ? 0 : -1;
}

static int asm_stmt(struct asmstate *a, char *s)
{
	char *ops[MAXOPS + 1], *colon, *mn;
	unsigned int r1 = 0, r2 = 0, rd = 0;
	__u64 v = 0, w = 0;
	int n, i;
	size_t k;

	while (isspace((unsigned char)*s))
		s++;
	colon = strchr(s, ':');
	if (colon && (!strchr(s, '"') || colon < strchr(s, '"'))) {
		*colon = 0;
		if (a->pass == 0) {
			if (a->nlabels == MAXLABELS)
				return asm_err(a, "too many labels");
			snprintf(a->labels[a->nlabels], 32, "%s", s);
			a->labelpc[a->nlabels++] = a->pc;
		}
		s = colon + 1;
		while (isspace((unsigned char)*s))
			s++;
	}
	if (!*s)
		return 0;
	mn = s;
	while (*s && !isspace((unsigned char)*s))
		s++;
	if (*s)
		*s++ = 0;
	n = split_ops(s, ops, MAXOPS);
	if (n < 0)
		return asm_err(a, "too many operands");
	if (!strcmp(mn, ".word")) {
		if (n != 1 || parse_num(ops[0], &v))
			return asm_err(a, ".word needs a number");
		emit(a, (__u32)v);
		return 0;
	}
	for (k = 0; k < sizeof(optab) / sizeof(optab[0]); k++)
		if (!strcmp(optab[k].name, mn))
			break;
	if (k == sizeof(optab) / sizeof(optab[0]))
		return asm_err(a, "unknown mnemonic %s", mn);
	i = optab[k].op;
	switch (optab[k].fmt) {
	case F_RRR:
		if (n != 3 || parse_reg(a, ops[0], &r1) ||
		    parse_reg(a, ops[1], &r2) || parse_reg(a, ops[2], &rd))
			return asm_err(a, "%s r1, r2, rd", mn);
		emit(a, DIF_INSTR_FMT(i, r1, r2, rd));
		break;
	case F_RR:
		if (n != 2 || parse_reg(a, ops[0], &r1) ||
		    parse_reg(a, ops[1], &rd))
			return asm_err(a, "%s r1, rd", mn);
		emit(a, DIF_INSTR_FMT(i, r1, 0, rd));
		break;
	case F_CMP:
		if (n != 2 || parse_reg(a, ops[0], &r1) ||
		    parse_reg(a, ops[1], &r2))
			return asm_err(a, "%s r1, r2", mn);
		emit(a, DIF_INSTR_FMT(i, r1, r2, 0));
		break;
	case F_TST:
		if (n != 1 || parse_reg(a, ops[0], &r1))
			return asm_err(a, "%s r1", mn);
		emit(a, DIF_INSTR_FMT(i, r1, 0, 0));
		break;
	case F_BR:
		if (n != 1 || parse_label(a, ops[0], &v))
			return asm_err(a, "%s label", mn);
		emit(a, DIF_INSTR_BRANCH(i, (__u32)v & 0xffffff));
		break;
	case F_LD:
		if (n != 2 || parse_reg(a, ops[0], &r1) ||
		    parse_reg(a, ops[1], &rd))
			return asm_err(a, "%s [r1], rd", mn);
		emit(a, DIF_INSTR_FMT(i, r1, 0, rd));
		break;
	case F_ST:
		if (n != 2 || parse_reg(a, ops[0], &r1) ||
		    parse_reg(a, ops[1], &rd))
			return asm_err(a, "%s r1, [rd]", mn);
		emit(a, DIF_INSTR_FMT(i, r1, 0, rd));
		break;
	case F_RET:
		if (n != 1 || parse_reg(a, ops[0], &rd))
			return asm_err(a, "ret rd");
		emit(a, DIF_INSTR_RET(rd));
		break;
	case F_NONE:
		if (n != 0)
			return asm_err(a, "%s takes no operands", mn);
		emit(a, DIF_INSTR_FMT(i, 0, 0, 0));
		break;
	case F_SETX:
		if (n != 2 || parse_reg(a, ops[1], &rd))
			return asm_err(a, "setx value, rd");
		if (ops[0][0] == '@') {
			if (parse_num(ops[0] + 1, &w))
				return asm_err(a, "setx @index");
		} else {
			if (parse_num(ops[0], &v))
				return asm_err(a, "setx: bad number %s", ops[0]);
			w = a->pass == 1 ? dif_int(a->d, v) : 0;
		}
		emit(a, DIF_INSTR_SETX((__u32)w & 0xffff, rd));
		break;
	case F_SETS:
		if (n != 2 || parse_reg(a, ops[1], &rd))
			return asm_err(a, "sets \"string\", rd");
		if (ops[0][0] == '@') {
			if (parse_num(ops[0] + 1, &w))
				return asm_err(a, "sets @offset");
		} else {
			char buf[DIF_MAXSTR];

			if (unquote(ops[0], buf, sizeof(buf)))
				return asm_err(a, "sets: bad string");
			w = a->pass == 1 ? dif_str(a->d, buf) : 0;
		}
		emit(a, DIF_INSTR_SETS((__u32)w & 0xffff, rd));
		break;
	case F_LDV:
		if (n != 2 || parse_sym(a, ops[0], &v) ||
		    parse_reg(a, ops[1], &rd))
			return asm_err(a, "%s var, rd", mn);
		emit(a, DIF_INSTR_LDV(i, (__u32)v & 0xffff, rd));
		break;
	case F_STV:
		if (n != 2 || parse_sym(a, ops[0], &v) ||
		    parse_reg(a, ops[1], &rd))
			return asm_err(a, "%s var, rs", mn);
		emit(a, DIF_INSTR_STV(i, (__u32)v & 0xffff, rd));
		break;
	case F_CALL:
		if (n != 2 || parse_sym(a, ops[0], &v) ||
		    parse_reg(a, ops[1], &rd))
			return asm_err(a, "call subr, rd");
		emit(a, DIF_INSTR_CALL((__u32)v & 0xffff, rd));
		break;
	case F_PUSH:
		if (n != 3 || parse_sym(a, ops[0], &v) ||
		    parse_reg(a, ops[1], &r2) || parse_reg(a, ops[2], &rd))
			return asm_err(a, "%s type, r2, rs", mn);
		emit(a, DIF_INSTR_PUSHTS(i, (__u32)v & 0xff, r2, rd));
		break;
	}
	return 0;
}

int dif_asm(struct dif *d, const char *src)
{
	struct asmstate a;
	size_t len = strlen(src);
	char *buf = malloc(len + 1);
	int start = d->ninsn;

	if (!buf)
		return -1;
	memset(&a, 0, sizeof(a));
	a.d = d;
	for (a.pass = 0; a.pass < 2; a.pass++) {
		char *p, *stmt;

		memcpy(buf, src, len + 1);
		a.pc = start;
		a.line = 1;
		for (p = buf; *p; ) {
			char *hash;

			stmt = p;
			while (*p && *p != '\n' && *p != ';')
				p++;
			if (*p) {
				if (*p == '\n')
					a.line++;
				*p++ = 0;
			}
			hash = strchr(stmt, '#');
			if (hash && (!strchr(stmt, '"') || hash < strchr(stmt, '"')))
				*hash = 0;
			if (asm_stmt(&a, stmt)) {
				free(buf);
				return -1;
			}
		}
		if (a.pc > DIF_MAXINSN) {
			free(buf);
			snprintf(d->err, sizeof(d->err), "too many instructions");
			return -1;
		}
	}
	d->ninsn = a.pc;
	free(buf);
	return 0;
}

struct dif *dif_new(const char *src)
{
	struct dif *d = malloc(sizeof(*d));

	if (!d) {
		perror("malloc");
		exit(2);
	}
	dif_init(d);
	if (dif_asm(d, src)) {
		fprintf(stderr, "difasm: %s\n  in: %s\n", d->err, src);
		exit(2);
	}
	return d;
}
