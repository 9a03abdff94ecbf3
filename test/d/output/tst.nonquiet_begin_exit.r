CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN 

