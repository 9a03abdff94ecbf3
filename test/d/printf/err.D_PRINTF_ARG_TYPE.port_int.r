-- @@stderr --
dtrace: failed to compile script err.D_PRINTF_ARG_TYPE.port_int.d: [D_PRINTF_ARG_TYPE] line 10: printf( ) argument #2 is incompatible with conversion #1 prototype:
	conversion: %P
	 prototype: uint16_t
	  argument: int
