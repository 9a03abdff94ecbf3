/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, printf() output follows the probe columns and each
 * probe ends with a newline.
 */

BEGIN
{
	printf("hi");
}

END
{
	printf("bye");
}

BEGIN
{
	exit(0);
}
