// SPDX-License-Identifier: GPL-2.0
/*
 * dt_consume.c - the consumer: enable a compiled program on /dev/dtrace,
 * start tracing, and turn the module's buffers into DTrace's output.
 *
 * Loop (as DTrace's dtrace_work(): status, aggregation snapshot, then the
 * principal buffers):
 *   - DTRACEIOC_STATUS: exit() seen, drop counters (reported as deltas);
 *   - DTRACEIOC_AGGSNAP per CPU: deltas merged into the aggregation table;
 *   - DTRACEIOC_BUFSNAP per CPU: records printed CPU by CPU, each CPU's in
 *     buffer order, except that the BEGIN probe's records come before
 *     everything else and the END probe's after everything else (with
 *     -x temporal: merged by timestamp across passes, see
 *     consume_temporal_pass()).
 * The buffers are snapshotted every switchrate, as DTrace switches them
 * (default 1hz: records arrive in batches once a second; a rate too slow
 * for the buffer size shows as drops), and once more when tracing stops.
 * Between snapshots the status is checked every 50 ms at most, so exit(),
 * the end of a -c command or -p process, SIGINT and
 * SIGTERM stop tracing (DTRACEIOC_STOP fires END), the buffers are drained
 * and every aggregation printa() did not print is printed.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "dt_cmd.h"
#include "dt_kbtf.h"
#include "dt_json.h"

static void notice(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void notice(const char *fmt, ...)
{
	va_list ap;

	if (dt_opt.quiet)
		return;
	fflush(dt_out);
	fprintf(stderr, "%s: ", dt_pname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

const char *dt_faultstr(int fault)
{
	switch (fault) {
	case DTRACEFLT_BADADDR:
		return "invalid address";
	case DTRACEFLT_BADALIGN:
		return "invalid alignment";
	case DTRACEFLT_ILLOP:
		return "illegal operation";
	case DTRACEFLT_DIVZERO:
		return "divide-by-zero";
	case DTRACEFLT_NOSCRATCH:
		return "out of scratch space";
	case DTRACEFLT_KPRIV:
		return "invalid kernel access";
	case DTRACEFLT_UPRIV:
		return "invalid user access";
	case DTRACEFLT_TUPOFLOW:
		return "tuple stack overflow";
	case DTRACEFLT_BADSTACK:
		return "bad stack";
	default:
		return "unknown fault";
	}
}

int dt_dev_open(void)
{
	struct dtrace_ioc_info info;
	int fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);
	int err = errno;

	if (fd < 0) {
		dt_error("failed to open %s: %s\n", DTRACE_DEVICE,
			 strerror(err));
		if (err == ENOENT || err == ENODEV || err == ENXIO)
			dt_error("is the dtrace module loaded? "
				 "(modprobe dtrace, or insmod dtrace.ko)\n");
		else if (err == EACCES || err == EPERM)
			dt_error("permission denied: run dtrace as root "
				 "(CAP_SYS_ADMIN) or as a member of the "
				 "dtrace group\n");
		exit(1);
	}
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.version = DTRACE_ABI_VERSION;
	if (ioctl(fd, DTRACEIOC_INFO, &info) < 0) {
		dt_error("failed to initialize dtrace: %s: the module does "
			 "not speak ABI version %d\n", DTRACE_DEVICE,
			 DTRACE_ABI_VERSION);
		exit(1);
	}
	return fd;
}

/* ----------------------------------------------------------------------
 * Consumer state
 * ---------------------------------------------------------------------- */
struct epinfo {
	int clause;
	struct dtrace_probedesc pd;
	int is_begin, is_end;
};

static struct dt_run *g_run;
static struct epinfo *g_ep;		/* g_ep[epid - 1] */
static uint32_t g_nep;
static int g_epfd = -1;			/* asks the module about new EPIDs */
static struct dt_aggset g_aggs;
static int g_status;
static int g_done;
static int g_heading;
static int g_ncpus;
static int g_begin_cpu = -1;		/* from DTRACEIOC_GO */
static int g_indent;			/* flowindent (one, as DTrace) */
static volatile sig_atomic_t g_intr;
static struct dtrace_ioc_status g_last;

static void intr(int sig)
{
	(void)sig;
	g_intr++;
	if (g_intr > 1) {
		/* Impatient: a second ^C ends at once. */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
	}
}

static int ep_fetch(uint32_t epid, struct epinfo *e);

/*
 * Whether epid is known, asking the module about EPIDs above g_nep: a
 * probe created after ENABLE gets ECBs of the clauses it matches
 * (retained enablings), numbered on from the last.
 */
static int ep_known(uint32_t epid)
{
	struct epinfo *n;
	uint32_t i;

	if (epid == 0)
		return 0;
	if (epid <= g_nep)
		return 1;
	if (g_epfd < 0 || epid == DTRACE_EPID_ERROR)
		return 0;
	n = realloc(g_ep, ((size_t)epid + 1) * sizeof(*g_ep));
	if (n == NULL)
		return 0;
	g_ep = n;
	for (i = g_nep + 1; i <= epid; i++) {
		if (ep_fetch(i, &g_ep[i - 1]) < 0)
			return 0;
		g_nep = i;
	}
	return 1;
}

static const struct dt_clause *ep_clause(uint32_t epid)
{
	if (!ep_known(epid))
		return NULL;
	return &g_run->prog->clauses[g_ep[epid - 1].clause];
}

/* ----------------------------------------------------------------------
 * Printing one record
 * ---------------------------------------------------------------------- */
static void print_trace(const struct dt_action *a, const unsigned char *d)
{
	const struct dt_vtype *t = &a->type;
	int quiet = dt_opt.quiet;
	uint64_t v = 0;

	switch (t->kind) {
	case DT_VK_STRING:
	case DT_VK_CHARARRAY:
	case DT_VK_BYTES:
		dt_print_bytes(dt_out, d, a->recsize, 33, quiet);
		return;
	default:
		break;
	}
	if (a->recsize >= 8)
		memcpy(&v, d, 8);
	switch (t->size) {
	case 1:
		fprintf(dt_out, quiet ? "%d" : " %3d", (uint8_t)v);
		break;
	case 2:
		fprintf(dt_out, quiet ? "%d" : " %5d", (uint16_t)v);
		break;
	case 4:
		fprintf(dt_out, quiet ? "%d" : " %8d", (int32_t)(uint32_t)v);
		break;
	default:
		fprintf(dt_out, quiet ? "%lld" : " %16lld", (long long)v);
	}
}

/*
 * print(): a kernel struct, union or enum by its BTF type (dt_kbtf.c);
 * any other value as "TYPE VALUE", integers and pointers in hex, as
 * DTrace prints them.
 */
static void print_value(const struct dt_action *a, const unsigned char *d,
			uint32_t rs)
{
	const struct dt_vtype *t = &a->type;
	uint64_t v = 0;

	if (a->btf_id && (t->kind == DT_VK_BYTES || t->kind == DT_VK_INT) &&
	    !dt_kbtf_print(dt_out, a->btf_id, d,
			   t->kind == DT_VK_INT ? t->size : rs))
		return;
	switch (t->kind) {
	case DT_VK_INT:
	case DT_VK_PTR:
		memcpy(&v, d, rs < 8 ? rs : 8);
		if (t->kind == DT_VK_INT && t->size < 8)
			v &= (1ULL << (8 * t->size)) - 1;
		fprintf(dt_out, "%s %#llx", t->name, (unsigned long long)v);
		return;
	case DT_VK_STRING:
	case DT_VK_CHARARRAY:
		fprintf(dt_out, "%s \"%.*s\"", t->name,
			(int)strnlen((const char *)d, rs), (const char *)d);
		return;
	default:
		print_trace(a, d);
	}
}

/* Arguments of a printf-like marker at index mi. */
static int marker_args(const struct dt_clause *c, int mi,
		       const unsigned char *data, uint32_t dlen,
		       struct dt_pfarg **out)
{
	const struct dt_action *m = &c->actions[mi];
	struct dt_pfarg *args;
	int i, n = 0;

	args = calloc(m->nargs + 1, sizeof(*args));
	if (args == NULL)
		return -1;
	for (i = mi + 1; i < c->nactions && n < m->nargs; i++) {
		const struct dt_action *a = &c->actions[i];
		uint32_t len = a->recsize;

		if (a->owner != mi)
			continue;
		if (a->recoff > dlen)
			len = 0;
		else if (len > dlen - a->recoff)
			len = dlen - a->recoff;
		if (a->kind == DTRACEACT_STACK) {
			args[n].kind = DT_PF_STACK;
			args[n].data = (const char *)data + a->recoff;
			args[n].len = len;
		} else {
			dt_pfarg_from_rec(&args[n], &a->type,
					  data + a->recoff, len);
		}
		n++;
	}
	*out = args;
	return n;
}

static void do_setopt(const struct dt_clause *c, const struct dt_action *a)
{
	const struct dt_option *o;
	const char *err;
	const struct dt_prog *p = g_run->prog;

	(void)c;
	if (a->setopt < 0 || a->setopt >= p->nsetopts)
		return;
	o = &p->setopts[a->setopt];
	if (dt_opt_set(&dt_opt, o->name, o->value, &err) < 0)
		dt_error("couldn't set option \"%s\" to \"%s\": %s\n",
			 o->name, o->value ? o->value : "", err);
}

static void do_system(const char *cmd)
{
	int rc;

	fflush(dt_out);
	rc = system(cmd);
	(void)rc;
}

enum flow { FLOW_NONE, FLOW_ENTRY, FLOW_RETURN };

static int name_is(const char *n, const char *what)
{
	size_t ln = strlen(n), lw = strlen(what);

	if (ln < lw || strcmp(n + ln - lw, what) != 0)
		return 0;
	return ln == lw || n[ln - lw - 1] == '-';
}

static void print_prefix(int cpu, uint32_t epid, uint32_t last,
			 uint32_t next)
{
	const struct dtrace_probedesc *pd = &g_ep[epid - 1].pd;
	char name[DTRACE_FUNCNAMELEN + DTRACE_NAMELEN + 256];

	if (!g_heading) {
		if (!dt_opt.flowindent) {
			if (!dt_opt.quiet)
				fprintf(dt_out, "%3s %6s %32s\n", "CPU", "ID",
					"FUNCTION:NAME");
		} else {
			fprintf(dt_out, "%3s %-41s\n", "CPU", "FUNCTION");
		}
		g_heading = 1;
	}
	if (!dt_opt.flowindent) {
		if (dt_opt.quiet)
			return;
		snprintf(name, sizeof(name), "%s:%s", pd->func, pd->name);
		fprintf(dt_out, "%3d %6u %32s ", cpu, pd->id, name);
		return;
	} else {
		int syscall = strcmp(pd->provider, "syscall") == 0;
		enum flow flow = FLOW_NONE;
		const char *prefix = "| ";
		int *indent = &g_indent;

		if (name_is(pd->name, "entry"))
			flow = FLOW_ENTRY;
		else if (name_is(pd->name, "return"))
			flow = FLOW_RETURN;
		if (flow == FLOW_ENTRY && last && last != epid &&
		    ep_known(last) && g_ep[last - 1].pd.id == pd->id)
			flow = FLOW_NONE;
		if (flow == FLOW_RETURN && next && next != epid &&
		    ep_known(next) && g_ep[next - 1].pd.id == pd->id)
			flow = FLOW_NONE;
		if (flow == FLOW_ENTRY)
			prefix = syscall ? " => " : " -> ";
		else if (flow == FLOW_RETURN)
			prefix = syscall ? " <= " : " <- ";
		if (flow == FLOW_RETURN && *indent > 0)
			*indent -= 2;
		if (flow == FLOW_NONE)
			snprintf(name, sizeof(name), "%*s%s%s:%s", *indent, "",
				 prefix, pd->func, pd->name);
		else
			snprintf(name, sizeof(name), "%*s%s%s", *indent, "",
				 prefix, pd->func);
		fprintf(dt_out, "%3d %-41s ", cpu, name);
		if (flow == FLOW_ENTRY)
			*indent += 2;
	}
}

static void print_error_rec(int cpu, const unsigned char *d, uint32_t len)
{
	struct dtrace_errrec e;
	const struct dtrace_probedesc *pd;
	char where[32], details[40], offinfo[40];

	(void)cpu;
	if (len < sizeof(e))
		return;
	memcpy(&e, d, sizeof(e));
	if (!ep_known(e.epid)) {
		dt_error("error on enabled probe ID %u: %s\n", e.epid,
			 dt_faultstr(e.fault));
		return;
	}
	pd = &g_ep[e.epid - 1].pd;
	if (dt_opt.oformat == DT_OFMT_JSON)
		dt_json_error(&e, pd, dt_faultstr(e.fault));
	if (e.action == 0)
		snprintf(where, sizeof(where), "predicate");
	else
		snprintf(where, sizeof(where), "action #%u", e.action);
	if (e.difoff != 0xffffffffu)
		snprintf(offinfo, sizeof(offinfo), " at DIF offset %u",
			 e.difoff);
	else
		offinfo[0] = '\0';
	switch (e.fault) {
	case DTRACEFLT_BADADDR:
	case DTRACEFLT_BADALIGN:
	case DTRACEFLT_BADSTACK:
		snprintf(details, sizeof(details), " (0x%llx)",
			 (unsigned long long)e.addr);
		break;
	default:
		details[0] = '\0';
	}
	dt_error("error on enabled probe ID %u (ID %u: %s:%s:%s:%s): "
		 "%s%s in %s%s\n", e.epid, pd->id, pd->provider, pd->mod,
		 pd->func, pd->name, dt_faultstr(e.fault), details, where,
		 offinfo);
}

static void consume_record(int cpu, const struct dtrace_rechdr *h,
			   uint32_t last, uint32_t next)
{
	const unsigned char *data = (const unsigned char *)(h + 1);
	uint32_t dlen = h->size - sizeof(*h);
	const struct dt_clause *c;
	const struct dt_prog *p = g_run->prog;
	struct dt_json_rec *jr = NULL;
	FILE *text = dt_out;
	int i;

	if (h->epid == DTRACE_EPID_ERROR) {
		print_error_rec(cpu, data, dlen);
		return;
	}
	c = ep_clause(h->epid);
	if (c == NULL) {
		dt_error("record with unknown enabled probe ID %u\n", h->epid);
		return;
	}
	/*
	 * -x oformat=json: dt_json.c writes each action's output just before
	 * the action runs here as usual, its text going to the sink.
	 */
	if (dt_opt.oformat == DT_OFMT_JSON) {
		jr = dt_json_begin(cpu, &g_ep[h->epid - 1].pd);
		dt_out = dt_json_sink();
	}
	print_prefix(cpu, h->epid, last, next);

	for (i = 0; i < c->nactions; i++) {
		const struct dt_action *a = &c->actions[i];
		const unsigned char *d = data + a->recoff;
		uint32_t rs = a->recsize;
		uint64_t v = 0;

		if (a->recoff > dlen || rs > dlen - a->recoff)
			rs = a->recoff > dlen ? 0 : dlen - a->recoff;
		if (rs >= 8)
			memcpy(&v, d, 8);
		if (jr)
			dt_json_action(jr, c, p, i, data, dlen, &g_aggs);

		switch (a->kind) {
		case DTRACEACT_DIFEXPR:
			if (a->owner < 0 && rs && a->print)
				print_value(a, d, rs);
			else if (a->owner < 0 && rs)
				print_trace(a, d);
			break;
		case DTRACEACT_EXIT:
			g_status = (int)(int32_t)v;
			g_done = 1;
			break;
		case DTRACEACT_PRINTF:
		case DTRACEACT_SYSTEM: {
			struct dt_pfarg *args = NULL;
			char err[256];
			int n;

			if (a->fmt < 0 || a->fmt >= p->nformats)
				break;
			n = marker_args(c, i, data, dlen, &args);
			if (n < 0)
				break;
			if (a->kind == DTRACEACT_PRINTF) {
				if (dt_printf_format(dt_out,
				    p->formats[a->fmt].fmt, args, n, NULL, 0,
				    err, sizeof(err)) < 0)
					dt_error("%s\n", err);
			} else {
				char *cmd = NULL;
				size_t clen = 0;
				FILE *m = open_memstream(&cmd, &clen);

				if (m) {
					dt_printf_format(m,
						p->formats[a->fmt].fmt, args,
						n, NULL, 0, err, sizeof(err));
					fclose(m);
					do_system(cmd);
					free(cmd);
				}
			}
			free(args);
			break;
		}
		case DTRACEACT_PRINTA:
			if (a->fmt < 0 || a->fmt >= p->nformats) {
				fputc('\n', dt_out);
				dt_agg_print(dt_out, &g_aggs, a->aggid);
				if (a->aggid && a->aggid <= (uint32_t)
				    g_aggs.naggs)
					g_aggs.aggs[a->aggid - 1].printed = 1;
			} else {
				const struct dt_format *f =
					&p->formats[a->fmt];

				if (f->naggs > 0)
					dt_agg_printa(dt_out, &g_aggs, f->fmt,
						      f->aggids, f->naggs);
				else
					dt_agg_printa(dt_out, &g_aggs, f->fmt,
						      &a->aggid, 1);
			}
			break;
		case DTRACEACT_TRACEMEM:
			dt_print_rawbytes(dt_out, d, rs);
			break;
		case DTRACEACT_STACK:
			if (a->owner < 0 && rs >= 8) {
				uint64_t depth = v;

				if (depth > (rs - 8) / 8)
					depth = (rs - 8) / 8;
				dt_print_stack(dt_out,
					(const uint64_t *)(const void *)(d + 8),
					(int)depth, (int)dt_opt.stackindent,
					NULL);
			}
			break;
		case DTRACEACT_USTACK:
			if (a->owner < 0)
				dt_print_ustack(dt_out, d, rs,
						(int)dt_opt.stackindent, NULL);
			break;
		case DTRACEACT_CLEAR:
			dt_agg_clear(&g_aggs, a->aggid);
			break;
		case DTRACEACT_TRUNC:
			dt_agg_trunc(&g_aggs, a->aggid,
				     rs >= 8 ? (int64_t)v : 0);
			break;
		case DTRACEACT_SETOPT:
			do_setopt(c, a);
			break;
		case DTRACEACT_MARKER:
			if (a->arg == DT_MARK_DENORMALIZE) {
				dt_agg_normalize(&g_aggs, a->aggid, 1);
			} else if (a->arg == DT_MARK_NORMALIZE &&
				   i + 1 < c->nactions &&
				   c->actions[i + 1].owner == i) {
				const struct dt_action *f = &c->actions[i + 1];
				uint64_t n = 0;

				if (f->recoff + 8 <= dlen)
					memcpy(&n, data + f->recoff, 8);
				dt_agg_normalize(&g_aggs, a->aggid, n);
			}
			break;
		default:
			break;
		}
	}
	if (!dt_opt.quiet)
		fputc('\n', dt_out);
	if (jr) {
		dt_out = text;
		dt_json_end(jr);
	}
}

/* ----------------------------------------------------------------------
 * Buffers
 * ---------------------------------------------------------------------- */
/* -x temporal marks the records it printed (no enabled probe has EPID 0). */
#define EPID_CONSUMED	0

struct cpubuf {
	unsigned char *data;
	size_t cap;
	size_t len;
	size_t held;		/* -x temporal: [0, held) from earlier passes */
};

static struct cpubuf *g_bufs;

/*
 * Snapshot one CPU into b (appending at b->len).  A BUFSNAP copies whole
 * records only and says DTRACE_BUF_MORE when some did not fit; -ENOSPC
 * (nothing copied) gives the size the next record needs.
 */
static uint32_t g_snapflags;		/* DTRACE_BUF_* of the last snap */

static int snap(int ioc, int cpu, struct cpubuf *b, uint64_t *drops)
{
	struct dtrace_ioc_buf req;
	int tries = 0;

	*drops = 0;
	g_snapflags = 0;
	for (;;) {
		if (b->cap - b->len < 4096) {
			unsigned char *n = realloc(b->data, b->cap * 2);

			if (n == NULL)
				return -1;
			b->data = n;
			b->cap *= 2;
		}
		memset(&req, 0, sizeof(req));
		req.size = sizeof(req);
		req.version = DTRACE_ABI_VERSION;
		req.cpu = cpu;
		req.data = (uint64_t)(uintptr_t)(b->data + b->len);
		req.datalen = b->cap - b->len;
		if (ioctl(g_run->fd, ioc, &req) == 0) {
			if (req.datalen > b->cap - b->len)
				return -1;
			b->len += req.datalen;
			*drops += req.drops;
			g_snapflags |= req.flags;
			if ((req.flags & DTRACE_BUF_MORE) && req.datalen &&
			    ioc == (int)DTRACEIOC_BUFSNAP)
				continue;
			return 0;
		}
		if (errno == ENOSPC && req.datalen > b->cap - b->len &&
		    tries++ < 16) {
			size_t want = b->len + req.datalen + 4096;
			unsigned char *n;

			if (want < b->cap * 2)
				want = b->cap * 2;
			n = realloc(b->data, want);
			if (n == NULL)
				return -1;
			b->data = n;
			b->cap = want;
			*drops += req.drops;
			continue;
		}
		if (errno == EINTR)
			continue;
		/* A CPU that is not possible here. */
		if ((errno == EINVAL && cpu > 0) || errno == ENOENT ||
		    errno == ENXIO || errno == ENODEV)
			return 0;
		return -1;
	}
}

static void snap_aggs(void)
{
	struct cpubuf b = { 0 };
	int cpu;

	if (g_aggs.naggs == 0)
		return;
	b.cap = 1 << 16;
	b.data = malloc(b.cap);
	if (b.data == NULL)
		return;
	for (cpu = 0; cpu < g_ncpus; cpu++) {
		uint64_t drops = 0;

		b.len = 0;
		if (snap(DTRACEIOC_AGGSNAP, cpu, &b, &drops) < 0) {
			dt_error("failed to snapshot aggregations: %s\n",
				 strerror(errno));
			break;
		}
		if (b.len && dt_aggset_merge(&g_aggs, b.data, b.len) < 0)
			dt_error("malformed aggregation snapshot on CPU %d\n",
				 cpu);
		if (drops)
			dt_error("%llu aggregation drop%s on CPU %d\n",
				 (unsigned long long)drops,
				 drops > 1 ? "s" : "", cpu);
		if (drops && dt_opt.oformat == DT_OFMT_JSON)
			dt_json_drop("aggregation drop", "", cpu, drops);
	}
	free(b.data);
}

/* Next record offset, or len when the buffer is malformed. */
static size_t rec_next(const struct cpubuf *b, size_t off)
{
	struct dtrace_rechdr h;

	if (off + sizeof(h) > b->len)
		return b->len;
	memcpy(&h, b->data + off, sizeof(h));
	if (h.size < sizeof(h) || h.size % 8 || h.size > b->len - off)
		return b->len;
	return off + h.size;
}

/* The record at off, or NULL at the end and where the buffer is malformed. */
static const struct dtrace_rechdr *rec_at(const struct cpubuf *b, size_t off)
{
	const struct dtrace_rechdr *h;

	if (off > b->len || b->len - off < sizeof(*h))
		return NULL;
	h = (const void *)(b->data + off);
	if (h->size < sizeof(*h) || h->size % 8 || h->size > b->len - off)
		return NULL;
	return h;
}

/* 0: BEGIN records, 1: the rest but END, 2: END records. */
static int rec_phase(const struct dtrace_rechdr *h)
{
	uint32_t e = h->epid;

	if (e == DTRACE_EPID_ERROR) {
		const struct dtrace_errrec *er = (const void *)(h + 1);

		if (h->size >= sizeof(*h) + sizeof(*er))
			e = er->epid;
	}
	if (!ep_known(e))
		return 1;
	if (g_ep[e - 1].is_begin)
		return 0;
	if (g_ep[e - 1].is_end)
		return 2;
	return 1;
}

static uint32_t next_epid(const struct cpubuf *b, size_t off, int phase)
{
	for (off = rec_next(b, off); off < b->len; off = rec_next(b, off)) {
		const struct dtrace_rechdr *h = (const void *)(b->data + off);

		if (h->epid == EPID_CONSUMED)
			continue;
		if (phase < 0 || rec_phase(h) == phase)
			return h->epid;
	}
	return 0;
}

/*
 * -x temporal: the records of all CPUs in timestamp order.
 *
 * A pass snapshots the CPUs one after the other, so a record taken on CPU
 * 0 after CPU 0's snapshot but before CPU 1's only comes with the next
 * pass, after CPU 1's newer records.  As DTrace does, a pass therefore
 * prints records only up to a time that every CPU's snapshot has passed;
 * the newer ones are held back in g_bufs[cpu] ([0, held) when the next
 * snapshot is appended) and merged with the next pass's records.
 *
 * The module does not say when it switched a CPU's buffer, but a record
 * always comes with the first switch after its timestamp (the switch runs
 * on the record's CPU with interrupts masked, as probe context is, so no
 * record is half written), and a pass switches the CPUs in order.  Every
 * CPU's switch in this pass therefore came after
 *   - every record read in an earlier pass, on any CPU, and
 *   - every record read from the CPU snapshotted first in this pass;
 * the newest of these timestamps is the bound: every record up to it has
 * been read.  A CPU with an empty buffer needs no special case, and a
 * record is printed at the latest one pass after it was read.  BEGIN's
 * records are all written before GO returns and before any other probe
 * may fire, so they are never held.  After a failed snapshot a CPU may
 * hand out what is left of an older switch in the next pass, so that pass
 * and the next hold everything.  At the end, everything left is printed.
 */
static uint64_t g_seen_max;	/* newest timestamp read by earlier passes */
static int g_unsure;		/* passes left that may not print records */

/* Newest timestamp among the records b read in this pass. */
static uint64_t newest_read(const struct cpubuf *b)
{
	const struct dtrace_rechdr *h;
	uint64_t t = 0;
	size_t off;

	for (off = b->held; (h = rec_at(b, off)) != NULL; off += h->size)
		if (h->timestamp > t)
			t = h->timestamp;
	return t;
}

/*
 * Print the records of one phase up to bound, merging the CPUs' sequences
 * (each in buffer order).  Returns 1 when records of the phase are left.
 */
static int consume_temporal(int phase, uint64_t bound, uint32_t *last)
{
	size_t *off = calloc(g_ncpus, sizeof(*off));
	int cpu, left = 0;

	if (off == NULL)
		return 1;
	for (;;) {
		const struct dtrace_rechdr *best = NULL;
		int bcpu = -1;

		for (cpu = 0; cpu < g_ncpus; cpu++) {
			struct cpubuf *b = &g_bufs[cpu];
			const struct dtrace_rechdr *h;

			/* Skip consumed records and those of other phases. */
			while ((h = rec_at(b, off[cpu])) != NULL &&
			       (h->epid == EPID_CONSUMED ||
				rec_phase(h) != phase))
				off[cpu] += h->size;
			if (h == NULL)
				continue;
			if (best == NULL || h->timestamp < best->timestamp) {
				best = h;
				bcpu = cpu;
			}
		}
		if (best == NULL)
			break;
		if (best->timestamp > bound) {
			left = 1;
			break;
		}
		consume_record(bcpu, best, last[bcpu], dt_opt.flowindent ?
			       next_epid(&g_bufs[bcpu], off[bcpu], phase) : 0);
		last[bcpu] = best->epid;
		((struct dtrace_rechdr *)(uintptr_t)best)->epid =
			EPID_CONSUMED;
		off[bcpu] += best->size;
	}
	free(off);
	return left;
}

/* Keep the records not yet printed at the start of b, in order. */
static void temporal_keep(struct cpubuf *b)
{
	const struct dtrace_rechdr *h;
	size_t off, to = 0;

	/* A malformed record and what follows it are dropped. */
	for (off = 0; (h = rec_at(b, off)) != NULL; off += h->size) {
		if (h->epid == EPID_CONSUMED)
			continue;
		if (to != off)
			memmove(b->data + to, b->data + off, h->size);
		to += h->size;
	}
	b->len = to;
	b->held = to;
}

/*
 * One -x temporal pass over what the CPUs' buffers hold (records held back
 * and those just read).  failed: a snapshot failed in this pass; all: the
 * last pass, print everything.
 */
static void consume_temporal_pass(int failed, int all)
{
	uint64_t bound = g_seen_max, newest = 0;
	uint32_t *last = calloc((unsigned int)g_ncpus, sizeof(*last));
	int cpu, phase;

	for (cpu = 0; cpu < g_ncpus; cpu++) {
		uint64_t t = newest_read(&g_bufs[cpu]);

		if (cpu == 0 && t > bound)
			bound = t;
		if (t > newest)
			newest = t;
	}
	if (newest > g_seen_max)
		g_seen_max = newest;
	if (failed)
		g_unsure = 2;
	if (g_unsure) {
		g_unsure--;
		bound = 0;
	}
	if (all)
		bound = UINT64_MAX;
	if (last == NULL)
		return;
	/* BEGIN, others, END: a phase with records held stops later ones. */
	for (phase = 0; phase < 3; phase++)
		if (consume_temporal(phase, phase == 0 ? UINT64_MAX : bound,
				     last))
			break;
	for (cpu = 0; cpu < g_ncpus; cpu++)
		temporal_keep(&g_bufs[cpu]);
	free(last);
}

/* Records held back by -x temporal? */
static int temporal_held(void)
{
	int cpu;

	for (cpu = 0; cpu < g_ncpus; cpu++)
		if (g_bufs[cpu].held)
			return 1;
	return 0;
}

/* Which records of a buffer a pass takes. */
enum { F_ALL, F_BEGIN, F_NOTBEGIN };

static void consume_cpu(int cpu, int filter)
{
	struct cpubuf *b = &g_bufs[cpu];
	uint32_t last = 0;
	size_t off;

	for (off = 0; off < b->len; off = rec_next(b, off)) {
		const struct dtrace_rechdr *h;
		int ph;

		if (off + sizeof(*h) > b->len)
			break;
		h = (const void *)(b->data + off);
		if (rec_next(b, off) == b->len && off + h->size != b->len) {
			dt_error("malformed buffer on CPU %d\n", cpu);
			break;
		}
		ph = rec_phase(h);
		if ((filter == F_BEGIN && ph != 0) ||
		    (filter == F_NOTBEGIN && ph == 0))
			continue;
		consume_record(cpu, h, last, dt_opt.flowindent ?
			       next_epid(b, off, -1) : 0);
		last = h->epid;
	}
}

/* The CPU whose buffer holds END's records, or -1. */
static int end_cpu(void)
{
	int cpu;

	for (cpu = 0; cpu < g_ncpus; cpu++) {
		struct cpubuf *b = &g_bufs[cpu];
		size_t off;

		for (off = 0; off < b->len; off = rec_next(b, off)) {
			const struct dtrace_rechdr *h;

			if (off + sizeof(*h) > b->len)
				break;
			h = (const void *)(b->data + off);
			if (rec_phase(h) == 2)
				return cpu;
		}
	}
	return -1;
}

/*
 * One pass over the principal buffers just read (and, with -x temporal,
 * those held back), in DTrace's order: CPU by CPU, except that on the
 * first pass the CPU that ran BEGIN comes first (only its BEGIN records
 * first when END has already run there too), and after STOP the CPU that
 * ran END comes last.  failed: a CPU's snapshot failed.
 */
static void consume_snapped(int first, int stopped, int failed)
{
	int cpu, bcpu = -1, ecpu = -1;

	if (dt_opt.temporal || temporal_held()) {
		consume_temporal_pass(failed, stopped);
		return;
	}
	if (first && g_begin_cpu >= 0 && g_begin_cpu < g_ncpus)
		bcpu = g_begin_cpu;
	if (stopped)
		ecpu = end_cpu();
	if (bcpu >= 0 && bcpu == ecpu) {
		consume_cpu(bcpu, F_BEGIN);
		for (cpu = 0; cpu < g_ncpus; cpu++)
			if (cpu != bcpu)
				consume_cpu(cpu, F_ALL);
		consume_cpu(bcpu, F_NOTBEGIN);
		return;
	}
	if (bcpu >= 0)
		consume_cpu(bcpu, F_ALL);
	for (cpu = 0; cpu < g_ncpus; cpu++)
		if (cpu != bcpu && cpu != ecpu)
			consume_cpu(cpu, F_ALL);
	if (ecpu >= 0 && ecpu != bcpu)
		consume_cpu(ecpu, F_ALL);
}

/* Snapshot every CPU's principal buffer, in CPU order, and print. */
static void consume_buffers(int first, int stopped)
{
	int cpu, failed = 0;
	int keep = dt_opt.temporal || temporal_held();

	for (cpu = 0; cpu < g_ncpus; cpu++) {
		uint64_t drops = 0;

		/* -x temporal appends to the records held back. */
		if (!keep)
			g_bufs[cpu].len = 0;
		if (snap(DTRACEIOC_BUFSNAP, cpu, &g_bufs[cpu], &drops) < 0) {
			dt_error("failed to snapshot buffer of CPU %d: %s\n",
				 cpu, strerror(errno));
			failed = 1;
			continue;
		}
		if (drops)
			dt_error("%llu drop%s on CPU %d\n",
				 (unsigned long long)drops,
				 drops > 1 ? "s" : "", cpu);
		if (drops && dt_opt.oformat == DT_OFMT_JSON)
			dt_json_drop("drop", "", cpu, drops);
		/* fill: a full buffer ends tracing, as exit() does. */
		if (dt_opt.bufpolicy == DTRACE_BUFPOLICY_FILL &&
		    (g_snapflags & DTRACE_BUF_FULL))
			g_done = 1;
	}
	consume_snapped(first, stopped, failed);
}

static void report_status(const struct dtrace_ioc_status *s)
{
	static const struct {
		size_t off;
		const char *str;
		const char *msg;
	} tab[] = {
		{ offsetof(struct dtrace_ioc_status, dyndrops),
		  "dynamic variable drop", "" },
		{ offsetof(struct dtrace_ioc_status, dyndrops_rinse),
		  "dynamic variable drop", " with non-empty rinsing list" },
		{ offsetof(struct dtrace_ioc_status, dyndrops_dirty),
		  "dynamic variable drop", " with non-empty dirty list" },
		{ offsetof(struct dtrace_ioc_status, specdrops),
		  "speculative drop", "" },
		{ offsetof(struct dtrace_ioc_status, specdrops_busy),
		  "failed speculation", " (available buffer(s) still busy)" },
		{ offsetof(struct dtrace_ioc_status, specdrops_unavail),
		  "failed speculation", " (no speculative buffer available)" },
		/* The module counts these for all CPUs together. */
		{ offsetof(struct dtrace_ioc_status, aggdrops),
		  "aggregation drop", "" },
	};
	size_t i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		uint64_t nv, ov;

		memcpy(&nv, (const char *)s + tab[i].off, 8);
		memcpy(&ov, (const char *)&g_last + tab[i].off, 8);
		if (nv <= ov)
			continue;
		dt_error("%llu %s%s%s\n", (unsigned long long)(nv - ov),
			 tab[i].str, nv - ov > 1 ? "s" : "", tab[i].msg);
		if (dt_opt.oformat == DT_OFMT_JSON)
			dt_json_drop(tab[i].str, tab[i].msg, -1, nv - ov);
	}
	g_last = *s;
}

static int status_ioc(unsigned long ioc, struct dtrace_ioc_status *s)
{
	memset(s, 0, sizeof(*s));
	s->size = sizeof(*s);
	s->version = DTRACE_ABI_VERSION;
	return ioctl(g_run->fd, ioc, s);
}

static const char *signame(int sig)
{
	static char buf[16];

	switch (sig) {
	case SIGHUP: return "SIGHUP";
	case SIGINT: return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGABRT: return "SIGABRT";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	case SIGKILL: return "SIGKILL";
	case SIGUSR1: return "SIGUSR1";
	case SIGSEGV: return "SIGSEGV";
	case SIGUSR2: return "SIGUSR2";
	case SIGPIPE: return "SIGPIPE";
	case SIGALRM: return "SIGALRM";
	case SIGTERM: return "SIGTERM";
	default:
		snprintf(buf, sizeof(buf), "signal %d", sig);
		return buf;
	}
}

static int child_gone(void)
{
	int st;
	pid_t r;

	if (g_run->child > 0) {
		r = waitpid(g_run->child, &st, WNOHANG);
		if (r == g_run->child) {
			if (WIFSIGNALED(st))
				notice("pid %d terminated by %s\n",
				       (int)g_run->child,
				       signame(WTERMSIG(st)));
			else if (WIFEXITED(st) && WEXITSTATUS(st) != 0)
				notice("pid %d exited with status %d\n",
				       (int)g_run->child, WEXITSTATUS(st));
			else
				notice("pid %d has exited\n",
				       (int)g_run->child);
			g_run->child = -1;
			return 1;
		}
	}
	if (g_run->grabbed > 0 && kill(g_run->grabbed, 0) < 0 &&
	    errno == ESRCH) {
		notice("pid %d has exited\n", (int)g_run->grabbed);
		g_run->grabbed = -1;
		return 1;
	}
	return 0;
}

static int64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The switch interval: switchrate, at least 1 ms. */
static int64_t switch_ns(void)
{
	int64_t ns = dt_opt.switchrate;

	if (ns <= 0)
		ns = 1000000000LL;
	return ns < 1000000 ? 1000000 : ns;
}

/*
 * Wait until the next pass: the next buffer switch (last + switchrate), but
 * at most 50 ms, so that the status (exit(), drops, a -c command's end) is
 * noticed promptly whatever the switch rate.
 */
static void pause_pass(int64_t last_switch)
{
	int64_t ns = last_switch + switch_ns() - mono_ns();
	struct timespec ts;

	if (ns > 50000000LL)
		ns = 50000000LL;
	if (ns < 1000000)
		ns = 1000000;
	ts.tv_sec = ns / 1000000000LL;
	ts.tv_nsec = ns % 1000000000LL;
	nanosleep(&ts, NULL);
}

/* ----------------------------------------------------------------------
 * Enabling
 * ---------------------------------------------------------------------- */
static void pdesc_text(const struct dtrace_probedesc *pd, char *buf,
		       size_t len)
{
	snprintf(buf, len, "%s:%s:%s:%s", pd->provider, pd->mod, pd->func,
		 pd->name);
}

static int source_of_stmt(int stmt)
{
	int i;

	for (i = 0; i < g_run->nsources; i++) {
		const struct dt_source *s = &g_run->sources[i];

		if (stmt >= s->first_stmt && stmt < s->first_stmt + s->nstmts)
			return i;
	}
	return g_run->nsources ? g_run->nsources - 1 : -1;
}

/*
 * -v: DTrace's stability report.  The description attributes are the
 * minimum over the program's clauses of each description's attributes
 * (dt_desc_attr: the module's provider table, combined as DTrace does);
 * the statement attributes are those of D itself.
 */
static void stability_report(const struct dt_source *src)
{
	const struct dt_prog *p = g_run->prog;
	struct dtrace_attribute min = {
		DTRACE_STABILITY_STANDARD, DTRACE_STABILITY_STANDARD,
		DTRACE_CLASS_COMMON, 0
	};
	struct dtrace_attribute stmt = {
		DTRACE_STABILITY_STABLE, DTRACE_STABILITY_STABLE,
		DTRACE_CLASS_COMMON, 0
	};
	int c;

	for (c = 0; c < p->nclauses; c++) {
		struct dtrace_attribute desc, args;

		if (p->clauses[c].stmt < src->first_stmt ||
		    p->clauses[c].stmt >= src->first_stmt + src->nstmts)
			continue;
		dt_desc_attr(g_run->fd, &p->clauses[c].desc, &desc, &args);
		min = dt_attr_min(min, desc);
	}
	fprintf(dt_out, "\nStability attributes for %s %s:\n", src->desc,
		src->name);
	fprintf(dt_out, "\n\tMinimum Probe Description Attributes\n");
	fprintf(dt_out, "\t\tIdentifier Names: %s\n", dt_stability_name(min.name));
	fprintf(dt_out, "\t\tData Semantics:   %s\n", dt_stability_name(min.data));
	fprintf(dt_out, "\t\tDependency Class: %s\n", dt_class_name(min.dclass));
	fprintf(dt_out, "\n\tMinimum Statement Attributes\n");
	fprintf(dt_out, "\t\tIdentifier Names: %s\n", dt_stability_name(stmt.name));
	fprintf(dt_out, "\t\tData Semantics:   %s\n", dt_stability_name(stmt.data));
	fprintf(dt_out, "\t\tDependency Class: %s\n", dt_class_name(stmt.dclass));
	fprintf(dt_out, "\n");
}

static void ep_set(struct epinfo *e, int clause,
		   const struct dtrace_probedesc *pd)
{
	e->clause = clause;
	e->pd = *pd;
	e->is_begin = strcmp(pd->provider, "dtrace") == 0 &&
		strcmp(pd->name, "BEGIN") == 0;
	e->is_end = strcmp(pd->provider, "dtrace") == 0 &&
		strcmp(pd->name, "END") == 0;
}

static int enable(void)
{
	struct dt_prog *p = g_run->prog;
	struct dtrace_ioc_enable en;
	struct dtrace_enable_hdr *hdr = p->hdr;
	int zdefs = (hdr->flags & DTRACE_ENABLE_ZDEFS) || dt_opt.zdefs;
	uint64_t *matched;
	uint32_t i;
	int c;

	/* Check for descriptions that match nothing ourselves. */
	hdr->flags |= DTRACE_ENABLE_ZDEFS;
	memset(&en, 0, sizeof(en));
	en.size = sizeof(en);
	en.version = DTRACE_ABI_VERSION;
	en.blob = (uint64_t)(uintptr_t)p->blob;
	en.bloblen = (uint32_t)p->bloblen;
	if (ioctl(g_run->fd, DTRACEIOC_ENABLE, &en) < 0) {
		int err = errno;
		int s = 0;

		if (en.err_clause < (uint32_t)p->nclauses)
			s = source_of_stmt(p->clauses[en.err_clause].stmt);
		if (s < 0)
			s = 0;
		/*
		 * The module's message says what it refused; for an error
		 * other than EINVAL (a provider failing to enable a probe)
		 * the errno says why.
		 */
		if (err == EINVAL && strstr(en.err_msg, "destructive"))
			/* the module's refusals of destructive actions and
			 * subroutines without -w, in DTrace's words */
			dt_error("failed to enable '%s': destructive actions not allowed\n",
				 g_run->sources[s].name);
		else if (err == EINVAL && en.err_msg[0])
			dt_error("failed to enable '%s': %s\n",
				 g_run->sources[s].name, en.err_msg);
		else if (en.err_msg[0])
			dt_error("failed to enable '%s': %s: %s\n",
				 g_run->sources[s].name, en.err_msg,
				 strerror(err));
		else
			dt_error("failed to enable '%s': %s\n",
				 g_run->sources[s].name, strerror(err));
		return -1;
	}

	matched = calloc(g_run->nsources + 1, sizeof(*matched));
	if (matched == NULL)
		return -1;
	for (c = 0; c < p->nclauses; c++) {
		int s = source_of_stmt(p->clauses[c].stmt);
		uint64_t n;

		/*
		 * The module counts the first 64 clauses' matches; the
		 * others are counted by listing their descriptions (which
		 * the enabling has provided: the same probes).
		 */
		if (c < (int)(sizeof(en.nmatched) / sizeof(en.nmatched[0]))) {
			n = en.nmatched[c];
		} else {
			int k = dt_count_probes(g_run->fd, &p->clauses[c].desc);

			if (k < 0) {
				free(matched);
				return -1;
			}
			n = (uint64_t)k;
		}
		if (n == 0 && !zdefs) {
			const char *tag = dt_opt.errtags ? "[D_PDESC_ZERO] " :
				"";
			char d[400];

			pdesc_text(&p->clauses[c].desc, d, sizeof(d));
			if (s >= 0 && strcmp(g_run->sources[s].desc,
					     "script") == 0)
				dt_error("failed to compile script %s: %sline "
					 "%d: probe description %s does not "
					 "match any probes\n",
					 g_run->sources[s].name, tag,
					 p->clauses[c].line, d);
			else
				dt_error("invalid probe specifier %s: %sprobe "
					 "description %s does not match any "
					 "probes\n", s >= 0 ?
					 g_run->sources[s].spec : d, tag, d);
			free(matched);
			return -1;
		}
		if (s >= 0)
			matched[s] += n;
	}
	for (i = 0; i < (uint32_t)g_run->nsources; i++) {
		notice("%s '%s' matched %llu probe%s\n",
		       g_run->sources[i].desc, g_run->sources[i].name,
		       (unsigned long long)matched[i],
		       matched[i] == 1 ? "" : "s");
		if (g_run->verbose)
			stability_report(&g_run->sources[i]);
	}
	free(matched);

	g_nep = en.nepids;
	g_ep = calloc(g_nep + 1, sizeof(*g_ep));
	if (g_ep == NULL)
		return -1;
	g_epfd = g_run->fd;
	for (i = 1; i <= g_nep; i++) {
		if (ep_fetch(i, &g_ep[i - 1]) < 0) {
			dt_error("failed to get information on enabled probe "
				 "ID %u: %s\n", i, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* DTRACEIOC_EPINFO for epid into e; -1 with errno set on failure. */
static int ep_fetch(uint32_t epid, struct epinfo *e)
{
	struct dtrace_ioc_epinfo ei;

	memset(&ei, 0, sizeof(ei));
	ei.size = sizeof(ei);
	ei.version = DTRACE_ABI_VERSION;
	ei.epid = epid;
	if (ioctl(g_epfd, DTRACEIOC_EPINFO, &ei) < 0)
		return -1;
	if (ei.clause >= (uint32_t)g_run->prog->nclauses) {
		errno = EINVAL;
		return -1;
	}
	ep_set(e, (int)ei.clause, &ei.probe);
	return 0;
}

static int get_ncpus(void)
{
	struct dtrace_ioc_info info;

	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.version = DTRACE_ABI_VERSION;
	if (ioctl(g_run->fd, DTRACEIOC_INFO, &info) == 0 && info.ncpus)
		return (int)info.ncpus;
	return (int)sysconf(_SC_NPROCESSORS_CONF);
}

int dt_consume_run(struct dt_run *run)
{
	struct dtrace_ioc_status st;
	struct sigaction sa;
	int cpu, stopping = 0, first = 1;
	int64_t last_switch = 0;	/* 0: not switched yet */

	g_run = run;
	if (dt_aggset_init(&g_aggs, run->prog) < 0) {
		dt_error("failed to allocate memory for aggregations\n");
		return 1;
	}
	if (enable() < 0)
		return 1;
	g_ncpus = get_ncpus();
	if (g_ncpus < 1)
		g_ncpus = 1;
	g_bufs = calloc(g_ncpus, sizeof(*g_bufs));
	g_indent = 0;
	g_seen_max = 0;
	g_unsure = 0;
	if (g_bufs == NULL)
		return 1;
	for (cpu = 0; cpu < g_ncpus; cpu++) {
		g_bufs[cpu].cap = 1 << 16;
		g_bufs[cpu].data = malloc(g_bufs[cpu].cap);
		if (g_bufs[cpu].data == NULL)
			return 1;
	}

	if (run->prog->destructive && !dt_opt.destructive) {
		dt_error("could not enable tracing: Destructive actions not "
			 "allowed\n");
		return 1;
	}
	if (status_ioc(DTRACEIOC_GO, &st) < 0) {
		dt_error("could not enable tracing: %s\n", strerror(errno));
		return 1;
	}
	g_begin_cpu = (int)st.begin_cpu;
	if (dt_opt.destructive)
		notice("allowing destructive actions\n");

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = intr;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	/* -c: the command has been waiting for GO. */
	if (run->child > 0 && run->child_go >= 0) {
		char go = 1;

		if (write(run->child_go, &go, 1) != 1)
			dt_error("failed to start the command\n");
		close(run->child_go);
		run->child_go = -1;
	}

	for (;;) {
		if (g_done || g_intr || child_gone())
			stopping = 1;
		if (stopping) {
			if (g_intr)
				fputc('\n', dt_out);
			if (status_ioc(DTRACEIOC_STOP, &st) < 0)
				dt_error("couldn't stop tracing: %s\n",
					 strerror(errno));
		} else if (status_ioc(DTRACEIOC_STATUS, &st) < 0) {
			dt_error("status: %s\n", strerror(errno));
			stopping = 1;
			continue;
		}
		report_status(&st);
		if (st.exiting)
			g_done = 1;

		/*
		 * The buffers are switched on the first pass, every
		 * switchrate and when stopping.  Aggregations are
		 * snapshotted with them, before the principal buffers, so a
		 * printa() sees what its probe aggregated.
		 */
		if (!last_switch || stopping ||
		    mono_ns() - last_switch >= switch_ns()) {
			last_switch = mono_ns();
			snap_aggs();
			if (stopping ||
			    dt_opt.bufpolicy != DTRACE_BUFPOLICY_RING) {
				consume_buffers(first, stopping);
				first = 0;
			}
			fflush(dt_out);
		}
		if (stopping)
			break;
		if (g_done)
			continue;
		pause_pass(last_switch);
	}

	if (dt_opt.oformat == DT_OFMT_JSON) {
		if (g_intr < 2)
			dt_json_aggs_all(&g_aggs, run->prog);
	} else {
		fputc('\n', dt_out);
		if (g_intr < 2)
			dt_agg_print_all(dt_out, &g_aggs);
	}
	fflush(dt_out);

	if (run->child > 0) {
		kill(run->child, SIGKILL);
		waitpid(run->child, NULL, 0);
	}
	dt_aggset_fini(&g_aggs);
	for (cpu = 0; cpu < g_ncpus; cpu++)
		free(g_bufs[cpu].data);
	free(g_bufs);
	free(g_ep);
	g_epfd = -1;
	return g_status;
}

/*
 * Tests: run records and aggregation snapshots through the consumer
 * without a device.  eps[i] is the probe of EPID i + 1 and epclause[i]
 * its clause in run->prog.  Ends like a real run: a newline, then the
 * aggregations printa() did not print.  Returns the exit() status.
 */
int dt_consume_synthetic(struct dt_run *run, const struct dtrace_probedesc *eps,
			 const int *epclause, uint32_t nep, const void *buf,
			 size_t len, const void *aggbuf, size_t agglen)
{
	struct cpubuf b;
	uint32_t i, last = 0;
	size_t off;

	g_run = run;
	g_status = 0;
	g_done = 0;
	g_heading = 0;
	g_ncpus = 1;
	g_indent = 0;
	g_nep = nep;
	g_epfd = -1;
	g_ep = calloc(nep + 1, sizeof(*g_ep));
	if (g_ep == NULL ||
	    dt_aggset_init(&g_aggs, run->prog) < 0)
		return -1;
	for (i = 0; i < nep; i++) {
		g_ep[i].pd = eps[i];
		g_ep[i].clause = epclause[i];
	}
	if (agglen && dt_aggset_merge(&g_aggs, aggbuf, agglen) < 0)
		dt_error("malformed aggregation snapshot\n");
	b.data = (unsigned char *)(uintptr_t)buf;
	b.len = len;
	b.cap = len;
	for (off = 0; off < b.len; off = rec_next(&b, off)) {
		const struct dtrace_rechdr *h = (const void *)(b.data + off);

		if (off + sizeof(*h) > b.len || rec_next(&b, off) !=
		    off + h->size)
			break;
		consume_record(0, h, last, dt_opt.flowindent ?
			       next_epid(&b, off, rec_phase(h)) : 0);
		last = h->epid;
	}
	if (dt_opt.oformat == DT_OFMT_JSON) {
		dt_json_aggs_all(&g_aggs, run->prog);
	} else {
		fputc('\n', dt_out);
		dt_agg_print_all(dt_out, &g_aggs);
	}
	fflush(dt_out);
	dt_aggset_fini(&g_aggs);
	free(g_ep);
	g_ep = NULL;
	return g_status;
}

/*
 * Tests: as a run whose principal buffer snapshots are snaps[pass * ncpus +
 * cpu], npasses passes, the last one after STOP if stop (otherwise what
 * -x temporal holds back is never printed); no aggregations.  Returns the
 * exit() status, or -1.
 */
int dt_consume_synthetic_passes(struct dt_run *run,
				const struct dtrace_probedesc *eps,
				const int *epclause, uint32_t nep, int ncpus,
				const struct dt_synth_snap *snaps, int npasses,
				int stop)
{
	int cpu, pass, ret = -1;
	uint32_t i;

	g_run = run;
	g_status = 0;
	g_done = 0;
	g_heading = 0;
	g_indent = 0;
	g_begin_cpu = -1;
	g_seen_max = 0;
	g_unsure = 0;
	g_ncpus = ncpus;
	g_nep = nep;
	g_epfd = -1;
	g_ep = calloc(nep + 1, sizeof(*g_ep));
	g_bufs = calloc((unsigned int)ncpus, sizeof(*g_bufs));
	if (g_ep == NULL || g_bufs == NULL || ncpus < 1 ||
	    dt_aggset_init(&g_aggs, run->prog) < 0)
		goto out;
	for (i = 0; i < nep; i++)
		ep_set(&g_ep[i], epclause[i], &eps[i]);
	for (pass = 0; pass < npasses; pass++) {
		int keep = dt_opt.temporal || temporal_held();

		for (cpu = 0; cpu < ncpus; cpu++) {
			const struct dt_synth_snap *sn = &snaps[pass * ncpus +
								cpu];
			struct cpubuf *b = &g_bufs[cpu];

			if (!keep)
				b->len = 0;
			if (b->cap - b->len < sn->len) {
				unsigned char *n = realloc(b->data,
							   b->len + sn->len);

				if (n == NULL)
					goto fini;
				b->data = n;
				b->cap = b->len + sn->len;
			}
			if (sn->len)
				memcpy(b->data + b->len, sn->buf, sn->len);
			b->len += sn->len;
		}
		consume_snapped(pass == 0, stop && pass == npasses - 1, 0);
	}
	if (dt_opt.oformat == DT_OFMT_JSON) {
		dt_json_aggs_all(&g_aggs, run->prog);
	} else {
		fputc('\n', dt_out);
		dt_agg_print_all(dt_out, &g_aggs);
	}
	fflush(dt_out);
	ret = g_status;
fini:
	dt_aggset_fini(&g_aggs);
out:
	if (g_bufs)
		for (cpu = 0; cpu < ncpus; cpu++)
			free(g_bufs[cpu].data);
	free(g_bufs);
	g_bufs = NULL;
	free(g_ep);
	g_ep = NULL;
	return ret;
}
