3 errors

