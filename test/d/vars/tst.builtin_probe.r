[dtrace][][][BEGIN]
[dtrace][][][END]

