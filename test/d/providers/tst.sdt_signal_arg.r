sdt:signal:signal_generate sig 10
sdt:signal:signal_generate sig 17

