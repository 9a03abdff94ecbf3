begin
speculated in BEGIN

