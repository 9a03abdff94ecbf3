
  bar                                                               1
  foo                                                               2
  baz                                                               3
