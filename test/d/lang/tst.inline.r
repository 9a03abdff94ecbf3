8 dtrace 16

