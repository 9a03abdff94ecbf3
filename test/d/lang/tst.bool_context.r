t t f
t

