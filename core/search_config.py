"""Which PostgreSQL text-search configuration stems each language.

Apart from the search backend (``core.search_backend``) so that the query helpers
can be imported while models load: the backend module needs the search app's
models to be ready.
"""

from django.conf import settings

# PostgreSQL's own configurations (``SELECT cfgname FROM pg_ts_config``): each
# removes its language's stop words and stems with Snowball ("villes" → "vill",
# "ciudades" → "ciudad", "cidades" → "cidad"; Arabic strips common prefixes and
# suffixes).
SEARCH_CONFIGS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ar": "arabic",
}


def search_config_for(language: str | None) -> str:
    code = (language or settings.LANGUAGE_CODE)[:2]
    return SEARCH_CONFIGS.get(code, SEARCH_CONFIGS[settings.LANGUAGE_CODE[:2]])
