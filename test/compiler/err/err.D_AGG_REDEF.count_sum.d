/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation keeps its function.
 */

BEGIN
{
	@a = count();
}

END
{
	@a = sum(1);
}
