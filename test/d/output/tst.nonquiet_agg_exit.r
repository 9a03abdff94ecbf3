CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN 

  k                                                                 1
