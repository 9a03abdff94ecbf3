/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without -xerrtags the compile error message has no tag.
 *
 * @@compile-error
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", nosuchvar);
}
