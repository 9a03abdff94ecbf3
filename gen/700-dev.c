/* The /dev/dtrace device, the INFO ioctl and the status file */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /dev/dtrace is a misc device.  Each open creates a consumer
 * (dtrace_state_create, 600-state.c) and its release destroys it; every
 * ioctl but DTRACEIOC_INFO goes to the consumer (610-ioctl.c).  The
 * device's file operations hold a module reference while it is open, so
 * rmmod is refused (EBUSY) until every consumer has closed it.
 *
 * Access (the privilege model): the node's mode comes from Kconfig (0600
 * by default, owned by root).  Opening also needs CAP_SYS_ADMIN, or
 * membership of the Kconfig group when one is set (a udev rule installed
 * by `make install` gives the node that group).  Both are judged in the
 * initial user namespace: capable() does, and the group ID is the one of
 * the initial namespace, so a user namespace that maps its own IDs onto
 * the configured number gains nothing.  Destructive actions (-w) need
 * CAP_SYS_ADMIN at ENABLE, group or not (dtrace_enable, 506-enable.c).
 * At most DTRACE_CFG_MAX_CONSUMERS consumers exist at once (Kconfig): an
 * open beyond that fails with EUSERS.
 *
 * The status file, debugfs dtrace/status, shows the version, the platform
 * built for and found, the self-test result and the core's counters.
 * With CONFIG_DTRACE_PROVIDER_TEST, dtrace/test drives the test provider
 * (820-prov-test.c).
 */
static atomic_t dtrace_nconsumers = ATOMIC_INIT(0);

static int dtrace_dev_open(struct inode *inode, struct file *file)
{
	struct dtrace_state *state;
	int ret;

	if (!capable(CAP_SYS_ADMIN) &&
	    !(DTRACE_CFG_DEV_GID &&
	      in_group_p(make_kgid(&init_user_ns, DTRACE_CFG_DEV_GID))))
		return -EPERM;
	/* At most DTRACE_CFG_MAX_CONSUMERS consumers: the next gets EUSERS. */
	if (atomic_inc_return(&dtrace_nconsumers) > DTRACE_CFG_MAX_CONSUMERS) {
		atomic_dec(&dtrace_nconsumers);
		return -EUSERS;
	}
	ret = dtrace_state_create(&state);
	if (ret) {
		atomic_dec(&dtrace_nconsumers);
		return ret;
	}
	file->private_data = state;
	return 0;
}

static int dtrace_dev_release(struct inode *inode, struct file *file)
{
	dtrace_state_destroy(file->private_data);
	atomic_dec(&dtrace_nconsumers);
	return 0;
}

static long dtrace_ioc_info(void __user *uarg)
{
	struct dtrace_ioc_info info;

	if (copy_from_user(&info, uarg, sizeof(info)))
		return -EFAULT;
	if (info.size != sizeof(info) || info.version != DTRACE_ABI_VERSION)
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	info.version = DTRACE_ABI_VERSION;
	info.abi_version = DTRACE_ABI_VERSION;
	info.platform = DTRACE_CFG_PLATFORM;
	strscpy(info.module_version, DTRACE_VERSION_STRING,
		sizeof(info.module_version));
	strscpy(info.kernel_release, UTS_RELEASE, sizeof(info.kernel_release));
	info.bufsize_default = DTRACE_CFG_BUFSIZE;
	info.aggsize_default = DTRACE_CFG_AGGSIZE;
	info.max_enablings = DTRACE_CFG_MAX_ENABLINGS;
	info.max_probes = DTRACE_CFG_MAX_PROBES;
	info.dif_maxlen = DTRACE_CFG_DIF_MAXLEN;
	info.dev_mode = DTRACE_CFG_DEV_MODE;
	info.dev_gid = DTRACE_CFG_DEV_GID;
	info.ncpus = num_possible_cpus();
	info.nprobes = dtrace_core_nprobes();
	info.profile_min_us = DTRACE_CFG_PROFILE_MIN_US;
	return copy_to_user(uarg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long dtrace_dev_ioctl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	if (cmd == DTRACEIOC_INFO)
		return dtrace_ioc_info(uarg);
	return dtrace_state_ioctl(file->private_data, cmd, uarg);
}

static const struct file_operations dtrace_dev_fops = {
	.owner		= THIS_MODULE,
	.open		= dtrace_dev_open,
	.release	= dtrace_dev_release,
	.unlocked_ioctl	= dtrace_dev_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice dtrace_miscdev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= DTRACE_DEVNAME,
	.fops	= &dtrace_dev_fops,
	.mode	= DTRACE_CFG_DEV_MODE,
};

static int dtrace_status_show(struct seq_file *m, void *unused)
{
	seq_printf(m, "version: %s\n", DTRACE_VERSION_STRING);
	seq_printf(m, "abi: %d\n", DTRACE_ABI_VERSION);
	seq_printf(m, "platform: %s\n", DTRACE_CFG_PLATFORM_NAME);
	seq_printf(m, "found: %s\n", dtrace_platform_found());
	seq_printf(m, "kernel: %s\n", UTS_RELEASE);
	seq_printf(m, "text_poke_selftest: %s\n", dtrace_selftest_result);
	seq_printf(m, "consumers: %d\n", atomic_read(&dtrace_nconsumers));
	seq_printf(m, "recursion_drops: %lld\n",
		   (long long)atomic64_read(&dtrace_recursion_drops));
	seq_printf(m, "bufsize_default: %llu\n", DTRACE_CFG_BUFSIZE);
	seq_printf(m, "aggsize_default: %llu\n", DTRACE_CFG_AGGSIZE);
	seq_printf(m, "max_enablings: %d\n", DTRACE_CFG_MAX_ENABLINGS);
	seq_printf(m, "max_probes: %d\n", DTRACE_CFG_MAX_PROBES);
	seq_printf(m, "dif_maxlen: %d\n", DTRACE_CFG_DIF_MAXLEN);
	seq_printf(m, "dev_mode: 0%o\n", DTRACE_CFG_DEV_MODE);
	seq_printf(m, "dev_gid: %d\n", DTRACE_CFG_DEV_GID);
	dtrace_core_status(m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(dtrace_status);

static struct dentry *dtrace_debugfs_dir;

/* debugfs files of providers (890-providers.c). */
static void dtrace_providers_debugfs(struct dentry *dir);

static int dtrace_dev_init(void)
{
	int ret = misc_register(&dtrace_miscdev);

	if (ret) {
		pr_err("cannot register /dev/%s (%d)\n", DTRACE_DEVNAME, ret);
		return ret;
	}
	/* debugfs is optional: failures leave the status file out. */
	dtrace_debugfs_dir = debugfs_create_dir("dtrace", NULL);
	debugfs_create_file("status", 0444, dtrace_debugfs_dir, NULL,
			    &dtrace_status_fops);
	dtrace_providers_debugfs(dtrace_debugfs_dir);
	return 0;
}

static void dtrace_dev_exit(void)
{
	debugfs_remove_recursive(dtrace_debugfs_dir);
	misc_deregister(&dtrace_miscdev);
}
