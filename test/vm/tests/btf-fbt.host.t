#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Kernel types from BTF with fbt: typed args[] of vfs_read (entry: struct
# file *, char *, size_t, loff_t *; return: args[1] the bytes read), a
# member chain through a struct file * (the file's inode number against
# stat(1), its name from the dentry), curthread's members against what the
# shell knows, and dtrace -lv's argument types.
set -u
. "$(dirname "$0")/fbt.sh"

# -- typed entry arguments and return value, curthread against what
# dtrace -c knows ($target, tid, ppid, the command's name) ------------------
f=/tmp/btf-fbt.data
head -c 1234 /dev/zero >"$f"
ino=$(stat -c %i "$f")
out=$($D -q -n 'fbt::vfs_read:entry /execname == "dd" && args[2] == 1234/ {
	printf("ino %d name %s count %d\n", args[0]->f_inode->i_ino,
	    stringof(args[0]->f_path.dentry->d_name.name), args[2]);
	printf("%d %d %d %s\n", curthread->tgid == $target, curthread->pid == tid,
	    curthread->real_parent->tgid == ppid, stringof(curthread->comm)); }
	fbt::vfs_read:return /execname == "dd" && args[1] == 1234/ {
	printf("ret %d\n", args[1]); exit(0); }' \
	-c "dd if=$f of=/dev/null bs=1234 count=1 status=none" 2>&1)
echo "$out"
echo "$out" | grep -qx "ino $ino name btf-fbt.data count 1234" &&
	ok "args[0] is a struct file *: inode number and name" ||
	fail "typed vfs_read entry args: want ino $ino name btf-fbt.data"
echo "$out" | grep -qx "1 1 1 dd" &&
	ok "curthread: tgid \$target, pid tid, parent ppid, comm dd" ||
	fail "curthread members"
echo "$out" | grep -qx "ret 1234" && ok "return args[1] is the bytes read" ||
	fail "typed vfs_read return"

# -- the acceptance one-liner: file names counted ---------------------------
out=$($D -q -n 'fbt::vfs_read:entry /execname == "dd"/ {
	@[stringof(args[0]->f_path.dentry->d_name.name)] = count(); }' \
	-c "dd if=$f of=/dev/null bs=1234 count=1 status=none" 2>&1)
echo "$out"
echo "$out" | grep -Eq '^ *btf-fbt\.data +1$' && ok "file names aggregated" ||
	fail "no btf-fbt.data in the aggregation"

# -- dtrace -lv: argument types --------------------------------------------
$D -lv -n fbt::vfs_read:entry >/tmp/btf-lv 2>&1
cat /tmp/btf-lv
grep -A5 'Argument Types' /tmp/btf-lv >/tmp/btf-lv.args
for want in 'args\[0\]: struct file \*' 'args\[1\]: char \*' \
	    'args\[2\]: size_t' 'args\[3\]: loff_t \*'; do
	grep -Eq "^[[:space:]]+$want\$" /tmp/btf-lv.args && ok "-lv: $want" ||
		fail "-lv lacks $want"
done
rm -f "$f" /tmp/btf-lv /tmp/btf-lv.args

# -- print() of a kernel struct: dtrace's own mm_struct (a 64-bit process:
# task_size is TASK_SIZE_MAX, 0x7ffffffff000 with 4-level page tables,
# 0xfffffffffff000 with 5-level ones as QEMU's CPU has) --------------------
$D -q -n 'BEGIN { print(*curthread->mm); exit(0); }' >/tmp/btf-print 2>&1
head -n 3 /tmp/btf-print
head -n 1 /tmp/btf-print | grep -qx 'struct mm_struct {' &&
	grep -Eq '^ +long unsigned int task_size = 0x(7ffffffff000|fffffffffff000)$' /tmp/btf-print &&
	tail -n 1 /tmp/btf-print | grep -qx '}' &&
	ok "print(*curthread->mm): struct mm_struct { ... task_size ... }" ||
	fail "print(*curthread->mm): $(wc -l </tmp/btf-print) lines; task_size: $(grep task_size /tmp/btf-print); last: $(tail -n 3 /tmp/btf-print | od -c | tail -n 4)"
rm -f /tmp/btf-print

# -- the cost of kernel types (figures only, nothing asserted): start to
# exit of a one-liner using curthread->comm against one using no type, and
# the peak memory of each
for p in 'BEGIN { trace(pid); exit(0); }' \
	 'BEGIN { trace(stringof(curthread->comm)); exit(0); }'; do
	t0=$(date +%s%N)
	rss=$(/usr/bin/time -f %M $D -q -n "$p" 2>&1 >/dev/null | tail -n 1)
	t1=$(date +%s%N)
	echo "cost: $(( (t1 - t0) / 1000000 )) ms, max RSS ${rss} KB: $p"
done
fbt_done
