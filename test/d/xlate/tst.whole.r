42 16784 0 ok ok!
abcd
42 1

