/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * DTrace's printf() has %P (a uint16_t port: its service name, else the
 * number) and %I (an address as text: its host name, else the text);
 * width and flags apply to the text, as for %s.  Port 65001 has no
 * service name and "not-an-address" is no address.
 */

#pragma D option quiet

BEGIN
{
	printf("[%P] [%-7P] [%I] [%16I]\n", (uint16_t)65001,
	    (uint16_t)65001, "not-an-address", "x.y");
	exit(0);
}
