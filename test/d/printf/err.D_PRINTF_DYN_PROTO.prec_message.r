-- @@stderr --
dtrace: failed to compile script err.D_PRINTF_DYN_PROTO.prec_message.d: [D_PRINTF_DYN_PROTO] line 9: printf( ) prototype mismatch: conversion #2 (%d) is missing a corresponding ".*" argument
