
  one                                                               1
