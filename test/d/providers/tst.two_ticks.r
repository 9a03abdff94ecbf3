both

