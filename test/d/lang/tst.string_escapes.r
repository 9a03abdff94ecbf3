[a	b]
[q"q]
[back\slash]
[ABC]
[two
lines]

