/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io.d - the types of DTrace's io provider (Dynamic Tracing Guide, "io
 * Provider": bufinfo_t, devinfo_t, fileinfo_t), translated from the
 * kernel's block request, struct request (the native type of the io
 * probes' arguments; types from the kernel's BTF).
 *
 * Values on Linux:
 *   bufinfo_t
 *     b_flags     B_WRITE for a request writing data, else B_READ
 *     b_bcount, b_bufsize   the request's bytes (__data_len)
 *     b_blkno, b_lblkno     its first 512-byte sector (__sector)
 *     b_edev      the partition's dev_t (major << 20 | minor), 0 if the
 *                 request has none
 *     b_addr, b_resid, b_iodone: 0
 *   devinfo_t
 *     dev_major, dev_minor  of b_edev; dev_instance the minor number
 *     dev_name    the disk's name ("sda", "vda", "nvme0n1")
 *     dev_statname  the disk's name, and the partition's number if the
 *                 request is to a partition ("sda1"; the number is the
 *                 partition's minor less the disk's first minor)
 *     dev_pathname  "/dev/" and dev_statname
 *   fileinfo_t    a block request does not know its file:
 *     fi_name, fi_dirname, fi_pathname, fi_fs, fi_mount "<unknown>",
 *     fi_offset -1, fi_oflags 0
 */
#pragma D depends_on module vmlinux

typedef struct bufinfo {
	int b_flags;
	size_t b_bcount;
	caddr_t b_addr;
	uint64_t b_blkno;
	uint64_t b_lblkno;
	size_t b_resid;
	size_t b_bufsize;
	caddr_t b_iodone;
	dev_t b_edev;
} bufinfo_t;

typedef struct devinfo {
	int dev_major;
	int dev_minor;
	int dev_instance;
	string dev_name;
	string dev_statname;
	string dev_pathname;
} devinfo_t;

typedef struct fileinfo {
	string fi_name;
	string fi_dirname;
	string fi_pathname;
	long long fi_offset;
	string fi_fs;
	string fi_mount;
	int fi_oflags;
} fileinfo_t;

inline int B_BUSY = 0x0001;
inline int B_DONE = 0x0002;
inline int B_ERROR = 0x0004;
inline int B_PAGEIO = 0x0010;
inline int B_PHYS = 0x0020;
inline int B_READ = 0x0040;
inline int B_WRITE = 0x0100;
inline int B_ASYNC = 0x0400;

translator bufinfo_t < struct request *R >
{
	b_flags = (R->cmd_flags & 1) != 0 ? B_WRITE : B_READ;
	b_bcount = R->__data_len;
	b_addr = 0;
	b_blkno = R->__sector;
	b_lblkno = R->__sector;
	b_resid = 0;
	b_bufsize = R->__data_len;
	b_iodone = 0;
	b_edev = R->part == NULL ? 0 : R->part->bd_dev;
};

translator devinfo_t < struct request *R >
{
	dev_major = R->part == NULL ? 0 : R->part->bd_dev >> 20;
	dev_minor = R->part == NULL ? 0 : R->part->bd_dev & 0xfffff;
	dev_instance = R->part == NULL ? 0 : R->part->bd_dev & 0xfffff;
	dev_name = R->part == NULL ? "<unknown>" :
	    stringof(R->part->bd_disk->disk_name);
	dev_statname = R->part == NULL ? "<unknown>" :
	    ((R->part->bd_dev & 0xfffff) -
	    R->part->bd_disk->first_minor) == 0 ?
	    stringof(R->part->bd_disk->disk_name) :
	    strjoin(stringof(R->part->bd_disk->disk_name),
	    lltostr(((R->part->bd_dev & 0xfffff) -
	    R->part->bd_disk->first_minor)));
	dev_pathname = R->part == NULL ? "<unknown>" :
	    ((R->part->bd_dev & 0xfffff) -
	    R->part->bd_disk->first_minor) == 0 ?
	    strjoin("/dev/", stringof(R->part->bd_disk->disk_name)) :
	    strjoin(strjoin("/dev/", stringof(R->part->bd_disk->disk_name)),
	    lltostr(((R->part->bd_dev & 0xfffff) -
	    R->part->bd_disk->first_minor)));
};

translator fileinfo_t < struct request *R >
{
	fi_name = "<unknown>";
	fi_dirname = "<unknown>";
	fi_pathname = "<unknown>";
	fi_offset = -1;
	fi_fs = "<unknown>";
	fi_mount = "<unknown>";
	fi_oflags = 0;
};
