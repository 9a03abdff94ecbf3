3 four

