#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# demo.sh - `make demo`: install what is missing, build dtrace.ko and
# dtrace(1) for the default Debian kernel (the newest installed 6.1) and
# the native platform, boot it in QEMU, and run D scripts there: a hello
# world and a quantize histogram of timer-driven samples.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
test/deps.sh
k=${KVER:-$(tools/kernels.sh 6.1)}
[ -n "$k" ] || { echo "demo: no Debian 6.1 kernel with headers installed" >&2; exit 1; }
p=${PLATFORM:-native}
o=out/$k-$p
echo "== building dtrace.ko for $k ($p) in $o"
make -s O="$o" "${p}_defconfig"
make -s O="$o" KVER="$k"
echo "== building dtrace(1)"
make -s cmd
echo "== booting $k in QEMU ($p) and running the demo scripts"
VM_OUT=out/demo-vm test/vm/run.sh "$k" "$p" "$o/dtrace.ko" test/demo
for f in out/demo-vm/run/$k-$p/results/t/*.result; do
	[ -f "$f" ] || continue
	echo "---- $(basename "$f" .result): what the guest printed"
	sed -n '/^--- stdout ---$/,/^--- stderr ---$/p' "$f" | sed '1d;$d'
done
