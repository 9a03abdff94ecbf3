1 1 1 1 1
1 1 1
1 O 1
1 1
dtrace

