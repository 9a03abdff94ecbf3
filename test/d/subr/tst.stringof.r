[abc]
[xy] 2

