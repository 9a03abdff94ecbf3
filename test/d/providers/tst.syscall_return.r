read:return arg0 4321 arg1 4321 errno 0

