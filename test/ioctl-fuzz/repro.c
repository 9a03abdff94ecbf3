// SPDX-License-Identifier: GPL-2.0
/*
 * repro.c - minimal reproducers of what the ioctl fuzzer found, built
 * with the test/ioctl blob builder.  `dtrace-ioctl-fuzz --repro NAME`
 * runs one against /dev/dtrace (ENABLE, GO, STOP, close) and prints what
 * happened; `--repro NAME --save FILE` writes the blob (the copies in
 * test/ioctl-fuzz/repro/ were made so); `--blob FILE` replays a file.
 * The enabling is never sanitized here: a case may ask for a lot of
 * memory on purpose.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "consumer.h"
#include "difasm.h"
#include "enabling.h"
#include "repro.h"

#define MB	(1024ULL * 1024)

static struct dif d_const, d_key;

/* BEGIN { @1[7] = count(); trace(1) } with options from the case. */
static void base(struct enabling *e)
{
	struct dif *keys[1] = { &d_key };

	dif_init(&d_const);
	dif_asm(&d_const, "setx 1, %r1; ret %r1");
	dif_init(&d_key);
	dif_asm(&d_key, "setx 7, %r1; ret %r1");
	en_init(e);
	e->h.bufsize = 65536;
	e->h.aggsize = 65536;
	en_trace(en_clause(e, "dtrace:::BEGIN"), &d_const);
	en_aggregate(e, &e->cl[0], 1, DTRACEAGG_COUNT, 0, keys, 1, NULL);
}

struct repro_case {
	const char *name;
	const char *what;
	void (*opts)(struct enabling *e);
	int consumers;			/* at once, each with the blob */
};

/* dynvarsize 1..4095 passes the option checks, then the variable space
 * refuses it: EINVAL with an empty err_msg. */
static void r_dynvar_small(struct enabling *e)
{
	e->h.dynvarsize = 100;
}

/* aggsize 256 MiB (the largest accepted): 2 vmalloc()s per CPU. */
static void r_aggsize_huge(struct enabling *e)
{
	e->h.aggsize = 256 * MB;
}

/* dynvarsize 256 MiB, 60000 globals and 20000 locals of 4000 bytes:
 * about 900 MiB of vzalloc()s for two consumers. */
static void r_vstate_huge(struct enabling *e)
{
	e->h.dynvarsize = 256 * MB;
	e->h.strsize = 4000;
	e->h.ngvars = 60000;
	e->h.nlvars = 20000;
}

/* bufsize 256 MiB: kvmalloc(__GFP_NOWARN) per CPU and buffer. */
static void r_bufsize_huge(struct enabling *e)
{
	e->h.bufsize = 256 * MB;
}

static const struct repro_case cases[] = {
	{ "dynvar-small", "dynvarsize 100: EINVAL must say why",
	  r_dynvar_small },
	{ "aggsize-huge", "aggsize 256 MiB: ENOMEM, never a kernel warning",
	  r_aggsize_huge },
	{ "vstate-huge", "two consumers, each: dynvarsize 256 MiB, 60000 "
	  "globals of 4000 bytes", r_vstate_huge, 2 },
	{ "bufsize-huge", "bufsize 256 MiB per CPU (two buffers each)",
	  r_bufsize_huge },
	{ NULL, NULL, NULL },
};

void repro_list(void)
{
	int i;

	for (i = 0; cases[i].name; i++)
		printf("%-14s %s\n", cases[i].name, cases[i].what);
}

/*
 * What the module may answer a reproducer (they ask for too much memory or
 * for an unusable variable space): a refusal with a sane errno and a
 * message, ENOMEM (or ENOSPC) at GO; anything else is bad.
 */
static int enable_ok(int rc, const char *msg)
{
	if (!rc)
		return 1;
	if (rc != -EINVAL && rc != -ENOMEM && rc != -E2BIG && rc != -ENOSPC)
		return 0;
	return msg[0] != 0;
}

/*
 * n consumers: ENABLE blob, then GO, STOP, close; print each step.  0 when
 * the module answered every step acceptably (enable_ok()), 1 if not, 77
 * without a device.
 */
static int run_n(const void *blob, size_t len, int n)
{
	struct consumer c[4];
	struct dtrace_ioc_status s;
	int rc, i, on[4] = { 0 }, bad = 0;

	for (i = 0; i < n && i < 4; i++) {
		rc = c_open(&c[i]);
		if (rc) {
			printf("# open: %s\n", strerror(-rc));
			if (i)
				bad = 1;
			n = i;
			break;
		}
		rc = c_enable_blob(&c[i], blob, len);
		printf("# consumer %d: ENABLE (%zu bytes): %s%s%s\n", i, len,
		       rc ? strerror(-rc) : "ok", c[i].en.err_msg[0] ? ": " : "",
		       c[i].en.err_msg);
		if (!enable_ok(rc, c[i].en.err_msg)) {
			printf("not ok - consumer %d: ENABLE refused with %s "
			       "and %s\n", i, strerror(-rc), c[i].en.err_msg[0] ?
			       "a message" : "no message");
			bad = 1;
		}
		on[i] = !rc;
	}
	for (i = 0; i < n; i++) {
		if (!on[i])
			continue;
		rc = c_go(&c[i], &s);
		printf("# consumer %d: GO: %s\n", i, rc ? strerror(-rc) : "ok");
		if (rc && rc != -ENOMEM && rc != -ENOSPC) {
			printf("not ok - consumer %d: GO: %s\n", i,
			       strerror(-rc));
			bad = 1;
		}
		on[i] = !rc;
	}
	msleep(50);
	for (i = 0; i < n; i++) {
		if (!on[i])
			continue;
		rc = c_stop(&c[i], &s);
		printf("# consumer %d: STOP: %s (errors %llu)\n", i,
		       rc ? strerror(-rc) : "ok", (unsigned long long)s.errors);
		if (rc) {
			printf("not ok - consumer %d: STOP: %s\n", i,
			       strerror(-rc));
			bad = 1;
		}
	}
	for (i = 0; i < n; i++)
		c_close(&c[i]);
	if (!n)
		return 77;
	printf("%s - the module's answers to the reproducer\n",
	       bad ? "not ok" : "ok");
	return bad;
}

int repro_run_blob(const void *blob, size_t len)
{
	return run_n(blob, len, 1);
}

int repro_run(const char *name, const char *save)
{
	struct enabling *e = calloc(1, sizeof(*e));
	void *blob;
	size_t len;
	int i, rc;

	if (!e)
		return 2;
	for (i = 0; cases[i].name; i++)
		if (!strcmp(cases[i].name, name))
			break;
	if (!cases[i].name) {
		fprintf(stderr, "unknown case %s; cases:\n", name);
		repro_list();
		free(e);
		return 2;
	}
	base(e);
	cases[i].opts(e);
	blob = en_blob(e, &len);
	free(e);
	printf("# repro %s: %s\n", name, cases[i].what);
	if (save) {
		FILE *f = fopen(save, "wb");

		if (!f || fwrite(blob, 1, len, f) != len || fclose(f)) {
			perror(save);
			free(blob);
			return 2;
		}
		printf("# wrote %zu bytes to %s\n", len, save);
		free(blob);
		return 0;
	}
	rc = run_n(blob, len, cases[i].consumers ? cases[i].consumers : 1);
	free(blob);
	return rc;
}

int repro_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long n;
	int rc;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(path);
		return 2;
	}
	b = malloc(n + 8);
	if (!b || fread(b, 1, n, f) != (size_t)n) {
		perror(path);
		fclose(f);
		free(b);
		return 2;
	}
	fclose(f);
	rc = repro_run_blob(b, n);
	free(b);
	return rc;
}
