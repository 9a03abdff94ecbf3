/* The provider table: every provider built into the module */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place that lists the providers.  Adding one means: its fragment
 * (8xx-prov-NAME.c, compiled when its Kconfig symbol is set), a line in
 * gen/MANIFEST, a CONFIG_DTRACE_PROVIDER_NAME entry in Kconfig, and a row
 * here with its name, its stability attributes and its init/exit (and
 * optional debugfs and status) functions.  Nothing else in the module or in
 * dtrace(1) names a provider: dtrace(1) asks the module for the
 * attributes (DTRACEIOC_PROVIDER) when it prints them.
 *
 * Rows are registered in order at load and unregistered in reverse order
 * at unload; the dtrace provider (BEGIN, END, ERROR) comes first because
 * the framework needs its probe IDs.
 *
 * The attributes are those the Dynamic Tracing Guide documents for each
 * provider, in the order provider, module, function, name, arguments.
 *
 * Owns: dtrace_provider_table, dtrace_providers_init/exit/debugfs.
 * Calls: the providers' init, exit and debugfs functions.
 */
static const struct dtrace_provider_def dtrace_provider_table[] = {
	{
		.name = "dtrace",
		.attr = {
			DTRACE_ATTR(STABLE, STABLE, COMMON),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(STABLE, STABLE, COMMON),
			DTRACE_ATTR(STABLE, STABLE, COMMON),
		},
		.init = dtrace_prov_dtrace_init,
		.exit = dtrace_prov_dtrace_exit,
	},
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROFILE)
	{
		.name = "profile",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
			DTRACE_ATTR(UNSTABLE, UNSTABLE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
		},
		.init = dtrace_prov_profile_init,
		.exit = dtrace_prov_profile_exit,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_TEST)
	{
		.name = "dtrace_test",
		.attr = {
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
		},
		.init = dtrace_prov_test_init,
		.exit = dtrace_prov_test_exit,
		.debugfs = dtrace_prov_test_debugfs,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SYSCALL)
	{
		/* illumos's systrace attributes */
		.name = "syscall",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, ISA),
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
			DTRACE_ATTR(PRIVATE, PRIVATE, ISA),
		},
		.init = dtrace_prov_syscall_init,
		.exit = dtrace_prov_syscall_exit,
		.status = dtrace_prov_syscall_status,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_FBT)
	{
		/* illumos's fbt attributes */
		.name = "fbt",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, ISA),
			DTRACE_ATTR(EVOLVING, EVOLVING, COMMON),
			DTRACE_ATTR(PRIVATE, PRIVATE, ISA),
		},
		.init = dtrace_prov_fbt_init,
		.exit = dtrace_prov_fbt_exit,
		.status = dtrace_fbt_status,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SDT)
	{
		/*
		 * illumos's sdt attributes (sdt_subr.c, sdt_attr; Oracle's
		 * Linux sdt provider has the same)
		 */
		.name = "sdt",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, ISA),
			DTRACE_ATTR(PRIVATE, PRIVATE, ISA),
		},
		.init = dtrace_prov_sdt_init,
		.exit = dtrace_prov_sdt_exit,
		.status = dtrace_sdt_status,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_PROC)
	{
		/* The Guide's proc provider stability (proc:vmlinux:TRACEPOINT:NAME) */
		.name = "proc",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
		},
		.init = dtrace_prov_proc_init,
		.exit = dtrace_prov_proc_exit,
		.status = dtrace_prov_proc_status,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_SCHED)
	{
		/* The Guide's sched provider stability (sched:vmlinux:TRACEPOINT:NAME) */
		.name = "sched",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
		},
		.init = dtrace_prov_sched_init,
		.exit = dtrace_prov_sched_exit,
		.status = dtrace_prov_sched_status,
	},
#endif
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_IO)
	{
		/* The Guide's io provider stability (io:vmlinux:TRACEPOINT:NAME) */
		.name = "io",
		.attr = {
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(PRIVATE, PRIVATE, UNKNOWN),
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
			DTRACE_ATTR(EVOLVING, EVOLVING, ISA),
		},
		.init = dtrace_prov_io_init,
		.exit = dtrace_prov_io_exit,
		.status = dtrace_prov_io_status,
	},
#endif
};

static int dtrace_providers_init(void)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(dtrace_provider_table); i++) {
		const struct dtrace_provider_def *def = &dtrace_provider_table[i];

		err = def->init(def);
		if (err) {
			pr_err("provider %s failed to start (%d)\n", def->name,
			       err);
			while (--i >= 0)
				dtrace_provider_table[i].exit();
			return err;
		}
	}
	return 0;
}

static void dtrace_providers_exit(void)
{
	int i;

	for (i = ARRAY_SIZE(dtrace_provider_table) - 1; i >= 0; i--)
		dtrace_provider_table[i].exit();
}

static void dtrace_providers_debugfs(struct dentry *dir)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(dtrace_provider_table); i++) {
		if (dtrace_provider_table[i].debugfs)
			dtrace_provider_table[i].debugfs(dir);
	}
}

/* Status file lines of the providers that have any (dtrace_lock held). */
static void dtrace_providers_status(struct seq_file *m)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(dtrace_provider_table); i++) {
		if (dtrace_provider_table[i].status)
			dtrace_provider_table[i].status(m);
	}
}
