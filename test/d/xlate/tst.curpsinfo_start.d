/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: curpsinfo->pr_start is when this process started, on the
 * wall clock: not after now, less than an hour before (dtrace(1) has just
 * started), with tv_nsec below a second; print() shows it as the Guide's
 * timestruc_t.
 */
#pragma D option quiet

BEGIN
{
	this->now = walltimestamp / 1000000000;
	this->s = curpsinfo->pr_start.tv_sec;
	printf("%d %d %d\n", this->s <= this->now, this->now - this->s < 3600,
	    curpsinfo->pr_start.tv_nsec < 1000000000);
	exit(0);
}
