/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stddev() is the integer population standard deviation.
 */

#pragma D option quiet

BEGIN
{
	@d = stddev(2);
	@d = stddev(4);
	@d = stddev(4);
	@d = stddev(4);
	@d = stddev(5);
	@d = stddev(5);
	@d = stddev(7);
	@d = stddev(9);
	exit(0);
}
