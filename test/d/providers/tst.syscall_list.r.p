#!/bin/sh
# mask probe IDs
sed -E 's/^ *[0-9]+ /   NN /'
