/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shim-core.h - the few names the framework fragments (gen/305-framework.h,
 * gen/510-buffer.c, gen/530-speculate.c) use beyond test/unit/shim.h.
 * Include after shim.h.
 */
#ifndef DTRACE_TEST_SHIM_CORE_H
#define DTRACE_TEST_SHIM_CORE_H

#ifndef cmpxchg
#define cmpxchg(p, o, n)	__sync_val_compare_and_swap((p), (o), (n))
#endif
#ifndef fallthrough
#define fallthrough		__attribute__((__fallthrough__))
#endif
#ifndef __GFP_RETRY_MAYFAIL
#define __GFP_RETRY_MAYFAIL	0
#endif
#ifndef WRITE_ONCE
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))
#endif

#endif /* DTRACE_TEST_SHIM_CORE_H */
