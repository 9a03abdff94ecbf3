hi
8

