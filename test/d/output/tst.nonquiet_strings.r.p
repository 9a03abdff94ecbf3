#!/bin/sh
# mask the CPU and probe ID columns of probe lines (CPU, ID, FUNCTION:NAME)
sed -E 's/^[ 0-9]{2}[0-9] [ 0-9]{5}[0-9] ( *[^ ]*:[^ ]*) /  C      I \1 /'
