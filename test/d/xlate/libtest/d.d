/* SPDX-License-Identifier: GPL-2.0 */
/* depends on c.d, which is skipped: skipped too */
#pragma D depends_on library c.d

neither is this;
