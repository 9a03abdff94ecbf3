/* DIF variables: globals, clause-locals, thread-locals, associative arrays */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct dtrace_vstate holds all the D variables of one consumer.  Its
 * sizes come from the enabling header (ngvars, ntvars, nlvars, strsize,
 * dynvarsize) and everything is allocated in dtrace_vstate_create(),
 * process context; probe context only uses what is there.
 *
 *  - Global scalars: ngvars slots of DTRACE_VSLOT(strsize) bytes, each big
 *    enough for an integer (8 bytes) or a string (strsize bytes), so a
 *    slot's type (from each DIF object's variable table) never matters for
 *    memory safety.  Shared by all CPUs; concurrent stores race as in
 *    DTrace.
 *  - Per CPU: nlvars clause-local slots, the strtok() state, and two
 *    scratch buffers the emulator builds keys and string values in.  Probe
 *    context runs with interrupts masked and the recursion guard held, so a
 *    CPU's area has one user at a time.
 *    Clause-locals live for one probe firing, as the Dynamic Tracing Guide
 *    has it: the clauses of one firing share them (this->x set in one
 *    clause is seen by the next) and a new firing starts from zero.  A
 *    firing is recognised on its CPU by (timestamp, probe ID) from the
 *    mstate, both the same for every clause of one firing; the slots are
 *    zeroed at the first clause-local access of a new firing.
 *  - Dynamic variables (thread-locals and associative arrays): a single
 *    region of dynvarsize bytes, carved into chunks of power-of-two size
 *    classes with one free list per class, and a hash table of chains.
 *    Each entry holds a 'vkey' (scope, kind, variable ID), the key bytes
 *    (thread-locals: tid and task address first; arrays: the encoded tuple)
 *    and the value (8 bytes, strsize for strings, or the type's size for
 *    by-reference objects such as structs).  Storing 0 (or "") deletes
 *    the entry and returns its chunk to its free list; storing a struct
 *    never deletes (an all-zero struct is a value like any other).  When
 *    no chunk is free the store is dropped and counted (dyndrops).
 *  - A store through an address (DIF's st*, copys) into a global or
 *    clause-local slot must lie inside the variable that owns the slot:
 *    its first refsize bytes, where refsize is the by-reference size the
 *    enabling's variable tables give it (a struct, an array such as
 *    "int a[5]", a string) and 0 for an integer (never addressed).  So
 *    a[i] = 1 with i out of range faults with BADADDR and the address, as
 *    DTrace's dtrace_canstore() refuses a store outside every static
 *    variable's storage; it never lands in a neighbour's slot.
 *  - By-reference values (structs, unions) of global scalars,
 *    clause-locals, thread-locals and array elements are at most
 *    max(8, strsize) bytes, the size of a scalar slot (the validator, 400,
 *    refuses larger ones).  A load of a by-reference thread-local or array
 *    element returns the address of the entry's value, and DIF code may
 *    then store through that address (p.a = 1 is a load of p and a store
 *    at p + offsetof(a)).  Such a store is checked and done under the lock
 *    (dtrace_dynvar_storeat): a per-64-byte map of the space gives the
 *    chunk an address lies in, and the store must fall inside the value of
 *    a live by-reference entry, never in a header, a key, a free chunk or
 *    another kind of value.
 *    Thread-locals of exited threads are not reclaimed: D scripts delete
 *    them (self->x = 0); a leftover entry only costs space.  The key has
 *    both the tid and the task address, so a recycled tid alone does not
 *    see a dead thread's values.
 *
 * Locking: the dynamic region and its hash table are protected by one
 * arch_spinlock_t per consumer, taken with interrupts masked
 * (dtrace_intr_save) and only by trylock with a bounded spin, so even a
 * bug that re-entered it on the same CPU would drop, not deadlock (a
 * failure to get it counts as a drop, reported as "dirty").  Nothing
 * inside the lock reads untrusted memory or calls out: keys and values are
 * built in the CPU's buffers first.  Entries are never freed back to the
 * kernel while tracing, so an address of a value handed to DIF code stays
 * readable memory even if another CPU deletes the entry.
 *
 * Calls: vzalloc/vfree, memcpy/memset/memcmp, dtrace_intr_save/restore,
 * arch_spin_trylock/unlock.
 */

#define DTRACE_STRSIZE_DEFAULT	256
#define DTRACE_STRSIZE_MAX	65536
#define DTRACE_DYNVAR_DEFAULT	(1024 * 1024)
#define DTRACE_DYNVAR_MAX	(1024ULL * 1024 * 1024)
#define DTRACE_VSTATE_MAX	(256ULL * 1024 * 1024)	/* globals; locals */
#define DTRACE_DYN_NCLASS	27	/* chunk sizes 64 << 0 .. 64 << 26 */
#define DTRACE_DYN_LOCKSPIN	(1U << 22)

/* Bytes of one scalar variable slot: an integer or a string. */
#define DTRACE_VSLOT(strsize)	DTRACE_ALIGN8(max_t(u32, 8, (strsize)))

/* vkey: what an entry belongs to. */
#define DTRACE_VKEY(scope, array, id) \
	(((u32)(scope) << 24) | ((u32)(!!(array)) << 16) | ((u32)(id) & 0xffff))

struct dtrace_dynent {
	u32 next;			/* offset of next in chain/free list */
	u32 hash;
	u32 vkey;
	u32 keylen;
	u32 vsize;
	u16 cls;
	u16 flags;			/* DTRACE_DYNF_* */
	/* key bytes, padded to 8, then the value, padded to 8 */
};

#define DTRACE_DYNF_BYREF	0x1	/* value is a by-reference object */

/* At the start of each CPU's area. */
struct dtrace_vcpu {
	u32 tok_valid;			/* strtok() has a string */
	u32 tok_off;			/* where the next search starts */
	u64 fire_ts;			/* firing the clause-locals belong to */
	u32 fire_probe;
	u32 fire_valid;
};

struct dtrace_vstate {
	u32 strsize;
	u32 slot;			/* bytes per scalar slot */
	u32 ngvars, ntvars, nlvars;
	u32 ncpus;
	char *gvars;			/* ngvars * slot */
	u32 *grefsize;			/* ngvars: bytes a store may touch */
	u32 *lrefsize;			/* nlvars: the same for clause-locals */
	size_t gsize;
	char *pcpu;			/* ncpus * stride */
	size_t stride, pcpu_size;
	size_t off_lvars, off_tok, off_key, off_val;
	u32 keymax;			/* bytes of the key buffer */
	char *dyn;			/* dynamic region */
	u32 dynsize;
	u32 bump;			/* first never-used byte of dyn */
	u32 *buckets;
	u32 nbuckets;			/* a power of two */
	u32 *chunkmap;			/* per 64 bytes of dyn: its chunk */
	u32 freel[DTRACE_DYN_NCLASS];
	arch_spinlock_t lock;
	u64 drops, drops_dirty;
};

/*
 * Allocations whose size the consumer chooses: zeroed, -ENOMEM, no
 * warning, charged to its memory cgroup (030-util.h).
 */
#define DTRACE_GFP_USER_SIZED	(DTRACE_GFP_CONSUMER | __GFP_ZERO)

static int dtrace_vstate_create(const struct dtrace_enable_hdr *hdr,
				struct dtrace_vstate **out)
{
	struct dtrace_vstate *vs;
	u64 strsize = hdr->strsize ? hdr->strsize : DTRACE_STRSIZE_DEFAULT;
	u64 dynsize = hdr->dynvarsize ? hdr->dynvarsize : DTRACE_DYNVAR_DEFAULT;
	u64 slot, keymax, stride, g, l;
	u32 nb;

	*out = NULL;
	/* a small dynvarsize is rounded up, as DTrace rounds to its minimum */
	if (dynsize < 4096)
		dynsize = 4096;
	if (strsize > DTRACE_STRSIZE_MAX || dynsize > DTRACE_DYNVAR_MAX)
		return -EINVAL;
	if (hdr->ngvars > DIF_VAR_OTHER_MAX - DIF_VAR_OTHER_UBASE + 1 ||
	    hdr->ntvars > DIF_VAR_OTHER_MAX - DIF_VAR_OTHER_UBASE + 1 ||
	    hdr->nlvars > DIF_VAR_OTHER_MAX - DIF_VAR_OTHER_UBASE + 1)
		return -EINVAL;
	slot = DTRACE_VSLOT(strsize);
	/* tid + task, then up to DIF_DTR_NREGS items of 4 + strsize bytes */
	keymax = DTRACE_ALIGN8(16 + DIF_DTR_NREGS * (4 + slot) + 8);
	g = hdr->ngvars * slot;
	l = hdr->nlvars * slot;
	stride = DTRACE_ALIGN8(sizeof(struct dtrace_vcpu)) + l + slot + keymax +
		 slot;
	if (g > DTRACE_VSTATE_MAX || stride * nr_cpu_ids > DTRACE_VSTATE_MAX)
		return -E2BIG;

	vs = kzalloc(sizeof(*vs), GFP_KERNEL);
	if (!vs)
		return -ENOMEM;
	vs->strsize = strsize;
	vs->slot = slot;
	vs->ngvars = hdr->ngvars;
	vs->ntvars = hdr->ntvars;
	vs->nlvars = hdr->nlvars;
	vs->ncpus = nr_cpu_ids;
	vs->keymax = keymax;
	vs->gsize = g;
	vs->stride = stride;
	vs->pcpu_size = stride * vs->ncpus;
	vs->off_lvars = DTRACE_ALIGN8(sizeof(struct dtrace_vcpu));
	vs->off_tok = vs->off_lvars + l;
	vs->off_key = vs->off_tok + slot;
	vs->off_val = vs->off_key + keymax;
	vs->dynsize = dynsize;
	vs->bump = 64;			/* offset 0 means "none" */
	for (nb = 64; nb < dynsize / 256 && nb < (1U << 22); nb <<= 1)
		;
	vs->nbuckets = nb;
	vs->lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;

	/*
	 * Sizes come from the consumer (dynvarsize, strsize, variable
	 * counts): a failure is -ENOMEM for the enabling, never an
	 * allocator warning.
	 */
	vs->gvars = __vmalloc(max_t(u64, g, 8), DTRACE_GFP_USER_SIZED);
	vs->pcpu = __vmalloc(vs->pcpu_size, DTRACE_GFP_USER_SIZED);
	vs->dyn = __vmalloc(dynsize, DTRACE_GFP_USER_SIZED);
	vs->buckets = __vmalloc((size_t)nb * sizeof(u32), DTRACE_GFP_USER_SIZED);
	/* one entry per started 64 bytes: storeat looks up any offset */
	vs->chunkmap = __vmalloc((size_t)DIV_ROUND_UP(dynsize, 64) * sizeof(u32),
				 DTRACE_GFP_USER_SIZED);
	vs->grefsize = __vmalloc(max_t(u64, hdr->ngvars, 1) * sizeof(u32),
				 DTRACE_GFP_USER_SIZED);
	vs->lrefsize = __vmalloc(max_t(u64, hdr->nlvars, 1) * sizeof(u32),
				 DTRACE_GFP_USER_SIZED);
	if (!vs->gvars || !vs->pcpu || !vs->dyn || !vs->buckets ||
	    !vs->chunkmap || !vs->grefsize || !vs->lrefsize) {
		dtrace_vstate_destroy(vs);
		return -ENOMEM;
	}
	*out = vs;
	return 0;
}

static void dtrace_vstate_destroy(struct dtrace_vstate *vs)
{
	if (!vs)
		return;
	vfree(vs->gvars);
	vfree(vs->pcpu);
	vfree(vs->dyn);
	vfree(vs->buckets);
	vfree(vs->chunkmap);
	vfree(vs->grefsize);
	vfree(vs->lrefsize);
	kfree(vs);
}

static inline char *dtrace_vstate_cpu(struct dtrace_vstate *vs, int cpu)
{
	return vs->pcpu + (size_t)cpu * vs->stride;
}

/*
 * A clause is about to run on cpu.  Clause-locals persist across the
 * clauses of one probe firing (see above), so there is nothing to reset
 * here: the first access in a new firing clears them.
 */
static void dtrace_vstate_clause_begin(struct dtrace_vstate *vs, int cpu)
{
}

static void dtrace_vstate_drops(struct dtrace_vstate *vs, u64 *dyndrops,
				u64 *rinse, u64 *dirty)
{
	*dyndrops = vs ? READ_ONCE(vs->drops) + READ_ONCE(vs->drops_dirty) : 0;
	*rinse = 0;
	*dirty = vs ? READ_ONCE(vs->drops_dirty) : 0;
}

/* Slot of global user variable id (already range-checked), or NULL. */
static inline char *dtrace_vstate_gvar(struct dtrace_vstate *vs, u32 id)
{
	id -= DIF_VAR_OTHER_UBASE;
	return id < vs->ngvars ? vs->gvars + (size_t)id * vs->slot : NULL;
}

/* Slot of clause-local id for the firing (ts, probe) on cpu, or NULL. */
static inline char *dtrace_vstate_lvar(struct dtrace_vstate *vs, int cpu,
				       u64 ts, u32 probe, u32 id)
{
	struct dtrace_vcpu *vc;
	char *l;

	id -= DIF_VAR_OTHER_UBASE;
	if (id >= vs->nlvars || cpu < 0 || (u32)cpu >= vs->ncpus)
		return NULL;
	vc = (struct dtrace_vcpu *)dtrace_vstate_cpu(vs, cpu);
	l = (char *)vc + vs->off_lvars;
	if (!vc->fire_valid || vc->fire_ts != ts || vc->fire_probe != probe) {
		memset(l, 0, (size_t)vs->nlvars * vs->slot);
		vc->fire_ts = ts;
		vc->fire_probe = probe;
		vc->fire_valid = 1;
	}
	return l + (size_t)id * vs->slot;
}

/*
 * If addr lies in memory the vstate owns, return true and set *end to the
 * end of that region: the DIF layer reads it directly.
 */
static bool dtrace_vstate_region(const struct dtrace_vstate *vs, u64 addr,
				 u64 *end)
{
	u64 b;

	if (!vs)
		return false;
	b = (u64)(uintptr_t)vs->gvars;
	if (addr >= b && addr < b + vs->gsize) {
		*end = b + vs->gsize;
		return true;
	}
	b = (u64)(uintptr_t)vs->pcpu;
	if (addr >= b && addr < b + vs->pcpu_size) {
		*end = b + vs->pcpu_size;
		return true;
	}
	b = (u64)(uintptr_t)vs->dyn;
	if (addr >= b && addr < b + vs->dynsize) {
		*end = b + vs->dynsize;
		return true;
	}
	return false;
}

/*
 * Note the by-reference sizes of the global and clause-local variables a
 * DIF object names (process context, before tracing starts: enablings are
 * refused once it has).  The validator (400) has checked every entry's
 * scope, id and size (at most a slot).  If two objects disagree, the
 * larger size is kept: still inside the slot.
 */
static void dtrace_vstate_addvars(struct dtrace_vstate *vs,
				  const struct dtrace_difo *d)
{
	u32 i, id, size, *ref;

	for (i = 0; vs && i < d->varlen; i++) {
		const struct dtrace_difv *v = &d->vartab[i];

		if (v->kind != DIFV_KIND_SCALAR || v->id < DIF_VAR_OTHER_UBASE)
			continue;
		id = v->id - DIF_VAR_OTHER_UBASE;
		if (v->scope == DIFV_SCOPE_GLOBAL && id < vs->ngvars)
			ref = &vs->grefsize[id];
		else if (v->scope == DIFV_SCOPE_LOCAL && id < vs->nlvars)
			ref = &vs->lrefsize[id];
		else
			continue;
		if (v->type.kind == DIF_TYPE_STRING)
			size = vs->strsize;
		else if (v->type.flags & DIF_TF_BYREF)
			size = v->type.size;
		else
			size = 0;
		*ref = max_t(u32, *ref, min_t(u32, size, vs->slot));
	}
}

/* Is [addr, addr + len) inside the first refsize[i] bytes of slot i? */
static bool dtrace_vstate_inslot(const struct dtrace_vstate *vs, u64 b,
				 u32 nslots, const u32 *refsize, u64 addr,
				 u64 len)
{
	u64 off, i;

	if (addr < b || addr - b >= (u64)nslots * vs->slot)
		return false;
	i = (addr - b) / vs->slot;
	off = (addr - b) % vs->slot;
	return len <= refsize[i] && off <= refsize[i] - len;
}

/*
 * May DIF code store len bytes at addr in variable storage?  Only inside
 * one global variable or one of this CPU's clause-local variables that is
 * addressed by reference (a struct, an array, a string; see the top of
 * this file).  Stores into the dynamic space go through
 * dtrace_dynvar_storeat() instead, which checks them against the entry
 * under the lock.
 */
static bool dtrace_vstate_canstore(const struct dtrace_vstate *vs, int cpu,
				   u64 addr, u64 len)
{
	u64 b;

	if (!vs)
		return false;
	if (dtrace_vstate_inslot(vs, (u64)(uintptr_t)vs->gvars, vs->ngvars,
				 vs->grefsize, addr, len))
		return true;
	if (cpu < 0 || (u32)cpu >= vs->ncpus)
		return false;
	b = (u64)(uintptr_t)(vs->pcpu + (size_t)cpu * vs->stride +
			     vs->off_lvars);
	return dtrace_vstate_inslot(vs, b, vs->nlvars, vs->lrefsize, addr,
				    len);
}

/* ---- dynamic variables ------------------------------------------------ */

/*
 * What a string-typed dynamic variable that does not exist reads as: "",
 * at the start of the dynamic region (bytes 0..63 are never allocated, so
 * they stay zero).  DTrace prints an unset self->s or a[k] as "".
 */
static inline u64 dtrace_vstate_empty_str(const struct dtrace_vstate *vs)
{
	return (u64)(uintptr_t)vs->dyn;
}

static u32 dtrace_dyn_hash(u32 vkey, const void *key, u32 keylen)
{
	const u8 *k = key;
	u64 h = 0xcbf29ce484222325ULL ^ vkey;
	u32 i;

	for (i = 0; i < keylen; i++) {
		h ^= k[i];
		h *= 0x100000001b3ULL;
	}
	return (u32)(h ^ (h >> 32));
}

static inline struct dtrace_dynent *dtrace_dyn_ent(struct dtrace_vstate *vs,
						   u32 off)
{
	return (struct dtrace_dynent *)(vs->dyn + off);
}

static inline char *dtrace_dyn_val(struct dtrace_dynent *e)
{
	return (char *)(e + 1) + DTRACE_ALIGN8(e->keylen);
}

static bool dtrace_dyn_lock(struct dtrace_vstate *vs, unsigned long *flags)
{
	u32 spin;

	*flags = dtrace_intr_save();
	for (spin = 0; spin < DTRACE_DYN_LOCKSPIN; spin++) {
		if (arch_spin_trylock(&vs->lock))
			return true;
		cpu_relax();
	}
	dtrace_intr_restore(*flags);
	vs->drops_dirty++;		/* racy, but only a statistic */
	return false;
}

static void dtrace_dyn_unlock(struct dtrace_vstate *vs, unsigned long flags)
{
	arch_spin_unlock(&vs->lock);
	dtrace_intr_restore(flags);
}

/* Find an entry; lock held.  *prevp gets the link that points at it. */
static struct dtrace_dynent *dtrace_dyn_find(struct dtrace_vstate *vs,
					     u32 vkey, const void *key,
					     u32 keylen, u32 hash,
					     u32 **prevp)
{
	u32 *link = &vs->buckets[hash & (vs->nbuckets - 1)];
	u32 n = 0;

	while (*link) {
		struct dtrace_dynent *e = dtrace_dyn_ent(vs, *link);

		if (e->hash == hash && e->vkey == vkey &&
		    e->keylen == keylen && !memcmp(e + 1, key, keylen)) {
			if (prevp)
				*prevp = link;
			return e;
		}
		link = &e->next;
		if (++n > vs->dynsize / 64)	/* cannot happen: bounded */
			break;
	}
	return NULL;
}

/* Take a chunk of class cls (or larger) or carve one; lock held. */
static u32 dtrace_dyn_alloc(struct dtrace_vstate *vs, u32 cls)
{
	u32 c, off, sz = 64U << cls;

	for (c = cls; c < DTRACE_DYN_NCLASS && c <= cls + 2; c++) {
		off = vs->freel[c];
		if (off) {
			vs->freel[c] = dtrace_dyn_ent(vs, off)->next;
			dtrace_dyn_ent(vs, off)->cls = c;
			return off;
		}
	}
	if (vs->bump <= vs->dynsize && sz <= vs->dynsize - vs->bump) {
		off = vs->bump;
		vs->bump += sz;
		dtrace_dyn_ent(vs, off)->cls = cls;
		/* a chunk keeps its place and size for good: map it once */
		for (c = off / 64; c < vs->bump / 64; c++)
			vs->chunkmap[c] = off;
		return off;
	}
	return 0;
}

/*
 * Look up (vkey, key) holding a value of vsize bytes of the given kind (0
 * or DTRACE_DYNF_BYREF).  Integers (vsize 8) are copied to *val under the
 * lock and the value's address returned; for strings and by-reference
 * objects only the address is returned.  NULL if there is no such entry
 * (an entry stored with another value size or kind, by an object that
 * typed the variable differently, counts as absent).
 */
static void *dtrace_dynvar_load(struct dtrace_vstate *vs, u32 vkey,
				const void *key, u32 keylen, u32 vsize,
				u32 kind, u64 *val)
{
	u32 hash = dtrace_dyn_hash(vkey, key, keylen);
	struct dtrace_dynent *e;
	unsigned long flags;
	void *v = NULL;

	*val = 0;
	if (!dtrace_dyn_lock(vs, &flags))
		return NULL;
	e = dtrace_dyn_find(vs, vkey, key, keylen, hash, NULL);
	if (e && e->vsize == vsize && e->flags == kind) {
		v = dtrace_dyn_val(e);
		memcpy(val, v, min_t(u32, 8, e->vsize));
	}
	dtrace_dyn_unlock(vs, flags);
	return v;
}

/*
 * Store vsize bytes at val as the value of (vkey, key), of the given kind; a
 * NULL val deletes the entry.  Returns 0, or -ENOSPC when the space is full
 * (a counted drop).
 */
static int dtrace_dynvar_store(struct dtrace_vstate *vs, u32 vkey,
			       const void *key, u32 keylen,
			       const void *val, u32 vsize, u32 kind)
{
	u32 hash = dtrace_dyn_hash(vkey, key, keylen);
	struct dtrace_dynent *e;
	unsigned long flags;
	u32 *link, off, need, cls;
	int rc = 0;

	if (!dtrace_dyn_lock(vs, &flags))
		return -ENOSPC;
	e = dtrace_dyn_find(vs, vkey, key, keylen, hash, &link);
	if (e && (!val || e->vsize != vsize || e->flags != kind)) {
		/* delete (also when the value's size or kind changes) */
		off = *link;
		*link = e->next;
		e->next = vs->freel[e->cls];
		e->vkey = 0;
		vs->freel[e->cls] = off;
		e = NULL;
	}
	if (!val)
		goto out;
	if (!e) {
		need = sizeof(*e) + DTRACE_ALIGN8(keylen) +
		       DTRACE_ALIGN8(vsize);
		for (cls = 0; cls < DTRACE_DYN_NCLASS && (64U << cls) < need;
		     cls++)
			;
		off = cls < DTRACE_DYN_NCLASS ? dtrace_dyn_alloc(vs, cls) : 0;
		if (!off) {
			vs->drops++;
			rc = -ENOSPC;
			goto out;
		}
		e = dtrace_dyn_ent(vs, off);
		e->hash = hash;
		e->vkey = vkey;
		e->keylen = keylen;
		e->vsize = vsize;
		e->flags = kind;
		memcpy(e + 1, key, keylen);
		link = &vs->buckets[hash & (vs->nbuckets - 1)];
		e->next = *link;
		*link = off;
	}
	memcpy(dtrace_dyn_val(e), val, vsize);
out:
	dtrace_dyn_unlock(vs, flags);
	return rc;
}

/*
 * Store len bytes from src at addr, an address inside the dynamic space
 * that DIF code computed from a by-reference load (a struct member of a
 * thread-local or array element).  Under the lock, addr..addr+len must lie
 * inside the value of a live by-reference entry; the bytes are copied then
 * (src is the emulator's own memory, never untrusted).  Returns 0 when
 * stored, -EFAULT when the store is not allowed (the caller faults), or
 * -EBUSY when the lock could not be taken (counted as a drop).
 */
static int dtrace_dynvar_storeat(struct dtrace_vstate *vs, u64 addr,
				 const void *src, u32 len)
{
	u64 b = (u64)(uintptr_t)vs->dyn, off, voff;
	struct dtrace_dynent *e;
	unsigned long flags;
	u32 start;
	int rc = -EFAULT;

	if (addr < b || addr - b >= vs->dynsize || len > vs->dynsize ||
	    addr - b > vs->dynsize - len)
		return -EFAULT;
	off = addr - b;
	if (!dtrace_dyn_lock(vs, &flags))
		return -EBUSY;
	start = vs->chunkmap[off / 64];
	if (start && start < vs->bump) {
		e = dtrace_dyn_ent(vs, start);
		voff = (u64)(dtrace_dyn_val(e) - vs->dyn);
		if (e->vkey && (e->flags & DTRACE_DYNF_BYREF) &&
		    off >= voff && len <= e->vsize &&
		    off - voff <= e->vsize - len) {
			memcpy(vs->dyn + off, src, len);
			rc = 0;
		}
	}
	dtrace_dyn_unlock(vs, flags);
	return rc;
}
