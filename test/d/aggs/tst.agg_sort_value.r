
  minus                                                          -100
  zero                                                              0
  three                                                             3
  big                                                            1000
