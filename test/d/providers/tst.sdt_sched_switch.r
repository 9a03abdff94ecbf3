sdt sched empty sched_switch N

