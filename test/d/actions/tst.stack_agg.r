
<frames:many>
1

