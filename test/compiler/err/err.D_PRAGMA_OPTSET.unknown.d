/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Unknown options in #pragma D option.
 */

#pragma D option nosuchoption=1

BEGIN
{
}
