/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without -C, preprocessor directives are not D control lines.
 */

#if 1
BEGIN
{
	exit(0);
}
#endif
