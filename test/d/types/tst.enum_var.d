/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A variable of enum type holds an enumerator.
 */

#pragma D option quiet

enum state { IDLE, RUNNING, DONE };
enum state st;

BEGIN
{
	printf("%d\n", st);
	st = RUNNING;
	printf("%d %d\n", st, st == RUNNING);
	exit(0);
}
