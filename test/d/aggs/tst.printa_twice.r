a 5
b 5

