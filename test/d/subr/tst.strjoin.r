[foobar]
[x][x][]
[abcd] 4

