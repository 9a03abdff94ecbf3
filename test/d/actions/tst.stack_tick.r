
<frames:many>

