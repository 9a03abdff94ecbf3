-- @@stderr --
dtrace: failed to compile script err.D_PRAGMA_MALFORM.line_state.d: [D_PRAGMA_MALFORM] line 8: malformed #line <line> [ ["file"] state ]
