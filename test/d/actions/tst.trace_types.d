/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * trace() records integers of each size and strings; in quiet mode they
 * are printed unpadded.
 */

#pragma D option quiet

BEGIN
{
	trace((char)7);
	trace(" ");
	trace((short)300);
	trace(" ");
	trace(123456789012);
	trace(" ");
	s = "str";
	trace(s);
	trace("\n");
	exit(0);
}
