[65001] [65001  ] [not-an-address] [             x.y]

