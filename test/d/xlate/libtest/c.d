/* SPDX-License-Identifier: GPL-2.0 */
/* a library file whose dependency is missing: skipped, never parsed */
#pragma D depends_on module no_such_module_for_dtrace_tests

this is not D at all;
