#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Kernel addresses and DIF offsets are not the script's: mask them.
exec sed -E -e 's/invalid address \(0x[0-9a-f]+\)/invalid address (ADDR)/' \
	-e 's/at DIF offset [0-9]+$/at DIF offset N/'
