CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN 
  C      I                             :END 
  k                                                                 4


