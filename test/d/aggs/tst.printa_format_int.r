1 one 10
2 two 20

