[beef][BEEF][10]
[0xff][0XFF][017]
[ffffffff][ffffffffffffffff]
[0000beef][ab    ][0x001f]
[0]

