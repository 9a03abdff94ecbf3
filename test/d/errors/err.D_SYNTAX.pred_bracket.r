-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.pred_bracket.d: [D_SYNTAX] line 13: closing ] expected in predicate before /
