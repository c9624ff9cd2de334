"""schema.org JSON-LD for ``<script type="application/ld+json">`` elements."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from .links import public_url


def json_ld(data: dict) -> SafeString:
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - the characters that end a script are escaped


def place(organisation, url: str) -> dict:
    """schema.org ``Place`` of an organisation (with ``display_name``, ``country``
    and maybe coordinates), linked to its profile at ``url`` if it has one."""
    place = {
        "@type": "Place",
        "name": organisation.display_name,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": organisation.country.code,
        },
    }
    if url:
        place["url"] = public_url(url)
    if organisation.has_location:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(organisation.latitude),
            "longitude": float(organisation.longitude),
        }
    return place
