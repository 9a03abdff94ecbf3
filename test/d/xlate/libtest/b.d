/* SPDX-License-Identifier: GPL-2.0 */
/* a library file for tst.libdir.d */
typedef struct libpair {
	int a;
	int b;
} libpair_t;

inline int lib_b = 41;
