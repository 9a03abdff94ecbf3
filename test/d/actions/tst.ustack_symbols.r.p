#!/bin/sh
# the frame line becomes one word when it has the expected shape
sed -E 's/^ {14}libc\.so\.6`[A-Za-z_]*ioctl\+0x[0-9a-f]+$/libc ioctl frame/'
