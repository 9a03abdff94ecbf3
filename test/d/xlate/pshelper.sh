#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# For tst.curpsinfo_procfs.d: print what procfs says of this process
# (pid, parent, comm, real uid) with shell built-ins only, so the one
# write(2) of this pid is this line's.
read comm < /proc/self/comm
read p1 p2 p3 ppid rest < /proc/self/stat
while read key val rest; do
	[ "$key" = Uid: ] && uid=$val
done < /proc/self/status
echo "procfs $$ $ppid $comm $uid"
