7 str

