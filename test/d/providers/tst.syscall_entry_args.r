read:entry fd 9 size 4321 buf non-NULL

