/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: an error in a library file fails every program, and the
 * message names the library file and its line.
 *
 * @@runtest-opts: -L libbad
 */
BEGIN
{
	exit(0);
}
