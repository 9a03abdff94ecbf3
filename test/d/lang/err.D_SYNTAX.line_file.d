/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * "#line N "file"" sets the number of the next line and the file that
 * DTrace's messages name for it: "file", line N (dt_pragma_line() sets
 * the file tag that dt_set_errmsg() prints).
 */

#line 40 "elsewhere.d"
BEGIN
{
	x = ;
}
