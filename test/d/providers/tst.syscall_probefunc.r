syscall::dup2:entry
dup2 1 1 close 3 3

