/* Principal buffers: reserve/commit records, switch, fill and ring */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One struct dtrace_buffer is one contiguous area of 8-byte aligned
 * records (struct dtrace_rechdr + data).  The consumer state (600-state.c)
 * owns, per CPU, two of them for the switch and ring policies (active and
 * inactive, swapped by an IPI on that CPU at each snapshot) and one for the
 * fill policy; speculations (530) use fill-like buffers.
 *
 * Policies when a record does not fit:
 *   switch  the record is dropped (the consumer snapshots often enough);
 *   fill    the record is dropped and the buffer marked DTRACE_BUF_FULL;
 *           resv bytes at the end stay reserved for END clauses so that
 *           END can still record when the buffer is otherwise full;
 *   ring    writing wraps to offset 0 and overwrites the oldest records
 *           (DTRACE_BUF_WRAPPED); the whole records that survive are
 *           [tail, end) followed by [0, head).
 *
 * Probe context only reserves and commits; it never allocates.  This file
 * uses only the names 300-core.h allows (it is built in user space too).
 * Owns: struct dtrace_buffer operations.  Calls: nothing but memcpy and
 * the allocator.
 */

static int dtrace_buffer_alloc(struct dtrace_buffer *b, u64 size, u32 policy)
{
	memset(b, 0, sizeof(*b));
	if (size < sizeof(struct dtrace_rechdr) || (size & 7))
		return -EINVAL;
	/*
	 * Large requests may fail: that is -ENOMEM, neither a kernel
	 * warning nor the OOM killer.
	 */
	b->data = kvmalloc(size, DTRACE_GFP_CONSUMER);
	if (!b->data)
		return -ENOMEM;
	b->size = size;
	b->policy = policy;
	return 0;
}

static void dtrace_buffer_free(struct dtrace_buffer *b)
{
	kvfree(b->data);
	b->data = NULL;
	b->size = 0;
}

static void dtrace_buffer_reset(struct dtrace_buffer *b)
{
	b->head = 0;
	b->tail = 0;
	b->end = 0;
	b->snap = 0;
	b->flags = 0;
	b->wrapped = false;
}

/* Size of the record at off, or 0 if its header is not plausible. */
static u64 dtrace_buffer_recsize(const struct dtrace_buffer *b, u64 off,
				 u64 limit)
{
	const struct dtrace_rechdr *h;

	if (off + sizeof(*h) > limit)
		return 0;
	h = (const struct dtrace_rechdr *)(b->data + off);
	if (h->size < sizeof(*h) || (h->size & 7) || h->size > limit - off)
		return 0;
	return h->size;
}

static void *dtrace_buffer_reserve(struct dtrace_buffer *b, u32 size,
				   bool end_clause, u64 *off)
{
	u64 pos = b->head, limit = b->size;

	if (!b->data || !size || (size & 7) || size > b->size)
		return NULL;

	switch (b->policy) {
	case DTRACE_BUFPOLICY_FILL:
		if (!end_clause)
			limit = b->size - min(b->resv, b->size);
		if (pos + size > limit) {
			b->flags |= DTRACE_BUF_FULL;
			return NULL;
		}
		break;
	case DTRACE_BUFPOLICY_RING:
		if (pos + size > b->size) {
			/* Wrap: what was [0, head) becomes the older part. */
			b->end = pos;
			b->tail = 0;
			b->head = 0;
			b->wrapped = true;
			b->flags |= DTRACE_BUF_WRAPPED;
			pos = 0;
		}
		if (b->wrapped) {
			/* Drop the oldest records the new one overwrites. */
			while (b->tail < b->end && b->tail < pos + size) {
				u64 rs = dtrace_buffer_recsize(b, b->tail,
							       b->end);

				if (!rs) {
					b->tail = b->end;
					break;
				}
				b->tail += rs;
			}
		}
		break;
	default:	/* switch */
		if (pos + size > b->size)
			return NULL;
		break;
	}
	*off = pos;
	return b->data + pos;
}

static void dtrace_buffer_commit(struct dtrace_buffer *b, u64 off, u32 size)
{
	/* Records are complete before the head moves past them. */
	WRITE_ONCE(b->head, off + size);
}

static bool dtrace_buffer_copyrec(struct dtrace_buffer *b, const void *rec,
				  u32 size)
{
	u64 off;
	void *p = dtrace_buffer_reserve(b, size, false, &off);

	if (!p)
		return false;
	memcpy(p, rec, size);
	dtrace_buffer_commit(b, off, size);
	return true;
}

static int dtrace_buffer_segments(const struct dtrace_buffer *b,
				  u64 off[2], u64 len[2])
{
	int n = 0;

	if (b->policy == DTRACE_BUFPOLICY_FILL) {
		if (b->head > b->snap) {
			off[n] = b->snap;
			len[n++] = b->head - b->snap;
		}
		return n;
	}
	if (b->wrapped && b->end > b->tail) {
		off[n] = b->tail;
		len[n++] = b->end - b->tail;
	}
	if (b->head) {
		off[n] = 0;
		len[n++] = b->head;
	}
	return n;
}

static u64 dtrace_buffer_whole(const char *data, u64 len, u64 room,
			       u64 *need)
{
	u64 done = 0;

	*need = 0;
	while (done + sizeof(struct dtrace_rechdr) <= len) {
		const struct dtrace_rechdr *h;
		u64 rs;

		h = (const struct dtrace_rechdr *)(data + done);
		rs = h->size;
		if (rs < sizeof(*h) || (rs & 7) || rs > len - done)
			break;		/* cannot happen: we wrote it */
		if (done + rs > room) {
			*need = rs;
			break;
		}
		done += rs;
	}
	return done;
}
