go

