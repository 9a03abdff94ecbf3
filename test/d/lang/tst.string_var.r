hello
bye [] 1

