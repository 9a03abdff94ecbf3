/* DIF validation: parse, copy and check every DIF object of an enabling */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dtrace_difo_create() turns the bytes of one DIF object inside an enabling
 * blob into a kernel-owned struct dtrace_difo, and refuses anything the
 * emulator (430) could not run safely.  After it succeeds the emulator may
 * assume, without checking again:
 *
 *  - every opcode is one it implements (LDTA, reserved, is refused);
 *  - every register field an instruction uses is < DIF_DIR_NREGS, and no
 *    instruction writes %r0;
 *  - every branch goes strictly forward to an instruction inside the
 *    object, and the last instruction is RET, so execution ends within
 *    difo->len steps;
 *  - SETX indexes the integer table, SETS points at a NUL-terminated string
 *    inside the string table;
 *  - variable IDs are known built-ins (loads only) or user IDs inside the
 *    consumer's ranges for their scope; LDGA reads only args[];
 *  - CALL names a subroutine that exists, destructive ones only with -w;
 *  - tuple pushes carry a known type.
 *
 * Encodings dtrace.h leaves implicit, as the compiler emits them:
 *  - LDGA: op:8 var:8 (the r1 field, only DIF_VAR_ARGS) r2:8 (index
 *    register) rd:8;
 *  - COPYS r1, r2, rd and STB..STX r1, [rd]: rd is read (the destination
 *    address), not written, so rd may be %r0 (it then faults at run time);
 *  - fields an instruction does not use are ignored.
 *
 * Layout of the kernel copy: one kvzalloc'd block holding struct
 * dtrace_difo_priv, the instructions, the integer table, the variable
 * table, the string table (plus one NUL) and one word per instruction:
 * DTRACE_DIFI_STRVAR if the variable it names is a string, or
 * DTRACE_DIFI_REFVAR and the size if it is a by-reference object (a struct
 * or union of at most max(8, strsize) bytes, in a variable of any scope or
 * an array element), from the object's variable table.
 *
 * Calls: kvzalloc/kvfree, memcpy, snprintf.  Process context only.
 */

#define DTRACE_DIFI_STRVAR	0x1	/* names a string variable */
#define DTRACE_DIFI_REFVAR	0x2	/* names a by-reference variable */
#define DTRACE_DIFI_TARGET	0x4	/* a branch goes here */
#define DTRACE_DIFI_SIZE(f)	((f) >> 8)	/* its size */
#define DTRACE_DIF_MAXVARS	4096	/* variable table entries */

struct dtrace_difo_priv {
	struct dtrace_difo difo;
	u32 *iflags;			/* per instruction: DTRACE_DIFI_* */
};

static inline const struct dtrace_difo_priv *
dtrace_difo_priv(const struct dtrace_difo *difo)
{
	return container_of(difo, const struct dtrace_difo_priv, difo);
}

/* Does instruction pc of difo name a string-typed variable? */
static inline bool dtrace_difo_strvar(const struct dtrace_difo *difo, u32 pc)
{
	return dtrace_difo_priv(difo)->iflags[pc] & DTRACE_DIFI_STRVAR;
}

/* Size of the by-reference variable instruction pc names, or 0. */
static inline u32 dtrace_difo_refvar(const struct dtrace_difo *difo, u32 pc)
{
	u32 f = dtrace_difo_priv(difo)->iflags[pc];

	return (f & DTRACE_DIFI_REFVAR) ? DTRACE_DIFI_SIZE(f) : 0;
}

static void dtrace_difo_destroy(struct dtrace_difo *difo)
{
	if (difo)
		kvfree(container_of(difo, struct dtrace_difo_priv, difo));
}

static __printf(3, 4) int dtrace_difo_err(struct dtrace_verr *err, u32 offset,
					  const char *fmt, ...)
{
	va_list ap;

	if (err) {
		err->offset = offset;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* Classes of instructions: which fields they use. */
enum {
	DIFC_BAD = 0,
	DIFC_ARITH,		/* r1, r2 -> rd */
	DIFC_UNARY,		/* r1 -> rd */
	DIFC_CMP,		/* r1, r2 */
	DIFC_TST,		/* r1 */
	DIFC_BRANCH,		/* label */
	DIFC_LOAD,		/* [r1] -> rd */
	DIFC_RET,		/* rd (read) */
	DIFC_NOP,
	DIFC_SETX,		/* intidx -> rd */
	DIFC_SETS,		/* stroff -> rd */
	DIFC_LDGA,		/* var (r1 field), r2 -> rd */
	DIFC_LDV,		/* var -> rd */
	DIFC_STV,		/* rs -> var */
	DIFC_CALL,		/* subr -> rd */
	DIFC_PUSHT,		/* type, r2, rs */
	DIFC_TUPLE,		/* popts, flushts */
	DIFC_ALLOCS,		/* r1 -> rd */
	DIFC_COPYS,		/* r1, r2, rd (all read) */
	DIFC_STORE,		/* r1 -> [rd] (both read) */
};

static u8 dtrace_dif_opclass(u32 op)
{
	switch (op) {
	case DIF_OP_OR: case DIF_OP_XOR: case DIF_OP_AND: case DIF_OP_SLL:
	case DIF_OP_SRL: case DIF_OP_SUB: case DIF_OP_ADD: case DIF_OP_MUL:
	case DIF_OP_SDIV: case DIF_OP_UDIV: case DIF_OP_SREM:
	case DIF_OP_UREM: case DIF_OP_SRA:
		return DIFC_ARITH;
	case DIF_OP_NOT: case DIF_OP_MOV:
		return DIFC_UNARY;
	case DIF_OP_CMP: case DIF_OP_SCMP:
		return DIFC_CMP;
	case DIF_OP_TST:
		return DIFC_TST;
	case DIF_OP_BA: case DIF_OP_BE: case DIF_OP_BNE: case DIF_OP_BG:
	case DIF_OP_BGU: case DIF_OP_BGE: case DIF_OP_BGEU: case DIF_OP_BL:
	case DIF_OP_BLU: case DIF_OP_BLE: case DIF_OP_BLEU:
		return DIFC_BRANCH;
	case DIF_OP_LDSB: case DIF_OP_LDSH: case DIF_OP_LDSW:
	case DIF_OP_LDUB: case DIF_OP_LDUH: case DIF_OP_LDUW: case DIF_OP_LDX:
	case DIF_OP_ULDSB: case DIF_OP_ULDSH: case DIF_OP_ULDSW:
	case DIF_OP_ULDUB: case DIF_OP_ULDUH: case DIF_OP_ULDUW:
	case DIF_OP_ULDX:
		return DIFC_LOAD;
	case DIF_OP_RET:
		return DIFC_RET;
	case DIF_OP_NOP:
		return DIFC_NOP;
	case DIF_OP_SETX:
		return DIFC_SETX;
	case DIF_OP_SETS:
		return DIFC_SETS;
	case DIF_OP_LDGA:
		return DIFC_LDGA;
	case DIF_OP_LDGS: case DIF_OP_LDTS: case DIF_OP_LDLS:
	case DIF_OP_LDGAA: case DIF_OP_LDTAA:
		return DIFC_LDV;
	case DIF_OP_STGS: case DIF_OP_STTS: case DIF_OP_STLS:
	case DIF_OP_STGAA: case DIF_OP_STTAA:
		return DIFC_STV;
	case DIF_OP_CALL:
		return DIFC_CALL;
	case DIF_OP_PUSHTR: case DIF_OP_PUSHTV:
		return DIFC_PUSHT;
	case DIF_OP_POPTS: case DIF_OP_FLUSHTS:
		return DIFC_TUPLE;
	case DIF_OP_ALLOCS:
		return DIFC_ALLOCS;
	case DIF_OP_COPYS:
		return DIFC_COPYS;
	case DIF_OP_STB: case DIF_OP_STH: case DIF_OP_STW: case DIF_OP_STX:
		return DIFC_STORE;
	default:
		return DIFC_BAD;	/* includes LDTA (reserved) */
	}
}

/* Built-in variables that LDGS may read. */
static bool dtrace_dif_builtin_ok(u32 id)
{
	return id >= DIF_VAR_CURTHREAD && id <= DIF_VAR_CPU;
}

/* Scope, kind and per-consumer ID limit of a variable instruction. */
static void dtrace_dif_varop(u32 op, u8 *scope, u8 *kind)
{
	switch (op) {
	case DIF_OP_LDTS: case DIF_OP_STTS:
		*scope = DIFV_SCOPE_THREAD;
		*kind = DIFV_KIND_SCALAR;
		break;
	case DIF_OP_LDLS: case DIF_OP_STLS:
		*scope = DIFV_SCOPE_LOCAL;
		*kind = DIFV_KIND_SCALAR;
		break;
	case DIF_OP_LDGAA: case DIF_OP_STGAA:
		*scope = DIFV_SCOPE_GLOBAL;
		*kind = DIFV_KIND_ARRAY;
		break;
	case DIF_OP_LDTAA: case DIF_OP_STTAA:
		*scope = DIFV_SCOPE_THREAD;
		*kind = DIFV_KIND_ARRAY;
		break;
	default:	/* LDGS, STGS */
		*scope = DIFV_SCOPE_GLOBAL;
		*kind = DIFV_KIND_SCALAR;
		break;
	}
}

static u32 dtrace_dif_nvars(const struct dtrace_vlimits *lim, u8 scope)
{
	switch (scope) {
	case DIFV_SCOPE_GLOBAL:
		return lim->ngvars;
	case DIFV_SCOPE_THREAD:
		return lim->ntvars;
	default:
		return lim->nlvars;
	}
}

static bool dtrace_dif_userid_ok(const struct dtrace_vlimits *lim, u8 scope,
				 u32 id)
{
	return id >= DIF_VAR_OTHER_UBASE && id <= DIF_VAR_OTHER_MAX &&
	       id - DIF_VAR_OTHER_UBASE < dtrace_dif_nvars(lim, scope);
}

static const char *const dtrace_dif_scopename[] = {
	"global", "thread-local", "clause-local"
};

/* Check the variable table; all names must lie inside the string table. */
static int dtrace_difo_check_vars(const struct dtrace_difo *d,
				  const struct dtrace_vlimits *lim,
				  struct dtrace_verr *err)
{
	u32 i;

	for (i = 0; i < d->varlen; i++) {
		const struct dtrace_difv *v = &d->vartab[i];

		if (v->scope > DIFV_SCOPE_LOCAL)
			return dtrace_difo_err(err, ~0U,
				"variable %u: invalid scope %u", i, v->scope);
		if (v->kind > DIFV_KIND_SCALAR)
			return dtrace_difo_err(err, ~0U,
				"variable %u: invalid kind %u", i, v->kind);
		if (v->kind == DIFV_KIND_ARRAY &&
		    v->scope == DIFV_SCOPE_LOCAL)
			return dtrace_difo_err(err, ~0U,
				"variable %u: clause-local arrays are not supported",
				i);
		if (!dtrace_dif_userid_ok(lim, v->scope, v->id))
			return dtrace_difo_err(err, ~0U,
				"variable %u: invalid %s variable id %#x",
				i, dtrace_dif_scopename[v->scope], v->id);
		if (v->name >= d->strlen)
			return dtrace_difo_err(err, ~0U,
				"variable %u: name offset %u outside string table",
				i, v->name);
		if (!dtrace_str_terminated(d->strtab + v->name,
					   d->strlen - v->name))
			return dtrace_difo_err(err, ~0U,
				"variable %u: unterminated name", i);
		if (v->type.kind == DIF_TYPE_CTF) {
			/*
			 * By-reference objects (structs, unions) of any
			 * scope and kind: at most the size of a scalar slot,
			 * which is also the size of the per-CPU buffer a
			 * dynamic variable's value is built in (410).
			 */
			if ((v->type.flags & DIF_TF_BYREF) &&
			    (v->type.size == 0 ||
			     v->type.size > max_t(u32, 8, lim->strsize)))
				return dtrace_difo_err(err, ~0U,
					"variable %u: by-reference size %u outside 1..max(8, strsize)",
					i, v->type.size);
		} else if (v->type.kind != DIF_TYPE_STRING) {
			return dtrace_difo_err(err, ~0U,
				"variable %u: invalid type kind %u",
				i, v->type.kind);
		}
	}
	return 0;
}

static const struct dtrace_difv *
dtrace_difo_findvar(const struct dtrace_difo *d, u32 id, u8 scope)
{
	u32 i;

	for (i = 0; i < d->varlen; i++)
		if (d->vartab[i].id == id && d->vartab[i].scope == scope)
			return &d->vartab[i];
	return NULL;
}

#define DIF_REGOK(r)	((r) < DIF_DIR_NREGS)

static int dtrace_difo_check_instr(struct dtrace_difo_priv *dp, u32 pc,
				   const struct dtrace_vlimits *lim,
				   struct dtrace_verr *err)
{
	const struct dtrace_difo *d = &dp->difo;
	u32 in = d->buf[pc];
	u32 op = DIF_INSTR_OP(in), r1 = DIF_INSTR_R1(in);
	u32 r2 = DIF_INSTR_R2(in), rd = DIF_INSTR_RD(in);
	u32 bad = ~0U, v;
	bool writes = false;
	u8 cls = dtrace_dif_opclass(op);
	u8 scope, kind;
	const struct dtrace_difv *var;

	switch (cls) {
	case DIFC_BAD:
		if (op == DIF_OP_LDTA)
			return dtrace_difo_err(err, pc,
				"unsupported opcode ldta at %u", pc);
		return dtrace_difo_err(err, pc, "invalid opcode %u at %u",
				       op, pc);
	case DIFC_ARITH:
	case DIFC_COPYS:
		bad = !DIF_REGOK(r1) ? r1 : !DIF_REGOK(r2) ? r2 :
		      !DIF_REGOK(rd) ? rd : bad;
		writes = cls == DIFC_ARITH;
		break;
	case DIFC_UNARY:
	case DIFC_LOAD:
	case DIFC_ALLOCS:
	case DIFC_STORE:
		bad = !DIF_REGOK(r1) ? r1 : !DIF_REGOK(rd) ? rd : bad;
		writes = cls != DIFC_STORE;
		break;
	case DIFC_CMP:
		bad = !DIF_REGOK(r1) ? r1 : !DIF_REGOK(r2) ? r2 : bad;
		break;
	case DIFC_TST:
		bad = !DIF_REGOK(r1) ? r1 : bad;
		break;
	case DIFC_RET:
		bad = !DIF_REGOK(rd) ? rd : bad;
		break;
	case DIFC_BRANCH:
		v = DIF_INSTR_LABEL(in);
		if (v <= pc)
			return dtrace_difo_err(err, pc,
				"backward branch at %u (to %u)", pc, v);
		if (v >= d->len)
			return dtrace_difo_err(err, pc,
				"branch past end at %u (to %u)", pc, v);
		break;
	case DIFC_NOP:
	case DIFC_TUPLE:
		break;
	case DIFC_SETX:
		bad = !DIF_REGOK(rd) ? rd : bad;
		writes = true;
		v = DIF_INSTR_INTEGER(in);
		if (v >= d->intlen)
			return dtrace_difo_err(err, pc,
				"invalid integer table index %u at %u", v, pc);
		break;
	case DIFC_SETS:
		bad = !DIF_REGOK(rd) ? rd : bad;
		writes = true;
		v = DIF_INSTR_STRING(in);
		if (v >= d->strlen)
			return dtrace_difo_err(err, pc,
				"invalid string table offset %u at %u", v, pc);
		if (!dtrace_str_terminated(d->strtab + v, d->strlen - v))
			return dtrace_difo_err(err, pc,
				"unterminated string at %u", pc);
		break;
	case DIFC_LDGA:
		bad = !DIF_REGOK(r2) ? r2 : !DIF_REGOK(rd) ? rd : bad;
		writes = true;
		if (r1 != DIF_VAR_ARGS)
			return dtrace_difo_err(err, pc,
				"ldga of unknown array variable %#x at %u",
				r1, pc);
		break;
	case DIFC_LDV:
	case DIFC_STV:
		bad = !DIF_REGOK(rd) ? rd : bad;
		writes = cls == DIFC_LDV;
		v = DIF_INSTR_VAR(in);
		dtrace_dif_varop(op, &scope, &kind);
		if (v < DIF_VAR_OTHER_UBASE) {
			if (v == DIF_VAR_ARGS)
				return dtrace_difo_err(err, pc,
					"args[] is read-only and read with ldga at %u",
					pc);
			if (op != DIF_OP_LDGS)
				return dtrace_difo_err(err, pc,
					dtrace_dif_builtin_ok(v) ?
					"built-in variable %#x is read-only at %u" :
					"invalid variable id %#x at %u", v, pc);
			if (!dtrace_dif_builtin_ok(v))
				return dtrace_difo_err(err, pc,
					"invalid variable id %#x at %u", v, pc);
			break;
		}
		if (!dtrace_dif_userid_ok(lim, scope, v))
			return dtrace_difo_err(err, pc,
				"invalid %s variable id %#x at %u",
				dtrace_dif_scopename[scope], v, pc);
		var = dtrace_difo_findvar(d, v, scope);
		if (var) {
			if (var->kind != kind)
				return dtrace_difo_err(err, pc,
					"variable %#x used as %s at %u",
					v, kind == DIFV_KIND_ARRAY ?
					"an array" : "a scalar", pc);
			if (var->type.kind == DIF_TYPE_STRING)
				dp->iflags[pc] |= DTRACE_DIFI_STRVAR;
			else if (var->type.flags & DIF_TF_BYREF)
				dp->iflags[pc] |= DTRACE_DIFI_REFVAR |
						  var->type.size << 8;
		}
		break;
	case DIFC_CALL:
		bad = !DIF_REGOK(rd) ? rd : bad;
		writes = true;
		v = DIF_INSTR_SUBR(in);
		if (v > DIF_SUBR_MAX)
			return dtrace_difo_err(err, pc,
				"invalid subroutine %u at %u", v, pc);
		if ((v == DIF_SUBR_COPYOUT || v == DIF_SUBR_COPYOUTSTR) &&
		    !lim->destructive)
			return dtrace_difo_err(err, pc,
				"destructive subroutine %s at %u needs destructive actions enabled (-w)",
				v == DIF_SUBR_COPYOUT ? "copyout" :
				"copyoutstr", pc);
		break;
	case DIFC_PUSHT:
		bad = !DIF_REGOK(r2) ? r2 : !DIF_REGOK(rd) ? rd : bad;
		v = DIF_INSTR_TYPE(in);
		if (v != DIF_TYPE_CTF && v != DIF_TYPE_STRING)
			return dtrace_difo_err(err, pc,
				"invalid tuple type %u at %u", v, pc);
		break;
	}

	if (bad != ~0U)
		return dtrace_difo_err(err, pc, "invalid register %u at %u",
				       bad, pc);
	if (writes && rd == 0)
		return dtrace_difo_err(err, pc, "write to %%r0 at %u", pc);
	return 0;
}

/*
 * Worst-case cost of one run.  Branches only go forward, so a run executes
 * each instruction at most once and its cost is at most the sum of what
 * every instruction can cost; the framework adds the clause's own work
 * (500) and compares the sum with CONFIG_DTRACE_CLAUSE_COST_MAX.
 *
 * One cost unit is about the time to touch one byte in a string or copy
 * loop; the other weights were measured in user space against it
 * (`make -C test/unit bench`, test/unit/bench-cost.c: maxlen copies of
 * the costliest form of an instruction, each at strsize 256, 4096 and
 * 65536; on the build machine every kind ran in 0.02 to 0.3 ns per unit,
 * SCMP, the costliest, 0.5 ns in the worst case):
 *
 *  - every instruction: DTRACE_COST_INSTR;
 *  - loads from memory the DIF layer does not own: DTRACE_COST_LOAD;
 *  - strings (S = strsize): SCMP reads two strings in 64-byte pieces
 *    through the checked loads, 4S (the costliest per byte); storing a string
 *    variable clears, reads and copies it, 3S; a tuple key holds up to the
 *    object's tuple depth of strings, each read and hashed (2S), plus a
 *    hash lookup (DTRACE_COST_HASH) and the value copy;
 *  - subroutines: their loops over strings (index/rindex/strstr compare
 *    every position with the whole pattern: S * S / 4), copies into
 *    scratch (alloca, bcopy, copyin, copyinto, ALLOCS, COPYS: the scratch
 *    size, Z, since their length is a run-time value, except for an
 *    ALLOCS whose size a SETX right before it sets, the compiler's
 *    pattern for a struct variable: that size);
 *  - stack walks (stackdepth, ustackdepth): DTRACE_COST_STACK;
 *  - the first clause-local access of a firing clears nlvars slots.
 */
#define DTRACE_COST_INSTR	4
#define DTRACE_COST_LOAD	20
#define DTRACE_COST_CALL	40
#define DTRACE_COST_HASH	200
#define DTRACE_COST_STACK	(DTRACE_STACK_MAXDEPTH * 40)

static u64 dtrace_difo_subr_cost(u32 subr, u64 s, u64 z)
{
	switch (subr) {
	case DIF_SUBR_STRLEN: case DIF_SUBR_COPYINSTR:
	case DIF_SUBR_LLTOSTR: case DIF_SUBR_INET_NTOP:
	case DIF_SUBR_INET_NTOA: case DIF_SUBR_INET_NTOA6:
	case DIF_SUBR_D_EXECARGS:
		return 2 * s;
	case DIF_SUBR_STRJOIN: case DIF_SUBR_SUBSTR: case DIF_SUBR_TOUPPER:
	case DIF_SUBR_TOLOWER: case DIF_SUBR_STRINGOF:
	case DIF_SUBR_COPYOUTSTR: case DIF_SUBR_STRCHR:
	case DIF_SUBR_STRRCHR:
		return 4 * s;
	case DIF_SUBR_BASENAME: case DIF_SUBR_DIRNAME:
	case DIF_SUBR_CLEANPATH: case DIF_SUBR_STRTOK:
		return 8 * s;
	case DIF_SUBR_STRSTR: case DIF_SUBR_INDEX: case DIF_SUBR_RINDEX:
		return 4 * s + s * s / 4;
	case DIF_SUBR_COPYIN: case DIF_SUBR_COPYINTO: case DIF_SUBR_BCOPY:
	case DIF_SUBR_ALLOCA: case DIF_SUBR_COPYOUT:
		return 2 * z;
	case DIF_SUBR_PROGENYOF:	/* a walk up to 4096 parents */
		return 4096 * DTRACE_COST_LOAD;
	default:
		return 0;
	}
}

/*
 * The constant register r holds at pc if the instruction just before
 * (not a branch target) is a SETX into r; else ~0 (unknown).
 */
static u64 dtrace_difo_setx(const struct dtrace_difo_priv *dp, u32 pc, u32 r)
{
	const struct dtrace_difo *d = &dp->difo;
	u32 in;

	if (pc == 0 || (dp->iflags[pc] & DTRACE_DIFI_TARGET))
		return ~0ULL;
	in = d->buf[pc - 1];
	if (DIF_INSTR_OP(in) != DIF_OP_SETX || DIF_INSTR_RD(in) != r)
		return ~0ULL;
	return d->inttab[DIF_INSTR_INTEGER(in)];
}

static u64 dtrace_difo_cost(struct dtrace_difo_priv *dp,
			    const struct dtrace_vlimits *lim)
{
	const struct dtrace_difo *d = &dp->difo;
	u64 s = lim->strsize, z = DTRACE_SCRATCH_SIZE(lim->strsize);
	u64 slot = DTRACE_ALIGN8(max_t(u64, 8, s) + 8), keymax, c, cost = 0;
	u32 pc, in, op, v, npush = 0;
	bool locals = false;

	for (pc = 0; pc < d->len; pc++) {
		op = DIF_INSTR_OP(d->buf[pc]);
		if (op == DIF_OP_PUSHTR || op == DIF_OP_PUSHTV)
			npush++;
		if (dtrace_dif_opclass(op) == DIFC_BRANCH)
			dp->iflags[DIF_INSTR_LABEL(d->buf[pc])] |=
				DTRACE_DIFI_TARGET;
	}
	npush = min_t(u32, npush, DIF_DTR_NREGS);
	keymax = 16 + npush * (4 + slot);

	for (pc = 0; pc < d->len; pc++) {
		in = d->buf[pc];
		op = DIF_INSTR_OP(in);
		c = DTRACE_COST_INSTR;
		switch (dtrace_dif_opclass(op)) {
		case DIFC_LOAD:
			c += DTRACE_COST_LOAD;
			break;
		case DIFC_CMP:
			if (op == DIF_OP_SCMP)
				c += 4 * s;
			break;
		case DIFC_LDV:
		case DIFC_STV:
			v = DIF_INSTR_VAR(in);
			if (op == DIF_OP_LDGS && v < DIF_VAR_OTHER_UBASE) {
				if (v == DIF_VAR_STACKDEPTH ||
				    v == DIF_VAR_USTACKDEPTH ||
				    v == DIF_VAR_UCALLER)
					c += DTRACE_COST_STACK;
				else
					c += DTRACE_COST_CALL;
				break;
			}
			if (op == DIF_OP_LDLS || op == DIF_OP_STLS)
				locals = true;
			if (op == DIF_OP_STGS || op == DIF_OP_STLS)
				c += 3 * slot;
			else if (op != DIF_OP_LDGS && op != DIF_OP_LDLS)
				/* dynamic: key, hash, value */
				c += 2 * keymax + DTRACE_COST_HASH + 3 * slot;
			break;
		case DIFC_CALL:
			c += DTRACE_COST_CALL +
			     dtrace_difo_subr_cost(DIF_INSTR_SUBR(in), s, z);
			break;
		case DIFC_ALLOCS:
			c += min_t(u64, z, dtrace_difo_setx(dp, pc,
							    DIF_INSTR_R1(in)));
			break;
		case DIFC_COPYS:
			c += z;
			break;
		default:
			break;
		}
		cost += c;
	}
	if (locals)
		cost += (u64)lim->nlvars * slot;
	return cost;
}

static int dtrace_difo_create(const void *p, size_t avail,
			      const struct dtrace_vlimits *lim,
			      struct dtrace_difo **out, size_t *used,
			      struct dtrace_verr *err)
{
	struct dtrace_difo_hdr h;
	struct dtrace_difo_priv *dp;
	struct dtrace_difo *d;
	u64 ioff, xoff, voff, soff, total, fsize, asize;
	const u8 *src = p;
	u8 *blk;
	u32 pc;
	int rc;

	*out = NULL;
	if (used)
		*used = 0;
	if (!p || avail < sizeof(h))
		return dtrace_difo_err(err, ~0U,
				       "DIF object header truncated");
	memcpy(&h, p, sizeof(h));
	if (h.size % 8)
		return dtrace_difo_err(err, ~0U,
			"DIF object size %u is not a multiple of 8", h.size);
	if (h.size < sizeof(h) || h.size > avail)
		return dtrace_difo_err(err, ~0U,
			"DIF object size %u outside the %zu bytes available",
			h.size, avail);
	if (h.ninstr == 0)
		return dtrace_difo_err(err, ~0U,
				       "DIF object has no instructions");
	if (h.ninstr > lim->maxlen)
		return dtrace_difo_err(err, ~0U,
			"DIF object has %u instructions, more than the limit %u",
			h.ninstr, lim->maxlen);

	if (h.nint > 0x10000)
		return dtrace_difo_err(err, ~0U,
			"integer table of %u entries is too large", h.nint);
	if (h.nvar > DTRACE_DIF_MAXVARS)
		return dtrace_difo_err(err, ~0U,
			"variable table of %u entries is too large (max %u)",
			h.nvar, DTRACE_DIF_MAXVARS);
	if (h.strlen > 0x10000)
		return dtrace_difo_err(err, ~0U,
			"string table of %u bytes is too large", h.strlen);

	/* All counts are u32: these sums cannot overflow 64 bits. */
	ioff = sizeof(h);
	xoff = ioff + DTRACE_ALIGN8((u64)h.ninstr * sizeof(u32));
	voff = xoff + (u64)h.nint * sizeof(u64);
	soff = voff + (u64)h.nvar * sizeof(struct dtrace_difv);
	total = soff + DTRACE_ALIGN8((u64)h.strlen);
	if (total != h.size)
		return dtrace_difo_err(err, ~0U,
			"DIF object size %u does not match its tables (%llu bytes)",
			h.size, (unsigned long long)total);
	/* One block: priv, instrs, ints, vars, strings + NUL, iflags. */
	fsize = (total - sizeof(h)) + 8;
	asize = sizeof(*dp) + fsize + (u64)h.ninstr * sizeof(u32);
	blk = kvzalloc(asize, DTRACE_GFP_CONSUMER);
	if (!blk)
		return -ENOMEM;
	dp = (struct dtrace_difo_priv *)blk;
	d = &dp->difo;
	blk += sizeof(*dp);
	memcpy(blk, src + ioff, total - ioff);
	d->buf = (u32 *)blk;
	d->len = h.ninstr;
	d->inttab = (u64 *)(blk + (xoff - ioff));
	d->intlen = h.nint;
	d->vartab = (struct dtrace_difv *)(blk + (voff - ioff));
	d->varlen = h.nvar;
	d->strtab = (char *)(blk + (soff - ioff));
	d->strlen = h.strlen;
	d->rtype = h.rtype;
	dp->iflags = (u32 *)(blk + fsize);
	if (!h.nint)
		d->inttab = NULL;
	if (!h.nvar)
		d->vartab = NULL;

	rc = dtrace_difo_check_vars(d, lim, err);
	if (rc)
		goto fail;

	if (d->rtype.kind == DIF_TYPE_STRING) {
		if (d->rtype.size != lim->strsize) {
			rc = dtrace_difo_err(err, ~0U,
				"string return type has size %u, not strsize %u",
				d->rtype.size, lim->strsize);
			goto fail;
		}
	} else if (d->rtype.kind != DIF_TYPE_CTF) {
		rc = dtrace_difo_err(err, ~0U, "invalid return type kind %u",
				     d->rtype.kind);
		goto fail;
	} else if (!(d->rtype.flags & DIF_TF_BYREF) && d->rtype.size > 8) {
		rc = dtrace_difo_err(err, ~0U,
			"by-value return type of %u bytes (at most 8)",
			d->rtype.size);
		goto fail;
	}

	for (pc = 0; pc < d->len; pc++) {
		rc = dtrace_difo_check_instr(dp, pc, lim, err);
		if (rc)
			goto fail;
	}
	if (DIF_INSTR_OP(d->buf[d->len - 1]) != DIF_OP_RET) {
		rc = dtrace_difo_err(err, d->len - 1,
				     "last instruction must be ret");
		goto fail;
	}

	d->cost = dtrace_difo_cost(dp, lim);
	*out = d;
	if (used)
		*used = h.size;
	return 0;

fail:
	kvfree(dp);
	return rc;
}
