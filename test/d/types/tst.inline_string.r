hi 1 hi!

