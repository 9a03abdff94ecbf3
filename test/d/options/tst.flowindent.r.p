#!/bin/sh
# mask the CPU column
sed -E 's/^[ 0-9]{3} \|/  C |/'
