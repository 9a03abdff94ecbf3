/* The dtrace_test provider: probes that come and go at run time (tests) */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Providers of the real world come and go: a module that carries probes
 * is loaded and unloaded while consumers run.  This provider lets the test
 * suite drive exactly those framework paths (dtrace_probe_create,
 * dtrace_probe_destroy, dtrace_register, dtrace_unregister) from user
 * space, through the debugfs file dtrace/test.  One command per write:
 *
 *   add NAME               create dtrace_test:::NAME (EEXIST if it exists)
 *   fire PATTERN [ARG...]  fire every probe whose name matches the glob
 *                          PATTERN, arg0..arg4 = ARG... (ENOENT: none)
 *   remove PATTERN         remove the matching probes (ENOENT: none)
 *   failenable PATTERN     make enabling the matching probes fail with EIO
 *                          (the framework's undo paths; ENOENT: none)
 *   register               register the provider again (EEXIST)
 *   unregister             remove the provider and all its probes (ENODEV)
 *
 * The provider is registered at load, without probes.  Reading the file
 * shows whether it is registered, how often the framework called its
 * enable, disable and destroy operations (and how many enables it failed
 * on purpose), and each probe: name, ID and whether it is enabled.
 *
 * Lifetime.  The probes are on an RCU list.  "fire" walks it under
 * rcu_read_lock() and calls dtrace_probe() with the ID it finds there, as
 * a real provider's probe site does with the ID in its own structure, so
 * firing runs concurrently with removal (another CPU, or a writer that
 * does not take the lock).  Removal takes the probe off that list first,
 * then calls dtrace_probe_destroy (or dtrace_unregister), whose grace
 * period covers every walker that could still see it; the framework then
 * calls destroy, which frees the structure.  The framework does not hand
 * the ID to another probe before that (320-provider.c).
 *
 * Locking: dtrace_test_lock serialises the commands and comes before
 * dtrace_lock.  The operations the framework calls (enable and disable
 * under dtrace_lock, destroy after a grace period, possibly under
 * dtrace_test_lock) take no lock.
 *
 * Compiled only with CONFIG_DTRACE_PROVIDER_TEST; its row in the provider
 * table (890-providers.c) names it dtrace_test.
 * Owns: the dtrace_test provider, debugfs dtrace/test.  Calls: 310, 320,
 * dtrace_probe().
 */
#if IS_ENABLED(CONFIG_DTRACE_PROVIDER_TEST)

#define DTRACE_TEST_CMDMAX	256
#define DTRACE_TEST_NARGS	5

struct dtrace_testprobe {
	struct list_head link;		/* dtrace_test_probes (RCU) */
	u32 id;
	bool enabled;			/* between enable and disable */
	bool failenable;		/* enable fails with -EIO */
	char name[DTRACE_NAMELEN];
};

static DEFINE_MUTEX(dtrace_test_lock);
static LIST_HEAD(dtrace_test_probes);
static struct dtrace_provider *dtrace_prov_test;	/* NULL: unregistered */
static atomic_t dtrace_test_nenable = ATOMIC_INIT(0);
static atomic_t dtrace_test_ndisable = ATOMIC_INIT(0);
static atomic_t dtrace_test_ndestroy = ATOMIC_INIT(0);
static atomic_t dtrace_test_nfailed = ATOMIC_INIT(0);

static int dtrace_test_enable(void *arg, u32 id, void *parg)
{
	struct dtrace_testprobe *tp = parg;

	if (READ_ONCE(tp->failenable)) {
		atomic_inc(&dtrace_test_nfailed);
		return -EIO;
	}
	WRITE_ONCE(tp->enabled, true);
	atomic_inc(&dtrace_test_nenable);
	return 0;
}

static void dtrace_test_disable(void *arg, u32 id, void *parg)
{
	struct dtrace_testprobe *tp = parg;

	WRITE_ONCE(tp->enabled, false);
	atomic_inc(&dtrace_test_ndisable);
}

static void dtrace_test_destroy(void *arg, u32 id, void *parg)
{
	kfree(parg);
	atomic_inc(&dtrace_test_ndestroy);
}

static const struct dtrace_pops dtrace_test_ops = {
	.provide = NULL,	/* probes are made by "add" only */
	.enable = dtrace_test_enable,
	.disable = dtrace_test_disable,
	.destroy = dtrace_test_destroy,
};

static const struct dtrace_provider_def *dtrace_test_def;

/* dtrace_test_lock held. */
static int dtrace_test_register(void)
{
	lockdep_assert_held(&dtrace_test_lock);
	if (dtrace_prov_test)
		return -EEXIST;
	return dtrace_register(dtrace_test_def, &dtrace_test_ops, NULL,
			       &dtrace_prov_test);
}

/* dtrace_test_lock held. */
static int dtrace_test_unregister(void)
{
	struct dtrace_provider *prov = dtrace_prov_test;
	struct dtrace_testprobe *tp, *n;

	lockdep_assert_held(&dtrace_test_lock);
	if (!prov)
		return -ENODEV;
	list_for_each_entry_safe(tp, n, &dtrace_test_probes, link)
		list_del_rcu(&tp->link);
	dtrace_prov_test = NULL;
	/* Waits for firing walkers, then destroy frees each probe. */
	dtrace_unregister(prov);
	return 0;
}

static int dtrace_test_add(const char *name)
{
	struct dtrace_testprobe *tp;
	int err;

	if (!*name || dtrace_glob_is_pattern(name))
		return -EINVAL;
	tp = kzalloc(sizeof(*tp), GFP_KERNEL);
	if (!tp)
		return -ENOMEM;
	if (strscpy(tp->name, name, sizeof(tp->name)) < 0) {
		kfree(tp);
		return -ENAMETOOLONG;
	}
	mutex_lock(&dtrace_test_lock);
	if (!dtrace_prov_test) {
		err = -ENODEV;
	} else {
		mutex_lock(&dtrace_lock);
		err = dtrace_probe_create(dtrace_prov_test, "", "", tp->name,
					  0, tp, &tp->id);
		mutex_unlock(&dtrace_lock);
	}
	if (!err)
		list_add_tail_rcu(&tp->link, &dtrace_test_probes);
	mutex_unlock(&dtrace_test_lock);
	if (err)
		kfree(tp);
	return err;
}

static int dtrace_test_remove(const char *pat)
{
	struct dtrace_testprobe *tp, *n;
	int found = 0;

	mutex_lock(&dtrace_test_lock);
	list_for_each_entry_safe(tp, n, &dtrace_test_probes, link) {
		if (!dtrace_glob_match(pat, tp->name))
			continue;
		list_del_rcu(&tp->link);
		found++;
		/* Waits for firing walkers, then destroy frees tp. */
		if (dtrace_probe_destroy(dtrace_prov_test, tp->id)) {
			/* Not the framework's probe: cannot happen. */
			synchronize_rcu();
			kfree(tp);
		}
	}
	mutex_unlock(&dtrace_test_lock);
	return found ? 0 : -ENOENT;
}

static int dtrace_test_failenable(const char *pat)
{
	struct dtrace_testprobe *tp;
	int found = 0;

	mutex_lock(&dtrace_test_lock);
	list_for_each_entry(tp, &dtrace_test_probes, link) {
		if (!dtrace_glob_match(pat, tp->name))
			continue;
		WRITE_ONCE(tp->failenable, true);
		found++;
	}
	mutex_unlock(&dtrace_test_lock);
	return found ? 0 : -ENOENT;
}

/* No lock: races with add, remove and unregister on purpose. */
static int dtrace_test_fire(const char *pat, const u64 *args)
{
	struct dtrace_testprobe *tp;
	int found = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(tp, &dtrace_test_probes, link) {
		if (!dtrace_glob_match(pat, tp->name))
			continue;
		dtrace_probe(tp->id, args[0], args[1], args[2], args[3],
			     args[4]);
		found++;
	}
	rcu_read_unlock();
	return found ? 0 : -ENOENT;
}

/* One command (a NUL-terminated, writable line). */
static int dtrace_test_command(char *line)
{
	char *tok[2 + DTRACE_TEST_NARGS];
	u64 args[DTRACE_TEST_NARGS] = { 0 };
	char *s = strim(line), *t;
	int n = 0, i, err;

	while ((t = strsep(&s, " \t")) != NULL) {
		if (!*t)
			continue;
		if (n == ARRAY_SIZE(tok))
			return -E2BIG;
		tok[n++] = t;
	}
	if (!n)
		return -EINVAL;

	if (!strcmp(tok[0], "fire") && n >= 2) {
		for (i = 2; i < n; i++) {
			s64 v;

			err = kstrtou64(tok[i], 0, &args[i - 2]);
			if (err) {
				err = kstrtos64(tok[i], 0, &v);
				if (err)
					return err;
				args[i - 2] = (u64)v;
			}
		}
		return dtrace_test_fire(tok[1], args);
	}
	if (!strcmp(tok[0], "add") && n == 2)
		return dtrace_test_add(tok[1]);
	if (!strcmp(tok[0], "remove") && n == 2)
		return dtrace_test_remove(tok[1]);
	if (!strcmp(tok[0], "failenable") && n == 2)
		return dtrace_test_failenable(tok[1]);
	if (n != 1)
		return -EINVAL;
	if (strcmp(tok[0], "register") && strcmp(tok[0], "unregister"))
		return -EINVAL;
	mutex_lock(&dtrace_test_lock);
	if (!strcmp(tok[0], "register"))
		err = dtrace_test_register();
	else
		err = dtrace_test_unregister();
	mutex_unlock(&dtrace_test_lock);
	return err;
}

static ssize_t dtrace_test_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	char buf[DTRACE_TEST_CMDMAX];
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	err = dtrace_test_command(buf);
	return err ? err : (ssize_t)len;
}

static int dtrace_test_show(struct seq_file *m, void *unused)
{
	struct dtrace_testprobe *tp;

	mutex_lock(&dtrace_test_lock);
	seq_printf(m, "provider: %s\n",
		   dtrace_prov_test ? "registered" : "unregistered");
	seq_printf(m, "enable: %d\ndisable: %d\ndestroy: %d\nfailed: %d\n",
		   atomic_read(&dtrace_test_nenable),
		   atomic_read(&dtrace_test_ndisable),
		   atomic_read(&dtrace_test_ndestroy),
		   atomic_read(&dtrace_test_nfailed));
	list_for_each_entry(tp, &dtrace_test_probes, link)
		seq_printf(m, "probe: %s %u %s\n", tp->name, tp->id,
			   READ_ONCE(tp->enabled) ? "enabled" : "disabled");
	mutex_unlock(&dtrace_test_lock);
	return 0;
}

static int dtrace_test_open(struct inode *inode, struct file *file)
{
	return single_open(file, dtrace_test_show, NULL);
}

static const struct file_operations dtrace_test_fops = {
	.owner		= THIS_MODULE,
	.open		= dtrace_test_open,
	.read		= seq_read,
	.write		= dtrace_test_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

static int dtrace_prov_test_init(const struct dtrace_provider_def *def)
{
	int err;

	mutex_lock(&dtrace_test_lock);
	dtrace_test_def = def;
	err = dtrace_test_register();
	mutex_unlock(&dtrace_test_lock);
	return err;
}

static void dtrace_prov_test_exit(void)
{
	mutex_lock(&dtrace_test_lock);
	dtrace_test_unregister();
	mutex_unlock(&dtrace_test_lock);
}

static void dtrace_prov_test_debugfs(struct dentry *dir)
{
	debugfs_create_file("test", 0600, dir, NULL, &dtrace_test_fops);
}

#endif
