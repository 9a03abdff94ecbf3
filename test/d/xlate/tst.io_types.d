/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: the D library's io types (bufinfo_t, devinfo_t, fileinfo_t)
 * translate from the running kernel's struct request: every member
 * compiles against its BTF (the clause using them never fires), and the
 * io flags are the Guide's.
 */
#pragma D option quiet

BEGIN
/cpu == -1/
{
	this->rq = (struct request *)arg0;
	trace(xlate<bufinfo_t *>(this->rq)->b_flags);
	trace(xlate<bufinfo_t *>(this->rq)->b_bcount);
	trace(xlate<bufinfo_t *>(this->rq)->b_blkno);
	trace(xlate<bufinfo_t *>(this->rq)->b_lblkno);
	trace(xlate<bufinfo_t *>(this->rq)->b_edev);
	trace(xlate<bufinfo_t *>(this->rq)->b_resid);
	trace(xlate<bufinfo_t *>(this->rq)->b_bufsize);
	trace(xlate<devinfo_t *>(this->rq)->dev_major);
	trace(xlate<devinfo_t *>(this->rq)->dev_minor);
	trace(xlate<devinfo_t *>(this->rq)->dev_instance);
	trace(xlate<devinfo_t *>(this->rq)->dev_name);
	trace(xlate<devinfo_t *>(this->rq)->dev_statname);
	trace(xlate<devinfo_t *>(this->rq)->dev_pathname);
	trace(xlate<fileinfo_t *>(this->rq)->fi_name);
	trace(xlate<fileinfo_t *>(this->rq)->fi_offset);
}

BEGIN
{
	printf("%x %x %x %x\n", B_READ, B_WRITE, B_ASYNC, B_DONE);
	printf("%s %d\n", xlate<fileinfo_t *>((struct request *)NULL)->fi_name,
	    xlate<fileinfo_t *>((struct request *)NULL)->fi_offset);
	exit(0);
}
