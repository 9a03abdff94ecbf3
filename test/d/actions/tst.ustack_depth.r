
<frames:1>

