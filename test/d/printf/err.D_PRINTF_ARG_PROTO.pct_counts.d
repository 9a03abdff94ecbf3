/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * "%%" is a conversion too: the %d after it is conversion #2.
 */

BEGIN
{
	printf("100%% %d\n");
}
