/* SPDX-License-Identifier: GPL-2.0 */
/* a library file with a syntax error, for err.D_SYNTAX.library.d */
typedef struct {
	int a
} broken_t;
