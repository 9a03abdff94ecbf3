5 hello 6

