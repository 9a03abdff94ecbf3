avg 15
min 3
max 4

