/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched.d - cpuinfo_t and curcpu (Dynamic Tracing Guide, "sched
 * Provider"), translated from a CPU number.
 *
 * Values on Linux:
 *   cpu_id      the CPU's number (the D variable cpu)
 *   cpu_pset    -1: Linux has no processor sets
 *   cpu_chip    0: not translated (the package id moves between kernels)
 *   cpu_lgrp    0: not translated (the NUMA node)
 *   cpu_info    not translated (a use is an error)
 */
typedef int chipid_t;
typedef int lgrp_id_t;

typedef struct processor_info {
	int pi_state;
	char pi_processor_type[16];
	char pi_fputypes[32];
	int pi_clock;
} processor_info_t;

typedef struct cpuinfo {
	processorid_t cpu_id;
	int cpu_pset;
	chipid_t cpu_chip;
	lgrp_id_t cpu_lgrp;
	processor_info_t cpu_info;
} cpuinfo_t;

translator cpuinfo_t < processorid_t C >
{
	cpu_id = C;
	cpu_pset = -1;
	cpu_chip = 0;
	cpu_lgrp = 0;
};

inline cpuinfo_t *curcpu = xlate <cpuinfo_t *> (cpu);
#pragma D binding "1.0" curcpu
