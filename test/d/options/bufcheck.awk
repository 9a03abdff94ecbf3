# SPDX-License-Identifier: GPL-2.0
#
# Filter (.r.p) of the buffer option tests: their scripts record the
# numbers 1..total, one record each, from `total` BEGIN clauses into a
# principal buffer of `size` bytes; END, if the script has one, prints
# "end N".  Which records survive is the policy's effect; how many depends
# on the record layout, so this prints facts about the output instead of
# the output:
#   the records that arrived form one run of consecutive numbers; whether
#   it starts at 1 (the oldest kept) and ends at total (the newest kept);
#   whether their count fits the buffer (a record is at least an EPID and
#   8 bytes of data: 12 bytes); END's line; after the "-- @@stderr --"
#   line, whether drops were reported (and with alldrops=1 whether they
#   account for every record that did not arrive), and how many other
#   messages there were.
# Variables: total, size; alldrops=1 to check that every record that
# did not arrive was counted as a drop.
BEGIN { n = 0; first = 0; last = 0; runs = 1; inerr = 0; drops = 0; endv = -1 }
$0 == "-- @@stderr --" { inerr = 1; next }
inerr && /^dtrace: [0-9]+ drops? on CPU [0-9]+$/ { drops += $2; next }
inerr { other++; next }
/^end [0-9]+$/ { endv = $2; next }
/^[0-9]+$/ {
	if (n && $1 != last + 1)
		runs = 0
	if (!n)
		first = $1
	last = $1
	n++
	next
}
/^$/ { next }
{ junk++ }
END {
	printf("one run of consecutive records: %s\n", runs && n && !junk ? "yes" : "no")
	printf("oldest kept: %s\n", first == 1 ? "yes" : "no")
	printf("newest kept: %s\n", last == total ? "yes" : "no")
	printf("all kept: %s\n", n == total ? "yes" : "no")
	printf("fits in %d bytes: %s\n", size, n * 12 <= size ? "yes" : "no")
	if (endv >= 0)
		printf("END after the last kept record: %s\n", endv == last ? "yes" : "no")
	print "-- @@stderr --"
	printf("drops reported: %s\n", drops > 0 ? "yes" : "no")
	if (alldrops)
		printf("kept + dropped >= %d: %s\n", total, n + drops >= total ? "yes" : "no")
	printf("other messages: %d\n", other)
}
