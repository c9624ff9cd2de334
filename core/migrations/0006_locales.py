"""A Wagtail locale for each interface language, in a fresh database and an
existing one.

Wagtail's own migration creates only the default language's locale; the others
came from ``seed_demo`` or from an editor adding them under Settings → Locales.
Pages and taxonomy rows can only be translated into a language that has a locale,
so every installation has all six from its first ``migrate``. The codes are listed
here, not read from the settings, so that the migration does the same whenever it
runs.
"""

from django.db import migrations

LANGUAGE_CODES = ("en", "de", "fr", "es", "pt", "ar")


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_standard_page_in_footer"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Going back leaves the locales: pages and rows may already use them.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
