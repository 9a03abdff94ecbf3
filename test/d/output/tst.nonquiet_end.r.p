#!/bin/sh
# mask the CPU and probe ID columns
sed -E 's/^[ 0-9]{3} [ 0-9]{6} /  C      I /'
