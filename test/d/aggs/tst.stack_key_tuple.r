name=BEGIN
<frames:1>

sum=7

