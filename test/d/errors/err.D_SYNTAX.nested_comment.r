-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.nested_comment.d: [D_SYNTAX] line 10: /* encountered inside a comment
