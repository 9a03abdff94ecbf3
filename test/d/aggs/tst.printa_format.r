bar: 1
foo: 2

