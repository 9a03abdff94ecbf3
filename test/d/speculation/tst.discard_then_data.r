after discard 2

