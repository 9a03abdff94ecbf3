/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A probe description has at most four fields.
 */

a:b:c:d:e
{
}
