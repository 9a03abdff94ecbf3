struct timespec64 {
    time64_t tv_sec = 0x5
    long int tv_nsec = 0
}
struct qstr {
    union  {
        struct  {
            u32 hash = 0x1
            u32 len = 0x2
        }
        u64 hash_len = 0x200000001
    }
    const unsigned char *name = 0
}
unsigned int 0x2

