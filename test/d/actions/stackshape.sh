#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Output filter for stack()/ustack() tests (used by tst.*.r.p): addresses and
# symbols vary, so each run of consecutive frame lines (indented by
# ${1:-14} spaces (0 for printf("%k")), one token each: module`symbol[+0xoff] or 0xaddr) becomes
# one line "<frames:1>" (exactly one frame) or "<frames:many>" (several);
# a run with a malformed frame becomes "<badframes: LINE>".  Other lines
# pass through.
indent=${1:-14}
awk -v ind="$indent" '
function flush() {
	if (n > 0) {
		if (bad != "")
			print "<badframes: " bad ">"
		else if (n == 1)
			print "<frames:1>"
		else
			print "<frames:many>"
	}
	n = 0; bad = ""
}
BEGIN {
	pad = sprintf("%" ind "s", "")
	good = "^" pad "(([A-Za-z0-9_.+-]+`[A-Za-z0-9_.@$-]+(\\+0x[0-9a-f]+)?)|(0x[0-9a-f]+))$"
}
(ind > 0 && /^ +[^ ]+$/) || (ind == 0 && $0 ~ good) {
	n++
	if ($0 !~ good && bad == "")
		bad = $0
	next
}
{ flush(); print }
END { flush() }
'
