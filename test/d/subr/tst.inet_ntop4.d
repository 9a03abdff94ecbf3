/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * inet_ntop(AF_INET, addr) formats an IPv4 address (AF_INET is 2).
 */

#pragma D option quiet

BEGIN
{
	this->a = (uint32_t *)alloca(sizeof (uint32_t));
	*this->a = htonl(0x0a000102);
	printf("%s\n", inet_ntop(2, this->a));
	exit(0);
}
