/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Pragmas for other tools (#pragma name without D), #pragma ident
 * and an empty #pragma D are ignored, as C ignores unknown pragmas.
 */

#pragma once
#pragma weak foo
#pragma ident "tst.pragma_ignored.d"
#pragma D
#pragma option flowindent
#pragma D option quiet

BEGIN
{
	printf("ok\n");
	exit(0);
}
