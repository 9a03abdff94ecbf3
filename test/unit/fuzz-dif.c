// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz-dif.c - libFuzzer target for the DIF validator and emulator.
 *
 * Input layout: byte 0 picks the mode, byte 1 the string size and a few
 * switches, then the payload.
 *   mode 0: the payload is a whole DIF object blob (header included);
 *   mode 1: the payload is raw instructions, wrapped in a valid header with
 *           fixed integer, variable and string tables;
 *   mode 2: like 1, but each instruction is first repaired towards
 *           validity (registers in range, labels forward, table indexes in
 *           range, last instruction RET), so most programs reach the
 *           emulator.
 * Accepted objects run twice (two threads, two CPUs) against a vstate,
 * with readable "kernel" and "user" memory filled from the input.
 *
 * Invariants: no sanitizer report; a fault sets a known fault code and an
 * instruction index inside the object; scratch use stays inside scratch;
 * the dynamic-variable space stays consistent (dynvar-check.h); rejected
 * objects set a message; nothing leaks.
 */
#include "shim.h"
#include "../../gen/300-core.h"
#include "../../gen/400-dif-validate.c"
#include "../../gen/410-dynvar.c"
#include "../../gen/420-dif-subr.c"
#include "../../gen/430-dif-emulate.c"
#include "dynvar-check.h"

#define NREGS_MASK	(DIF_DIR_NREGS - 1)

static const u64 fz_ints[] = {
	0, 1, 2, 7, 8, 10, 16, 255, 256, 4096, (u64)-1, (u64)-8,
	0x8000000000000000ULL, 0x7fffffffffffffffULL, 0, 0,	/* 14, 15: kmem, umem */
};
#define FZ_NINT		ARRAY_SIZE(fz_ints)

static const char fz_strtab[] =
	"\0hello\0/usr/lib/\0/a/./b/../c\0a,b;;c\0,;\0l\0world\0"
	"0123456789012345678901234567890123456789\0" "x";
static const u16 fz_stroffs[] = { 0, 1, 7, 17, 29, 36, 39, 41, 47 };

static u8 fz_kmem[512] __attribute__((aligned(16)));
static u8 fz_umem[512] __attribute__((aligned(16)));
static u8 fz_uout[64] __attribute__((aligned(16)));
static char fz_scratch[4096] __attribute__((aligned(16)));
static u8 fz_blob[65536] __attribute__((aligned(8)));

/* Repair one instruction word towards validity (mode 2). */
static u32 fz_repair(u32 in, u32 pc, u32 len)
{
	u32 op = DIF_INSTR_OP(in);
	u32 r1 = DIF_INSTR_R1(in) & NREGS_MASK;
	u32 r2 = DIF_INSTR_R2(in) & NREGS_MASK;
	u32 rd = DIF_INSTR_RD(in) & NREGS_MASK;
	u32 v = DIF_INSTR_VAR(in);

	/* valid fields are kept, so the seeds' programs survive */
	if (op == 0 || op > DIF_OP_MAX)
		op = 1 + op % DIF_OP_MAX;
	if (pc == len - 1)
		return DIF_INSTR_RET(rd);
	if (!rd)
		rd = 1 + (DIF_INSTR_RD(in) >> 3) % (DIF_DIR_NREGS - 1);
	switch (dtrace_dif_opclass(op)) {
	case DIFC_BAD:
		return DIF_INSTR_NOP;
	case DIFC_BRANCH:
		if (DIF_INSTR_LABEL(in) > pc && DIF_INSTR_LABEL(in) < len)
			return in;
		return DIF_INSTR_BRANCH(op, pc + 1 +
					(in & 0xffffff) % (len - pc - 1));
	case DIFC_SETX:
		return DIF_INSTR_SETX(v % FZ_NINT, rd);
	case DIFC_SETS:
		for (r1 = 0; r1 < ARRAY_SIZE(fz_stroffs); r1++)
			if (fz_stroffs[r1] == v)
				return DIF_INSTR_SETS(v, rd);
		return DIF_INSTR_SETS(fz_stroffs[v % ARRAY_SIZE(fz_stroffs)],
				      rd);
	case DIFC_LDGA:
		return DIF_INSTR_FMT(op, DIF_VAR_ARGS, r2, rd);
	case DIFC_LDV:
	case DIFC_STV:
		if ((op == DIF_OP_LDGS && dtrace_dif_builtin_ok(v)) ||
		    (v >= DIF_VAR_OTHER_UBASE && v < DIF_VAR_OTHER_UBASE + 4))
			;
		else if (op == DIF_OP_LDGS && (v & 0x100))
			v = DIF_VAR_CURTHREAD + v % (DIF_VAR_CPU -
						     DIF_VAR_CURTHREAD + 1);
		else
			v = DIF_VAR_OTHER_UBASE + v % 4;
		return DIF_INSTR_LDV(op, v, rd);
	case DIFC_CALL:
		return DIF_INSTR_CALL(v % (DIF_SUBR_MAX + 1), rd);
	case DIFC_PUSHT:
		return DIF_INSTR_PUSHTS(op, (in >> 16) & 1, r2, rd);
	default:
		return DIF_INSTR_FMT(op, r1, r2, rd);
	}
}

/* Variable table used by modes 1 and 2: ids UBASE+0..3 in each scope. */
static u32 fz_vars(struct dtrace_difv *v, u8 sw, u32 strsize)
{
	u32 n = 0, id;
	u8 scope;

	for (scope = 0; scope <= DIFV_SCOPE_LOCAL; scope++) {
		for (id = 0; id < 4; id++) {
			bool str = (sw >> id) & 1;

			memset(&v[n], 0, sizeof(v[n]));
			v[n].name = 1;
			v[n].id = DIF_VAR_OTHER_UBASE + id;
			v[n].scope = scope;
			/* ids 2, 3: arrays (globals and thread-locals) */
			v[n].kind = (id >= 2 && scope != DIFV_SCOPE_LOCAL) ?
				DIFV_KIND_ARRAY : DIFV_KIND_SCALAR;
			v[n].type.kind = str ? DIF_TYPE_STRING : DIF_TYPE_CTF;
			v[n].type.flags = str ? DIF_TF_BYREF : 0;
			v[n].type.size = str ? strsize : 8;
			/* id 1 may be a 16-byte struct (any scope), id 2 an
			 * array of 24-byte structs (globals, thread-locals) */
			if (!str && id == 1 && (sw & 0x8)) {
				v[n].type.flags = DIF_TF_BYREF;
				v[n].type.size = 16;
			}
			if (!str && id == 2 && (sw & 0x10) &&
			    scope != DIFV_SCOPE_LOCAL) {
				v[n].type.flags = DIF_TF_BYREF;
				v[n].type.size = 24;
			}
			n++;
		}
	}
	return n;
}

static size_t fz_wrap(const u8 *data, size_t size, bool repair, u8 sw,
		      u32 strsize)
{
	struct dtrace_difo_hdr h;
	struct dtrace_difv vars[12];
	u64 ints[FZ_NINT];
	u32 n = size / 4, i, nvar;
	size_t off = sizeof(h);

	if (n == 0 || n > 1024)
		return 0;
	memcpy(ints, fz_ints, sizeof(ints));
	ints[14] = (u64)(uintptr_t)fz_kmem;
	ints[15] = (u64)(uintptr_t)fz_umem;
	nvar = fz_vars(vars, sw, strsize);
	memset(&h, 0, sizeof(h));
	h.ninstr = n;
	h.nint = FZ_NINT;
	h.nvar = nvar;
	h.strlen = sizeof(fz_strtab);
	h.rtype.kind = (sw & 0x10) ? DIF_TYPE_STRING : DIF_TYPE_CTF;
	h.rtype.size = (sw & 0x10) ? strsize : 8;
	for (i = 0; i < n; i++) {
		u32 in;

		memcpy(&in, data + 4 * i, 4);
		if (repair)
			in = fz_repair(in, i, n);
		memcpy(fz_blob + off, &in, 4);
		off += 4;
	}
	while (off % 8)
		fz_blob[off++] = 0;
	memcpy(fz_blob + off, ints, sizeof(ints));
	off += sizeof(ints);
	memcpy(fz_blob + off, vars, nvar * sizeof(vars[0]));
	off += nvar * sizeof(vars[0]);
	memcpy(fz_blob + off, fz_strtab, sizeof(fz_strtab));
	off += sizeof(fz_strtab);
	while (off % 8)
		fz_blob[off++] = 0;
	h.size = off;
	memcpy(fz_blob, &h, sizeof(h));
	return off;
}

static void fz_check(const struct dtrace_difo *d,
		     const struct dtrace_mstate *m)
{
	if (m->scratch_used > m->scratch_size)
		__builtin_trap();
	if (m->flags & DTRACE_MSTATE_FAULT) {
		if (m->fault < DTRACEFLT_BADADDR || m->fault > DTRACEFLT_BADSTACK)
			__builtin_trap();
		if (m->difoff >= d->len)
			__builtin_trap();
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const u32 strsizes[] = { 256, 16, 64, 1, 512, 256, 33, 128 };
	struct dtrace_vlimits lim = {
		.maxlen = 1024, .ngvars = 4, .ntvars = 4, .nlvars = 4,
		.destructive = true,
	};
	struct dtrace_enable_hdr eh;
	struct dtrace_vstate *vs = NULL;
	struct dtrace_probedesc pd = {
		.id = 1, .provider = "dtrace", .name = "BEGIN",
	};
	struct dtrace_difo *d = NULL;
	struct dtrace_verr err;
	struct dtrace_mstate m;
	long base = shim_nallocs;
	size_t n, used = 0;
	u8 mode, sw;
	int rc, run;

	if (size < 2)
		return 0;
	mode = data[0] % 3;
	sw = data[1];
	lim.strsize = strsizes[sw & 7];
	data += 2;
	size -= 2;

	if (mode == 0) {
		n = size < sizeof(fz_blob) ? size : sizeof(fz_blob);
		memcpy(fz_blob, data, n);
	} else {
		n = fz_wrap(data, size, mode == 2, sw >> 3, lim.strsize);
		if (!n)
			return 0;
	}
	memset(&err, 0, sizeof(err));
	rc = dtrace_difo_create(fz_blob, n, &lim, &d, &used, &err);
	static int verbose = -1;

	if (verbose < 0)
		verbose = getenv("FUZZ_DIF_VERBOSE") != NULL;
	if (verbose)
		fprintf(stderr, "mode %u: %s%s\n", mode, rc ? "rejected: " :
			"accepted", rc ? err.msg : "");
	if (rc) {
		if (d || !err.msg[0] || shim_nallocs != base)
			__builtin_trap();
		return 0;
	}
	if (!d || used > n || used % 8)
		__builtin_trap();

	memset(&eh, 0, sizeof(eh));
	eh.ngvars = eh.ntvars = eh.nlvars = 4;
	eh.strsize = 256;
	eh.dynvarsize = 16384;
	if (dtrace_vstate_create(&eh, &vs))
		__builtin_trap();
	dtrace_vstate_addvars(vs, d);	/* as the enabling's parser does */

	shim_mem_clear();
	memset(fz_kmem, 0, sizeof(fz_kmem));
	memset(fz_umem, 0, sizeof(fz_umem));
	memcpy(fz_kmem, data, size < sizeof(fz_kmem) ? size : sizeof(fz_kmem));
	memcpy(fz_umem, fz_strtab, sizeof(fz_strtab));
	shim_mem_add(fz_kmem, sizeof(fz_kmem), SHIM_MEM_KERNEL);
	shim_mem_add(fz_umem, sizeof(fz_umem), SHIM_MEM_USER);
	shim_mem_add(fz_uout, sizeof(fz_uout), SHIM_MEM_USER | SHIM_MEM_WRITE);

	for (run = 0; run < 2; run++) {
		int i;

		memset(&m, 0, sizeof(m));
		for (i = 0; i < DTRACE_MAXARGS; i++)
			m.args[i] = i < 2 ? (u64)(uintptr_t)fz_kmem + 8 * i :
				    fz_ints[i];
		m.pdesc = &pd;
		m.cpu = run;
		m.strsize = lim.strsize;
		m.scratch = fz_scratch;
		m.scratch_size = (sw & 0x80) ? 300 : sizeof(fz_scratch);
		m.vstate = vs;
		shim_tid = 1000 + run;
		dtrace_vstate_clause_begin(vs, m.cpu);
		(void)dtrace_dif_emulate(d, &m);
		fz_check(d, &m);
		if (!(m.flags & DTRACE_MSTATE_FAULT) &&
		    d->rtype.kind == DIF_TYPE_STRING) {
			char out[512];
			u64 r = dtrace_dif_emulate(d, &m);

			dtrace_dif_copy_str(out, r, lim.strsize, &m);
			fz_check(d, &m);
		}
	}
	if (dynvar_check(vs))
		__builtin_trap();
	dtrace_vstate_destroy(vs);
	dtrace_difo_destroy(d);
	if (shim_nallocs != base)
		__builtin_trap();
	return 0;
}
