a b c d e f g h
1 2 3 4 5 6 7 8

