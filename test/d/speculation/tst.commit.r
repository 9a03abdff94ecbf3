not speculative
speculative

