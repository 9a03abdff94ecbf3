CPU FUNCTION                                 
  C | :BEGIN                                  x

