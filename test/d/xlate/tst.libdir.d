/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: -L adds a library directory: every *.d file in it is read
 * before the program; "#pragma D depends_on library" loads the named
 * file first; a file whose dependency (a module, or a library that was
 * itself skipped) is missing is skipped silently; types, inlines and
 * translators of the library are the program's.
 *
 * @@runtest-opts: -L libtest
 */
#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", lib_a, lib_b, sizeof (libpair_t));
	printf("%d %d\n", xlate<libpair_t>(5).b, lib_pair->b);
	exit(0);
}
