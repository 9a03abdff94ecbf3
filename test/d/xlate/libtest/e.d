/* SPDX-License-Identifier: GPL-2.0 */
/* a translator in a library, to a type of another library file */
#pragma D depends_on library b.d
#pragma D depends_on provider dtrace

translator libpair_t < int x >
{
	a = x;
	b = x * 2;
};

inline libpair_t *lib_pair = xlate <libpair_t *> (21);
#pragma D binding "1.0" lib_pair
