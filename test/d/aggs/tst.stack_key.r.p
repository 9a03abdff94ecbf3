#!/bin/sh
sed 's/^ \{16\}\([0-9][0-9]*\)$/<value:\1>/' | sh ../actions/stackshape.sh 14
