#!/bin/sh
exec sh ./stackshape.sh
