[libc.so]
[lib]
[/]
[foo]
[b]

