count=2

