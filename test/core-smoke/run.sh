#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# run.sh KVER PLATFORM MODULE - build the framework smoke test on the host
# and run it in a VM (test/vm/run.sh) against MODULE.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$src/out/core-smoke"
gcc -O2 -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-I"$src" -I"$src/test/ioctl" -o "$src/out/core-smoke/smoke" \
	"$src/test/core-smoke/smoke.c" "$src/test/ioctl/consumer.c" \
	"$src/test/ioctl/difasm.c" "$src/test/ioctl/enabling.c"
exec "$src/test/vm/run.sh" "$1" "$2" "$3" "$src/test/core-smoke"
