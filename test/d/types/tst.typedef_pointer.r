z 8

