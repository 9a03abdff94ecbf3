// SPDX-License-Identifier: GPL-2.0
/*
 * bench-cost.c - calibration of the validator's cost units (400): runs
 * the worst case of each kind of DIF instruction the cost model weighs
 * (maxlen copies of it in one object) through the module's own emulator
 * and prints the time per run, the object's cost and ns per cost unit.
 * Not a test (timings assert nothing): `make -C test/unit bench`, built
 * with -O2 and no sanitizers.  Its figures are quoted in 400's comment.
 */
#include <time.h>

#include "shim.h"
#include "../../gen/300-core.h"
#include "../../gen/400-dif-validate.c"
#include "../../gen/410-dynvar.c"
#include "../../gen/420-dif-subr.c"
#include "../../gen/430-dif-emulate.c"

#define N	8192

static u32 ins[N + 8];
static u64 ints[8];
static char str[4096];
static struct dtrace_difv vars[4];
static u8 blob[sizeof(ins) + sizeof(str) + 4096];
static u32 n, nint, strl, nvar;
static u8 kmem[4096] __attribute__((aligned(16)));

static struct dtrace_vlimits lim = {
	.maxlen = N, .strsize = 256, .ngvars = 4, .ntvars = 4, .nlvars = 4,
	.destructive = false,
};

static void reset(void)
{
	n = nint = nvar = 0;
	strl = 1;
	memset(str, 0, sizeof(str));
}

static u32 sstr(const char *s, size_t len)
{
	u32 off = strl;

	memcpy(str + off, s, len);
	str[off + len] = 0;
	strl += len + 1;
	return off;
}

static struct dtrace_difo *build(void)
{
	struct dtrace_difo_hdr h;
	struct dtrace_difo *d = NULL;
	struct dtrace_verr err;
	size_t off = sizeof(h);

	memset(&h, 0, sizeof(h));
	h.ninstr = n;
	h.nint = nint;
	h.nvar = nvar;
	h.strlen = strl;
	h.rtype.kind = DIF_TYPE_CTF;
	h.rtype.size = 8;
	memcpy(blob + off, ins, 4 * n);
	off += 4 * n;
	while (off % 8)
		blob[off++] = 0;
	memcpy(blob + off, ints, 8 * nint);
	off += 8 * nint;
	memcpy(blob + off, vars, sizeof(vars[0]) * nvar);
	off += sizeof(vars[0]) * nvar;
	memcpy(blob + off, str, strl);
	off += strl;
	while (off % 8)
		blob[off++] = 0;
	h.size = off;
	memcpy(blob, &h, sizeof(h));
	memset(&err, 0, sizeof(err));
	if (dtrace_difo_create(blob, off, &lim, &d, NULL, &err)) {
		printf("create: %s\n", err.msg);
		exit(1);
	}
	return d;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static char *scratch;
static char kbuf[2][65536 + 8];

/* %rd = the address of kbuf[i], a string of len 'x's (instruction i) */
static void kstr(int i, u32 len, u32 rd)
{
	memset(kbuf[i], 'x', len);
	kbuf[i][len] = 0;
	ints[nint] = (u64)(uintptr_t)kbuf[i];
	ins[i] = DIF_INSTR_SETX(nint, rd);
	nint++;
}
static struct dtrace_vstate *vs;

static void run(const char *what, struct dtrace_difo *d)
{
	struct dtrace_mstate ms;
	double t0, t, best = 1e30;
	int i;

	for (i = 0; i < 5; i++) {
		memset(&ms, 0, sizeof(ms));
		ms.cpu = 0;
		ms.strsize = lim.strsize;
		ms.scratch = scratch;
		ms.scratch_size = DTRACE_SCRATCH_SIZE(lim.strsize);
		ms.vstate = vs;
		ms.timestamp = i + 1;
		t0 = now();
		dtrace_dif_emulate(d, &ms);
		t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("%-34s strsize %6u: %10.0f us, cost %12llu, %.2f ns/unit%s\n",
	       what, lim.strsize, best / 1e3, d->cost, best / d->cost,
	       (ms.flags & DTRACE_MSTATE_FAULT) ? " (FAULTED)" : "");
	dtrace_difo_destroy(d);
}

static void fill(u32 body, u32 k, u32 pre)
{
	n = pre;
	while (n < N - 1)
		ins[n++] = body;
	(void)k;
	ins[n++] = DIF_INSTR_RET(1);
}

int main(void)
{
	static const u32 sizes[] = { 256, 4096, 65536 };
	struct dtrace_enable_hdr hdr;
	u32 si;

	memset(kmem, 'k', sizeof(kmem));
	shim_mem_add(kmem, sizeof(kmem), SHIM_MEM_KERNEL);
	shim_mem_add(kbuf, sizeof(kbuf), SHIM_MEM_KERNEL);
	for (si = 0; si < 3; si++) {
		lim.strsize = sizes[si];
		scratch = malloc(DTRACE_SCRATCH_SIZE(lim.strsize));
		memset(&hdr, 0, sizeof(hdr));
		hdr.strsize = lim.strsize;
		hdr.ngvars = hdr.ntvars = hdr.nlvars = 4;
		hdr.dynvarsize = 1 << 20;
		vs = NULL;
		if (dtrace_vstate_create(&hdr, &vs)) {
			printf("vstate\n");
			return 1;
		}

		if (si == 0) {
			reset();
			ins[0] = DIF_INSTR_SETX(0, 1);
			ints[nint++] = 3;
			fill(DIF_INSTR_FMT(DIF_OP_ADD, 1, 1, 2), 0, 1);
			run("add", build());

			reset();
			ints[nint++] = (u64)(uintptr_t)kmem;
			ins[0] = DIF_INSTR_SETX(0, 1);
			fill(DIF_INSTR_FMT(DIF_OP_LDX, 1, 0, 2), 0, 1);
			run("ldx (kernel memory)", build());
		}

		/* two equal strings of strsize - 1 characters */
		reset();
		kstr(0, lim.strsize - 1, 1);
		kstr(1, lim.strsize - 1, 2);
		fill(DIF_INSTR_FMT(DIF_OP_SCMP, 1, 2, 0), 0, 2);
		run("scmp", build());

		/* store into a string global */
		reset();
		vars[0].name = sstr("g", 1);
		vars[0].id = DIF_VAR_OTHER_UBASE;
		vars[0].scope = DIFV_SCOPE_GLOBAL;
		vars[0].kind = DIFV_KIND_SCALAR;
		vars[0].type.kind = DIF_TYPE_STRING;
		vars[0].type.flags = DIF_TF_BYREF;
		vars[0].type.size = lim.strsize;
		nvar = 1;
		kstr(0, lim.strsize - 1, 1);
		fill(DIF_INSTR_STV(DIF_OP_STGS, DIF_VAR_OTHER_UBASE, 1), 0,
		     1);
		run("stgs (string)", build());

		/* index(s, sub): s = "xx..x", sub = "xx..xy" of half length */
		reset();
		kstr(0, lim.strsize - 1, 1);
		kstr(1, lim.strsize / 2, 2);
		kbuf[1][lim.strsize / 2 - 1] = 'y';
		n = 2;
		while (n < N - 5) {
			ins[n++] = DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0, 0);
			ins[n++] = DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
						    DIF_TYPE_STRING, 0, 1);
			ins[n++] = DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
						    DIF_TYPE_STRING, 0, 2);
			ins[n++] = DIF_INSTR_CALL(DIF_SUBR_INDEX, 3);
		}
		ins[n++] = DIF_INSTR_RET(3);
		if (lim.strsize <= 4096)
			run("index (worst case)", build());

		/* thread-local string store, a string key */
		reset();
		vars[0].name = sstr("t", 1);
		vars[0].scope = DIFV_SCOPE_THREAD;
		vars[0].kind = DIFV_KIND_ARRAY;
		nvar = 1;
		kstr(0, lim.strsize - 1, 1);
		n = 1;
		while (n < N - 4) {
			ins[n++] = DIF_INSTR_FMT(DIF_OP_FLUSHTS, 0, 0, 0);
			ins[n++] = DIF_INSTR_PUSHTS(DIF_OP_PUSHTR,
						    DIF_TYPE_STRING, 0, 1);
			ins[n++] = DIF_INSTR_STV(DIF_OP_STTAA,
						 DIF_VAR_OTHER_UBASE, 1);
		}
		ins[n++] = DIF_INSTR_RET(1);
		run("sttaa (string key and value)", build());

		dtrace_vstate_destroy(vs);
		free(scratch);
	}
	return 0;
}
