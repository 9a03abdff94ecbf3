sd 5

