not speculative

