before
during
after

