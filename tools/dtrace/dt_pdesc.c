// SPDX-License-Identifier: GPL-2.0
/*
 * dt_pdesc.c - the one parser of probe descriptions ("provider:mod:func:
 * name", fewer fields filling from the right as DTrace fills them), used by
 * the compiler for clause descriptions and by dtrace -P/-m/-f/-n.
 */
#include <string.h>

#include "dt_prog.h"

/*
 * Split text at ':' (a backslash escapes the next character and stays in
 * the field, for the glob matcher); the last field given goes to field
 * 'last' (0 provider .. 3 name), the others before it.  0, or -1 for too
 * many fields or a field too long.
 */
int dt_parse_pdesc_at(const char *text, int last,
		      struct dtrace_probedesc *pd)
{
	char *dst[4] = { pd->provider, pd->mod, pd->func, pd->name };
	size_t lens[4] = { sizeof(pd->provider), sizeof(pd->mod),
			   sizeof(pd->func), sizeof(pd->name) };
	const char *start[4], *p;
	size_t n[4];
	int nf = 0, i;

	memset(pd, 0, sizeof(*pd));
	if (last < 0 || last > 3)
		return -1;
	/* fields split at ':', a backslash escaping the next character */
	for (p = start[0] = text;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p != ':' && *p != '\0')
			continue;
		n[nf] = (size_t)(p - start[nf]);
		nf++;
		if (!*p)
			break;
		if (nf == 4)
			return -1;	/* a fifth field */
		start[nf] = p + 1;
	}
	/* the last field lands on field 'last', the others before it */
	if (nf > last + 1)
		return -1;
	for (i = 0; i < nf; i++) {
		int d = last - (nf - 1 - i);

		if (n[i] >= lens[d])
			return -1;
		memcpy(dst[d], start[i], n[i]);
		dst[d][n[i]] = '\0';
	}
	return 0;
}

int dt_parse_pdesc(const char *text, struct dtrace_probedesc *pd)
{
	return dt_parse_pdesc_at(text, 3, pd);
}
