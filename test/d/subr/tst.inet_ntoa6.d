/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * inet_ntoa6() formats IPv6 addresses with the longest run of zero
 * groups as ::.
 */

#pragma D option quiet

BEGIN
{
	this->a = (uint8_t *)alloca(16);
	this->a[0] = 0; this->a[1] = 0; this->a[2] = 0; this->a[3] = 0;
	this->a[4] = 0; this->a[5] = 0; this->a[6] = 0; this->a[7] = 0;
	this->a[8] = 0; this->a[9] = 0; this->a[10] = 0; this->a[11] = 0;
	this->a[12] = 0; this->a[13] = 0; this->a[14] = 0; this->a[15] = 1;
	printf("%s\n", inet_ntoa6((void *)this->a));
	this->a[0] = 0xfe; this->a[1] = 0x80;
	printf("%s\n", inet_ntoa6((void *)this->a));
	this->a[0] = 0x20; this->a[1] = 0x01; this->a[2] = 0x0d; this->a[3] = 0xb8;
	this->a[14] = 0x12; this->a[15] = 0x34;
	printf("%s\n", inet_ntoa6((void *)this->a));
	this->a[15] = 0;
	this->a[14] = 0;
	this->a[0] = 0; this->a[1] = 0; this->a[2] = 0; this->a[3] = 0;
	printf("%s\n", inet_ntoa6((void *)this->a));
	exit(0);
}
