/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rng.h - the fuzzer's deterministic random numbers (splitmix64).  Every
 * iteration seeds its own generator from (seed, iteration), so a single
 * iteration can be replayed with --seed S --start N --iterations 1.
 */
#ifndef FUZZ_RNG_H
#define FUZZ_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s;
};

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline void rng_seed(struct rng *r, uint64_t seed, uint64_t iter)
{
	r->s = seed ^ (iter * 0xd1342543de82ef95ULL);
	rng_next(r);
	rng_next(r);
}

/* Uniform in [0, n); 0 if n is 0. */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)(rng_next(r) % n) : 0;
}

/* True with probability num/den. */
static inline int rng_chance(struct rng *r, uint32_t num, uint32_t den)
{
	return rng_below(r, den) < num;
}

#define RNG_PICK(r, arr)	((arr)[rng_below((r), sizeof(arr) / sizeof((arr)[0]))])

#endif /* FUZZ_RNG_H */
