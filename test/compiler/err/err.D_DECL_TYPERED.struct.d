/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct may be defined once.
 */

struct s { int a; };
struct s { long b; };

BEGIN
{
}
