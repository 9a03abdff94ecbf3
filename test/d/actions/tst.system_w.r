w

