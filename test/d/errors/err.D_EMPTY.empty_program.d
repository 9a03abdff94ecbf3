/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A program with no clauses is an error.
 */

#pragma D option quiet

/* nothing here */
