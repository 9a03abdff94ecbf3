#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# "match" when the procfs line and the dtrace line carry the same values,
# else the input unchanged.
in=$(cat)
p=$(printf '%s\n' "$in" | sed -n 's/^procfs //p')
d=$(printf '%s\n' "$in" | sed -n 's/^dtrace //p')
if [ -n "$p" ] && [ "$p" = "$d" ]; then
	echo match
else
	printf '%s\n' "$in"
fi
