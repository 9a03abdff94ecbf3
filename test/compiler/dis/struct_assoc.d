/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -S shows how a member of a struct-valued array element is reached: the
 * load gives the element's address, or 0 when it does not exist, and then
 * zero-filled scratch is stored into the element and the address reloaded.
 */
struct callinfo {
	uint64_t ts;
	uint64_t calls;
};

struct callinfo i[string];

BEGIN
{
	i["read"].calls++;
}
