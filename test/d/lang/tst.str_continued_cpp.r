[hello there]

