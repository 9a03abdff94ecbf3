// SPDX-License-Identifier: GPL-2.0
/*
 * test-dif.c - unit tests of the DIF layer: validator, emulator,
 * subroutines and variables.  Compiles the same fragments as dtrace.ko
 * (gen/300-core.h, gen/4xx) on top of the user-space shim.
 *
 * Programs are hand-assembled with the small assembler below; expected
 * results come from the Dynamic Tracing Guide's definitions, worked out by
 * hand, never from what the code printed.
 */
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shim.h"
#include "../../gen/300-core.h"
#include "../../gen/400-dif-validate.c"
#include "../../gen/410-dynvar.c"
#include "../../gen/420-dif-subr.c"
#include "../../gen/430-dif-emulate.c"
#include "dynvar-check.h"

/* ---- test harness -------------------------------------------------------- */
static int npass, nfail, cur_fail;
static const char *cur_name;

#define CHECK(c) do {							\
	if (!(c)) {							\
		printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c); \
		cur_fail++;						\
	}								\
} while (0)
#define CHECK_EQ(a, b) do {						\
	unsigned long long _a = (unsigned long long)(a);		\
	unsigned long long _b = (unsigned long long)(b);		\
	if (_a != _b) {							\
		printf("  %s:%d: %s == %#llx, expected %#llx\n",	\
		       __FILE__, __LINE__, #a, _a, _b);			\
		cur_fail++;						\
	}								\
} while (0)
#define CHECK_STR(a, b) do {						\
	const char *_a = (const char *)(a), *_b = (b);			\
	if (!_a || strcmp(_a, _b)) {					\
		printf("  %s:%d: %s == \"%s\", expected \"%s\"\n",	\
		       __FILE__, __LINE__, #a, _a ? _a : "(null)", _b);	\
		cur_fail++;						\
	}								\
} while (0)

/* ---- a tiny DIF assembler ------------------------------------------------ */
struct prog {
	u32 ins[512];
	u32 n;
	u64 ints[64];
	u32 nint;
	char str[2048];
	u32 strl;
	struct dtrace_difv vars[16];
	u32 nvar;
	struct dtrace_diftype rtype;
};

static void p_init(struct prog *p)
{
	memset(p, 0, sizeof(*p));
	p->strl = 1;		/* offset 0 is "" */
}

static void emit(struct prog *p, u32 i)
{
	p->ins[p->n++] = i;
}

static u32 p_str(struct prog *p, const char *s)
{
	u32 off = p->strl;

	strcpy(p->str + off, s);
	p->strl += strlen(s) + 1;
	return off;
}

static u32 p_int(struct prog *p, u64 v)
{
	p->ints[p->nint] = v;
	return p->nint++;
}

#define FMT(op, a, b, d)	emit(p, DIF_INSTR_FMT(op, a, b, d))
#define SETX(v, rd)		emit(p, DIF_INSTR_SETX(p_int(p, (v)), rd))
#define SETS(s, rd)		emit(p, DIF_INSTR_SETS(p_str(p, (s)), rd))
#define RET(r)			emit(p, DIF_INSTR_RET(r))
#define PUSHV(r)		emit(p, DIF_INSTR_PUSHTS(DIF_OP_PUSHTV, DIF_TYPE_CTF, 0, r))
#define PUSHS(r)		emit(p, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR, DIF_TYPE_STRING, 0, r))
#define FLUSH()			emit(p, DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0, 0))
#define CALL(s, rd)		emit(p, DIF_INSTR_CALL(s, rd))

static void p_var(struct prog *p, u32 id, u8 scope, u8 kind, bool str)
{
	struct dtrace_difv *v = &p->vars[p->nvar++];

	memset(v, 0, sizeof(*v));
	v->name = p_str(p, "v");
	v->id = id;
	v->scope = scope;
	v->kind = kind;
	v->type.kind = str ? DIF_TYPE_STRING : DIF_TYPE_CTF;
	v->type.flags = str ? DIF_TF_BYREF : 0;
	v->type.size = str ? 256 : 8;
}

/* Lay the object out as an enabling carries it; returns its size. */
static size_t p_blob(const struct prog *p, u8 *buf)
{
	struct dtrace_difo_hdr h;
	size_t off = sizeof(h);

	memset(&h, 0, sizeof(h));
	h.ninstr = p->n;
	h.nint = p->nint;
	h.nvar = p->nvar;
	h.strlen = p->strl;
	h.rtype = p->rtype;
	memcpy(buf + off, p->ins, 4 * p->n);
	off += 4 * p->n;
	while (off % 8)
		buf[off++] = 0;
	memcpy(buf + off, p->ints, 8 * p->nint);
	off += 8 * p->nint;
	memcpy(buf + off, p->vars, sizeof(p->vars[0]) * p->nvar);
	off += sizeof(p->vars[0]) * p->nvar;
	memcpy(buf + off, p->str, p->strl);
	off += p->strl;
	while (off % 8)
		buf[off++] = 0;
	h.size = off;
	memcpy(buf, &h, sizeof(h));
	return off;
}

static struct dtrace_vlimits lim = {
	.maxlen = 1024, .strsize = 256, .ngvars = 8, .ntvars = 8,
	.nlvars = 8, .destructive = true,
};

static struct dtrace_verr verr;
static u8 blobbuf[65536];

static struct dtrace_difo *p_create(const struct prog *p)
{
	struct dtrace_difo *d = NULL;
	size_t n = p_blob(p, blobbuf), used = 0;
	int rc;

	memset(&verr, 0, sizeof(verr));
	rc = dtrace_difo_create(blobbuf, n, &lim, &d, &used, &verr);
	if (rc) {
		printf("  create failed: %s (offset %d)\n", verr.msg,
		       (int)verr.offset);
		return NULL;
	}
	CHECK_EQ(used, n);
	return d;
}

/* Expect rejection with a message containing msg. */
static void p_reject(const struct prog *p, const char *msg, u32 offset)
{
	struct dtrace_difo *d = NULL;
	size_t n = p_blob(p, blobbuf);
	long before = shim_nallocs;
	int rc;

	memset(&verr, 0, sizeof(verr));
	rc = dtrace_difo_create(blobbuf, n, &lim, &d, NULL, &verr);
	CHECK_EQ(rc, -EINVAL);
	CHECK(d == NULL);
	CHECK_EQ(shim_nallocs, before);
	if (!strstr(verr.msg, msg)) {
		printf("  message \"%s\" lacks \"%s\"\n", verr.msg, msg);
		cur_fail++;
	}
	CHECK_EQ(verr.offset, offset);
}

/* ---- machine state ------------------------------------------------------- */
static char scratch[16384];
static struct dtrace_mstate ms;
static struct dtrace_vstate *vs;
static struct dtrace_probedesc pdesc = {
	.id = 42, .provider = "dtrace", .mod = "", .func = "",
	.name = "BEGIN",
};
/* test memory: "kernel" and "user" */
static u8 kmem[256] __attribute__((aligned(16)));
static u8 umem[256] __attribute__((aligned(16)));
static u8 uout[256] __attribute__((aligned(16)));

static void ms_reset(void)
{
	int i;

	memset(&ms, 0, sizeof(ms));
	for (i = 0; i < DTRACE_MAXARGS; i++)
		ms.args[i] = 100 + i;
	ms.probe_id = 42;
	ms.epid = 7;
	ms.pdesc = &pdesc;
	ms.timestamp = 123456789;
	ms.cpu = 1;
	ms.strsize = 256;
	ms.scratch = scratch;
	ms.scratch_size = sizeof(scratch);
	ms.vstate = vs;
	ms.caller = 0xffffffff81234567ULL;
}

/* The last object run stays alive until the next run: strings it returns
 * may point into its string table. */
static struct dtrace_difo *last_difo;

static u64 p_run(struct prog *p)
{
	struct dtrace_difo *d = p_create(p);

	dtrace_difo_destroy(last_difo);
	last_difo = d;
	if (!d) {
		cur_fail++;
		return 0xdeadbeef;
	}
	dtrace_vstate_addvars(vs, d);	/* as the enabling's parser does */
	ms.flags = 0;
	return dtrace_dif_emulate(d, &ms);
}

/* Run and expect no fault. */
static u64 run_ok(struct prog *p)
{
	u64 r = p_run(p);

	if (ms.flags & DTRACE_MSTATE_FAULT) {
		printf("  unexpected fault %u at %u (illval %#llx)\n",
		       ms.fault, ms.difoff, ms.illval);
		cur_fail++;
	}
	return r;
}

static void run_fault(struct prog *p, u32 fault, u32 difoff)
{
	u64 r = p_run(p);

	CHECK(ms.flags & DTRACE_MSTATE_FAULT);
	CHECK_EQ(ms.fault, fault);
	CHECK_EQ(ms.difoff, difoff);
	CHECK_EQ(r, 0);
}

/* Arguments for a subroutine call program. */
struct arg {
	int kind;		/* 0 int, 1 string literal, 2 string at addr */
	u64 v;
	const char *s;
};
#define I(x)	((struct arg){ 0, (u64)(x), NULL })
#define S(x)	((struct arg){ 1, 0, (x) })
#define SA(x)	((struct arg){ 2, (u64)(uintptr_t)(x), NULL })

static void emit_call(struct prog *p, u32 subr, int n, const struct arg *a)
{
	int i;

	for (i = 0; i < n; i++) {
		if (a[i].kind == 1)
			SETS(a[i].s, i + 1);
		else
			SETX(a[i].v, i + 1);
	}
	FLUSH();
	for (i = 0; i < n; i++) {
		if (a[i].kind)
			PUSHS(i + 1);
		else
			PUSHV(i + 1);
	}
	CALL(subr, 7);
	RET(7);
}

static u64 call_subr(u32 subr, int n, const struct arg *a)
{
	struct prog pp, *p = &pp;

	p_init(p);
	emit_call(p, subr, n, a);
	ms_reset();
	return run_ok(p);
}

#define CALLN(subr, ...) ({						\
	const struct arg _a[] = { __VA_ARGS__ };			\
	call_subr(subr, (int)ARRAY_SIZE(_a), _a);			\
})
#define CALLS(subr, ...)	((const char *)(uintptr_t)CALLN(subr, __VA_ARGS__))

/* ---- tests: arithmetic and logic --------------------------------------- */
static u64 binop(u32 op, u64 a, u64 b)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(a, 1);
	SETX(b, 2);
	FMT(op, 1, 2, 3);
	RET(3);
	ms_reset();
	return run_ok(p);
}

static void test_arith(void)
{
	CHECK_EQ(binop(DIF_OP_OR, 0xf0, 0x0f), 0xff);
	CHECK_EQ(binop(DIF_OP_XOR, 0xff, 0x0f), 0xf0);
	CHECK_EQ(binop(DIF_OP_AND, 0xff, 0x3c), 0x3c);
	CHECK_EQ(binop(DIF_OP_SLL, 1, 40), 1ULL << 40);
	CHECK_EQ(binop(DIF_OP_SRL, 0x8000000000000000ULL, 63), 1);
	CHECK_EQ(binop(DIF_OP_SRA, 0x8000000000000000ULL, 63), ~0ULL);
	CHECK_EQ(binop(DIF_OP_SUB, 5, 7), (u64)-2);
	CHECK_EQ(binop(DIF_OP_ADD, 5, 7), 12);
	CHECK_EQ(binop(DIF_OP_MUL, (u64)-3, 7), (u64)-21);
	CHECK_EQ(binop(DIF_OP_SDIV, (u64)-21, 4), (u64)-5);
	CHECK_EQ(binop(DIF_OP_UDIV, (u64)-21, 4), ((u64)-21) / 4);
	CHECK_EQ(binop(DIF_OP_SREM, (u64)-21, 4), (u64)-1);
	CHECK_EQ(binop(DIF_OP_UREM, 21, 4), 1);
	/* INT64_MIN / -1 wraps instead of trapping */
	CHECK_EQ(binop(DIF_OP_SDIV, 0x8000000000000000ULL, (u64)-1),
		 0x8000000000000000ULL);
	CHECK_EQ(binop(DIF_OP_SREM, 0x8000000000000000ULL, (u64)-1), 0);
}

static void test_unary_mov_nop(void)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(0x1234, 1);
	FMT(DIF_OP_NOT, 1, 0, 2);
	emit(p, DIF_INSTR_NOP);
	FMT(DIF_OP_MOV, 2, 0, 3);
	RET(3);
	ms_reset();
	CHECK_EQ(run_ok(p), ~0x1234ULL);
	/* %r0 reads as zero */
	p_init(p);
	SETX(9, 1);
	FMT(DIF_OP_ADD, 0, 0, 1);
	RET(1);
	CHECK_EQ(run_ok(p), 0);
}

static void test_divzero(void)
{
	u32 ops[] = { DIF_OP_SDIV, DIF_OP_UDIV, DIF_OP_SREM, DIF_OP_UREM };
	struct prog pp, *p = &pp;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		p_init(p);
		SETX(10, 1);
		FMT(ops[i], 1, 0, 2);
		RET(2);
		ms_reset();
		run_fault(p, DTRACEFLT_DIVZERO, 1);
	}
}

/* Is branch op taken after cmp a, b (or tst a when tst)? */
static int branch(u32 cmpop, u32 bop, u64 a, u64 b)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(a, 1);
	SETX(b, 2);
	if (cmpop == DIF_OP_TST)
		FMT(DIF_OP_TST, 1, 0, 0);
	else
		FMT(cmpop, 1, 2, 0);
	emit(p, DIF_INSTR_BRANCH(bop, 6));
	SETX(0, 3);
	RET(3);
	SETX(1, 3);	/* index 6 */
	RET(3);
	ms_reset();
	return (int)run_ok(p);
}

static void test_branches(void)
{
	u64 m1 = (u64)-1;

	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BA, 1, 2), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BE, 3, 3), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BE, 3, 4), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BNE, 3, 4), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BNE, 3, 3), 0);
	/* -1 vs 1: signed less, unsigned greater */
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BG, m1, 1), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BGU, m1, 1), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BGE, m1, 1), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BGE, 1, 1), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BGEU, m1, 1), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BGEU, 0, 1), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BL, m1, 1), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BLU, m1, 1), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BLU, 0, 1), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BLE, 1, 1), 1);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BLE, 2, 1), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BLEU, m1, 1), 0);
	CHECK_EQ(branch(DIF_OP_CMP, DIF_OP_BLEU, 1, m1), 1);
	CHECK_EQ(branch(DIF_OP_TST, DIF_OP_BE, 0, 0), 1);
	CHECK_EQ(branch(DIF_OP_TST, DIF_OP_BNE, 5, 0), 1);
	CHECK_EQ(branch(DIF_OP_TST, DIF_OP_BL, m1, 0), 1);
	CHECK_EQ(branch(DIF_OP_TST, DIF_OP_BG, 5, 0), 1);
	CHECK_EQ(branch(DIF_OP_TST, DIF_OP_BLU, m1, 0), 0);
}

static int scmp(const char *a, const char *b, u32 bop)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETS(a, 1);
	SETS(b, 2);
	FMT(DIF_OP_SCMP, 1, 2, 0);
	emit(p, DIF_INSTR_BRANCH(bop, 6));
	SETX(0, 3);
	RET(3);
	SETX(1, 3);
	RET(3);
	ms_reset();
	return (int)run_ok(p);
}

static void test_scmp(void)
{
	CHECK_EQ(scmp("abc", "abc", DIF_OP_BE), 1);
	CHECK_EQ(scmp("abc", "abd", DIF_OP_BE), 0);
	CHECK_EQ(scmp("abc", "abd", DIF_OP_BL), 1);
	CHECK_EQ(scmp("abd", "abc", DIF_OP_BG), 1);
	CHECK_EQ(scmp("ab", "abc", DIF_OP_BL), 1);
	CHECK_EQ(scmp("", "a", DIF_OP_BNE), 1);
	/* long strings compare over chunk boundaries */
	CHECK_EQ(scmp("0123456789012345678901234567890123456789"
		      "0123456789012345678901234567890123456789x",
		      "0123456789012345678901234567890123456789"
		      "0123456789012345678901234567890123456789y",
		      DIF_OP_BL), 1);
}

/* ---- loads and stores ------------------------------------------------------ */
static u64 load(u32 op, u64 addr)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(addr, 1);
	FMT(op, 1, 0, 2);
	RET(2);
	ms_reset();
	return p_run(p);
}

static void test_loads(void)
{
	u64 k = (u64)(uintptr_t)kmem, u = (u64)(uintptr_t)umem;

	shim_mem_clear();
	memset(kmem, 0, sizeof(kmem));
	kmem[0] = 0x80;
	kmem[2] = 0x01;
	kmem[3] = 0x80;
	memcpy(kmem + 8, "\x01\x02\x03\x84\x05\x06\x07\x88", 8);
	memcpy(umem, kmem, 16);
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	shim_mem_add(umem, sizeof(umem), SHIM_MEM_USER);

	CHECK_EQ(load(DIF_OP_LDSB, k), (u64)-128);
	CHECK_EQ(load(DIF_OP_LDUB, k), 0x80);
	CHECK_EQ(load(DIF_OP_LDSH, k + 2), (u64)(s16)0x8001);
	CHECK_EQ(load(DIF_OP_LDUH, k + 2), 0x8001);
	CHECK_EQ(load(DIF_OP_LDSW, k + 8), (u64)(s32)0x84030201);
	CHECK_EQ(load(DIF_OP_LDUW, k + 8), 0x84030201);
	CHECK_EQ(load(DIF_OP_LDX, k + 8), 0x8807060584030201ULL);
	CHECK_EQ(load(DIF_OP_ULDSB, u), (u64)-128);
	CHECK_EQ(load(DIF_OP_ULDUB, u), 0x80);
	CHECK_EQ(load(DIF_OP_ULDSH, u + 2), (u64)(s16)0x8001);
	CHECK_EQ(load(DIF_OP_ULDUH, u + 2), 0x8001);
	CHECK_EQ(load(DIF_OP_ULDSW, u + 8), (u64)(s32)0x84030201);
	CHECK_EQ(load(DIF_OP_ULDUW, u + 8), 0x84030201);
	CHECK_EQ(load(DIF_OP_ULDX, u + 8), 0x8807060584030201ULL);
	CHECK(!(ms.flags & DTRACE_MSTATE_FAULT));

	/* misaligned */
	load(DIF_OP_LDX, k + 4);
	CHECK_EQ(ms.fault, DTRACEFLT_BADALIGN);
	CHECK_EQ(ms.illval, k + 4);
	CHECK_EQ(ms.difoff, 1);
	load(DIF_OP_ULDUH, u + 1);
	CHECK_EQ(ms.fault, DTRACEFLT_BADALIGN);
	/* unreadable: kernel load of user memory and vice versa, NULL */
	load(DIF_OP_LDX, u);
	CHECK_EQ(ms.fault, DTRACEFLT_BADADDR);
	CHECK_EQ(ms.illval, u);
	load(DIF_OP_ULDX, k);
	CHECK_EQ(ms.fault, DTRACEFLT_BADADDR);
	load(DIF_OP_LDUB, 0);
	CHECK_EQ(ms.fault, DTRACEFLT_BADADDR);
	CHECK_EQ(ms.illval, 0);
	/* just past the end of the readable range */
	load(DIF_OP_LDX, k + sizeof(kmem));
	CHECK_EQ(ms.fault, DTRACEFLT_BADADDR);
}

static void test_stores_allocs_copys(void)
{
	struct prog pp, *p = &pp;
	u64 r;

	/* alloca 16, store 4 sizes, read back with ldx */
	p_init(p);
	SETX(16, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	SETX(0x1122334455667788ULL, 3);
	FMT(DIF_OP_STX, 3, 0, 2);
	SETX(0xaa, 4);
	FMT(DIF_OP_STB, 4, 0, 2);
	SETX(8, 5);
	FMT(DIF_OP_ADD, 2, 5, 5);
	SETX(0xbbcc, 4);
	FMT(DIF_OP_STH, 4, 0, 5);
	SETX(4, 6);
	FMT(DIF_OP_ADD, 5, 6, 6);
	SETX(0xddeeff00, 4);
	FMT(DIF_OP_STW, 4, 0, 6);
	FMT(DIF_OP_LDX, 2, 0, 3);
	FMT(DIF_OP_LDX, 5, 0, 4);
	FMT(DIF_OP_XOR, 3, 4, 3);
	RET(3);
	ms_reset();
	r = run_ok(p);
	CHECK_EQ(r, 0x11223344556677aaULL ^ 0xddeeff000000bbccULL);

	/* store outside scratch */
	p_init(p);
	SETX((u64)(uintptr_t)kmem, 1);
	FMT(DIF_OP_STX, 1, 0, 1);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 1);
	CHECK_EQ(ms.illval, (u64)(uintptr_t)kmem);

	/* store past the allocated part of scratch */
	p_init(p);
	SETX(8, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	FMT(DIF_OP_ADD, 2, 1, 2);
	FMT(DIF_OP_STB, 1, 0, 2);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);

	/* misaligned store */
	p_init(p);
	SETX(16, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	SETX(1, 3);
	FMT(DIF_OP_ADD, 2, 3, 2);
	FMT(DIF_OP_STW, 1, 0, 2);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADALIGN, 4);

	/* allocs too big */
	p_init(p);
	SETX(sizeof(scratch) + 1, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	RET(2);
	ms_reset();
	run_fault(p, DTRACEFLT_NOSCRATCH, 1);

	/* copys: copy a string from the string table into alloca'd space */
	p_init(p);
	SETX(8, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	SETS("abcdefg", 3);
	FMT(DIF_OP_COPYS, 3, 1, 2);
	RET(2);
	ms_reset();
	r = run_ok(p);
	CHECK_STR((const char *)(uintptr_t)r, "abcdefg");

	/* copys into non-scratch */
	p_init(p);
	SETX(8, 1);
	SETS("abcdefg", 3);
	SETX((u64)(uintptr_t)kmem, 2);
	FMT(DIF_OP_COPYS, 3, 1, 2);
	RET(2);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);
}

static void test_setx_sets_ret(void)
{
	struct prog pp, *p = &pp;
	u64 r;

	p_init(p);
	SETX(0xfedcba9876543210ULL, 4);
	RET(4);
	ms_reset();
	CHECK_EQ(run_ok(p), 0xfedcba9876543210ULL);

	p_init(p);
	SETS("probe", 5);
	RET(5);
	ms_reset();
	r = run_ok(p);
	CHECK_STR((const char *)(uintptr_t)r, "probe");
}

static void test_tuple_overflow(void)
{
	struct prog pp, *p = &pp;
	int i;

	p_init(p);
	SETX(1, 1);
	for (i = 0; i < DIF_DTR_NREGS + 1; i++)
		PUSHV(1);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_TUPOFLOW, 1 + DIF_DTR_NREGS);

	/* popts and flushts make room again */
	p_init(p);
	SETX(1, 1);
	for (i = 0; i < DIF_DTR_NREGS; i++)
		PUSHV(1);
	emit(p, DIF_INSTR_FMT(DIF_OP_POPTS, 0, 0, 0));
	PUSHV(1);
	FLUSH();
	for (i = 0; i < DIF_DTR_NREGS; i++)
		PUSHV(1);
	RET(1);
	ms_reset();
	CHECK_EQ(run_ok(p), 1);
}

/* ---- built-in variables ---------------------------------------------------- */
static u64 ldgs(u32 id)
{
	struct prog pp, *p = &pp;

	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, id, 1));
	RET(1);
	ms_reset();
	return run_ok(p);
}

static void test_builtins(void)
{
	struct prog pp, *p = &pp;
	int i;

	for (i = 0; i < 10; i++)
		CHECK_EQ(ldgs(DIF_VAR_ARG0 + i), 100 + i);
	CHECK_EQ(ldgs(DIF_VAR_ID), 42);
	CHECK_EQ(ldgs(DIF_VAR_EPID), 7);
	CHECK_EQ(ldgs(DIF_VAR_TIMESTAMP), 123456789);
	CHECK_EQ(ldgs(DIF_VAR_VTIMESTAMP), shim_vtime);
	CHECK_EQ(ldgs(DIF_VAR_WALLTIMESTAMP), shim_walltime);
	CHECK_EQ(ms.walltimestamp, shim_walltime);	/* cached */
	CHECK_EQ(ldgs(DIF_VAR_PID), shim_pid);
	CHECK_EQ(ldgs(DIF_VAR_PPID), shim_ppid);
	CHECK_EQ(ldgs(DIF_VAR_TID), shim_tid);
	CHECK_EQ(ldgs(DIF_VAR_UID), shim_uid);
	CHECK_EQ(ldgs(DIF_VAR_GID), shim_gid);
	CHECK_EQ(ldgs(DIF_VAR_CPU), 1);
	CHECK_EQ(ldgs(DIF_VAR_CURTHREAD), shim_thread);
	CHECK_EQ(ldgs(DIF_VAR_CALLER), 0xffffffff81234567ULL);
	CHECK_EQ(ldgs(DIF_VAR_STACKDEPTH), shim_stackdepth);
	CHECK_EQ(ldgs(DIF_VAR_USTACKDEPTH), shim_ustackdepth);
	CHECK_EQ(ldgs(DIF_VAR_UCALLER), 0x401000);
	CHECK_EQ(ldgs(DIF_VAR_ERRNO), 0);
	CHECK_EQ(ldgs(DIF_VAR_IPL), 0);
	CHECK_STR((const char *)(uintptr_t)ldgs(DIF_VAR_PROBEPROV), "dtrace");
	CHECK_STR((const char *)(uintptr_t)ldgs(DIF_VAR_PROBENAME), "BEGIN");
	CHECK_STR((const char *)(uintptr_t)ldgs(DIF_VAR_PROBEFUNC), "");
	CHECK_STR((const char *)(uintptr_t)ldgs(DIF_VAR_PROBEMOD), "");
	CHECK_STR((const char *)(uintptr_t)ldgs(DIF_VAR_ZONENAME), "global");
	{
		const char *e = (const char *)(uintptr_t)ldgs(DIF_VAR_EXECNAME);

		CHECK_STR(e, "shimtest");
		CHECK(e >= scratch && e < scratch + sizeof(scratch));
	}

	/* args[] through LDGA: var in r1, index register in r2 */
	p_init(p);
	SETX(3, 1);
	FMT(DIF_OP_LDGA, DIF_VAR_ARGS, 1, 2);
	RET(2);
	ms_reset();
	CHECK_EQ(run_ok(p), 103);
	p_init(p);
	SETX(10, 1);
	FMT(DIF_OP_LDGA, DIF_VAR_ARGS, 1, 2);
	RET(2);
	ms_reset();
	run_fault(p, DTRACEFLT_ILLOP, 1);
	CHECK_EQ(ms.illval, 10);
}

/* ---- variables ----------------------------------------------------------- */
#define U(n)	(DIF_VAR_OTHER_UBASE + (n))

static void test_globals_locals(void)
{
	struct prog pp, *p = &pp;
	u64 r;

	/* global int: store then load in another object */
	p_init(p);
	SETX(77, 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STGS, U(0), 1));
	RET(1);
	ms_reset();
	run_ok(p);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(0), 2));
	RET(2);
	CHECK_EQ(run_ok(p), 77);

	/* global string: the value is copied, the load returns its storage */
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, true);
	SETS("hello world", 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STGS, U(1), 1));
	RET(1);
	run_ok(p);
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, true);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(1), 2));
	RET(2);
	r = run_ok(p);
	CHECK_STR((const char *)(uintptr_t)r, "hello world");
	CHECK(dtrace_vstate_region(vs, r, &r));

	/*
	 * clause-local: shared by the clauses of one firing (same timestamp
	 * and probe on the CPU), zero in a new firing, per CPU
	 */
	p_init(p);
	SETX(5, 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STLS, U(2), 1));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(2), 2));
	RET(2);
	ms_reset();
	CHECK_EQ(run_ok(p), 5);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(2), 2));
	RET(2);
	CHECK_EQ(run_ok(p), 5);		/* same clause */
	dtrace_vstate_clause_begin(vs, 1);
	CHECK_EQ(run_ok(p), 5);		/* next clause, same firing */
	ms.cpu = 2;
	CHECK_EQ(run_ok(p), 0);		/* another CPU */
	ms.cpu = 1;
	ms.timestamp++;
	CHECK_EQ(run_ok(p), 0);		/* the next firing */
	ms.timestamp--;
	CHECK_EQ(run_ok(p), 0);		/* still zero: it was reset */

	/* a vstate too small for the id: ILLOP, not an overflow */
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(0), 2));
	RET(2);
	ms_reset();
	ms.vstate = NULL;
	run_fault(p, DTRACEFLT_ILLOP, 0);
}

static u64 ldts(u32 id, bool str)
{
	struct prog pp, *p = &pp;

	p_init(p);
	if (str)
		p_var(p, U(id), DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, true);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTS, U(id), 1));
	RET(1);
	ms_reset();
	return run_ok(p);
}

static void stts(u32 id, u64 v)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(v, 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(id), 1));
	RET(1);
	ms_reset();
	run_ok(p);
}

static void test_thread_locals(void)
{
	struct prog pp, *p = &pp;
	u64 d, r, x;

	shim_tid = 500;
	stts(0, 11);
	shim_tid = 501;
	stts(0, 22);
	CHECK_EQ(ldts(0, false), 22);
	shim_tid = 500;
	CHECK_EQ(ldts(0, false), 11);
	shim_tid = 502;
	CHECK_EQ(ldts(0, false), 0);	/* never set in this thread */
	/* same tid, different task (a recycled tid) does not see it */
	shim_tid = 500;
	shim_thread += 0x1000;
	CHECK_EQ(ldts(0, false), 0);
	shim_thread -= 0x1000;
	/* assigning 0 deletes */
	stts(0, 0);
	CHECK_EQ(ldts(0, false), 0);
	shim_tid = 501;
	CHECK_EQ(ldts(0, false), 22);
	stts(0, 0);

	/* string thread-local; "" deletes (an unset string reads as "") */
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, true);
	SETS("tls-string", 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(1), 1));
	RET(1);
	ms_reset();
	run_ok(p);
	r = ldts(1, true);
	CHECK_STR((const char *)(uintptr_t)r, "tls-string");
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, true);
	SETS("", 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(1), 1));
	RET(1);
	run_ok(p);
	CHECK_STR((const char *)(uintptr_t)ldts(1, true), "");
	CHECK(dtrace_vstate_region(vs, ldts(1, true), &x));
	dtrace_vstate_drops(vs, &d, &r, &x);
	CHECK_EQ(d, 0);
}

/* a[k1, "k2"] = v  or load it (v ignored) */
static u64 assoc(u32 op, u64 k1, const char *k2, u64 v)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(k1, 1);
	SETS(k2, 2);
	SETX(v, 3);
	FLUSH();
	PUSHV(1);
	PUSHS(2);
	if (op == DIF_OP_STGAA || op == DIF_OP_STTAA) {
		emit(p, DIF_INSTR_STV(op, U(3), 3));
		RET(3);
	} else {
		emit(p, DIF_INSTR_LDV(op, U(3), 4));
		RET(4);
	}
	ms_reset();
	return run_ok(p);
}

static void test_assoc(void)
{
	u64 d, r, x;
	int i, stored;

	assoc(DIF_OP_STGAA, 1, "a", 10);
	assoc(DIF_OP_STGAA, 1, "b", 20);
	assoc(DIF_OP_STGAA, 2, "a", 30);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "a", 0), 10);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "b", 0), 20);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 2, "a", 0), 30);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 2, "b", 0), 0);
	/* "a" + 1 vs "a1": items are length-delimited */
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "a\x01", 0), 0);
	/* overwrite, delete */
	assoc(DIF_OP_STGAA, 1, "a", 11);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "a", 0), 11);
	assoc(DIF_OP_STGAA, 1, "a", 0);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "a", 0), 0);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "b", 0), 20);

	/* thread-local arrays are per thread */
	shim_tid = 700;
	assoc(DIF_OP_STTAA, 5, "x", 99);
	CHECK_EQ(assoc(DIF_OP_LDTAA, 5, "x", 0), 99);
	shim_tid = 701;
	CHECK_EQ(assoc(DIF_OP_LDTAA, 5, "x", 0), 0);
	/* and not the global array with the same id */
	CHECK_EQ(assoc(DIF_OP_LDGAA, 5, "x", 0), 0);

	/* fill the space (64 KiB) to drops, then delete and reuse */
	dtrace_vstate_drops(vs, &d, &r, &x);
	CHECK_EQ(d, 0);
	stored = 0;
	for (i = 0; i < 4000; i++) {
		assoc(DIF_OP_STGAA, 1000 + i, "fill", i + 1);
		if (assoc(DIF_OP_LDGAA, 1000 + i, "fill", 0) == (u64)i + 1)
			stored++;
	}
	dtrace_vstate_drops(vs, &d, &r, &x);
	CHECK(stored > 100 && stored < 4000);
	CHECK_EQ(d, 4000 - stored);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1000 + stored, "fill", 0), 0);
	/* earlier entries survive a full space */
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "b", 0), 20);
	for (i = 0; i < 10; i++)
		assoc(DIF_OP_STGAA, 1000 + i, "fill", 0);
	assoc(DIF_OP_STGAA, 1, "new", 5);
	CHECK_EQ(assoc(DIF_OP_LDGAA, 1, "new", 0), 5);
	CHECK(dynvar_check(vs) == NULL);
	{
		u64 d2, dirty;

		dtrace_vstate_drops(vs, &d2, &r, &dirty);
		CHECK_EQ(d2, d);		/* no new drop */
		CHECK_EQ(dirty, 0);
	}
}


/* A fresh variable state (the drop tests leave the space full). */
static void vs_fresh(void)
{
	struct dtrace_enable_hdr h;

	dtrace_vstate_destroy(vs);
	memset(&h, 0, sizeof(h));
	h.ngvars = 8;
	h.ntvars = 8;
	h.nlvars = 8;
	h.strsize = 256;
	h.dynvarsize = 64 * 1024;
	vs = NULL;
	if (dtrace_vstate_create(&h, &vs))
		cur_fail++;
}

/* Keys by reference (a struct) and string values in arrays. */
static void test_assoc_byref_strings(void)
{
	struct prog pp, *p = &pp;
	u64 r;

	vs_fresh();
	shim_mem_clear();
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	memcpy(kmem, "0123456789abcdef", 16);

	/* a[*(struct 16 bytes *)kmem] = "value-one" (string-typed array) */
	p_init(p);
	p_var(p, U(3), DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, true);
	SETX((uintptr_t)kmem, 1);
	SETX(16, 2);
	SETS("value-one", 3);
	FLUSH();
	emit(p, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR, DIF_TYPE_CTF, 2, 1));
	emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(3), 3));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(3), 4));
	RET(4);
	ms_reset();
	r = run_ok(p);
	CHECK_STR((const char *)(uintptr_t)r, "value-one");
	/* a different key (one byte changed) misses */
	kmem[15] = 'X';
	p_init(p);
	p_var(p, U(3), DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, true);
	SETX((uintptr_t)kmem, 1);
	SETX(16, 2);
	FLUSH();
	emit(p, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR, DIF_TYPE_CTF, 2, 1));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(3), 4));
	RET(4);
	r = run_ok(p);
	CHECK_STR((const char *)(uintptr_t)r, "");
	CHECK(r != (uintptr_t)kmem);
	kmem[15] = 'f';
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "value-one");
	/* a by-ref key larger than strsize is refused (ILLOP) */
	p->ints[1] = 4096;
	run_fault(p, DTRACEFLT_ILLOP, 4);
	/* a by-ref key at a bad address faults */
	p->ints[1] = 16;
	p->ints[0] = 8;
	run_fault(p, DTRACEFLT_BADADDR, 4);
	/* string keys longer than strsize are cut at strsize - 1 */
	{
		static char k1[400], k2[400];

		memset(k1, 'k', sizeof(k1) - 1);
		memcpy(k2, k1, sizeof(k2));
		k2[300] = 'Z';		/* differs after the bound */
		shim_mem_add(k1, sizeof(k1), SHIM_MEM_KERNEL);
		shim_mem_add(k2, sizeof(k2), SHIM_MEM_KERNEL);
		p_init(p);
		SETX((uintptr_t)k1, 1);
		SETX(77, 2);
		FLUSH();
		PUSHS(1);
		emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(2), 2));
		RET(2);
		ms_reset();
		run_ok(p);
		p_init(p);
		SETX((uintptr_t)k2, 1);
		FLUSH();
		PUSHS(1);
		emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(2), 3));
		RET(3);
		CHECK_EQ(run_ok(p), 77);
	}
	/* one object sees the variable as a string, another as an int:
	 * the entry is replaced, never overrun */
	p_init(p);
	SETX(1, 1);
	SETX(0x4142434445464748ULL, 2);
	FLUSH();
	PUSHV(1);
	emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(1), 2));
	RET(2);
	ms_reset();
	run_ok(p);
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, true);
	SETX(1, 1);
	FLUSH();
	PUSHV(1);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(1), 3));
	RET(3);
	/* typed differently: absent, so "" */
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "");
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, true);
	SETX(1, 1);
	SETS("now a string", 2);
	FLUSH();
	PUSHV(1);
	emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(1), 2));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(1), 3));
	RET(3);
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "now a string");
	CHECK(dynvar_check(vs) == NULL);
	/* a string global holds at most strsize - 1 characters */
	{
		static char big[600];

		memset(big, 'q', sizeof(big) - 1);
		shim_mem_add(big, sizeof(big), SHIM_MEM_KERNEL);
		p_init(p);
		p_var(p, U(5), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, true);
		SETX((uintptr_t)big, 1);
		emit(p, DIF_INSTR_STV(DIF_OP_STGS, U(5), 1));
		emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(5), 2));
		RET(2);
		ms_reset();
		CHECK_EQ(strlen((const char *)(uintptr_t)run_ok(p)), 255);
	}
	/* clause-local strings */
	p_init(p);
	p_var(p, U(6), DIFV_SCOPE_LOCAL, DIFV_KIND_SCALAR, true);
	SETS("this-string", 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STLS, U(6), 1));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(6), 2));
	RET(2);
	ms_reset();
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "this-string");
	dtrace_vstate_clause_begin(vs, 1);
	ms.probe_id++;			/* another probe: a new firing */
	p_init(p);
	p_var(p, U(6), DIFV_SCOPE_LOCAL, DIFV_KIND_SCALAR, true);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(6), 2));
	RET(2);
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "");
	/* SCMP with NULL: NULL sorts before any string, equals NULL */
	p_init(p);
	SETS("", 1);
	FMT(DIF_OP_SCMP, 0, 1, 0);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BL, 5));
	SETX(0, 3);
	RET(3);
	SETX(1, 3);
	RET(3);
	CHECK_EQ(run_ok(p), 1);
}

/*
 * Four threads, each a CPU with its own tid, hammer one global array and
 * their own thread-locals: every thread must read back what it stored,
 * deletes must free space, and the sanitizers must stay quiet.
 */
#define STRESS_OPS	4000
static struct dtrace_difo *stress_st, *stress_ld;
static int stress_bad[4];

static void *stress_thread(void *arg)
{
	int cpu = (int)(uintptr_t)arg, i;
	static char scr[4][4096];
	struct dtrace_mstate m;
	u64 r;

	shim_cpu = cpu;
	shim_tid = 9000 + cpu;
	for (i = 0; i < STRESS_OPS; i++) {
		u64 key = (u64)cpu << 32 | (i % 97);
		u64 val = (i & 1) ? 0 : (u64)i + 1;	/* odd: delete */

		memset(&m, 0, sizeof(m));
		m.cpu = cpu;
		m.strsize = 256;
		m.scratch = scr[cpu];
		m.scratch_size = sizeof(scr[cpu]);
		m.vstate = vs;
		m.args[0] = key;
		m.args[1] = val;
		dtrace_dif_emulate(stress_st, &m);
		r = dtrace_dif_emulate(stress_ld, &m);
		if ((m.flags & DTRACE_MSTATE_FAULT) || r != val)
			stress_bad[cpu]++;
	}
	return NULL;
}

static void test_dynvar_stress(void)
{
	struct prog pp, *p = &pp;
	pthread_t t[4];
	u64 d0, d1, x;
	int i;

	/* st: a[arg0] = arg1; self->x[arg0] = arg1 */
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, DIF_VAR_ARG0, 1));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, DIF_VAR_ARG0 + 1, 2));
	FLUSH();
	PUSHV(1);
	emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(4), 2));
	emit(p, DIF_INSTR_STV(DIF_OP_STTAA, U(4), 2));
	RET(2);
	stress_st = p_create(p);
	/* ld: a[arg0] == self->x[arg0] ? a[arg0] : -1 */
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, DIF_VAR_ARG0, 1));
	FLUSH();
	PUSHV(1);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(4), 2));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTAA, U(4), 3));
	FMT(DIF_OP_CMP, 2, 3, 0);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BE, 8));
	SETX((u64)-1, 2);
	RET(2);
	stress_ld = p_create(p);
	if (!stress_st || !stress_ld) {
		cur_fail++;
		return;
	}
	vs_fresh();
	dtrace_vstate_drops(vs, &d0, &x, &x);
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, stress_thread, (void *)(uintptr_t)i);
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		CHECK_EQ(stress_bad[i], 0);
	}
	dtrace_vstate_drops(vs, &d1, &x, &x);
	CHECK_EQ(d1, d0);		/* deletes kept space available */
	CHECK(dynvar_check(vs) == NULL);
	dtrace_difo_destroy(stress_st);
	dtrace_difo_destroy(stress_ld);
}


/*
 * a[i] = 7 for int a[5] in slot 3 of scope (global or clause-local), an
 * integer variable in slot 4 next to it: 0 if the store was done (a[i]
 * reads 7 back), else the faulting address's offset from &a[0] (the
 * fault must be BADADDR).
 */
static s64 array_store(u8 scope, s64 i)
{
	u32 ld = scope == DIFV_SCOPE_GLOBAL ? DIF_OP_LDGS : DIF_OP_LDLS;
	struct prog pp, *p = &pp;
	u64 r, base;

	p_init(p);
	p_var(p, U(3), scope, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 20;
	p_var(p, U(4), scope, DIFV_KIND_SCALAR, false);
	emit(p, DIF_INSTR_LDV(ld, U(3), 1));		/* r1 = &a[0] */
	SETX((u64)i * 4, 2);
	FMT(DIF_OP_ADD, 1, 2, 2);			/* r2 = &a[i] */
	SETX(7, 3);
	FMT(DIF_OP_STW, 3, 0, 2);
	FMT(DIF_OP_LDSW, 2, 0, 4);
	RET(4);
	ms_reset();
	r = p_run(p);
	if (!(ms.flags & DTRACE_MSTATE_FAULT)) {
		CHECK_EQ(r, 7);
		return 0;
	}
	CHECK_EQ(ms.fault, DTRACEFLT_BADADDR);
	CHECK_EQ(ms.difoff, 4);
	base = scope == DIFV_SCOPE_GLOBAL ?
	       (u64)(uintptr_t)vs->gvars + 3 * vs->slot :
	       (u64)(uintptr_t)(vs->pcpu + ms.cpu * vs->stride +
				vs->off_lvars) + 3 * vs->slot;
	return (s64)(ms.illval - base);
}

/* By-reference (struct) variables in global and clause-local slots. */
static void test_struct_vars(void)
{
	struct prog pp, *p = &pp;
	u64 r;

	vs_fresh();
	/* g.b = 6 via the slot address; then read g.b back */
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 16;
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(0), 1));	/* r1 = &g */
	SETX(8, 2);
	FMT(DIF_OP_ADD, 1, 2, 3);			/* r3 = &g.b */
	SETX(6, 4);
	FMT(DIF_OP_STX, 4, 0, 3);
	FMT(DIF_OP_LDX, 3, 0, 5);
	RET(5);
	ms_reset();
	CHECK_EQ(run_ok(p), 6);
	/* another object sees it; g = *(alloca'd copy) with STGS */
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 16;
	SETX(16, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);			/* r2 = alloca(16) */
	SETX(77, 3);
	FMT(DIF_OP_STX, 3, 0, 2);			/* tmp.a = 77 */
	emit(p, DIF_INSTR_STV(DIF_OP_STGS, U(0), 2));	/* g = tmp */
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(0), 4));
	FMT(DIF_OP_LDX, 4, 0, 5);			/* g.a */
	SETX(8, 6);
	FMT(DIF_OP_ADD, 4, 6, 4);
	FMT(DIF_OP_LDX, 4, 0, 6);			/* g.b: 0, copied */
	FMT(DIF_OP_ADD, 5, 6, 5);
	RET(5);
	ms_reset();
	CHECK_EQ(run_ok(p), 77);
	/* a clause-local struct: COPYS into it, read a member */
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_LOCAL, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 8;
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(1), 1));
	SETS("abcdefg", 2);
	SETX(8, 3);
	FMT(DIF_OP_COPYS, 2, 3, 1);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(1), 4));
	RET(4);
	ms_reset();
	r = run_ok(p);
	CHECK_STR((const char *)(uintptr_t)r, "abcdefg");
	/* stores outside the slots: past the globals, another CPU's
	 * clause-locals, the dynamic space */
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 16;
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(0), 1));
	SETX(vs->gsize, 2);
	FMT(DIF_OP_ADD, 1, 2, 1);
	FMT(DIF_OP_STB, 2, 0, 1);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_LOCAL, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 8;
	SETX((uintptr_t)(vs->pcpu + 2 * vs->stride + vs->off_lvars), 1);
	FMT(DIF_OP_STB, 1, 0, 1);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 1);
	ms.cpu = 2;
	CHECK_EQ(run_ok(p), (uintptr_t)(vs->pcpu + 2 * vs->stride +
					vs->off_lvars));
	p_init(p);
	SETX((uintptr_t)vs->dyn + 64, 1);
	FMT(DIF_OP_STX, 1, 0, 1);
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 1);
	/*
	 * int a[5] (20 bytes by reference) in global slot 3, an integer in
	 * slot 4: a[4] is writable; a[5], the rest of a's slot, a[-1] and
	 * the integer's slot are not (BADADDR with the address, as
	 * DTrace's dtrace_canstore() refuses a store outside every
	 * variable).  The same for a clause-local array in slot 3.
	 */
	vs_fresh();
	CHECK_EQ(array_store(DIFV_SCOPE_GLOBAL, 4), 0);
	CHECK_EQ(array_store(DIFV_SCOPE_GLOBAL, 5), 20);
	CHECK_EQ(array_store(DIFV_SCOPE_GLOBAL, vs->slot / 4 - 1),
		 vs->slot - 4);
	CHECK_EQ(array_store(DIFV_SCOPE_GLOBAL, vs->slot / 4), vs->slot);
	CHECK_EQ(array_store(DIFV_SCOPE_GLOBAL, -1), -4);
	CHECK_EQ(array_store(DIFV_SCOPE_LOCAL, 4), 0);
	CHECK_EQ(array_store(DIFV_SCOPE_LOCAL, 5), 20);
	CHECK_EQ(array_store(DIFV_SCOPE_LOCAL, vs->slot / 4), vs->slot);
	CHECK_EQ(vs->grefsize[3], 20);
	CHECK_EQ(vs->grefsize[4], 0);
	CHECK_EQ(vs->lrefsize[3], 20);
	/* the validator: sizes of by-ref objects in every scope and kind */
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, false);
	p->vars[0].type.flags = DIF_TF_BYREF;
	p->vars[0].type.size = 16;
	RET(0);
	{
		struct dtrace_difo *d = p_create(p);

		CHECK(d != NULL);
		dtrace_difo_destroy(d);
	}
	p->vars[0].scope = DIFV_SCOPE_GLOBAL;
	p->vars[0].kind = DIFV_KIND_ARRAY;
	p->vars[0].type.size = 257;
	p_reject(p, "by-reference size 257", ~0U);
	p->vars[0].scope = DIFV_SCOPE_THREAD;
	p_reject(p, "by-reference size 257", ~0U);
	p->vars[0].kind = DIFV_KIND_SCALAR;
	p->vars[0].type.size = 0;
	p_reject(p, "by-reference size 0", ~0U);
	p->vars[0].type.size = 257;
	p_reject(p, "by-reference size 257", ~0U);
	p->vars[0].type.size = 256;
	{
		struct dtrace_difo *d = p_create(p);

		CHECK(d != NULL);
		dtrace_difo_destroy(d);
	}
}

/*
 * A by-reference variable of the dynamic space: vid of scope (thread or
 * global) and kind, holding a struct of size bytes.
 */
static void p_refvar(struct prog *p, u32 vid, u8 scope, u8 kind, u32 size)
{
	p_var(p, U(vid), scope, kind, false);
	p->vars[p->nvar - 1].type.flags = DIF_TF_BYREF;
	p->vars[p->nvar - 1].type.size = size;
}

/*
 * What the compiler emits to get the address of a by-reference dynamic
 * variable into r1, creating a zero-filled element if it does not exist:
 * ld; tst; bne; setx size; allocs; st; ld.  For arrays, the tuple (one
 * integer key in r6) is pushed first.
 */
static void emit_refload(struct prog *p, u32 ld, u32 st, u32 vid, u32 size,
			 bool array)
{
	if (array) {
		FLUSH();
		PUSHV(6);
	}
	emit(p, DIF_INSTR_LDV(ld, U(vid), 1));
	FMT(DIF_OP_TST, 1, 0, 0);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BNE, p->n + 5));
	SETX(size, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 1);
	emit(p, DIF_INSTR_STV(st, U(vid), 1));
	emit(p, DIF_INSTR_LDV(ld, U(vid), 1));
}

/* s.b += 1 (member at offset 8) through the address; returns s.b. */
static u64 ref_incr(u32 ld, u32 st, u8 scope, u8 kind, u64 key)
{
	struct prog pp, *p = &pp;

	p_init(p);
	p_refvar(p, 2, scope, kind, 16);
	SETX(key, 6);
	emit_refload(p, ld, st, 2, 16, kind == DIFV_KIND_ARRAY);
	SETX(8, 2);
	FMT(DIF_OP_ADD, 1, 2, 3);
	FMT(DIF_OP_LDX, 3, 0, 4);
	SETX(1, 5);
	FMT(DIF_OP_ADD, 4, 5, 4);
	FMT(DIF_OP_STX, 4, 0, 3);
	FMT(DIF_OP_LDX, 3, 0, 4);
	RET(4);
	ms_reset();
	return run_ok(p);
}

/* Address of the element (created if needed) of a by-ref variable. */
static u64 ref_addr(u32 ld, u32 st, u8 scope, u8 kind, u64 key, u32 size)
{
	struct prog pp, *p = &pp;

	p_init(p);
	p_refvar(p, 2, scope, kind, size);
	SETX(key, 6);
	emit_refload(p, ld, st, 2, size, kind == DIFV_KIND_ARRAY);
	RET(1);
	ms_reset();
	return run_ok(p);
}

/* Store r1 (8 bytes, op STX/STB...) at addr; expect fault or not. */
static void store_at(u64 addr, u32 op, bool ok)
{
	struct prog pp, *p = &pp;

	p_init(p);
	SETX(addr, 1);
	SETX(0x5a5a, 2);
	FMT(op, 2, 0, 1);
	RET(2);
	ms_reset();
	if (ok)
		run_ok(p);
	else
		run_fault(p, DTRACEFLT_BADADDR, 2);
}

/* Struct-valued thread-locals and associative arrays (by reference). */
static void test_struct_dynvars(void)
{
	struct prog pp, *p = &pp;
	u64 a, a2, d, r, x;

	vs_fresh();
	/* self->s.b++ twice in one thread, once in another */
	shim_tid = 700;
	CHECK_EQ(ref_incr(DIF_OP_LDTS, DIF_OP_STTS, DIFV_SCOPE_THREAD,
			  DIFV_KIND_SCALAR, 0), 1);
	CHECK_EQ(ref_incr(DIF_OP_LDTS, DIF_OP_STTS, DIFV_SCOPE_THREAD,
			  DIFV_KIND_SCALAR, 0), 2);
	shim_tid = 701;
	CHECK_EQ(ref_incr(DIF_OP_LDTS, DIF_OP_STTS, DIFV_SCOPE_THREAD,
			  DIFV_KIND_SCALAR, 0), 1);
	shim_tid = 700;
	CHECK_EQ(ref_incr(DIF_OP_LDTS, DIF_OP_STTS, DIFV_SCOPE_THREAD,
			  DIFV_KIND_SCALAR, 0), 3);
	/* a[k].b++ (the Guide's callinfo), self->a[k].b++ */
	CHECK_EQ(ref_incr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
			  DIFV_KIND_ARRAY, 5), 1);
	CHECK_EQ(ref_incr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
			  DIFV_KIND_ARRAY, 5), 2);
	CHECK_EQ(ref_incr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
			  DIFV_KIND_ARRAY, 6), 1);
	CHECK_EQ(ref_incr(DIF_OP_LDTAA, DIF_OP_STTAA, DIFV_SCOPE_THREAD,
			  DIFV_KIND_ARRAY, 5), 1);
	CHECK_EQ(ref_incr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
			  DIFV_KIND_ARRAY, 5), 3);
	CHECK(dynvar_check(vs) == NULL);

	/* a load of a missing element is 0, not an address */
	p_init(p);
	p_refvar(p, 2, DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, 16);
	SETX(99, 6);
	FLUSH();
	PUSHV(6);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(2), 1));
	RET(1);
	ms_reset();
	CHECK_EQ(run_ok(p), 0);

	/* the element's value is 16 bytes: its last word is writable, the
	 * next word (another chunk's header or nothing) and the words before
	 * it (key, header) are not; neither are misaligned stores */
	a = ref_addr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
		     DIFV_KIND_ARRAY, 5, 16);
	CHECK(dtrace_vstate_region(vs, a, &x));
	store_at(a + 8, DIF_OP_STX, true);
	store_at(a + 15, DIF_OP_STB, true);
	store_at(a + 16, DIF_OP_STB, false);
	store_at(a + 16, DIF_OP_STX, false);
	store_at(a - 1, DIF_OP_STB, false);
	store_at(a - 8, DIF_OP_STX, false);
	store_at(a + 4, DIF_OP_STX, false);
	store_at((u64)(uintptr_t)vs->dyn, DIF_OP_STB, false);	/* "" */
	store_at((u64)(uintptr_t)vs->dyn + vs->dynsize - 1, DIF_OP_STB,
		 false);
	store_at((u64)(uintptr_t)vs->dyn + vs->dynsize, DIF_OP_STB, false);
	CHECK_EQ(ref_incr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
			  DIFV_KIND_ARRAY, 5), 0x5a00000000005a5bULL);
	CHECK(dynvar_check(vs) == NULL);

	/* whole-object stores copy size bytes; a null address deletes */
	p_init(p);
	p_refvar(p, 2, DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, 16);
	SETX(16, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	SETX(41, 3);
	FMT(DIF_OP_STX, 3, 0, 2);			/* tmp.a = 41 */
	SETX(7, 6);
	FLUSH();
	PUSHV(6);
	emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(2), 2));	/* a[7] = tmp */
	FMT(DIF_OP_STX, 0, 0, 2);			/* tmp.a = 0 */
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(2), 1));
	FMT(DIF_OP_LDX, 1, 0, 4);
	RET(4);
	ms_reset();
	CHECK_EQ(run_ok(p), 41);
	a = ref_addr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
		     DIFV_KIND_ARRAY, 7, 16);
	p_init(p);
	p_refvar(p, 2, DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, 16);
	SETX(7, 6);
	FLUSH();
	PUSHV(6);
	emit(p, DIF_INSTR_STV(DIF_OP_STGAA, U(2), 0));	/* delete */
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(2), 1));
	RET(1);
	ms_reset();
	CHECK_EQ(run_ok(p), 0);
	store_at(a, DIF_OP_STX, false);		/* the freed element */
	/* its chunk is reused by a same-size element: that one is fine */
	a2 = ref_addr(DIF_OP_LDGAA, DIF_OP_STGAA, DIFV_SCOPE_GLOBAL,
		      DIFV_KIND_ARRAY, 8, 16);
	CHECK_EQ(a2, a);
	store_at(a2, DIF_OP_STX, true);
	/* self->s = a[8] copies */
	p_init(p);
	p_refvar(p, 2, DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, 16);
	p_refvar(p, 3, DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, 16);
	SETX(8, 6);
	FLUSH();
	PUSHV(6);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGAA, U(2), 1));
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(3), 1));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTS, U(3), 2));
	FMT(DIF_OP_LDX, 2, 0, 3);
	FMT(DIF_OP_SUB, 1, 2, 4);
	RET(3);
	ms_reset();
	CHECK_EQ(run_ok(p), 0x5a5a);

	/* a string dynvar's storage and an integer entry are not writable
	 * through addresses, and an 8-byte struct does not alias an
	 * integer of the same variable */
	shim_tid = 702;
	stts(0, 1234);
	p_init(p);
	p_refvar(p, 0, DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, 8);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTS, U(0), 1));
	RET(1);
	ms_reset();
	CHECK_EQ(run_ok(p), 0);
	CHECK_EQ(ldts(0, false), 1234);
	stts(0, 0);
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, true);
	SETS("str", 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(1), 1));
	RET(1);
	ms_reset();
	run_ok(p);
	a = ldts(1, true);
	CHECK_STR((const char *)(uintptr_t)a, "str");
	store_at(a, DIF_OP_STB, false);
	CHECK_STR((const char *)(uintptr_t)ldts(1, true), "str");

	/* a store from an unreadable address faults and stores nothing */
	p_init(p);
	p_refvar(p, 3, DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, 16);
	SETX(8, 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(3), 1));
	RET(1);
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 1);
	CHECK(dynvar_check(vs) == NULL);
	dtrace_vstate_drops(vs, &d, &r, &x);
	CHECK_EQ(d, 0);
	shim_tid = 101;
}

/* ---- subroutines --------------------------------------------------------- */
static void test_subr_strings(void)
{
	CHECK_EQ(CALLN(DIF_SUBR_STRLEN, S("hello")), 5);
	CHECK_EQ(CALLN(DIF_SUBR_STRLEN, S("")), 0);
	CHECK_STR(CALLS(DIF_SUBR_STRJOIN, S("foo"), S("bar")), "foobar");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(-3)), "llo");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(1)), "ello");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(1), I(3)), "ell");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(1), I(-1)), "ell");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(-10), I(7)), "he");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(10)), "");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(1), I(-10)), "");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(0x8000000000000000ULL),
			I(0x7fffffffffffffffULL)), "hell");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(2), I(100)), "llo");

	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello"), S("l")), 2);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello"), S("l"), I(3)), 3);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello"), S("z")), (u64)-1);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello"), S("lo")), 3);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello"), S("l"), I(9)), (u64)-1);
	CHECK_EQ(CALLN(DIF_SUBR_RINDEX, S("hello"), S("l")), 3);
	CHECK_EQ(CALLN(DIF_SUBR_RINDEX, S("hello"), S("l"), I(2)), 2);
	CHECK_EQ(CALLN(DIF_SUBR_RINDEX, S("hello"), S("l"), I(1)), (u64)-1);
	CHECK_EQ(CALLN(DIF_SUBR_RINDEX, S("hello"), S("h")), 0);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello hello"), S("llo"), I(3)), 8);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("hello hello"), S("llo"), I(9)),
		 (u64)-1);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("abc"), S("abcd")), (u64)-1);
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello world"), I(6)), "world");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(-3), I(2)), "ll");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(4), I(10)), "o");
	CHECK_STR(CALLS(DIF_SUBR_SUBSTR, S("hello"), I(2), I(0)), "");
	CHECK_STR(CALLS(DIF_SUBR_STRSTR, S("hello world"), S("o w")),
		  "o world");

	{
		struct prog pp, *p = &pp;
		u64 r;

		/* strchr/strrchr/strstr return pointers into the argument */
		p_init(p);
		SETS("a/b/c", 1);
		SETX('/', 2);
		FLUSH();
		PUSHS(1);
		PUSHV(2);
		CALL(DIF_SUBR_STRCHR, 3);
		FMT(DIF_OP_SUB, 3, 1, 3);
		RET(3);
		ms_reset();
		CHECK_EQ(run_ok(p), 1);
		p->ins[5] = DIF_INSTR_CALL(DIF_SUBR_STRRCHR, 3);
		CHECK_EQ(run_ok(p), 3);
		p->ins[4] = DIF_INSTR_PUSHTS(DIF_OP_PUSHTR, DIF_TYPE_STRING,
					     0, 2);
		strcpy((char *)kmem + 128, "b/");
		p->ints[0] = (u64)(uintptr_t)kmem + 128;
		p->ins[5] = DIF_INSTR_CALL(DIF_SUBR_STRSTR, 3);
		CHECK_EQ(run_ok(p), 2);
		r = CALLN(DIF_SUBR_STRCHR, S("abc"), I('z'));
		CHECK_EQ(r, 0);
		CHECK_STR(CALLS(DIF_SUBR_STRRCHR, S("abcabc"), I('b')), "bc");
		CHECK_EQ(CALLN(DIF_SUBR_STRSTR, S("abc"), S("cd")), 0);
	}

	CHECK_STR(CALLS(DIF_SUBR_TOUPPER, S("Hello, World 1")),
		  "HELLO, WORLD 1");
	CHECK_STR(CALLS(DIF_SUBR_TOLOWER, S("Hello, World 1")),
		  "hello, world 1");
	CHECK_STR(CALLS(DIF_SUBR_STRINGOF, S("str")), "str");
	CHECK_STR(CALLS(DIF_SUBR_STRINGOF, I(-42)), "-42");
}

static void test_subr_paths(void)
{
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("/usr/lib/libc.so")), "libc.so");
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("/usr/lib/")), "lib");
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("lib")), "lib");
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("/")), "/");
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("//")), "/");
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("")), ".");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("/usr/lib/")), "/usr");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("/usr/lib/libc.so")), "/usr/lib");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("/usr")), "/");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("usr")), ".");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("/")), "/");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("a//b")), "a");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("")), ".");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("/a/./b/../c")), "/a/c");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("//a//b/")), "/a/b/");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("/../a")), "/a");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("a/b/../../c")), "c");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("../a/./b")), "../a/b");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("/")), "/");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("/usr/./lib/../bin//x")),
		  "/usr/bin/x");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("/a/b/../../c")), "/c");
	CHECK_STR(CALLS(DIF_SUBR_CLEANPATH, S("/already/clean")),
		  "/already/clean");
	CHECK_STR(CALLS(DIF_SUBR_BASENAME, S("a/b")), "b");
	CHECK_STR(CALLS(DIF_SUBR_DIRNAME, S("a/b")), "a");
}

static void test_subr_numbers(void)
{
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(0)), "0");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(12345)), "12345");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(-9876)), "-9876");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(0x8000000000000000ULL)),
		  "-9223372036854775808");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(255), I(16)), "0xff");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(0), I(16)), "0x0");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(8), I(8)), "010");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(5), I(2)), "101");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(35), I(36)), "z");
	CHECK_STR(CALLS(DIF_SUBR_LLTOSTR, I(-1), I(16)), "0xffffffffffffffff");

	CHECK_EQ(CALLN(DIF_SUBR_HTONS, I(0x1234)), 0x3412);
	CHECK_EQ(CALLN(DIF_SUBR_NTOHS, I(0xff1234)), 0x3412);
	CHECK_EQ(CALLN(DIF_SUBR_HTONL, I(0x12345678)), 0x78563412);
	CHECK_EQ(CALLN(DIF_SUBR_NTOHL, I(0x12345678)), 0x78563412);
	CHECK_EQ(CALLN(DIF_SUBR_HTONLL, I(0x0102030405060708ULL)),
		 0x0807060504030201ULL);
	CHECK_EQ(CALLN(DIF_SUBR_NTOHLL, I(0x0102030405060708ULL)),
		 0x0807060504030201ULL);
}

static const char *ntop(int af, const u8 *addr, int len)
{
	memcpy(kmem, addr, len);
	return CALLS(DIF_SUBR_INET_NTOP, I(af), I((uintptr_t)kmem));
}

static void test_subr_inet(void)
{
	static const u8 v4[4] = { 192, 168, 1, 20 };
	static const u8 mapped[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff,
				       1, 2, 3, 4 };
	static const u8 compat[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				       10, 0, 0, 1 };
	static const u8 lo[16] = { [15] = 1 };
	static const u8 any[16] = { 0 };
	static const u8 ll[16] = { 0xfe, 0x80, [14] = 0x12, [15] = 0x34 };
	static const u8 doc[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
				    0, 8, 8, 0, 0x20, 0x0c, 0x41, 0x7a };
	static const u8 two[16] = { 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3,
				    0, 4 };
	static const u8 full[16] = { 0x12, 0x34, 0, 5, 0xab, 0xcd, 0, 0x10,
				     0, 1, 0, 2, 0, 3, 0xff, 0xff };

	shim_mem_clear();
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	CHECK_STR(ntop(2, v4, 4), "192.168.1.20");
	CHECK_STR(ntop(10, mapped, 16), "::ffff:1.2.3.4");
	CHECK_STR(ntop(10, compat, 16), "::10.0.0.1");
	CHECK_STR(ntop(10, lo, 16), "::1");
	CHECK_STR(ntop(10, any, 16), "::");
	CHECK_STR(ntop(10, ll, 16), "fe80::1234");
	CHECK_STR(ntop(10, doc, 16), "2001:db8::8:800:200c:417a");
	/* the first of two equally long runs is compressed */
	CHECK_STR(ntop(10, two, 16), "1::2:0:0:3:4");
	CHECK_STR(ntop(10, full, 16), "1234:5:abcd:10:1:2:3:ffff");
	memcpy(kmem, v4, 4);
	CHECK_STR(CALLS(DIF_SUBR_INET_NTOA, I((uintptr_t)kmem)),
		  "192.168.1.20");
	memcpy(kmem, ll, 16);
	CHECK_STR(CALLS(DIF_SUBR_INET_NTOA6, I((uintptr_t)kmem)),
		  "fe80::1234");
	/* bad address family */
	{
		struct prog pp, *p = &pp;
		const struct arg a[] = { I(7), I((uintptr_t)kmem) };

		p_init(p);
		emit_call(p, DIF_SUBR_INET_NTOP, 2, a);
		ms_reset();
		run_fault(p, DTRACEFLT_ILLOP, 5);
	}
}

static void test_subr_strtok(void)
{
	struct prog pp, *p = &pp;
	const char *t;

	/* strtok("  a,b;;c ", ",; ") then strtok(NULL, ...) */
	CHECK_STR(CALLS(DIF_SUBR_STRTOK, S("a,b,,c"), S(",")), "a");
	CHECK_STR(CALLS(DIF_SUBR_STRTOK, I(0), S(",")), "b");
	CHECK_STR(CALLS(DIF_SUBR_STRTOK, I(0), S(",")), "c");
	CHECK_STR(CALLS(DIF_SUBR_STRTOK, S("k1=v1;k2=v2"), S("=;")), "k1");
	CHECK_STR(CALLS(DIF_SUBR_STRTOK, I(0), S("=;")), "v1");
	t = CALLS(DIF_SUBR_STRTOK, S("  a,b;;c "), S(",; "));
	CHECK_STR(t, "a");
	t = CALLS(DIF_SUBR_STRTOK, I(0), S(",; "));
	CHECK_STR(t, "b");
	/* the state survives a clause boundary (and other strings) */
	dtrace_vstate_clause_begin(vs, 1);
	CHECK_STR(CALLS(DIF_SUBR_STRJOIN, S("x"), S("y")), "xy");
	t = CALLS(DIF_SUBR_STRTOK, I(0), S(",; "));
	CHECK_STR(t, "c");
	CHECK_EQ(CALLN(DIF_SUBR_STRTOK, I(0), S(",; ")), 0);
	CHECK_EQ(CALLN(DIF_SUBR_STRTOK, I(0), S(",; ")), 0);
	/* per CPU: another CPU has no string */
	CALLS(DIF_SUBR_STRTOK, S("p q"), S(" "));
	p_init(p);
	{
		const struct arg a[] = { I(0), S(" ") };

		emit_call(p, DIF_SUBR_STRTOK, 2, a);
	}
	ms_reset();
	ms.cpu = 2;
	CHECK_EQ(run_ok(p), 0);
	ms_reset();
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "q");
}

static void test_subr_memory(void)
{
	struct prog pp, *p = &pp;
	u64 r;

	shim_mem_clear();
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	shim_mem_add(umem, sizeof(umem), SHIM_MEM_USER);
	shim_mem_add(uout, sizeof(uout), SHIM_MEM_USER | SHIM_MEM_WRITE);
	strcpy((char *)umem, "user string");

	/* copyin(addr, 5) */
	r = CALLN(DIF_SUBR_COPYIN, I((uintptr_t)umem), I(5));
	CHECK(r && !memcmp((void *)(uintptr_t)r, "user ", 5));
	CHECK_STR(CALLS(DIF_SUBR_COPYINSTR, I((uintptr_t)umem)),
		  "user string");
	CHECK_STR(CALLS(DIF_SUBR_COPYINSTR, I((uintptr_t)umem), I(4)),
		  "user");
	/* copyin of kernel memory faults */
	p_init(p);
	{
		const struct arg a[] = { I((uintptr_t)kmem), I(4) };

		emit_call(p, DIF_SUBR_COPYIN, 2, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 5);
	CHECK_EQ(ms.illval, (uintptr_t)kmem);

	/* copyout / copyoutstr */
	memset(uout, 0, sizeof(uout));
	CALLN(DIF_SUBR_COPYOUTSTR, S("out!"), I((uintptr_t)uout), I(64));
	CHECK_STR((char *)uout, "out!");
	strcpy((char *)kmem, "kernel bytes");
	CALLN(DIF_SUBR_COPYOUT, I((uintptr_t)kmem), I((uintptr_t)uout + 8),
	      I(6));
	CHECK(!memcmp(uout + 8, "kernel", 6));
	/* copyout to read-only user memory faults */
	p_init(p);
	{
		const struct arg a[] = { I((uintptr_t)kmem), I((uintptr_t)umem),
					 I(4) };

		emit_call(p, DIF_SUBR_COPYOUT, 3, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 7);
	CHECK_EQ(ms.illval, (uintptr_t)umem);

	/* alloca + bcopy + copyinto */
	p_init(p);
	SETX(16, 1);
	FLUSH();
	PUSHV(1);
	CALL(DIF_SUBR_ALLOCA, 2);		/* r2 = alloca(16) */
	SETS("bcopied", 3);
	SETX(8, 4);
	FLUSH();
	PUSHV(3);
	PUSHV(2);
	PUSHV(4);
	CALL(DIF_SUBR_BCOPY, 5);		/* bcopy(str, r2, 8) */
	SETX((uintptr_t)umem, 3);
	SETX(4, 4);
	FMT(DIF_OP_ADD, 2, 1, 6);		/* r6 = r2 + 8 .. +16 */
	FMT(DIF_OP_SUB, 6, 4, 6);
	FMT(DIF_OP_SUB, 6, 4, 6);
	FMT(DIF_OP_ADD, 6, 4, 6);		/* r6 = r2 + 12 */
	FLUSH();
	PUSHV(3);
	PUSHV(4);
	PUSHV(6);
	CALL(DIF_SUBR_COPYINTO, 5);		/* copyinto(umem, 4, r6) */
	RET(2);
	ms_reset();
	r = run_ok(p);
	CHECK(!memcmp((void *)(uintptr_t)r, "bcopied\0\0\0\0\0user", 16));
	/* bcopy to non-scratch faults */
	p_init(p);
	{
		const struct arg a[] = { I((uintptr_t)umem), I((uintptr_t)kmem),
					 I(4) };

		emit_call(p, DIF_SUBR_BCOPY, 3, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 7);
	/* alloca larger than scratch */
	p_init(p);
	{
		const struct arg a[] = { I(1 << 20) };

		emit_call(p, DIF_SUBR_ALLOCA, 1, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_NOSCRATCH, 3);
}

/* d_execargs(): pr_psargs of the current task, the comm of any other */
static void test_subr_execargs(void)
{
	static const char args[] = "/bin/sleep\0" "10\0" "x y\0";
	static u8 task[128], other[128];
	static char ua[sizeof(args) + 16];
	u64 saved = shim_thread;
	struct prog pp, *p = &pp;

	shim_mem_clear();
	shim_mem_add(task, sizeof(task), SHIM_MEM_KERNEL);
	shim_mem_add(other, sizeof(other), SHIM_MEM_KERNEL);
	strcpy((char *)task + SHIM_TASK_COMM_OFF, "sleep");
	strcpy((char *)other + SHIM_TASK_COMM_OFF, "kworker/0:1H");
	memcpy(ua, args, sizeof(args));
	shim_thread = (uintptr_t)task;
	shim_arg_start = (uintptr_t)ua;
	shim_arg_end = (uintptr_t)ua + sizeof(args) - 1;

	/* unreadable arguments: the comm */
	CHECK_STR(CALLS(DIF_SUBR_D_EXECARGS, I((uintptr_t)task)), "sleep");
	shim_mem_add(ua, sizeof(ua), SHIM_MEM_USER);
	/* NULs between the arguments are spaces; the last one goes */
	CHECK_STR(CALLS(DIF_SUBR_D_EXECARGS, I((uintptr_t)task)),
		  "/bin/sleep 10 x y");
	/* cut at strsize - 1 */
	p_init(p);
	{
		const struct arg a[] = { I((uintptr_t)task) };

		emit_call(p, DIF_SUBR_D_EXECARGS, 1, a);
	}
	ms_reset();
	ms.strsize = 8;
	CHECK_STR((const char *)(uintptr_t)run_ok(p), "/bin/sl");
	/* another task: its comm (its user memory is not loaded) */
	CHECK_STR(CALLS(DIF_SUBR_D_EXECARGS, I((uintptr_t)other)),
		  "kworker/0:1H");
	/* no argument range (a kernel thread): the comm */
	shim_arg_start = shim_arg_end = 0;
	CHECK_STR(CALLS(DIF_SUBR_D_EXECARGS, I((uintptr_t)task)), "sleep");
	/* a bad task pointer faults with its comm's address */
	p_init(p);
	{
		const struct arg a[] = { I(0x1000) };

		emit_call(p, DIF_SUBR_D_EXECARGS, 1, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);
	CHECK_EQ(ms.illval, 0x1000 + SHIM_TASK_COMM_OFF);
	shim_thread = saved;
	shim_mem_clear();
}

static void test_subr_misc(void)
{
	struct prog pp, *p = &pp;
	u64 r, seen_neg = 0, differ = 0, prev = 0;
	int i;

	shim_spec_next = 3;
	CHECK_EQ(CALLN(DIF_SUBR_SPECULATION), 3);
	shim_spec_next = 0;
	CHECK_EQ(CALLN(DIF_SUBR_SPECULATION), 0);
	shim_progenitor = 55;
	CHECK_EQ(CALLN(DIF_SUBR_PROGENYOF, I(55)), 1);
	CHECK_EQ(CALLN(DIF_SUBR_PROGENYOF, I(56)), 0);
	for (i = 0; i < 64; i++) {
		r = CALLN(DIF_SUBR_RAND);
		if ((s64)r < 0)
			seen_neg++;
		if (i && r != prev)
			differ++;
		prev = r;
		CHECK((s64)r >= INT_MIN && (s64)r <= INT_MAX);
	}
	CHECK(differ > 60);
	CHECK(seen_neg > 0 && seen_neg < 64);

	/* wrong argument counts: ILLOP at the call */
	p_init(p);
	SETS("x", 1);
	FLUSH();
	PUSHS(1);
	PUSHS(1);
	CALL(DIF_SUBR_STRLEN, 2);
	RET(2);
	ms_reset();
	run_fault(p, DTRACEFLT_ILLOP, 4);
	p_init(p);
	FLUSH();
	CALL(DIF_SUBR_SUBSTR, 2);
	RET(2);
	ms_reset();
	run_fault(p, DTRACEFLT_ILLOP, 1);

	/* a string result larger than scratch: NOSCRATCH */
	p_init(p);
	{
		const struct arg a[] = { S("a"), S("b") };

		emit_call(p, DIF_SUBR_STRJOIN, 2, a);
	}
	ms_reset();
	ms.scratch_size = 100;
	run_fault(p, DTRACEFLT_NOSCRATCH, 5);

	/* a string argument at a bad address */
	CHECK_EQ(ms.flags & 0, 0);
	p_init(p);
	{
		const struct arg a[] = { I(0x10) };

		emit_call(p, DIF_SUBR_STRLEN, 1, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);
	CHECK_EQ(ms.illval, 0x10);

	/* strings are bounded by strsize */
	{
		static char big[600];

		memset(big, 'x', sizeof(big) - 1);
		shim_mem_add(big, sizeof(big), SHIM_MEM_KERNEL);
		CHECK_EQ(CALLN(DIF_SUBR_STRLEN, I((uintptr_t)big)), 255);
		CHECK_EQ(strlen(CALLS(DIF_SUBR_STRJOIN, I((uintptr_t)big),
				      S("yy"))), 255);
		CHECK_EQ(strlen(CALLS(DIF_SUBR_TOUPPER, I((uintptr_t)big))),
			 255);
	}
}


/* Error paths of subroutines and strings read from variable storage. */
static void test_subr_errors(void)
{
	struct prog pp, *p = &pp;

	shim_mem_clear();
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	shim_mem_add(umem, sizeof(umem), SHIM_MEM_USER);
	/* lltostr base out of range */
	p_init(p);
	{
		const struct arg a[] = { I(10), I(37) };

		emit_call(p, DIF_SUBR_LLTOSTR, 2, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_ILLOP, 5);
	CHECK_EQ(ms.illval, 37);
	p->ints[1] = 1;
	run_fault(p, DTRACEFLT_ILLOP, 5);
	/* copyinto a non-scratch destination */
	p_init(p);
	{
		const struct arg a[] = { I((uintptr_t)umem), I(4),
					 I((uintptr_t)kmem) };

		emit_call(p, DIF_SUBR_COPYINTO, 3, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 7);
	CHECK_EQ(ms.illval, (uintptr_t)kmem);
	/* copyoutstr to read-only memory */
	p_init(p);
	{
		const struct arg a[] = { S("abc"), I((uintptr_t)umem), I(8) };

		emit_call(p, DIF_SUBR_COPYOUTSTR, 3, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 7);
	/* copyinstr from unreadable memory */
	p_init(p);
	{
		const struct arg a[] = { I((uintptr_t)kmem) };

		emit_call(p, DIF_SUBR_COPYINSTR, 1, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);
	/* index with a negative start searches from 0; rindex gives -1 */
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("abcabc"), S("b"), I(-5)), 1);
	CHECK_EQ(CALLN(DIF_SUBR_RINDEX, S("abcabc"), S("b"), I(-5)),
		 (u64)-1);
	CHECK_EQ(CALLN(DIF_SUBR_INDEX, S("abc"), S("")), 0);
	CHECK_EQ(CALLN(DIF_SUBR_RINDEX, S("abc"), S("")), 3);
	/* inet_ntoa of an unreadable address */
	p_init(p);
	{
		const struct arg a[] = { I(64) };

		emit_call(p, DIF_SUBR_INET_NTOA, 1, a);
	}
	ms_reset();
	run_fault(p, DTRACEFLT_BADADDR, 3);
	CHECK_EQ(ms.illval, 64);
	/* strtok without a variable state: ILLOP */
	p_init(p);
	{
		const struct arg a[] = { S("a b"), S(" ") };

		emit_call(p, DIF_SUBR_STRTOK, 2, a);
	}
	ms_reset();
	ms.vstate = NULL;
	run_fault(p, DTRACEFLT_ILLOP, 5);
	/* thread-local and clause-local strings read back by subroutines */
	vs_fresh();
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, true);
	p_var(p, U(1), DIFV_SCOPE_LOCAL, DIFV_KIND_SCALAR, true);
	SETS("twelve chars", 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STTS, U(1), 1));
	emit(p, DIF_INSTR_STV(DIF_OP_STLS, U(1), 1));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTS, U(1), 2));
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, U(1), 3));
	FLUSH();
	PUSHS(2);
	PUSHS(3);
	CALL(DIF_SUBR_STRJOIN, 4);
	FLUSH();
	PUSHS(4);
	CALL(DIF_SUBR_STRLEN, 5);
	RET(5);
	ms_reset();
	CHECK_EQ(run_ok(p), 24);
	/* bad CPU number in the mstate: ILLOP, never an overrun */
	ms_reset();
	ms.cpu = SHIM_NR_CPUS;
	run_fault(p, DTRACEFLT_ILLOP, 1);
	ms_reset();
	ms.cpu = -1;
	run_fault(p, DTRACEFLT_ILLOP, 1);
	/* strsize 1: every string result is "" (no room for a character) */
	{
		static const u32 subrs[] = { DIF_SUBR_BASENAME, DIF_SUBR_DIRNAME,
					     DIF_SUBR_CLEANPATH,
					     DIF_SUBR_TOUPPER };
		unsigned int k;
		u64 r;

		for (k = 0; k < ARRAY_SIZE(subrs); k++) {
			const struct arg a[] = { S("") };

			p_init(p);
			emit_call(p, subrs[k], 1, a);
			ms_reset();
			ms.strsize = 1;
			ms.scratch_size = 16;
			r = run_ok(p);
			CHECK_STR((const char *)(uintptr_t)r, "");
			CHECK(ms.scratch_used <= 1);
		}
	}
}

/* ---- framework copies ---------------------------------------------------- */
static void test_copy_helpers(void)
{
	char buf[32];
	u8 mem[8];

	shim_mem_clear();
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	strcpy((char *)kmem, "copy me please");
	ms_reset();
	memset(buf, 'z', sizeof(buf));
	dtrace_dif_copy_str(buf, (uintptr_t)kmem, 8, &ms);
	CHECK(!memcmp(buf, "copy me\0", 8));
	CHECK_EQ(buf[8], 'z');
	dtrace_dif_copy_str(buf, (uintptr_t)kmem, 32, &ms);
	CHECK_STR(buf, "copy me please");
	CHECK_EQ(buf[31], 0);
	CHECK(!(ms.flags & DTRACE_MSTATE_FAULT));
	dtrace_dif_copy_mem(mem, (uintptr_t)kmem + 5, 8, &ms);
	CHECK(!memcmp(mem, "me pleas", 8));
	dtrace_dif_copy_mem(mem, 8, 8, &ms);
	CHECK(ms.flags & DTRACE_MSTATE_FAULT);
	CHECK_EQ(ms.fault, DTRACEFLT_BADADDR);
	CHECK_EQ(mem[0], 0);
	/* a string in scratch that fills scratch ends at its end */
	ms_reset();
	ms.scratch_size = 4;
	memcpy(scratch, "abcd", 4);
	dtrace_dif_copy_str(buf, (uintptr_t)scratch, 32, &ms);
	CHECK_STR(buf, "abcd");
	/* already faulted: the emulator runs nothing */
	{
		struct prog pp, *p = &pp;
		struct dtrace_difo *d;

		p_init(p);
		SETX(1, 1);
		RET(1);
		d = p_create(p);
		ms_reset();
		ms.flags = DTRACE_MSTATE_FAULT;
		CHECK_EQ(dtrace_dif_emulate(d, &ms), 0);
		ms.flags = 0;
		CHECK_EQ(dtrace_dif_emulate(d, &ms), 1);
		dtrace_difo_destroy(d);
	}
}

/* ---- validator ----------------------------------------------------------- */
static void test_validate_instrs(void)
{
	struct prog pp, *p = &pp;
	struct dtrace_vlimits save = lim;

	p_init(p);
	emit(p, DIF_INSTR_FMT(200U, 0, 0, 0));
	RET(0);
	p_reject(p, "invalid opcode 200 at 0", 0);
	p_init(p);
	emit(p, DIF_INSTR_FMT(0, 0, 0, 0));
	RET(0);
	p_reject(p, "invalid opcode 0", 0);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTA, 0, 1));
	RET(1);
	p_reject(p, "ldta", 0);
	p_init(p);
	SETX(1, 1);
	SETX(1, 2);
	SETX(1, 3);
	FMT(DIF_OP_ADD, 1, 9, 2);
	RET(2);
	p_reject(p, "invalid register 9 at 3", 3);
	p_init(p);
	FMT(DIF_OP_MOV, 8, 0, 1);
	RET(1);
	p_reject(p, "invalid register 8", 0);
	p_init(p);
	RET(8);
	p_reject(p, "invalid register 8", 0);
	p_init(p);
	SETX(1, 1);
	FMT(DIF_OP_ADD, 1, 1, 0);
	RET(1);
	p_reject(p, "write to %r0 at 1", 1);
	p_init(p);
	SETX(1, 0);
	RET(0);
	p_reject(p, "write to %r0", 0);
	p_init(p);
	CALL(DIF_SUBR_RAND, 0);
	RET(0);
	p_reject(p, "write to %r0", 0);
	/* branches */
	p_init(p);
	emit(p, DIF_INSTR_NOP);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BA, 0));
	RET(0);
	p_reject(p, "backward branch", 1);
	p_init(p);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BE, 0));
	RET(0);
	p_reject(p, "backward branch", 0);	/* to itself */
	p_init(p);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BNE, 2));
	RET(0);
	p_reject(p, "branch past end", 0);
	p_init(p);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BA, 0xffffff));
	RET(0);
	p_reject(p, "branch past end", 0);
	/* last instruction */
	p_init(p);
	RET(0);
	emit(p, DIF_INSTR_NOP);
	p_reject(p, "last instruction must be ret", 1);
	/* tables */
	p_init(p);
	SETX(1, 1);
	emit(p, DIF_INSTR_SETX(1, 1));
	RET(1);
	p_reject(p, "invalid integer table index 1 at 1", 1);
	p_init(p);
	emit(p, DIF_INSTR_SETS(100, 1));
	RET(1);
	p_reject(p, "invalid string table offset", 0);
	p_init(p);
	p->str[1] = 'a';
	p->str[2] = 'b';
	p->strl = 3;			/* "ab" with no NUL */
	emit(p, DIF_INSTR_SETS(1, 1));
	RET(1);
	p_reject(p, "unterminated string", 0);
	/* variables */
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, 0x0200, 1));
	RET(1);
	p_reject(p, "invalid variable id 0x200", 0);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, DIF_VAR_ARGS, 1));
	RET(1);
	p_reject(p, "read-only", 0);
	p_init(p);
	SETX(1, 1);
	emit(p, DIF_INSTR_STV(DIF_OP_STGS, DIF_VAR_PID, 1));
	RET(1);
	p_reject(p, "read-only", 1);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(8), 1));	/* ngvars = 8 */
	RET(1);
	p_reject(p, "invalid global variable id 0x508", 0);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDTS, U(8), 1));
	RET(1);
	p_reject(p, "invalid thread-local variable id", 0);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, DIF_VAR_PID, 1));
	RET(1);
	p_reject(p, "read-only", 0);
	p_init(p);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDLS, 0xffff, 1));
	RET(1);
	p_reject(p, "invalid clause-local variable id 0xffff", 0);
	p_init(p);
	p_var(p, U(1), DIFV_SCOPE_GLOBAL, DIFV_KIND_ARRAY, false);
	emit(p, DIF_INSTR_LDV(DIF_OP_LDGS, U(1), 1));
	RET(1);
	p_reject(p, "used as a scalar", 0);
	p_init(p);
	SETX(0, 1);
	FMT(DIF_OP_LDGA, DIF_VAR_PID & 0xff, 1, 2);
	RET(2);
	p_reject(p, "ldga of unknown array", 1);
	p_init(p);
	FMT(DIF_OP_LDGA, DIF_VAR_ARGS, 9, 2);
	RET(2);
	p_reject(p, "invalid register 9", 0);
	/* calls */
	p_init(p);
	CALL(DIF_SUBR_MAX + 1, 1);
	RET(1);
	p_reject(p, "invalid subroutine 36", 0);
	lim.destructive = false;
	p_init(p);
	CALL(DIF_SUBR_COPYOUT, 1);
	RET(1);
	p_reject(p, "copyout", 0);
	p_init(p);
	CALL(DIF_SUBR_COPYOUTSTR, 1);
	RET(1);
	p_reject(p, "copyoutstr", 0);
	lim = save;
	p_init(p);
	emit(p, DIF_INSTR_PUSHTS(DIF_OP_PUSHTV, 7, 0, 1));
	RET(1);
	p_reject(p, "invalid tuple type 7", 0);
	p_init(p);
	emit(p, DIF_INSTR_PUSHTS(DIF_OP_PUSHTR, 1, 8, 1));
	RET(1);
	p_reject(p, "invalid register 8", 0);
	/* length */
	lim.maxlen = 4;
	p_init(p);
	emit(p, DIF_INSTR_NOP);
	emit(p, DIF_INSTR_NOP);
	emit(p, DIF_INSTR_NOP);
	emit(p, DIF_INSTR_NOP);
	RET(0);
	p_reject(p, "more than the limit 4", ~0U);
	lim = save;
	p_init(p);
	p_reject(p, "no instructions", ~0U);
	/* accepted: every branch kind to the last instruction */
	p_init(p);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BLEU, 1));
	RET(0);
	{
		struct dtrace_difo *d = p_create(p);

		CHECK(d != NULL);
		dtrace_difo_destroy(d);
	}
}

static void test_validate_tables(void)
{
	struct prog pp, *p = &pp;
	struct dtrace_difo *d = NULL;
	struct dtrace_difo_hdr h;
	size_t n;
	long before = shim_nallocs;

	/* variable table */
	p_init(p);
	p_var(p, U(0), 3, DIFV_KIND_SCALAR, false);
	RET(0);
	p_reject(p, "invalid scope 3", ~0U);
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_GLOBAL, 2, false);
	RET(0);
	p_reject(p, "invalid kind 2", ~0U);
	p_init(p);
	p_var(p, U(9), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, false);
	RET(0);
	p_reject(p, "invalid global variable id", ~0U);
	p_init(p);
	p_var(p, 0x105, DIFV_SCOPE_THREAD, DIFV_KIND_SCALAR, false);
	RET(0);
	p_reject(p, "invalid thread-local variable id", ~0U);
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_LOCAL, DIFV_KIND_ARRAY, false);
	RET(0);
	p_reject(p, "clause-local arrays", ~0U);
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, false);
	p->vars[0].name = 5000;
	RET(0);
	p_reject(p, "name offset 5000", ~0U);
	p_init(p);
	p_var(p, U(0), DIFV_SCOPE_GLOBAL, DIFV_KIND_SCALAR, false);
	p->vars[0].type.kind = 9;
	RET(0);
	p_reject(p, "invalid type kind 9", ~0U);
	/* return type */
	p_init(p);
	p->rtype.kind = DIF_TYPE_STRING;
	p->rtype.flags = DIF_TF_BYREF;
	p->rtype.size = 100;
	RET(0);
	p_reject(p, "not strsize 256", ~0U);
	p->rtype.size = 256;
	d = p_create(p);
	CHECK(d != NULL);
	dtrace_difo_destroy(d);
	p->rtype.kind = 5;
	p_reject(p, "invalid return type kind 5", ~0U);

	/* header lies */
	p_init(p);
	SETX(7, 1);
	SETS("abc", 2);
	RET(1);
	n = p_blob(p, blobbuf);
	memcpy(&h, blobbuf, sizeof(h));
#define TRY(field, val, want) do {					\
	struct dtrace_difo_hdr hh = h;					\
	hh.field = (val);						\
	memcpy(blobbuf, &hh, sizeof(hh));				\
	memset(&verr, 0, sizeof(verr));					\
	d = NULL;							\
	CHECK_EQ(dtrace_difo_create(blobbuf, n, &lim, &d, NULL, &verr), \
		 -EINVAL);						\
	CHECK(d == NULL);						\
	if (!strstr(verr.msg, want)) {					\
		printf("  %s=%#x: \"%s\" lacks \"%s\"\n", #field,	\
		       (unsigned)(val), verr.msg, want);			\
		cur_fail++;						\
	}								\
	CHECK_EQ(verr.offset, ~0U);					\
} while (0)
	TRY(size, h.size + 8, "outside the");
	TRY(size, h.size - 8, "does not match");
	TRY(size, h.size + 4, "multiple of 8");
	TRY(size, 8, "outside the");
	TRY(ninstr, h.ninstr + 2, "does not match");
	TRY(ninstr, 0xffffffffU, "more than the limit");
	TRY(nint, h.nint + 1, "does not match");
	TRY(nint, 0x80000000U, "too large");
	TRY(nvar, 0xffffffffU, "too large");
	TRY(nvar, 1, "does not match");
	TRY(strlen, h.strlen + 8, "does not match");
	TRY(strlen, 0xfffffff8U, "too large");
	memcpy(blobbuf, &h, sizeof(h));
	/* truncated: less than the header, less than size */
	CHECK_EQ(dtrace_difo_create(blobbuf, sizeof(h) - 1, &lim, &d, NULL,
				    &verr), -EINVAL);
	CHECK(strstr(verr.msg, "truncated"));
	CHECK_EQ(dtrace_difo_create(blobbuf, n - 8, &lim, &d, NULL, &verr),
		 -EINVAL);
	/* and the intact one works, consuming exactly its size */
	{
		size_t used;

		CHECK_EQ(dtrace_difo_create(blobbuf, n + 64, &lim, &d, &used,
					    &verr), 0);
		CHECK_EQ(used, n);
		ms_reset();
		CHECK_EQ(dtrace_dif_emulate(d, &ms), 7);
		dtrace_difo_destroy(d);
	}
	/* allocation failure: -ENOMEM, nothing leaks */
	shim_fail_alloc_after = 0;
	CHECK_EQ(dtrace_difo_create(blobbuf, n, &lim, &d, NULL, &verr),
		 -ENOMEM);
	shim_fail_alloc_after = -1;
	CHECK_EQ(shim_nallocs, before);
}

static void test_vstate_create(void)
{
	struct dtrace_enable_hdr h;
	struct dtrace_vstate *v;
	long before = shim_nallocs;

	memset(&h, 0, sizeof(h));
	CHECK_EQ(dtrace_vstate_create(&h, &v), 0);
	CHECK_EQ(v->strsize, 256);
	CHECK_EQ(v->dynsize, 1024 * 1024);
	dtrace_vstate_destroy(v);
	h.strsize = 1 << 20;
	CHECK_EQ(dtrace_vstate_create(&h, &v), -EINVAL);
	h.strsize = 0;
	h.dynvarsize = 1ULL << 40;
	CHECK_EQ(dtrace_vstate_create(&h, &v), -EINVAL);
	h.dynvarsize = 0;
	h.ngvars = 0x10000;
	CHECK_EQ(dtrace_vstate_create(&h, &v), -EINVAL);
	h.ngvars = 60000;
	h.strsize = 65536;
	CHECK_EQ(dtrace_vstate_create(&h, &v), -E2BIG);
	/*
	 * A dynamic space that is not a multiple of 64 bytes: a store into
	 * its last bytes (no chunk there) is refused, and the chunk map
	 * lookup stays inside the map (ASan).
	 */
	h.ngvars = 1;
	h.strsize = 0;
	h.dynvarsize = 4096 + 40;
	CHECK_EQ(dtrace_vstate_create(&h, &v), 0);
	{
		u64 tail = (u64)(uintptr_t)v->dyn + v->dynsize;
		u64 x = 7;

		CHECK_EQ(dtrace_dynvar_storeat(v, tail - 8, &x, 8), -EFAULT);
		CHECK_EQ(dtrace_dynvar_storeat(v, tail - 1, &x, 1), -EFAULT);
	}
	dtrace_vstate_destroy(v);
	h.dynvarsize = 0;
	shim_fail_alloc_after = 2;
	CHECK_EQ(dtrace_vstate_create(&h, &v), -ENOMEM);
	shim_fail_alloc_after = -1;
	CHECK_EQ(shim_nallocs, before);
	dtrace_vstate_destroy(NULL);
}

/*
 * The validator's worst-case cost (400): every instruction counts once
 * (branches go forward), strings by strsize.  Expected figures follow the
 * cost model's definition in 400, worked out by hand.
 */
static u64 cost_of(struct prog *p, u32 strsize)
{
	struct dtrace_difo *d;
	u32 keep = lim.strsize;
	u64 c;

	lim.strsize = strsize;
	d = p_create(p);
	lim.strsize = keep;
	if (!d) {
		cur_fail++;
		return 0;
	}
	c = d->cost;
	dtrace_difo_destroy(d);
	return c;
}

static void test_cost(void)
{
	struct prog pp, *p = &pp;
	u32 i;

	/* one instruction */
	p_init(p);
	RET(0);
	CHECK_EQ(cost_of(p, 256), DTRACE_COST_INSTR);

	/* 400 string compares: 4 * strsize each, plus the instructions */
	p_init(p);
	SETS("a", 1);
	SETS("b", 2);
	for (i = 0; i < 400; i++)
		FMT(DIF_OP_SCMP, 1, 2, 0);
	RET(1);
	CHECK_EQ(cost_of(p, 256), 403 * DTRACE_COST_INSTR + 400 * 4 * 256);
	CHECK_EQ(cost_of(p, 65536),
		 403 * DTRACE_COST_INSTR + 400ULL * 4 * 65536);
	/* the default limit (1000000) refuses it at a large strsize only */
	CHECK(cost_of(p, 256) < 1000000);
	CHECK(cost_of(p, 65536) > 1000000);

	/* a skipped branch target still counts: all of them are summed */
	p_init(p);
	SETS("a", 1);
	FMT(DIF_OP_TST, 1, 0, 0);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BA, 4));
	FMT(DIF_OP_SCMP, 1, 1, 0);
	RET(1);
	CHECK_EQ(cost_of(p, 1000), 5 * DTRACE_COST_INSTR + 4 * 1000);

	/* index(): quadratic in strsize */
	p_init(p);
	SETS("a", 1);
	PUSHS(1);
	PUSHS(1);
	CALL(DIF_SUBR_INDEX, 2);
	RET(2);
	CHECK(cost_of(p, 4096) >= 4096ULL * 4096 / 4);
	CHECK(cost_of(p, 4096) > 16 * cost_of(p, 1024) / 2);

	/* ALLOCS of a size a SETX just set: that size; else the scratch */
	p_init(p);
	SETX(24, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	RET(2);
	CHECK_EQ(cost_of(p, 256), 3 * DTRACE_COST_INSTR + 24);
	/* ... unless a branch lands on the ALLOCS */
	p_init(p);
	FMT(DIF_OP_TST, 0, 0, 0);
	emit(p, DIF_INSTR_BRANCH(DIF_OP_BE, 3));
	SETX(24, 1);
	FMT(DIF_OP_ALLOCS, 1, 0, 2);
	RET(2);
	CHECK_EQ(cost_of(p, 256), 5 * DTRACE_COST_INSTR + 16384);
}

/* ---- main ---------------------------------------------------------------- */
#define RUN(fn) do {							\
	cur_name = #fn;							\
	cur_fail = 0;							\
	fn();								\
	printf("%s %s\n", cur_fail ? "FAIL" : "PASS", cur_name);	\
	if (cur_fail)							\
		nfail++;						\
	else								\
		npass++;						\
} while (0)

/*
 * CONFIG_DTRACE_DEBUG (always on in the unit tests): the emulator asserts
 * what the validator proved.  An object corrupted after validation (an
 * unknown opcode, a backward branch, a write to %r0) aborts the run in a
 * child process instead of being emulated.
 */
static int corrupt_run(u32 bad)
{
	struct prog pp, *p = &pp;
	struct dtrace_difo *d;
	int status;
	pid_t pid;

	p_init(p);
	SETX(1, 1);
	FMT(DIF_OP_ADD, 1, 1, 2);
	RET(2);
	d = p_create(p);
	if (!d)
		return -1;
	d->buf[1] = bad;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(2);
		ms_reset();
		dtrace_dif_emulate(d, &ms);
		_exit(0);
	}
	dtrace_difo_destroy(d);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

static void test_debug_asserts(void)
{
	CHECK_EQ(corrupt_run(DIF_INSTR_FMT(DIF_OP_ADD, 1, 1, 2)), 0);
	CHECK_EQ(corrupt_run(DIF_INSTR_FMT(0xeeU, 1, 1, 2)), SIGABRT);
	CHECK_EQ(corrupt_run(DIF_INSTR_BRANCH(DIF_OP_BA, 0)), SIGABRT);
	CHECK_EQ(corrupt_run(DIF_INSTR_FMT(DIF_OP_ADD, 1, 1, 0)), SIGABRT);
	CHECK_EQ(corrupt_run(DIF_INSTR_FMT(DIF_OP_ADD, 1, 9, 2)), SIGABRT);
}

int main(void)
{
	struct dtrace_enable_hdr h;

	memset(&h, 0, sizeof(h));
	h.ngvars = 8;
	h.ntvars = 8;
	h.nlvars = 8;
	h.strsize = 256;
	h.dynvarsize = 64 * 1024;
	if (dtrace_vstate_create(&h, &vs)) {
		printf("FAIL vstate_create\n");
		return 1;
	}
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);

	RUN(test_arith);
	RUN(test_unary_mov_nop);
	RUN(test_divzero);
	RUN(test_branches);
	RUN(test_scmp);
	RUN(test_loads);
	RUN(test_stores_allocs_copys);
	RUN(test_setx_sets_ret);
	RUN(test_tuple_overflow);
	RUN(test_builtins);
	RUN(test_globals_locals);
	RUN(test_thread_locals);
	RUN(test_assoc);
	RUN(test_assoc_byref_strings);
	RUN(test_dynvar_stress);
	RUN(test_struct_vars);
	RUN(test_struct_dynvars);
	RUN(test_subr_strings);
	RUN(test_subr_paths);
	RUN(test_subr_numbers);
	RUN(test_subr_inet);
	RUN(test_subr_strtok);
	RUN(test_subr_memory);
	RUN(test_subr_misc);
	RUN(test_subr_errors);
	RUN(test_copy_helpers);
	RUN(test_subr_execargs);
	RUN(test_validate_instrs);
	RUN(test_validate_tables);
	RUN(test_vstate_create);
	RUN(test_cost);
	RUN(test_debug_asserts);

	dtrace_vstate_destroy(vs);
	dtrace_difo_destroy(last_difo);
	if (shim_nallocs) {
		printf("FAIL leak check: %ld allocations live\n", shim_nallocs);
		nfail++;
	} else {
		printf("PASS leak check\n");
		npass++;
	}
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
