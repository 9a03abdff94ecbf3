

     min .--------------------------------. max      | count
   < -10 : V    X    X                    : >= 20    | 1


     min .--------------------------------. max      | count
   < -10 : v    x    x                    : >= 20    | 1


        min .---. max        | count
 2147483648 : X : 8589934592 | 1

      key  min .---. max  | count
        1    0 : X : 2    | 1

              key  min .---. max  | count
           mumble    0 : X : 2    | 1

                                         key  min .---. max  | count
              foo   1     2                3    0 : X : 2    | 1
