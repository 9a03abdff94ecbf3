plain text
no newline then more

