

<frames:many>
<value:2>
