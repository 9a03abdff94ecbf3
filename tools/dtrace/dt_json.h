/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dt_json.h - `-x oformat=json` (dt_json.c): JSON Lines output of dtrace(1).
 * The schema is in dtrace.1 (OUTPUT FORMATS).
 */
#ifndef DT_JSON_H
#define DT_JSON_H

#include <stdint.h>
#include <stdio.h>

#include "dtrace.h"

#define DT_JSON_VERSION	1	/* bump on an incompatible schema change */

struct dt_clause;
struct dt_prog;
struct dt_aggset;
struct dt_json_rec;

/* Where text output goes while JSON is being written (/dev/null). */
FILE *dt_json_sink(void);

/* One probe record: begin, each action in order, end (prints the line). */
struct dt_json_rec *dt_json_begin(int cpu, const struct dtrace_probedesc *pd);
void dt_json_action(struct dt_json_rec *r, const struct dt_clause *c,
		    const struct dt_prog *p, int i,
		    const unsigned char *data, uint32_t dlen,
		    struct dt_aggset *as);
void dt_json_end(struct dt_json_rec *r);

/* At exit: every aggregation not printed by printa(), one line each. */
void dt_json_aggs_all(struct dt_aggset *as, const struct dt_prog *p);
/* An error record (fault: DTrace's wording), pd NULL if unknown. */
void dt_json_error(const struct dtrace_errrec *e,
		   const struct dtrace_probedesc *pd, const char *fault);
/* Drops: kind "principal", "aggregation", "dynamic", "speculative"... */
void dt_json_drop(const char *kind, const char *detail, int cpu,
		  uint64_t count);

#endif
