
  b                                                                -5
  c                                                                 7
  a                                                                30
