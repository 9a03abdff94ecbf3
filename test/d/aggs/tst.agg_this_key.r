
  key                                                      42               40
