[/usr/lib]
[/usr]
[/]
[/]
[.]
[a]

