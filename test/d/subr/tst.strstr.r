[o world]
[cabc]
[abc]

