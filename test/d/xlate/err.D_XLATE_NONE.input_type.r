-- @@stderr --
dtrace: failed to compile script err.D_XLATE_NONE.input_type.d: [D_XLATE_NONE] line 25: cannot translate from "string" to "struct output_struct *"
