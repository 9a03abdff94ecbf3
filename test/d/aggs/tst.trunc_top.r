
  four                                                              4
  five                                                              5
