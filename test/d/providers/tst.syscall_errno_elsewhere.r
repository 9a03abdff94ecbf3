BEGIN 0
close:entry 0
close:entry 0
close:return 9
END 0

