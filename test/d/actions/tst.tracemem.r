
             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef
         0: 68 65 6c 6c 6f 00 01 7f 41 42 43 44 45 46 47 48  hello...ABCDEFGH
        10: 31 32 ff 20                                      12. 

