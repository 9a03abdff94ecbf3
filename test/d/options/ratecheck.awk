# SPDX-License-Identifier: GPL-2.0
#
# Filter (.r.p) of the switchrate tests: their scripts record 1..total from
# a tick probe into a small principal buffer; this prints facts about what
# arrived instead of the records: one run of consecutive numbers from 1,
# whether all of them arrived, and after "-- @@stderr --" whether drops
# were reported and how many other messages there were.
BEGIN { n = 0; last = 0; runs = 1; inerr = 0; drops = 0; other = 0 }
$0 == "-- @@stderr --" { inerr = 1; next }
inerr && /^dtrace: [0-9]+ drops? on CPU [0-9]+$/ { drops += $2; next }
inerr { other++; next }
/^[0-9]+$/ { if ($1 != last + 1) runs = 0; last = $1; n++; next }
END {
	print "one run from 1: " (runs && n ? "yes" : "no")
	print "all " total " arrived: " (n == total ? "yes" : "no")
	print "-- @@stderr --"
	print "drops reported: " (drops ? "yes" : "no")
	print "other messages: " other
}
