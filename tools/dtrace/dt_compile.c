// SPDX-License-Identifier: GPL-2.0
/*
 * dt_compile.c - entry points of the D compiler: dt_compile(), the
 * enabling blob and struct dt_prog, options and pragmas, errors, memory,
 * cpp.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dt_cc.h"

/* ----------------------------------------------------------------------
 * Memory: everything the parser allocates lives in an arena that the
 * compiled program keeps (names, types, strings) and frees at the end.
 * ---------------------------------------------------------------------- */
struct dt_arena {
	struct dt_arena *next;
	long long align[];
};

struct dt_priv {
	struct dt_arena *arena;
};

static struct dt_priv *cur_priv(struct dt_cc *cc)
{
	return cc->prog->priv;
}

void *dt_zalloc(struct dt_cc *cc, size_t n)
{
	struct dt_priv *pv = cur_priv(cc);
	struct dt_arena *a = calloc(1, sizeof(*a) + n + 1);

	if (!a)
		dt_cc_error(cc, cc->line, D_UNKNOWN, "out of memory");
	a->next = pv->arena;
	pv->arena = a;
	return a->align;
}

char *dt_strdup(struct dt_cc *cc, const char *s)
{
	return dt_strndup(cc, s, strlen(s));
}

char *dt_strndup(struct dt_cc *cc, const char *s, size_t n)
{
	char *p = dt_zalloc(cc, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void dt_grow(struct dt_cc *cc, void **p, int *cap, int need, size_t esz)
{
	int n;
	void *q;

	if (need <= *cap)
		return;
	n = *cap ? *cap * 2 : 8;
	while (n < need)
		n *= 2;
	q = realloc(*p, (size_t)n * esz);
	if (!q)
		dt_cc_error(cc, cc->line, D_UNKNOWN, "out of memory");
	memset((char *)q + (size_t)*cap * esz, 0, (size_t)(n - *cap) * esz);
	*p = q;
	*cap = n;
}

/* ----------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */
static const char *const errtag_names[] = {
#define DT_ERRTAG_NAME(n) #n,
	DT_ERRTAGS(DT_ERRTAG_NAME)
#undef DT_ERRTAG_NAME
};

const char *dt_errtag_name(int tag)
{
	if (tag < 0 || tag >= D_ERRTAG_MAX)
		return "D_UNKNOWN";
	return errtag_names[tag];
}

void dt_cc_error(struct dt_cc *cc, int line, int tag, const char *fmt, ...)
{
	struct dt_error *e = cc->err;
	va_list ap;
	size_t n;

	e->tag = tag;
	e->line = line;
	snprintf(e->file, sizeof(e->file), "%s",
		 cc->filetag ? cc->filetag : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	n = strlen(e->msg);
	while (n && e->msg[n - 1] == '\n')
		e->msg[--n] = '\0';
	if (cc->lib_file) {
		/* in a library file: name it and the line there */
		char m[sizeof(e->msg) + 1024];

		snprintf(m, sizeof(m), "%s, line %d: %s", cc->lib_file, line,
			 e->msg);
		m[sizeof(e->msg) - 1] = '\0';
		memcpy(e->msg, m, sizeof(e->msg));
		e->line = 0;
	}
	switch (cc->region) {
	case 1:
		snprintf(e->region, sizeof(e->region),
			 "in probe description: ");
		break;
	case 2:
		snprintf(e->region, sizeof(e->region), "in predicate: ");
		break;
	case 3:
		snprintf(e->region, sizeof(e->region), "in action list: ");
		break;
	default:
		e->region[0] = '\0';
	}
	if (tag == D_SYNTAX || tag == D_PDESC_INVAL)
		e->region[0] = '\0';
	longjmp(cc->jb, 1);
}

char *dt_error_format(const struct dt_error *err, int kind, int errtags,
		      char *buf, size_t len)
{
	char tag[48] = "", loc[sizeof(err->file) + 32] = "";

	/* errors that are not the compiler's own carry no tag (DTrace's EDT_*) */
	if (errtags && err->tag != DT_NOTAG)
		snprintf(tag, sizeof(tag), "[%s] ", dt_errtag_name(err->tag));
	if (err->file[0] && err->line > 0)
		snprintf(loc, sizeof(loc), "\"%s\", line %d: ", err->file,
			 err->line);
	else if (kind == DT_SRC_SCRIPT && err->line > 0)
		snprintf(loc, sizeof(loc), "line %d: ", err->line);
	snprintf(buf, len, "%s%s%s%s", tag,
		 kind == DT_SRC_PROGRAM ? err->region : "", loc, err->msg);
	return buf;
}

/* ----------------------------------------------------------------------
 * Helpers for the consumer
 * ---------------------------------------------------------------------- */
/* ----------------------------------------------------------------------
 * Options and pragmas
 * ---------------------------------------------------------------------- */
static int opt_size(struct dt_cc *cc, const char *name, const char *value,
		    int line, uint64_t *out)
{
	int64_t v;

	if (!value || dt_opt_size(value, &v) < 0)
		dt_cc_error(cc, line, D_PRAGMA_OPTSET,
			    "failed to set option '%s' to '%s': Invalid value for specified option",
			    name, value ? value : "");
	*out = (uint64_t)v;
	return 0;
}

int dt_opt_apply(struct dt_cc *cc, const char *name, const char *value,
		 int line, int from_pragma)
{
	const char *err;
	uint64_t v;

	/* the consumer's option table decides the name and the value */
	if (dt_opt_check(name, value, &err) < 0) {
		if (value)
			dt_cc_error(cc, line, D_PRAGMA_OPTSET,
				    "failed to set option '%s' to '%s': %s",
				    name, value, err);
		dt_cc_error(cc, line, D_PRAGMA_OPTSET,
			    "failed to set option '%s': %s", name, err);
	}
	if (!strcmp(name, "strsize")) {
		opt_size(cc, name, value, line, &v);
		if (v == 0 || v > 65536)
			dt_cc_error(cc, line, D_PRAGMA_OPTSET,
				    "failed to set option 'strsize' to '%s': Invalid value for specified option",
				    value);
		cc->strsize = (uint32_t)v;
		if (cc->t_string)
			cc->t_string->size = cc->strsize;
	} else if (!strcmp(name, "bufsize")) {
		opt_size(cc, name, value, line, &cc->bufsize);
	} else if (!strcmp(name, "aggsize")) {
		opt_size(cc, name, value, line, &cc->aggsize);
	} else if (!strcmp(name, "specsize")) {
		opt_size(cc, name, value, line, &cc->specsize);
	} else if (!strcmp(name, "dynvarsize")) {
		opt_size(cc, name, value, line, &cc->dynvarsize);
	} else if (!strcmp(name, "nspec") || !strcmp(name, "stackframes") ||
		   !strcmp(name, "ustackframes")) {
		char *end;
		unsigned long n;

		if (!value)
			dt_cc_error(cc, line, D_PRAGMA_OPTSET,
				    "failed to set option '%s': Invalid value for specified option",
				    name);
		n = strtoul(value, &end, 0);
		if (*end || n == 0 || n > 1000000)
			dt_cc_error(cc, line, D_PRAGMA_OPTSET,
				    "failed to set option '%s' to '%s': Invalid value for specified option",
				    name, value);
		if (name[0] == 'n')
			cc->nspec = (uint32_t)n;
		else if (name[0] == 's')
			cc->stackframes = (uint32_t)n;
		else
			cc->ustackframes = (uint32_t)n;
	} else if (!strcmp(name, "bufpolicy")) {
		if (value && !strcmp(value, "switch"))
			cc->bufpolicy = DTRACE_BUFPOLICY_SWITCH;
		else if (value && !strcmp(value, "fill"))
			cc->bufpolicy = DTRACE_BUFPOLICY_FILL;
		else if (value && !strcmp(value, "ring"))
			cc->bufpolicy = DTRACE_BUFPOLICY_RING;
		else
			dt_cc_error(cc, line, D_PRAGMA_OPTSET,
				    "failed to set option 'bufpolicy' to '%s': Invalid value for specified option",
				    value ? value : "");
	} else if (!strcmp(name, "destructive")) {
		cc->destructive_opt = 1;
	} else if (!strcmp(name, "zdefs")) {
		cc->zdefs_opt = 1;
	} else if (!strcmp(name, "defaultargs")) {
		cc->defaultargs = 1;
	} else if (!strcmp(name, "quiet")) {
		cc->quiet = 1;
	}
	(void)from_pragma;
	return 0;
}

/* A #pragma line's tokens: identifiers, "strings" and integers. */
enum { PT_IDENT, PT_STR, PT_INT };

struct ptok {
	int kind;
	char *s;
};

static int pragma_tokens(struct dt_cc *cc, const char *text,
			 struct ptok *t, int max)
{
	char *buf = dt_strdup(cc, text), *p = buf;
	int n = 0;

	while (n < max) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		if (*p == '"') {
			t[n].kind = PT_STR;
			t[n].s = ++p;
			while (*p && *p != '"')
				p++;
		} else {
			t[n].kind = isdigit((unsigned char)*p) ? PT_INT :
				    PT_IDENT;
			t[n].s = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
		}
		if (*p)
			*p++ = '\0';
		n++;
	}
	return n;
}

/* #pragma D depends_on <class> <name> (DTrace's dt_pragma_depends()) */
static void pragma_depends(struct dt_cc *cc, struct ptok *t, int n, int line)
{
	char path[512];

	if (n < 2 || t[0].kind != PT_IDENT || t[1].kind != PT_IDENT)
		dt_cc_error(cc, line, D_PRAGMA_MALFORM,
			    "malformed #pragma depends_on <class> <name>");
	if (cc->in_lib)
		return;		/* dt_lib.c has checked a library's */
	if (!strcmp(t[0].s, "provider"))
		return;		/* providers are matched when enabling */
	if (!strcmp(t[0].s, "module")) {
		snprintf(path, sizeof(path), "/sys/module/%s", t[1].s);
		if (access(path, F_OK) && strcmp(t[1].s, "vmlinux") &&
		    strcmp(t[1].s, "kernel"))
			dt_cc_error(cc, line, D_PRAGMA_DEPEND,
				    "program requires module %s", t[1].s);
		return;
	}
	if (!strcmp(t[0].s, "library"))
		dt_cc_error(cc, line, D_PRAGMA_DEPEND,
			    "main program may not explicitly depend on a library");
	dt_cc_error(cc, line, D_PRAGMA_INVAL,
		    "invalid class %s specified by #pragma depends_on",
		    t[0].s);
}

/*
 * "#line N ["file" [state]]" and cpp's "# N "file" flags...": the next
 * line's number and the file it is in (DTrace's dt_pragma_line()); the
 * script itself (cpp's input, /dev/fd/N for DTrace) has no file name.
 */
static void pragma_line(struct dt_cc *cc, const struct ptok *t, int n,
			int line)
{
	if (n < 1 || t[0].kind != PT_INT || (n > 1 && t[1].kind != PT_STR) ||
	    (n > 2 && t[2].kind != PT_INT))
		dt_cc_error(cc, line, D_PRAGMA_MALFORM,
			    "malformed #line <line> [ [\"file\"] state ]");
	if (n > 1) {
		if ((cc->cpp_input && !strcmp(t[1].s, cc->cpp_input)) ||
		    !strncmp(t[1].s, "/dev/fd/", 8))
			cc->filetag = NULL;
		else
			cc->filetag = dt_strdup(cc, t[1].s);
	}
	cc->line = atoi(t[0].s) - 1;
}

/*
 * A control line, as DTrace's dt_pragma() reads it: "#error", "#ident"
 * and "#line" may follow a naked '#'; after "#pragma" unknown pragmas
 * are ignored; after "#pragma D" an unknown name is an error.
 */
void dt_pragma(struct dt_cc *cc, const char *text, int line)
{
	enum { K_DIR, K_SUB, K_DCP } kind = K_DIR;
	struct ptok t[64];
	int n = pragma_tokens(cc, text, t, 64), i, j;
	char msg[1024];

	for (i = 0; i < n; i++) {
		const char *w = t[i].s;

		if (t[i].kind == PT_INT) {
			pragma_line(cc, t + i, n - i, line);
			return;
		}
		if (t[i].kind != PT_IDENT)
			dt_cc_error(cc, line, D_PRAGCTL_INVAL,
				    "invalid control directive");
		if (kind == K_DIR && !strcmp(w, "pragma")) {
			kind = K_SUB;
			continue;
		}
		if (kind == K_SUB && !strcmp(w, "D")) {
			kind = K_DCP;
			continue;
		}
		if (!strcmp(w, "line")) {
			pragma_line(cc, t + i + 1, n - i - 1, line);
			return;
		}
		if (!strcmp(w, "ident"))
			return;
		if (!strcmp(w, "error")) {
			msg[0] = '\0';
			for (j = i + 1; j < n; j++) {
				if (t[j].kind == PT_INT)
					continue;
				strncat(msg, t[j].s,
					sizeof(msg) - strlen(msg) - 2);
				strcat(msg, " ");
			}
			dt_cc_error(cc, line, D_PRAGERR, "#error: %s", msg);
		}
		if (kind == K_DCP && !strcmp(w, "option")) {
			char *name, *val;
			struct dt_option *o;

			if (i + 1 >= n || t[i + 1].kind != PT_IDENT)
				dt_cc_error(cc, line, D_PRAGMA_MALFORM,
					    "malformed #pragma option <option>=<val>");
			if (i + 2 < n)
				dt_cc_error(cc, line, D_PRAGMA_MALFORM,
					    "superfluous arguments specified for #pragma option");
			name = t[i + 1].s;
			val = strchr(name, '=');
			if (val)
				*val++ = '\0';
			dt_opt_apply(cc, name, val, line, 1);
			dt_grow(cc, (void **)&cc->options, &cc->optcap,
				cc->noptions + 1, sizeof(*cc->options));
			o = &cc->options[cc->noptions++];
			o->name = dt_strdup(cc, name);
			o->value = val ? dt_strdup(cc, val) : NULL;
			o->line = line;
			return;
		}
		if (kind == K_DCP && !strcmp(w, "depends_on")) {
			pragma_depends(cc, t + i + 1, n - i - 1, line);
			return;
		}
		if (kind == K_DCP && (!strcmp(w, "attributes") ||
				      !strcmp(w, "binding")))
			return;
		if (kind == K_DIR)
			dt_cc_error(cc, line, D_PRAGCTL_INVAL,
				    "invalid control directive: #%s", w);
		if (kind == K_SUB)
			return;	/* unknown pragmas are ignored (K&R A12.8) */
		dt_cc_error(cc, line, D_PRAGMA_INVAL, "invalid D pragma: %s",
			    w);
	}
}

int dt_format_add(struct dt_cc *cc, int kind, const char *fmt)
{
	struct dt_format *f;

	dt_grow(cc, (void **)&cc->formats, &cc->fmtcap, cc->nformats + 1,
		sizeof(*cc->formats));
	f = &cc->formats[cc->nformats];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->fmt = dt_strdup(cc, fmt);
	return cc->nformats++;
}

int dt_setopt_add(struct dt_cc *cc, const char *name, const char *val,
		  int line)
{
	struct dt_option *o;

	dt_grow(cc, (void **)&cc->setopts, &cc->setoptcap, cc->nsetopts + 1,
		sizeof(*cc->setopts));
	o = &cc->setopts[cc->nsetopts];
	o->name = dt_strdup(cc, name);
	o->value = val ? dt_strdup(cc, val) : NULL;
	o->line = line;
	return cc->nsetopts++;
}

struct dt_cact *dt_stmt_action(struct dt_cc *cc, int kind)
{
	struct dt_stmt *s = cc->cur;
	struct dt_cact *a;

	dt_grow(cc, (void **)&s->acts, &s->acap, s->nacts + 1,
		sizeof(*s->acts));
	a = &s->acts[s->nacts++];
	memset(a, 0, sizeof(*a));
	a->a.kind = kind;
	return a;
}

/* ----------------------------------------------------------------------
 * cpp (-C)
 * ---------------------------------------------------------------------- */
static char *run_cpp(struct dt_cc *cc, const char *src)
{
	char tmpl[] = "/tmp/dtrace-cpp-XXXXXX";
	const char *argv[256];
	int fd, pfd[2], st, n = 0, i;
	size_t len = 0, cap = 4096;
	char *out;
	pid_t pid;
	ssize_t r;

	fd = mkstemp(tmpl);
	if (fd < 0)
		dt_cc_error(cc, 0, D_UNKNOWN, "failed to run cpp: %s",
			    strerror(errno));
	if (write(fd, src, strlen(src)) != (ssize_t)strlen(src)) {
		close(fd);
		unlink(tmpl);
		dt_cc_error(cc, 0, D_UNKNOWN, "failed to run cpp");
	}
	close(fd);
	cc->cpp_input = dt_strdup(cc, tmpl);
	argv[n++] = "cpp";
	argv[n++] = "-x";
	argv[n++] = "c";
	argv[n++] = "-D__linux__";
	argv[n++] = "-D__x86_64__";
	argv[n++] = "-D_LP64";
	for (i = 0; i < cc->opts->ncppargs && n < 250; i++)
		argv[n++] = cc->opts->cppargs[i];
	/* #include "x.h" looks next to the script, as if cpp read it */
	if (cc->opts->filename && strcmp(cc->opts->filename, "-")) {
		const char *sl = strrchr(cc->opts->filename, '/');

		argv[n++] = "-I";
		argv[n++] = sl ? dt_strndup(cc, cc->opts->filename,
					    (size_t)(sl - cc->opts->filename) +
					    (sl == cc->opts->filename)) : ".";
	}
	argv[n++] = tmpl;
	argv[n] = NULL;
	if (pipe(pfd) < 0) {
		unlink(tmpl);
		dt_cc_error(cc, 0, D_UNKNOWN, "failed to run cpp");
	}
	pid = fork();
	if (pid == 0) {
		dup2(pfd[1], 1);
		close(pfd[0]);
		close(pfd[1]);
		execvp("cpp", (char *const *)argv);
		_exit(127);
	}
	close(pfd[1]);
	out = malloc(cap);
	while (out && (r = read(pfd[0], out + len, cap - len - 1)) > 0) {
		len += (size_t)r;
		if (len + 1 >= cap) {
			char *q = realloc(out, cap * 2);

			if (!q) {
				free(out);
				out = NULL;
				break;
			}
			out = q;
			cap *= 2;
		}
	}
	close(pfd[0]);
	waitpid(pid, &st, 0);
	unlink(tmpl);
	if (!out || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		free(out);
		dt_cc_error(cc, 0, DT_NOTAG,
			    "Preprocessor failed to process input program");
	}
	out[len] = '\0';
	return out;
}

/* ----------------------------------------------------------------------
 * Building the program
 * ---------------------------------------------------------------------- */
static int is_dtrace_probe(const struct dtrace_probedesc *pd,
			   const char *name)
{
	return !strcmp(pd->name, name) &&
	       (!pd->provider[0] || !strcmp(pd->provider, "dtrace")) &&
	       !pd->mod[0] && !pd->func[0];
}

static void build(struct dt_cc *cc)
{
	struct dt_prog *prog = cc->prog;
	struct dtrace_enable_hdr *h;
	size_t size = sizeof(*h);
	int i, j, k, nclauses = 0, ci = 0;
	char *p;

	for (i = 0; i < cc->nstmts; i++) {
		struct dt_stmt *s = &cc->stmts[i];
		size_t cs = sizeof(struct dtrace_clause_hdr);

		if (s->pred)
			cs += dt_difo_size(s->pred);
		for (j = 0; j < s->nacts; j++) {
			cs += sizeof(struct dtrace_action_hdr);
			for (k = 0; k < s->acts[j].ndifo; k++)
				cs += dt_difo_size(s->acts[j].difo[k]);
		}
		size += cs * (size_t)s->ndescs;
		nclauses += s->ndescs;
	}
	prog->blob = calloc(1, size);
	prog->clauses = dt_zalloc(cc, (nclauses + 1) *
				  sizeof(*prog->clauses));
	if (!prog->blob)
		dt_cc_error(cc, 0, D_UNKNOWN, "out of memory");
	prog->bloblen = size;
	h = prog->blob;
	prog->hdr = h;
	h->size = (uint32_t)size;
	h->version = DTRACE_ABI_VERSION;
	h->nclauses = nclauses;
	if ((cc->opts->flags & DT_C_DESTRUCTIVE) || cc->destructive_opt)
		h->flags |= DTRACE_ENABLE_DESTRUCTIVE;
	if ((cc->opts->flags & DT_C_ZDEFS) || cc->zdefs_opt)
		h->flags |= DTRACE_ENABLE_ZDEFS;
	h->bufsize = cc->bufsize;
	h->aggsize = cc->aggsize;
	h->specsize = cc->specsize;
	h->dynvarsize = cc->dynvarsize;
	h->bufpolicy = cc->bufpolicy;
	h->strsize = cc->strsize;
	h->nspec = cc->nspec;
	h->stackframes = cc->stackframes;
	h->ngvars = cc->ngvars;
	h->ntvars = cc->ntvars;
	h->nlvars = cc->nlvars;
	h->naggs = cc->naggs;
	p = (char *)(h + 1);
	for (i = 0; i < cc->nstmts; i++) {
		struct dt_stmt *s = &cc->stmts[i];
		struct dt_action *acts;
		int norec = s->nacts > 0;

		acts = dt_zalloc(cc, (s->nacts + 1) * sizeof(*acts));
		for (j = 0; j < s->nacts; j++) {
			acts[j] = s->acts[j].a;
			if (acts[j].kind != DTRACEACT_AGGREGATE)
				norec = 0;
		}
		for (j = 0; j < s->ndescs; j++) {
			struct dtrace_clause_hdr *ch = (void *)p;
			struct dt_clause *c = &prog->clauses[ci++];

			p += sizeof(*ch);
			ch->nactions = s->nacts;
			ch->recsize = (s->recsize + 7) & ~7u;
			dt_parse_pdesc(s->desc_text[j], &ch->desc);
			if (s->pred) {
				ch->flags |= DTRACE_CLAUSE_PRED;
				dt_difo_write(s->pred, p);
				p += dt_difo_size(s->pred);
			}
			if (norec)
				ch->flags |= DTRACE_CLAUSE_NOREC;
			for (k = 0; k < s->nacts; k++) {
				struct dt_cact *a = &s->acts[k];
				struct dtrace_action_hdr *ah = (void *)p;
				int m;

				p += sizeof(*ah);
				ah->kind = (uint16_t)a->a.kind;
				ah->ndifo = (uint16_t)a->ndifo;
				ah->recoff = a->a.recoff;
				ah->recsize = a->a.recsize;
				ah->arg = a->a.arg;
				ah->arg2 = a->a.arg2;
				if (a->a.kind == DTRACEACT_AGGREGATE ||
				    a->a.kind == DTRACEACT_CLEAR ||
				    a->a.kind == DTRACEACT_TRUNC ||
				    a->a.kind == DTRACEACT_PRINTA)
					ah->aggid = a->a.aggid;
				ah->nkeys = a->nkeys;
				ah->stackkeys = a->stackkeys;
				ah->ustackkeys = a->ustackkeys;
				for (m = 0; m < a->ndifo; m++) {
					dt_difo_write(a->difo[m], p);
					p += dt_difo_size(a->difo[m]);
				}
				ah->size = (uint32_t)(p - (char *)ah);
			}
			ch->size = (uint32_t)(p - (char *)ch);
			c->desc_text = s->desc_text[j];
			c->desc = ch->desc;
			c->stmt = i;
			c->has_pred = s->pred != NULL;
			c->default_action = s->nacts == 0;
			c->recsize = ch->recsize;
			c->nactions = s->nacts;
			c->actions = acts;
			c->line = s->desc_line[j];
			c->records = !norec;
			if (is_dtrace_probe(&ch->desc, "BEGIN"))
				prog->has_begin = 1;
			if (is_dtrace_probe(&ch->desc, "END"))
				prog->has_end = 1;
			if (is_dtrace_probe(&ch->desc, "ERROR"))
				prog->has_error = 1;
		}
	}
	prog->nclauses = nclauses;
	prog->nstmts = cc->nstmts;
	prog->strsize = cc->strsize;
	prog->stackframes = cc->stackframes;
	prog->ustackframes = cc->ustackframes;
	prog->uses_aggs = cc->naggs > 0;

	/* aggregations, indexed by id */
	prog->naggs = cc->naggs;
	prog->aggs = dt_zalloc(cc, (cc->naggs + 1) * sizeof(*prog->aggs));
	{
		struct dt_aggdef *g;

		for (g = cc->aggs; g; g = g->next) {
			struct dt_agg *a = &prog->aggs[g->id - 1];
			uint32_t off = 0, nb;

			a->id = g->id;
			a->name = g->name;
			a->func = g->func;
			a->arg2 = g->arg2;
			a->nkeys = g->nkeys;
			a->keytypes = dt_zalloc(cc, (g->nkeys + 1) *
						sizeof(*a->keytypes));
			a->keyoffs = dt_zalloc(cc, (g->nkeys + 1) * 4);
			a->keysizes = dt_zalloc(cc, (g->nkeys + 1) * 4);
			for (i = 0; i < g->nkeys; i++) {
				dt_type_vtype(cc, g->keytypes[i],
					      &a->keytypes[i]);
				a->keyoffs[i] = off;
				a->keysizes[i] = a->keytypes[i].kind ==
					DT_VK_STRING ? cc->strsize : 8;
				if (a->keytypes[i].kind == DT_VK_STACK ||
				    a->keytypes[i].kind == DT_VK_USTACK)
					a->keysizes[i] = a->keytypes[i].size;
				off += (a->keysizes[i] + 7) & ~7u;
			}
			a->keysize = off;
			dt_type_vtype(cc, g->valtype, &a->valtype);
			switch (g->func) {
			case DTRACEAGG_AVG:
				a->valsize = 16;
				break;
			case DTRACEAGG_STDDEV:
				a->valsize = 32;
				break;
			case DTRACEAGG_QUANTIZE:
				a->valsize = DTRACE_QUANTIZE_NBUCKETS * 8;
				break;
			case DTRACEAGG_LQUANTIZE:
				a->valsize = (DTRACE_LQUANTIZE_LEVELS(g->arg2) +
					      2) * 8;
				break;
			case DTRACEAGG_LLQUANTIZE:
				nb = DTRACE_LLQUANTIZE_NBUCKETS(g->arg2);
				a->valsize = nb * 8;
				break;
			default:
				a->valsize = 8;
			}
		}
	}
	prog->nformats = cc->nformats;
	prog->formats = cc->formats;
	cc->formats = NULL;
	prog->noptions = cc->noptions;
	prog->options = cc->options;
	cc->options = NULL;
	prog->nsetopts = cc->nsetopts;
	prog->setopts = cc->setopts;
	cc->setopts = NULL;
}

static void stmts_free(struct dt_cc *cc)
{
	int i, j, k;

	for (i = 0; i < cc->nstmts + (cc->cur && cc->cur ==
	     &cc->stmts[cc->nstmts] ? 1 : 0); i++) {
		struct dt_stmt *s = &cc->stmts[i];

		dt_difo_free(s->pred);
		for (j = 0; j < s->nacts; j++)
			for (k = 0; k < s->acts[j].ndifo; k++)
				dt_difo_free(s->acts[j].difo[k]);
		free(s->acts);
		free(s->desc_text);
		free(s->desc_line);
	}
	free(cc->stmts);
	cc->stmts = NULL;
}

void dt_prog_free(struct dt_prog *prog)
{
	struct dt_priv *pv;
	struct dt_arena *a, *n;

	if (!prog)
		return;
	pv = prog->priv;
	free(prog->blob);
	free(prog->formats);
	free(prog->options);
	free(prog->setopts);
	if (pv) {
		for (a = pv->arena; a; a = n) {
			n = a->next;
			free(a);
		}
		free(pv);
	}
	free(prog);
}

int dt_compile(const struct dt_compile_opts *opts, struct dt_prog **out,
	       struct dt_error *err)
{
	struct dt_cc *cc;
	struct dt_prog *prog;
	const char *text;
	int i;
	volatile int ok = 0;

	*out = NULL;
	memset(err, 0, sizeof(*err));
	cc = calloc(1, sizeof(*cc));
	prog = calloc(1, sizeof(*prog));
	if (prog)
		prog->priv = calloc(1, sizeof(struct dt_priv));
	if (!cc || !prog || !prog->priv) {
		free(cc);
		if (prog)
			free(prog->priv);
		free(prog);
		snprintf(err->msg, sizeof(err->msg), "out of memory");
		return -1;
	}
	cc->opts = opts;
	cc->err = err;
	cc->prog = prog;
	cc->strsize = 256;
	cc->stackframes = 20;
	cc->ustackframes = 100;
	cc->nspec = 0;
	cc->bufpolicy = DTRACE_BUFPOLICY_SWITCH;
	if (setjmp(cc->jb) == 0) {
		for (i = 0; i < opts->noptions; i++) {
			char *o = dt_strdup(cc, opts->options[i]);
			char *v = strchr(o, '=');

			if (v)
				*v++ = '\0';
			dt_opt_apply(cc, o, v, 0, 0);
		}
		if (opts->flags & DT_C_QUIET)
			cc->quiet = 1;
		dt_type_init(cc);
		dt_lib_load(cc);
		text = opts->source ? opts->source : "";
		if (opts->prelude) {
			/* "#line 1": the source's lines count from 1 */
			size_t n = strlen(opts->prelude) + strlen(text) + 16;
			char *s = dt_zalloc(cc, n);

			snprintf(s, n, "%s\n#line 1\n%s", opts->prelude, text);
			text = s;
		}
		if (opts->flags & DT_C_CPP) {
			char *s = run_cpp(cc, text);

			cc->src = dt_strdup(cc, s);
			free(s);
		} else {
			cc->src = dt_strdup(cc, text);
		}
		dt_lex_init(cc);
		dt_parse_program(cc);
		cc->region = 0;
		if (!cc->defaultargs) {
			for (i = 1; i < opts->argc && i < 32; i++)
				if (!(cc->macro_used & (1u << i)))
					dt_cc_error(cc, 0, D_MACRO_UNUSED,
						    "macro argument $%d is not referenced",
						    i);
		}
		build(cc);
		ok = 1;
	}
	dt_difo_free(cc->pending);
	stmts_free(cc);
	free(cc->formats);
	free(cc->options);
	free(cc->setopts);
	free(cc);
	if (!ok) {
		dt_prog_free(prog);
		return -1;
	}
	*out = prog;
	return 0;
}
