[a\tb\nc]
[plain]

