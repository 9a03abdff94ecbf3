   ID   PROVIDER            MODULE                          FUNCTION NAME
   NN    syscall                                                read entry
   NN    syscall                                                read return
   NN    syscall                                              openat entry
   NN    syscall                                              openat return
   NN    syscall                                             getppid entry
   NN    syscall                                             getppid return
