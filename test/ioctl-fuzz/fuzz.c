// SPDX-License-Identifier: GPL-2.0
/*
 * dtrace-ioctl-fuzz - robustness fuzzer for the /dev/dtrace ioctls.
 *
 *   dtrace-ioctl-fuzz [--seconds S] [--seed N] [--start I] [--iterations N]
 *                     [--mode raw|struct|hostile|seq] [--budget MB] [--big]
 *                     [--progress FILE] [-v]
 *   dtrace-ioctl-fuzz --dry [--seed N] [--iterations N] [-v]
 *   dtrace-ioctl-fuzz --list | --repro NAME [--save FILE] | --blob FILE
 *   dtrace-ioctl-fuzz --selftest-findings none|all
 *
 * Each iteration opens /dev/dtrace (sometimes twice) and does one of:
 *   raw      random argument structures, sizes, versions and pointers
 *            (NULL, 0x1, kernel addresses, unmapped and read-only pages,
 *            structures straddling a guard page) for every ioctl and for
 *            unknown ioctl numbers;
 *   struct   a valid enabling built with test/ioctl's assembler and blob
 *            builder, mutated (bits, header counts/sizes/offsets, opcodes,
 *            registers, branch targets, variable/subroutine IDs, action
 *            kinds, record offsets, truncation, duplicated clauses), then
 *            ENABLE and, if accepted, GO, a few ms of tracing, BUFSNAP and
 *            AGGSNAP of every CPU with random room, STATUS, STOP (or not)
 *            and close;
 *   hostile  the same with DIF that is valid but faults at run time (bad
 *            loads, division by zero, scratch and tuple-stack exhaustion,
 *            string subroutines on non-strings, bad copyin pointers) in
 *            BEGIN/END and in profile/tick probes;
 *   seq      random orders of the stateful ioctls on two consumers.
 * In one iteration of five (not raw) a second thread meanwhile cycles
 * through consumers of its own (PROBES, ENABLE, GO, snapshots, STOP,
 * close), so consumers are created and destroyed concurrently.
 * Iteration I draws its random numbers from (seed, I) only, so
 * --seed S --start I --iterations 1 replays it.
 *
 * Any result of a fuzzed ioctl is accepted as long as the kernel survives.
 * The program fails (exit 1) only if the device stops working, if a control
 * enabling run before and after the fuzzing gives different results, if
 * the module hands out malformed records, if consumers or ECBs are left
 * behind after every descriptor is closed (debugfs status) or vmalloc
 * space grew by 16 MiB or more, or if the kernel log shows a warning, an
 * oops or an allocation failure, or if there was any finding: an
 * unexpected error number, EFAULT for valid pointers, EINVAL from ENABLE
 * without err_msg, or a valid unmutated enabling refused.
 * --selftest-findings (host, no device) proves that findings fail the run:
 * "all" provokes one of each through the same code (an ioctl on a closed
 * descriptor, FIONREAD on a pipe with a pointer to an unmapped page, an
 * ENABLE outcome of EINVAL without a message and one of a refused valid
 * enabling) and must exit 1; "none" makes the same calls right and must
 * exit 0.
 *
 * Memory: every consumer's options are kept under --budget (48 MiB) so
 * that a small test VM never runs out (see repro/README.md for what the
 * module does then); --big lifts that.
 * --dry builds and mutates enablings without a device (host self-test).
 * --repro and --blob exit 1 when the module answers a reproducer badly: an
 * ENABLE refused without a message or with an unexpected error number, a
 * GO, STOP or close that fails unexpectedly.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "difasm.h"
#include "enabling.h"
#include "gen.h"
#include "repro.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MB		(1024ULL * 1024)

enum { M_RAW, M_STRUCT, M_HOSTILE, M_SEQ, M_ANY };
static const char *const mode_names[] = { "raw", "struct", "hostile", "seq" };

static struct {
	uint64_t seed;
	uint64_t start;
	uint64_t iterations;
	unsigned int seconds;
	int mode;
	int verbose;
	int dry;
	uint64_t budget;
	const char *progress;
} opt = {
	.seed = 0x20261125,
	.iterations = ~0ULL,
	.seconds = 20,
	.mode = M_ANY,
	.budget = 48 * MB,
};

static struct {
	uint64_t iterations, per_mode[4], mode_ns[4];
	uint64_t ioctls;
	uint64_t en_accepted, en_rejected;
	uint64_t clean_accepted, clean_rejected;	/* unmutated, valid */
	uint64_t gos, stops, closes_active, worker_cycles, with_worker;
	uint64_t records, error_records, agg_records;
	uint64_t errno_count[160];
	uint64_t findings;
	uint64_t malformed;
	uint64_t kernel_bad;
	uint64_t faults[16];
} st;

static int ntests, nfailed;
static uint64_t cur_iter;
static int cur_mode;
static uint32_t ncpus = 1;

/* User memory the fuzzer points the kernel at. */
static unsigned char *edge;		/* RW page, then a PROT_NONE page */
static unsigned char *ro_page;		/* read-only page */
static unsigned char *unmapped;		/* a page that is not mapped */
static unsigned char *snapbuf;		/* room for snapshots */
#define SNAPBUF_SIZE	(16 * MB)
static struct dtrace_probedesc *probebuf;	/* room for PROBES */
#define PROBEBUF_N	2048
static char user_string[] = "a user string for copyinstr()";
static unsigned char user_buf[8192];

static void ok(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	ntests++;
	printf("%s %d - ", cond ? "ok" : "not ok", ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!cond)
		nfailed++;
}

static void finding(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void finding(const char *fmt, ...)
{
	va_list ap;

	st.findings++;
	if (st.findings > 50)
		return;
	printf("# finding (seed %#llx iteration %llu, %s): ",
	       (unsigned long long)opt.seed, (unsigned long long)cur_iter,
	       mode_names[cur_mode]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* ------------------------------------------------------------------ */
/* kernel log */

static int kmsg_fd = -1;

static void kmsg_open(void)
{
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg_fd >= 0)
		lseek(kmsg_fd, 0, SEEK_END);
}

/* New kernel log lines: report the alarming ones against this iteration. */
static void kmsg_poll(void)
{
	static const char *const bad[] = {
		"WARNING:", "BUG:", "BUG ", "Oops", "general protection",
		"kernel BUG", "unable to handle", "Call Trace", "RIP:", "UBSAN",
		"KASAN", "refcount_t", "list_del corruption", "leak",
		"scheduling while atomic", "sleeping function called",
		"page allocation failure", "vmalloc error", "soft lockup",
		"hung task", "rcu_sched self-detected", "stall",
	};
	char line[2048];
	ssize_t n;
	size_t i;

	if (kmsg_fd < 0)
		return;
	while ((n = read(kmsg_fd, line, sizeof(line) - 1)) != 0) {
		if (n < 0) {
			if (errno == EPIPE)
				continue;
			break;
		}
		line[n] = 0;
		for (i = 0; i < ARRAY_SIZE(bad); i++) {
			if (strstr(line, bad[i])) {
				char *semi = strchr(line, ';');

				st.kernel_bad++;
				if (st.kernel_bad <= 20)
					printf("# kernel (seed %#llx iteration %llu, "
					       "%s): %s", (unsigned long long)opt.seed,
					       (unsigned long long)cur_iter,
					       mode_names[cur_mode],
					       semi ? semi + 1 : line);
				break;
			}
		}
		if (opt.verbose > 1)
			printf("#  kmsg: %s", line);
	}
	fflush(stdout);
}

/* ------------------------------------------------------------------ */
/* ioctl wrapper with errno bookkeeping */

static int xioctl(int fd, unsigned long cmd, void *arg, int ptrs_valid)
{
	int r, e;

	st.ioctls++;
	r = ioctl(fd, cmd, arg);
	if (r >= 0)
		return 0;
	e = errno;
	if (e > 0 && e < (int)ARRAY_SIZE(st.errno_count))
		st.errno_count[e]++;
	switch (e) {
	case EINVAL: case ENOTTY: case ENOMEM: case E2BIG: case EBUSY:
	case ENOSPC:
		break;
	case EFAULT:
		if (ptrs_valid)
			finding("ioctl %#lx: EFAULT with valid pointers", cmd);
		break;
	default:
		finding("ioctl %#lx: unexpected errno %d (%s)", cmd, e,
			strerror(e));
		break;
	}
	return -e;
}

/* ------------------------------------------------------------------ */
/* snapshots and their checks */

static uint32_t room_pick(struct rng *r, uint64_t want)
{
	static const uint32_t rooms[] = {
		0, 1, 7, 8, 15, 16, 24, 40, 64, 100, 4096, 65536,
	};

	if (rng_chance(r, 1, 2))
		return want < SNAPBUF_SIZE ? want : SNAPBUF_SIZE;
	return RNG_PICK(r, rooms);
}

/*
 * Whether epid names an ECB of fd's consumer: 1..nepids from ENABLE, or
 * one the module made later for a probe created since (a retained
 * enabling), which DTRACEIOC_EPINFO knows.
 */
static int epid_valid(int fd, uint32_t epid, uint32_t nepids)
{
	struct dtrace_ioc_epinfo ei;

	if (epid == 0)
		return 0;
	if (epid <= nepids)
		return 1;
	memset(&ei, 0, sizeof(ei));
	ei.size = sizeof(ei);
	ei.version = DTRACE_ABI_VERSION;
	ei.epid = epid;
	return ioctl(fd, DTRACEIOC_EPINFO, &ei) == 0;
}

/* Walk a principal buffer snapshot. */
static void check_records(int fd, const unsigned char *d, uint64_t len,
			  uint32_t nepids, uint32_t cpu)
{
	uint64_t off = 0;

	while (off < len) {
		struct dtrace_rechdr h;

		if (len - off < sizeof(h)) {
			st.malformed++;
			finding("BUFSNAP cpu %u: %llu stray bytes at %llu", cpu,
				(unsigned long long)(len - off),
				(unsigned long long)off);
			return;
		}
		memcpy(&h, d + off, sizeof(h));
		if (h.size < sizeof(h) || h.size > len - off ||
		    (h.epid != DTRACE_EPID_ERROR &&
		     !epid_valid(fd, h.epid, nepids))) {
			st.malformed++;
			finding("BUFSNAP cpu %u: bad record at %llu: epid %u "
				"size %u (nepids %u, %llu bytes)", cpu,
				(unsigned long long)off, h.epid, h.size, nepids,
				(unsigned long long)len);
			return;
		}
		st.records++;
		if (h.epid == DTRACE_EPID_ERROR) {
			struct dtrace_errrec er;

			st.error_records++;
			if (h.size < sizeof(h) + sizeof(er)) {
				st.malformed++;
				finding("error record of %u bytes", h.size);
				return;
			}
			memcpy(&er, d + off + sizeof(h), sizeof(er));
			if (er.fault > DTRACEFLT_BADSTACK ||
			    !epid_valid(fd, er.epid, nepids)) {
				st.malformed++;
				finding("error record: fault %u epid %u",
					er.fault, er.epid);
			} else {
				st.faults[er.fault]++;
			}
		}
		off += (h.size + 7) & ~7U;
	}
}

static void check_aggs(const unsigned char *d, uint64_t len, uint32_t cpu)
{
	uint64_t off = 0;

	while (off < len) {
		struct dtrace_aggrec h;
		uint32_t k8;

		if (len - off < sizeof(h)) {
			st.malformed++;
			finding("AGGSNAP cpu %u: stray bytes", cpu);
			return;
		}
		memcpy(&h, d + off, sizeof(h));
		k8 = (h.keysize + 7) & ~7U;
		if (h.size % 8 || h.size > len - off || h.aggid == 0 ||
		    h.valsize % 8 || !h.valsize ||
		    (uint64_t)h.size != sizeof(h) + (uint64_t)k8 + h.valsize) {
			st.malformed++;
			finding("AGGSNAP cpu %u: bad record at %llu: size %u "
				"aggid %u keysize %u valsize %u", cpu,
				(unsigned long long)off, h.size, h.aggid,
				h.keysize, h.valsize);
			return;
		}
		st.agg_records++;
		off += h.size;
	}
}

static void snap_all(int fd, struct rng *r, uint32_t nepids, int aggs)
{
	uint32_t cpu;

	for (cpu = 0; cpu < ncpus + (rng_chance(r, 1, 8) ? 2 : 0); cpu++) {
		int round;
		uint64_t want = 1 << 20;

		for (round = 0; round < 64; round++) {
			struct dtrace_ioc_buf b;
			int e;

			memset(&b, 0, sizeof(b));
			b.size = sizeof(b);
			b.version = DTRACE_ABI_VERSION;
			b.cpu = cpu;
			b.data = (uint64_t)(uintptr_t)snapbuf;
			b.datalen = room_pick(r, want);
			e = xioctl(fd, aggs ? DTRACEIOC_AGGSNAP :
				   DTRACEIOC_BUFSNAP, &b, 1);
			if (e == -ENOSPC) {
				if (b.datalen > SNAPBUF_SIZE) {
					finding("%s: ENOSPC wants %llu bytes",
						aggs ? "AGGSNAP" : "BUFSNAP",
						(unsigned long long)b.datalen);
					break;
				}
				want = b.datalen;
				if (aggs)
					want = SNAPBUF_SIZE;
				continue;
			}
			if (e)
				break;
			if (aggs)
				check_aggs(snapbuf, b.datalen, cpu);
			else
				check_records(fd, snapbuf, b.datalen, nepids,
					      cpu);
			if (aggs || !(b.flags & DTRACE_BUF_MORE))
				break;
		}
	}
}

static int status_op(int fd, unsigned long cmd, struct dtrace_ioc_status *s)
{
	memset(s, 0, sizeof(*s));
	s->size = sizeof(*s);
	s->version = DTRACE_ABI_VERSION;
	return xioctl(fd, cmd, s, 1);
}

static int enable_blob(int fd, const void *blob, size_t len,
		       struct dtrace_ioc_enable *en)
{
	memset(en, 0, sizeof(*en));
	en->size = sizeof(*en);
	en->version = DTRACE_ABI_VERSION;
	en->blob = (uint64_t)(uintptr_t)blob;
	en->bloblen = len;
	return xioctl(fd, DTRACEIOC_ENABLE, en, 1);
}

static int dev_open(void)
{
	int fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		finding("open %s: %s", DTRACE_DEVICE, strerror(errno));
	return fd;
}

static void fill_ctx(struct genctx *c)
{
	memset(c, 0, sizeof(*c));
	c->user_str = (uint64_t)(uintptr_t)user_string;
	c->user_buf = (uint64_t)(uintptr_t)user_buf;
	c->user_unmapped = (uint64_t)(uintptr_t)unmapped;
}

/* ------------------------------------------------------------------ */
/* raw mode */

/*
 * A bad pointer the kernel may be asked to write to: never memory of ours
 * that is writable (the last of gen_bad_addrs is a string of ours, fine to
 * read from, fatal to hand out as a snapshot destination).
 */
static uint64_t bad_dst(struct rng *r)
{
	return gen_bad_addrs[rng_below(r, gen_nbad_addrs - 1)];
}

static const unsigned long known_cmds[] = {
	DTRACEIOC_INFO, DTRACEIOC_PROBES, DTRACEIOC_ENABLE, DTRACEIOC_EPINFO,
	DTRACEIOC_GO, DTRACEIOC_STOP, DTRACEIOC_BUFSNAP, DTRACEIOC_AGGSNAP,
	DTRACEIOC_STATUS,
};

static size_t cmd_size(unsigned long cmd)
{
	return _IOC_SIZE(cmd);
}

static unsigned long random_cmd(struct rng *r)
{
	unsigned long c = RNG_PICK(r, known_cmds);

	switch (rng_below(r, 10)) {
	case 0:		/* unknown number, our magic */
		return _IOWR(DTRACE_IOC_MAGIC, RNG_PICK(r, ((const int[]){
			0, 10, 11, 63, 255 })), struct dtrace_ioc_status);
	case 1:		/* our number, wrong size in the encoding */
		return _IOC(_IOC_DIR(c), DTRACE_IOC_MAGIC, _IOC_NR(c),
			    rng_below(r, 1 << _IOC_SIZEBITS));
	case 2:		/* wrong direction */
		return _IOC(rng_below(r, 4), DTRACE_IOC_MAGIC, _IOC_NR(c),
			    _IOC_SIZE(c));
	case 3:		/* another magic, or anything */
		return rng_chance(r, 1, 2) ? (c ^ (1UL << (8 + rng_below(r, 8)))) :
		       (unsigned long)(uint32_t)rng_next(r);
	default:
		return c;
	}
}

/* Fill a structure of size n for cmd at p (valid memory, >= 4096 bytes). */
static void raw_fill(struct rng *r, unsigned long cmd, unsigned char *p,
		     size_t n, unsigned char **blob_out)
{
	size_t i;
	uint32_t sz = n, ver = DTRACE_ABI_VERSION;

	for (i = 0; i < n; i++)
		p[i] = rng_chance(r, 1, 2) ? 0 : rng_next(r);
	switch (rng_below(r, 8)) {
	case 0:
		sz = rng_next(r);
		break;
	case 1:
		sz = n + (rng_chance(r, 1, 2) ? 8 : -8);
		break;
	case 2:
		ver = rng_chance(r, 1, 2) ? 0 : DTRACE_ABI_VERSION + 1;
		break;
	case 3:		/* leave random */
		memcpy(&sz, p, 4);
		memcpy(&ver, p + 4, 4);
		break;
	default:
		break;
	}
	if (n >= 8) {
		memcpy(p, &sz, 4);
		memcpy(p + 4, &ver, 4);
	}
	if (cmd == DTRACEIOC_PROBES && n == sizeof(struct dtrace_ioc_probes)) {
		struct dtrace_ioc_probes q;

		memcpy(&q, p, sizeof(q));
		if (rng_chance(r, 2, 3))
			memset(&q.match, 0, sizeof(q.match));
		if (rng_chance(r, 1, 2))
			strcpy(q.match.provider, rng_chance(r, 1, 2) ?
			       "profile" : "d*");
		q.start = rng_chance(r, 1, 2) ? rng_below(r, 4) : rng_next(r);
		q.count = rng_chance(r, 1, 2) ? rng_below(r, PROBEBUF_N) :
			  (uint32_t)RNG_PICK(r, ((const uint64_t[]){ 0,
				1023, 1024, 1025, 0x7fffffff, 0xffffffff }));
		/* Real room: the kernel writes up to min(count, 1024). */
		q.probes = (uint64_t)(uintptr_t)probebuf;
		if (rng_chance(r, 1, 3))
			q.probes = bad_dst(r);
		if (rng_chance(r, 1, 6))	/* straddles the guard page */
			q.probes = (uint64_t)(uintptr_t)(edge + 4096 -
				sizeof(struct dtrace_probedesc) / 2);
		memcpy(p, &q, sizeof(q));
	} else if (cmd == DTRACEIOC_ENABLE &&
		   n == sizeof(struct dtrace_ioc_enable)) {
		struct dtrace_ioc_enable q;
		size_t len;
		unsigned char *b = gen_random_blob(r, &len);

		memcpy(&q, p, sizeof(q));
		q.blob = (uint64_t)(uintptr_t)b;
		q.bloblen = len;
		switch (rng_below(r, 6)) {
		case 0:
			q.blob = gen_bad_addrs[rng_below(r, gen_nbad_addrs)];
			break;
		case 1:		/* larger than what is mapped there */
			q.bloblen = RNG_PICK(r, ((const uint32_t[]){
				64 << 20, (64 << 20) + 1, 0xffffffff, 1 << 20 }));
			q.blob = (uint64_t)(uintptr_t)edge;
			break;
		case 2:
			q.bloblen = rng_below(r, 200);
			break;
		default:
			break;
		}
		memcpy(p, &q, sizeof(q));
		*blob_out = b;
		gen_sanitize(b, len, ncpus, opt.budget);
	} else if ((cmd == DTRACEIOC_BUFSNAP || cmd == DTRACEIOC_AGGSNAP) &&
		   n == sizeof(struct dtrace_ioc_buf)) {
		struct dtrace_ioc_buf q;

		memcpy(&q, p, sizeof(q));
		q.cpu = rng_chance(r, 2, 3) ? rng_below(r, ncpus + 1) :
			(uint32_t)RNG_PICK(r, ((const uint64_t[]){ 4095, 4096,
				8191, 0x7fffffff, 0xffffffff }));
		q.datalen = rng_below(r, SNAPBUF_SIZE);
		q.data = (uint64_t)(uintptr_t)snapbuf;
		switch (rng_below(r, 5)) {
		case 0:
			q.data = bad_dst(r);
			q.datalen = RNG_PICK(r, ((const uint64_t[]){ 0, 8,
				4096, ~0ULL, 1ULL << 40 }));
			break;
		case 1:		/* room runs into the guard page */
			q.data = (uint64_t)(uintptr_t)(edge + 4096 - 8 *
						       rng_below(r, 64));
			q.datalen = rng_chance(r, 1, 2) ? ~0ULL : 1 << 20;
			break;
		case 2:
			q.data = (uint64_t)(uintptr_t)ro_page;
			q.datalen = 4096;
			break;
		default:
			break;
		}
		if (rng_chance(r, 3, 4))
			q.reserved[0] = q.reserved[1] = 0;
		memcpy(p, &q, sizeof(q));
	} else if (cmd == DTRACEIOC_EPINFO &&
		   n == sizeof(struct dtrace_ioc_epinfo)) {
		struct dtrace_ioc_epinfo q;

		memcpy(&q, p, sizeof(q));
		q.epid = rng_chance(r, 1, 2) ? rng_below(r, 8) :
			 (uint32_t)RNG_PICK(r, ((const uint64_t[]){
				0xffffffff, 0x7fffffff, 65536, 65537 }));
		memcpy(p, &q, sizeof(q));
	}
}

/* A small valid enabling (optionally started) to give raw ioctls state. */
static void raw_setup(int fd, struct rng *r, uint32_t *nepids)
{
	struct gen *g = calloc(1, sizeof(*g));
	struct genctx c;
	struct dtrace_ioc_enable en;
	struct dtrace_ioc_status s;
	unsigned char *b;
	size_t len;

	if (!g)
		return;
	fill_ctx(&c);
	gen_enabling(g, r, rng_chance(r, 1, 4), &c);
	b = gen_build(g, &len);
	gen_sanitize(b, len, ncpus, opt.budget);
	if (!enable_blob(fd, b, len, &en)) {
		st.en_accepted++;
		*nepids = en.nepids;
		if (rng_chance(r, 1, 2) && !status_op(fd, DTRACEIOC_GO, &s))
			st.gos++;
	} else {
		st.en_rejected++;
	}
	free(b);
	gen_free(g);
	free(g);
}

/* The file operations the device does not have: any error will do. */
static void other_fops(int fd, struct rng *r)
{
	unsigned char buf[64];
	void *p;

	switch (rng_below(r, 5)) {
	case 0:
		(void)!read(fd, rng_chance(r, 1, 2) ? buf : (void *)unmapped,
			    sizeof(buf));
		break;
	case 1:
		(void)!write(fd, rng_chance(r, 1, 2) ? buf : (void *)unmapped,
			     sizeof(buf));
		break;
	case 2:
		p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
		if (p != MAP_FAILED) {
			finding("mmap of %s succeeded", DTRACE_DEVICE);
			munmap(p, 4096);
		}
		break;
	case 3:
		(void)!lseek(fd, rng_next(r), SEEK_SET);
		break;
	default: {
		int fd2 = dup(fd);	/* the consumer outlives one close */

		if (fd2 >= 0) {
			struct dtrace_ioc_status s;

			close(fd);
			status_op(fd2, DTRACEIOC_STATUS, &s);
			if (dup2(fd2, fd) < 0)
				finding("dup2: %s", strerror(errno));
			close(fd2);
		}
		break;
	}
	}
}

static void iter_raw(struct rng *r)
{
	int fd = dev_open(), i, n;
	uint32_t nepids = 0;
	unsigned char *mem = malloc(8192);

	if (fd < 0 || !mem) {
		if (fd >= 0)
			close(fd);
		free(mem);
		return;
	}
	if (rng_chance(r, 1, 2))
		raw_setup(fd, r, &nepids);
	if (rng_chance(r, 1, 5))
		other_fops(fd, r);
	n = 1 + rng_below(r, 24);
	for (i = 0; i < n; i++) {
		unsigned long cmd = random_cmd(r);
		size_t sz = cmd_size(cmd);
		unsigned char *blob = NULL;
		void *arg = mem;

		if (sz > 4096)
			sz = 4096;
		raw_fill(r, cmd, mem, sz, &blob);
		switch (rng_below(r, 10)) {
		case 0:
			arg = (void *)(uintptr_t)bad_dst(r);
			break;
		case 1:
			arg = unmapped;
			break;
		case 2:		/* the structure straddles the guard page */
			arg = edge + 4096 - (sz > 8 ? 8 * rng_below(r, sz / 8) :
					     0);
			memcpy(arg, mem, edge + 4096 - (unsigned char *)arg);
			break;
		case 3:		/* read-only: the copy back must fail */
			if (!mprotect(ro_page, 4096, PROT_READ | PROT_WRITE)) {
				memcpy(ro_page, mem, sz);
				mprotect(ro_page, 4096, PROT_READ);
			}
			arg = ro_page;
			break;
		default:
			break;
		}
		/* Random contents: EFAULT is always a fair answer here. */
		xioctl(fd, cmd, arg, 0);
		free(blob);
	}
	if (rng_chance(r, 1, 2)) {
		struct dtrace_ioc_status s;

		if (!status_op(fd, DTRACEIOC_STOP, &s))
			st.stops++;
		snap_all(fd, r, nepids ? nepids : 65536, 0);
	}
	close(fd);
	free(mem);
}

static unsigned char *make_blob(struct rng *r, int hostile, int mutations,
				size_t *len, char *what, size_t wlen);

/* ------------------------------------------------------------------ */
/* a concurrent worker: other consumers and probe listings meanwhile */

struct worker {
	pthread_t tid;
	uint64_t seed;
	volatile int stop;
	uint64_t ioctls, cycles, unexpected;
};

static long worker_ioctl(struct worker *w, int fd, unsigned long cmd,
			 void *arg)
{
	int r = ioctl(fd, cmd, arg);

	w->ioctls++;
	if (r < 0 && errno != EINVAL && errno != ENOMEM && errno != EBUSY &&
	    errno != ENOSPC && errno != E2BIG)
		w->unexpected++;
	return r;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct rng r;
	unsigned char *buf = malloc(1 << 20);

	rng_seed(&r, w->seed, 0);
	while (buf && !w->stop) {
		int fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC), k;
		struct dtrace_ioc_enable en;
		struct dtrace_ioc_status s;
		struct dtrace_ioc_probes p;
		struct dtrace_ioc_buf b;
		unsigned char *blob;
		size_t len;
		char what[256];

		if (fd < 0)
			break;
		w->cycles++;
		memset(&p, 0, sizeof(p));
		p.size = sizeof(p);
		p.version = DTRACE_ABI_VERSION;
		p.count = 1 + rng_below(&r, 8);
		p.start = rng_below(&r, 64);
		p.probes = (uint64_t)(uintptr_t)buf;
		worker_ioctl(w, fd, DTRACEIOC_PROBES, &p);
		blob = make_blob(&r, rng_chance(&r, 1, 2), rng_below(&r, 2),
				 &len, what, sizeof(what));
		memset(&en, 0, sizeof(en));
		en.size = sizeof(en);
		en.version = DTRACE_ABI_VERSION;
		en.blob = (uint64_t)(uintptr_t)blob;
		en.bloblen = len;
		if (!worker_ioctl(w, fd, DTRACEIOC_ENABLE, &en)) {
			memset(&s, 0, sizeof(s));
			s.size = sizeof(s);
			s.version = DTRACE_ABI_VERSION;
			worker_ioctl(w, fd, DTRACEIOC_GO, &s);
			for (k = 0; k < 4 && !w->stop; k++) {
				memset(&b, 0, sizeof(b));
				b.size = sizeof(b);
				b.version = DTRACE_ABI_VERSION;
				b.cpu = rng_below(&r, ncpus);
				b.data = (uint64_t)(uintptr_t)buf;
				b.datalen = rng_below(&r, 1 << 20);
				worker_ioctl(w, fd, k & 1 ? DTRACEIOC_AGGSNAP :
					     DTRACEIOC_BUFSNAP, &b);
				msleep(rng_below(&r, 3));
			}
			if (rng_chance(&r, 1, 2)) {
				memset(&s, 0, sizeof(s));
				s.size = sizeof(s);
				s.version = DTRACE_ABI_VERSION;
				worker_ioctl(w, fd, DTRACEIOC_STOP, &s);
			}
		}
		free(blob);
		close(fd);
	}
	free(buf);
	return NULL;
}

static struct worker *worker_start(struct rng *r)
{
	struct worker *w = calloc(1, sizeof(*w));

	if (!w)
		return NULL;
	w->seed = rng_next(r);
	if (pthread_create(&w->tid, NULL, worker_main, w)) {
		free(w);
		return NULL;
	}
	return w;
}

static void worker_stop(struct worker *w)
{
	if (!w)
		return;
	w->stop = 1;
	pthread_join(w->tid, NULL);
	__atomic_fetch_add(&st.ioctls, w->ioctls, __ATOMIC_RELAXED);
	st.worker_cycles += w->cycles;
	if (w->unexpected)
		finding("concurrent consumer: %llu unexpected errnos",
			(unsigned long long)w->unexpected);
	free(w);
}

/* ------------------------------------------------------------------ */
/* struct and hostile modes */

/*
 * Whether the last make_blob() built a valid enabling as generated: no
 * edge-case options (gen.edge), no --big options, nothing sanitized.
 */
static int last_blob_valid;

/* Generate, maybe mutate, sanitize: a blob to ENABLE. */
static unsigned char *make_blob(struct rng *r, int hostile, int mutations,
				size_t *len, char *what, size_t wlen)
{
	struct gen *g = calloc(1, sizeof(*g));
	struct genctx c;
	unsigned char *b;
	int k;

	if (!g) {
		perror("calloc");
		exit(2);
	}
	fill_ctx(&c);
	gen_enabling(g, r, hostile, &c);
	b = gen_build(g, len);
	last_blob_valid = !g->edge;
	if (opt.budget == ~0ULL && *len >= sizeof(g->e.h) &&
	    rng_chance(r, 1, 3)) {
		last_blob_valid = 0;
		/* --big: large but accepted memory options */
		struct dtrace_enable_hdr *h = (void *)b;
		uint64_t big = (16 + rng_below(r, 241)) * MB;

		switch (rng_below(r, 6)) {
		case 0:
			h->bufsize = big;
			break;
		case 1:
			h->aggsize = big;
			break;
		case 2:
			h->dynvarsize = big;
			break;
		case 3:
			h->specsize = big / 16;
			h->nspec = 64;
			break;
		case 4:
			h->strsize = 4096;
			h->ngvars = 20000 + rng_below(r, 40000);
			break;
		default:
			h->strsize = 4096;
			h->nlvars = 10000 + rng_below(r, 20000);
			break;
		}
	}
	for (k = 0; k < mutations; k++)
		gen_mutate(g, r, &b, len);
	if (gen_sanitize(b, *len, ncpus, opt.budget))
		last_blob_valid = 0;
	snprintf(what, wlen, "%s", g->what);
	gen_free(g);
	free(g);
	return b;
}

/* A second consumer tracing alongside. */
static int companion_start(struct rng *r)
{
	int fd = dev_open();
	unsigned char *b;
	size_t len;
	char what[256];
	struct dtrace_ioc_enable en;
	struct dtrace_ioc_status s;

	if (fd < 0)
		return -1;
	b = make_blob(r, rng_chance(r, 1, 2), rng_below(r, 2), &len, what,
		      sizeof(what));
	if (!enable_blob(fd, b, len, &en)) {
		st.en_accepted++;
		if (!status_op(fd, DTRACEIOC_GO, &s))
			st.gos++;
	} else {
		st.en_rejected++;
	}
	free(b);
	return fd;
}

/*
 * The outcome of one ENABLE of a generated blob (e: 0 or -errno): counted,
 * and a finding when EINVAL comes without a message, or when a valid,
 * unmutated enabling (clean) is refused.
 */
static void enable_outcome(int e, const struct dtrace_ioc_enable *en,
			   size_t len, const char *what, int clean)
{
	if (clean && e) {
		st.clean_rejected++;
		finding("unmutated valid enabling refused: %s: %s (%s)",
			strerror(-e), en->err_msg, what);
	} else if (clean) {
		st.clean_accepted++;
	}
	if (!e) {
		st.en_accepted++;
		return;
	}
	st.en_rejected++;
	if (e == -EINVAL && !en->err_msg[0] &&
	    len >= sizeof(struct dtrace_enable_hdr))
		finding("ENABLE EINVAL without a message (%s)", what);
}

static void iter_struct(struct rng *r, int hostile)
{
	struct dtrace_ioc_enable en;
	struct dtrace_ioc_status s;
	unsigned char *b;
	size_t len;
	char what[256];
	int fd, fd2 = -1, nmut, accepted = 0, e, i, nen;
	int clean, copied, valid, first_clean = 0;
	uint32_t nepids = 0;
	struct dtrace_enable_hdr first;

	fd = dev_open();
	if (fd < 0)
		return;
	if (rng_chance(r, 1, 4))
		fd2 = companion_start(r);
	nen = rng_chance(r, 1, 5) ? 2 : 1;
	for (i = 0; i < nen; i++) {
		nmut = hostile ? (rng_chance(r, 1, 4) ? 1 : 0) :
		       (rng_chance(r, 1, 5) ? 0 : 1 + rng_below(r, 4));
		b = make_blob(r, hostile, nmut, &len, what, sizeof(what));
		valid = !hostile && !nmut && last_blob_valid;
		/* A later enabling mostly agrees with the first's options. */
		copied = 0;
		if (i && len >= sizeof(first) && rng_chance(r, 2, 3)) {
			memcpy(b + 16, (unsigned char *)&first + 16,
			       offsetof(struct dtrace_enable_hdr, ngvars) - 16);
			copied = 1;
		} else if (!i && len >= sizeof(first))
			memcpy(&first, b, sizeof(first));
		e = enable_blob(fd, b, len, &en);
		if (opt.verbose)
			printf("# %llu: %s: %zu bytes, ENABLE %s%s%s\n",
			       (unsigned long long)cur_iter, what, len,
			       e ? strerror(-e) : "ok", e ? ": " : "",
			       e ? en.err_msg : "");
		/*
		 * Unmutated and valid: the first enabling, or a later one
		 * with the options of a valid first (a later enabling whose
		 * options differ is refused by design).
		 */
		clean = valid && (!i || (copied && first_clean));
		if (!i)
			first_clean = valid;
		enable_outcome(e, &en, len, what, clean);
		if (!e) {
			accepted = 1;
			nepids = en.nepids;
		}
		free(b);
	}
	if (accepted && rng_chance(r, 9, 10)) {
		if (!status_op(fd, DTRACEIOC_GO, &s)) {
			st.gos++;
			msleep(rng_below(r, 3) ? rng_below(r, 20) : 50);
			if (rng_chance(r, 1, 3))
				snap_all(fd, r, nepids, 0);
			status_op(fd, DTRACEIOC_STATUS, &s);
			if (rng_chance(r, 1, 4)) {
				/* Closed while tracing: release cleans up. */
				st.closes_active++;
				goto out;
			}
			if (!status_op(fd, DTRACEIOC_STOP, &s))
				st.stops++;
		}
	}
	if (accepted) {
		snap_all(fd, r, nepids, 0);
		snap_all(fd, r, nepids, 1);
		if (rng_chance(r, 1, 3)) {
			struct dtrace_ioc_epinfo ei;

			memset(&ei, 0, sizeof(ei));
			ei.size = sizeof(ei);
			ei.version = DTRACE_ABI_VERSION;
			ei.epid = rng_below(r, nepids + 2);
			xioctl(fd, DTRACEIOC_EPINFO, &ei, 1);
		}
	}
out:
	if (fd2 >= 0 && rng_chance(r, 1, 2)) {
		close(fd2);
		fd2 = -1;
	}
	close(fd);
	if (fd2 >= 0) {
		snap_all(fd2, r, 1 << 20, rng_chance(r, 1, 2));
		close(fd2);
	}
}

/* ------------------------------------------------------------------ */
/* seq mode: the stateful ioctls in random orders */

static void iter_seq(struct rng *r)
{
	int fds[2] = { -1, -1 }, i, n = 5 + rng_below(r, 20);
	uint32_t nepids[2] = { 0, 0 };

	for (i = 0; i < n; i++) {
		int k = rng_below(r, 2);
		struct dtrace_ioc_status s;
		struct dtrace_ioc_enable en;
		struct dtrace_ioc_epinfo ei;

		if (fds[k] < 0) {
			fds[k] = dev_open();
			nepids[k] = 0;
			if (fds[k] < 0)
				return;
		}
		switch (rng_below(r, 9)) {
		case 0:
		case 1: {
			unsigned char *b;
			size_t len;
			char what[256];

			b = make_blob(r, rng_chance(r, 1, 3), rng_below(r, 2),
				      &len, what, sizeof(what));
			if (!enable_blob(fds[k], b, len, &en)) {
				st.en_accepted++;
				nepids[k] = en.nepids;
			} else {
				st.en_rejected++;
			}
			free(b);
			break;
		}
		case 2:
			if (!status_op(fds[k], DTRACEIOC_GO, &s))
				st.gos++;
			break;
		case 3:
			if (!status_op(fds[k], DTRACEIOC_STOP, &s))
				st.stops++;
			break;
		case 4:
			status_op(fds[k], DTRACEIOC_STATUS, &s);
			break;
		case 5:
			snap_all(fds[k], r, nepids[k], rng_below(r, 2));
			break;
		case 6:
			memset(&ei, 0, sizeof(ei));
			ei.size = sizeof(ei);
			ei.version = DTRACE_ABI_VERSION;
			ei.epid = rng_below(r, nepids[k] + 3);
			xioctl(fds[k], DTRACEIOC_EPINFO, &ei, 1);
			break;
		case 7:
			msleep(rng_below(r, 10));
			break;
		default:
			close(fds[k]);
			fds[k] = -1;
			break;
		}
	}
	for (i = 0; i < 2; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

/* ------------------------------------------------------------------ */
/* control enabling, sanity, leak check */

static struct dif *dif_c(struct dif *d, const char *src)
{
	dif_init(d);
	if (dif_asm(d, src)) {
		fprintf(stderr, "control: %s\n", d->err);
		exit(2);
	}
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort the lines of s in place. */
static void sort_lines(char *s)
{
	char *copy = strdup(s), *lines[256], *p, *save = NULL;
	int n = 0, i;
	size_t off = 0;

	if (!copy)
		return;
	for (p = strtok_r(copy, "\n", &save); p && n < 256;
	     p = strtok_r(NULL, "\n", &save))
		lines[n++] = p;
	qsort(lines, n, sizeof(lines[0]), cmp_str);
	for (i = 0; i < n; i++)
		off += sprintf(s + off, "%s\n", lines[i]);
	s[off] = 0;
	free(copy);
}

/*
 * BEGIN { trace(42); trace("control"); g = 3; trace(g * 2);
 *         @1[7] = sum(5); @2 = count() }  END { trace(99) }
 * Run it and describe what it recorded, timestamps left out.  Returns
 * 0 and the description in out, or -1.
 */
static int run_control(char *out, size_t room)
{
	static struct dif d[8];
	struct enabling *e = calloc(1, sizeof(*e));
	struct en_clause *cl;
	struct dif *keys[1];
	struct consumer c;
	struct recs rs = { 0 };
	struct aggs as = { 0 };
	struct dtrace_ioc_status s;
	size_t n = 0;
	int i, rc, saw42 = 0;
	int64_t sum = 0, count = 0;

	if (!e)
		return -1;
	en_init(e);
	e->h.bufsize = 65536;
	e->h.aggsize = 65536;
	e->h.strsize = 64;
	e->h.ngvars = 1;
	cl = en_clause(e, "dtrace:::BEGIN");
	en_trace(cl, dif_c(&d[0], "setx 42, %r1; ret %r1"));
	dif_c(&d[1], "sets \"control\", %r1; ret %r1");
	dif_rtype_string(&d[1], 64);
	en_trace(cl, &d[1]);
	dif_c(&d[2], "setx 3, %r1; stgs 0x500, %r1; ldgs 0x500, %r2;"
	      "add %r2, %r2, %r3; ret %r3");
	dif_var(&d[2], "g", 0x500, DIFV_KIND_SCALAR, DIFV_SCOPE_GLOBAL, 0, 0);
	en_trace(cl, &d[2]);
	keys[0] = dif_c(&d[3], "setx 7, %r1; ret %r1");
	en_aggregate(e, cl, 1, DTRACEAGG_SUM, 0, keys, 1,
		     dif_c(&d[4], "setx 5, %r1; ret %r1"));
	en_aggregate(e, cl, 2, DTRACEAGG_COUNT, 0, NULL, 0, NULL);
	en_trace(en_clause(e, "dtrace:::END"),
		 dif_c(&d[5], "setx 99, %r1; ret %r1"));

	if (c_open(&c)) {
		free(e);
		return -1;
	}
	rc = c_enable(&c, e);
	free(e);
	if (rc) {
		printf("# control: ENABLE: %s %s\n", strerror(-rc),
		       c.en.err_msg);
		c_close(&c);
		return -1;
	}
	if (c_go(&c, NULL) || c_stop(&c, &s)) {
		c_close(&c);
		return -1;
	}
	c_bufsnap(&c, &rs);
	c_aggsnap(&c, &as);
	/* Records in buffer order of the CPU BEGIN and END ran on. */
	for (i = 0; i < rs.n; i++) {
		const struct rec *x = &rs.r[i];
		uint32_t j;

		n += snprintf(out + n, room - n, "clause %d size %u:",
			      c_clause_of(&c, x->epid), x->size);
		for (j = 0; j + 8 <= x->size - sizeof(struct dtrace_rechdr) &&
		     n < room - 40; j += 8)
			n += snprintf(out + n, room - n, " %llx",
				      (unsigned long long)rec_u64(x, j));
		n += snprintf(out + n, room - n, "\n");
		if (n >= room - 64)
			break;
		if (c_clause_of(&c, x->epid) == 0 && rec_u64(x, 0) == 42)
			saw42++;
	}
	for (i = 0; i < as.n; i++) {
		if (as.a[i].aggid == 1 && as.a[i].valsize == 8)
			sum += as.a[i].val[0];
		if (as.a[i].aggid == 2 && as.a[i].valsize == 8)
			count += as.a[i].val[0];
	}
	/* BEGIN and END may run on different CPUs: order-independent. */
	sort_lines(out);
	n = strlen(out);
	n += snprintf(out + n, room - n, "sum %lld count %lld errors %llu\n",
		      (long long)sum, (long long)count,
		      (unsigned long long)s.errors);
	recs_free(&rs);
	aggs_free(&as);
	c_close(&c);
	return saw42 == 1 && sum == 5 && count == 1 ? 0 : -2;
}

/* BEGIN { trace(1); exit(0) }: the device still works. */
static int sanity(void)
{
	static struct dif d[2];
	struct enabling *e = calloc(1, sizeof(*e));
	struct en_clause *cl;
	struct en_action *a;
	struct consumer c;
	struct recs rs = { 0 };
	struct dtrace_ioc_status s;
	int rc, i, one = 0, exited = 0;
	uint64_t t0;

	if (!e)
		return -1;
	en_init(e);
	e->h.bufsize = 65536;
	cl = en_clause(e, "dtrace:::BEGIN");
	en_trace(cl, dif_c(&d[0], "setx 1, %r1; ret %r1"));
	a = en_action(cl, DTRACEACT_EXIT, 8, 0);
	en_difo(a, dif_c(&d[1], "ret %r0"));
	rc = c_open(&c);
	if (rc) {
		printf("# sanity: open: %s\n", strerror(-rc));
		free(e);
		return -1;
	}
	rc = c_enable(&c, e);
	free(e);
	if (rc || c_go(&c, NULL)) {
		printf("# sanity: ENABLE/GO: %s %s\n", strerror(-rc),
		       c.en.err_msg);
		c_close(&c);
		return -1;
	}
	t0 = now_ns();
	do {
		c_status(&c, &s);
		exited = s.exiting;
		if (!exited)
			msleep(5);
	} while (!exited && now_ns() - t0 < 2000000000ULL);
	c_stop(&c, &s);
	c_bufsnap(&c, &rs);
	for (i = 0; i < rs.n; i++)
		if (c_clause_of(&c, rs.r[i].epid) == 0 &&
		    rs.r[i].size == sizeof(struct dtrace_rechdr) + 16 &&
		    rec_u64(&rs.r[i], 0) == 1 && rec_u64(&rs.r[i], 8) == 0)
			one++;
	recs_free(&rs);
	c_close(&c);
	printf("# sanity: exiting %d, exit status %d, %d record(s) "
	       "(1, 0)\n", exited, s.exit_status, one);
	return exited && s.exit_status == 0 && one == 1 ? 0 : -1;
}

/* consumers:, ecbs_attached:, probes_enabled: from the status file. */
static int status_counts(long *consumers, long *ecbs, long *enabled)
{
	static const char *const paths[] = {
		"/sys/kernel/debug/dtrace/status", "/proc/dtrace/status",
	};
	char line[256];
	size_t i;
	FILE *f = NULL;

	for (i = 0; i < ARRAY_SIZE(paths) && !f; i++)
		f = fopen(paths[i], "r");
	if (!f)
		return -1;
	*consumers = *ecbs = *enabled = -1;
	while (fgets(line, sizeof(line), f)) {
		sscanf(line, "consumers: %ld", consumers);
		sscanf(line, "ecbs_attached: %ld", ecbs);
		sscanf(line, "probes_enabled: %ld", enabled);
	}
	fclose(f);
	return 0;
}

/* ------------------------------------------------------------------ */

/* A /proc/meminfo field in kB, or -1. */
static long meminfo(const char *field)
{
	char line[256];
	size_t n = strlen(field);
	long v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, n) && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return v;
}

static void setup_memory(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	unsigned char *m;

	m = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	edge = m;
	mprotect(m + pg, pg, PROT_NONE);
	ro_page = m + 2 * pg;
	memset(ro_page, 0, pg);
	mprotect(ro_page, pg, PROT_READ);
	unmapped = m + 3 * pg;
	munmap(unmapped, pg);
	snapbuf = mmap(NULL, SNAPBUF_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	probebuf = calloc(PROBEBUF_N, sizeof(*probebuf));
	if (snapbuf == MAP_FAILED || !probebuf) {
		perror("mmap");
		exit(2);
	}
	/* User addresses for the hostile loads. */
	gen_bad_addrs[gen_nbad_addrs - 3] = (uint64_t)(uintptr_t)unmapped;
	gen_bad_addrs[gen_nbad_addrs - 2] = (uint64_t)(uintptr_t)(edge + pg);
	gen_bad_addrs[gen_nbad_addrs - 1] = (uint64_t)(uintptr_t)user_string;
}

static void print_uptime(const char *what)
{
	char buf[64] = "?";
	FILE *f = fopen("/proc/uptime", "r");

	if (f) {
		if (fscanf(f, "%63s", buf) != 1)
			strcpy(buf, "?");
		fclose(f);
	}
	printf("# guest uptime %s s: %s\n", buf, what);
}

static void usage(void)
{
	fprintf(stderr, "usage: dtrace-ioctl-fuzz [--seconds S] [--seed N] "
		"[--start I] [--iterations N]\n"
		"       [--mode raw|struct|hostile|seq] [--budget MB] [--big] "
		"[--progress FILE] [-v]\n"
		"       --dry [--seed N] [--iterations N] [-v]\n"
		"       --list | --repro NAME [--save FILE] | --blob FILE\n"
		"       --selftest-findings none|all\n");
	exit(2);
}

/* Findings fail the run; a run long enough must have tried valid ones. */
static void findings_verdict(void)
{
	ok(st.findings == 0, "no findings (unexpected errno, EFAULT with valid "
	   "pointers, EINVAL without a message, valid unmutated enabling "
	   "refused): %llu", (unsigned long long)st.findings);
	ok(st.clean_rejected == 0, "every valid unmutated enabling accepted "
	   "(%llu accepted, %llu refused)",
	   (unsigned long long)st.clean_accepted,
	   (unsigned long long)st.clean_rejected);
	if (st.iterations >= 100)
		ok(st.clean_accepted > 0, "valid unmutated enablings were "
		   "tried (%llu in %llu iterations)",
		   (unsigned long long)st.clean_accepted,
		   (unsigned long long)st.iterations);
}

/*
 * --selftest-findings all|none: the finding paths, on the host.  "all"
 * must fail with four findings, "none" must pass.
 */
static int selftest_findings(const char *how)
{
	struct dtrace_ioc_enable en;
	int p[2], n, all = !strcmp(how, "all");
	void *bad;

	if (!all && strcmp(how, "none"))
		usage();
	if (pipe(p))
		return 2;
	bad = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (bad == MAP_FAILED)
		return 2;
	/* an unexpected errno: EBADF */
	xioctl(all ? -1 : p[0], FIONREAD, &n, 1);
	/* EFAULT although the caller says the pointers are valid */
	xioctl(p[0], FIONREAD, all ? bad : (void *)&n, 1);
	memset(&en, 0, sizeof(en));
	/* EINVAL without a message */
	if (!all)
		snprintf(en.err_msg, sizeof(en.err_msg), "why");
	enable_outcome(-EINVAL, &en, sizeof(struct dtrace_enable_hdr),
		       "selftest", 0);
	/* a valid unmutated enabling refused */
	enable_outcome(all ? -ENOMEM : 0, &en,
		       sizeof(struct dtrace_enable_hdr), "selftest", 1);
	findings_verdict();
	printf("# summary: findings %llu\n", (unsigned long long)st.findings);
	printf("1..%d\n", ntests);
	printf("# %d passed, %d failed\n", ntests - nfailed, nfailed);
	return nfailed ? 1 : 0;
}

static void progress(const char *path, int *fd)
{
	char line[128];
	int n;

	if (!path)
		return;
	if (*fd < 0)
		*fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (*fd < 0)
		return;
	n = snprintf(line, sizeof(line), "seed %#llx iteration %llu mode %s\n",
		     (unsigned long long)opt.seed, (unsigned long long)cur_iter,
		     mode_names[cur_mode]);
	if (pwrite(*fd, line, n, 0) == n)
		(void)!ftruncate(*fd, n);
}

int main(int argc, char **argv)
{
	static char before[16384], after[16384];
	struct dtrace_ioc_info info;
	uint64_t t0, deadline, it, t_start, t_end, reserve, t_it;
	int i, fd, pfd = -1, rc_before, rc_after;
	long cons = -1, ecbs = -1, enabled = -1;
	long vm_before, vm_after, slab_before, slab_after;

	const char *repro = NULL, *save = NULL, *blobfile = NULL;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--dry")) {
			opt.dry = 1;
		} else if (!strcmp(a, "-v")) {
			opt.verbose++;
		} else if (!strcmp(a, "--big")) {
			opt.budget = ~0ULL;
		} else if (v && !strcmp(a, "--seconds")) {
			opt.seconds = strtoul(v, NULL, 0);
			i++;
		} else if (v && !strcmp(a, "--seed")) {
			opt.seed = strtoull(v, NULL, 0);
			i++;
		} else if (v && !strcmp(a, "--start")) {
			opt.start = strtoull(v, NULL, 0);
			i++;
		} else if (v && !strcmp(a, "--iterations")) {
			opt.iterations = strtoull(v, NULL, 0);
			i++;
		} else if (v && !strcmp(a, "--budget")) {
			opt.budget = strtoull(v, NULL, 0) * MB;
			i++;
		} else if (v && !strcmp(a, "--progress")) {
			opt.progress = v;
			i++;
		} else if (v && !strcmp(a, "--repro")) {
			repro = v;
			i++;
		} else if (v && !strcmp(a, "--save")) {
			save = v;
			i++;
		} else if (v && !strcmp(a, "--blob")) {
			blobfile = v;
			i++;
		} else if (v && !strcmp(a, "--selftest-findings")) {
			return selftest_findings(v);
		} else if (!strcmp(a, "--list")) {
			repro_list();
			return 0;
		} else if (v && !strcmp(a, "--mode")) {
			for (opt.mode = 0; opt.mode < M_ANY; opt.mode++)
				if (!strcmp(v, mode_names[opt.mode]))
					break;
			if (opt.mode == M_ANY)
				usage();
			i++;
		} else {
			usage();
		}
	}
	if (repro || blobfile) {
		return repro ? repro_run(repro, save) : repro_file(blobfile);
	}
	printf("# dtrace-ioctl-fuzz: seed %#llx (replay one iteration: "
	       "--seed %#llx --start I --iterations 1)\n",
	       (unsigned long long)opt.seed, (unsigned long long)opt.seed);
	if (opt.dry) {
		uint64_t n = opt.iterations == ~0ULL ? 2000 : opt.iterations;

		return gen_selftest(opt.seed, n, opt.verbose);
	}

	print_uptime("fuzzer started");
	fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("1..0 # SKIP %s: %s\n", DTRACE_DEVICE, strerror(errno));
		return 77;
	}
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.version = DTRACE_ABI_VERSION;
	if (ioctl(fd, DTRACEIOC_INFO, &info) == 0 && info.ncpus)
		ncpus = info.ncpus;
	close(fd);
	setup_memory();
	kmsg_open();

	t_start = now_ns();
	rc_before = run_control(before, sizeof(before));
	printf("# control run took %.2f s\n", (now_ns() - t_start) / 1e9);
	ok(rc_before == 0, "control enabling before fuzzing: trace(42), "
	   "sum 5, count 1");

	vm_before = meminfo("VmallocUsed");
	slab_before = meminfo("SUnreclaim");
	/*
	 * --seconds bounds the whole run: the loop leaves room for the
	 * control run again and the final checks (about twice the first
	 * control run, at least 1 s), and runs for 1 s at least.
	 */
	t0 = now_ns();
	deadline = t_start + (uint64_t)opt.seconds * 1000000000ULL;
	reserve = 2 * (t0 - t_start) + 1000000000ULL;
	deadline = deadline > t0 + reserve + 1000000000ULL ?
		   deadline - reserve : t0 + 1000000000ULL;
	printf("# %u CPUs, %u s, memory budget %llu MiB per consumer\n",
	       ncpus, opt.seconds, (unsigned long long)(opt.budget / MB));
	for (it = opt.start; it - opt.start < opt.iterations &&
	     (opt.iterations != ~0ULL || now_ns() < deadline); it++) {
		struct rng r;
		struct worker *w;
		int m;

		rng_seed(&r, opt.seed, it);
		m = rng_below(&r, 100);
		m = m < 25 ? M_RAW : m < 65 ? M_STRUCT : m < 90 ? M_HOSTILE :
		    M_SEQ;
		if (opt.mode != M_ANY)
			m = opt.mode;
		cur_iter = it;
		cur_mode = m;
		progress(opt.progress, &pfd);
		t_it = now_ns();
		w = NULL;
		if (m != M_RAW && rng_chance(&r, 1, 5)) {
			w = worker_start(&r);
			st.with_worker += !!w;
		}
		switch (m) {
		case M_RAW:
			iter_raw(&r);
			break;
		case M_STRUCT:
			iter_struct(&r, 0);
			break;
		case M_HOSTILE:
			iter_struct(&r, 1);
			break;
		default:
			iter_seq(&r);
			break;
		}
		worker_stop(w);
		st.iterations++;
		st.per_mode[m]++;
		st.mode_ns[m] += now_ns() - t_it;
		kmsg_poll();
		if (opt.verbose && st.iterations % 100 == 0)
			printf("# %llu iterations, %llu ioctls\n",
			       (unsigned long long)st.iterations,
			       (unsigned long long)st.ioctls);
	}
	cur_mode = M_STRUCT;
	cur_iter = it;
	t_end = now_ns();
	printf("# fuzzing loop took %.2f s\n", (t_end - t0) / 1e9);

	rc_after = run_control(after, sizeof(after));
	ok(rc_after == 0, "control enabling after fuzzing: trace(42), sum 5, "
	   "count 1");
	ok(rc_before == 0 && rc_after == 0 && !strcmp(before, after),
	   "control enabling gives the same records and aggregations before "
	   "and after");
	if (strcmp(before, after))
		printf("# before:\n%s# after:\n%s", before, after);
	ok(sanity() == 0, "the device still works: BEGIN { trace(1); exit(0) }");
	findings_verdict();
	printf("# final checks took %.2f s\n", (now_ns() - t_end) / 1e9);
	ok(st.malformed == 0, "every snapshot was well formed (%llu records, "
	   "%llu error records, %llu aggregation records, %llu malformed)",
	   (unsigned long long)st.records,
	   (unsigned long long)st.error_records,
	   (unsigned long long)st.agg_records,
	   (unsigned long long)st.malformed);
	if (!status_counts(&cons, &ecbs, &enabled))
		ok(cons == 0 && ecbs == 0 && enabled == 0, "nothing left behind "
		   "after every close: consumers %ld, ecbs_attached %ld, "
		   "probes_enabled %ld", cons, ecbs, enabled);
	else
		ok(1, "nothing left behind (# SKIP no status file)");
	/*
	 * Every consumer is gone: what they allocated must be too.  Probes
	 * made on demand (profile-N) stay, a few hundred bytes each.
	 */
	vm_after = meminfo("VmallocUsed");
	slab_after = meminfo("SUnreclaim");
	printf("# memory: VmallocUsed %ld -> %ld kB, SUnreclaim %ld -> %ld kB\n",
	       vm_before, vm_after, slab_before, slab_after);
	if (vm_before >= 0 && vm_after >= 0)
		ok(vm_after - vm_before < 16 * 1024, "no vmalloc space leaked "
		   "(%ld kB more than before fuzzing)", vm_after - vm_before);
	else
		ok(1, "no vmalloc space leaked (# SKIP no /proc/meminfo)");
	kmsg_poll();
	if (kmsg_fd >= 0)
		ok(st.kernel_bad == 0, "kernel log: no warning, oops or "
		   "allocation failure while fuzzing (%llu bad lines)",
		   (unsigned long long)st.kernel_bad);
	else
		ok(1, "kernel log (# SKIP /dev/kmsg not readable)");

	printf("# summary: seed %#llx, iterations %llu (raw %llu, struct %llu, "
	       "hostile %llu, seq %llu) in %.1f s\n",
	       (unsigned long long)opt.seed,
	       (unsigned long long)st.iterations,
	       (unsigned long long)st.per_mode[M_RAW],
	       (unsigned long long)st.per_mode[M_STRUCT],
	       (unsigned long long)st.per_mode[M_HOSTILE],
	       (unsigned long long)st.per_mode[M_SEQ],
	       (now_ns() - t0) / 1e9);
	printf("# summary: ms per iteration: raw %.1f, struct %.1f, hostile "
	       "%.1f, seq %.1f\n",
	       st.per_mode[M_RAW] ? st.mode_ns[M_RAW] / 1e6 / st.per_mode[M_RAW] : 0,
	       st.per_mode[M_STRUCT] ? st.mode_ns[M_STRUCT] / 1e6 /
	       st.per_mode[M_STRUCT] : 0,
	       st.per_mode[M_HOSTILE] ? st.mode_ns[M_HOSTILE] / 1e6 /
	       st.per_mode[M_HOSTILE] : 0,
	       st.per_mode[M_SEQ] ? st.mode_ns[M_SEQ] / 1e6 / st.per_mode[M_SEQ] : 0);
	printf("# summary: ioctls %llu, enablings accepted %llu rejected %llu, "
	       "GO %llu, STOP %llu, closed while tracing %llu\n",
	       (unsigned long long)st.ioctls,
	       (unsigned long long)st.en_accepted,
	       (unsigned long long)st.en_rejected,
	       (unsigned long long)st.gos, (unsigned long long)st.stops,
	       (unsigned long long)st.closes_active);
	printf("# summary: iterations with a concurrent consumer thread %llu "
	       "(%llu open/enable/go/snap/close cycles)\n",
	       (unsigned long long)st.with_worker,
	       (unsigned long long)st.worker_cycles);
	printf("# summary: unmutated valid enablings accepted %llu, refused "
	       "%llu\n", (unsigned long long)st.clean_accepted,
	       (unsigned long long)st.clean_rejected);
	printf("# summary: records %llu, error records %llu (badaddr %llu, "
	       "illop %llu, divzero %llu, noscratch %llu, kpriv %llu, "
	       "upriv %llu, tupoflow %llu), aggregation records %llu\n",
	       (unsigned long long)st.records,
	       (unsigned long long)st.error_records,
	       (unsigned long long)st.faults[DTRACEFLT_BADADDR],
	       (unsigned long long)st.faults[DTRACEFLT_ILLOP],
	       (unsigned long long)st.faults[DTRACEFLT_DIVZERO],
	       (unsigned long long)st.faults[DTRACEFLT_NOSCRATCH],
	       (unsigned long long)st.faults[DTRACEFLT_KPRIV],
	       (unsigned long long)st.faults[DTRACEFLT_UPRIV],
	       (unsigned long long)st.faults[DTRACEFLT_TUPOFLOW],
	       (unsigned long long)st.agg_records);
	printf("# summary: errnos:");
	for (i = 1; i < (int)ARRAY_SIZE(st.errno_count); i++)
		if (st.errno_count[i])
			printf(" %s %llu", strerror(i),
			       (unsigned long long)st.errno_count[i]);
	printf("\n# summary: findings %llu\n", (unsigned long long)st.findings);
	print_uptime("done");
	printf("1..%d\n", ntests);
	printf("# %d passed, %d failed\n", ntests - nfailed, nfailed);
	return nfailed ? 1 : 0;
}
