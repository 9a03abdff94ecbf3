entry 7
return 7

