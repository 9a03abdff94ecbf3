hello world []

