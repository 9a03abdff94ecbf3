/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A member of incomplete type is an error.
 */

struct s { struct t m; };

BEGIN
{
}
