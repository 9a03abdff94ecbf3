CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN   short                              a string that is longer than thirty-three characters

