// SPDX-License-Identifier: GPL-2.0
/*
 * dt_util.c - helpers shared by the files of dtrace(1): the program name
 * and output stream, error messages, and allocations that end the
 * command when memory runs out.
 *
 * The bottom of the consumer's call graph: it calls nothing else of
 * dtrace(1) (tools/check-cmd-layering.sh keeps it so).  The compiler's
 * allocations (dt_zalloc(), dt_strdup()) stay in dt_compile.c: they are
 * tied to a compilation and report through it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cmd.h"

/* ----------------------------------------------------------------------
 * Messages
 * ---------------------------------------------------------------------- */
const char *dt_pname = "dtrace";
FILE *dt_out;

void dt_error(const char *fmt, ...)
{
	va_list ap;

	fflush(dt_out);
	fprintf(stderr, "%s: ", dt_pname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

void dt_fatal(const char *fmt, ...)
{
	va_list ap;

	fflush(dt_out);
	fprintf(stderr, "%s: ", dt_pname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	exit(1);		/* dtrace.c's E_ERROR */
}

/* ----------------------------------------------------------------------
 * Allocation
 * ---------------------------------------------------------------------- */
void dt_nomem(void)
{
	dt_fatal("failed to allocate memory\n");
}

void *dt_xzalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (p == NULL)
		dt_nomem();
	return p;
}

char *dt_xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		dt_nomem();
	return p;
}
