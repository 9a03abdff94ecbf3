-- @@stderr --
dtrace: failed to compile script err.eof_in_comment.d: line 11: end-of-file encountered before matching */
