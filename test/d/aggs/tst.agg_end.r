
  end                                                               1
