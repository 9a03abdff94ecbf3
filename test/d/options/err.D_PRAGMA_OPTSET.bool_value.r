-- @@stderr --
dtrace: failed to compile script err.D_PRAGMA_OPTSET.bool_value.d: [D_PRAGMA_OPTSET] line 8: failed to set option 'aggpack' to 'maybe': Invalid value for specified option
