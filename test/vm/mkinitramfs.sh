#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh KREL
#
# Build (or reuse) the harness initramfs for kernel release KREL and print
# its path: $VM_OUT/initramfs-KREL.cpio.gz.  Contents: busybox-static, /init
# (init.sh), /guest-run.sh, and the virtio/9p modules of KREL with
# their dependencies, decompressed, listed in load order in /etc/vm-modules.
# Rebuilt when any input changes (a hash of all inputs is kept beside it).
set -eu

. "$(dirname "$0")/lib.sh"

[ $# = 1 ] || vm_die "usage: mkinitramfs.sh KREL"
krel=$1
mdir=/lib/modules/$krel
[ -r "$mdir/modules.dep" ] || vm_die "no $mdir/modules.dep"
busybox=/bin/busybox
[ -x "$busybox" ] && "$busybox" --list | grep -qx insmod ||
	vm_die "need busybox-static at $busybox"

# Modules the guest needs, dependencies first (from modules.dep).
WANT="virtio_pci 9pnet_virtio 9p"
declare -A seen=()
order=()
modpath() {	# name -> path relative to $mdir, or empty if built in
	local n=$1 p
	p=$(grep -E "(^|/)${n}\.ko(\.xz|\.zst|\.gz)?:" "$mdir/modules.dep" | head -n1 | cut -d: -f1)
	if [ -z "$p" ]; then
		grep -qE "(^|/)${n}\.ko\$" "$mdir/modules.builtin" ||
			vm_die "module $n neither in modules.dep nor built in ($krel)"
	fi
	echo "$p"
}
add() {		# path: add its dependencies, then itself
	local p=$1 d
	[ -n "${seen[$p]:-}" ] && return
	seen[$p]=1
	for d in $(grep -E "^${p//./\\.}:" "$mdir/modules.dep" | cut -d: -f2); do
		add "$d"
	done
	order+=("$p")
}
for n in $WANT; do
	p=$(modpath "$n")
	[ -n "$p" ] && add "$p"
done

here=$(dirname "$0")
inputs=("$0" "$here/lib.sh" "$here/init.sh" "$here/guest-run.sh" "$here/result.sh" "$busybox")
for p in "${order[@]}"; do inputs+=("$mdir/$p"); done
key=$( { echo "$krel ${order[*]}"; cat "${inputs[@]}"; } | sha256sum | cut -d' ' -f1)

out=$VM_OUT/initramfs-$krel.cpio.gz
if [ -s "$out" ] && [ "$(cat "$out.key" 2>/dev/null)" = "$key" ]; then
	echo "$out"
	exit 0
fi

mkdir -p "$VM_OUT"
stage=$(mktemp -d "$VM_OUT/initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,dev,etc,proc,sys,tmp,mnt/hostro,host,results} "$stage/lib/modules/$krel"
cp "$busybox" "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
install -m 755 "$here/init.sh" "$stage/init"
install -m 755 "$here/guest-run.sh" "$stage/guest-run.sh"
install -m 644 "$here/result.sh" "$stage/result.sh"
[ "$(id -u)" = 0 ] && mknod -m 600 "$stage/dev/console" c 5 1
: >"$stage/etc/vm-modules"
for p in "${order[@]}"; do
	b=$(basename "$p")
	case $b in
	*.xz) xz -dc "$mdir/$p" >"$stage/lib/modules/$krel/${b%.xz}"; b=${b%.xz} ;;
	*.zst) zstd -qdc "$mdir/$p" >"$stage/lib/modules/$krel/${b%.zst}"; b=${b%.zst} ;;
	*.gz) gzip -dc "$mdir/$p" >"$stage/lib/modules/$krel/${b%.gz}"; b=${b%.gz} ;;
	*) cp "$mdir/$p" "$stage/lib/modules/$krel/$b" ;;
	esac
	echo "$b" >>"$stage/etc/vm-modules"
done

(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0 --reproducible) | gzip -n -1 >"$out.tmp.$$"
mv -f "$out.tmp.$$" "$out"
echo "$key" >"$out.key"
echo "$out"
