[A][    B][C  ]
[hi]

