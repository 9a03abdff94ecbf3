[hello there]
