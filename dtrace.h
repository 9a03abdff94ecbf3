/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dtrace.h - the ABI shared by dtrace.ko and the dtrace(1) command.
 *
 * Everything that crosses /dev/dtrace is declared here: ioctl numbers, the
 * structures they pass, the DIF instruction set, the enabling format, and the
 * layout of the records the module writes into its buffers.  The header is
 * included by the module (through the amalgamation) and by user space, so it
 * uses only <linux/types.h> and <linux/ioctl.h>.
 *
 * Rules of the ABI:
 *  - Every ioctl argument starts with a __u32 size and a __u32 version; the
 *    module checks both before anything else (-EINVAL on mismatch).
 *  - Variable-length data (enablings, buffers, listings) is passed as a user
 *    pointer and a length; the module copies it in, validates every offset,
 *    length and count inside, and only then uses it.
 *  - All multi-byte integers are in host byte order; every structure is
 *    naturally aligned with explicit padding, identical for 64-bit user space
 *    and the kernel.
 *
 * Table of contents
 *   1. Versions, limits, device
 *   2. Probe descriptions and listings
 *   3. DIF: instructions, opcodes, registers, types, variables, subroutines
 *   4. Enablings: clauses, actions, aggregations, options
 *   5. Buffers: record layout, error records, aggregation snapshots
 *   6. ioctls
 */
#ifndef _DTRACE_H
#define _DTRACE_H

#include <linux/types.h>
#include <linux/ioctl.h>

/* ----------------------------------------------------------------------
 * 1. Versions, limits, device
 * ---------------------------------------------------------------------- */
#define DTRACE_VERSION_STRING	"0.1.0"
#define DTRACE_ABI_VERSION	2		/* bump on any incompatible change */
#define DTRACE_DEVICE		"/dev/dtrace"
#define DTRACE_DEVNAME		"dtrace"

#define DTRACE_PLATFORM_NATIVE	1		/* x86-64 bare metal, KVM/HVM */
#define DTRACE_PLATFORM_XENPV	2		/* Xen PV guest (domU or dom0) */

#define DTRACE_PROVNAMELEN	64
#define DTRACE_MODNAMELEN	64
#define DTRACE_FUNCNAMELEN	128
#define DTRACE_NAMELEN		64
#define DTRACE_MAXARGS		10		/* arg0 .. arg9 */
#define DTRACE_STACK_MAXDEPTH	64		/* frames recorded by stack() */
#define DTRACE_EPIDNONE		0		/* never a valid EPID */
#define DTRACE_IDNONE		0		/* never a valid probe ID */

/* ----------------------------------------------------------------------
 * 2. Probe descriptions and listings
 *
 * A probe is named provider:module:function:name.  In a description, an
 * empty field matches anything and a field may hold glob patterns with
 * '*', '?' and '[...]' (with '!' or '^' negation and ranges), and '\' to
 * quote the next character.
 * ---------------------------------------------------------------------- */
struct dtrace_probedesc {
	__u32 id;				/* probe ID, or DTRACE_IDNONE */
	__u32 pad;
	char provider[DTRACE_PROVNAMELEN];
	char mod[DTRACE_MODNAMELEN];
	char func[DTRACE_FUNCNAMELEN];
	char name[DTRACE_NAMELEN];
};

/*
 * Stability attributes (the Guide's "Stability" chapter): each provider
 * declares, for its provider, module, function and name fields and for its
 * probes' arguments, how stable the names and the data are and what they
 * depend on.  The module reports them (DTRACEIOC_PROVIDER); dtrace(1)
 * prints them for -lv and in the -v stability report.
 */
#define DTRACE_STABILITY_INTERNAL	0	/* private to the implementation */
#define DTRACE_STABILITY_PRIVATE	1
#define DTRACE_STABILITY_OBSOLETE	2
#define DTRACE_STABILITY_EXTERNAL	3
#define DTRACE_STABILITY_UNSTABLE	4
#define DTRACE_STABILITY_EVOLVING	5
#define DTRACE_STABILITY_STABLE		6
#define DTRACE_STABILITY_STANDARD	7

#define DTRACE_CLASS_UNKNOWN		0
#define DTRACE_CLASS_CPU		1	/* depends on the CPU model */
#define DTRACE_CLASS_PLATFORM		2	/* depends on the platform */
#define DTRACE_CLASS_GROUP		3	/* depends on the vendor */
#define DTRACE_CLASS_ISA		4	/* depends on the instruction set */
#define DTRACE_CLASS_COMMON		5	/* common to all */

struct dtrace_attribute {
	__u8 name;				/* DTRACE_STABILITY_* */
	__u8 data;				/* DTRACE_STABILITY_* */
	__u8 dclass;				/* DTRACE_CLASS_* */
	__u8 pad;
};

struct dtrace_pattr {
	struct dtrace_attribute provider;
	struct dtrace_attribute mod;
	struct dtrace_attribute func;
	struct dtrace_attribute name;
	struct dtrace_attribute args;
};

/* ----------------------------------------------------------------------
 * 3. DIF - the D Intermediate Format
 *
 * A DIF program is an array of 32-bit instructions run by a register
 * machine with DIF_DIR_NREGS 64-bit registers; %r0 always reads as zero
 * and may not be written.  Branches go forward only, so every program
 * terminates within its length.  Encodings (bit 31 on the left):
 *
 *   op:8 r1:8 r2:8 rd:8	most instructions
 *   op:8 label:24		branches (absolute instruction index)
 *   op:8 index:16 rd:8	SETX (integer table), SETS (string table)
 *   op:8 var:16 rd:8		loads of variables (LDGS LDTS LDLS LDGA LDTA)
 *   op:8 var:16 rs:8		stores of variables (STGS STTS STLS)
 *   op:8 subr:16 rd:8		CALL
 *   op:8 type:8 r2:8 rs:8	PUSHTR/PUSHTV (r2 holds the size for by-ref
 *				items, %r0 for strings: strsize)
 *
 * Associative arrays: the key is the tuple built with PUSHTR/PUSHTV since the
 * last FLUSHTS.  LDGAA/LDTAA encode op:8 var:16 rd:8; STGAA/STTAA encode
 * op:8 var:16 rs:8.  Storing 0 (or an empty string) deletes the element.
 * ---------------------------------------------------------------------- */
#define DIF_DIR_NREGS		8		/* number of DIF registers */
#define DIF_DTR_NREGS		8		/* depth of the tuple stack */

#define DIF_INSTR_OP(i)		(((i) >> 24) & 0xff)
#define DIF_INSTR_R1(i)		(((i) >> 16) & 0xff)
#define DIF_INSTR_R2(i)		(((i) >> 8) & 0xff)
#define DIF_INSTR_RD(i)		((i) & 0xff)
#define DIF_INSTR_RS(i)		((i) & 0xff)
#define DIF_INSTR_LABEL(i)	((i) & 0xffffff)
#define DIF_INSTR_VAR(i)	(((i) >> 8) & 0xffff)
#define DIF_INSTR_INTEGER(i)	(((i) >> 8) & 0xffff)
#define DIF_INSTR_STRING(i)	(((i) >> 8) & 0xffff)
#define DIF_INSTR_SUBR(i)	(((i) >> 8) & 0xffff)
#define DIF_INSTR_TYPE(i)	(((i) >> 16) & 0xff)

#define DIF_INSTR_FMT(op, r1, r2, d) \
	((__u32)(((op) << 24) | ((r1) << 16) | ((r2) << 8) | (d)))
#define DIF_INSTR_BRANCH(op, label)	((__u32)(((op) << 24) | (label)))
#define DIF_INSTR_SETX(idx, rd)	((__u32)((DIF_OP_SETX << 24) | ((idx) << 8) | (rd)))
#define DIF_INSTR_SETS(idx, rd)	((__u32)((DIF_OP_SETS << 24) | ((idx) << 8) | (rd)))
#define DIF_INSTR_LDV(op, v, rd)	((__u32)(((op) << 24) | ((v) << 8) | (rd)))
#define DIF_INSTR_STV(op, v, rs)	((__u32)(((op) << 24) | ((v) << 8) | (rs)))
#define DIF_INSTR_CALL(s, rd)	((__u32)((DIF_OP_CALL << 24) | ((s) << 8) | (rd)))
#define DIF_INSTR_PUSHTS(op, t, r2, rs) \
	((__u32)(((op) << 24) | ((t) << 16) | ((r2) << 8) | (rs)))
#define DIF_INSTR_RET(rd)	((__u32)((DIF_OP_RET << 24) | (rd)))
#define DIF_INSTR_NOP		((__u32)(DIF_OP_NOP << 24))

/* Opcodes. */
#define DIF_OP_OR	1	/* or   r1, r2, rd */
#define DIF_OP_XOR	2	/* xor  r1, r2, rd */
#define DIF_OP_AND	3	/* and  r1, r2, rd */
#define DIF_OP_SLL	4	/* sll  r1, r2, rd */
#define DIF_OP_SRL	5	/* srl  r1, r2, rd (logical) */
#define DIF_OP_SUB	6	/* sub  r1, r2, rd */
#define DIF_OP_ADD	7	/* add  r1, r2, rd */
#define DIF_OP_MUL	8	/* mul  r1, r2, rd */
#define DIF_OP_SDIV	9	/* sdiv r1, r2, rd */
#define DIF_OP_UDIV	10	/* udiv r1, r2, rd */
#define DIF_OP_SREM	11	/* srem r1, r2, rd */
#define DIF_OP_UREM	12	/* urem r1, r2, rd */
#define DIF_OP_NOT	13	/* not  r1, rd */
#define DIF_OP_MOV	14	/* mov  r1, rd */
#define DIF_OP_CMP	15	/* cmp  r1, r2 (sets condition codes) */
#define DIF_OP_TST	16	/* tst  r1 */
#define DIF_OP_BA	17	/* ba   label */
#define DIF_OP_BE	18	/* be   label */
#define DIF_OP_BNE	19
#define DIF_OP_BG	20
#define DIF_OP_BGU	21
#define DIF_OP_BGE	22
#define DIF_OP_BGEU	23
#define DIF_OP_BL	24
#define DIF_OP_BLU	25
#define DIF_OP_BLE	26
#define DIF_OP_BLEU	27
#define DIF_OP_LDSB	28	/* ldsb [r1], rd: kernel memory, fault-checked */
#define DIF_OP_LDSH	29
#define DIF_OP_LDSW	30
#define DIF_OP_LDUB	31
#define DIF_OP_LDUH	32
#define DIF_OP_LDUW	33
#define DIF_OP_LDX	34
#define DIF_OP_RET	35	/* ret  rd */
#define DIF_OP_NOP	36
#define DIF_OP_SETX	37	/* setx intidx, rd */
#define DIF_OP_SETS	38	/* sets stridx, rd: rd = address of string */
#define DIF_OP_SCMP	39	/* scmp r1, r2: compare strings (bounded) */
#define DIF_OP_LDGA	40	/* ldga var, r2, rd: built-in array (args[r2]) */
#define DIF_OP_LDGS	41	/* ldgs var, rd: global scalar or built-in */
#define DIF_OP_STGS	42	/* stgs var, rs */
#define DIF_OP_LDTA	43	/* reserved: thread-local built-in arrays */
#define DIF_OP_LDTS	44	/* ldts var, rd: self->var */
#define DIF_OP_STTS	45	/* stts var, rs */
#define DIF_OP_SRA	46	/* sra  r1, r2, rd (arithmetic) */
#define DIF_OP_CALL	47	/* call subr, rd: args from the tuple stack */
#define DIF_OP_PUSHTR	48	/* pushtr type, r2, rs: push by ref/value */
#define DIF_OP_PUSHTV	49	/* pushtv type, r2, rs: push value */
#define DIF_OP_POPTS	50	/* popts: pop the tuple stack */
#define DIF_OP_FLUSHTS	51	/* flushts: empty the tuple stack */
#define DIF_OP_LDGAA	52	/* ldgaa var, rd: global assoc[tuple] */
#define DIF_OP_LDTAA	53	/* ldtaa var, rd: self->assoc[tuple] */
#define DIF_OP_STGAA	54	/* stgaa var, rs */
#define DIF_OP_STTAA	55	/* sttaa var, rs */
#define DIF_OP_LDLS	56	/* ldls var, rd: this->var */
#define DIF_OP_STLS	57	/* stls var, rs */
#define DIF_OP_ALLOCS	58	/* allocs r1, rd: rd = scratch of r1 bytes */
#define DIF_OP_COPYS	59	/* copys r1, r2, rd: copy r2 bytes r1->rd */
#define DIF_OP_STB	60	/* stb  r1, [rd]: scratch/alloca only */
#define DIF_OP_STH	61
#define DIF_OP_STW	62
#define DIF_OP_STX	63
#define DIF_OP_ULDSB	64	/* uldsb [r1], rd: user memory, fault-checked */
#define DIF_OP_ULDSH	65
#define DIF_OP_ULDSW	66
#define DIF_OP_ULDUB	67
#define DIF_OP_ULDUH	68
#define DIF_OP_ULDUW	69
#define DIF_OP_ULDX	70
#define DIF_OP_MAX	70

/* Tuple item types for PUSHTR/PUSHTV. */
#define DIF_TYPE_CTF		0	/* integer/pointer by value (PUSHTV) */
#define DIF_TYPE_STRING		1	/* string by reference (PUSHTR) */

/* Return types of DIF objects (struct dtrace_diftype). */
#define DIF_TF_BYREF		0x1	/* value is a pointer to .size bytes */

struct dtrace_diftype {
	__u8 kind;			/* DIF_TYPE_CTF or DIF_TYPE_STRING */
	__u8 flags;			/* DIF_TF_* */
	__u16 pad;
	__u32 size;			/* size in bytes of the value */
};

/*
 * Variables.  IDs below DIF_VAR_OTHER_UBASE are built-ins (read-only);
 * user variables take IDs from DIF_VAR_OTHER_UBASE up, allocated by the
 * compiler per consumer and separately per scope (global, thread, local).
 */
#define DIF_VAR_ARGS		0x0000	/* args[] (LDGA) */
#define DIF_VAR_CURTHREAD	0x0100
#define DIF_VAR_TIMESTAMP	0x0101
#define DIF_VAR_VTIMESTAMP	0x0102
#define DIF_VAR_IPL		0x0103
#define DIF_VAR_EPID		0x0104
#define DIF_VAR_ID		0x0105
#define DIF_VAR_ARG0		0x0106	/* .. DIF_VAR_ARG9 = 0x010f */
#define DIF_VAR_ARG9		0x010f
#define DIF_VAR_STACKDEPTH	0x0110
#define DIF_VAR_CALLER		0x0111
#define DIF_VAR_PROBEPROV	0x0112
#define DIF_VAR_PROBEMOD	0x0113
#define DIF_VAR_PROBEFUNC	0x0114
#define DIF_VAR_PROBENAME	0x0115
#define DIF_VAR_PID		0x0116
#define DIF_VAR_TID		0x0117
#define DIF_VAR_EXECNAME	0x0118
#define DIF_VAR_ZONENAME	0x0119
#define DIF_VAR_WALLTIMESTAMP	0x011a
#define DIF_VAR_USTACKDEPTH	0x011b
#define DIF_VAR_UCALLER		0x011c
#define DIF_VAR_PPID		0x011d
#define DIF_VAR_UID		0x011e
#define DIF_VAR_GID		0x011f
#define DIF_VAR_ERRNO		0x0120
#define DIF_VAR_CPU		0x0121
#define DIF_VAR_OTHER_UBASE	0x0500	/* first user variable ID */
#define DIF_VAR_OTHER_MAX	0xffff

#define DIFV_KIND_ARRAY		0
#define DIFV_KIND_SCALAR	1
#define DIFV_SCOPE_GLOBAL	0
#define DIFV_SCOPE_THREAD	1
#define DIFV_SCOPE_LOCAL	2
#define DIFV_F_REF		0x1	/* referenced */
#define DIFV_F_MOD		0x2	/* modified */

struct dtrace_difv {
	__u32 name;			/* offset of the name in the strtab */
	__u32 id;			/* DIF_VAR_OTHER_UBASE .. */
	__u8 kind;			/* DIFV_KIND_* */
	__u8 scope;			/* DIFV_SCOPE_* */
	__u16 flags;			/* DIFV_F_* */
	__u32 pad;
	struct dtrace_diftype type;	/* strings: DIF_TYPE_STRING, BYREF */
};

/* Subroutines (CALL). Arguments are taken from the tuple stack. */
#define DIF_SUBR_RAND		0
#define DIF_SUBR_COPYIN		1
#define DIF_SUBR_COPYINSTR	2
#define DIF_SUBR_SPECULATION	3
#define DIF_SUBR_PROGENYOF	4
#define DIF_SUBR_STRLEN		5
#define DIF_SUBR_COPYOUT	6	/* destructive */
#define DIF_SUBR_COPYOUTSTR	7	/* destructive */
#define DIF_SUBR_ALLOCA		8
#define DIF_SUBR_BCOPY		9
#define DIF_SUBR_COPYINTO	10
#define DIF_SUBR_STRJOIN	11
#define DIF_SUBR_LLTOSTR	12
#define DIF_SUBR_BASENAME	13
#define DIF_SUBR_DIRNAME	14
#define DIF_SUBR_CLEANPATH	15
#define DIF_SUBR_STRCHR		16
#define DIF_SUBR_STRRCHR	17
#define DIF_SUBR_STRSTR		18
#define DIF_SUBR_STRTOK		19
#define DIF_SUBR_SUBSTR		20
#define DIF_SUBR_INDEX		21
#define DIF_SUBR_RINDEX		22
#define DIF_SUBR_HTONS		23
#define DIF_SUBR_HTONL		24
#define DIF_SUBR_HTONLL		25
#define DIF_SUBR_NTOHS		26
#define DIF_SUBR_NTOHL		27
#define DIF_SUBR_NTOHLL		28
#define DIF_SUBR_INET_NTOP	29
#define DIF_SUBR_INET_NTOA	30
#define DIF_SUBR_INET_NTOA6	31
#define DIF_SUBR_TOUPPER	32
#define DIF_SUBR_TOLOWER	33
#define DIF_SUBR_STRINGOF	34	/* identity on strings; int -> string */
#define DIF_SUBR_D_EXECARGS	35	/* a task's arguments (pr_psargs) */
#define DIF_SUBR_MAX		35

/* Runtime faults, as DTrace numbers them (reported in ERROR and records). */
#define DTRACEFLT_UNKNOWN	0
#define DTRACEFLT_BADADDR	1	/* invalid address */
#define DTRACEFLT_BADALIGN	2	/* misaligned address */
#define DTRACEFLT_ILLOP		3	/* illegal operation */
#define DTRACEFLT_DIVZERO	4	/* divide by zero */
#define DTRACEFLT_NOSCRATCH	5	/* out of scratch space */
#define DTRACEFLT_KPRIV		6	/* kernel access privilege */
#define DTRACEFLT_UPRIV		7	/* user access privilege */
#define DTRACEFLT_TUPOFLOW	8	/* tuple stack overflow */
#define DTRACEFLT_BADSTACK	9	/* bad stack */

/*
 * A DIF object as it travels in an enabling: this header, then
 *   ninstr   x __u32 instructions,        padded to 8 bytes
 *   nint     x __u64 integer table
 *   nvar     x struct dtrace_difv
 *   strlen   bytes of string table (NUL-terminated strings), padded to 8
 * .size is the total, header included, a multiple of 8.
 */
struct dtrace_difo_hdr {
	__u32 size;
	__u32 ninstr;
	__u32 nint;
	__u32 nvar;
	__u32 strlen;
	__u32 pad;
	struct dtrace_diftype rtype;	/* type of the value RET returns */
};

/* ----------------------------------------------------------------------
 * 4. Enablings
 *
 * DTRACEIOC_ENABLE passes one blob:
 *   struct dtrace_enable_hdr
 *   nclauses x clause:
 *     struct dtrace_clause_hdr          (.size covers the whole clause)
 *     [predicate DIF object if DTRACE_CLAUSE_PRED]
 *     nactions x action:
 *       struct dtrace_action_hdr        (.size covers the whole action)
 *       ndifo x DIF object              (see each kind below)
 * Every size is a multiple of 8 and every object lies inside its parent.
 *
 * For each clause the module creates one enabled probe (ECB) per matching
 * probe and gives it an EPID; DTRACEIOC_EPINFO maps an EPID back to its
 * probe and clause.  Each clause's recording actions write, in order, one
 * value each into a record (section 5); the consumer knows the record's
 * layout because it compiled the clause.
 * ---------------------------------------------------------------------- */

/* Action kinds. */
#define DTRACEACT_NONE		0
#define DTRACEACT_DIFEXPR	1	/* trace(expr): records the value */
#define DTRACEACT_EXIT		2	/* exit(expr) */
#define DTRACEACT_PRINTF	3	/* marker: arg = format index; no DIF */
#define DTRACEACT_PRINTA	4	/* marker: arg = format index, aggid */
#define DTRACEACT_TRACEMEM	5	/* tracemem(addr, arg): arg bytes */
#define DTRACEACT_SETOPT	6	/* marker: consumer-side option change */
#define DTRACEACT_STACK		7	/* stack(arg frames) */
#define DTRACEACT_USTACK	8	/* ustack(arg frames) */
#define DTRACEACT_SPECULATE	9	/* speculate(id): must come first */
#define DTRACEACT_COMMIT	10	/* commit(id) */
#define DTRACEACT_DISCARD	11	/* discard(id) */
#define DTRACEACT_CLEAR		12	/* clear(@agg): aggid */
#define DTRACEACT_TRUNC		13	/* trunc(@agg[, n]): aggid */
#define DTRACEACT_RAISE		14	/* destructive: raise(sig) */
#define DTRACEACT_STOP		15	/* destructive: stop() */
#define DTRACEACT_SYSTEM	16	/* destructive: marker, consumer runs */
#define DTRACEACT_CHILL		17	/* destructive: chill(ns) */
#define DTRACEACT_BREAKPOINT	18	/* destructive */
#define DTRACEACT_PANIC		19	/* destructive */
#define DTRACEACT_AGGREGATE	20	/* @agg[keys] = func(args) */
#define DTRACEACT_MARKER	21	/* records nothing: consumer-side only */
#define DTRACEACT_MAX		21

/* Aggregating functions (action arg for DTRACEACT_AGGREGATE). */
#define DTRACEAGG_COUNT		1
#define DTRACEAGG_SUM		2
#define DTRACEAGG_AVG		3
#define DTRACEAGG_MIN		4
#define DTRACEAGG_MAX		5
#define DTRACEAGG_STDDEV	6
#define DTRACEAGG_QUANTIZE	7
#define DTRACEAGG_LQUANTIZE	8
#define DTRACEAGG_LLQUANTIZE	9

/*
 * quantize: DTRACE_QUANTIZE_NBUCKETS buckets, bucket 0 for values
 * <= -2^62 ... bucket ZEROBUCKET for 0 ... up to >= 2^62 (DTrace's layout).
 */
#define DTRACE_QUANTIZE_NBUCKETS	(((sizeof(__u64) * 8) - 1) * 2 + 1)
#define DTRACE_QUANTIZE_ZEROBUCKET	((sizeof(__u64) * 8) - 1)

/*
 * lquantize(v, base, limit, step): arg2 packs base (signed 32 bits, low),
 * step (16 bits) and levels (16 bits) as DTrace does; the value has
 * levels + 2 buckets (underflow, levels, overflow).
 * llquantize(v, factor, low, high, nsteps): arg2 packs factor:16 low:16
 * high:16 nsteps:16.
 */
#define DTRACE_LQUANTIZE_ARG(base, step, levels) \
	((((__u64)(__u16)(step)) << 48) | (((__u64)(__u16)(levels)) << 32) | \
	 (__u64)(__u32)(base))
#define DTRACE_LQUANTIZE_BASE(a)	((__s32)((a) & 0xffffffffULL))
#define DTRACE_LQUANTIZE_LEVELS(a)	((__u16)(((a) >> 32) & 0xffff))
#define DTRACE_LQUANTIZE_STEP(a)	((__u16)(((a) >> 48) & 0xffff))
#define DTRACE_LLQUANTIZE_ARG(factor, low, high, nsteps) \
	((((__u64)(__u16)(factor)) << 48) | (((__u64)(__u16)(low)) << 32) | \
	 (((__u64)(__u16)(high)) << 16) | (__u64)(__u16)(nsteps))
#define DTRACE_LLQUANTIZE_FACTOR(a)	((__u16)(((a) >> 48) & 0xffff))
#define DTRACE_LLQUANTIZE_LOW(a)	((__u16)(((a) >> 32) & 0xffff))
#define DTRACE_LLQUANTIZE_HIGH(a)	((__u16)(((a) >> 16) & 0xffff))
#define DTRACE_LLQUANTIZE_NSTEPS(a)	((__u16)((a) & 0xffff))

/*
 * llquantize bucket layout (DTrace's), shared by the module and dtrace(1):
 *  - bucket 0 counts values < factor^low (negative values included);
 *  - each order of magnitude m = low .. high covers [factor^m,
 *    factor^(m+1)) with linear buckets of width factor^(m+1) / s, where
 *    s = min(nsteps, factor^(m+1)), starting at factor^m: that is
 *    s - s / factor buckets (factor - 1 of width 1 for m = 0);
 *  - the last bucket counts values >= factor^(high+1).
 * Valid parameters: factor >= 2, low < high, nsteps >= factor, nsteps a
 * multiple of factor that evenly divides a power of factor (so every bucket
 * width is an integer), factor^(high+1) <= INT64_MAX.  For anything else
 * DTRACE_LLQUANTIZE_NBUCKETS() is 0.  Every loop below is bounded by 64.
 */
#define DTRACE_LLQUANTIZE_NBUCKETS(a)	dtrace_llquantize_nbuckets(a)
#define DTRACE_S64_MAX	((__s64)0x7fffffffffffffffULL)
#define DTRACE_S64_MIN	(-DTRACE_S64_MAX - 1)

/* factor^e, or -1 if it exceeds DTRACE_S64_MAX (factor >= 2). */
static inline __s64 dtrace_llquantize_pow(__u16 factor, unsigned int e)
{
	__s64 v = 1;

	while (e-- > 0) {
		if (v > DTRACE_S64_MAX / factor)
			return -1;
		v *= factor;
	}
	return v;
}

static inline int dtrace_llquantize_valid(__u64 a)
{
	__u16 factor = DTRACE_LLQUANTIZE_FACTOR(a);
	__u16 low = DTRACE_LLQUANTIZE_LOW(a);
	__u16 high = DTRACE_LLQUANTIZE_HIGH(a);
	__u16 nsteps = DTRACE_LLQUANTIZE_NSTEPS(a);
	__s64 p;

	if (factor < 2 || low >= high || nsteps < factor || nsteps % factor)
		return 0;
	for (p = factor; p < nsteps; p *= factor)
		;
	if (p % nsteps)
		return 0;
	return high < 64 && dtrace_llquantize_pow(factor, high + 1) > 0;
}

/* Number of value words of an llquantize aggregation, 0 if invalid. */
static inline __u32 dtrace_llquantize_nbuckets(__u64 a)
{
	__u16 factor = DTRACE_LLQUANTIZE_FACTOR(a);
	__u16 nsteps = DTRACE_LLQUANTIZE_NSTEPS(a);
	unsigned int m;
	__u32 n = 2;
	__s64 q, s;

	if (!dtrace_llquantize_valid(a))
		return 0;
	q = dtrace_llquantize_pow(factor, DTRACE_LLQUANTIZE_LOW(a));
	for (m = DTRACE_LLQUANTIZE_LOW(a); m <= DTRACE_LLQUANTIZE_HIGH(a); m++) {
		q *= factor;
		s = q < nsteps ? q : nsteps;
		n += s - s / factor;
	}
	return n;
}

/* Bucket index of value v (parameters must be valid). */
static inline __u32 dtrace_llquantize_bucket(__u64 a, __s64 v)
{
	__u16 factor = DTRACE_LLQUANTIZE_FACTOR(a);
	__u16 nsteps = DTRACE_LLQUANTIZE_NSTEPS(a);
	unsigned int m;
	__s64 p, q, s;
	__u32 base = 1;

	p = dtrace_llquantize_pow(factor, DTRACE_LLQUANTIZE_LOW(a));
	if (v < p)
		return 0;
	for (m = DTRACE_LLQUANTIZE_LOW(a); m <= DTRACE_LLQUANTIZE_HIGH(a); m++) {
		q = p * factor;
		s = q < nsteps ? q : nsteps;
		if (v < q)
			return base + (__u32)((v - p) / (q / s));
		base += s - s / factor;
		p = q;
	}
	return base;
}

/*
 * Lowest value counted in bucket i: DTRACE_S64_MIN for bucket 0,
 * factor^(high+1) for the last, DTRACE_S64_MAX past the end.
 */
static inline __s64 dtrace_llquantize_bucket_min(__u64 a, __u32 i)
{
	__u16 factor = DTRACE_LLQUANTIZE_FACTOR(a);
	__u16 nsteps = DTRACE_LLQUANTIZE_NSTEPS(a);
	unsigned int m;
	__s64 p, q, s;
	__u32 k;

	if (i == 0)
		return DTRACE_S64_MIN;
	if (i >= dtrace_llquantize_nbuckets(a))
		return DTRACE_S64_MAX;
	p = dtrace_llquantize_pow(factor, DTRACE_LLQUANTIZE_LOW(a));
	i--;
	for (m = DTRACE_LLQUANTIZE_LOW(a); m <= DTRACE_LLQUANTIZE_HIGH(a); m++) {
		q = p * factor;
		s = q < nsteps ? q : nsteps;
		k = s - s / factor;
		if (i < k)
			return p + (__s64)i * (q / s);
		i -= k;
		p = q;
	}
	return p;
}

/* Buffer policies. */
#define DTRACE_BUFPOLICY_SWITCH	0
#define DTRACE_BUFPOLICY_FILL	1
#define DTRACE_BUFPOLICY_RING	2

struct dtrace_enable_hdr {
	__u32 size;			/* whole blob */
	__u32 version;			/* DTRACE_ABI_VERSION */
	__u32 nclauses;
	__u32 flags;			/* DTRACE_ENABLE_* */
	/* options, zero means the module default */
	__u64 bufsize;			/* per-CPU principal buffer, bytes */
	__u64 aggsize;			/* per-CPU aggregation space, bytes */
	__u64 specsize;			/* per speculation buffer, bytes */
	__u64 dynvarsize;		/* dynamic variable space, bytes */
	__u32 bufpolicy;		/* DTRACE_BUFPOLICY_* */
	__u32 strsize;			/* string size, bytes (default 256) */
	__u32 nspec;			/* number of speculations (default 1) */
	__u32 stackframes;		/* default stack() depth (default 20) */
	__u32 ngvars;			/* global variable IDs used: UBASE.. */
	__u32 ntvars;			/* thread-local variable IDs used */
	__u32 nlvars;			/* clause-local variable IDs used */
	__u32 naggs;			/* aggregation IDs used: 1..naggs */
	__u64 reserved[4];
};
#define DTRACE_ENABLE_DESTRUCTIVE	0x1	/* -w: destructive actions allowed */
#define DTRACE_ENABLE_ZDEFS		0x2	/* descriptions matching nothing ok */

struct dtrace_clause_hdr {
	__u32 size;			/* whole clause */
	__u32 nactions;
	__u32 flags;			/* DTRACE_CLAUSE_* */
	__u32 recsize;			/* record data bytes (after rechdr) */
	struct dtrace_probedesc desc;	/* which probes */
};
#define DTRACE_CLAUSE_PRED		0x1	/* a predicate DIF object follows */
/*
 * The clause writes no record into the principal buffer (all its actions
 * are AGGREGATE): set by the compiler.  Every other clause, including one
 * with no actions (DTrace's default action), writes a record (a rechdr
 * and recsize bytes) each time it fires.
 */
#define DTRACE_CLAUSE_NOREC		0x2

struct dtrace_action_hdr {
	__u32 size;			/* whole action */
	__u16 kind;			/* DTRACEACT_* */
	__u16 ndifo;			/* DIF objects following this header */
	__u32 recoff;			/* offset of its data in the record */
	__u32 recsize;			/* bytes it records (0 if none) */
	__u64 arg;			/* kind-specific (see below) */
	__u64 arg2;			/* kind-specific (see below) */
	__u32 aggid;			/* DTRACEACT_AGGREGATE/CLEAR/TRUNC */
	__u32 nkeys;			/* DTRACEACT_AGGREGATE: key DIFOs */
	__u32 stackkeys;		/* AGGREGATE: bit i: key i is stack() */
	__u32 ustackkeys;		/* AGGREGATE: bit i: key i is ustack() */
};
/*
 * Per kind: ndifo, what is recorded at recoff (recsize bytes):
 *  DIFEXPR     1  the value: 8 bytes for integers, strsize for strings,
 *                 rtype.size for by-ref objects (copied, fault-checked);
 *                 with recsize 0 (rtype.size 0) the DIFO runs only for its
 *                 side effects (D statements like "x = 1;") and nothing
 *                 is recorded
 *  EXIT        1  the int exit status (8 bytes); tracing stops after
 *  PRINTF      0  nothing (arg = consumer's format index); its arguments
 *                 are the DIFEXPR actions that follow
 *  PRINTA      0  nothing (arg = format index or ~0, aggid = aggregation)
 *  SETOPT      0  nothing (arg = consumer's option index)
 *  MARKER      0  nothing (arg = consumer-defined)
 *  TRACEMEM    1  arg bytes read from the address the DIFO returns
 *  STACK       0  __u64 depth then arg x __u64 PCs (recsize = 8 + 8*arg)
 *  USTACK      0  __u64 depth then arg x __u64 PCs (user), pid first:
 *                 recsize = 16 + 8*arg (pid, depth, pcs)
 *  SPECULATE   1  nothing; the DIFO returns the speculation ID
 *  COMMIT      1  nothing; the DIFO returns the ID
 *  DISCARD     1  nothing; the DIFO returns the ID
 *  CLEAR       0  nothing; aggid.  Aggregation snapshots are deltas
 *                 (each snapshot switches the per-CPU aggregation buffers),
 *                 so clear() and trunc() are done by the consumer when it
 *                 meets the record, in buffer order, as DTrace does
 *  TRUNC       1  N (8 bytes): the DIFO returns N (0 = all; <0 = bottom)
 *  RAISE       1  nothing; the DIFO returns the signal
 *  STOP        0  nothing
 *  SYSTEM      0  nothing (the consumer runs the command; arg = format)
 *  CHILL       1  nothing; the DIFO returns nanoseconds (bounded)
 *  BREAKPOINT  0,  PANIC 0
 *  AGGREGATE   nkeys + 1: key DIFOs, then the value DIFO (omitted for
 *              count, whose ndifo = nkeys), then for quantize, lquantize
 *              and llquantize an optional increment DIFO (ndifo =
 *              nkeys + 2; the bucket grows by the increment instead of 1);
 *              arg = DTRACEAGG_*, arg2 = lquantize/llquantize parameters;
 *              records nothing in the principal buffer.
 *              A key whose bit is set in stackkeys (ustackkeys) is the
 *              kernel (user) stack of the probe, laid out as the STACK
 *              (USTACK) record: its DIFO is not run and has a by-reference
 *              return type whose size is that layout's, 8 + 8 * frames
 *              (16 + 8 * frames), frames 1..DTRACE_STACK_MAXDEPTH.
 */

/* ----------------------------------------------------------------------
 * 5. Buffers
 *
 * A principal or speculative buffer snapshot is a sequence of records,
 * each starting on an 8-byte boundary:
 *   struct dtrace_rechdr   epid, size (header included), timestamp
 *   data                   the clause's recsize bytes, at each action's
 *                          recoff
 * A record with epid DTRACE_EPID_ERROR carries struct dtrace_errrec: the
 * module writes it when an action faults (DTrace's ERROR probe arguments).
 * ---------------------------------------------------------------------- */
struct dtrace_rechdr {
	__u32 epid;
	__u32 size;
	__u64 timestamp;
};

#define DTRACE_EPID_ERROR	0xffffffffu

struct dtrace_errrec {
	__u32 epid;			/* enabled probe that faulted */
	__u32 action;			/* action index (0 = predicate) */
	__u32 difoff;			/* DIF offset (instruction index) */
	__u32 fault;			/* DTRACEFLT_* */
	__u64 addr;			/* illegal value, if any */
};

/*
 * An aggregation snapshot is a sequence of these, each on 8 bytes:
 * the key (concatenated key values: 8 bytes per integer, strsize per
 * string, the record layout for stacks) then the value (__s64 words, layout per function:
 *   count, sum, min, max: 1 word; avg: count, total; stddev: count, total,
 *   sum of squares as 128 bits (low word, high word);
 *   quantize: DTRACE_QUANTIZE_NBUCKETS counts; lquantize: levels + 2
 *   counts; llquantize: DTRACE_LLQUANTIZE_NBUCKETS(arg2) counts, see
 *   there).
 */
struct dtrace_aggrec {
	__u32 size;			/* whole record, a multiple of 8 */
	__u32 aggid;
	__u32 keysize;
	__u32 valsize;
};
/*
 * In a dtrace_aggrec the key follows the header and is padded with zero
 * bytes to a multiple of 8, so the value words are aligned:
 * size = sizeof(struct dtrace_aggrec) + ALIGN8(keysize) + valsize.
 */

/* ----------------------------------------------------------------------
 * 6. ioctls
 * ---------------------------------------------------------------------- */
#define DTRACE_IOC_MAGIC	'D'

/* Module identity and configuration. */
struct dtrace_ioc_info {
	__u32 size;
	__u32 version;			/* in: DTRACE_ABI_VERSION */
	__u32 abi_version;		/* out */
	__u32 platform;			/* out: DTRACE_PLATFORM_* */
	char module_version[32];	/* out: DTRACE_VERSION_STRING */
	char kernel_release[64];	/* out: built for */
	__u64 bufsize_default;		/* out: Kconfig values */
	__u64 aggsize_default;
	__u32 max_enablings;
	__u32 max_probes;
	__u32 dif_maxlen;
	__u32 dev_mode;
	__u32 dev_gid;
	__u32 ncpus;			/* possible CPUs */
	__u32 nprobes;			/* currently registered */
	__u32 profile_min_us;		/* shortest profile/tick interval */
	__u64 reserved[4];
};

/* List probes: fill .probes with up to .count matches with ID >= .start. */
struct dtrace_ioc_probes {
	__u32 size;
	__u32 version;
	struct dtrace_probedesc match;	/* in: pattern (empty fields match all) */
	__u32 start;			/* in: lowest ID to return */
	__u32 count;			/* in: room; out: returned */
	__u64 probes;			/* in: user pointer to dtrace_probedesc[] */
	__u32 next;			/* out: ID to start the next call at, 0 = end */
	__u32 pad;
};

/* Enable: pass an enabling blob; out: EPIDs are 1..nepids. */
struct dtrace_ioc_enable {
	__u32 size;
	__u32 version;
	__u64 blob;			/* in: user pointer */
	__u32 bloblen;			/* in */
	__u32 nepids;			/* out: ECBs created (EPIDs 1..nepids) */
	__u32 nmatched[64];		/* out: probes matched per clause (first 64) */
	/* on -EINVAL: */
	__u32 err_clause;		/* clause index */
	__u32 err_action;		/* action index, ~0 = predicate/clause */
	__u32 err_difo;			/* DIF object index within the action */
	__u32 err_offset;		/* instruction index, ~0 if none */
	char err_msg[128];		/* what is wrong */
};

/* EPID -> probe and clause. */
struct dtrace_ioc_epinfo {
	__u32 size;
	__u32 version;
	__u32 epid;			/* in */
	__u32 clause;			/* out: clause index in the enabling */
	struct dtrace_probedesc probe;	/* out: the probe (with ID) */
};

/* Snapshot one CPU's principal buffer (switching it) or aggregations. */
struct dtrace_ioc_buf {
	__u32 size;
	__u32 version;
	__u32 cpu;			/* in */
	__u32 flags;			/* out: DTRACE_BUF_* */
	__u64 data;			/* in: user pointer */
	__u64 datalen;			/* in: room; out: bytes copied */
	__u64 drops;			/* out: records dropped since last snap */
	__u64 reserved[2];
};
#define DTRACE_BUF_WRAPPED	0x1	/* ring buffer wrapped */
#define DTRACE_BUF_FULL		0x2	/* fill buffer is full */
#define DTRACE_BUF_MORE		0x4	/* more records pending: BUFSNAP again
					   (room was too small for all) */

/* A provider's attributes and probe count, by name. */
struct dtrace_ioc_provider {
	__u32 size;
	__u32 version;
	char name[DTRACE_PROVNAMELEN];	/* in: no patterns */
	struct dtrace_pattr attr;	/* out */
	__u32 nprobes;			/* out: its probes now */
	__u64 reserved[2];
};

struct dtrace_ioc_status {
	__u32 size;
	__u32 version;
	__u32 activity;			/* DTRACE_ACTIVITY_* */
	__s32 exit_status;		/* exit() argument */
	__u32 exiting;			/* exit() was called */
	__u32 begin_cpu;		/* CPU BEGIN fired on */
	__u64 errors;			/* faults (error records written) */
	__u64 dyndrops;			/* dynamic variable drops */
	__u64 dyndrops_rinse;
	__u64 dyndrops_dirty;
	__u64 specdrops;		/* speculative drops */
	__u64 specdrops_busy;
	__u64 specdrops_unavail;
	__u64 aggdrops;			/* aggregation drops */
	__u64 stkdrops;
	__u64 recursion_drops;		/* probes fired inside probe context */
	__u64 reserved[4];
};
#define DTRACE_ACTIVITY_INACTIVE	0
#define DTRACE_ACTIVITY_ACTIVE		1	/* after GO */
#define DTRACE_ACTIVITY_DRAINING	2	/* exit() called */
#define DTRACE_ACTIVITY_STOPPED		3	/* after STOP: END has fired */

#define DTRACEIOC_INFO		_IOWR(DTRACE_IOC_MAGIC, 1, struct dtrace_ioc_info)
#define DTRACEIOC_PROBES	_IOWR(DTRACE_IOC_MAGIC, 2, struct dtrace_ioc_probes)
#define DTRACEIOC_ENABLE	_IOWR(DTRACE_IOC_MAGIC, 3, struct dtrace_ioc_enable)
#define DTRACEIOC_EPINFO	_IOWR(DTRACE_IOC_MAGIC, 4, struct dtrace_ioc_epinfo)
#define DTRACEIOC_GO		_IOWR(DTRACE_IOC_MAGIC, 5, struct dtrace_ioc_status)
#define DTRACEIOC_STOP		_IOWR(DTRACE_IOC_MAGIC, 6, struct dtrace_ioc_status)
#define DTRACEIOC_BUFSNAP	_IOWR(DTRACE_IOC_MAGIC, 7, struct dtrace_ioc_buf)
#define DTRACEIOC_AGGSNAP	_IOWR(DTRACE_IOC_MAGIC, 8, struct dtrace_ioc_buf)
#define DTRACEIOC_STATUS	_IOWR(DTRACE_IOC_MAGIC, 9, struct dtrace_ioc_status)
#define DTRACEIOC_PROVIDER	_IOWR(DTRACE_IOC_MAGIC, 10, struct dtrace_ioc_provider)

/*
 * DTRACEIOC_FBTSYMS: dtrace(1) gives the fbt provider the kernel's
 * functions (the module cannot walk the kernel's symbol table): one entry
 * per address, from tracefs available_filter_functions and /proc/kallsyms.
 * The module checks every entry (sprint_symbol(addr) must print exactly
 * "func+0x0/0xSIZE", followed by " [mod]" unless mod is "vmlinux", and
 * the function must have an ftrace call site) and counts the outcome; a
 * call with nsyms 0 only reports the counters.  Functions of modules loaded
 * later are added by the module itself.  -ENOTTY: no fbt provider.
 */
struct dtrace_fbt_sym {
	__u64 addr;			/* the function's address */
	__u32 func;			/* offset of its name in the string table */
	__u32 mod;			/* offset of its module's name ("vmlinux") */
};

#define DTRACE_FBT_MAXSYMS	(1U << 20)	/* entries per call */
#define DTRACE_FBT_MAXSTR	(64U << 20)	/* string table bytes per call */
#define DTRACE_FBT_KERNEL	0x1		/* flags: the kernel's list is in */

struct dtrace_ioc_fbtsyms {
	__u32 size;
	__u32 version;
	__u32 nsyms;			/* in: entries at syms (0: counters only) */
	__u32 strsize;			/* in: bytes at strtab */
	__u64 syms;			/* in: user pointer to dtrace_fbt_sym[] */
	__u64 strtab;			/* in: user pointer to NUL-ended names */
	__u32 added;			/* out: addresses added */
	__u32 known;			/* out: addresses the module had already */
	__u32 nosite;			/* out: no ftrace call site: left out */
	__u32 excluded;			/* out: left out by policy (see dtrace.1) */
	__u32 rejected;			/* out: entries that failed the checks */
	__u32 first_rejected;		/* out: index of the first, ~0U if none */
	__u32 nfuncs;			/* out: functions the provider knows */
	__u32 flags;			/* out: DTRACE_FBT_KERNEL */
	char err_msg[256];		/* out: why first_rejected was rejected */
};
#define DTRACEIOC_FBTSYMS	_IOWR(DTRACE_IOC_MAGIC, 11, struct dtrace_ioc_fbtsyms)

/*
 * DTRACEIOC_SDTNAMES: dtrace(1) gives the sdt provider the names of the
 * kernel image's trace events, "group" and "event", from tracefs
 * available_events (a module cannot list the kernel's trace events: only
 * its tracepoints, which carry no group).  The string table holds nnames
 * pairs, each "group\0event\0".  The module checks every pair: the event
 * must be one of the kernel's trace events (trace_get_event_file) and be
 * backed by a tracepoint of the kernel image, then creates the probe
 * sdt:group::event.  Events of modules are found by the module itself
 * (their own trace event tables); pairs naming them count as notp, like
 * events with no tracepoint (syscalls, kprobes, synthetic events).  A
 * call with nnames 0 only reports the counters.  flags in: DTRACE_SDT_KERNEL
 * says the pairs are the whole of available_events; out: the module has
 * had such a list (dtrace(1) need not send it again).  -ENOTTY: no sdt
 * provider.
 */
#define DTRACE_SDT_MAXNAMES	(1U << 16)	/* pairs per call */
#define DTRACE_SDT_MAXSTR	(4U << 20)	/* string table bytes per call */
#define DTRACE_SDT_KERNEL	0x1		/* flags: the kernel's list is in */

struct dtrace_ioc_sdtnames {
	__u32 size;
	__u32 version;
	__u32 nnames;			/* in: pairs at strtab (0: counters only) */
	__u32 strsize;			/* in: bytes at strtab */
	__u64 strtab;			/* in: user pointer to the pairs */
	__u32 added;			/* out: probes created */
	__u32 known;			/* out: pairs whose probe existed */
	__u32 notp;			/* out: not a tracepoint of the kernel image */
	__u32 rejected;			/* out: malformed pairs */
	__u32 nprobes;			/* out: sdt probes now */
	__u32 flags;			/* in, out: DTRACE_SDT_KERNEL */
};
#define DTRACEIOC_SDTNAMES	_IOWR(DTRACE_IOC_MAGIC, 12, struct dtrace_ioc_sdtnames)

/*
 * DTRACEIOC_PROBEARG: the type of argument ndx of probe id, as DTrace's
 * argument descriptions give it (dtargd_native, dtargd_xlate,
 * dtargd_mapping): native is the C type of the value the probe passes
 * (a kernel type: "struct task_struct *"), xlate the type D programs see
 * through a translator ("psinfo_t *"), empty when args[ndx] is the
 * native value itself; mapping is the native argument args[ndx] is
 * translated from (the providers that describe their arguments pass
 * them in DTrace's numbering: mapping is ndx).  nargs is the number of
 * arguments the probe describes; native is empty when ndx >= nargs.
 * -ENOENT: no such probe; -ENODATA: its provider describes no arguments.
 */
#define DTRACE_ARGTYPELEN	128

struct dtrace_ioc_probearg {
	__u32 size;
	__u32 version;
	__u32 id;			/* in: the probe */
	__u32 ndx;			/* in: the argument */
	__u32 nargs;			/* out */
	__s32 mapping;			/* out */
	char native[DTRACE_ARGTYPELEN];	/* out */
	char xlate[DTRACE_ARGTYPELEN];	/* out */
};
#define DTRACEIOC_PROBEARG	_IOWR(DTRACE_IOC_MAGIC, 13, struct dtrace_ioc_probearg)

#endif /* _DTRACE_H */
