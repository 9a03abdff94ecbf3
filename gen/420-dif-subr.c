/* DIF runtime helpers (faults, scratch, safe reads) and the subroutines */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Probe context.  This fragment owns:
 *  - faults: dtrace_dif_fault() records the first fault of a firing in the
 *    mstate; the emulator stops at the instruction that raised it;
 *  - scratch: per-firing bump allocation in mstate->scratch (8-aligned);
 *    stores by DIF code are allowed only into its allocated part;
 *  - safe reads: memory the DIF layer owns (the firing's scratch, the
 *    running object's string table, the vstate) is read directly, bounded
 *    by its region; anything else through dtrace_load_kernel() or
 *    dtrace_load_user(), in pieces that do not cross a page;
 *  - dtrace_dif_copy_str/copy_mem for the framework;
 *  - every DIF_SUBR_* subroutine.  Arguments come from the tuple stack;
 *    the argument count is checked against each subroutine's range
 *    (ILLOP otherwise).  String results are written into scratch, at most
 *    strsize bytes with the NUL.  Functions that search strings
 *    (strstr, index, ...) copy their operands into scratch temporarily.
 *
 * Semantics follow the Dynamic Tracing Guide; the details the guide leaves
 * open follow what DTrace users observe (e.g. substr() with negative index
 * and length, lltostr() with a base, inet_ntop() zero compression).
 *
 * Calls: dtrace_load_kernel/user, dtrace_store_user (copyout,
 * copyoutstr), dtrace_rand64, dtrace_cur_progenyof,
 * dtrace_speculation_alloc, the vstate's per-CPU strtok state.
 */

#define DTRACE_PAGE	4096ULL

/* One tuple stack entry. */
struct dtrace_dif_tuple {
	u64 value;
	u64 size;			/* by-ref: bytes; strings: bound */
	u32 type;			/* DIF_TYPE_STRING, or CTF */
	bool byref;
};

/* What one emulation carries around. */
struct dtrace_dif_rt {
	struct dtrace_mstate *m;
	const struct dtrace_difo *difo;	/* NULL outside the emulator */
	struct dtrace_vstate *vs;
};

static void dtrace_dif_fault(struct dtrace_mstate *m, u32 fault, u64 illval)
{
	if (m->flags & DTRACE_MSTATE_FAULT)
		return;
	m->flags |= DTRACE_MSTATE_FAULT;
	m->fault = fault;
	m->illval = illval;
}

static inline bool dtrace_dif_faulted(const struct dtrace_mstate *m)
{
	return m->flags & DTRACE_MSTATE_FAULT;
}

static inline u32 dtrace_dif_strsize(const struct dtrace_mstate *m)
{
	return m->strsize ? m->strsize : DTRACE_STRSIZE_DEFAULT;
}

/* ---- scratch ------------------------------------------------------------ */

/* Allocate size bytes (zeroed) of scratch; NOSCRATCH fault on failure. */
static char *dtrace_scratch_alloc(struct dtrace_mstate *m, u64 size)
{
	u64 used = DTRACE_ALIGN8((u64)m->scratch_used);
	char *p;

	if (!m->scratch || used > m->scratch_size ||
	    size > m->scratch_size - used) {
		dtrace_dif_fault(m, DTRACEFLT_NOSCRATCH, size);
		return NULL;
	}
	p = m->scratch + used;
	m->scratch_used = used + size;
	memset(p, 0, size);
	return p;
}

/*
 * A string result is built in strsize bytes of scratch; once its length is
 * known, give back what it did not use if it is still the last allocation.
 */
static char *dtrace_scratch_str(struct dtrace_mstate *m)
{
	return dtrace_scratch_alloc(m, dtrace_dif_strsize(m));
}

static u64 dtrace_scratch_strdone(struct dtrace_mstate *m, char *s,
				  size_t len)
{
	size_t end = (size_t)(s - m->scratch) + dtrace_dif_strsize(m);

	/* e.g. "." with strsize 1 */
	if (len > dtrace_dif_strsize(m) - 1)
		len = dtrace_dif_strsize(m) - 1;
	s[len] = '\0';
	if (m->scratch_used == end)
		m->scratch_used = (size_t)(s - m->scratch) + len + 1;
	return (u64)(uintptr_t)s;
}

/* May DIF code store len bytes at addr? Only into allocated scratch. */
static bool dtrace_dif_canstore(const struct dtrace_mstate *m, u64 addr,
				u64 len)
{
	u64 b = (u64)(uintptr_t)m->scratch;

	return m->scratch && addr >= b && len <= m->scratch_used &&
	       addr - b <= m->scratch_used - len;
}

/* ---- safe reads ------------------------------------------------------- */

/* Is addr in memory the DIF layer owns?  *end: end of that region. */
static bool dtrace_dif_direct(const struct dtrace_mstate *m,
			      const struct dtrace_difo *difo, u64 addr,
			      u64 *end)
{
	u64 b = (u64)(uintptr_t)m->scratch;

	if (m->scratch && addr >= b && addr < b + m->scratch_size) {
		*end = b + m->scratch_size;
		return true;
	}
	if (difo && difo->strlen) {
		b = (u64)(uintptr_t)difo->strtab;
		if (addr >= b && addr < b + difo->strlen) {
			*end = b + difo->strlen;
			return true;
		}
	}
	return dtrace_vstate_region(m->vstate, addr, end);
}

/* Read len bytes at addr (kernel or DIF memory); 0 or -1 after a fault. */
static int dtrace_dif_rdmem(struct dtrace_dif_rt *rt, void *dst, u64 addr,
			    u64 len)
{
	u64 end;

	if (!len)
		return 0;
	if (dtrace_dif_direct(rt->m, rt->difo, addr, &end) &&
	    len <= end - addr) {
		memmove(dst, (const void *)(uintptr_t)addr, len);
		return 0;
	}
	if (dtrace_load_kernel(dst, addr, len)) {
		dtrace_dif_fault(rt->m, DTRACEFLT_BADADDR, addr);
		return -1;
	}
	return 0;
}

/*
 * Copy the string at addr into dst: at most max - 1 characters, then a
 * NUL.  A string in DIF-owned memory ends at the end of its region at the
 * latest.  Returns the length, or -1 after a fault (BADADDR).
 */
static long dtrace_dif_rdstr(struct dtrace_dif_rt *rt, char *dst, u64 addr,
			     u64 max, bool user)
{
	u64 n = 0, end, chunk, i;
	bool bytewise = false;
	u64 a;

	if (!max)
		return 0;
	while (n < max - 1) {
		a = addr + n;
		if (a < addr)
			goto bad;
		chunk = max - 1 - n;
		if (!user && dtrace_dif_direct(rt->m, rt->difo, a, &end)) {
			const char *s = (const char *)(uintptr_t)a;

			if (chunk > end - a)
				chunk = end - a;
			for (i = 0; i < chunk && s[i]; i++)
				dst[n + i] = s[i];
			n += i;
			if (i < chunk || a + chunk == end)
				break;
			continue;
		}
		if (chunk > DTRACE_PAGE - (a & (DTRACE_PAGE - 1)))
			chunk = DTRACE_PAGE - (a & (DTRACE_PAGE - 1));
		if (bytewise)
			chunk = 1;
		if (user ? dtrace_load_user(dst + n, a, chunk) :
			   dtrace_load_kernel(dst + n, a, chunk)) {
			/*
			 * The string may end before the memory that failed
			 * (an object next to a hole): go on byte by byte.
			 */
			if (chunk == 1)
				goto bad;
			bytewise = true;
			continue;
		}
		for (i = 0; i < chunk && dst[n + i]; i++)
			;
		n += i;
		if (i < chunk)
			break;
	}
	dst[n] = '\0';
	return (long)n;
bad:
	dst[n] = '\0';
	dtrace_dif_fault(rt->m, DTRACEFLT_BADADDR, addr + n);
	return -1;
}

/* A copy of the string at addr in scratch (strsize); NULL after a fault. */
static char *dtrace_dif_strtmp(struct dtrace_dif_rt *rt, u64 addr, long *len)
{
	char *s = dtrace_scratch_str(rt->m);

	if (!s)
		return NULL;
	*len = dtrace_dif_rdstr(rt, s, addr, dtrace_dif_strsize(rt->m), false);
	return *len < 0 ? NULL : s;
}

/* Compare two strings, bounded by strsize; sets a fault on bad memory. */
static int dtrace_dif_strcmp(struct dtrace_dif_rt *rt, u64 a1, u64 a2)
{
	char b1[65], b2[65];
	u64 off = 0, n, i, size = dtrace_dif_strsize(rt->m);
	long l1, l2;

	if (a1 == a2)
		return 0;
	if (!a1 || !a2)
		return a1 ? 1 : -1;
	while (off < size) {
		n = min_t(u64, 64, size - off);
		l1 = dtrace_dif_rdstr(rt, b1, a1 + off, n + 1, false);
		l2 = dtrace_dif_rdstr(rt, b2, a2 + off, n + 1, false);
		if (l1 < 0 || l2 < 0)
			return 0;
		for (i = 0; i < n; i++) {
			u8 c1 = b1[i], c2 = b2[i];

			if (c1 != c2)
				return c1 < c2 ? -1 : 1;
			if (!c1)
				return 0;
		}
		off += n;
	}
	return 0;
}

static void dtrace_dif_copy_str(char *dst, u64 addr, size_t strsize,
				struct dtrace_mstate *mstate)
{
	struct dtrace_dif_rt rt = { mstate, NULL, mstate->vstate };
	long n;

	if (!strsize)
		return;
	n = dtrace_dif_rdstr(&rt, dst, addr, strsize, false);
	if (n < 0)
		n = 0;
	memset(dst + n, 0, strsize - n);
}

static void dtrace_dif_copy_mem(void *dst, u64 addr, size_t len,
				struct dtrace_mstate *mstate)
{
	struct dtrace_dif_rt rt = { mstate, NULL, mstate->vstate };

	if (dtrace_dif_rdmem(&rt, dst, addr, len))
		memset(dst, 0, len);
}

/* ---- subroutines --------------------------------------------------------- */

static const struct {
	u8 min, max;
} dtrace_subr_nargs[DIF_SUBR_MAX + 1] = {
	[DIF_SUBR_RAND] = { 0, 0 },
	[DIF_SUBR_COPYIN] = { 2, 2 },
	[DIF_SUBR_COPYINSTR] = { 1, 2 },
	[DIF_SUBR_SPECULATION] = { 0, 0 },
	[DIF_SUBR_PROGENYOF] = { 1, 1 },
	[DIF_SUBR_STRLEN] = { 1, 1 },
	[DIF_SUBR_COPYOUT] = { 3, 3 },
	[DIF_SUBR_COPYOUTSTR] = { 3, 3 },
	[DIF_SUBR_ALLOCA] = { 1, 1 },
	[DIF_SUBR_BCOPY] = { 3, 3 },
	[DIF_SUBR_COPYINTO] = { 3, 3 },
	[DIF_SUBR_STRJOIN] = { 2, 2 },
	[DIF_SUBR_LLTOSTR] = { 1, 2 },
	[DIF_SUBR_BASENAME] = { 1, 1 },
	[DIF_SUBR_DIRNAME] = { 1, 1 },
	[DIF_SUBR_CLEANPATH] = { 1, 1 },
	[DIF_SUBR_STRCHR] = { 2, 2 },
	[DIF_SUBR_STRRCHR] = { 2, 2 },
	[DIF_SUBR_STRSTR] = { 2, 2 },
	[DIF_SUBR_STRTOK] = { 2, 2 },
	[DIF_SUBR_SUBSTR] = { 2, 3 },
	[DIF_SUBR_INDEX] = { 2, 3 },
	[DIF_SUBR_RINDEX] = { 2, 3 },
	[DIF_SUBR_HTONS] = { 1, 1 },
	[DIF_SUBR_HTONL] = { 1, 1 },
	[DIF_SUBR_HTONLL] = { 1, 1 },
	[DIF_SUBR_NTOHS] = { 1, 1 },
	[DIF_SUBR_NTOHL] = { 1, 1 },
	[DIF_SUBR_NTOHLL] = { 1, 1 },
	[DIF_SUBR_INET_NTOP] = { 2, 2 },
	[DIF_SUBR_INET_NTOA] = { 1, 1 },
	[DIF_SUBR_INET_NTOA6] = { 1, 1 },
	[DIF_SUBR_TOUPPER] = { 1, 1 },
	[DIF_SUBR_TOLOWER] = { 1, 1 },
	[DIF_SUBR_STRINGOF] = { 1, 1 },
	[DIF_SUBR_D_EXECARGS] = { 1, 1 },
};

/* Format v in base (2..36) as DTrace's lltostr does; returns the string. */
static u64 dtrace_dif_lltostr(struct dtrace_mstate *m, s64 v, u64 base)
{
	char tmp[72];
	char *s;
	int n = 0;
	u64 u;
	size_t len, size = dtrace_dif_strsize(m);

	if (base < 2 || base > 36) {
		dtrace_dif_fault(m, DTRACEFLT_ILLOP, base);
		return 0;
	}
	u = (base == 10 && v < 0) ? -(u64)v : (u64)v;
	do {
		u64 d = u % base;

		tmp[n++] = d < 10 ? '0' + d : 'a' + (d - 10);
		u /= base;
	} while (u);
	if (base == 16)
		tmp[n++] = 'x';
	if (base == 16 || (base == 8 && v != 0))
		tmp[n++] = '0';
	if (base == 10 && v < 0)
		tmp[n++] = '-';
	s = dtrace_scratch_str(m);
	if (!s)
		return 0;
	for (len = 0; n > 0 && len < size - 1; len++)
		s[len] = tmp[--n];
	return dtrace_scratch_strdone(m, s, len);
}

/* basename()/dirname() as basename(1)/dirname(1) see paths. */
static u64 dtrace_dif_pathpart(struct dtrace_dif_rt *rt, u64 addr, bool dir)
{
	struct dtrace_mstate *m = rt->m;
	long len, i, start, end;
	char *res, *s;

	res = dtrace_scratch_str(m);
	if (!res)
		return 0;
	s = dtrace_dif_strtmp(rt, addr, &len);
	if (!s)
		return 0;
	end = len;
	while (end > 1 && s[end - 1] == '/')	/* trailing slashes */
		end--;
	if (end == 0) {
		res[0] = '.';
		i = 1;
	} else if (end == 1 && s[0] == '/') {
		res[0] = '/';
		i = 1;
	} else {
		for (start = end; start > 0 && s[start - 1] != '/'; start--)
			;
		if (!dir) {
			i = end - start;
			memmove(res, s + start, i);
		} else if (start == 0) {
			res[0] = '.';
			i = 1;
		} else {
			while (start > 1 && s[start - 1] == '/')
				start--;
			i = start;
			memmove(res, s, i);
		}
	}
	m->scratch_used = (size_t)(res - m->scratch) + dtrace_dif_strsize(m);
	return dtrace_scratch_strdone(m, res, i);
}

/*
 * cleanpath(): textual clean-up of a path, without looking at any file
 * system: "//" becomes "/", "/./" goes, "x/../" goes with x.  A leading '/'
 * and a trailing '/' are kept.
 */
static u64 dtrace_dif_cleanpath(struct dtrace_dif_rt *rt, u64 addr)
{
	struct dtrace_mstate *m = rt->m;
	long len, i = 0, j = 0, c, k, base;
	bool abs, trail;
	char *res, *s;

	res = dtrace_scratch_str(m);
	if (!res)
		return 0;
	s = dtrace_dif_strtmp(rt, addr, &len);
	if (!s)
		return 0;
	abs = len > 0 && s[0] == '/';
	trail = len > 1 && s[len - 1] == '/';
	base = abs ? 1 : 0;
	if (abs)
		res[j++] = '/';
	/* The result is never longer than the input: no bound check needed. */
	while (i < len) {
		while (i < len && s[i] == '/')
			i++;
		for (c = i; c < len && s[c] != '/'; c++)
			;
		if (c == i)
			break;
		if (c - i == 1 && s[i] == '.') {
			i = c;
			continue;
		}
		if (c - i == 2 && s[i] == '.' && s[i + 1] == '.') {
			/* drop the previous component, if it is a name */
			for (k = j; k > base && res[k - 1] != '/'; k--)
				;
			if (k < j && !(j - k == 2 && res[k] == '.' &&
				       res[k + 1] == '.')) {
				j = k > base ? k - 1 : k;
				i = c;
				continue;
			}
			if (abs) {		/* "/.." is "/" */
				i = c;
				continue;
			}
		}
		if (j > base)
			res[j++] = '/';
		memcpy(res + j, s + i, c - i);
		j += c - i;
		i = c;
	}
	if (trail && j > base)
		res[j++] = '/';
	if (j == 0 && len > 0)
		res[j++] = '.';
	m->scratch_used = (size_t)(res - m->scratch) + dtrace_dif_strsize(m);
	return dtrace_scratch_strdone(m, res, j);
}

/* substr(s, index [, length]) with DTrace's treatment of negatives. */
static u64 dtrace_dif_substr(struct dtrace_dif_rt *rt,
			     const struct dtrace_dif_tuple *a, int nargs)
{
	struct dtrace_mstate *m = rt->m;
	s64 size = dtrace_dif_strsize(m);
	s64 idx = (s64)a[1].value, rem;
	long len;
	char *res = dtrace_scratch_str(m);

	if (!res)
		return 0;
	len = dtrace_dif_rdstr(rt, res, a[0].value, size, false);
	if (len < 0)
		return 0;
	rem = nargs == 3 ? (s64)a[2].value : size;
	/* len and size are small, so none of these can overflow */
	if (idx < 0) {
		idx += len;
		if (idx < 0 && rem > 0 && rem - 1 >= -(idx + 1)) {
			rem += idx;	/* what is left of the length */
			idx = 0;
		}
	}
	if (idx < 0 || idx >= len)
		rem = 0;
	else if (rem < 0)
		rem += len - idx;		/* negative: leave -rem off */
	else if (rem > size - idx)
		rem = size - idx;
	if (rem > 0 && rem > len - idx)
		rem = len - idx;
	if (rem > 0)
		memmove(res, res + idx, rem);
	else
		rem = 0;
	return dtrace_scratch_strdone(m, res, rem);
}

/* index()/rindex(): position of sub in s, or -1. */
static u64 dtrace_dif_index(struct dtrace_dif_rt *rt,
			    const struct dtrace_dif_tuple *a, int nargs,
			    bool rev)
{
	struct dtrace_mstate *m = rt->m;
	size_t mark = m->scratch_used;
	long len, sublen, pos;
	s64 result = -1, start;
	char *s, *sub;

	s = dtrace_dif_strtmp(rt, a[0].value, &len);
	if (!s)
		return 0;
	sub = dtrace_dif_strtmp(rt, a[1].value, &sublen);
	if (!sub)
		return 0;
	if (!rev) {
		start = nargs == 3 ? (s64)a[2].value : 0;
		if (start < 0)
			start = 0;
		if (start > len) {
			result = -1;
		} else {
			for (pos = start; pos + sublen <= len; pos++)
				if (!memcmp(s + pos, sub, sublen)) {
					result = pos;
					break;
				}
		}
	} else {
		start = nargs == 3 ? (s64)a[2].value : len;
		if (start < 0) {
			result = -1;
		} else {
			if (start > len - sublen)
				start = len - sublen;
			for (pos = start; pos >= 0; pos--)
				if (!memcmp(s + pos, sub, sublen)) {
					result = pos;
					break;
				}
		}
	}
	m->scratch_used = mark;
	return (u64)result;
}

/* strchr/strrchr/strstr: address inside the original string, or 0. */
static u64 dtrace_dif_strfind(struct dtrace_dif_rt *rt, u32 subr,
			      const struct dtrace_dif_tuple *a)
{
	struct dtrace_mstate *m = rt->m;
	size_t mark = m->scratch_used;
	long len, sublen, pos;
	u64 r = 0;
	char *s, *sub, c;

	s = dtrace_dif_strtmp(rt, a[0].value, &len);
	if (!s)
		return 0;
	if (subr == DIF_SUBR_STRSTR) {
		sub = dtrace_dif_strtmp(rt, a[1].value, &sublen);
		if (!sub)
			return 0;
		for (pos = 0; pos + sublen <= len; pos++)
			if (!memcmp(s + pos, sub, sublen)) {
				r = a[0].value + pos;
				break;
			}
	} else {
		c = (char)a[1].value;
		if (subr == DIF_SUBR_STRCHR) {
			for (pos = 0; pos <= len; pos++)
				if (s[pos] == c) {
					r = a[0].value + pos;
					break;
				}
		} else {
			for (pos = len; pos >= 0; pos--)
				if (s[pos] == c) {
					r = a[0].value + pos;
					break;
				}
		}
	}
	m->scratch_used = mark;
	return r;
}

/*
 * strtok(s, delims): the string is copied into the CPU's strtok buffer in
 * the vstate, so strtok(NULL, delims) continues even in a later clause.
 */
static u64 dtrace_dif_strtok(struct dtrace_dif_rt *rt,
			     const struct dtrace_dif_tuple *a)
{
	struct dtrace_mstate *m = rt->m;
	struct dtrace_vstate *vs = rt->vs;
	struct dtrace_vcpu *vc;
	size_t mark;
	long dlen, i, start;
	char *tok, *d, *res;
	u64 isdelim[4];			/* bitmap of delimiter bytes */

	if (!vs || m->cpu < 0 || (u32)m->cpu >= vs->ncpus) {
		dtrace_dif_fault(m, DTRACEFLT_ILLOP, 0);
		return 0;
	}
	vc = (struct dtrace_vcpu *)dtrace_vstate_cpu(vs, m->cpu);
	tok = (char *)vc + vs->off_tok;
	if (a[0].value) {
		if (dtrace_dif_rdstr(rt, tok, a[0].value, vs->strsize,
				     false) < 0) {
			vc->tok_valid = 0;
			return 0;
		}
		vc->tok_valid = 1;
		vc->tok_off = 0;
	}
	if (!vc->tok_valid)
		return 0;
	mark = m->scratch_used;
	d = dtrace_dif_strtmp(rt, a[1].value, &dlen);
	if (!d)
		return 0;
	memset(isdelim, 0, sizeof(isdelim));
	for (i = 0; i < dlen; i++)
		isdelim[(u8)d[i] >> 6] |= 1ULL << ((u8)d[i] & 63);
	m->scratch_used = mark;

	i = vc->tok_off;
#define DTRACE_ISDELIM(c) (isdelim[(u8)(c) >> 6] & (1ULL << ((u8)(c) & 63)))
	while (i < (long)vs->strsize && tok[i] && DTRACE_ISDELIM(tok[i]))
		i++;
	if (i >= (long)vs->strsize || !tok[i]) {
		vc->tok_valid = 0;
		return 0;
	}
	start = i;
	while (i < (long)vs->strsize && tok[i] && !DTRACE_ISDELIM(tok[i]))
		i++;
#undef DTRACE_ISDELIM
	vc->tok_off = (i < (long)vs->strsize && tok[i]) ? i + 1 : i;
	res = dtrace_scratch_str(m);
	if (!res)
		return 0;
	i -= start;
	if (i > (long)dtrace_dif_strsize(m) - 1)
		i = dtrace_dif_strsize(m) - 1;
	memcpy(res, tok + start, i);
	return dtrace_scratch_strdone(m, res, i);
}

/* Copy n bytes of kernel/DIF memory at src to user address dst. */
static void dtrace_dif_copyout(struct dtrace_dif_rt *rt, u64 src, u64 dst,
			       u64 n)
{
	u8 buf[64];
	u64 off, c;

	for (off = 0; off < n; off += c) {
		c = min_t(u64, sizeof(buf), n - off);
		if (dtrace_dif_rdmem(rt, buf, src + off, c))
			return;
		if (dst + off < dst || dtrace_store_user(dst + off, buf, c)) {
			dtrace_dif_fault(rt->m, DTRACEFLT_BADADDR, dst + off);
			return;
		}
	}
}

/*
 * Copy up to n bytes of user memory at src to dst, a page at a time;
 * returns the bytes copied: fewer than n when src + that many faults.
 */
static u64 dtrace_dif_copyin_upto(char *dst, u64 src, u64 n)
{
	u64 off, c;

	for (off = 0; off < n; off += c) {
		c = min_t(u64, n - off,
			  DTRACE_PAGE - ((src + off) & (DTRACE_PAGE - 1)));
		if (src + off < src ||
		    dtrace_load_user(dst + off, src + off, c))
			break;
	}
	return off;
}

/* Copy n bytes of user memory at src to DIF scratch at dst. */
static void dtrace_dif_copyin(struct dtrace_dif_rt *rt, char *dst, u64 src,
			      u64 n)
{
	u64 off = dtrace_dif_copyin_upto(dst, src, n);

	if (off < n)
		dtrace_dif_fault(rt->m, DTRACEFLT_BADADDR, src + off);
}

static size_t dtrace_dif_ntoa4(char *p, const u8 *b)
{
	size_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		u8 v = b[i];

		if (i)
			p[n++] = '.';
		if (v >= 100)
			p[n++] = '0' + v / 100;
		if (v >= 10)
			p[n++] = '0' + (v / 10) % 10;
		p[n++] = '0' + v % 10;
	}
	p[n] = '\0';
	return n;
}

/*
 * IPv6 text form as DTrace prints it: groups in lower-case hex without
 * leading zeros, the first longest run of zero groups (even a single one)
 * as "::", and IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d,
 * not :: or ::1) addresses with a dotted quad.
 */
static size_t dtrace_dif_ntoa6(char *p, const u8 *b)
{
	static const char hex[] = "0123456789abcdef";
	u16 g[8];
	int i, best = -1, bestlen = 0, run = 0, ngroups = 8;
	size_t n = 0;
	bool v4 = false;

	for (i = 0; i < 8; i++)
		g[i] = (u16)(b[2 * i] << 8 | b[2 * i + 1]);
	if (!g[0] && !g[1] && !g[2] && !g[3] && !g[4]) {
		if (g[5] == 0xffff)
			v4 = true;
		else if (!g[5] && (g[6] || g[7] > 1))
			v4 = true;
	}
	if (v4)
		ngroups = 6;
	for (i = 0; i < ngroups; i++) {
		if (g[i] == 0) {
			run++;
			if (run > bestlen) {
				bestlen = run;
				best = i - run + 1;
			}
		} else {
			run = 0;
		}
	}
	for (i = 0; i < ngroups; i++) {
		int sh, started = 0;

		if (i == best) {
			p[n++] = ':';
			if (i == 0)
				p[n++] = ':';
			i += bestlen - 1;
			continue;
		}
		for (sh = 12; sh >= 0; sh -= 4) {
			int d = (g[i] >> sh) & 0xf;

			if (d || started || sh == 0) {
				p[n++] = hex[d];
				started = 1;
			}
		}
		if (i < ngroups - 1 || v4)
			p[n++] = ':';
	}
	if (v4)
		n += dtrace_dif_ntoa4(p + n, b + 12);
	p[n] = '\0';
	return n;
}

static u64 dtrace_dif_inet(struct dtrace_dif_rt *rt, u64 af, u64 addr)
{
	struct dtrace_mstate *m = rt->m;
	char tmp[48];
	u8 b[16];
	size_t n;
	char *res;

	if (af == 2) {
		if (dtrace_dif_rdmem(rt, b, addr, 4))
			return 0;
		n = dtrace_dif_ntoa4(tmp, b);
	} else if (af == 10) {
		if (dtrace_dif_rdmem(rt, b, addr, 16))
			return 0;
		n = dtrace_dif_ntoa6(tmp, b);
	} else {
		dtrace_dif_fault(m, DTRACEFLT_ILLOP, af);
		return 0;
	}
	res = dtrace_scratch_str(m);
	if (!res)
		return 0;
	if (n > dtrace_dif_strsize(m) - 1)
		n = dtrace_dif_strsize(m) - 1;
	memcpy(res, tmp, n);
	return dtrace_scratch_strdone(m, res, n);
}

/*
 * d_execargs(t): the arguments task t was executed with, separated by
 * spaces, as ps(1) shows them (psinfo_t's pr_psargs), at most strsize - 1
 * bytes.  They live in the task's user memory, which probe context can
 * read only for the thread the probe fires in (dtrace_task_argrange);
 * for any other task, a kernel thread, or arguments that cannot be read
 * without a page fault, the result is the task's command name (comm).  A
 * bad task pointer is a BADADDR fault, as any load from it.
 */
static u64 dtrace_dif_execargs(struct dtrace_dif_rt *rt, u64 t)
{
	struct dtrace_mstate *m = rt->m;
	u64 start, end, n = 0, i;
	long len;
	char *s;

	s = dtrace_scratch_str(m);
	if (!s)
		return 0;
	if (dtrace_task_argrange(t, &start, &end)) {
		n = dtrace_dif_copyin_upto(s, start,
					   min_t(u64, end - start,
						 dtrace_dif_strsize(m) - 1));
		while (n && s[n - 1] == '\0')
			n--;
		for (i = 0; i < n; i++)
			if (s[i] == '\0')
				s[i] = ' ';
	}
	if (!n) {
		len = dtrace_dif_rdstr(rt, s, dtrace_task_comm_addr(t),
				       min_t(u64, DTRACE_TASK_COMM_LEN,
					     dtrace_dif_strsize(m)), false);
		if (len < 0)
			return 0;
		n = (u64)len;
	}
	return dtrace_scratch_strdone(m, s, n);
}

/* noinline: keeps the subroutines' buffers off the emulator's frame */
static noinline u64 dtrace_dif_subr(struct dtrace_dif_rt *rt, u32 subr,
				    const struct dtrace_dif_tuple *a,
				    int nargs)
{
	struct dtrace_mstate *m = rt->m;
	u64 size = dtrace_dif_strsize(m);
	long len, len2;
	char *s;
	u64 r = 0, i;

	if (subr > DIF_SUBR_MAX || nargs < dtrace_subr_nargs[subr].min ||
	    nargs > dtrace_subr_nargs[subr].max) {
		dtrace_dif_fault(m, DTRACEFLT_ILLOP, subr);
		return 0;
	}

	switch (subr) {
	case DIF_SUBR_RAND:
		return (u64)(s64)(s32)(dtrace_rand64() >> 32);

	case DIF_SUBR_COPYIN:
		s = dtrace_scratch_alloc(m, a[1].value);
		if (!s)
			return 0;
		dtrace_dif_copyin(rt, s, a[0].value, a[1].value);
		return (u64)(uintptr_t)s;

	case DIF_SUBR_COPYINTO:
		if (!dtrace_dif_canstore(m, a[2].value, a[1].value)) {
			dtrace_dif_fault(m, DTRACEFLT_BADADDR, a[2].value);
			return 0;
		}
		dtrace_dif_copyin(rt, (char *)(uintptr_t)a[2].value,
				  a[0].value, a[1].value);
		return 0;

	case DIF_SUBR_COPYINSTR:
		i = size;
		if (nargs == 2 && a[1].value < size)
			i = a[1].value + 1;
		s = dtrace_scratch_str(m);
		if (!s)
			return 0;
		len = dtrace_dif_rdstr(rt, s, a[0].value, i, true);
		if (len < 0)
			return 0;
		return dtrace_scratch_strdone(m, s, len);

	case DIF_SUBR_SPECULATION:
		return (u64)dtrace_speculation_alloc(m->state);

	case DIF_SUBR_PROGENYOF:
		return dtrace_cur_progenyof(a[0].value);

	case DIF_SUBR_STRLEN: {
		size_t mark = m->scratch_used;

		s = dtrace_dif_strtmp(rt, a[0].value, &len);
		m->scratch_used = mark;
		return s ? (u64)len : 0;
	}

	case DIF_SUBR_COPYOUT:
		dtrace_dif_copyout(rt, a[0].value, a[1].value, a[2].value);
		return 0;

	case DIF_SUBR_COPYOUTSTR: {
		size_t mark = m->scratch_used;

		s = dtrace_dif_strtmp(rt, a[0].value, &len);
		if (s) {
			u64 n = min_t(u64, (u64)len + 1, a[2].value);
			u64 dst = a[1].value;

			if (n && dtrace_store_user(dst, s, n))
				dtrace_dif_fault(m, DTRACEFLT_BADADDR, dst);
		}
		m->scratch_used = mark;
		return 0;
	}

	case DIF_SUBR_ALLOCA:
		return (u64)(uintptr_t)dtrace_scratch_alloc(m, a[0].value);

	case DIF_SUBR_BCOPY:
		if (!dtrace_dif_canstore(m, a[1].value, a[2].value)) {
			dtrace_dif_fault(m, DTRACEFLT_BADADDR, a[1].value);
			return 0;
		}
		dtrace_dif_rdmem(rt, (void *)(uintptr_t)a[1].value,
				 a[0].value, a[2].value);
		return 0;

	case DIF_SUBR_STRJOIN:
		s = dtrace_scratch_str(m);
		if (!s)
			return 0;
		len = dtrace_dif_rdstr(rt, s, a[0].value, size, false);
		if (len < 0)
			return 0;
		len2 = dtrace_dif_rdstr(rt, s + len, a[1].value, size - len,
					false);
		if (len2 < 0)
			return 0;
		return dtrace_scratch_strdone(m, s, len + len2);

	case DIF_SUBR_LLTOSTR:
		return dtrace_dif_lltostr(m, (s64)a[0].value,
					  nargs == 2 ? a[1].value : 10);

	case DIF_SUBR_D_EXECARGS:
		return dtrace_dif_execargs(rt, a[0].value);

	case DIF_SUBR_STRINGOF:
		if (a[0].type != DIF_TYPE_STRING)
			return dtrace_dif_lltostr(m, (s64)a[0].value, 10);
		s = dtrace_scratch_str(m);
		if (!s)
			return 0;
		len = dtrace_dif_rdstr(rt, s, a[0].value, size, false);
		if (len < 0)
			return 0;
		return dtrace_scratch_strdone(m, s, len);

	case DIF_SUBR_BASENAME:
	case DIF_SUBR_DIRNAME:
		return dtrace_dif_pathpart(rt, a[0].value,
					   subr == DIF_SUBR_DIRNAME);

	case DIF_SUBR_CLEANPATH:
		return dtrace_dif_cleanpath(rt, a[0].value);

	case DIF_SUBR_STRCHR:
	case DIF_SUBR_STRRCHR:
	case DIF_SUBR_STRSTR:
		return dtrace_dif_strfind(rt, subr, a);

	case DIF_SUBR_STRTOK:
		return dtrace_dif_strtok(rt, a);

	case DIF_SUBR_SUBSTR:
		return dtrace_dif_substr(rt, a, nargs);

	case DIF_SUBR_INDEX:
	case DIF_SUBR_RINDEX:
		return dtrace_dif_index(rt, a, nargs,
					subr == DIF_SUBR_RINDEX);

	case DIF_SUBR_HTONS:
	case DIF_SUBR_NTOHS:
		return __builtin_bswap16((u16)a[0].value);
	case DIF_SUBR_HTONL:
	case DIF_SUBR_NTOHL:
		return __builtin_bswap32((u32)a[0].value);
	case DIF_SUBR_HTONLL:
	case DIF_SUBR_NTOHLL:
		return __builtin_bswap64(a[0].value);

	case DIF_SUBR_INET_NTOP:
		return dtrace_dif_inet(rt, a[0].value, a[1].value);
	case DIF_SUBR_INET_NTOA:
		return dtrace_dif_inet(rt, 2, a[0].value);
	case DIF_SUBR_INET_NTOA6:
		return dtrace_dif_inet(rt, 10, a[0].value);

	case DIF_SUBR_TOUPPER:
	case DIF_SUBR_TOLOWER:
		s = dtrace_scratch_str(m);
		if (!s)
			return 0;
		len = dtrace_dif_rdstr(rt, s, a[0].value, size, false);
		if (len < 0)
			return 0;
		for (i = 0; i < (u64)len; i++) {
			if (subr == DIF_SUBR_TOUPPER && s[i] >= 'a' &&
			    s[i] <= 'z')
				s[i] -= 'a' - 'A';
			else if (subr == DIF_SUBR_TOLOWER && s[i] >= 'A' &&
				 s[i] <= 'Z')
				s[i] += 'a' - 'A';
		}
		return dtrace_scratch_strdone(m, s, len);
	}
	dtrace_dif_fault(m, DTRACEFLT_ILLOP, subr);
	return r;
}
