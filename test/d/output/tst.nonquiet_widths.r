CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN    5   300    70000       5000000000

