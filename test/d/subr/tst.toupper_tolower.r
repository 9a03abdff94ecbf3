[HELLO, WORLD 1!][hello, world 1!]
[][abc]

