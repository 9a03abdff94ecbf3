before discard
after discard
7
