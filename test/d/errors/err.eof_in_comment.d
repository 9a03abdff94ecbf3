/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A comment never closed: DTrace's message, at the line where the file
 * ends.
 *
 * @@compile-error
 */

/* This comment has no end
