CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN 
  C      I                           :BEGIN 

