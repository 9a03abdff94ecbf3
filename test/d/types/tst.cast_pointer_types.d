/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Casting between pointer types changes how memory is read.
 */

#pragma D option quiet

BEGIN
{
	this->w = (uint32_t *)alloca(4);
	*this->w = 0x11223344;
	this->b = (uint8_t *)this->w;
	this->h = (uint16_t *)this->w;
	printf("%x %x %x\n", this->b[0], this->h[1], *(uint8_t *)((char *)this->w + 3));
	exit(0);
}
