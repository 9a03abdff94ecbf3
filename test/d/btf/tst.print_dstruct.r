struct shape {
    struct point origin = {
        int x = 0x1
        int y = 0x2
    }
    enum color col = BLUE
    char tag = 'z'
    unsigned int flags :3 = 0x5
    char [8] name = [ "hi" ]
    struct shape *next = 0
    long len = 0x1234
}
struct point {
    int x = 0x1
    int y = 0x2
}

