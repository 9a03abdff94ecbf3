/* Module init and exit */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Order at load: the platform check first (before anything is registered:
 * a build for the wrong platform fails with ENODEV and one log line), the
 * text-patching self-test, the core (providers), then the device.  Unload
 * is the reverse; it cannot race with consumers because an open device
 * holds a module reference.
 */
static int __init dtrace_init(void)
{
	int ret;

	ret = dtrace_platform_check();
	if (ret)
		return ret;
	ret = dtrace_platform_selftest();
	if (ret)
		return ret;
	ret = dtrace_core_init();
	if (ret)
		return ret;
	ret = dtrace_dev_init();
	if (ret) {
		dtrace_core_exit();
		return ret;
	}
	pr_info("version %s loaded, built for %s, text-poke self-test %s\n",
		DTRACE_VERSION_STRING, DTRACE_CFG_PLATFORM_NAME,
		dtrace_selftest_result);
	return 0;
}

static void __exit dtrace_exit(void)
{
	dtrace_dev_exit();
	dtrace_core_exit();
	pr_info("unloaded\n");
}

module_init(dtrace_init);
module_exit(dtrace_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("DTrace dynamic tracing for Linux (" DTRACE_CFG_PLATFORM_NAME ")");
MODULE_VERSION(DTRACE_VERSION_STRING);
