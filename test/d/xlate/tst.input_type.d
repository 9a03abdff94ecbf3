/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: xlate picks the translator by the operand's type among
 * translators to the same output type; an integer input works, and an
 * operand of a type the input type may be assigned from (void *) finds
 * the pointer translator.  Translations nest: a member may use xlate.
 */
#pragma D option quiet

struct in {
	int a;
};

struct out {
	long v;
	int kind;
};

struct wrap {
	long inner;
};

translator struct out < struct in *P >
{
	v = P->a;
	kind = 1;
};

translator struct out < int i >
{
	v = i * 2;
	kind = 2;
};

translator struct wrap < int i >
{
	inner = xlate<struct out>(i + 1).v;
};

BEGIN
{
	this->p = (struct in *)alloca(sizeof (struct in));
	this->p->a = 7;
	this->vp = (void *)this->p;
	printf("%d %d\n", xlate<struct out *>(this->p)->v,
	    xlate<struct out *>(this->p)->kind);
	printf("%d %d\n", xlate<struct out>(21).v, xlate<struct out>(21).kind);
	printf("%d\n", xlate<struct out>(this->vp).v);
	printf("%d\n", xlate<struct wrap>(4).inner);
	exit(0);
}
