#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# DIF offsets are the compiler's choice: mask them.
exec sed -E 's/at DIF offset [0-9]+$/at DIF offset N/'
