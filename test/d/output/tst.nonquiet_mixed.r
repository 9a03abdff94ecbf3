CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN a        1b

