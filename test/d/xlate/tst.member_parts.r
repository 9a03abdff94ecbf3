30 400 5 7
6 60 600 7
struct pair {
    long a = 0x14
    long b = 0xc8
}
struct holder {
    int x = 0x2
    struct pair t = {
        long a = 0x14
        long b = 0xc8
    }
    int y = 0x7
}

