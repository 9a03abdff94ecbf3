5 set

