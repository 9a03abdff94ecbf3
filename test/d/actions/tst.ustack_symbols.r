
libc ioctl frame
