10 20 loc

