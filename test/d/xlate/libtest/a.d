/* SPDX-License-Identifier: GPL-2.0 */
/* a library file for tst.libdir.d: needs b.d, loaded first */
#pragma D depends_on library b.d

inline int lib_a = lib_b + 1;
