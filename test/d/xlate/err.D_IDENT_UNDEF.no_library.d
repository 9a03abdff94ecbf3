/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: without the library's file (here: skipped, as its module
 * dependency is missing) its inlines are undefined.
 *
 * @@runtest-opts: -L libtest
 */
BEGIN
{
	trace(lib_from_skipped_file);
	exit(0);
}
