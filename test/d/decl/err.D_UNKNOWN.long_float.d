/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * long is allowed with floating-point types, but the type's name must
 * then exist: "long float" does not (only "long double" does), so
 * DTrace's dt_decl_type() fails to resolve it.
 */

long float f;

BEGIN
{
	exit(0);
}
