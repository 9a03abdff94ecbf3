[/usr/bin/x]
[/c]
[/already/clean]

