-- @@stderr --
dtrace: failed to compile script err.D_PRINTF_DYN_TYPE.width_message.d: [D_PRINTF_DYN_TYPE] line 9: printf( ) argument #2 is incompatible with conversion #1 prototype:
	conversion: % * d
	 prototype: int
	  argument: string
