40 100 400 2
<unknown> -1

