one
error
three

