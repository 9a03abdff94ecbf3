#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run the ioctl ABI test program (test/ioctl, built by `make ioctl-test`)
# against the loaded module.  Chrooted into the host root by the VM runner.
# If out/ioctl/dtrace-ioctl-test is missing or older than its sources, it
# is compiled here into /tmp first (the chroot has the host's gcc).
set -u
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
bin=$REPO/out/ioctl/dtrace-ioctl-test
src=$REPO/test/ioctl

stale=0
if [ ! -x "$bin" ]; then
	stale=1
else
	for f in "$src"/*.c "$src"/*.h "$REPO/dtrace.h"; do
		[ "$f" -nt "$bin" ] && stale=1
	done
fi
if [ $stale = 1 ]; then
	echo "# $bin missing or stale: compiling it in the guest"
	bin=/tmp/dtrace-ioctl-test
	gcc -O2 -Wall -Werror -I"$REPO" -I"$src" -o "$bin" \
		"$src"/dtrace-ioctl-test.c "$src"/consumer.c "$src"/difasm.c \
		"$src"/enabling.c || { echo "compiling the ioctl test failed"; exit 1; }
fi
exec "$bin" "$@"
