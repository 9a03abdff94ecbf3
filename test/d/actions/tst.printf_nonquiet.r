CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN hi
  C      I                           :BEGIN 
  C      I                             :END bye

