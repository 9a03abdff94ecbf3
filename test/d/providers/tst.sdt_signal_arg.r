sdt:signal:signal_generate sig 10

