/* The dtrace provider: dtrace:::BEGIN, dtrace:::END, dtrace:::ERROR */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Three probes with empty module and function.  They are never fired by a
 * provider callback: 600-state.c fires BEGIN (GO) and END (STOP), and
 * 502-fire.c fires ERROR after a fault, each for the one consumer concerned
 * only (dtrace_probe_args with a state).  ERROR's arguments are DTrace's:
 * arg1 EPID, arg2 action index (0 = predicate), arg3 DIF offset, arg4
 * fault (DTRACEFLT_*), arg5 the offending address or value.
 *
 * Owns: the dtrace provider.  Calls: 320-provider.c.  Listed in the
 * provider table (890-providers.c).
 */

static struct dtrace_provider *dtrace_prov_dtrace;

static const struct dtrace_pops dtrace_prov_dtrace_ops = {
	.provide = NULL,	/* the three probes always exist */
};

static int dtrace_prov_dtrace_init(const struct dtrace_provider_def *def)
{
	static const char *const names[3] = { "BEGIN", "END", "ERROR" };
	u32 *ids[3] = { &dtrace_probeid_begin, &dtrace_probeid_end,
			&dtrace_probeid_error };
	int err, i;

	err = dtrace_register(def, &dtrace_prov_dtrace_ops, NULL,
			      &dtrace_prov_dtrace);
	if (err)
		return err;
	mutex_lock(&dtrace_lock);
	for (i = 0; i < 3; i++) {
		err = dtrace_probe_create(dtrace_prov_dtrace, "", "", names[i],
					  0, NULL, ids[i]);
		if (err)
			break;
	}
	mutex_unlock(&dtrace_lock);
	if (err) {
		dtrace_unregister(dtrace_prov_dtrace);
		dtrace_prov_dtrace = NULL;
		dtrace_probeid_begin = 0;
		dtrace_probeid_end = 0;
		dtrace_probeid_error = 0;
	}
	return err;
}

static void dtrace_prov_dtrace_exit(void)
{
	dtrace_unregister(dtrace_prov_dtrace);
	dtrace_prov_dtrace = NULL;
	dtrace_probeid_begin = 0;
	dtrace_probeid_end = 0;
	dtrace_probeid_error = 0;
}
