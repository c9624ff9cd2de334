"""schema.org JSON-LD for ``<script type="application/ld+json">`` elements."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe


def json_ld(data: dict) -> SafeString:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - the characters that end a script are escaped
