// SPDX-License-Identifier: GPL-2.0
/*
 * dt_dis.c - DIF disassembler for dtrace -S: walks the enabling blob of a
 * compiled program and prints every clause, predicate and action with
 * its DIF objects (instructions, integer and string tables, variables).
 */
#include <inttypes.h>
#include <string.h>

#include "dt_cc.h"

static const char *const opnames[] = {
	[DIF_OP_OR] = "or", [DIF_OP_XOR] = "xor", [DIF_OP_AND] = "and",
	[DIF_OP_SLL] = "sll", [DIF_OP_SRL] = "srl", [DIF_OP_SUB] = "sub",
	[DIF_OP_ADD] = "add", [DIF_OP_MUL] = "mul", [DIF_OP_SDIV] = "sdiv",
	[DIF_OP_UDIV] = "udiv", [DIF_OP_SREM] = "srem",
	[DIF_OP_UREM] = "urem", [DIF_OP_NOT] = "not", [DIF_OP_MOV] = "mov",
	[DIF_OP_CMP] = "cmp", [DIF_OP_TST] = "tst", [DIF_OP_BA] = "ba",
	[DIF_OP_BE] = "be", [DIF_OP_BNE] = "bne", [DIF_OP_BG] = "bg",
	[DIF_OP_BGU] = "bgu", [DIF_OP_BGE] = "bge", [DIF_OP_BGEU] = "bgeu",
	[DIF_OP_BL] = "bl", [DIF_OP_BLU] = "blu", [DIF_OP_BLE] = "ble",
	[DIF_OP_BLEU] = "bleu", [DIF_OP_LDSB] = "ldsb",
	[DIF_OP_LDSH] = "ldsh", [DIF_OP_LDSW] = "ldsw",
	[DIF_OP_LDUB] = "ldub", [DIF_OP_LDUH] = "lduh",
	[DIF_OP_LDUW] = "lduw", [DIF_OP_LDX] = "ldx", [DIF_OP_RET] = "ret",
	[DIF_OP_NOP] = "nop", [DIF_OP_SETX] = "setx", [DIF_OP_SETS] = "sets",
	[DIF_OP_SCMP] = "scmp", [DIF_OP_LDGA] = "ldga",
	[DIF_OP_LDGS] = "ldgs", [DIF_OP_STGS] = "stgs",
	[DIF_OP_LDTA] = "ldta", [DIF_OP_LDTS] = "ldts",
	[DIF_OP_STTS] = "stts", [DIF_OP_SRA] = "sra", [DIF_OP_CALL] = "call",
	[DIF_OP_PUSHTR] = "pushtr", [DIF_OP_PUSHTV] = "pushtv",
	[DIF_OP_POPTS] = "popts", [DIF_OP_FLUSHTS] = "flushts",
	[DIF_OP_LDGAA] = "ldgaa", [DIF_OP_LDTAA] = "ldtaa",
	[DIF_OP_STGAA] = "stgaa", [DIF_OP_STTAA] = "sttaa",
	[DIF_OP_LDLS] = "ldls", [DIF_OP_STLS] = "stls",
	[DIF_OP_ALLOCS] = "allocs", [DIF_OP_COPYS] = "copys",
	[DIF_OP_STB] = "stb", [DIF_OP_STH] = "sth", [DIF_OP_STW] = "stw",
	[DIF_OP_STX] = "stx", [DIF_OP_ULDSB] = "uldsb",
	[DIF_OP_ULDSH] = "uldsh", [DIF_OP_ULDSW] = "uldsw",
	[DIF_OP_ULDUB] = "uldub", [DIF_OP_ULDUH] = "ulduh",
	[DIF_OP_ULDUW] = "ulduw", [DIF_OP_ULDX] = "uldx",
};

static const char *const subrnames[] = {
	"rand", "copyin", "copyinstr", "speculation", "progenyof", "strlen",
	"copyout", "copyoutstr", "alloca", "bcopy", "copyinto", "strjoin",
	"lltostr", "basename", "dirname", "cleanpath", "strchr", "strrchr",
	"strstr", "strtok", "substr", "index", "rindex", "htons", "htonl",
	"htonll", "ntohs", "ntohl", "ntohll", "inet_ntop", "inet_ntoa",
	"inet_ntoa6", "toupper", "tolower", "stringof", "d_execargs",
};

static const char *const actnames[] = {
	"none", "difexpr", "exit", "printf", "printa", "tracemem", "setopt",
	"stack", "ustack", "speculate", "commit", "discard", "clear",
	"trunc", "raise", "stop", "system", "chill", "breakpoint", "panic",
	"aggregate", "marker",
};

static const char *varname(uint32_t id)
{
	static const char *const b[] = {
		"curthread", "timestamp", "vtimestamp", "ipl", "epid", "id",
		"arg0", "arg1", "arg2", "arg3", "arg4", "arg5", "arg6", "arg7",
		"arg8", "arg9", "stackdepth", "caller", "probeprov",
		"probemod", "probefunc", "probename", "pid", "tid",
		"execname", "zonename", "walltimestamp", "ustackdepth",
		"ucaller", "ppid", "uid", "gid", "errno", "cpu",
	};

	if (id == DIF_VAR_ARGS)
		return "args";
	if (id >= DIF_VAR_CURTHREAD && id <= DIF_VAR_CPU)
		return b[id - DIF_VAR_CURTHREAD];
	return NULL;
}

static void type_str(const struct dtrace_diftype *t, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s (size %u)",
		 t->kind == DIF_TYPE_STRING ? "string" : "integer",
		 t->flags & DIF_TF_BYREF ? " by ref" : "", t->size);
}

/* Print one DIF object at hdr; len bytes are available. */
void dt_dis_difo(FILE *fp, const void *hdrp, size_t len, const char *title)
{
	const struct dtrace_difo_hdr *h = hdrp;
	const uint32_t *ins;
	const uint64_t *itab;
	const struct dtrace_difv *vtab;
	const char *stab;
	char tb[64];
	uint32_t i;

	if (len < sizeof(*h) || h->size > len) {
		fprintf(fp, "%s: <truncated DIF object>\n", title);
		return;
	}
	ins = (const uint32_t *)(h + 1);
	itab = (const uint64_t *)((const char *)ins +
				  (((size_t)h->ninstr * 4 + 7) & ~(size_t)7));
	vtab = (const struct dtrace_difv *)(itab + h->nint);
	stab = (const char *)(vtab + h->nvar);
	type_str(&h->rtype, tb, sizeof(tb));
	fprintf(fp, "%s: DIFO returns %s\n", title, tb);
	fprintf(fp, "OFF OPCODE      INSTRUCTION\n");
	for (i = 0; i < h->ninstr; i++) {
		uint32_t in = ins[i];
		unsigned op = DIF_INSTR_OP(in);
		const char *nm = op < sizeof(opnames) / sizeof(opnames[0]) &&
				 opnames[op] ? opnames[op] : "???";
		unsigned r1 = DIF_INSTR_R1(in), r2 = DIF_INSTR_R2(in);
		unsigned rd = DIF_INSTR_RD(in);
		const char *vn;

		fprintf(fp, "%02u: %08x    %-7s ", i, in, nm);
		switch (op) {
		case DIF_OP_OR: case DIF_OP_XOR: case DIF_OP_AND:
		case DIF_OP_SLL: case DIF_OP_SRL: case DIF_OP_SRA:
		case DIF_OP_SUB: case DIF_OP_ADD: case DIF_OP_MUL:
		case DIF_OP_SDIV: case DIF_OP_UDIV: case DIF_OP_SREM:
		case DIF_OP_UREM: case DIF_OP_COPYS:
			fprintf(fp, "%%r%u, %%r%u, %%r%u", r1, r2, rd);
			break;
		case DIF_OP_NOT: case DIF_OP_MOV: case DIF_OP_ALLOCS:
			fprintf(fp, "%%r%u, %%r%u", r1, rd);
			break;
		case DIF_OP_CMP: case DIF_OP_SCMP:
			fprintf(fp, "%%r%u, %%r%u", r1, r2);
			break;
		case DIF_OP_TST:
			fprintf(fp, "%%r%u", r1);
			break;
		case DIF_OP_BA: case DIF_OP_BE: case DIF_OP_BNE:
		case DIF_OP_BG: case DIF_OP_BGU: case DIF_OP_BGE:
		case DIF_OP_BGEU: case DIF_OP_BL: case DIF_OP_BLU:
		case DIF_OP_BLE: case DIF_OP_BLEU:
			fprintf(fp, "%u", DIF_INSTR_LABEL(in));
			break;
		case DIF_OP_LDSB: case DIF_OP_LDSH: case DIF_OP_LDSW:
		case DIF_OP_LDUB: case DIF_OP_LDUH: case DIF_OP_LDUW:
		case DIF_OP_LDX: case DIF_OP_ULDSB: case DIF_OP_ULDSH:
		case DIF_OP_ULDSW: case DIF_OP_ULDUB: case DIF_OP_ULDUH:
		case DIF_OP_ULDUW: case DIF_OP_ULDX:
			fprintf(fp, "[%%r%u], %%r%u", r1, rd);
			break;
		case DIF_OP_STB: case DIF_OP_STH: case DIF_OP_STW:
		case DIF_OP_STX:
			fprintf(fp, "%%r%u, [%%r%u]", r1, rd);
			break;
		case DIF_OP_RET:
			fprintf(fp, "%%r%u", rd);
			break;
		case DIF_OP_SETX:
			fprintf(fp, "DT_INTEGER[%u], %%r%u",
				DIF_INSTR_INTEGER(in), rd);
			if (DIF_INSTR_INTEGER(in) < h->nint)
				fprintf(fp, "\t! 0x%" PRIx64,
					itab[DIF_INSTR_INTEGER(in)]);
			break;
		case DIF_OP_SETS:
			fprintf(fp, "DT_STRING[%u], %%r%u",
				DIF_INSTR_STRING(in), rd);
			if (DIF_INSTR_STRING(in) < h->strlen)
				fprintf(fp, "\t! \"%s\"",
					stab + DIF_INSTR_STRING(in));
			break;
		case DIF_OP_LDGA:
			fprintf(fp, "DT_VAR(%u), %%r%u, %%r%u", r1, r2, rd);
			break;
		case DIF_OP_LDGS: case DIF_OP_LDTS: case DIF_OP_LDLS:
		case DIF_OP_LDGAA: case DIF_OP_LDTAA: case DIF_OP_LDTA:
			vn = varname(DIF_INSTR_VAR(in));
			fprintf(fp, "DT_VAR(%u), %%r%u", DIF_INSTR_VAR(in), rd);
			if (vn)
				fprintf(fp, "\t! %s", vn);
			break;
		case DIF_OP_STGS: case DIF_OP_STTS: case DIF_OP_STLS:
		case DIF_OP_STGAA: case DIF_OP_STTAA:
			fprintf(fp, "%%r%u, DT_VAR(%u)", rd, DIF_INSTR_VAR(in));
			break;
		case DIF_OP_CALL:
			fprintf(fp, "DIF_SUBR(%u), %%r%u", DIF_INSTR_SUBR(in),
				rd);
			if (DIF_INSTR_SUBR(in) <= DIF_SUBR_MAX)
				fprintf(fp, "\t! %s",
					subrnames[DIF_INSTR_SUBR(in)]);
			break;
		case DIF_OP_PUSHTR: case DIF_OP_PUSHTV:
			fprintf(fp, "DT_TYPE(%u), %%r%u, %%r%u",
				DIF_INSTR_TYPE(in), r2, rd);
			break;
		default:
			break;
		}
		fputc('\n', fp);
	}
	if (h->nvar) {
		fprintf(fp, "\nNAME             ID     KND SCP FLAG TYPE\n");
		for (i = 0; i < h->nvar; i++) {
			const struct dtrace_difv *v = &vtab[i];

			type_str(&v->type, tb, sizeof(tb));
			fprintf(fp, "%-16s %-6x %-3s %-3s %-4s %s\n",
				v->name < h->strlen ? stab + v->name : "?",
				v->id, v->kind == DIFV_KIND_ARRAY ? "arr" :
				"scl", v->scope == DIFV_SCOPE_GLOBAL ? "glb" :
				v->scope == DIFV_SCOPE_THREAD ? "tls" : "loc",
				(v->flags & DIFV_F_MOD) ? "w" : "r", tb);
		}
	}
	fputc('\n', fp);
}

int dt_disassemble(FILE *fp, const struct dt_prog *prog)
{
	const struct dtrace_enable_hdr *h = prog->hdr;
	const char *p = (const char *)prog->blob + sizeof(*h);
	const char *end = (const char *)prog->blob + prog->bloblen;
	uint32_t c, a, k;
	char title[128];

	if (!h)
		return -1;
	fprintf(fp, "DIF enabling: %u clause(s), %u byte(s), strsize %u, "
		"%u global, %u thread-local, %u clause-local variable(s), "
		"%u aggregation(s)\n\n", h->nclauses, h->size, h->strsize,
		h->ngvars, h->ntvars, h->nlvars, h->naggs);
	for (c = 0; c < h->nclauses; c++) {
		const struct dtrace_clause_hdr *ch = (const void *)p;
		const char *q = p + sizeof(*ch);

		if ((size_t)(end - p) < sizeof(*ch) || ch->size > end - p)
			return -1;
		fprintf(fp, "Clause %u: %s:%s:%s:%s (%s), record %u byte(s)%s\n",
			c, ch->desc.provider, ch->desc.mod, ch->desc.func,
			ch->desc.name, c < (uint32_t)prog->nclauses ?
			prog->clauses[c].desc_text : "?", ch->recsize,
			(ch->flags & DTRACE_CLAUSE_NOREC) ? ", no record" : "");
		if (ch->flags & DTRACE_CLAUSE_PRED) {
			const struct dtrace_difo_hdr *dh = (const void *)q;

			dt_dis_difo(fp, q, p + ch->size - q, "Predicate");
			q += dh->size;
		}
		for (a = 0; a < ch->nactions; a++) {
			const struct dtrace_action_hdr *ah = (const void *)q;
			const char *r = q + sizeof(*ah);

			fprintf(fp, "Action %u: %s recoff %u recsize %u arg "
				"%" PRIu64 " arg2 0x%" PRIx64 " aggid %u "
				"nkeys %u\n", a, ah->kind <= DTRACEACT_MAX ?
				actnames[ah->kind] : "?", ah->recoff,
				ah->recsize, (uint64_t)ah->arg,
				(uint64_t)ah->arg2, ah->aggid, ah->nkeys);
			for (k = 0; k < ah->ndifo; k++) {
				const struct dtrace_difo_hdr *dh =
					(const void *)r;

				snprintf(title, sizeof(title),
					 "Action %u DIFO %u", a, k);
				dt_dis_difo(fp, r, q + ah->size - r, title);
				r += dh->size;
			}
			q += ah->size;
		}
		p += ch->size;
	}
	return 0;
}
