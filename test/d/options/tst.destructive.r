destructive

