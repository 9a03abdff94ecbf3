-- @@stderr --
dtrace: failed to compile script err.D_PRAGMA_MALFORM.option_extra.d: [D_PRAGMA_MALFORM] line 7: superfluous arguments specified for #pragma option
