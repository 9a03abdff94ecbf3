CPU     ID                    FUNCTION:NAME
  C      I                       :tick-10ms         1
  C      I                       :tick-10ms         2
  C      I                       :tick-10ms         3
  C      I                       :tick-10ms 

