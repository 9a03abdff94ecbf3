openat arg0 -2 arg1 -2 errno 2
close arg0 0 arg1 0 errno 0
close arg0 -9 arg1 -9 errno 9

