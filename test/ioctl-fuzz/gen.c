// SPDX-License-Identifier: GPL-2.0
/*
 * gen.c - random enablings for the ioctl fuzzer (gen.h).
 *
 * DIF programs are written as assembler text for test/ioctl/difasm.c, a
 * few "snippets" at a time.  A valid snippet keeps the program valid for
 * the module's validator; a hostile one is valid too but does something
 * that must fault at run time (bad loads, division by zero, scratch and
 * tuple-stack exhaustion, string subroutines on non-strings, ...).
 * Clauses and actions are put together with test/ioctl/enabling.c, whose
 * recorded offsets let gen_mutate() aim at a chosen header or instruction.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "difasm.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN8(x)	(((x) + 7) & ~(size_t)7)
#define MB		(1024ULL * 1024)

/* Module limits we must mirror to judge what it would allocate. */
#define MOD_BUFSIZE_MAX		(256 * MB)	/* Kconfig default */
#define MOD_BUFSIZE_DEFAULT	(4 * MB)
#define MOD_AGGSIZE_DEFAULT	(4 * MB)
#define MOD_NVARS		(0xffff - 0x500 + 1)

uint64_t gen_bad_addrs[] = {
	0x0, 0x1, 0x8, 0xfff, 0x1000,
	0xffffffff81000000ULL,		/* kernel text */
	0xffffffffc0000000ULL,		/* modules */
	0xffff888000000000ULL,		/* direct map, first page */
	0xffff888000001003ULL,		/* direct map, misaligned */
	0xffffc90000000000ULL,		/* vmalloc area start */
	0xffffea0000000000ULL,		/* vmemmap */
	0xfffffe0000000000ULL,		/* cpu entry area */
	0xffffffffff600000ULL,		/* vsyscall page */
	0xfffffffffffff000ULL,		/* last page */
	0xfffffffffffffff9ULL,		/* wraps with 8-byte loads */
	0x8000000000000000ULL,		/* non-canonical */
	0x00007ffffffff000ULL,		/* top of user space */
	0x0000800000000000ULL,		/* first non-canonical */
	0xffff800000000000ULL,		/* Xen PV: hypervisor hole */
	0xffff87ffffffffffULL,
	0, 0, 0,			/* user addresses, set at run time */
};
int gen_nbad_addrs = ARRAY_SIZE(gen_bad_addrs);

static const uint64_t interesting64[] = {
	0, 1, 2, 7, 8, 9, 15, 16, 31, 32, 63, 64, 255, 256, 4095, 4096,
	65535, 65536, 0x7fffffff, 0x80000000ULL, 0xffffffffULL,
	0x100000000ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
	0xffffffffffffffffULL, 0xfffffffffffffffeULL, 12345, 100,
};

/* ------------------------------------------------------------------ */
/* program builder */

enum { K_INT = 0, K_STR = 1 };

struct pb {
	struct rng *r;
	const struct genctx *c;
	struct dif *d;
	char src[24576];
	size_t n;
	int kind[DIF_DIR_NREGS];	/* K_INT / K_STR per register */
	int nlab;
	uint32_t declared[32];		/* (scope << 16 | id) declared */
	int ndeclared;
	int ninsn_est;
	int strbytes;			/* string table estimate */
	int overflow;
};

static void emit(struct pb *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void emit(struct pb *p, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (p->overflow)
		return;
	va_start(ap, fmt);
	k = vsnprintf(p->src + p->n, sizeof(p->src) - p->n - 2, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= sizeof(p->src) - p->n - 2) {
		p->overflow = 1;
		p->src[p->n] = 0;
		return;
	}
	p->n += k;
	p->src[p->n++] = '\n';
	p->src[p->n] = 0;
	p->ninsn_est++;
}

static int reg(struct pb *p)		/* a destination register */
{
	return 1 + rng_below(p->r, DIF_DIR_NREGS - 1);
}

/* A register holding kind k, or -1. */
static int reg_of(struct pb *p, int k)
{
	int cand[DIF_DIR_NREGS], n = 0, i;

	for (i = 1; i < DIF_DIR_NREGS; i++)
		if (p->kind[i] == k)
			cand[n++] = i;
	return n ? cand[rng_below(p->r, n)] : -1;
}

static int int_reg(struct pb *p)	/* %r0 counts as the integer 0 */
{
	int r = reg_of(p, K_INT);

	return r < 0 || rng_chance(p->r, 1, 10) ? 0 : r;
}

static uint64_t interesting(struct rng *r)
{
	switch (rng_below(r, 4)) {
	case 0:
		return rng_next(r);
	case 1:
		return rng_below(r, 1000);
	default:
		return RNG_PICK(r, interesting64);
	}
}

static uint64_t bad_addr(struct pb *p)
{
	uint64_t a = gen_bad_addrs[rng_below(p->r, gen_nbad_addrs)];

	if (!a && rng_chance(p->r, 2, 3)) {
		switch (rng_below(p->r, 3)) {
		case 0:
			a = p->c->user_unmapped + rng_below(p->r, 4096);
			break;
		case 1:
			a = p->c->user_str;
			break;
		default:
			a = p->c->user_buf + rng_below(p->r, 8192);
			break;
		}
	}
	if (rng_chance(p->r, 1, 8))
		a += rng_below(p->r, 16) - 8;
	return a;
}

static const char *const strpool[] = {
	"", "a", "hello", "/usr/lib/../bin//x/", "foo.bar.baz", "  ",
	"AbCdEf", "10.0.0.1", "::1", "/", "..", "x/y/z", "tok,en,s",
	"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
};

static void setstr(struct pb *p, int rd)
{
	char buf[96];
	const char *s = RNG_PICK(p->r, strpool);

	if (rng_chance(p->r, 1, 6)) {
		int n = 1 + rng_below(p->r, 80), i;

		for (i = 0; i < n; i++)
			buf[i] = "abcXYZ/._- 019"[rng_below(p->r, 14)];
		buf[n] = 0;
		s = buf;
	}
	/* difasm's string table holds DIF_MAXSTR bytes: reuse when full. */
	if (p->strbytes + strlen(s) + 1 > DIF_MAXSTR / 2)
		s = "a";
	else
		p->strbytes += strlen(s) + 1;
	emit(p, "sets \"%s\", %%r%d", s, rd);
	p->kind[rd] = K_STR;
}

static void setx(struct pb *p, uint64_t v, int rd)
{
	if (p->d->nint >= DIF_MAXINT - 2) {
		/* Integer table full: reuse an existing entry. */
		emit(p, "setx @%u, %%r%d", rng_below(p->r, p->d->nint), rd);
	} else {
		emit(p, "setx 0x%llx, %%r%d", (unsigned long long)v, rd);
		p->d->nint++;	/* estimate, the assembler recounts */
	}
	p->kind[rd] = K_INT;
}

static int str_reg(struct pb *p)	/* a string register, made if needed */
{
	int r = reg_of(p, K_STR);

	if (r < 0) {
		r = reg(p);
		setstr(p, r);
	}
	return r;
}

static void push_int(struct pb *p, int r)
{
	emit(p, "pushtv ctf, %%r0, %%r%d", r);
}

static void push_str(struct pb *p, int r)
{
	emit(p, "pushtr string, %%r0, %%r%d", r);
}

static void call(struct pb *p, int subr, int rd, int k)
{
	emit(p, "call %d, %%r%d", subr, rd);
	p->kind[rd] = k;
}

/* Variable IDs: scope-relative index k; kind by k % 4 (globals/threads):
 * 0 int scalar, 1 string scalar, 2 int array, 3 string array; locals by
 * k % 2: 0 int, 1 string. */
static void declare(struct pb *p, uint32_t id, int scope, int kind, int str)
{
	uint32_t key = (uint32_t)scope << 16 | id;
	char name[16];
	int i;

	for (i = 0; i < p->ndeclared; i++)
		if (p->declared[i] == key)
			return;
	if (p->ndeclared == ARRAY_SIZE(p->declared) ||
	    p->d->nvar >= DIF_MAXVAR)
		return;		/* undeclared variables are allowed too */
	p->declared[p->ndeclared++] = key;
	snprintf(name, sizeof(name), "v%x_%d", id, scope);
	dif_var(p->d, name, id, kind, scope, str, p->c->strsize);
}

static int pick_var(struct pb *p, uint32_t n, int want_mod, int mod)
{
	uint32_t k, tries;

	if (!n)
		return -1;
	for (tries = 0; tries < 8; tries++) {
		k = rng_below(p->r, n);
		if ((int)(k % mod) == want_mod)
			return k;
	}
	return -1;
}

/* ---- valid snippets ---- */

static void sn_const(struct pb *p)
{
	setx(p, interesting(p->r), reg(p));
}

static void sn_arith(struct pb *p)
{
	static const char *const ops[] = {
		"or", "xor", "and", "sll", "srl", "sub", "add", "mul", "sra"
	};
	int rd = reg(p);

	emit(p, "%s %%r%d, %%r%d, %%r%d", RNG_PICK(p->r, ops), int_reg(p),
	     int_reg(p), rd);
	p->kind[rd] = K_INT;
}

static void sn_div(struct pb *p)
{
	static const char *const ops[] = { "sdiv", "udiv", "srem", "urem" };
	int rt = reg(p), rd = reg(p), ra = int_reg(p);

	if (ra == rt)
		ra = 0;
	setx(p, 1 + rng_below(p->r, 1000), rt);
	emit(p, "%s %%r%d, %%r%d, %%r%d", RNG_PICK(p->r, ops), ra, rt, rd);
	p->kind[rd] = K_INT;
}

static void sn_unary(struct pb *p)
{
	int rd = reg(p);

	emit(p, "%s %%r%d, %%r%d", rng_chance(p->r, 1, 2) ? "not" : "mov",
	     int_reg(p), rd);
	p->kind[rd] = K_INT;
}

static void sn_builtin(struct pb *p)
{
	static const char *const ints[] = {
		"timestamp", "vtimestamp", "ipl", "epid", "id", "arg0", "arg1",
		"arg2", "arg9", "stackdepth", "caller", "pid", "tid",
		"walltimestamp", "ustackdepth", "ucaller", "ppid", "uid", "gid",
		"errno", "cpu", "curthread",
	};
	static const char *const strs[] = {
		"probeprov", "probemod", "probefunc", "probename", "execname",
		"zonename",
	};
	int rd = reg(p);

	if (rng_chance(p->r, 1, 3)) {
		emit(p, "ldgs %s, %%r%d", RNG_PICK(p->r, strs), rd);
		p->kind[rd] = K_STR;
	} else {
		emit(p, "ldgs %s, %%r%d", RNG_PICK(p->r, ints), rd);
		p->kind[rd] = K_INT;
	}
}

static void ldga(struct pb *p, uint64_t idx)
{
	int rt = reg(p), rd = reg(p);

	setx(p, idx, rt);
	emit(p, ".word 0x%x", DIF_INSTR_FMT(DIF_OP_LDGA, DIF_VAR_ARGS, rt, rd));
	p->kind[rd] = K_INT;
}

static void sn_args(struct pb *p)
{
	ldga(p, rng_below(p->r, DTRACE_MAXARGS));
}

static void sn_sets(struct pb *p)
{
	setstr(p, reg(p));
}

static void sn_strlen(struct pb *p)
{
	int rs = str_reg(p), rd = reg(p);

	emit(p, "flushts");
	push_str(p, rs);
	call(p, DIF_SUBR_STRLEN, rd, K_INT);
}

static void sn_strsubr(struct pb *p)
{
	int rd = reg(p), s1 = str_reg(p), s2 = str_reg(p), i1 = int_reg(p);

	emit(p, "flushts");
	switch (rng_below(p->r, 14)) {
	case 0:
		push_str(p, s1);
		push_str(p, s2);
		call(p, DIF_SUBR_STRJOIN, rd, K_STR);
		break;
	case 1:
		push_str(p, s1);
		call(p, RNG_PICK(p->r, ((const int[]){ DIF_SUBR_TOUPPER,
			DIF_SUBR_TOLOWER, DIF_SUBR_BASENAME, DIF_SUBR_DIRNAME,
			DIF_SUBR_CLEANPATH, DIF_SUBR_STRINGOF })), rd, K_STR);
		break;
	case 2:
		push_str(p, s1);
		push_int(p, i1);
		if (rng_chance(p->r, 1, 2))
			push_int(p, int_reg(p));
		call(p, DIF_SUBR_SUBSTR, rd, K_STR);
		break;
	case 3:
		push_str(p, s1);
		push_str(p, s2);
		if (rng_chance(p->r, 1, 2))
			push_int(p, i1);
		call(p, rng_chance(p->r, 1, 2) ? DIF_SUBR_INDEX :
		     DIF_SUBR_RINDEX, rd, K_INT);
		break;
	case 4:
		push_str(p, s1);
		push_int(p, i1);
		call(p, rng_chance(p->r, 1, 2) ? DIF_SUBR_STRCHR :
		     DIF_SUBR_STRRCHR, rd, K_STR);
		break;
	case 5:
		push_str(p, s1);
		push_str(p, s2);
		call(p, DIF_SUBR_STRSTR, rd, K_STR);
		break;
	case 6:
		push_str(p, s1);
		push_str(p, s2);
		call(p, DIF_SUBR_STRTOK, rd, K_STR);
		break;
	case 7:
		push_int(p, i1);
		if (rng_chance(p->r, 1, 2)) {
			int rb = reg(p);

			setx(p, 2 + rng_below(p->r, 35), rb);
			push_int(p, rb);
		}
		call(p, DIF_SUBR_LLTOSTR, rd, K_STR);
		break;
	case 8:
		push_int(p, i1);
		call(p, DIF_SUBR_STRINGOF, rd, K_STR);
		break;
	case 9:
		push_int(p, i1);
		call(p, RNG_PICK(p->r, ((const int[]){ DIF_SUBR_HTONS,
			DIF_SUBR_HTONL, DIF_SUBR_HTONLL, DIF_SUBR_NTOHS,
			DIF_SUBR_NTOHL, DIF_SUBR_NTOHLL })), rd, K_INT);
		break;
	case 10:
		push_int(p, i1);
		call(p, DIF_SUBR_PROGENYOF, rd, K_INT);
		break;
	case 11:
		call(p, DIF_SUBR_RAND, rd, K_INT);
		break;
	case 12: {	/* inet_ntoa(&alloca'd 4 bytes) */
		int rt = reg(p), ra = reg(p);

		setx(p, 16, rt);
		push_int(p, rt);
		call(p, DIF_SUBR_ALLOCA, ra, K_INT);
		emit(p, "stw %%r%d, [%%r%d]", i1, ra);
		emit(p, "flushts");
		push_int(p, ra);
		call(p, DIF_SUBR_INET_NTOA, rd, K_STR);
		break;
	}
	default:
		if (p->c->nspec) {
			call(p, DIF_SUBR_SPECULATION, rd, K_INT);
		} else {
			push_str(p, s1);
			call(p, DIF_SUBR_STRLEN, rd, K_INT);
		}
		break;
	}
}

/* Store then load a scalar variable of some scope. */
static void sn_scalar(struct pb *p)
{
	static const char *const st[] = { "stgs", "stts", "stls" };
	static const char *const ld[] = { "ldgs", "ldts", "ldls" };
	uint32_t n[3] = { p->c->ngvars, p->c->ntvars, p->c->nlvars };
	int scope = rng_below(p->r, 3), k, str, rd = reg(p), rs;
	uint32_t id;

	k = pick_var(p, n[scope], rng_below(p->r, 2), scope == 2 ? 2 : 4);
	if (k < 0)
		return sn_const(p);
	str = k % 2;
	id = DIF_VAR_OTHER_UBASE + k;
	declare(p, id, scope, DIFV_KIND_SCALAR, str);
	rs = str ? str_reg(p) : int_reg(p);
	if (rng_chance(p->r, 3, 4))
		emit(p, "%s 0x%x, %%r%d", st[scope], id, rs);
	emit(p, "%s 0x%x, %%r%d", ld[scope], id, rd);
	p->kind[rd] = str ? K_STR : K_INT;
}

static void push_keys(struct pb *p, int rk, int rs)
{
	emit(p, "flushts");
	push_int(p, rk);
	if (rs > 0)
		push_str(p, rs);
}

/* a[k] = v; x = a[k] for global or thread-local associative arrays. */
static void sn_assoc(struct pb *p)
{
	int scope = rng_chance(p->r, 1, 2) ? DIFV_SCOPE_GLOBAL :
		    DIFV_SCOPE_THREAD;
	uint32_t n = scope == DIFV_SCOPE_GLOBAL ? p->c->ngvars : p->c->ntvars;
	int k = pick_var(p, n, 2 + rng_below(p->r, 2), 4), str;
	int rk = int_reg(p), rs = rng_chance(p->r, 1, 2) ? str_reg(p) : 0;
	int rd = reg(p), rv;
	uint32_t id;
	const char *sfx = scope == DIFV_SCOPE_GLOBAL ? "g" : "t";

	if (k < 0)
		return sn_const(p);
	str = k % 4 == 3;
	id = DIF_VAR_OTHER_UBASE + k;
	declare(p, id, scope, DIFV_KIND_ARRAY, str);
	rv = str ? str_reg(p) : int_reg(p);
	if (rng_chance(p->r, 3, 4)) {
		push_keys(p, rk, rs);
		emit(p, "st%saa 0x%x, %%r%d", sfx, id, rv);
	}
	push_keys(p, rk, rs);
	emit(p, "ld%saa 0x%x, %%r%d", sfx, id, rd);
	p->kind[rd] = str ? K_STR : K_INT;
}

static void sn_alloca(struct pb *p)
{
	static const char *const st[] = { "stb", "sth", "stw", "stx" };
	static const char *const ld[] = {
		"ldsb", "ldsh", "ldsw", "ldub", "lduh", "lduw", "ldx"
	};
	int rt = reg(p), ra = reg(p), rd = reg(p), rv = int_reg(p);

	setx(p, 8 + 8 * rng_below(p->r, 32), rt);
	if (rng_chance(p->r, 1, 2)) {
		emit(p, "flushts");
		push_int(p, rt);
		call(p, DIF_SUBR_ALLOCA, ra, K_INT);
	} else {
		emit(p, "allocs %%r%d, %%r%d", rt, ra);
		p->kind[ra] = K_INT;
	}
	if (rv == ra)
		rv = 0;
	emit(p, "%s %%r%d, [%%r%d]", RNG_PICK(p->r, st), rv, ra);
	if (rng_chance(p->r, 1, 3)) {	/* copy a string into it */
		int rs = str_reg(p), rl = reg(p);

		if (rl != ra && rs != rl) {
			setx(p, 4, rl);
			emit(p, "copys %%r%d, %%r%d, %%r%d", rs, rl, ra);
		}
	}
	emit(p, "%s [%%r%d], %%r%d", RNG_PICK(p->r, ld), ra, rd);
	p->kind[rd] = K_INT;
}

static void sn_branch(struct pb *p)
{
	static const char *const br[] = {
		"ba", "be", "bne", "bg", "bgu", "bge", "bgeu", "bl", "blu",
		"ble", "bleu"
	};
	int l = p->nlab++, rd = reg(p);

	if (rng_chance(p->r, 1, 4)) {
		int a = str_reg(p), b = str_reg(p);

		emit(p, "scmp %%r%d, %%r%d", a, b);
	} else if (rng_chance(p->r, 1, 2)) {
		emit(p, "cmp %%r%d, %%r%d", int_reg(p), int_reg(p));
	} else {
		emit(p, "tst %%r%d", int_reg(p));
	}
	emit(p, "%s L%d", RNG_PICK(p->r, br), l);
	setx(p, interesting(p->r), rd);
	if (rng_chance(p->r, 1, 3))
		emit(p, "nop");
	emit(p, "L%d:", l);
	p->ninsn_est--;
}

static void sn_copyinstr_self(struct pb *p)
{
	int rt = reg(p), rd = reg(p);

	if (p->c->probe_ctx || !p->c->user_str)
		return sn_strlen(p);
	setx(p, p->c->user_str, rt);
	emit(p, "flushts");
	push_int(p, rt);
	call(p, DIF_SUBR_COPYINSTR, rd, K_STR);
}

/* ---- hostile snippets (valid DIF, faulting at run time) ---- */

static void hs_badload(struct pb *p)
{
	static const char *const ld[] = {
		"ldsb", "ldsh", "ldsw", "ldub", "lduh", "lduw", "ldx",
		"uldsb", "uldsh", "uldsw", "uldub", "ulduh", "ulduw", "uldx",
	};
	int rt = reg(p), rd = reg(p);

	setx(p, bad_addr(p), rt);
	emit(p, "%s [%%r%d], %%r%d", RNG_PICK(p->r, ld), rt, rd);
	p->kind[rd] = K_INT;
}

static void hs_div(struct pb *p)
{
	static const char *const ops[] = { "sdiv", "udiv", "srem", "urem" };
	int ra = reg(p), rb = reg(p), rd = reg(p);

	if (rng_chance(p->r, 1, 2)) {
		setx(p, 0x8000000000000000ULL, ra);
		setx(p, rng_chance(p->r, 1, 2) ? ~0ULL : 0, rb);
	} else {
		setx(p, interesting(p->r), ra);
		setx(p, 0, rb);
	}
	if (ra == rb)
		ra = 0;
	emit(p, "%s %%r%d, %%r%d, %%r%d", RNG_PICK(p->r, ops), ra, rb, rd);
	p->kind[rd] = K_INT;
}

static void hs_alloca(struct pb *p)
{
	static const uint64_t sz[] = {
		0, 1, 4096, 8192, 16384, 65536, 1ULL << 31, 1ULL << 40,
		~0ULL, ~0ULL - 7, 0x8000000000000000ULL,
	};
	int rt = reg(p), ra = reg(p), i, n = 1 + rng_below(p->r, 4);

	for (i = 0; i < n; i++) {
		setx(p, RNG_PICK(p->r, sz), rt);
		if (rng_chance(p->r, 1, 2)) {
			emit(p, "flushts");
			push_int(p, rt);
			call(p, DIF_SUBR_ALLOCA, ra, K_INT);
		} else {
			emit(p, "allocs %%r%d, %%r%d", rt, ra);
			p->kind[ra] = K_INT;
		}
		if (rng_chance(p->r, 1, 2))
			emit(p, "stx %%r%d, [%%r%d]", rt, ra);
	}
}

static void hs_tuple(struct pb *p)
{
	int n = rng_below(p->r, DIF_DTR_NREGS + 5), i, rd = reg(p);

	if (rng_chance(p->r, 1, 2))
		emit(p, "flushts");
	for (i = 0; i < n; i++) {
		switch (rng_below(p->r, 4)) {
		case 0:
			emit(p, "popts");
			break;
		case 1:
			push_str(p, reg(p));	/* maybe not a string */
			break;
		default:
			push_int(p, int_reg(p));
			break;
		}
	}
	if (rng_chance(p->r, 1, 4))	/* PUSHTV with a bogus size reg */
		emit(p, "pushtr ctf, %%r%d, %%r%d", reg(p), reg(p));
	call(p, rng_below(p->r, DIF_SUBR_MAX + 1), rd, K_INT);
	if (p->kind[rd] == K_INT && rng_chance(p->r, 1, 2))
		p->kind[rd] = K_STR;	/* use the result as a string */
	if (rng_chance(p->r, 1, 2)) {
		emit(p, "flushts");
		push_int(p, rd);
		emit(p, "ldgaa 0x%x, %%r%d", DIF_VAR_OTHER_UBASE, reg(p));
	}
}

/* String subroutines and string ops applied to a bad pointer. */
static void hs_strbad(struct pb *p)
{
	static const int subr[] = {
		DIF_SUBR_STRLEN, DIF_SUBR_STRJOIN, DIF_SUBR_TOUPPER,
		DIF_SUBR_BASENAME, DIF_SUBR_DIRNAME, DIF_SUBR_CLEANPATH,
		DIF_SUBR_STRCHR, DIF_SUBR_STRSTR, DIF_SUBR_STRTOK,
		DIF_SUBR_SUBSTR, DIF_SUBR_INDEX, DIF_SUBR_RINDEX,
		DIF_SUBR_STRINGOF, DIF_SUBR_COPYINSTR, DIF_SUBR_INET_NTOA,
		DIF_SUBR_INET_NTOA6, DIF_SUBR_INET_NTOP, DIF_SUBR_LLTOSTR,
		DIF_SUBR_STRRCHR, DIF_SUBR_TOLOWER,
	};
	int rb = reg(p), rd = reg(p), s = 0, i, nargs;

	setx(p, bad_addr(p), rb);
	if (rng_chance(p->r, 1, 2))
		s = str_reg(p);
	emit(p, "flushts");
	nargs = 1 + rng_below(p->r, 3);
	for (i = 0; i < nargs; i++) {
		int r = rng_chance(p->r, 1, 2) || !s ? rb : s;

		if (rng_chance(p->r, 1, 3))
			push_int(p, rng_chance(p->r, 1, 2) ? rb : int_reg(p));
		else
			push_str(p, r);
	}
	call(p, RNG_PICK(p->r, subr), rd, K_STR);
	if (rng_chance(p->r, 1, 2)) {
		emit(p, "scmp %%r%d, %%r%d", rb, s ? s : rd);
		p->kind[rd] = K_INT;
	}
}

static void hs_copy(struct pb *p)
{
	static const uint64_t len[] = {
		0, 1, 8, 255, 256, 4096, 65536, 1ULL << 32, ~0ULL,
	};
	int ra = reg(p), rn = reg(p), rx = reg(p), rd = reg(p);

	setx(p, bad_addr(p), ra);
	setx(p, RNG_PICK(p->r, len), rn);
	setx(p, bad_addr(p), rx);
	emit(p, "flushts");
	switch (rng_below(p->r, 5)) {
	case 0:		/* copyin(addr, n) */
		push_int(p, ra);
		push_int(p, rn);
		call(p, DIF_SUBR_COPYIN, rd, K_INT);
		break;
	case 1:		/* copyinto(addr, n, dst) */
		push_int(p, ra);
		push_int(p, rn);
		push_int(p, rx);
		call(p, DIF_SUBR_COPYINTO, rd, K_INT);
		break;
	case 2:		/* bcopy(src, dst, n) */
		push_int(p, ra);
		push_int(p, rx);
		push_int(p, rn);
		call(p, DIF_SUBR_BCOPY, rd, K_INT);
		break;
	case 3:		/* copys src, n, dst */
		emit(p, "copys %%r%d, %%r%d, %%r%d", ra, rn, rx);
		break;
	default:	/* store to a non-scratch address */
		emit(p, "%s %%r%d, [%%r%d]",
		     RNG_PICK(p->r, ((const char *const[]){ "stb", "sth",
			      "stw", "stx" })), rn, rx);
		break;
	}
}

static void hs_args(struct pb *p)
{
	static const uint64_t idx[] = {
		10, 11, 64, 255, 0x7fffffff, ~0ULL, 0x8000000000000000ULL,
	};

	ldga(p, RNG_PICK(p->r, idx));
}

/* A string variable (or array) fed an integer that is no string. */
static void hs_strvar(struct pb *p)
{
	int k = pick_var(p, p->c->ngvars, 1, 4), rb = reg(p), rd = reg(p);
	uint32_t id;

	if (k < 0)
		return hs_badload(p);
	id = DIF_VAR_OTHER_UBASE + k;
	declare(p, id, DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, 1);
	setx(p, bad_addr(p), rb);
	emit(p, "stgs 0x%x, %%r%d", id, rb);
	emit(p, "ldgs 0x%x, %%r%d", id, rd);
	p->kind[rd] = K_STR;
}

static void hs_weird_subr(struct pb *p)
{
	int rv = reg(p), rb = reg(p), rd = reg(p), s = str_reg(p);

	setx(p, interesting(p->r), rv);
	setx(p, RNG_PICK(p->r, ((const uint64_t[]){ 0, 1, 37, 255,
		~0ULL, 0x100000002ULL })), rb);
	emit(p, "flushts");
	switch (rng_below(p->r, 5)) {
	case 0:
		push_int(p, rv);
		push_int(p, rb);
		call(p, DIF_SUBR_LLTOSTR, rd, K_STR);
		break;
	case 1:
		push_str(p, s);
		push_int(p, rv);
		push_int(p, rb);
		call(p, DIF_SUBR_SUBSTR, rd, K_STR);
		break;
	case 2:
		push_str(p, s);
		push_str(p, s);
		push_int(p, rv);
		call(p, DIF_SUBR_RINDEX, rd, K_INT);
		break;
	case 3:
		push_int(p, rb);
		push_int(p, rv);
		call(p, DIF_SUBR_INET_NTOP, rd, K_STR);
		break;
	default: {	/* strtok(NULL, delim) first */
		emit(p, "flushts");
		push_str(p, 0);
		push_str(p, s);
		call(p, DIF_SUBR_STRTOK, rd, K_STR);
		break;
	}
	}
}

/* Build long strings until scratch runs out. */
static void hs_scratch(struct pb *p)
{
	int s = str_reg(p), rd = reg(p), i, n = 2 + rng_below(p->r, 8);

	for (i = 0; i < n; i++) {
		emit(p, "flushts");
		push_str(p, i ? rd : s);
		push_str(p, i ? rd : s);
		call(p, DIF_SUBR_STRJOIN, rd, K_STR);
	}
}

/* Fill the dynamic variable space: a[timestamp, probe] = timestamp. */
static void hs_dynfill(struct pb *p)
{
	int k = pick_var(p, p->c->ngvars, 2, 4), rk = reg(p), rs;
	uint32_t id;

	if (k < 0)
		return hs_scratch(p);
	id = DIF_VAR_OTHER_UBASE + k;
	declare(p, id, DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, 0);
	emit(p, "ldgs timestamp, %%r%d", rk);
	p->kind[rk] = K_INT;
	rs = str_reg(p);
	push_keys(p, rk, rs);
	emit(p, "stgaa 0x%x, %%r%d", id, rk);
}

typedef void (*snippet_fn)(struct pb *);

static const snippet_fn valid_snippets[] = {
	sn_const, sn_const, sn_arith, sn_arith, sn_div, sn_unary, sn_builtin,
	sn_builtin, sn_args, sn_sets, sn_strlen, sn_strsubr, sn_strsubr,
	sn_strsubr, sn_scalar, sn_scalar, sn_assoc, sn_alloca, sn_branch,
	sn_branch, sn_copyinstr_self,
};

static const snippet_fn hostile_snippets[] = {
	hs_badload, hs_badload, hs_badload, hs_div, hs_alloca, hs_tuple,
	hs_strbad, hs_strbad, hs_copy, hs_copy, hs_args, hs_strvar,
	hs_weird_subr, hs_scratch, hs_dynfill,
};

static struct dif *gen_new_dif(struct gen *g)
{
	struct dif *d;

	if (g->ndifs == ARRAY_SIZE(g->difs)) {
		fprintf(stderr, "gen: too many DIF objects\n");
		exit(2);
	}
	d = malloc(sizeof(*d));
	if (!d) {
		perror("malloc");
		exit(2);
	}
	dif_init(d);
	g->difs[g->ndifs++] = d;
	return d;
}

enum { RT_INT, RT_STR, RT_ANY };

/*
 * A DIF program of a few snippets returning an integer (RT_INT), a string
 * (RT_STR) or whatever the last snippet left (RT_ANY).
 */
static struct dif *gen_program(struct gen *g, struct rng *r,
			       const struct genctx *c, int want)
{
	struct pb *p = calloc(1, sizeof(*p));
	struct dif *d = gen_new_dif(g);
	int n, i, rd;

	if (!p || !d) {
		free(p);
		return d;	/* NULL: the caller copes */
	}
	p->r = r;
	p->c = c;
	p->d = d;
	n = rng_below(r, 6) + (rng_chance(r, 1, 8) ? 10 : 0);
	for (i = 0; i < n && p->ninsn_est < 400 && d->nint < DIF_MAXINT - 8 &&
	     p->n < sizeof(p->src) - 4096; i++) {
		if (c->hostile && rng_chance(r, 1, 3))
			RNG_PICK(r, hostile_snippets)(p);
		else
			RNG_PICK(r, valid_snippets)(p);
	}
	if (want == RT_STR) {
		rd = str_reg(p);
	} else if (want == RT_INT) {
		rd = reg_of(p, K_INT);
		if (rd < 0 || rng_chance(r, 1, 4)) {
			rd = reg(p);
			setx(p, interesting(r), rd);
		}
	} else {
		rd = rng_below(r, DIF_DIR_NREGS);
	}
	emit(p, "ret %%r%d", rd);
	d->nint = 0;	/* the assembler fills the table */
	if (p->overflow || dif_asm(d, p->src)) {
		/* Cannot happen with the snippets above: report it. */
		fprintf(stderr, "gen: assembler refused a program: %s\n%s\n",
			p->overflow ? "source overflow" : d->err, p->src);
		dif_init(d);
		dif_asm(d, "setx 1, %r1; ret %r1");
		want = RT_INT;
		rd = 1;
	}
	if (want == RT_STR || (want == RT_ANY && rd && p->kind[rd] == K_STR))
		dif_rtype_string(d, c->strsize);
	else
		dif_rtype_int(d, 8);
	free(p);
	return d;
}

/* ------------------------------------------------------------------ */
/* clauses */

static const char *const descs_ctx[] = {
	"profile:::tick-1ms", "profile:::tick-10ms", "profile:::tick-50ms",
	"profile:::profile-97", "profile:::profile-199",
	"profile:::profile-1001", "profile:::tick-5000us",
	"profile:::profile-300hz", "profile:::tick-7",
};

static const char *const descs_once[] = {
	"dtrace:::BEGIN", "dtrace:::BEGIN", "dtrace:::BEGIN", ":::BEGIN",
	"dtrace:::END", "dtrace:::END", "dtrace:::ERROR", "BEGIN",
	"dtrace:::B*", "dtrace:::*",
};

static const char *pick_desc(struct rng *r, int *probe_ctx)
{
	if (rng_chance(r, 2, 5)) {
		*probe_ctx = 1;
		return RNG_PICK(r, descs_ctx);
	}
	*probe_ctx = 0;
	return RNG_PICK(r, descs_once);
}

static void gen_action(struct gen *g, struct rng *r, struct en_clause *cl,
		       const struct genctx *c)
{
	struct enabling *e = &g->e;
	struct en_action *a;
	int k = rng_below(r, 100);

	if (cl->nact >= EN_MAXACTIONS - 3)
		return;
	if (k < 30) {
		en_trace(cl, gen_program(g, r, c, RT_INT));
	} else if (k < 40) {
		en_trace(cl, gen_program(g, r, c, RT_STR));
	} else if (k < 45) {		/* statement: runs for side effects */
		struct dif *d = gen_program(g, r, c, RT_ANY);

		a = en_action(cl, DTRACEACT_DIFEXPR, 0, 0);
		if (d) {
			dif_rtype_int(d, 0);
			en_difo(a, d);
		}
	} else if (k < 50) {		/* printf("...", a, b) */
		int i, n = rng_below(r, 3);

		en_action(cl, DTRACEACT_PRINTF, 0, rng_below(r, 4));
		for (i = 0; i < n; i++)
			en_trace(cl, gen_program(g, r, c, rng_chance(r, 1, 3) ?
						 RT_STR : RT_INT));
	} else if (k < 53) {		/* exit(n) */
		a = en_action(cl, DTRACEACT_EXIT, 8, 0);
		en_difo(a, gen_program(g, r, c, RT_INT));
	} else if (k < 57) {		/* tracemem(addr, n) */
		struct dif *d = gen_program(g, r, c, RT_INT);

		a = en_action(cl, DTRACEACT_TRACEMEM, 0, 0);
		a->h.arg = 1 + rng_below(r, 128);
		a->h.recsize = a->h.arg;
		cl->h.recsize += ALIGN8(a->h.recsize);
		if (d && !c->hostile) {
			dif_init(d);
			dif_asm(d, "ldgs probename, %r1; ret %r1");
		}
		en_difo(a, d);
	} else if (k < 61) {		/* stack(n), ustack(n) */
		int u = rng_chance(r, 1, 2);
		uint32_t n = 1 + rng_below(r, DTRACE_STACK_MAXDEPTH);

		en_action(cl, u ? DTRACEACT_USTACK : DTRACEACT_STACK,
			  (u ? 16 : 8) + 8 * n, n);
	} else if (k < 80) {		/* @agg[keys] = func(v) */
		static const uint64_t llq[] = {
			DTRACE_LLQUANTIZE_ARG(10, 0, 6, 20),
			DTRACE_LLQUANTIZE_ARG(2, 0, 20, 4),
			DTRACE_LLQUANTIZE_ARG(10, 2, 5, 100),
		};
		struct dif *keys[4];
		uint32_t func = 1 + rng_below(r, DTRACEAGG_LLQUANTIZE);
		uint64_t arg2 = 0;
		int i, nk = rng_below(r, 4);

		if (e->h.naggs >= 64)
			return;
		for (i = 0; i < nk; i++)
			keys[i] = gen_program(g, r, c, rng_chance(r, 1, 3) ?
					      RT_STR : RT_INT);
		if (func == DTRACEAGG_LQUANTIZE)
			arg2 = DTRACE_LQUANTIZE_ARG((int)rng_below(r, 200) - 100,
						    1 + rng_below(r, 50),
						    1 + rng_below(r, 40));
		else if (func == DTRACEAGG_LLQUANTIZE)
			arg2 = RNG_PICK(r, llq);
		if (c->hostile && rng_chance(r, 1, 4))
			arg2 = rng_next(r);
		en_aggregate(e, cl, e->h.naggs + 1, func, arg2, keys, nk,
			     func == DTRACEAGG_COUNT ? NULL :
			     gen_program(g, r, c, RT_INT));
	} else if (k < 85) {		/* clear, trunc, printa */
		if (!e->h.naggs)
			return;
		switch (rng_below(r, 3)) {
		case 0:
			a = en_action(cl, DTRACEACT_CLEAR, 0, 0);
			break;
		case 1:
			a = en_action(cl, DTRACEACT_TRUNC, 8, 0);
			en_difo(a, gen_program(g, r, c, RT_INT));
			break;
		default:
			a = en_action(cl, DTRACEACT_PRINTA, 0, ~0ULL);
			break;
		}
		a->h.aggid = 1 + rng_below(r, e->h.naggs);
	} else if (k < 88) {
		en_action(cl, rng_chance(r, 1, 2) ? DTRACEACT_SETOPT :
			  DTRACEACT_MARKER, 0, rng_below(r, 8));
	} else {
		en_trace(cl, gen_program(g, r, c, RT_ANY));
	}
}

/* speculate(id): first action; trace something; elsewhere commit. */
static void gen_speculation(struct gen *g, struct rng *r,
			    const struct genctx *c)
{
	struct enabling *e = &g->e;
	struct en_clause *cl;
	struct en_action *a;
	struct dif *d;
	int ctx;
	const char *desc = pick_desc(r, &ctx);
	char src[128];
	uint32_t id = DIF_VAR_OTHER_UBASE;	/* global 0: int scalar */

	if (e->ncl > EN_MAXCLAUSES - 3 || !c->ngvars)
		return;
	/* spec = speculation() */
	cl = en_clause(e, desc);
	d = gen_new_dif(g);
	if (!d)
		return;
	snprintf(src, sizeof(src),
		 "call speculation, %%r1; stgs 0x%x, %%r1; ret %%r1", id);
	dif_asm(d, src);
	dif_var(d, "spec", id, DIFV_KIND_SCALAR, DIFV_SCOPE_GLOBAL, 0, 0);
	en_trace(cl, d);
	/* speculate(spec); trace(...) */
	cl = en_clause(e, desc);
	d = gen_new_dif(g);
	if (!d)
		return;
	snprintf(src, sizeof(src), "ldgs 0x%x, %%r1; ret %%r1", id);
	dif_asm(d, src);
	if (c->hostile && rng_chance(r, 1, 2)) {
		dif_init(d);
		snprintf(src, sizeof(src), "setx 0x%llx, %%r1; ret %%r1",
			 (unsigned long long)interesting(r));
		dif_asm(d, src);
	}
	a = en_action(cl, DTRACEACT_SPECULATE, 0, 0);
	en_difo(a, d);
	if (c->hostile)		/* aggregations are refused here */
		gen_action(g, r, cl, c);
	en_trace(cl, gen_program(g, r, c, rng_chance(r, 1, 3) ? RT_STR :
				 RT_INT));
	/* commit(spec) or discard(spec) */
	cl = en_clause(e, rng_chance(r, 1, 2) ? desc : "dtrace:::END");
	d = gen_new_dif(g);
	if (!d)
		return;
	snprintf(src, sizeof(src), "ldgs 0x%x, %%r1; ret %%r1", id);
	dif_asm(d, src);
	a = en_action(cl, rng_chance(r, 1, 2) ? DTRACEACT_COMMIT :
		      DTRACEACT_DISCARD, 0, 0);
	en_difo(a, d);
}

void gen_enabling(struct gen *g, struct rng *r, int hostile,
		  const struct genctx *base)
{
	static const uint64_t bufsizes[] = {
		/* the default (4 MiB) is slow to allocate under TCG: rare */
		0, 16 * 1024, 64 * 1024, 64 * 1024, 64 * 1024, 256 * 1024,
		256 * 1024, 1 * MB, 32 * 1024,
	};
	static const uint64_t tiny[] = { 8, 64, 512, 1024, 4096 };
	static const uint64_t aggsizes[] = {
		0, 16 * 1024, 64 * 1024, 64 * 1024, 256 * 1024, 32 * 1024,
	};
	static const uint32_t strsizes[] = { 0, 256, 256, 64, 32, 8, 1, 1024 };
	static const uint64_t dynsizes[] = { 0, 4096, 65536, 65536 };
	struct genctx c = *base;
	int i, ncl, ctx;

	memset(g, 0, sizeof(*g));
	en_init(&g->e);
	g->hostile = hostile;
	g->e.h.bufsize = RNG_PICK(r, bufsizes);
	g->e.h.aggsize = RNG_PICK(r, aggsizes);
	if (rng_chance(r, 1, 10)) {	/* too small for some records */
		g->e.h.bufsize = RNG_PICK(r, tiny);
		g->edge = 1;
	}
	if (rng_chance(r, 1, 10)) {
		g->e.h.aggsize = RNG_PICK(r, tiny);
		g->edge = 1;
	}
	g->e.h.strsize = RNG_PICK(r, strsizes);
	g->e.h.dynvarsize = RNG_PICK(r, dynsizes);
	g->e.h.bufpolicy = rng_below(r, 3);
	g->e.h.nspec = rng_below(r, 4);
	g->e.h.specsize = rng_chance(r, 1, 2) ? 0 : 64 + 64 * rng_below(r, 512);
	g->e.h.stackframes = rng_below(r, 3) * 20;
	g->e.h.ngvars = rng_below(r, 12);
	g->e.h.ntvars = rng_below(r, 8);
	g->e.h.nlvars = rng_below(r, 4);
	if (rng_chance(r, 1, 4))
		g->e.h.flags |= DTRACE_ENABLE_ZDEFS;
	c.strsize = g->e.h.strsize ? g->e.h.strsize : 256;
	c.ngvars = g->e.h.ngvars;
	c.ntvars = g->e.h.ntvars;
	c.nlvars = g->e.h.nlvars;
	c.nspec = g->e.h.nspec ? g->e.h.nspec : 1;
	c.hostile = hostile;

	ncl = 1 + rng_below(r, 5);
	for (i = 0; i < ncl && g->e.ncl < EN_MAXCLAUSES - 4; i++) {
		struct en_clause *cl;
		int j, na;

		if (c.ngvars && rng_chance(r, 1, 10)) {
			gen_speculation(g, r, &c);
			continue;
		}
		cl = en_clause(&g->e, pick_desc(r, &ctx));
		c.probe_ctx = ctx;
		if (rng_chance(r, 1, 3))
			en_pred(cl, gen_program(g, r, &c, RT_INT));
		na = rng_below(r, 5);
		for (j = 0; j < na; j++)
			gen_action(g, r, cl, &c);
	}
	snprintf(g->what, sizeof(g->what), "%s %d clauses", hostile ?
		 "hostile" : "valid", g->e.ncl);
}

unsigned char *gen_build(struct gen *g, size_t *len)
{
	int i, j, k;

	/* A NULL DIF (generator ran out of slots) becomes a constant. */
	for (i = 0; i < g->e.ncl; i++) {
		struct en_clause *cl = &g->e.cl[i];

		if ((cl->h.flags & DTRACE_CLAUSE_PRED) && !cl->pred)
			cl->h.flags &= ~DTRACE_CLAUSE_PRED;
		for (j = 0; j < cl->nact; j++)
			for (k = 0; k < cl->act[j].ndifo; k++)
				if (!cl->act[j].difo[k]) {
					static __thread struct dif one;

					if (!one.ninsn) {
						dif_init(&one);
						dif_asm(&one, "setx 1, %r1; ret %r1");
					}
					cl->act[j].difo[k] = &one;
				}
	}
	return en_blob(&g->e, len);
}

void gen_free(struct gen *g)
{
	int i;

	for (i = 0; i < g->ndifs; i++)
		free(g->difs[i]);
	g->ndifs = 0;
}

/* ------------------------------------------------------------------ */
/* mutation */

static void put32(unsigned char *b, size_t len, size_t off, uint32_t v)
{
	if (off + 4 <= len)
		memcpy(b + off, &v, 4);
}

static uint32_t get32(const unsigned char *b, size_t len, size_t off)
{
	uint32_t v = 0;

	if (off + 4 <= len)
		memcpy(&v, b + off, 4);
	return v;
}

static void put64(unsigned char *b, size_t len, size_t off, uint64_t v)
{
	if (off + 8 <= len)
		memcpy(b + off, &v, 8);
}

static uint32_t interesting32(struct rng *r, uint32_t cur)
{
	switch (rng_below(r, 6)) {
	case 0:
		return cur + 8;
	case 1:
		return cur - 8;
	case 2:
		return cur ^ (1u << rng_below(r, 32));
	case 3:
		return rng_next(r);
	default:
		return (uint32_t)RNG_PICK(r, interesting64);
	}
}

/* Offset of a random DIF object in the blob, or 0. */
static size_t pick_difo(struct gen *g, struct rng *r)
{
	struct enabling *e = &g->e;
	size_t offs[256];
	int n = 0, i, j, k;

	for (i = 0; i < e->ncl; i++) {
		struct en_clause *cl = &e->cl[i];

		if (cl->pred && n < 256)
			offs[n++] = e->off_pred[i];
		for (j = 0; j < cl->nact; j++)
			for (k = 0; k < cl->act[j].ndifo && n < 256; k++)
				offs[n++] = e->off_difo[i][j][k];
	}
	return n ? offs[rng_below(r, n)] : 0;
}

static size_t pick_action(struct gen *g, struct rng *r)
{
	struct enabling *e = &g->e;
	int i, n = 0, t;

	for (i = 0; i < e->ncl; i++)
		n += e->cl[i].nact;
	if (!n)
		return 0;
	t = rng_below(r, n);
	for (i = 0; i < e->ncl; i++) {
		if (t < e->cl[i].nact)
			return e->off_action[i][t];
		t -= e->cl[i].nact;
	}
	return 0;
}

static void mut_instr(struct rng *r, unsigned char *b, size_t len,
		      size_t difo, char *what, size_t wlen)
{
	struct dtrace_difo_hdr h;
	size_t off;
	uint32_t in, pc;
	int how = rng_below(r, 10);

	if (difo + sizeof(h) > len)
		return;
	memcpy(&h, b + difo, sizeof(h));
	if (!h.ninstr || difo + sizeof(h) + 4ULL * h.ninstr > len)
		return;
	pc = rng_below(r, h.ninstr);
	off = difo + sizeof(h) + 4 * pc;
	in = get32(b, len, off);
	switch (how) {
	case 0:		/* opcode */
		in = (in & 0x00ffffff) | (rng_below(r, 80) << 24);
		break;
	case 1:		/* r1 */
		in = (in & 0xff00ffff) | (rng_below(r, 12) << 16);
		break;
	case 2:		/* r2 */
		in = (in & 0xffff00ff) | (rng_below(r, 12) << 8);
		break;
	case 3:		/* rd */
		in = (in & 0xffffff00) | (rng_chance(r, 1, 8) ? 0xff :
					  rng_below(r, 12));
		break;
	case 4:		/* branch target */
		in = (in & 0xff000000) | (rng_chance(r, 1, 2) ?
			rng_below(r, h.ninstr + 2) : (rng_next(r) & 0xffffff));
		break;
	case 5:		/* var / subr / int / string index */
		in = (in & 0xff0000ff) | (RNG_PICK(r, ((const uint32_t[]){
			0, 1, 0x100, 0x121, 0x122, 0x4ff, 0x500, 0x501, 0x50f,
			0x5ff, 0xffff, 34, 35, 40, 255 })) << 8);
		break;
	case 6:		/* call an arbitrary subroutine */
		in = DIF_INSTR_CALL(rng_below(r, 40), 1 + rng_below(r, 7));
		break;
	case 7:		/* swap with another instruction */
		if (h.ninstr > 1) {
			uint32_t pc2 = rng_below(r, h.ninstr);
			size_t o2 = difo + sizeof(h) + 4 * pc2;
			uint32_t in2 = get32(b, len, o2);

			put32(b, len, o2, in);
			in = in2;
		}
		break;
	case 8:		/* early return */
		in = DIF_INSTR_RET(rng_below(r, 9));
		break;
	default:	/* bit flip */
		in ^= 1u << rng_below(r, 32);
		break;
	}
	put32(b, len, off, in);
	snprintf(what, wlen, " insn@%zu:%u=%08x", difo, pc, in);
}

static void mut_difo_hdr(struct rng *r, unsigned char *b, size_t len,
			 size_t difo, char *what, size_t wlen)
{
	/* size ninstr nint nvar strlen pad rtype.kind/flags rtype.size */
	static const size_t fields[] = { 0, 4, 8, 12, 16, 20, 24, 28 };
	size_t f = RNG_PICK(r, fields);
	uint32_t v = interesting32(r, get32(b, len, difo + f));

	if (f == 24)	/* kind, flags */
		v = rng_below(r, 4) | (rng_below(r, 4) << 8);
	put32(b, len, difo + f, v);
	snprintf(what, wlen, " difo@%zu+%zu=%u", difo, f, v);
}

/* The tables after the instructions: integers, variables, strings. */
static void mut_difo_tables(struct rng *r, unsigned char *b, size_t len,
			    size_t difo, char *what, size_t wlen)
{
	struct dtrace_difo_hdr h;
	size_t voff, soff, off;

	if (difo + sizeof(h) > len)
		return;
	memcpy(&h, b + difo, sizeof(h));
	voff = difo + sizeof(h) + ALIGN8(4ULL * h.ninstr) + 8ULL * h.nint;
	soff = voff + (size_t)h.nvar * sizeof(struct dtrace_difv);
	if (h.nvar && rng_chance(r, 1, 2)) {
		size_t v = voff + sizeof(struct dtrace_difv) *
			   rng_below(r, h.nvar);
		static const size_t fields[] = { 0, 4, 8, 9, 10, 16, 17, 20 };
		size_t f = RNG_PICK(r, fields);

		off = v + f;
		if (f == 8 || f == 9 || f == 16 || f == 17) {
			if (off < len)
				b[off] = rng_below(r, 5);
		} else {
			put32(b, len, off, interesting32(r,
							 get32(b, len, off)));
		}
		snprintf(what, wlen, " var@%zu", off);
	} else if (h.strlen) {
		/* Remove a NUL or change a character. */
		off = soff + rng_below(r, h.strlen);
		if (off < len)
			b[off] = rng_chance(r, 1, 2) ? 'X' : 0;
		snprintf(what, wlen, " str@%zu", off);
	}
}

static void mut_action(struct rng *r, unsigned char *b, size_t len,
		       size_t act, char *what, size_t wlen)
{
	/* size kind:16 ndifo:16 recoff recsize arg arg2 aggid nkeys */
	switch (rng_below(r, 9)) {
	case 0:
		put32(b, len, act, interesting32(r, get32(b, len, act)));
		break;
	case 1:		/* kind: never destructive ones that would run */
		if (act + 6 <= len) {
			uint16_t k = rng_below(r, DTRACEACT_MAX + 4);

			memcpy(b + act + 4, &k, 2);
		}
		break;
	case 2:
		if (act + 8 <= len) {
			uint16_t n = rng_below(r, 40);

			memcpy(b + act + 6, &n, 2);
		}
		break;
	case 3:
		put32(b, len, act + 8, interesting32(r, get32(b, len, act + 8)));
		break;
	case 4:
		put32(b, len, act + 12,
		      interesting32(r, get32(b, len, act + 12)));
		break;
	case 5:
		put64(b, len, act + 16, RNG_PICK(r, interesting64));
		break;
	case 6:
		put64(b, len, act + 24, rng_next(r));
		break;
	case 7:
		put32(b, len, act + 32, rng_below(r, 70));
		break;
	default:
		put32(b, len, act + 36, rng_below(r, 40));
		break;
	}
	snprintf(what, wlen, " act@%zu", act);
}

static void mut_clause(struct rng *r, unsigned char *b, size_t len,
		       size_t cl, char *what, size_t wlen)
{
	size_t descoff = cl + sizeof(uint32_t) * 4 + 8;	/* after id, pad */

	switch (rng_below(r, 6)) {
	case 0:		/* size */
		put32(b, len, cl, interesting32(r, get32(b, len, cl)));
		break;
	case 1:		/* nactions */
		put32(b, len, cl + 4, interesting32(r, get32(b, len, cl + 4)));
		break;
	case 2:		/* flags */
		put32(b, len, cl + 8, rng_below(r, 8));
		break;
	case 3:		/* recsize */
		put32(b, len, cl + 12, interesting32(r, get32(b, len, cl + 12)));
		break;
	case 4: {	/* description: unterminated, globs, other names */
		static const char *const names[] = {
			"*", "profile-", "tick-0", "tick-1ns", "profile-99999999d",
			"[", "[!a-", "\\", "BEGIN\\", "?????", "tick-18446744073709551615",
			"profile-0hz", "tick-1us",
		};
		size_t f = descoff + DTRACE_PROVNAMELEN + DTRACE_MODNAMELEN +
			   DTRACE_FUNCNAMELEN;

		if (rng_chance(r, 1, 3) && f + DTRACE_NAMELEN <= len) {
			memset(b + f, 'A', DTRACE_NAMELEN);
		} else if (f + DTRACE_NAMELEN <= len) {
			memset(b + f, 0, DTRACE_NAMELEN);
			snprintf((char *)b + f, DTRACE_NAMELEN, "%s",
				 RNG_PICK(r, names));
		}
		break;
	}
	default:	/* probe ID field */
		put32(b, len, cl + 16, rng_next(r));
		break;
	}
	snprintf(what, wlen, " clause@%zu", cl);
}

static void mut_enable_hdr(struct rng *r, unsigned char *b, size_t len,
			   char *what, size_t wlen)
{
	/* offsets in struct dtrace_enable_hdr */
	static const size_t f32[] = { 0, 4, 8, 12, 48, 52, 56, 60, 64, 68,
				      72, 76 };
	static const size_t f64[] = { 16, 24, 32, 40, 80, 88 };

	if (rng_chance(r, 1, 2)) {
		size_t f = RNG_PICK(r, f32);

		put32(b, len, f, interesting32(r, get32(b, len, f)));
		snprintf(what, wlen, " hdr+%zu", f);
	} else {
		size_t f = RNG_PICK(r, f64);

		put64(b, len, f, RNG_PICK(r, interesting64) +
		      (rng_chance(r, 1, 2) ? 0 : rng_below(r, 16)));
		snprintf(what, wlen, " hdr+%zu", f);
	}
}

void gen_mutate(struct gen *g, struct rng *r, unsigned char **blob,
		size_t *len)
{
	unsigned char *b = *blob;
	size_t n = *len, off;
	char w[96] = "";
	int fix_size = rng_chance(r, 1, 2);

	g->nmut++;
	switch (rng_below(r, 16)) {
	case 0:
	case 1:		/* bit flips */
	{
		int i, k = 1 + rng_below(r, 8);

		for (i = 0; i < k && n; i++) {
			off = rng_below(r, n);
			b[off] ^= 1u << rng_below(r, 8);
		}
		snprintf(w, sizeof(w), " flip%d", k);
		break;
	}
	case 2:		/* interesting bytes */
		if (n) {
			off = rng_below(r, n);
			b[off] = RNG_PICK(r, ((const unsigned char[]){ 0, 0xff,
				0x7f, 0x80, 1, 8 }));
			snprintf(w, sizeof(w), " byte@%zu", off);
		}
		break;
	case 3:
	case 4:
	case 5:
		off = pick_difo(g, r);
		if (off)
			mut_instr(r, b, n, off, w, sizeof(w));
		break;
	case 6:
		off = pick_difo(g, r);
		if (off)
			mut_difo_hdr(r, b, n, off, w, sizeof(w));
		break;
	case 7:
		off = pick_difo(g, r);
		if (off)
			mut_difo_tables(r, b, n, off, w, sizeof(w));
		break;
	case 8:
	case 9:
		off = pick_action(g, r);
		if (off)
			mut_action(r, b, n, off, w, sizeof(w));
		break;
	case 10:
		if (g->e.ncl)
			mut_clause(r, b, n, g->e.off_clause[rng_below(r,
				   g->e.ncl)], w, sizeof(w));
		break;
	case 11:
		mut_enable_hdr(r, b, n, w, sizeof(w));
		break;
	case 12:	/* truncate */
		if (n > sizeof(struct dtrace_enable_hdr)) {
			n = rng_chance(r, 1, 2) ? rng_below(r, n) :
			    n - 8 * (1 + rng_below(r, 4));
			if (rng_chance(r, 3, 4))
				n &= ~(size_t)7;
			snprintf(w, sizeof(w), " trunc%zu", n);
		}
		break;
	case 13:	/* duplicate a clause at the end */
		if (g->e.ncl) {
			int i = rng_below(r, g->e.ncl);
			size_t co = g->e.off_clause[i];
			size_t ce = i + 1 < g->e.ncl ? g->e.off_clause[i + 1] : n;
			size_t cs;
			unsigned char *nb;

			if (co >= ce || ce > n)	/* layout changed already */
				break;
			cs = ce - co;
			nb = realloc(b, n + cs + 8);
			if (!nb)
				break;
			b = nb;
			memcpy(b + n, b + co, cs);
			n += cs;
			put32(b, n, 8, get32(b, n, 8) + 1);	/* nclauses */
			fix_size = 1;
			snprintf(w, sizeof(w), " dup%d", i);
		}
		break;
	case 14:	/* insert or delete 8 bytes somewhere */
	{
		unsigned char *nb;

		if (n < 16)
			break;
		nb = realloc(b, n + 16);
		if (!nb)
			break;
		b = nb;
		off = 8 * rng_below(r, n / 8);
		if (rng_chance(r, 1, 2)) {
			memmove(b + off + 8, b + off, n - off);
			put64(b, n + 8, off, rng_next(r));
			n += 8;
			snprintf(w, sizeof(w), " ins@%zu", off);
		} else {
			memmove(b + off, b + off + 8, n - off - 8);
			n -= 8;
			snprintf(w, sizeof(w), " del@%zu", off);
		}
		break;
	}
	default:	/* header counts */
		put32(b, n, 8, interesting32(r, get32(b, n, 8)));
		snprintf(w, sizeof(w), " nclauses");
		break;
	}
	if (fix_size)
		put32(b, n, 0, (uint32_t)n);
	*blob = b;
	*len = n;
	if (strlen(g->what) + strlen(w) < sizeof(g->what))
		strcat(g->what, w);
}

unsigned char *gen_random_blob(struct rng *r, size_t *len)
{
	size_t n = RNG_PICK(r, ((const size_t[]){ 0, 8, 96, 128, 136, 200,
		256, 512, 1024, 4096 })) + (rng_chance(r, 1, 2) ?
		8 * rng_below(r, 64) : rng_below(r, 64));
	unsigned char *b = malloc(n + 8);
	size_t i;

	if (!b) {
		perror("malloc");
		exit(2);
	}
	for (i = 0; i < n; i++)
		b[i] = rng_next(r);
	if (n >= sizeof(struct dtrace_enable_hdr) && rng_chance(r, 2, 3)) {
		/* a plausible header: the parser gets past the first checks */
		struct dtrace_enable_hdr h;

		memset(&h, 0, sizeof(h));
		h.size = n;
		h.version = DTRACE_ABI_VERSION;
		h.nclauses = 1 + rng_below(r, 4);
		h.bufsize = 65536;
		h.aggsize = 65536;
		h.ngvars = rng_below(r, 4);
		h.naggs = rng_below(r, 4);
		memcpy(b, &h, sizeof(h));
		if (n >= sizeof(h) + sizeof(struct dtrace_clause_hdr) &&
		    rng_chance(r, 1, 2)) {
			struct dtrace_clause_hdr c;

			memset(&c, 0, sizeof(c));
			c.size = n - sizeof(h);
			c.nactions = rng_below(r, 4);
			strcpy(c.desc.provider, "dtrace");
			strcpy(c.desc.name, "BEGIN");
			memcpy(b + sizeof(h), &c, sizeof(c));
		}
	}
	*len = n;
	return b;
}

/* ------------------------------------------------------------------ */
/* options and memory */

/* Whether the module refuses these options before allocating anything. */
static int opts_refused(const struct dtrace_enable_hdr *h, size_t len)
{
	uint64_t bs = h->bufsize ? h->bufsize : MOD_BUFSIZE_DEFAULT;
	uint64_t ss = h->specsize ? h->specsize :
		      (bs < 65536 ? bs : 65536);
	int i;

	if (len < sizeof(*h) || h->size != len || (len & 7) ||
	    h->version != DTRACE_ABI_VERSION || !h->nclauses ||
	    h->nclauses > (len - sizeof(*h)) / sizeof(struct dtrace_clause_hdr))
		return 1;
	if (h->flags & ~(DTRACE_ENABLE_DESTRUCTIVE | DTRACE_ENABLE_ZDEFS))
		return 1;
	for (i = 0; i < 4; i++)
		if (h->reserved[i])
			return 1;
	bs &= ~7ULL;
	ss &= ~7ULL;
	if (bs < 64 || bs > MOD_BUFSIZE_MAX || ss < 64 ||
	    ss > MOD_BUFSIZE_MAX || h->aggsize > MOD_BUFSIZE_MAX ||
	    h->dynvarsize > MOD_BUFSIZE_MAX || h->bufpolicy > 2 ||
	    h->strsize > 65536 || h->nspec > 1024 || h->stackframes > 64 ||
	    h->ngvars > MOD_NVARS || h->ntvars > MOD_NVARS ||
	    h->nlvars > MOD_NVARS || h->naggs > 65535)
		return 1;
	return 0;
}

uint64_t gen_opts_cost(const struct dtrace_enable_hdr *h, uint32_t ncpus)
{
	uint64_t bs = h->bufsize ? h->bufsize : MOD_BUFSIZE_DEFAULT;
	uint64_t as = h->aggsize ? h->aggsize : MOD_AGGSIZE_DEFAULT;
	uint64_t ss = h->specsize ? h->specsize : (bs < 65536 ? bs : 65536);
	uint64_t str = h->strsize ? h->strsize : 256;
	uint64_t nspec = h->nspec ? h->nspec : 1;
	uint64_t dyn = h->dynvarsize ? h->dynvarsize : MB;
	uint64_t slot = str + 16, cost;

	cost = (uint64_t)ncpus * (h->bufpolicy == DTRACE_BUFPOLICY_FILL ?
				  1 : 2) * bs;
	if (h->naggs)
		cost += (uint64_t)ncpus * 2 * as;
	cost += nspec * ncpus * ss;
	cost += dyn + (uint64_t)h->ngvars * slot;
	cost += (uint64_t)ncpus * (((uint64_t)h->nlvars + 12) * slot +
				   8 * (4 + slot) + 64);
	cost += (uint64_t)ncpus * (8 * str > 16384 ? 8 * str : 16384);
	return cost;
}

int gen_sanitize(unsigned char *blob, size_t len, uint32_t ncpus,
		 uint64_t budget)
{
	struct dtrace_enable_hdr h;
	int changed = 0, step;

	if (len < sizeof(h))
		return 0;
	memcpy(&h, blob, sizeof(h));
	if (h.flags & DTRACE_ENABLE_DESTRUCTIVE) {
		h.flags &= ~DTRACE_ENABLE_DESTRUCTIVE;
		changed = 1;
	}
	for (step = 0; step < 12 && !opts_refused(&h, len) &&
	     gen_opts_cost(&h, ncpus) > budget; step++) {
		changed = 1;
		switch (step) {
		case 0:
			if (!h.bufsize || h.bufsize > 1 * MB)
				h.bufsize = 256 * 1024;
			break;
		case 1:
			if (!h.aggsize || h.aggsize > 1 * MB)
				h.aggsize = 256 * 1024;
			break;
		case 2:
			if (h.nspec > 8)
				h.nspec = 8;
			break;
		case 3:
			if (!h.specsize || h.specsize > 64 * 1024)
				h.specsize = 64 * 1024;
			break;
		case 4:
			if (h.dynvarsize > 4 * MB)
				h.dynvarsize = MB;
			break;
		case 5:
			if (h.strsize > 4096)
				h.strsize = 256;
			break;
		case 6:
			if (h.ngvars > 1024)
				h.ngvars = 64;
			if (h.nlvars > 1024)
				h.nlvars = 64;
			break;
		default:
			h.bufsize = 4096;
			h.aggsize = 4096;
			h.specsize = 4096;
			h.dynvarsize = 65536;
			h.nspec = 1;
			h.strsize = 64;
			h.ngvars = h.ngvars > 16 ? 16 : h.ngvars;
			h.nlvars = h.nlvars > 16 ? 16 : h.nlvars;
			break;
		}
	}
	if (changed)
		memcpy(blob, &h, sizeof(h));
	return changed;
}

/* ------------------------------------------------------------------ */
/* host-side self-test */

/* Walk an encoded blob as the module would: 0 if well formed. */
static int blob_check(const unsigned char *b, size_t len, char *why,
		      size_t wlen)
{
	struct dtrace_enable_hdr h;
	size_t off;
	uint32_t i, j, k;

	if (len < sizeof(h))
		return snprintf(why, wlen, "short"), -1;
	memcpy(&h, b, sizeof(h));
	if (h.size != len || (len & 7) || h.version != DTRACE_ABI_VERSION ||
	    !h.nclauses)
		return snprintf(why, wlen, "header"), -1;
	off = sizeof(h);
	for (i = 0; i < h.nclauses; i++) {
		struct dtrace_clause_hdr c;
		size_t co = off, end;

		if (off + sizeof(c) > len)
			return snprintf(why, wlen, "clause %u short", i), -1;
		memcpy(&c, b + off, sizeof(c));
		end = co + c.size;
		if (c.size & 7 || end > len)
			return snprintf(why, wlen, "clause %u size", i), -1;
		off += sizeof(c);
		if (c.flags & DTRACE_CLAUSE_PRED) {
			struct dtrace_difo_hdr d;

			memcpy(&d, b + off, sizeof(d));
			off += d.size;
		}
		for (j = 0; j < c.nactions; j++) {
			struct dtrace_action_hdr a;
			size_t ao = off;

			memcpy(&a, b + off, sizeof(a));
			off += sizeof(a);
			for (k = 0; k < a.ndifo; k++) {
				struct dtrace_difo_hdr d;
				uint32_t last;

				memcpy(&d, b + off, sizeof(d));
				if (d.size & 7 || !d.ninstr ||
				    off + d.size > ao + a.size)
					return snprintf(why, wlen,
						"clause %u action %u difo %u",
						i, j, k), -1;
				memcpy(&last, b + off + sizeof(d) +
				       4 * (d.ninstr - 1), 4);
				if (DIF_INSTR_OP(last) != DIF_OP_RET)
					return snprintf(why, wlen,
						"difo without ret"), -1;
				off += d.size;
			}
			if (off != ao + a.size)
				return snprintf(why, wlen,
					"clause %u action %u size", i, j), -1;
		}
		if (off != end)
			return snprintf(why, wlen, "clause %u end", i), -1;
	}
	if (off != len)
		return snprintf(why, wlen, "trailing bytes"), -1;
	return 0;
}

int gen_selftest(uint64_t seed, unsigned int iterations, int verbose)
{
	static char ustr[] = "user string";
	struct genctx base;
	unsigned int it, bad = 0, hostile = 0, mutated = 0, changed = 0;
	uint64_t maxcost = 0, bytes = 0;
	uint64_t budget = 48 * MB;

	memset(&base, 0, sizeof(base));
	base.user_str = (uint64_t)(uintptr_t)ustr;
	base.user_buf = 0x10000;
	base.user_unmapped = 0x20000;
	for (it = 0; it < iterations; it++) {
		struct rng r;
		struct gen *g = calloc(1, sizeof(*g));
		unsigned char *b;
		size_t len;
		char why[96];
		int k, h;

		if (!g)
			return 1;
		rng_seed(&r, seed, it);
		h = rng_chance(&r, 1, 3);
		hostile += h;
		gen_enabling(g, &r, h, &base);
		b = gen_build(g, &len);
		bytes += len;
		/* The unmutated blob must be well formed and within budget. */
		if (blob_check(b, len, why, sizeof(why))) {
			printf("not ok - iteration %u: generated blob "
			       "malformed: %s (%s)\n", it, why, g->what);
			bad++;
		}
		if (gen_opts_cost(&g->e.h, 2) > budget) {
			printf("not ok - iteration %u: options cost %llu\n", it,
			       (unsigned long long)gen_opts_cost(&g->e.h, 2));
			bad++;
		}
		/* Mutations then sanitizing: never destructive, in budget. */
		for (k = rng_below(&r, 5); k > 0; k--) {
			gen_mutate(g, &r, &b, &len);
			mutated++;
		}
		changed += gen_sanitize(b, len, 2, budget);
		if (len >= sizeof(struct dtrace_enable_hdr)) {
			struct dtrace_enable_hdr eh;
			uint64_t cost;

			memcpy(&eh, b, sizeof(eh));
			cost = opts_refused(&eh, len) ? 0 :
			       gen_opts_cost(&eh, 2);
			if (cost > maxcost)
				maxcost = cost;
			if (eh.flags & DTRACE_ENABLE_DESTRUCTIVE || cost > budget) {
				printf("not ok - iteration %u: sanitize left "
				       "flags %#x cost %llu\n", it, eh.flags,
				       (unsigned long long)cost);
				bad++;
			}
		}
		if (verbose)
			printf("# %u: %zu bytes: %s\n", it, len, g->what);
		free(b);
		gen_free(g);
		free(g);
	}
	printf("# dry: %u enablings (%u hostile), %u mutations, %u sanitized, "
	       "%llu bytes, largest accepted cost %llu\n", iterations, hostile,
	       mutated, changed, (unsigned long long)bytes,
	       (unsigned long long)maxcost);
	printf("%s - dry run: generated blobs well formed, sanitized blobs "
	       "in budget and never destructive\n", bad ? "not ok" : "ok");
	return bad ? 1 : 0;
}
