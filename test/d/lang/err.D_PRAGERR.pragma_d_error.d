/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * #pragma D error stops compilation with the directive's tokens.
 */

#pragma D error "unsupported configuration"

BEGIN
{
	exit(0);
}
