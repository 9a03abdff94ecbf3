dtrace:::BEGIN
dtrace

