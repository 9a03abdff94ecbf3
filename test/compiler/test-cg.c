// SPDX-License-Identifier: GPL-2.0
/*
 * test-cg.c - host tests of the D compiler's code generation.
 *
 * D programs are compiled with dt_compile(); every DIF object of the
 * enabling is then run through the module's own validator
 * (dtrace_difo_create, gen/400) and the statements of a clause through
 * the module's emulator (gen/430), on top of the unit-test shim, so the
 * DIF the compiler emits is checked against the DIF machine that will
 * run it.  Expected values are C/D semantics worked out by hand.
 *
 * With file arguments, only validates every DIF object of each D file
 * (used by run.sh on test/d).
 */
#include <pthread.h>

#include "shim.h"
#include "../../gen/300-core.h"
#include "../../gen/400-dif-validate.c"
#include "../../gen/410-dynvar.c"
#include "../../gen/420-dif-subr.c"
#include "../../gen/430-dif-emulate.c"

#include "tools/dtrace/dt_prog.h"

static int npass, nfail;

/* ---- walking the enabling ------------------------------------------------ */
struct objref {
	const u8 *p;
	size_t len;
	int clause, action, difo;	/* action -1 = predicate */
	int kind;
};

static int walk(const struct dt_prog *prog, struct objref *out, int max)
{
	const u8 *p = (const u8 *)prog->blob + sizeof(struct dtrace_enable_hdr);
	const u8 *end = (const u8 *)prog->blob + prog->bloblen;
	u32 c, a, k;
	int n = 0;

	for (c = 0; c < prog->hdr->nclauses; c++) {
		const struct dtrace_clause_hdr *ch = (const void *)p;
		const u8 *q = p + sizeof(*ch);

		if (p + sizeof(*ch) > end || p + ch->size > end)
			return -1;
		if (ch->flags & DTRACE_CLAUSE_PRED) {
			const struct dtrace_difo_hdr *h = (const void *)q;

			if (n < max)
				out[n] = (struct objref){ q, ch->size - (q - p),
							  c, -1, 0, 0 };
			n++;
			q += h->size;
		}
		for (a = 0; a < ch->nactions; a++) {
			const struct dtrace_action_hdr *ah = (const void *)q;
			const u8 *r = q + sizeof(*ah);

			for (k = 0; k < ah->ndifo; k++) {
				const struct dtrace_difo_hdr *h =
					(const void *)r;

				if (n < max)
					out[n] = (struct objref){ r,
						ah->size - (r - q), c, a, k,
						ah->kind };
				n++;
				r += h->size;
			}
			q += ah->size;
		}
		p += ch->size;
	}
	return n;
}

static struct dtrace_vlimits lim;

static void set_limits(const struct dt_prog *prog)
{
	memset(&lim, 0, sizeof(lim));
	lim.maxlen = 8192;
	lim.strsize = prog->hdr->strsize;
	lim.ngvars = prog->hdr->ngvars;
	lim.ntvars = prog->hdr->ntvars;
	lim.nlvars = prog->hdr->nlvars;
	lim.destructive = true;
}

/* Validate every DIF object; returns the number rejected. */
static int validate_all(const struct dt_prog *prog, const char *what)
{
	struct objref refs[512];
	int n = walk(prog, refs, 512), i, bad = 0;

	if (n < 0) {
		printf("  %s: malformed enabling\n", what);
		return 1;
	}
	set_limits(prog);
	for (i = 0; i < n && i < 512; i++) {
		struct dtrace_difo *d = NULL;
		struct dtrace_verr verr;
		size_t used = 0;

		memset(&verr, 0, sizeof(verr));
		if (dtrace_difo_create(refs[i].p, refs[i].len, &lim, &d,
				       &used, &verr)) {
			printf("  %s: clause %d action %d difo %d rejected: %s (at %d)\n",
			       what, refs[i].clause, refs[i].action,
			       refs[i].difo, verr.msg, (int)verr.offset);
			bad++;
			continue;
		}
		dtrace_difo_destroy(d);
	}
	return bad;
}

/* Compile options for the next compile(): macro arguments, flags. */
static int g_argc;
static char *const *g_argv;
static unsigned g_flags;

static struct dt_prog *compile(const char *src, struct dt_error *err)
{
	struct dt_compile_opts o;
	struct dt_prog *prog = NULL;

	memset(&o, 0, sizeof(o));
	o.source = src;
	o.kind = DT_SRC_SCRIPT;
	o.filename = "test.d";
	o.target_pid = -1;
	o.argc = g_argc;
	o.argv = g_argv;
	o.flags = g_flags;
	if (dt_compile(&o, &prog, err) < 0)
		return NULL;
	return prog;
}

/* ---- running a clause ----------------------------------------------------- */
static char scratch[16384];
static struct dtrace_mstate ms;
static struct dtrace_vstate *vs;
static struct dtrace_probedesc pdesc = {
	.id = 42, .provider = "dtrace", .mod = "", .func = "",
	.name = "BEGIN",
};
static struct dtrace_difo *live[256];
static int nlive;

static void live_free(void)
{
	while (nlive)
		dtrace_difo_destroy(live[--nlive]);
}

/*
 * Compile src, run clause 0's predicate (if any) and actions in order
 * on a fresh variable state; return the value of the last DIF object of
 * the last DIFEXPR/EXIT action that records something, in *val.
 * Returns 0 on success, -1 on compile/validate failure, 1 on fault.
 */
static int run(const char *src, u64 *val, struct dt_prog **progp)
{
	struct dt_error err;
	struct dt_prog *prog = compile(src, &err);
	struct objref refs[256];
	struct dtrace_enable_hdr h;
	int n, i;

	*val = 0xdeadbeefULL;
	if (!prog) {
		printf("  compile failed: %s: line %d: %s\n",
		       dt_errtag_name(err.tag), err.line, err.msg);
		return -1;
	}
	if (validate_all(prog, src)) {
		dt_prog_free(prog);
		return -1;
	}
	set_limits(prog);
	h = *prog->hdr;
	if (!h.dynvarsize)
		h.dynvarsize = 256 * 1024;
	dtrace_vstate_destroy(vs);
	vs = NULL;
	if (dtrace_vstate_create(&h, &vs)) {
		printf("  vstate_create failed\n");
		dt_prog_free(prog);
		return -1;
	}
	if (!shim_nmem)
		shim_mem_add(&pdesc, sizeof(pdesc), SHIM_MEM_KERNEL);
	memset(&ms, 0, sizeof(ms));
	for (i = 0; i < DTRACE_MAXARGS; i++)
		ms.args[i] = 100 + i;
	ms.probe_id = 42;
	ms.epid = 7;
	ms.pdesc = &pdesc;
	ms.timestamp = 123456789;
	ms.cpu = 1;
	ms.strsize = prog->hdr->strsize;
	ms.scratch = scratch;
	ms.scratch_size = sizeof(scratch);
	ms.vstate = vs;
	dtrace_vstate_clause_begin(vs, 1);
	n = walk(prog, refs, 256);
	live_free();
	for (i = 0; i < n; i++) {
		struct dtrace_difo *d = NULL;
		struct dtrace_verr verr;
		size_t used;
		u64 v;

		if (refs[i].clause != 0)
			break;
		if (dtrace_difo_create(refs[i].p, refs[i].len, &lim, &d,
				       &used, &verr))
			return -1;
		live[nlive++] = d;
		dtrace_vstate_addvars(vs, d);	/* as the enabling's parser */
		ms.flags = 0;
		v = dtrace_dif_emulate(d, &ms);
		if (ms.flags & DTRACE_MSTATE_FAULT) {
			printf("  fault %u at %u\n", ms.fault, ms.difoff);
			*val = v;
			if (progp)
				*progp = prog;
			else
				dt_prog_free(prog);
			return 1;
		}
		if (refs[i].action < 0 && v == 0)
			break;		/* predicate false */
		if (refs[i].action >= 0 &&
		    prog->clauses[0].actions[refs[i].action].recsize)
			*val = v;
	}
	if (progp)
		*progp = prog;
	else
		dt_prog_free(prog);
	return 0;
}

static void expect_int(const char *src, u64 want, int line)
{
	u64 v;

	if (run(src, &v, NULL) != 0 || v != want) {
		printf("FAIL line %d: %s\n  got %#llx, want %#llx\n", line,
		       src, v, want);
		nfail++;
	} else {
		npass++;
	}
}

static void expect_str(const char *src, const char *want, int line)
{
	u64 v;

	if (run(src, &v, NULL) != 0 || v == 0xdeadbeefULL ||
	    strcmp((const char *)(uintptr_t)v, want)) {
		printf("FAIL line %d: %s\n  got \"%s\", want \"%s\"\n", line,
		       src, v && v != 0xdeadbeefULL ?
		       (const char *)(uintptr_t)v : "?", want);
		nfail++;
	} else {
		npass++;
	}
}

static void expect_err(const char *src, int tag, int line, int srcline);
#define EE(src, tag)		expect_err(src, tag, 0, __LINE__)
#define EEL(src, tag, line)	expect_err(src, tag, line, __LINE__)

/* Truncate v to the D type of the value recorded by trace(). */
#define T(expr)		"BEGIN { trace(" expr "); }"
#define EI(expr, want)	expect_int(T(expr), (u64)(want), __LINE__)
#define ES(expr, want)	expect_str(T(expr), want, __LINE__)
#define PI(prog, want)	expect_int(prog, (u64)(want), __LINE__)
#define PS(prog, want)	expect_str(prog, want, __LINE__)

static void test_arith(void)
{
	EI("1 + 2 * 3", 7);
	EI("(1 + 2) * 3", 9);
	EI("10 - 4 - 3", 3);			/* left associative */
	EI("100 / 7", 14);
	EI("100 % 7", 2);
	EI("-7 / 2", (u64)-3);			/* truncation toward 0 */
	EI("-7 % 2", (u64)-1);
	EI("1 << 10", 1024);
	/*
	 * Constants fold as DTrace's dt_node_op2() folds them: in 64 bits,
	 * kept whole (trace() records the type's size), so an int can hold
	 * more than 32 bits; >> of a signed type stays arithmetic.
	 */
	EI("-16 >> 2", (u64)-4);
	EI("(1 << 32) >> 32", 1);
	EI("1 << 32 == 0", 0);
	EI("(long)(1 << 32)", 0);		/* dt_cast(): from 4 bytes */
	EI("(long)(-16 >> 2)", (u64)-4);
	EI("(-1LL) >> 60", (u64)-1);
	EI("0xf0 | 0x0f", 0xff);
	EI("0xff & 0x3c", 0x3c);
	EI("0xff ^ 0x0f", 0xf0);
	EI("~0", (u64)-1);
	EI("-(3)", (u64)-3);
	EI("!0", 1);
	EI("!5", 0);
	EI("2 + 3 == 5", 1);
	EI("1 ? 2 : 3", 2);
	EI("0 ? 2 : 3", 3);
	EI("sizeof (int)", 4);
	EI("sizeof (long)", 8);
	EI("sizeof (char)", 1);
	EI("'A'", 65);
	EI("'\\n'", 10);
	EI("010", 8);
	EI("0x10", 16);
	EI("4294967295U + 1", 0x100000000ULL);	/* trace() prints 0 */
	EI("(char)300", 44);
	EI("(unsigned char)-1", 255);
	EI("(short)0x18000", (u64)(s64)(short)0x8000);
	EI("(int)0x100000001", 1);
	EI("(unsigned int)-1", 0xffffffffULL);
	EI("(long)(int)-1", (u64)-1);
	/* not folded: values from variables */
	PI("BEGIN { x = 6; y = 7; trace(x * y); }", 42);
	PI("BEGIN { x = -17; trace(x / 5); }", (u64)-3);
	PI("BEGIN { x = -17; trace(x % 5); }", (u64)-2);
	PI("BEGIN { x = 17U; trace(x / 5); }", 3);
	PI("BEGIN { x = -16; trace(x >> 2); }", (u64)-4);
	PI("BEGIN { x = 0xffffffffU; trace(x >> 4); }", 0x0fffffff);
	PI("BEGIN { x = 300; trace((char)x); }", 44);
	PI("BEGIN { x = 0x1ff; trace((unsigned char)x); }", 0xff);
	PI("BEGIN { x = -1; trace((unsigned short)x); }", 0xffff);
	PI("BEGIN { x = 0x80; trace((char)x); }", (u64)-128);
	PI("BEGIN { x = 5; trace(-x); }", (u64)-5);
	PI("BEGIN { x = 5; trace(~x); }", (u64)~5ULL);
	PI("BEGIN { x = 5; trace(!x); }", 0);
	PI("BEGIN { x = 0; trace(!x); }", 1);
	PI("BEGIN { x = 1; y = 2; z = 3; trace(x + y * z - (x << z)); }", -1);
	PI("BEGIN { trace(arg0 + arg9); }", 100 + 109);
	PI("BEGIN { trace(args[2]); }", 102);
	PI("BEGIN { i = 3; trace(args[i]); }", 103);
}

static void test_compare_logic(void)
{
	PI("BEGIN { x = 3; trace(x < 4); }", 1);
	PI("BEGIN { x = 3; trace(x > 4); }", 0);
	PI("BEGIN { x = 4; trace(x <= 4); }", 1);
	PI("BEGIN { x = 4; trace(x >= 5); }", 0);
	PI("BEGIN { x = 4; trace(x == 4); }", 1);
	PI("BEGIN { x = 4; trace(x != 4); }", 0);
	/* signed vs unsigned comparison */
	PI("BEGIN { x = -1; trace(x < 1); }", 1);
	PI("BEGIN { x = -1; y = 1U; trace(x < y); }", 0);	/* uint */
	PI("BEGIN { x = -1L; y = 1UL; trace(x > y); }", 1);
	/* short circuit: the right side must not run */
	PI("BEGIN { x = 0; y = 0; z = x && (y = 1); trace(y); }", 0);
	PI("BEGIN { x = 1; y = 0; z = x || (y = 1); trace(y); }", 0);
	PI("BEGIN { x = 1; y = 0; z = x && (y = 1); trace(y); }", 1);
	PI("BEGIN { x = 2; y = 3; trace(x && y); }", 1);
	PI("BEGIN { x = 0; y = 3; trace(x || y); }", 1);
	PI("BEGIN { x = 0; y = 0; trace(x || y); }", 0);
	PI("BEGIN { x = 2; y = 3; trace(x ^^ y); }", 0);
	PI("BEGIN { x = 0; y = 3; trace(x ^^ y); }", 1);
	PI("BEGIN { x = 5; trace(x > 3 ? x * 2 : x - 1); }", 10);
	PI("BEGIN { x = 2; trace(x > 3 ? x * 2 : x - 1); }", 1);
}

static void test_strings(void)
{
	ES("\"hello\"", "hello");
	PS("BEGIN { s = \"abc\"; trace(s); }", "abc");
	PS("BEGIN { x = 1; trace(x == 1 ? \"one\" : \"other\"); }", "one");
	PS("BEGIN { x = 2; trace(x == 1 ? \"one\" : \"other\"); }", "other");
	PI("BEGIN { s = \"abc\"; trace(s == \"abc\"); }", 1);
	PI("BEGIN { s = \"abc\"; trace(s != \"abc\"); }", 0);
	PI("BEGIN { s = \"abc\"; trace(s < \"abd\"); }", 1);
	PI("BEGIN { s = \"b\"; trace(s > \"abc\"); }", 1);
	PI("BEGIN { trace(probename == \"BEGIN\"); }", 1);
	PS("BEGIN { trace(probeprov); }", "dtrace");
	PI("BEGIN { trace(strlen(\"hello\")); }", 5);
	PS("BEGIN { trace(strjoin(\"foo\", \"bar\")); }", "foobar");
	PS("BEGIN { trace(substr(\"hello world\", 6)); }", "world");
	PS("BEGIN { trace(substr(\"hello world\", 0, 5)); }", "hello");
	PI("BEGIN { trace(index(\"hello\", \"ll\")); }", 2);
	PS("BEGIN { trace(basename(\"/usr/lib/libc.so\")); }", "libc.so");
	PS("BEGIN { trace(dirname(\"/usr/lib/libc.so\")); }", "/usr/lib");
	PS("BEGIN { trace(toupper(\"abc\")); }", "ABC");
	PS("BEGIN { trace(lltostr(-42)); }", "-42");
	PS("BEGIN { trace(strjoin(strjoin(\"a\", \"b\"), strjoin(\"c\", \"d\"))); }",
	   "abcd");
	PS("BEGIN { s = strjoin(\"x\", \"y\"); t = strjoin(s, s); trace(t); }",
	   "xyxy");
	PI("BEGIN { trace(ntohs(0x1234)); }", 0x3412);
}

static void test_vars(void)
{
	PI("BEGIN { x = 1; x += 4; trace(x); }", 5);
	PI("BEGIN { x = 10; x -= 4; x *= 3; x /= 2; x %= 5; trace(x); }", 4);
	PI("BEGIN { x = 1; x <<= 4; x |= 1; x ^= 3; x &= 0xff; x >>= 1; trace(x); }",
	   9);
	PI("BEGIN { x = 5; y = x++; trace(y * 10 + x); }", 56);
	PI("BEGIN { x = 5; y = ++x; trace(y * 10 + x); }", 66);
	PI("BEGIN { x = 5; y = x--; trace(y * 10 + x); }", 54);
	PI("BEGIN { x = 5; y = --x; trace(y * 10 + x); }", 44);
	PI("BEGIN { self->t = 7; self->t++; trace(self->t); }", 8);
	PI("BEGIN { this->a = 2; this->b = this->a * 21; trace(this->b); }",
	   42);
	PI("BEGIN { a[1] = 10; a[2] = 20; trace(a[1] + a[2]); }", 30);
	PI("BEGIN { a[\"x\", 2] = 5; trace(a[\"x\", 2]); }", 5);
	PI("BEGIN { a[\"x\", 2] = 5; trace(a[\"x\", 3]); }", 0);
	PI("BEGIN { a[3] = 1; a[3]++; a[3] += 5; trace(a[3]); }", 7);
	PI("BEGIN { a[3] = 4; a[3] = 0; trace(a[3]); }", 0);
	PI("BEGIN { self->a[\"k\"] = 9; trace(self->a[\"k\"]); }", 9);
	PS("BEGIN { s[1] = \"one\"; trace(s[1]); }", "one");
	PI("int g; BEGIN { g = 0x100000001; trace(g); }", 1);
	PI("BEGIN { x = (char)200; trace(x); }", (u64)-56);
	PI("inline int FOUR = 2 + 2; BEGIN { trace(FOUR * 2); }", 8);
	PI("enum e { A, B = 5, C }; BEGIN { trace(C); }", 6);
	PI("int i; BEGIN { i++; i++; trace(i); }", 2);
	/*
	 * DTrace (dt_cook_op1): ++ and -- bring an unknown variable into
	 * being as an int64_t; compound assignments and reads of a variable
	 * not yet declared or assigned are D_VAR_UNDEF (dt_cook_var).
	 */
	PI("BEGIN { i++; i++; trace(i); }", 2);
	PI("BEGIN { --i; trace(i); }", (u64)-1);
	EE("BEGIN { i += 2; }", D_VAR_UNDEF);
	PI("BEGIN { self->i++; self->i += 2; trace(self->i); }", 3);
	EE("BEGIN { trace(self->undefined); }", D_VAR_UNDEF);
	EE("BEGIN { trace(this->undefined); }", D_VAR_UNDEF);
	EE("BEGIN { self->i += 2; }", D_VAR_UNDEF);
	EE("BEGIN { trace(a[1]); }", D_VAR_UNDEF);
	PI("BEGIN { a[1]++; a[1]++; trace(a[1]); }", 2);
	PI("BEGIN { x = 1, y = 2; trace(x + y); }", 3);
	PI("BEGIN /arg0 == 100/ { trace(1); }", 1);
	PI("BEGIN /arg0 == 99/ { trace(1); }", 0xdeadbeefULL);
	PI("BEGIN /probename == \"BEGIN\" && arg1 > 100/ { trace(2); }", 2);
}

static void test_more(void)
{
	static char *const args[] = { "test.d", "41", "hello", "sym_name" };

	PS("BEGIN { self->s = \"abc\"; trace(self->s); }", "abc");
	PS("BEGIN { n[\"k\"] = \"v\"; trace(n[\"k\"]); }", "v");
	PS("BEGIN { self->n[1, \"a\"] = \"tv\"; trace(self->n[1, \"a\"]); }",
	   "tv");
	PI("BEGIN { x = 5; trace(x < 3 ? 1 : x < 6 ? 2 : 3); }", 2);
	PI("BEGIN { x = 0; x = x ? 1 : 2; trace(x); }", 2);
	PI("BEGIN { this->p = (char *)alloca(2); trace(this->p != NULL); }", 1);
	PI("BEGIN { this->p = (char *)alloca(2); trace(this->p == 0); }", 0);
	PS("BEGIN { s = strtok(\"a/b\", \"/\"); t = strtok(NULL, \"/\"); trace(t); }",
	   "b");
	PS("BEGIN { trace(probename == \"BEGIN\" ? probeprov : probename); }",
	   "dtrace");
	PI("BEGIN { s = \"abc\"; t = \"abd\"; trace(s < t && t > s && s != t); }",
	   1);
	PI("BEGIN { trace(-2147483648 < 0); }", 1);
	PI("BEGIN { trace(0x80000000 > 0); }", 1);	/* unsigned int */
	PI("BEGIN { x = 0x7fffffff; x++; trace(x < 0); }", 1);	/* int wraps */
	PI("BEGIN { x = 0x7fffffff; y = 1; x = x + y; trace(x < 0); }", 1);
	PI("BEGIN { x = 0x7fffffff; x += 1; trace(x); }", (u64)-2147483648LL);
	PI("BEGIN { x = 0xffffffffU; x += 2; trace(x); }", 1);
	g_argc = 2;
	g_argv = args;
	PI("BEGIN { trace($1 + 1); }", 42);
	g_argc = 4;
	PS("BEGIN { trace($$2); trace($$3); trace($$1); }", "41");
	PI("BEGIN { $3 = 5; x = $$2; trace($3 * $1); }", 205);
	EE("BEGIN { trace($1); }", D_MACRO_UNUSED);
	g_argc = 0;
	g_argv = NULL;
	g_flags = DT_C_CPP;
	PI("#define X 3\n#define SQ(a) ((a) * (a))\nBEGIN { trace(SQ(X) + 1); }",
	   10);
	EEL("#define X 3\n\n/* c */\nBEGIN\n{\n\ttrace(X +);\n}\n", D_SYNTAX,
	    6);
	g_flags = 0;
	EE("#define X 3\nBEGIN { }", D_PRAGCTL_INVAL);
}

static void test_memory(void)
{
	PI("BEGIN { this->p = (int *)alloca(16); this->p[1] = 7; this->p[2] = 9;"
	   " trace(this->p[1] * this->p[2]); }", 63);
	PI("BEGIN { this->p = (char *)alloca(4); this->p[0] = 200;"
	   " trace(this->p[0]); }", (u64)-56);
	PI("BEGIN { this->p = (unsigned char *)alloca(4); this->p[0] = 200;"
	   " trace(this->p[0]); }", 200);
	PI("struct s { char c; int i; long l; }; BEGIN {"
	   " this->s = (struct s *)alloca(sizeof (struct s));"
	   " this->s->i = 5; this->s->l = 6; this->s->c = 1;"
	   " trace(this->s->l * 100 + this->s->i * 10 + this->s->c); }", 651);
	PI("struct s { char c; int i; long l; }; BEGIN { trace(offsetof(struct s, l) * 10 + sizeof (struct s)); }",
	   8 * 10 + 16);
	PI("BEGIN { this->p = (long *)alloca(16); *this->p = 3; this->q = this->p + 1;"
	   " *this->q = 4; trace(*this->p * 10 + *this->q + (this->q - this->p) * 100); }",
	   134);
	PI("BEGIN { this->p = (long *)alloca(16); this->p[0] = 5; this->p[0]++; trace(this->p[0]); }",
	   6);
}

/* ---- struct and union variables ---------------------------------------- */
#define SP "struct pair { int a; long b; }; "

static void test_structs(void)
{
	/* globals: zeroed, members, whole-struct copies */
	PI(SP "struct pair p; BEGIN { trace(p.a + p.b); }", 0);
	PI(SP "struct pair p; BEGIN { p.a = 5; p.b = 6; trace(p.a * 10 + p.b); }",
	   56);
	PI(SP "struct pair p, q; BEGIN { p.a = 1; p.b = 2; q = p; p.a = 9;"
	   " trace(q.a * 100 + q.b * 10 + p.a); }", 129);
	PI(SP "struct pair p; BEGIN { p.a = 0x7fffffff; p.a++; trace(p.a < 0); }",
	   1);
	/* thread-locals: a member of an element never set reads 0 */
	PI(SP "self struct pair s; BEGIN { trace(self->s.b); }", 0);
	PI(SP "self struct pair s; BEGIN { self->s.a = 3; self->s.a++;"
	   " self->s.b -= 4; trace(self->s.a * 10 + self->s.b); }", 36);
	/* clause-locals */
	PI(SP "this struct pair t; BEGIN { this->t.b = 7; this->t.a += 2;"
	   " trace(this->t.a * 10 + this->t.b); }", 27);
	/* associative arrays: the Guide's callinfo */
	PI(SP "struct pair i[string]; BEGIN { i[\"r\"].a++; i[\"r\"].a++;"
	   " i[\"w\"].a++; i[\"r\"].b = 1234;"
	   " trace(i[\"r\"].a * 10000 + i[\"w\"].a * 1000 + i[\"r\"].b); }",
	   2 * 10000 + 1000 + 1234);
	PI("struct callinfo { uint64_t ts; uint64_t elapsed; uint64_t calls;"
	   " size_t maxbytes; }; struct callinfo i[string]; BEGIN {"
	   " i[probefunc].ts = timestamp; i[probefunc].calls++;"
	   " i[probefunc].maxbytes = arg2 > i[probefunc].maxbytes ?"
	   " arg2 : i[probefunc].maxbytes;"
	   " i[probefunc].elapsed += timestamp - i[probefunc].ts;"
	   " trace(i[probefunc].maxbytes * 10 + i[probefunc].calls +"
	   " i[probefunc].elapsed); }", 102 * 10 + 1);
	PI(SP "struct pair i[int, string]; BEGIN { i[1, \"x\"].b = 5;"
	   " trace(i[1, \"x\"].b * 10 + i[2, \"x\"].b + i[1, \"y\"].a); }", 50);
	PI(SP "self struct pair t[int]; BEGIN { self->t[1].b = 5;"
	   " self->t[2].b = 6; trace(self->t[1].b * 10 + self->t[2].b); }", 56);
	/* implicitly typed by assignment, copies between every kind */
	PI(SP "struct pair p; BEGIN { p.b = 8; self->q = p; this->r = self->q;"
	   " a[1] = this->r; p.b = 1; self->q.b = 2; this->r.b = 3;"
	   " trace(a[1].b * 1000 + p.b * 100 + self->q.b * 10 + this->r.b); }",
	   8123);
	PI(SP "struct pair i[int]; BEGIN { i[1].a = 4; i[2] = i[1]; i[1].a = 5;"
	   " trace(i[2].a * 10 + i[1].a); }", 45);
	PI(SP "struct pair p; BEGIN { this->p = (struct pair *)alloca(16);"
	   " this->p->b = 11; p = *this->p; trace(p.b); }", 11);
	/* unions */
	PI("union u { uint32_t w; uint8_t b; }; union u x; self union u y;"
	   " BEGIN { x.w = 0x01020304; self->y = x; trace(self->y.b); }", 4);
	/* the size limit is max(8, strsize) */
	PI("#pragma D option strsize=512\nstruct big { uint64_t v[40]; };"
	   " struct big b; self struct big s; BEGIN { b.v[39] = 7; self->s = b;"
	   " trace(self->s.v[39]); }", 7);
	PI("struct big { uint64_t v[32]; }; struct big b[int];"
	   " BEGIN { b[0].v[31] = 3; trace(b[0].v[31]); }", 3);
	EE("struct big { uint64_t v[33]; }; struct big b; BEGIN { b.v[0] = 1; }",
	   D_VAR_UNSUP);
	EE("struct big { uint64_t v[33]; }; self struct big s;"
	   " BEGIN { self->s.v[0] = 1; }", D_VAR_UNSUP);
	EE("struct big { uint64_t v[33]; }; struct big a[int];"
	   " BEGIN { a[0].v[0] = 1; }", D_VAR_UNSUP);
	/* type errors */
	EE(SP "struct pair p; int x; BEGIN { x = p; }", D_OP_INCOMPAT);
	EE(SP "struct pair p; BEGIN { p = 1; }", D_OP_INCOMPAT);
	EE(SP "struct other { int a; }; struct pair p; struct other o;"
	   " BEGIN { o = p; }", D_OP_INCOMPAT);
	EE(SP "struct pair p; BEGIN { x = 1; x = p; }", D_OP_INCOMPAT);
	EE(SP "struct pair p; BEGIN { trace(p.c); }", D_TYPE_MEMBER);
}

/* ---- compile errors ------------------------------------------------------ */
static void expect_err(const char *src, int tag, int line, int srcline)
{
	struct dt_error err;
	struct dt_prog *prog = compile(src, &err);

	if (prog) {
		printf("FAIL line %d: compiled, want %s: %s\n", srcline,
		       dt_errtag_name(tag), src);
		dt_prog_free(prog);
		nfail++;
		return;
	}
	if (err.tag != tag || (line && err.line != line)) {
		printf("FAIL line %d: got %s line %d (%s), want %s line %d: %s\n",
		       srcline, dt_errtag_name(err.tag), err.line, err.msg,
		       dt_errtag_name(tag), line, src);
		nfail++;
		return;
	}
	npass++;
}

static void test_errors(void)
{
	EEL("BEGIN\n{\n\ttrace(x);\n}\n", D_IDENT_UNDEF, 3);
	EEL("BEGIN\n{\n\ttrace(1)\n\ttrace(2);\n}\n", D_SYNTAX, 4);
	EE("BEGIN { trace(1 +); }", D_SYNTAX);
	EE("BEGIN { trace(); }", D_PROTO_LEN);
	EE("BEGIN { trace(1, 2); }", D_PROTO_LEN);
	EE("BEGIN { strlen(1); }", D_PROTO_ARG);
	EE("BEGIN { strlen(\"a\", \"b\"); }", D_PROTO_LEN);
	EE("BEGIN { substr(\"a\"); }", D_PROTO_LEN);
	EE("BEGIN { x = foo(1); }", D_FUNC_UNDEF);
	EE("BEGIN { x = 1 / 0; }", D_DIV_ZERO);
	EE("BEGIN { x = 1 % 0; }", D_DIV_ZERO);
	EE("BEGIN { x = \"a\" * 2; }", D_OP_ARITH);
	EE("BEGIN { x = \"a\" == 2; }", D_OP_INCOMPAT);
	EE("BEGIN { x = \"a\" & 2; }", D_OP_INT);
	EE("BEGIN { x = 1; x = \"s\"; }", D_OP_INCOMPAT);
	EE("BEGIN { 1 = 2; }", D_OP_LVAL);
	EE("BEGIN { pid = 2; }", D_OP_WRITE);
	EE("BEGIN { x = *1; }", D_DEREF_NONPTR);
	EE("BEGIN { x = (int)\"a\"; }", D_CAST_INVAL);
	EE("BEGIN { trace(1.5); }", D_SYNTAX);
	EE("BEGIN { x = 09; }", D_INT_DIGIT);
	EE("BEGIN { x = 0x1ffffffffffffffff; }", D_INT_OFLOW);
	EE("BEGIN { x = ''; }", D_CHR_NULL);
	EE("BEGIN { x = \"ab\ncd\"; }", D_STR_NL);
	EE("BEGIN { printf(\"%d\\n\"); }", D_PRINTF_ARG_PROTO);
	EE("BEGIN { printf(\"%d\\n\", 1, 2); }", D_PRINTF_ARG_EXTRA);
	EE("BEGIN { printf(\"%s\\n\", 1); }", D_PRINTF_ARG_TYPE);
	EE("BEGIN { printf(\"%d\\n\", \"a\"); }", D_PRINTF_ARG_TYPE);
	EE("BEGIN { x = \"%d\"; printf(x, 1); }", D_PRINTF_ARG_FMT);
	EE("BEGIN { printf(\"%*d\\n\", \"a\", 1); }", D_PRINTF_DYN_TYPE);
	EE("BEGIN { printf(\"%@d\\n\", 1); }", D_PRINTF_AGG_CONV);
	EE("BEGIN { @a = 1; }", D_AGG_FUNC);
	EE("BEGIN { @a = count(); @a = sum(1); }", D_AGG_REDEF);
	EE("BEGIN { @a = sum(\"x\"); }", D_AGG_SCALAR);
	EE("BEGIN { @a[1] = count(); @a[1, 2] = count(); }", D_PROTO_LEN);
	EE("BEGIN { @a[1] = count(); @a[\"s\"] = count(); }", D_PROTO_ARG);
	EE("BEGIN { @a = lquantize(1, 10, 5, 1); }", D_LQUANT_MISMATCH);
	EE("BEGIN { x = 1; @a = lquantize(1, x, 5, 1); }", D_LQUANT_BASETYPE);
	EE("BEGIN { @a = lquantize(1, 0, 100000000, 1); }", D_LQUANT_STEPSMALL);
	EE("BEGIN { @a = lquantize(1, 0, 10, 20); }", D_LQUANT_STEPLARGE);
	EE("BEGIN { @a = llquantize(1, 10, 0, 6, 7); }", D_LLQUANT_FACTORNSTEPS);
	EE("BEGIN { @a = llquantize(1, 10, 5, 2, 20); }", D_LLQUANT_MAGRANGE);
	EE("BEGIN { @a = lquantize(1, 0, 10, 1); @a = lquantize(1, 1, 11, 1); }",
	   D_LQUANT_MATCHBASE);
	EE("BEGIN { @a = count(); trace(@a); }", D_TRACE_AGG);
	EE("BEGIN { @a = count(); x = @a + 1; }", D_AGG_SCALAR);
	EE("BEGIN { @a; }", D_AGG_NULL);
	EE("BEGIN { printa(@nope); }", D_PRINTA_AGGBAD);
	EE("BEGIN { @a[execname] = count(); printa(\"%d %@d\\n\", @a); }",
	   D_PRINTF_ARG_TYPE);
	EE("BEGIN { @a[execname] = count(); printa(\"%s %d %@d\\n\", @a); }",
	   D_PRINTF_ARG_PROTO);
	EE("BEGIN { @a[1] = count(); @b[\"s\"] = count(); printa(\"%@d %@d\\n\", @a, @b); }",
	   D_PRINTA_AGGKEY);
	PI("BEGIN { @a[execname, pid] = count(); @b[\"x\", 1] = sum(1);"
	   " printa(\"%s %@d %@d\\n\", @a, @b); trace(1); }", 1);
	EE("BEGIN { printa(1); }", D_PRINTA_AGGARG);
	EE("BEGIN { clear(1); }", D_CLEAR_AGGARG);
	EE("BEGIN { @a = count(); trunc(@a, \"x\"); }", D_TRUNC_SCALAR);
	EE("BEGIN { @a = count(); normalize(@a); }", D_NORMALIZE_PROTO);
	EE("BEGIN { x = 1; stack(x); }", D_STACK_SIZE);
	EE("BEGIN { ustack(-1); }", D_USTACK_FRAMES);
	EE("BEGIN { tracemem(\"a\", 10); }", D_TRACEMEM_ADDR);
	EE("BEGIN { tracemem(arg0, arg1); }", D_TRACEMEM_SIZE);
	EE("BEGIN { trace(1); speculate(1); }", D_SPEC_DREC);
	EE("BEGIN { speculate(1); speculate(2); }", D_SPEC_SPEC);
	EE("BEGIN { speculate(1); @a = count(); }", D_AGG_SPEC);
	EE("BEGIN { speculate(1); exit(0); }", D_EXIT_SPEC);
	EE("BEGIN { commit(1); trace(1); }", D_DREC_COMM);
	EE("BEGIN { trace(1); commit(1); }", D_COMM_DREC);
	EE("BEGIN { commit(1); commit(2); }", D_COMM_COMM);
	EE("BEGIN { speculate(1); raise(9); }", D_ACT_SPEC);
	EE("BEGIN { this->a[1] = 2; }", D_ARR_LOCAL);
	EE("BEGIN { a[1] = 2; a[1, 2] = 3; }", D_PROTO_LEN);
	EE("BEGIN { a[1] = 2; a[\"x\"] = 3; }", D_PROTO_ARG);
	EE("BEGIN { x = trace(1); }", D_CG_EXPR);
	EE("BEGIN /\"str\"/ { }", D_PRED_SCALAR);
	EE("struct s { int a; }; BEGIN { this->p = (struct s *)0; x = this->p->b; }",
	   D_TYPE_MEMBER);
	EE("BEGIN { x = 1; y = x.a; }", D_OP_SOU);
	EE("struct s { int a; }; struct s { int b; };", D_DECL_TYPERED);
	EE("int x; int x[string];", D_DECL_IDRED);
	EE("int x; enum e { A = x };", D_DECL_ENCONST);
	EE("enum e { A = y };", D_IDENT_UNDEF);
	EE("BEGIN { x = (void *)0; y = *x; }", D_DEREF_VOID);
	EE("BEGIN { x = &pid; }", D_ADDROF_VAR);
	EE("BEGIN { x = &1; }", D_ADDROF_LVAL);
	EE("#pragma D option nosuchoption\nBEGIN { }", D_PRAGMA_OPTSET);
	EE("#pragma D option strsize=abc\nBEGIN { }", D_PRAGMA_OPTSET);
	EE("#pragma D nonsense\nBEGIN { }", D_PRAGMA_INVAL);
	EE("#include <stdio.h>\nBEGIN { }", D_PRAGCTL_INVAL);
	EE("#pragma error boom\nBEGIN { }", D_PRAGERR);
	EE("BEGIN { trace($1); }", D_MACRO_UNDEF);
	EE("BEGIN { trace($target); }", D_MACRO_UNDEF);
	EE("/* just a comment */", D_EMPTY);
	EE("BEGIN { /* unterminated", D_SYNTAX);
	EE("a:b:c:d:e { }", D_PDESC_INVAL);
	EE("BEGIN { x = args[10]; }", D_ARGS_IDX);
	EE("BEGIN { x = sizeof (struct nosuch); }", D_SIZEOF_TYPE);
	EE("BEGIN { x = offsetof(int, a); }", D_OFFSETOF_TYPE);
	EE("struct s { int a; }; BEGIN { this->p = (struct s *)alloca(4); trace(stringof(*this->p)); }",
	   D_STRINGOF_TYPE);
	EE("BEGIN { x = 1 +; }", D_SYNTAX);
	EE("BEGIN { x = (1; }", D_SYNTAX);
	EE("BEGIN { exit(\"a\"); }", D_PROTO_ARG);
	EE("BEGIN { setopt(1); }", D_PROTO_ARG);
	EE("BEGIN { x = 1 ? \"a\" : 2; }", D_OP_INCOMPAT);
	EE("BEGIN { trace((void)1); }", D_TRACE_VOID);
	EE("BEGIN { x = sum(1); }", D_CG_EXPR);
	EE("BEGIN { x = 1 + 2 * (3 + 4 * (5 + 6 * (7 + 8 * (9 + a[1,2,3,4,5,6,7])))); }",
	   D_VAR_UNDEF);
}

/* Register pressure: a deep right-leaning expression runs out of the
 * seven usable registers; a left-leaning one of any length does not. */
static void test_registers(void)
{
	static char big[300000];
	char src[2048], *p;
	int i;

	/* deep nesting is refused, not a stack overflow */
	p = big + sprintf(big, "BEGIN { x = ");
	for (i = 0; i < 50000; i++)
		*p++ = '(';
	*p++ = '1';
	for (i = 0; i < 50000; i++)
		*p++ = ')';
	sprintf(p, "; }");
	EE(big, D_SYNTAX);
	p = big + sprintf(big, "BEGIN { x = 1");
	for (i = 0; i < 50000; i++)
		p += sprintf(p, " + 1");
	sprintf(p, "; }");
	EE(big, D_UNKNOWN);

	p = src + sprintf(src, "BEGIN { x = 1; trace(");
	for (i = 0; i < 12; i++)
		p += sprintf(p, "x + (");
	p += sprintf(p, "x");
	for (i = 0; i < 12; i++)
		p += sprintf(p, ")");
	sprintf(p, "); }");
	EE(src, D_NOREG);
	p = src + sprintf(src, "BEGIN { x = 1; trace(x");
	for (i = 0; i < 40; i++)
		p += sprintf(p, " + x");
	sprintf(p, "); }");
	PI(src, 41);
}

/* Record layout and the consumer's view of a clause. */
static void test_layout(void)
{
	struct dt_error err;
	struct dt_prog *prog;
	const struct dt_clause *c;

	prog = compile("#pragma D option strsize=32\n"
		       "syscall::read:entry, syscall::write:entry\n"
		       "/pid != 0/\n"
		       "{\n\ttrace((char)1);\n\ttrace(execname);\n"
		       "\tprintf(\"%d %s\\n\", 1, \"x\");\n"
		       "\t@c[execname, pid] = count();\n\texit(3);\n}\n"
		       "END { printa(\"%s %@d\\n\", @c); }\n", &err);
	if (!prog) {
		printf("FAIL layout: %s\n", err.msg);
		nfail++;
		return;
	}
#define LC(cond) do { if (cond) npass++; else { nfail++; \
	printf("FAIL layout line %d: %s\n", __LINE__, #cond); } } while (0)
	LC(prog->nclauses == 3);
	LC(prog->nstmts == 2);
	LC(prog->hdr->nclauses == 3);
	LC(prog->hdr->strsize == 32);
	LC(prog->hdr->naggs == 1);
	LC(prog->has_end && !prog->has_begin && prog->uses_exit);
	c = &prog->clauses[0];
	LC(!strcmp(c->desc_text, "syscall::read:entry"));
	LC(!strcmp(prog->clauses[1].desc_text, "syscall::write:entry"));
	LC(!strcmp(c->desc.provider, "syscall") && !strcmp(c->desc.func, "read"));
	LC(c->has_pred && c->records);
	LC(c->nactions == 7);
	LC(c->actions[0].kind == DTRACEACT_DIFEXPR &&
	   c->actions[0].recoff == 0 && c->actions[0].recsize == 8 &&
	   c->actions[0].type.kind == DT_VK_INT &&
	   c->actions[0].type.size == 1 && c->actions[0].type.is_signed &&
	   c->actions[0].owner == -1);
	LC(c->actions[1].type.kind == DT_VK_STRING &&
	   c->actions[1].recoff == 8 && c->actions[1].recsize == 32);
	LC(c->actions[2].kind == DTRACEACT_PRINTF && c->actions[2].nargs == 2 &&
	   c->actions[2].fmt == 0);
	LC(c->actions[3].owner == 2 && c->actions[4].owner == 2 &&
	   c->actions[3].recoff == 40 && c->actions[4].recoff == 48 &&
	   c->actions[4].recsize == 32);
	LC(c->actions[5].kind == DTRACEACT_AGGREGATE &&
	   c->actions[5].aggid == 1 && c->actions[5].recsize == 0);
	LC(c->actions[6].kind == DTRACEACT_EXIT && c->actions[6].recoff == 80);
	LC(c->recsize == 88);
	LC(prog->formats[0].kind == DT_FMT_PRINTF &&
	   !strcmp(prog->formats[0].fmt, "%d %s\n") &&
	   prog->formats[0].nargs == 2 &&
	   prog->formats[0].args[1].kind == DT_VK_STRING);
	LC(prog->naggs == 1 && !strcmp(prog->aggs[0].name, "@c") &&
	   prog->aggs[0].func == DTRACEAGG_COUNT && prog->aggs[0].nkeys == 2 &&
	   prog->aggs[0].keysizes[0] == 32 && prog->aggs[0].keyoffs[1] == 32 &&
	   prog->aggs[0].keysize == 40 && prog->aggs[0].valsize == 8);
	c = &prog->clauses[2];
	LC(c->nactions == 1 && c->actions[0].kind == DTRACEACT_PRINTA &&
	   c->actions[0].aggid == 1 && prog->formats[c->actions[0].fmt].kind ==
	   DT_FMT_PRINTA);
	LC(validate_all(prog, "layout") == 0);
	dt_prog_free(prog);

	prog = compile("BEGIN { } tick-1s { @[probefunc] = sum(arg0); }"
		       " END { x = 1; }", &err);
	LC(prog != NULL);
	if (prog) {
		LC(prog->clauses[0].default_action && prog->clauses[0].records);
		LC(!prog->clauses[1].records &&
		   (((const struct dtrace_clause_hdr *)(prog->hdr + 1))->flags &
		    DTRACE_CLAUSE_NOREC) == 0);
		LC(!strcmp(prog->aggs[0].name, "@"));
		LC(prog->clauses[2].records && prog->clauses[2].recsize == 0);
		LC(!strcmp(prog->clauses[1].desc.provider, "") &&
		   !strcmp(prog->clauses[1].desc.name, "tick-1s"));
		dt_prog_free(prog);
	}
	prog = compile("#pragma D option quiet\n#pragma D option bufsize=4m\n"
		       "BEGIN { setopt(\"aggsortrev\"); }", &err);
	LC(prog != NULL);
	if (prog) {
		LC(prog->noptions == 2 && !strcmp(prog->options[0].name, "quiet") &&
		   prog->options[0].value == NULL &&
		   !strcmp(prog->options[1].value, "4m"));
		LC(prog->hdr->bufsize == 4 << 20);
		LC(prog->nsetopts == 1 &&
		   !strcmp(prog->setopts[0].name, "aggsortrev"));
		dt_prog_free(prog);
	}
}

/* Validate the DIF of D files given on the command line. */
static int check_files(int argc, char **argv)
{
	int i, pass = 0, fail = 0;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		static char buf[1 << 16];
		size_t n;
		struct dt_error err;
		struct dt_compile_opts o;
		struct dt_prog *prog = NULL;

		if (!f)
			continue;
		n = fread(buf, 1, sizeof(buf) - 1, f);
		buf[n] = '\0';
		fclose(f);
		memset(&o, 0, sizeof(o));
		o.source = buf;
		o.kind = DT_SRC_SCRIPT;
		o.filename = argv[i];
		o.target_pid = 1;
		o.flags = DT_C_ZDEFS;
		if (dt_compile(&o, &prog, &err) < 0)
			continue;	/* compile errors are run.sh's */
		if (validate_all(prog, argv[i]))
			fail++;
		else
			pass++;
		dt_prog_free(prog);
	}
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return check_files(argc, argv);
	test_arith();
	test_compare_logic();
	test_strings();
	test_vars();
	test_memory();
	test_structs();
	test_more();
	test_errors();
	test_registers();
	test_layout();
	live_free();
	dtrace_vstate_destroy(vs);
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail != 0;
}
