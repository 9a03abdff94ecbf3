f 5

