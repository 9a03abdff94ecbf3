a	b\c"d
AB

