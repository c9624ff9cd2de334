"""Peer exchanges in their own app, with every row they had in ``events``.

1. The models join this app's state on the tables they had (``events_*``); the
   database is not touched (``events.0011_peer_exchanges_move_to_exchanges_app``
   took them out of the events app's state).
2. The tables are renamed to ``exchanges_*``, and the one index whose name Django
   derives from the table follows. Foreign keys keep pointing at the same rows:
   a renamed table keeps its constraints, in both directions (to users,
   organisations, event pages; from the log, candidates, missions...). The unique
   constraints keep their ``events_one_…`` names.
3. The content types of the moved models are relabelled from ``events`` to
   ``exchanges``, so that what points at them by content type (outbox notices about
   a case, permissions, admin log entries) still finds them. A stale row for the new
   label (made by a ``migrate`` that stopped before this migration) gives way: what
   points at it moves to the relabelled row, and its default permissions go with it
   (those of the relabelled row, with their group assignments, stay).
"""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = (
    "exchangeactionitem",
    "exchangecandidate",
    "exchangecheckpoint",
    "exchangefeedback",
    "exchangelog",
    "exchangemission",
    "exchangeoffer",
    "peerexchange",
)


def _points_at_content_types(apps):
    """Every foreign key to ``ContentType`` but permissions' (a permission belongs
    to its content type and goes with it)."""
    for model in apps.get_models():
        if model._meta.label_lower == "auth.permission":
            continue
        for field in model._meta.concrete_fields:
            target = field.related_model if field.is_relation else None
            if target is not None and target._meta.label_lower == (
                "contenttypes.contenttype"
            ):
                yield model, field.name


def _relabel(apps, old_label: str, new_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        stale = ContentType.objects.filter(app_label=new_label, model=model).first()
        if stale is not None:
            # Whatever already points at the stale row follows to the kept one.
            for referrer, name in _points_at_content_types(apps):
                referrer.objects.filter(**{name: stale}).update(**{name: old})
            stale.delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def content_types_to_exchanges(apps, schema_editor):
    _relabel(apps, "events", "exchanges")


def content_types_to_events(apps, schema_editor):
    _relabel(apps, "exchanges", "events")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("community", "0007_names_on_one_line"),
        ("core", "0002_sdg"),
        ("events", "0011_peer_exchanges_move_to_exchanges_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ExchangeOffer",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("expert_mission", "Expert mission"),
                                    ("study_visit", "Study visit"),
                                    ("online_consultation", "Online consultation"),
                                    (
                                        "local_project_workshop",
                                        "Local project workshop",
                                    ),
                                ],
                                max_length=30,
                                verbose_name="I can",
                            ),
                        ),
                        (
                            "topic",
                            models.CharField(
                                help_text="E.g. “community land-use plans for new districts”.",
                                max_length=200,
                                verbose_name="on",
                            ),
                        ),
                        (
                            "description",
                            models.TextField(
                                blank=True, max_length=1200, verbose_name="details"
                            ),
                        ),
                        (
                            "languages",
                            models.JSONField(
                                blank=True, default=list, verbose_name="languages"
                            ),
                        ),
                        (
                            "is_active",
                            models.BooleanField(default=True, verbose_name="open"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="published",
                            ),
                        ),
                        (
                            "cluster",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"locale__language_code": "en"},
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="core.cluster",
                                verbose_name="thematic cluster",
                            ),
                        ),
                        (
                            "field_of_action",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"locale__language_code": "en"},
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="core.fieldofaction",
                                verbose_name="field of action",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="exchange_offers",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="offered by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "offer to peers",
                        "verbose_name_plural": "offers to peers",
                        "db_table": "events_exchangeoffer",
                        "ordering": ["-created_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="PeerExchange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                help_text="The challenge in a few words, e.g. “Land-use plan for Tareq”.",
                                max_length=200,
                                verbose_name="title",
                            ),
                        ),
                        (
                            "challenge",
                            models.TextField(
                                help_text="What the city wants to solve, and what it has tried so far.",
                                max_length=4000,
                                verbose_name="challenge",
                            ),
                        ),
                        (
                            "formats",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Codes from MissionKind.",
                                verbose_name="formats wished for",
                            ),
                        ),
                        (
                            "languages",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Language codes, e.g. ['ar', 'en'].",
                                verbose_name="working languages",
                            ),
                        ),
                        (
                            "timeframe",
                            models.CharField(
                                blank=True,
                                help_text="When the exchange should happen, e.g. “spring 2027”.",
                                max_length=200,
                                verbose_name="timeframe",
                            ),
                        ),
                        (
                            "show_to_members",
                            models.BooleanField(
                                default=False,
                                help_text="Verified members may see the title and summary and volunteer as peers.",
                                verbose_name="show a summary to members",
                            ),
                        ),
                        (
                            "summary",
                            models.TextField(
                                blank=True,
                                help_text="What other members see when the city agrees to show it.",
                                max_length=600,
                                verbose_name="summary for members",
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Submitted"),
                                    ("eligibility_review", "Eligibility review"),
                                    ("needs_revision", "Needs revision"),
                                    ("resubmitted", "Resubmitted"),
                                    ("not_eligible", "Not eligible"),
                                    ("accepted", "Accepted"),
                                    ("framing", "Framing"),
                                    ("matching", "Matching peers"),
                                    ("peers_confirmed", "Peers confirmed"),
                                    ("agreement", "Agreement"),
                                    ("missions", "Missions"),
                                    ("report", "Report"),
                                    ("follow_up", "Follow-up"),
                                    ("closed", "Closed"),
                                    ("withdrawn", "Withdrawn"),
                                    ("cancelled", "Cancelled"),
                                ],
                                db_index=True,
                                default="draft",
                                max_length=20,
                                verbose_name="state",
                            ),
                        ),
                        (
                            "state_changed_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="in this state since",
                            ),
                        ),
                        (
                            "guiding_questions",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Up to three questions the exchange should answer.",
                                verbose_name="guiding questions",
                            ),
                        ),
                        (
                            "desired_change",
                            models.TextField(
                                blank=True,
                                max_length=4000,
                                verbose_name="the change the city wants",
                            ),
                        ),
                        (
                            "objectives",
                            models.TextField(
                                blank=True, max_length=4000, verbose_name="objectives"
                            ),
                        ),
                        (
                            "agenda",
                            models.TextField(
                                blank=True, max_length=4000, verbose_name="agenda"
                            ),
                        ),
                        (
                            "roles",
                            models.TextField(
                                blank=True, max_length=4000, verbose_name="roles"
                            ),
                        ),
                        (
                            "costs",
                            models.TextField(
                                blank=True,
                                max_length=4000,
                                verbose_name="who pays what",
                            ),
                        ),
                        (
                            "findings",
                            models.TextField(
                                blank=True, max_length=4000, verbose_name="findings"
                            ),
                        ),
                        (
                            "recommendations",
                            models.TextField(
                                blank=True,
                                max_length=4000,
                                verbose_name="recommendations",
                            ),
                        ),
                        (
                            "report_filed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="report filed"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="created",
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                auto_now=True, verbose_name="last change"
                            ),
                        ),
                        (
                            "case_manager",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="managed_exchanges",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="case manager",
                            ),
                        ),
                        (
                            "cluster",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"locale__language_code": "en"},
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="core.cluster",
                                verbose_name="thematic cluster",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="filed_exchanges",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="filed by",
                            ),
                        ),
                        (
                            "field_of_action",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"locale__language_code": "en"},
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="core.fieldofaction",
                                verbose_name="field of action",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="peer_exchanges",
                                to="community.organisation",
                                verbose_name="requesting city",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "peer exchange",
                        "verbose_name_plural": "peer exchanges",
                        "db_table": "events_peerexchange",
                        "ordering": ["-created_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="ExchangeMission",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("expert_mission", "Expert mission"),
                                    ("study_visit", "Study visit"),
                                    ("online_consultation", "Online consultation"),
                                    (
                                        "local_project_workshop",
                                        "Local project workshop",
                                    ),
                                ],
                                max_length=30,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(max_length=200, verbose_name="title"),
                        ),
                        ("starts_on", models.DateField(verbose_name="starts")),
                        (
                            "ends_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="ends"
                            ),
                        ),
                        (
                            "place",
                            models.CharField(
                                blank=True,
                                help_text="Or “online”.",
                                max_length=200,
                                verbose_name="place",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="scheduled",
                            ),
                        ),
                        (
                            "event",
                            models.ForeignKey(
                                blank=True,
                                help_text="The invite-only event page participants register on.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="exchange_missions",
                                to="events.eventpage",
                                verbose_name="event page",
                            ),
                        ),
                        (
                            "exchange",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="missions",
                                to="exchanges.peerexchange",
                                verbose_name="peer exchange",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "mission",
                        "verbose_name_plural": "missions",
                        "db_table": "events_exchangemission",
                        "ordering": ["starts_on", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="ExchangeLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "reason",
                            models.TextField(
                                blank=True, max_length=2000, verbose_name="reason"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="when"
                            ),
                        ),
                        (
                            "action",
                            models.CharField(max_length=30, verbose_name="action"),
                        ),
                        (
                            "from_state",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Submitted"),
                                    ("eligibility_review", "Eligibility review"),
                                    ("needs_revision", "Needs revision"),
                                    ("resubmitted", "Resubmitted"),
                                    ("not_eligible", "Not eligible"),
                                    ("accepted", "Accepted"),
                                    ("framing", "Framing"),
                                    ("matching", "Matching peers"),
                                    ("peers_confirmed", "Peers confirmed"),
                                    ("agreement", "Agreement"),
                                    ("missions", "Missions"),
                                    ("report", "Report"),
                                    ("follow_up", "Follow-up"),
                                    ("closed", "Closed"),
                                    ("withdrawn", "Withdrawn"),
                                    ("cancelled", "Cancelled"),
                                ],
                                max_length=20,
                                verbose_name="from",
                            ),
                        ),
                        (
                            "to_state",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("submitted", "Submitted"),
                                    ("eligibility_review", "Eligibility review"),
                                    ("needs_revision", "Needs revision"),
                                    ("resubmitted", "Resubmitted"),
                                    ("not_eligible", "Not eligible"),
                                    ("accepted", "Accepted"),
                                    ("framing", "Framing"),
                                    ("matching", "Matching peers"),
                                    ("peers_confirmed", "Peers confirmed"),
                                    ("agreement", "Agreement"),
                                    ("missions", "Missions"),
                                    ("report", "Report"),
                                    ("follow_up", "Follow-up"),
                                    ("closed", "Closed"),
                                    ("withdrawn", "Withdrawn"),
                                    ("cancelled", "Cancelled"),
                                ],
                                max_length=20,
                                verbose_name="to",
                            ),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                        (
                            "exchange",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="log",
                                to="exchanges.peerexchange",
                                verbose_name="peer exchange",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "peer exchange change",
                        "verbose_name_plural": "peer exchange changes",
                        "db_table": "events_exchangelog",
                        "ordering": ["created_at", "id"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="ExchangeFeedback",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "rating",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(5),
                                ],
                                verbose_name="how useful was it (1–5)",
                            ),
                        ),
                        (
                            "comment",
                            models.TextField(
                                blank=True, max_length=2000, verbose_name="comment"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="given"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="participant",
                            ),
                        ),
                        (
                            "exchange",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="feedback",
                                to="exchanges.peerexchange",
                                verbose_name="peer exchange",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "feedback",
                        "verbose_name_plural": "feedback",
                        "db_table": "events_exchangefeedback",
                    },
                ),
                migrations.CreateModel(
                    name="ExchangeCheckpoint",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "month",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (3, "3 months"),
                                    (6, "6 months"),
                                    (12, "12 months"),
                                ],
                                verbose_name="checkpoint",
                            ),
                        ),
                        (
                            "what_changed",
                            models.TextField(
                                max_length=4000, verbose_name="what changed"
                            ),
                        ),
                        (
                            "adoption",
                            models.CharField(
                                choices=[
                                    ("aware", "Aware"),
                                    ("adapting", "Adapting"),
                                    ("implemented", "Implemented"),
                                ],
                                max_length=20,
                                verbose_name="adoption level",
                            ),
                        ),
                        (
                            "project_stage",
                            models.CharField(
                                choices=[
                                    ("idea", "Project idea"),
                                    ("concept", "Concept"),
                                    ("advisory", "Advisory"),
                                    ("ready", "Ready for implementation"),
                                    ("implemented", "Implemented"),
                                    ("stalled", "Stalled"),
                                ],
                                max_length=20,
                                verbose_name="project stage",
                            ),
                        ),
                        (
                            "recorded_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="recorded",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recorded by",
                            ),
                        ),
                        (
                            "exchange",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="checkpoints",
                                to="exchanges.peerexchange",
                                verbose_name="peer exchange",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "follow-up checkpoint",
                        "verbose_name_plural": "follow-up checkpoints",
                        "db_table": "events_exchangecheckpoint",
                        "ordering": ["month"],
                    },
                ),
                migrations.CreateModel(
                    name="ExchangeCandidate",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                choices=[
                                    ("shortlisted", "Shortlisted"),
                                    ("volunteered", "Volunteered"),
                                    ("invited", "Invited"),
                                    ("opted_in", "Opted in"),
                                    ("declined", "Declined"),
                                ],
                                default="shortlisted",
                                max_length=20,
                                verbose_name="state",
                            ),
                        ),
                        (
                            "score",
                            models.IntegerField(
                                blank=True, null=True, verbose_name="matching score"
                            ),
                        ),
                        (
                            "note",
                            models.TextField(
                                blank=True,
                                help_text="Why they were asked, or what a volunteer offers.",
                                max_length=2000,
                                verbose_name="note",
                            ),
                        ),
                        (
                            "reason",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="reason for declining",
                            ),
                        ),
                        (
                            "invited_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="invited"
                            ),
                        ),
                        (
                            "responded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="answered"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="added"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="exchange_candidacies",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="person",
                            ),
                        ),
                        (
                            "exchange",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="candidates",
                                to="exchanges.peerexchange",
                                verbose_name="peer exchange",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "candidate peer",
                        "verbose_name_plural": "candidate peers",
                        "db_table": "events_exchangecandidate",
                        "ordering": ["created_at", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="ExchangeActionItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(max_length=600, verbose_name="what"),
                        ),
                        (
                            "owner",
                            models.CharField(
                                help_text="A person or a department.",
                                max_length=200,
                                verbose_name="owner",
                            ),
                        ),
                        ("due_on", models.DateField(verbose_name="due")),
                        (
                            "done",
                            models.BooleanField(default=False, verbose_name="done"),
                        ),
                        (
                            "exchange",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="action_items",
                                to="exchanges.peerexchange",
                                verbose_name="peer exchange",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "action item",
                        "verbose_name_plural": "action items",
                        "db_table": "events_exchangeactionitem",
                        "ordering": ["due_on", "id"],
                    },
                ),
                migrations.AddIndex(
                    model_name="peerexchange",
                    index=models.Index(
                        fields=["state", "state_changed_at"],
                        name="events_peer_state_65bcde_idx",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="exchangefeedback",
                    constraint=models.UniqueConstraint(
                        fields=("exchange", "user"),
                        name="events_one_feedback_per_participant",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="exchangecheckpoint",
                    constraint=models.UniqueConstraint(
                        fields=("exchange", "month"),
                        name="events_one_checkpoint_per_month",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="exchangecandidate",
                    constraint=models.UniqueConstraint(
                        fields=("exchange", "user"),
                        name="events_one_candidacy_per_person",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="exchangeactionitem", table=None),
        migrations.AlterModelTable(name="exchangecandidate", table=None),
        migrations.AlterModelTable(name="exchangecheckpoint", table=None),
        migrations.AlterModelTable(name="exchangefeedback", table=None),
        migrations.AlterModelTable(name="exchangelog", table=None),
        migrations.AlterModelTable(name="exchangemission", table=None),
        migrations.AlterModelTable(name="exchangeoffer", table=None),
        migrations.AlterModelTable(name="peerexchange", table=None),
        migrations.RenameIndex(
            model_name="peerexchange",
            new_name="exchanges_p_state_e06df4_idx",
            old_name="events_peer_state_65bcde_idx",
        ),
        migrations.RunPython(content_types_to_exchanges, content_types_to_events),
    ]
