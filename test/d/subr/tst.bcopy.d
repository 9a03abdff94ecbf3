/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * bcopy() copies bytes between scratch buffers.
 */

#pragma D option quiet

BEGIN
{
	this->src = (char *)alloca(8);
	this->dst = (char *)alloca(8);
	this->src[0] = 'a';
	this->src[1] = 'b';
	this->src[2] = 'c';
	this->src[3] = '\0';
	bcopy(this->src, this->dst, 4);
	printf("%s\n", stringof(this->dst));
	exit(0);
}
