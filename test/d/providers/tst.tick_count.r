fired 10
later 9

