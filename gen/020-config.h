/* Configuration: Kconfig values turned into the module's limits */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The build's Kconfig answers live in dtrace_kconfig.h (CONFIG_DTRACE_*).
 * This fragment checks that exactly one platform was chosen and gives every
 * tunable one name, DTRACE_CFG_*, that the rest of the module uses.
 */
#if IS_ENABLED(CONFIG_DTRACE_PLATFORM_NATIVE) + \
	IS_ENABLED(CONFIG_DTRACE_PLATFORM_XEN_PV) != 1
#error "exactly one of CONFIG_DTRACE_PLATFORM_NATIVE and _XEN_PV must be set"
#endif

#ifndef CONFIG_X86_64
#error "dtrace.ko supports x86-64 kernels only"
#endif

#define DTRACE_CFG_BUFSIZE	((u64)CONFIG_DTRACE_BUFSIZE_KB * 1024)
#define DTRACE_CFG_AGGSIZE	((u64)CONFIG_DTRACE_AGGSIZE_KB * 1024)
#define DTRACE_CFG_BUFSIZE_MAX	((u64)CONFIG_DTRACE_BUFSIZE_MAX_MB * 1024 * 1024)
#define DTRACE_CFG_MAX_ENABLINGS	CONFIG_DTRACE_MAX_ENABLINGS
#define DTRACE_CFG_MAX_PROBES	CONFIG_DTRACE_MAX_PROBES
#define DTRACE_CFG_DIF_MAXLEN	CONFIG_DTRACE_DIF_MAXLEN
#define DTRACE_CFG_DEV_MODE	CONFIG_DTRACE_DEV_MODE
#define DTRACE_CFG_DEV_GID	CONFIG_DTRACE_DEV_GID
#ifdef CONFIG_DTRACE_PROFILE_MIN_US
#define DTRACE_CFG_PROFILE_MIN_US	CONFIG_DTRACE_PROFILE_MIN_US
#else	/* no profile provider */
#define DTRACE_CFG_PROFILE_MIN_US	0
#endif
#ifdef CONFIG_DTRACE_PROFILE_MAX
#define DTRACE_CFG_PROFILE_MAX		CONFIG_DTRACE_PROFILE_MAX
#else	/* no profile provider */
#define DTRACE_CFG_PROFILE_MAX		0
#endif
#define DTRACE_CFG_DEBUG	IS_ENABLED(CONFIG_DTRACE_DEBUG)

#if IS_ENABLED(CONFIG_DTRACE_PLATFORM_XEN_PV)
#define DTRACE_CFG_PLATFORM	DTRACE_PLATFORM_XENPV
#define DTRACE_CFG_PLATFORM_NAME "xenpv"
#else
#define DTRACE_CFG_PLATFORM	DTRACE_PLATFORM_NATIVE
#define DTRACE_CFG_PLATFORM_NAME "native"
#endif
