/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sizeof gives the size of the D types on LP64.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d %d\n", sizeof (char), sizeof (short), sizeof (int),
	    sizeof (long), sizeof (long long));
	printf("%d %d %d %d\n", sizeof (int8_t), sizeof (int16_t),
	    sizeof (int32_t), sizeof (int64_t));
	printf("%d %d %d\n", sizeof (uint64_t), sizeof (void *), sizeof (char *));
	printf("%d %d\n", sizeof (uintptr_t), sizeof (size_t));
	exit(0);
}
