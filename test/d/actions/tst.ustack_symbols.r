
libc ioctl frame

