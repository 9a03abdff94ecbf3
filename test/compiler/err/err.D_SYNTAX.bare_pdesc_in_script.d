/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A probe description in a script needs a body.
 */

BEGIN
