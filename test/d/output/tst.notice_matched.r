CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN 
  C      I                             :END 

-- @@stderr --
dtrace: script 'tst.notice_matched.d' matched 2 probes
