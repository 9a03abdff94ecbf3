/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() of an unknown aggregation.
 */

END
{
	printa(@nothere);
}
