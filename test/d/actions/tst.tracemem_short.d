/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * tracemem() of fewer than 16 bytes pads the hex columns.
 */

#pragma D option quiet

BEGIN
{
	this->p = (uint32_t *)alloca(4);
	*this->p = 0x64636261;
	tracemem(this->p, 4);
	exit(0);
}
