#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
exec awk -v total=60 -f ratecheck.awk
