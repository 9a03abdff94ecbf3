/* Platform: writing kernel text, and the load-time self-test */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text patching on top of the platform primitives.  The bytes are written
 * through a second, writable mapping of the page that holds them (vmap of
 * that page with PAGE_KERNEL); the executable mapping stays read-only.
 * On native hardware the alias's page-table entries are written directly,
 * in a Xen PV guest the kernel's pv page-table operations make them
 * hypercalls: either way this code executes no privileged instruction and
 * never touches CR0.  dtrace_text_sync() (per platform) then makes every
 * CPU see the new bytes.
 *
 * Only module text (vmalloc space) is supported for now; kernel image
 * text will need the page behind __pa_symbol() when function-boundary
 * probes arrive.  Process context only: vmap() and the IPI may sleep.
 * Writers must follow the int3-first protocol when the code may be
 * running; the self-test patches a function that nothing else calls.
 */
static DEFINE_MUTEX(dtrace_text_mutex);

static int dtrace_text_poke(void *addr, const void *src, size_t len)
{
	unsigned long off = offset_in_page(addr);
	struct page *page;
	void *alias;

	might_sleep();
	if (!len || off + len > PAGE_SIZE)
		return -EINVAL;
	if (!is_vmalloc_addr(addr) &&
	    !((unsigned long)addr >= MODULES_VADDR &&
	      (unsigned long)addr < MODULES_END))
		return -EOPNOTSUPP;
	page = vmalloc_to_page(addr);
	if (!page)
		return -EFAULT;

	mutex_lock(&dtrace_text_mutex);
	alias = vmap(&page, 1, VM_MAP, PAGE_KERNEL);
	if (!alias) {
		mutex_unlock(&dtrace_text_mutex);
		return -ENOMEM;
	}
	memcpy((char *)alias + off, src, len);
	vunmap(alias);
	dtrace_text_sync();
	mutex_unlock(&dtrace_text_mutex);

	return memcmp(addr, src, len) ? -EIO : 0;
}

/*
 * The self-test target: returns a constant the compiler must load with
 * "mov $imm32, %eax" (b8 + imm32).  It is only ever called through a
 * volatile pointer, so the call cannot be folded.
 */
#define DTRACE_SELFTEST_MAGIC	0x5a17c0deU
#define DTRACE_SELFTEST_PATCHED	0x5a17c021U

static noinline u32 dtrace_selftest_target(void)
{
	return DTRACE_SELFTEST_MAGIC;
}

static u32 (*volatile dtrace_selftest_fn)(void) = dtrace_selftest_target;
static const char *dtrace_selftest_result = "not run";

static int dtrace_platform_selftest(void)
{
	u8 *text = (u8 *)dtrace_selftest_fn, *imm = NULL;
	u8 patched, orig;
	int i, ret;

	/* Find "mov $MAGIC, %eax" within the first bytes of the function. */
	for (i = 0; i + 5 <= 48; i++) {
		u32 v;

		memcpy(&v, &text[i + 1], sizeof(v));
		if (text[i] == 0xb8 && v == DTRACE_SELFTEST_MAGIC) {
			imm = &text[i + 1];
			break;
		}
	}
	if (!imm) {
		dtrace_selftest_result = "skipped (target not recognised)";
		pr_warn("text-poke self-test: unexpected code in target, skipped\n");
		return 0;
	}

	orig = imm[0];
	patched = DTRACE_SELFTEST_PATCHED & 0xff;
	ret = dtrace_text_poke(imm, &patched, 1);
	if (!ret && dtrace_selftest_fn() != DTRACE_SELFTEST_PATCHED)
		ret = -EIO;
	if (dtrace_text_poke(imm, &orig, 1) || ret) {
		dtrace_selftest_result = "FAILED";
		pr_err("text-poke self-test failed (%d)\n", ret ? ret : -EIO);
		return ret ? ret : -EIO;
	}
	if (dtrace_selftest_fn() != DTRACE_SELFTEST_MAGIC) {
		dtrace_selftest_result = "FAILED (restore)";
		pr_err("text-poke self-test: restore failed\n");
		return -EIO;
	}
	dtrace_selftest_result = "passed";
	return 0;
}
