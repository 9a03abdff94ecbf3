CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN   begin                            
  C      I                             :END   end                              

