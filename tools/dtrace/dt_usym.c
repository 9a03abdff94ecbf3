// SPDX-License-Identifier: GPL-2.0
/*
 * dt_usym.c - user addresses to "object`function+0xoff", as DTrace prints
 * ustack() frames.
 *
 * The object comes from /proc/PID/maps (the mapping that holds the
 * address, its file offset and path); the function from that ELF file's
 * symbol tables (.symtab when the file has one, .dynsym otherwise or as
 * well), read once per file and kept sorted.  The file offset of the
 * address is turned into the ELF virtual address through the PT_LOAD
 * segment that covers it, so position-independent executables and shared
 * libraries work wherever they were loaded.
 *
 * Nothing here trusts the file: every offset and size is checked against
 * the file's length before it is used.  A file that is not a 64-bit ELF,
 * or has no symbol covering the address, gives "object`0xADDR"; an address
 * in no file mapping gives "0xADDR".
 */
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dt_cmd.h"

struct usym {
	uint64_t addr;
	uint64_t size;
	const char *name;	/* points into names */
	int rank;		/* among aliases the highest is printed */
};

struct uobj {
	dev_t dev;
	ino_t ino;
	struct usym *syms;	/* sorted by addr */
	size_t nsyms;
	char *names;		/* the string tables' bytes, copied */
	struct { uint64_t off, vaddr, filesz; } seg[16];
	int nseg;
	int ok;			/* a 64-bit ELF file */
};

#define DT_UOBJ_CACHE	32
static struct uobj g_uobj[DT_UOBJ_CACHE];
static int g_nuobj;

static int in_file(size_t flen, uint64_t off, uint64_t len)
{
	return off <= flen && len <= flen - off;
}

static int sym_cmp(const void *a, const void *b)
{
	const struct usym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(y->name, x->name);	/* same rank: first by name */
}

/*
 * Several names for one address (getpid and __getpid): the one printed is
 * global rather than weak or local, then has the fewest leading '_'.
 */
static int sym_rank(const char *name, int bind)
{
	int u = 0;

	while (name[u] == '_' && u < 8)
		u++;
	return (bind == STB_GLOBAL ? 2 : bind == STB_WEAK ? 1 : 0) * 16 -
	       u;
}

/* Function symbols of one symbol table section (and its string table). */
static void add_symtab(struct uobj *o, const unsigned char *f, size_t flen,
		       const Elf64_Shdr *sh, const Elf64_Shdr *shdrs,
		       unsigned int nsh, size_t *cap, size_t *namelen)
{
	const Elf64_Shdr *str;
	size_t i, n, base;
	char *nn;

	if (sh->sh_entsize != sizeof(Elf64_Sym) || sh->sh_link >= nsh ||
	    !in_file(flen, sh->sh_offset, sh->sh_size))
		return;
	str = &shdrs[sh->sh_link];
	if (str->sh_type != SHT_STRTAB ||
	    !in_file(flen, str->sh_offset, str->sh_size) || !str->sh_size)
		return;
	/* copy the string table, NUL-terminated, after the earlier ones */
	nn = realloc(o->names, *namelen + str->sh_size + 1);
	if (nn == NULL)
		return;
	if (nn != o->names) {	/* rebase the names already taken */
		for (i = 0; i < o->nsyms; i++)
			o->syms[i].name = nn + (o->syms[i].name - o->names);
		o->names = nn;
	}
	base = *namelen;
	memcpy(nn + base, f + str->sh_offset, str->sh_size);
	nn[base + str->sh_size] = '\0';
	*namelen += str->sh_size + 1;

	n = sh->sh_size / sizeof(Elf64_Sym);
	for (i = 0; i < n; i++) {
		Elf64_Sym s;
		int type;

		memcpy(&s, f + sh->sh_offset + i * sizeof(s), sizeof(s));
		type = ELF64_ST_TYPE(s.st_info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) ||
		    s.st_shndx == SHN_UNDEF || s.st_value == 0 ||
		    s.st_name >= str->sh_size)
			continue;
		if (o->nsyms == *cap) {
			size_t c = *cap ? *cap * 2 : 256;
			struct usym *ns = realloc(o->syms, c * sizeof(*ns));

			if (ns == NULL)
				return;
			o->syms = ns;
			*cap = c;
		}
		o->syms[o->nsyms].addr = s.st_value;
		o->syms[o->nsyms].size = s.st_size;
		o->syms[o->nsyms].name = nn + base + s.st_name;
		o->syms[o->nsyms].rank = sym_rank(nn + base + s.st_name,
						  ELF64_ST_BIND(s.st_info));
		o->nsyms++;
	}
}

static void load_elf(struct uobj *o, const unsigned char *f, size_t flen)
{
	const Elf64_Ehdr *eh = (const void *)f;
	Elf64_Shdr *shdrs;
	size_t cap = 0, namelen = 0;
	unsigned int i, nsh;
	int have_symtab = 0;

	if (flen < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_phentsize != sizeof(Elf64_Phdr) ||
	    !in_file(flen, eh->e_phoff, (uint64_t)eh->e_phnum *
		     sizeof(Elf64_Phdr)))
		return;
	for (i = 0; i < eh->e_phnum; i++) {
		Elf64_Phdr ph;

		memcpy(&ph, f + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD || o->nseg == 16)
			continue;
		o->seg[o->nseg].off = ph.p_offset;
		o->seg[o->nseg].vaddr = ph.p_vaddr;
		o->seg[o->nseg].filesz = ph.p_filesz;
		o->nseg++;
	}
	o->ok = 1;
	nsh = eh->e_shnum;
	if (eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    !in_file(flen, eh->e_shoff, (uint64_t)nsh * sizeof(Elf64_Shdr)))
		return;
	shdrs = malloc((size_t)nsh * sizeof(*shdrs) + 1);
	if (shdrs == NULL)
		return;
	memcpy(shdrs, f + eh->e_shoff, (size_t)nsh * sizeof(*shdrs));
	for (i = 0; i < nsh; i++)
		if (shdrs[i].sh_type == SHT_SYMTAB) {
			add_symtab(o, f, flen, &shdrs[i], shdrs, nsh, &cap,
				   &namelen);
			have_symtab = 1;
		}
	/* .symtab has every function .dynsym has; stripped files only the latter */
	for (i = 0; i < nsh && !have_symtab; i++)
		if (shdrs[i].sh_type == SHT_DYNSYM)
			add_symtab(o, f, flen, &shdrs[i], shdrs, nsh, &cap,
				   &namelen);
	free(shdrs);
	if (o->nsyms)
		qsort(o->syms, o->nsyms, sizeof(*o->syms), sym_cmp);
}

/* The cached symbols of the file at path (opened through /proc/PID/root). */
static struct uobj *get_obj(const char *path)
{
	struct uobj *o;
	struct stat st;
	void *m;
	int fd, i;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	for (i = 0; i < g_nuobj; i++)
		if (g_uobj[i].dev == st.st_dev && g_uobj[i].ino == st.st_ino) {
			close(fd);
			return &g_uobj[i];
		}
	if (g_nuobj == DT_UOBJ_CACHE) {		/* full: forget the oldest */
		free(g_uobj[0].syms);
		free(g_uobj[0].names);
		memmove(&g_uobj[0], &g_uobj[1],
			(DT_UOBJ_CACHE - 1) * sizeof(g_uobj[0]));
		g_nuobj--;
	}
	o = &g_uobj[g_nuobj++];
	memset(o, 0, sizeof(*o));
	o->dev = st.st_dev;
	o->ino = st.st_ino;
	if (st.st_size > 0) {
		m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
			 0);
		if (m != MAP_FAILED) {
			load_elf(o, m, (size_t)st.st_size);
			munmap(m, (size_t)st.st_size);
		}
	}
	close(fd);
	return o;
}

/* The symbol covering vaddr, or NULL. */
static const struct usym *find_sym(const struct uobj *o, uint64_t vaddr)
{
	size_t lo = 0, hi = o->nsyms;
	const struct usym *s;

	while (lo < hi) {	/* the last (best) symbol with addr <= vaddr */
		size_t mid = lo + (hi - lo) / 2;

		if (o->syms[mid].addr <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	s = &o->syms[lo - 1];
	/* a sized symbol must cover vaddr; a size-0 one only its address */
	if (vaddr - s->addr < (s->size ? s->size : 1))
		return s;
	return NULL;
}

void dt_usym(uint64_t pid, uint64_t pc, char *buf, size_t len)
{
	char path[64], line[1024];
	unsigned long long lo, hi, foff;
	FILE *fp;

	snprintf(buf, len, "0x%llx", (unsigned long long)pc);
	snprintf(path, sizeof(path), "/proc/%llu/maps",
		 (unsigned long long)pid);
	fp = fopen(path, "r");
	if (fp == NULL)
		return;
	while (fgets(line, sizeof(line), fp)) {
		char file[1100], *obj, *base;
		const struct usym *s = NULL;
		struct uobj *o;
		int i;

		if (sscanf(line, "%llx-%llx %*s %llx", &lo, &hi, &foff) != 3 ||
		    pc < lo || pc >= hi)
			continue;
		obj = strchr(line, '/');
		if (obj == NULL)
			break;
		obj[strcspn(obj, "\n")] = '\0';
		base = strrchr(obj, '/') + 1;
		snprintf(buf, len, "%s`0x%llx", base, (unsigned long long)pc);
		/* the file as the process sees it (another mount namespace) */
		snprintf(file, sizeof(file), "/proc/%llu/root%s",
			 (unsigned long long)pid, obj);
		o = get_obj(file);
		if (o == NULL)
			o = get_obj(obj);
		if (o == NULL || !o->ok)
			break;
		foff += pc - lo;
		for (i = 0; i < o->nseg && !s; i++)
			if (foff >= o->seg[i].off &&
			    foff - o->seg[i].off < o->seg[i].filesz)
				s = find_sym(o, foff - o->seg[i].off +
					     o->seg[i].vaddr);
		if (s == NULL)
			break;
		foff = foff - o->seg[i - 1].off + o->seg[i - 1].vaddr;
		if (foff > s->addr)
			snprintf(buf, len, "%s`%s+0x%llx", base, s->name,
				 (unsigned long long)(foff - s->addr));
		else
			snprintf(buf, len, "%s`%s", base, s->name);
		break;
	}
	fclose(fp);
}
