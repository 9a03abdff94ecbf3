CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN         1  hello                                            2

