#!/bin/sh
exec sh ../actions/stackshape.sh 0
