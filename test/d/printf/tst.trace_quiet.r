1a-2b

