/* DIF emulation: the register machine that runs predicates and actions */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dtrace_dif_emulate() runs a DIF object that dtrace_difo_create() (400)
 * accepted, so it does not check again what the validator proved (opcodes,
 * register numbers, labels, table indexes, variable ID ranges against the
 * limits of the enabling).  It checks everything that depends on run-time
 * values: addresses (fault-checked loads, stores only into scratch),
 * alignment, division by zero, scratch space, tuple stack depth, argument
 * counts, and variable IDs against the vstate actually passed.
 *
 * Faults: the first fault sets DTRACE_MSTATE_FAULT, fault, illval and
 * difoff (the instruction index) in the mstate and the emulator returns 0
 * at once.  If the mstate already carries a fault, it returns 0 without
 * running anything.
 *
 * Condition codes: CMP and TST record the signed and the unsigned order of
 * their operands; SCMP records the string order as the signed one and only
 * equality as the unsigned one (DTrace clears the carry for strings).
 *
 * Probe context: never sleeps or allocates; at most difo->len steps.
 */

/*
 * stackdepth: frames of the kernel stack at the probe site.  As for
 * stack(), dtrace.ko's own frames (the emulator, the probe path) are not
 * counted.  noinline: the PC buffer stays off the emulator's frame.
 */
static noinline u64 dtrace_dif_stackdepth(void)
{
	u64 pcs[DTRACE_STACK_MAXDEPTH];
	int n = dtrace_getpcstack(pcs, DTRACE_STACK_MAXDEPTH, 0), i = 0;

	while (i < n &&
	       within_module_core((unsigned long)pcs[i], THIS_MODULE))
		i++;
	return n - i;
}

static noinline u64 dtrace_dif_ustackdepth(void)
{
	u64 pcs[DTRACE_STACK_MAXDEPTH];

	return dtrace_getupcstack(pcs, DTRACE_STACK_MAXDEPTH);
}

/* Built-in variable id for this firing. */
static u64 dtrace_dif_variable(struct dtrace_dif_rt *rt, u32 id)
{
	struct dtrace_mstate *m = rt->m;
	static const char empty[1] = "";
	static const char zonename[] = "global";
	u64 pcs[1];
	char *s;

	switch (id) {
	case DIF_VAR_CURTHREAD:
		return dtrace_cur_thread();
	case DIF_VAR_TIMESTAMP:
		return m->timestamp;
	case DIF_VAR_VTIMESTAMP:
		return dtrace_cur_vtime();
	case DIF_VAR_IPL:
		return 0;
	case DIF_VAR_EPID:
		return m->epid;
	case DIF_VAR_ID:
		return m->probe_id;
	case DIF_VAR_ARG0 ... DIF_VAR_ARG9:
		return m->args[id - DIF_VAR_ARG0];
	case DIF_VAR_STACKDEPTH:
		return dtrace_dif_stackdepth();
	case DIF_VAR_CALLER:
		return m->caller;
	case DIF_VAR_PROBEPROV:
		return (u64)(uintptr_t)(m->pdesc ? m->pdesc->provider : empty);
	case DIF_VAR_PROBEMOD:
		return (u64)(uintptr_t)(m->pdesc ? m->pdesc->mod : empty);
	case DIF_VAR_PROBEFUNC:
		return (u64)(uintptr_t)(m->pdesc ? m->pdesc->func : empty);
	case DIF_VAR_PROBENAME:
		return (u64)(uintptr_t)(m->pdesc ? m->pdesc->name : empty);
	case DIF_VAR_PID:
		return dtrace_cur_pid();
	case DIF_VAR_TID:
		return dtrace_cur_tid();
	case DIF_VAR_PPID:
		return dtrace_cur_ppid();
	case DIF_VAR_UID:
		return dtrace_cur_uid();
	case DIF_VAR_GID:
		return dtrace_cur_gid();
	case DIF_VAR_EXECNAME:
		s = dtrace_scratch_alloc(m, min_t(u32, 16,
						  dtrace_dif_strsize(m)));
		if (!s)
			return 0;
		dtrace_cur_execname(s, min_t(u32, 16, dtrace_dif_strsize(m)));
		return (u64)(uintptr_t)s;
	case DIF_VAR_ZONENAME:
		return (u64)(uintptr_t)zonename;
	case DIF_VAR_WALLTIMESTAMP:
		if (!m->walltimestamp)
			m->walltimestamp = dtrace_getwalltime();
		return m->walltimestamp;
	case DIF_VAR_USTACKDEPTH:
		return dtrace_dif_ustackdepth();
	case DIF_VAR_UCALLER:
		return dtrace_getupcstack(pcs, 1) == 1 ? pcs[0] : 0;
	case DIF_VAR_ERRNO:
		return (u64)(s64)m->sys_errno;
	case DIF_VAR_CPU:
		return (u64)m->cpu;
	}
	dtrace_dif_fault(m, DTRACEFLT_ILLOP, id);
	return 0;
}

/*
 * Build the key of a dynamic variable in this CPU's key buffer: for
 * thread-locals the tid and task address, then each tuple item as a 4-byte
 * header (type << 24 | length) and its bytes (integers: 8 bytes; strings:
 * the characters; by-reference items: size bytes).  Returns the key, or
 * NULL after a fault.
 */
static char *dtrace_dif_mkkey(struct dtrace_dif_rt *rt, bool thread,
			      const struct dtrace_dif_tuple *t, u32 nt,
			      u32 *keylen)
{
	struct dtrace_vstate *vs = rt->vs;
	char *k = dtrace_vstate_cpu(vs, rt->m->cpu) + vs->off_key;
	u32 n = 0, i, h;
	u64 v;
	long l;

	if (thread) {
		v = dtrace_cur_tid();
		memcpy(k, &v, 8);
		v = dtrace_cur_thread();
		memcpy(k + 8, &v, 8);
		n = 16;
	}
	for (i = 0; i < nt; i++) {
		if (t[i].type == DIF_TYPE_STRING) {
			l = dtrace_dif_rdstr(rt, k + n + 4, t[i].value,
					     min_t(u64, t[i].size, vs->strsize),
					     false);
			if (l < 0)
				return NULL;
			h = (DIF_TYPE_STRING << 24) | (u32)l;
		} else if (t[i].byref) {
			if (t[i].size > vs->slot) {
				dtrace_dif_fault(rt->m, DTRACEFLT_ILLOP,
						 t[i].size);
				return NULL;
			}
			l = t[i].size;
			if (dtrace_dif_rdmem(rt, k + n + 4, t[i].value, l))
				return NULL;
			h = (2U << 24) | (u32)l;
		} else {
			l = 8;
			memcpy(k + n + 4, &t[i].value, 8);
			h = 8;
		}
		memcpy(k + n, &h, 4);
		n += 4 + l;
	}
	*keylen = n;
	return k;
}

/* Read the string at addr into this CPU's value buffer (strsize bytes). */
static char *dtrace_dif_strval(struct dtrace_dif_rt *rt, u64 addr)
{
	struct dtrace_vstate *vs = rt->vs;
	char *b;

	if (rt->m->cpu < 0 || (u32)rt->m->cpu >= vs->ncpus) {
		dtrace_dif_fault(rt->m, DTRACEFLT_ILLOP, rt->m->cpu);
		return NULL;
	}
	b = dtrace_vstate_cpu(vs, rt->m->cpu) + vs->off_val;
	memset(b, 0, vs->strsize);
	if (addr && dtrace_dif_rdstr(rt, b, addr, vs->strsize, false) < 0)
		return NULL;
	return b;
}

/*
 * Loads and stores of the dynamic variables (thread-locals, arrays).
 * refsize is the size of a by-reference object (struct) the variable
 * holds, else 0: its load returns the address of the entry's value, or 0
 * if there is none (the compiler then creates the entry, see dt_cg.c), and
 * its store copies refsize bytes from the address in the register.
 */
static u64 dtrace_dif_dynload(struct dtrace_dif_rt *rt, u32 vkey, bool thread,
			      bool str, u32 refsize,
			      const struct dtrace_dif_tuple *t, u32 nt)
{
	u32 keylen;
	char *key;
	void *v;
	u64 val;

	if (refsize > rt->vs->slot) {	/* validated against strsize */
		dtrace_dif_fault(rt->m, DTRACEFLT_ILLOP, refsize);
		return 0;
	}
	key = dtrace_dif_mkkey(rt, thread, t, nt, &keylen);
	if (!key)
		return 0;
	v = dtrace_dynvar_load(rt->vs, vkey, key, keylen,
			       str ? rt->vs->strsize : refsize ? refsize : 8,
			       refsize ? DTRACE_DYNF_BYREF : 0, &val);
	if (str)	/* an unset string reads as "" */
		return v ? (u64)(uintptr_t)v : dtrace_vstate_empty_str(rt->vs);
	if (refsize)
		return (u64)(uintptr_t)v;
	return val;
}

static void dtrace_dif_dynstore(struct dtrace_dif_rt *rt, u32 vkey,
				bool thread, bool str, u32 refsize, u64 value,
				const struct dtrace_dif_tuple *t, u32 nt)
{
	struct dtrace_vstate *vs = rt->vs;
	const void *val = &value;
	u32 keylen, vsize = 8, flags = 0;
	char *key, *sv;

	if (str) {
		sv = dtrace_dif_strval(rt, value);
		if (!sv)
			return;
		val = sv[0] ? sv : NULL;
		vsize = vs->strsize;
	} else if (refsize) {
		/* a copy of the object, in this CPU's value buffer */
		if (refsize > vs->slot) {
			dtrace_dif_fault(rt->m, DTRACEFLT_ILLOP, refsize);
			return;
		}
		vsize = refsize;
		flags = DTRACE_DYNF_BYREF;
		val = NULL;		/* a null address deletes */
		if (value) {
			sv = dtrace_vstate_cpu(vs, rt->m->cpu) + vs->off_val;
			if (dtrace_dif_rdmem(rt, sv, value, refsize))
				return;
			val = sv;
		}
	} else if (!value) {
		val = NULL;
	}
	key = dtrace_dif_mkkey(rt, thread, t, nt, &keylen);
	if (!key)
		return;
	dtrace_dynvar_store(vs, vkey, key, keylen, val, vsize, flags);
}

/*
 * CONFIG_DTRACE_DEBUG: what the validator (400) proved about instruction
 * pc and the emulator relies on: a known opcode, registers in range, a
 * forward branch inside the object, table indexes inside their tables.
 */
static bool dtrace_dif_validated(const struct dtrace_difo *difo, u32 pc)
{
	u32 in = difo->buf[pc];
	u32 r1 = DIF_INSTR_R1(in), r2 = DIF_INSTR_R2(in);
	u32 rd = DIF_INSTR_RD(in), n = DIF_DIR_NREGS;

	switch (dtrace_dif_opclass(DIF_INSTR_OP(in))) {
	case DIFC_BAD:
		return false;
	case DIFC_ARITH:
		return r1 < n && r2 < n && rd < n && rd != 0;
	case DIFC_COPYS:
		return r1 < n && r2 < n && rd < n;
	case DIFC_UNARY:
	case DIFC_LOAD:
	case DIFC_ALLOCS:
		return r1 < n && rd < n && rd != 0;
	case DIFC_STORE:
		return r1 < n && rd < n;
	case DIFC_CMP:
		return r1 < n && r2 < n;
	case DIFC_TST:
		return r1 < n;
	case DIFC_RET:
	case DIFC_STV:
		return rd < n;
	case DIFC_BRANCH:
		return DIF_INSTR_LABEL(in) > pc &&
		       DIF_INSTR_LABEL(in) < difo->len;
	case DIFC_SETX:
		return rd < n && rd != 0 &&
		       DIF_INSTR_INTEGER(in) < difo->intlen;
	case DIFC_SETS:
		return rd < n && rd != 0 &&
		       DIF_INSTR_STRING(in) < difo->strlen;
	case DIFC_LDGA:
		return r2 < n && rd < n && rd != 0;
	case DIFC_LDV:
	case DIFC_CALL:
		return rd < n && rd != 0;
	case DIFC_PUSHT:
		return r2 < n && rd < n;
	default:
		return true;
	}
}

static inline int dtrace_dif_cmp_s(s64 a, s64 b)
{
	return a < b ? -1 : a > b;
}

static inline int dtrace_dif_cmp_u(u64 a, u64 b)
{
	return a < b ? -1 : a > b;
}

static u64 dtrace_dif_emulate(const struct dtrace_difo *difo,
			      struct dtrace_mstate *m)
{
	struct dtrace_dif_rt rt = { m, difo, m->vstate };
	struct dtrace_dif_tuple tup[DIF_DTR_NREGS];
	u64 regs[DIF_DIR_NREGS];
	struct dtrace_vstate *vs = m->vstate;
	u32 pc, ttop = 0;
	int cc_s = 0, cc_u = 0;
	bool taken;

	if (m->flags & DTRACE_MSTATE_FAULT)
		return 0;
	memset(regs, 0, sizeof(regs));

	for (pc = 0; pc < difo->len; pc++) {
		u32 in = difo->buf[pc];
		u32 op = DIF_INSTR_OP(in);
		u32 r1 = DIF_INSTR_R1(in), r2 = DIF_INSTR_R2(in);
		u32 rd = DIF_INSTR_RD(in), id;
		u64 a, b, addr;
		char *p;

		DTRACE_ASSERT(dtrace_dif_validated(difo, pc));
		switch (op) {
		case DIF_OP_OR:
			regs[rd] = regs[r1] | regs[r2];
			break;
		case DIF_OP_XOR:
			regs[rd] = regs[r1] ^ regs[r2];
			break;
		case DIF_OP_AND:
			regs[rd] = regs[r1] & regs[r2];
			break;
		case DIF_OP_SLL:
			regs[rd] = regs[r1] << (regs[r2] & 63);
			break;
		case DIF_OP_SRL:
			regs[rd] = regs[r1] >> (regs[r2] & 63);
			break;
		case DIF_OP_SRA:
			regs[rd] = (u64)((s64)regs[r1] >> (regs[r2] & 63));
			break;
		case DIF_OP_SUB:
			regs[rd] = regs[r1] - regs[r2];
			break;
		case DIF_OP_ADD:
			regs[rd] = regs[r1] + regs[r2];
			break;
		case DIF_OP_MUL:
			regs[rd] = regs[r1] * regs[r2];
			break;
		case DIF_OP_SDIV:
		case DIF_OP_SREM:
			a = regs[r1];
			b = regs[r2];
			if (!b) {
				dtrace_dif_fault(m, DTRACEFLT_DIVZERO, 0);
				break;
			}
			if ((s64)b == -1)	/* INT64_MIN / -1 traps */
				regs[rd] = op == DIF_OP_SDIV ? -a : 0;
			else if (op == DIF_OP_SDIV)
				regs[rd] = (u64)((s64)a / (s64)b);
			else
				regs[rd] = (u64)((s64)a % (s64)b);
			break;
		case DIF_OP_UDIV:
		case DIF_OP_UREM:
			if (!regs[r2]) {
				dtrace_dif_fault(m, DTRACEFLT_DIVZERO, 0);
				break;
			}
			regs[rd] = op == DIF_OP_UDIV ? regs[r1] / regs[r2] :
						      regs[r1] % regs[r2];
			break;
		case DIF_OP_NOT:
			regs[rd] = ~regs[r1];
			break;
		case DIF_OP_MOV:
			regs[rd] = regs[r1];
			break;
		case DIF_OP_CMP:
			cc_s = dtrace_dif_cmp_s(regs[r1], regs[r2]);
			cc_u = dtrace_dif_cmp_u(regs[r1], regs[r2]);
			break;
		case DIF_OP_TST:
			cc_s = dtrace_dif_cmp_s(regs[r1], 0);
			cc_u = dtrace_dif_cmp_u(regs[r1], 0);
			break;
		case DIF_OP_SCMP:
			cc_s = dtrace_dif_strcmp(&rt, regs[r1], regs[r2]);
			cc_u = cc_s != 0;
			break;
		case DIF_OP_BA: case DIF_OP_BE: case DIF_OP_BNE:
		case DIF_OP_BG: case DIF_OP_BGU: case DIF_OP_BGE:
		case DIF_OP_BGEU: case DIF_OP_BL: case DIF_OP_BLU:
		case DIF_OP_BLE: case DIF_OP_BLEU:
			switch (op) {
			case DIF_OP_BA:
				taken = true;
				break;
			case DIF_OP_BE:
				taken = cc_s == 0;
				break;
			case DIF_OP_BNE:
				taken = cc_s != 0;
				break;
			case DIF_OP_BG:
				taken = cc_s > 0;
				break;
			case DIF_OP_BGU:
				taken = cc_u > 0;
				break;
			case DIF_OP_BGE:
				taken = cc_s >= 0;
				break;
			case DIF_OP_BGEU:
				taken = cc_u >= 0;
				break;
			case DIF_OP_BL:
				taken = cc_s < 0;
				break;
			case DIF_OP_BLU:
				taken = cc_u < 0;
				break;
			case DIF_OP_BLE:
				taken = cc_s <= 0;
				break;
			default:	/* BLEU */
				taken = cc_u <= 0;
				break;
			}
			if (taken)	/* validated: forward, in range */
				pc = DIF_INSTR_LABEL(in) - 1;
			break;
		case DIF_OP_LDSB: case DIF_OP_LDSH: case DIF_OP_LDSW:
		case DIF_OP_LDUB: case DIF_OP_LDUH: case DIF_OP_LDUW:
		case DIF_OP_LDX:
		case DIF_OP_ULDSB: case DIF_OP_ULDSH: case DIF_OP_ULDSW:
		case DIF_OP_ULDUB: case DIF_OP_ULDUH: case DIF_OP_ULDUW:
		case DIF_OP_ULDX: {
			bool user = op >= DIF_OP_ULDSB;
			u32 k = user ? op - DIF_OP_ULDSB : op - DIF_OP_LDSB;
			/* k: 0 sb 1 sh 2 sw 3 ub 4 uh 5 uw 6 x */
			static const u8 size[] = { 1, 2, 4, 1, 2, 4, 8 };
			u64 v = 0;
			int err;

			addr = regs[r1];
			if (addr & (size[k] - 1)) {
				dtrace_dif_fault(m, DTRACEFLT_BADALIGN, addr);
				break;
			}
			if (user) {
				err = dtrace_load_user(&v, addr, size[k]);
				if (err)
					dtrace_dif_fault(m, DTRACEFLT_BADADDR,
							 addr);
			} else {
				err = dtrace_dif_rdmem(&rt, &v, addr, size[k]);
			}
			if (err)
				break;
			switch (k) {
			case 0:
				v = (u64)(s64)(s8)v;
				break;
			case 1:
				v = (u64)(s64)(s16)v;
				break;
			case 2:
				v = (u64)(s64)(s32)v;
				break;
			}
			regs[rd] = v;
			break;
		}
		case DIF_OP_STB: case DIF_OP_STH: case DIF_OP_STW:
		case DIF_OP_STX: {
			static const u8 size[] = { 1, 2, 4, 8 };
			u32 n = size[op - DIF_OP_STB];

			addr = regs[rd];
			if (!dtrace_dif_canstore(m, addr, n) &&
			    !dtrace_vstate_canstore(vs, m->cpu, addr, n)) {
				/* a member of a by-reference dynamic variable */
				if (!vs || (addr & (n - 1)) ||
				    dtrace_dynvar_storeat(vs, addr, &regs[r1],
							  n) == -EFAULT)
					dtrace_dif_fault(m, DTRACEFLT_BADADDR,
							 addr);
				break;
			}
			if (addr & (n - 1)) {
				dtrace_dif_fault(m, DTRACEFLT_BADALIGN, addr);
				break;
			}
			memcpy((void *)(uintptr_t)addr, &regs[r1], n);
			break;
		}
		case DIF_OP_RET:
			return regs[rd];
		case DIF_OP_NOP:
			break;
		case DIF_OP_SETX:
			regs[rd] = difo->inttab[DIF_INSTR_INTEGER(in)];
			break;
		case DIF_OP_SETS:
			regs[rd] = (u64)(uintptr_t)(difo->strtab +
						    DIF_INSTR_STRING(in));
			break;
		case DIF_OP_LDGA:
			/* var in the r1 field (only args[]), index in r2 */
			a = regs[r2];
			if (a >= DTRACE_MAXARGS) {
				dtrace_dif_fault(m, DTRACEFLT_ILLOP, a);
				break;
			}
			regs[rd] = m->args[a];
			break;
		case DIF_OP_LDGS:
		case DIF_OP_LDLS:
			id = DIF_INSTR_VAR(in);
			if (op == DIF_OP_LDGS && id < DIF_VAR_OTHER_UBASE) {
				regs[rd] = dtrace_dif_variable(&rt, id);
				break;
			}
			p = !vs ? NULL : op == DIF_OP_LDGS ?
			    dtrace_vstate_gvar(vs, id) :
			    dtrace_vstate_lvar(vs, m->cpu, m->timestamp,
					       m->probe_id, id);
			if (!p) {
				dtrace_dif_fault(m, DTRACEFLT_ILLOP, id);
				break;
			}
			if (dtrace_difo_strvar(difo, pc) ||
			    dtrace_difo_refvar(difo, pc))
				regs[rd] = (u64)(uintptr_t)p;
			else
				memcpy(&regs[rd], p, 8);
			break;
		case DIF_OP_STGS:
		case DIF_OP_STLS:
			id = DIF_INSTR_VAR(in);
			p = !vs ? NULL : op == DIF_OP_STGS ?
			    dtrace_vstate_gvar(vs, id) :
			    dtrace_vstate_lvar(vs, m->cpu, m->timestamp,
					       m->probe_id, id);
			if (!p) {
				dtrace_dif_fault(m, DTRACEFLT_ILLOP, id);
				break;
			}
			if (dtrace_difo_strvar(difo, pc)) {
				char *sv = dtrace_dif_strval(&rt, regs[rd]);

				if (sv)
					memcpy(p, sv, vs->strsize);
			} else if (dtrace_difo_refvar(difo, pc)) {
				/* copy the object regs[rd] points at */
				a = dtrace_difo_refvar(difo, pc);
				if (a > vs->slot) {
					dtrace_dif_fault(m, DTRACEFLT_ILLOP, a);
					break;
				}
				if (regs[rd] != (u64)(uintptr_t)p)
					dtrace_dif_rdmem(&rt, p, regs[rd], a);
			} else {
				memcpy(p, &regs[rd], 8);
			}
			break;
		case DIF_OP_LDTS:
		case DIF_OP_LDGAA:
		case DIF_OP_LDTAA:
		case DIF_OP_STTS:
		case DIF_OP_STGAA:
		case DIF_OP_STTAA: {
			bool thread = op != DIF_OP_LDGAA && op != DIF_OP_STGAA;
			bool array = op != DIF_OP_LDTS && op != DIF_OP_STTS;
			bool str = dtrace_difo_strvar(difo, pc);
			u32 ref = dtrace_difo_refvar(difo, pc);
			u32 vkey, lim;

			id = DIF_INSTR_VAR(in);
			lim = !vs ? 0 : thread ? vs->ntvars : vs->ngvars;
			if (id - DIF_VAR_OTHER_UBASE >= lim || m->cpu < 0 ||
			    (u32)m->cpu >= vs->ncpus) {
				dtrace_dif_fault(m, DTRACEFLT_ILLOP, id);
				break;
			}
			vkey = DTRACE_VKEY(thread ? DIFV_SCOPE_THREAD :
					   DIFV_SCOPE_GLOBAL, array, id);
			if (op == DIF_OP_LDTS || op == DIF_OP_LDGAA ||
			    op == DIF_OP_LDTAA)
				regs[rd] = dtrace_dif_dynload(&rt, vkey, thread,
						str, ref, tup, array ? ttop : 0);
			else
				dtrace_dif_dynstore(&rt, vkey, thread, str,
						    ref, regs[rd], tup,
						    array ? ttop : 0);
			break;
		}
		case DIF_OP_CALL:
			regs[rd] = dtrace_dif_subr(&rt, DIF_INSTR_SUBR(in),
						   tup, ttop);
			break;
		case DIF_OP_PUSHTR:
		case DIF_OP_PUSHTV:
			if (ttop >= DIF_DTR_NREGS) {
				dtrace_dif_fault(m, DTRACEFLT_TUPOFLOW, 0);
				break;
			}
			tup[ttop].value = regs[rd];
			tup[ttop].type = DIF_INSTR_TYPE(in);
			tup[ttop].byref = false;
			tup[ttop].size = 8;
			if (tup[ttop].type == DIF_TYPE_STRING) {
				a = r2 ? regs[r2] : 0;
				b = dtrace_dif_strsize(m);
				tup[ttop].size = a && a < b ? a : b;
			} else if (op == DIF_OP_PUSHTR) {
				tup[ttop].byref = true;
				tup[ttop].size = regs[r2];
			}
			ttop++;
			break;
		case DIF_OP_POPTS:
			if (ttop)
				ttop--;
			break;
		case DIF_OP_FLUSHTS:
			ttop = 0;
			break;
		case DIF_OP_ALLOCS:
			p = dtrace_scratch_alloc(m, regs[r1]);
			if (p)
				regs[rd] = (u64)(uintptr_t)p;
			break;
		case DIF_OP_COPYS:
			/* copy regs[r2] bytes from regs[r1] to regs[rd] */
			if (!dtrace_dif_canstore(m, regs[rd], regs[r2]) &&
			    !dtrace_vstate_canstore(vs, m->cpu, regs[rd],
						    regs[r2])) {
				dtrace_dif_fault(m, DTRACEFLT_BADADDR,
						 regs[rd]);
				break;
			}
			dtrace_dif_rdmem(&rt, (void *)(uintptr_t)regs[rd],
					 regs[r1], regs[r2]);
			break;
		default:
			dtrace_dif_fault(m, DTRACEFLT_ILLOP, op);
			break;
		}
		if (unlikely(m->flags & DTRACE_MSTATE_FAULT)) {
			m->difoff = pc;
			return 0;
		}
	}
	/* unreachable for validated objects: the last instruction is RET */
	DTRACE_ASSERT(!"a validated object ends with ret");
	dtrace_dif_fault(m, DTRACEFLT_ILLOP, 0);
	m->difoff = difo->len ? difo->len - 1 : 0;
	return 0;
}
