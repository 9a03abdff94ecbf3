#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
exec awk -v total=50 -v size=1024 -v alldrops=1 -f bufcheck.awk
