/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * agghist draws sum() aggregations as histograms with one bar per key,
 * scaled against the whole aggregation (half bars either side of the axis
 * when there are both signs); aggzoom scales the largest bar to 95% of
 * the width.  The data are those of illumos DTrace's tst.agghist.d and
 * the expected output is that test's .out file.
 */

#pragma D option agghist
#pragma D option quiet

BEGIN
{
	@["demerit"] = sum(-10);
	@["wtf"] = sum(10);
	@["bot"] = sum(20);

	@bagnoogle["SOAP/XML"] = sum(1);
	@bagnoogle["XACML store"] = sum(5);
	@bagnoogle["SAML token"] = sum(6);

	@stalloogle["breakfast"] = sum(-5);
	@stalloogle["non-diet pepsi"] = sum(-20);
	@stalloogle["parrot"] = sum(-100);

	printa(@);
	printa(@bagnoogle);
	printa(@stalloogle);

	printf("\nzoomed:");

	setopt("aggzoom");
	printa(@);
	printa(@bagnoogle);
	printa(@stalloogle);

	exit(0);
}
