/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gen.h - the ioctl fuzzer's enabling generator and mutators.  Builds
 * valid enablings (and valid-but-hostile ones) with the test/ioctl DIF
 * assembler and blob builder, then mutates the encoded blob with the
 * layout the builder recorded.  Needs no device: --dry runs it alone.
 */
#ifndef FUZZ_GEN_H
#define FUZZ_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "rng.h"
#include "enabling.h"

/* What the generator may assume about its environment. */
struct genctx {
	uint32_t strsize;		/* the enabling's strsize */
	uint32_t ngvars, ntvars, nlvars, naggs, nspec;
	int hostile;			/* emit run-time hostile DIF */
	int probe_ctx;			/* clause fires in probe context */
	uint64_t user_str;		/* address of a string in this process */
	uint64_t user_buf;		/* a writable user buffer, 4 KiB */
	uint64_t user_unmapped;		/* an unmapped user page */
};

/* Interesting addresses for hostile loads (user ones filled in at run). */
extern uint64_t gen_bad_addrs[];
extern int gen_nbad_addrs;

struct gen {
	struct enabling e;
	struct dif *difs[512];		/* owned, freed by gen_free */
	int ndifs;
	int hostile;
	int nmut;			/* mutations applied */
	int edge;			/* options chosen to be too small for
					 * some records (tiny bufsize/aggsize):
					 * unmutated, yet not a valid enabling */
	char what[256];			/* short log of what was built/mutated */
};

/*
 * Build a random enabling into g->e.  hostile: also DIF that faults at
 * run time.  Memory options stay modest (see gen_sanitize).
 */
void gen_enabling(struct gen *g, struct rng *r, int hostile,
		  const struct genctx *base);
/* Encode g->e into a malloc()ed blob. */
unsigned char *gen_build(struct gen *g, size_t *len);
/* Structure-aware mutation of an encoded blob; may realloc/resize it. */
void gen_mutate(struct gen *g, struct rng *r, unsigned char **blob,
		size_t *len);
/* Random bytes (possibly with a plausible header), for raw fuzzing. */
unsigned char *gen_random_blob(struct rng *r, size_t *len);
void gen_free(struct gen *g);

/*
 * Make an encoded blob safe to hand to the module on a small VM: clear
 * DTRACE_ENABLE_DESTRUCTIVE (raise/stop/panic/copyout in probe context
 * hit arbitrary processes: that is their job, not a robustness bug), and
 * shrink memory options whose accepted total would exceed budget bytes
 * per consumer (ncpus CPUs).  Returns 1 if it changed something.
 */
int gen_sanitize(unsigned char *blob, size_t len, uint32_t ncpus,
		 uint64_t budget);
/* Bytes the module would allocate for these options if it accepts them. */
uint64_t gen_opts_cost(const struct dtrace_enable_hdr *h, uint32_t ncpus);

/* Host-side self-test of the generator (--dry). 0 on success. */
int gen_selftest(uint64_t seed, unsigned int iterations, int verbose);

#endif /* FUZZ_GEN_H */
