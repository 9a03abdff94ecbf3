CPU     ID                    FUNCTION:NAME
  C      I                           :BEGIN 

-- @@stderr --
dtrace: script 'tst.notice_matched_one.d' matched 1 probe
