-- @@stderr --
dtrace: failed to compile script err.D_PRINTF_ARG_TYPE.name_and_proto.d: [D_PRINTF_ARG_TYPE] line 10: printf( ) argument #2 is incompatible with conversion #1 prototype:
	conversion: %ld
	 prototype: long
	  argument: string
