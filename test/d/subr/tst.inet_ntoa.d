/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * inet_ntoa() formats an IPv4 address stored in network byte order.
 */

#pragma D option quiet

BEGIN
{
	this->a = (uint32_t *)alloca(sizeof (uint32_t));
	*this->a = htonl(0xc0a80101);
	printf("%s\n", inet_ntoa(this->a));
	*this->a = 0;
	printf("%s\n", inet_ntoa(this->a));
	*this->a = 0xffffffff;
	printf("%s\n", inet_ntoa(this->a));
	exit(0);
}
