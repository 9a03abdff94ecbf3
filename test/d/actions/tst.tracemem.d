/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * tracemem() prints the bytes at an address as a hex dump with a
 * printable-character column.
 */

#pragma D option quiet

BEGIN
{
	this->p = (char *)alloca(20);
	this->p[0] = 'h'; this->p[1] = 'e'; this->p[2] = 'l'; this->p[3] = 'l';
	this->p[4] = 'o'; this->p[5] = 0; this->p[6] = 1; this->p[7] = 0x7f;
	this->p[8] = 'A'; this->p[9] = 'B'; this->p[10] = 'C'; this->p[11] = 'D';
	this->p[12] = 'E'; this->p[13] = 'F'; this->p[14] = 'G'; this->p[15] = 'H';
	this->p[16] = '1'; this->p[17] = '2'; this->p[18] = 0xff; this->p[19] = ' ';
	tracemem(this->p, 20);
	exit(0);
}
