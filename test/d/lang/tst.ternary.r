1 2
pos neg
c
10

