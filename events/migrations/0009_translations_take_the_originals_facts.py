"""Existing translations take the facts of their default-language original once;
from now on ``events.facts`` keeps them equal on every publication. The facts are
copied into the rows; revisions need no copy, since a translation's revision takes
the original's facts whenever it is published or opened (``with_content_json``)."""

from django.conf import settings
from django.db import migrations

# ``EventPage.FACT_FIELDS`` as of this migration (a migration must not import it).
COLUMNS = (
    "event_format",
    "starts_at",
    "ends_at",
    "time_zone",
    "month_only",
    "attendance_mode",
    "venue",
    "venue_city",
    "country",
    "online_link",
    "host_city_id",
    "region_id",
    "cluster_id",
    "field_of_action_id",
    "working_languages",
    "capacity",
    "host_reserved_places",
    "applications_open",
    "applications_close",
    "eligibility",
    "selection_mode",
    "waitlist_offer_hours",
)
RELATIONS = ("partner_organisations", "organisers")


def copy_facts(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    originals = EventPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    )
    for original in originals.iterator():
        translations = EventPage.objects.filter(
            translation_key=original.translation_key
        ).exclude(pk=original.pk)
        target_ids = list(translations.values_list("pk", flat=True))
        if not target_ids:
            continue
        translations.update(
            **{column: getattr(original, column) for column in COLUMNS}
        )
        for name in RELATIONS:
            field = EventPage._meta.get_field(name)
            through = field.remote_field.through
            own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
            related = list(
                through.objects.filter(**{own: original.pk}).values_list(
                    other, flat=True
                )
            )
            through.objects.filter(**{f"{own}__in": target_ids}).delete()
            through.objects.bulk_create(
                through(**{f"{own}_id": target, f"{other}_id": pk})
                for target in target_ids
                for pk in related
            )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_event_calendar_sequence"),
    ]

    operations = [migrations.RunPython(copy_facts, migrations.RunPython.noop)]
