/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Loading from an unmapped kernel-half address reports fault 1 and the
 * address.  The address is in the KASAN shadow region of x86-64's 4-level
 * layout, unmapped in kernels built without KASAN (Debian's), natively and
 * in a Xen PV guest; 0xffff800000000000-0xffff87ffffffffff would not do:
 * Xen maps its read-only tables there for PV guests.
 */

#pragma D option quiet

BEGIN
{
	x = *(long *)0xffffec0000001000;
}

ERROR
{
	printf("%d %x\n", arg4, arg5);
	exit(0);
}
