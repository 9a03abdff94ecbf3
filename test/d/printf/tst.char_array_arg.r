[ok][   ok]

