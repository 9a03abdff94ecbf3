[llo] [lo]
[/b/c] [/c]
[xyz]

