#!/bin/sh
exec sh ./stackshape.sh 0
