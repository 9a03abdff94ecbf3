[hello][     hello][hello     ]
[hel][        he][hello]
[][   ]

