"""Peer exchanges leave the events app with all their rows.

The database is taken back to the schema before the move (the exchange tables were
``events_*``, their content types labelled ``events``), filled with a case through
the historical models, and migrated forward again: every row is found through the
models of the ``exchanges`` app, on ``exchanges_*`` tables, and what points at the
moved models by content type (an outbox notice, permissions) still finds them.
"""

from datetime import date

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from exchanges.models import (
    ExchangeActionItem,
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeFeedback,
    ExchangeLog,
    ExchangeMission,
    ExchangeOffer,
    PeerExchange,
)
from notifications.models import Notification
from tests.factories import OrganisationFactory, UserFactory

# The flush after a transactional test would also drop what migrations create (the
# locale, the root page) that the other tests need.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("events", "0009_translations_take_the_originals_facts"),
    ("exchanges", None),
    ("notifications", None),
]
MOVED = (
    "exchangeactionitem",
    "exchangecandidate",
    "exchangecheckpoint",
    "exchangefeedback",
    "exchangelog",
    "exchangemission",
    "exchangeoffer",
    "peerexchange",
)


def _migrate(targets=None):
    """Migrate to ``targets`` (the latest migrations when None) and return the
    executor, whose loader then knows the new state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    executor.loader.build_graph()
    return executor


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return {
            name
            for name in connection.introspection.table_names(cursor)
            if name.endswith(MOVED)
        }


def _foreign_keys(table: str) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {c["foreign_key"] for c in constraints.values() if c["foreign_key"]}


def _fill_before(apps, *, city, people) -> dict:
    """A case in matching with two candidates, its log, a mission, an action item,
    feedback and a checkpoint, an offer, and notices about the case and the offer
    (the one about the offer by a stale ``exchanges`` content type)."""
    content_types = apps.get_model("contenttypes", "ContentType")
    case = apps.get_model("events", "PeerExchange").objects.create(
        title="Land-use plan for Tareq",
        organisation_id=city.pk,
        created_by_id=people["requester"].pk,
        case_manager_id=people["manager"].pk,
        challenge="Undeveloped land needs a plan.",
        formats=["study_visit"],
        languages=["ar", "en"],
        state="matching",
        guiding_questions=["How do German cities plan new districts?"],
    )
    for person, state in ((people["julia"], "opted_in"), (people["markus"], "invited")):
        apps.get_model("events", "ExchangeCandidate").objects.create(
            exchange=case, user_id=person.pk, state=state, score=42
        )
    log = apps.get_model("events", "ExchangeLog")
    log.objects.create(exchange=case, action="create", from_state="", to_state="draft")
    log.objects.create(
        exchange=case,
        action="start_matching",
        from_state="framing",
        to_state="matching",
        actor_id=people["manager"].pk,
        reason="Framed with the city.",
    )
    apps.get_model("events", "ExchangeMission").objects.create(
        exchange=case,
        kind="study_visit",
        title="Study visit to Munich",
        starts_on=date(2027, 5, 3),
    )
    apps.get_model("events", "ExchangeActionItem").objects.create(
        exchange=case,
        description="Draft the community plan",
        owner="Planning department",
        due_on=date(2027, 9, 1),
    )
    apps.get_model("events", "ExchangeFeedback").objects.create(
        exchange=case, user_id=people["julia"].pk, rating=5, comment="Useful."
    )
    apps.get_model("events", "ExchangeCheckpoint").objects.create(
        exchange=case,
        month=3,
        what_changed="The council discussed the plan.",
        adoption="adapting",
        project_stage="concept",
    )
    offer = apps.get_model("events", "ExchangeOffer").objects.create(
        user_id=people["julia"].pk,
        kind="study_visit",
        topic="Community land-use plans",
        languages=["de", "en"],
    )
    case_type = content_types.objects.get(app_label="events", model="peerexchange")
    offer_type = content_types.objects.get(app_label="events", model="exchangeoffer")
    # A ``migrate`` that stopped before the move left a row for the new label.
    stale = content_types.objects.create(app_label="exchanges", model="exchangeoffer")
    notice = apps.get_model("events", "Notification")
    for key, kind, subject_type, subject_id in (
        ("case", "exchange_matching", case_type, case.pk),
        ("offer", "exchange_offer", stale, offer.pk),
    ):
        notice.objects.create(
            recipient_id=people["requester"].pk,
            kind=kind,
            dedupe_key=f"migration-test:{key}",
            subject_type=subject_type,
            subject_id=subject_id,
        )
    return {
        "case": case.pk,
        "offer": offer.pk,
        "case_type": case_type.pk,
        "offer_type": offer_type.pk,
        "stale": stale.pk,
    }


def test_the_move_keeps_every_row_and_relabels_content_types():
    city = OrganisationFactory(name="Greater Amman Municipality")
    people = {
        name: UserFactory(first_name=name.title())
        for name in ("requester", "manager", "julia", "markus")
    }
    view_case = Permission.objects.get(
        content_type__app_label="exchanges", codename="view_peerexchange"
    )
    try:
        before = _migrate(BEFORE)
        assert _tables() == {f"events_{model}" for model in MOVED}
        graph = before.loader.graph
        state = [node for node in graph.leaf_nodes() if node[0] != "exchanges"]
        apps = before.loader.project_state(
            [BEFORE[0] if node[0] == "events" else node for node in state]
        ).apps
        old_types = apps.get_model("contenttypes", "ContentType").objects
        assert not old_types.filter(app_label="exchanges", model__in=MOVED).exists()
        made = _fill_before(apps, city=city, people=people)

        _migrate()

        assert _tables() == {f"exchanges_{model}" for model in MOVED}
        case = PeerExchange.objects.get(pk=made["case"])
        assert (case.title, case.state, case.organisation) == (
            "Land-use plan for Tareq",
            "matching",
            city,
        )
        assert (case.created_by, case.case_manager) == (
            people["requester"],
            people["manager"],
        )
        assert case.guiding_questions == ["How do German cities plan new districts?"]
        assert {(c.user, c.state, c.score) for c in case.candidates.all()} == {
            (people["julia"], "opted_in", 42),
            (people["markus"], "invited", 42),
        }
        assert [(e.action, e.to_state, e.actor) for e in case.log.all()] == [
            ("create", "draft", None),
            ("start_matching", "matching", people["manager"]),
        ]
        assert ExchangeLog.objects.get(action="start_matching").reason == (
            "Framed with the city."
        )
        assert [m.title for m in case.missions.all()] == ["Study visit to Munich"]
        # The renamed tables keep their foreign keys, e.g. a mission's event page.
        assert ("events_eventpage", "page_ptr_id") in _foreign_keys(
            "exchanges_exchangemission"
        )
        assert ("exchanges_peerexchange", "id") in _foreign_keys(
            "exchanges_exchangelog"
        )
        assert [i.owner for i in case.action_items.all()] == ["Planning department"]
        assert [(f.user, f.rating) for f in case.feedback.all()] == [
            (people["julia"], 5)
        ]
        assert [(c.month, c.project_stage) for c in case.checkpoints.all()] == [
            (3, "concept")
        ]
        offer = ExchangeOffer.objects.get(pk=made["offer"])
        assert offer.user == people["julia"]
        assert offer.topic == "Community land-use plans"
        counts = [
            model.objects.count()
            for model in (
                PeerExchange,
                ExchangeCandidate,
                ExchangeLog,
                ExchangeMission,
                ExchangeActionItem,
                ExchangeFeedback,
                ExchangeCheckpoint,
                ExchangeOffer,
            )
        ]
        assert counts == [1, 2, 2, 1, 1, 1, 1, 1]
        # New rows go on where the old ones stopped.
        assert (
            PeerExchange.objects.create(
                title="Next", organisation=city, challenge="More."
            ).pk
            > made["case"]
        )

        # The same content type rows, relabelled; nothing left under "events".
        assert not ContentType.objects.filter(
            app_label="events", model__in=MOVED
        ).exists()
        assert ContentType.objects.get_for_model(PeerExchange).pk == made["case_type"]
        assert (
            ContentType.objects.get_for_model(ExchangeOffer).pk == (made["offer_type"])
        )
        assert not ContentType.objects.filter(pk=made["stale"]).exists()
        assert (
            Permission.objects.get(
                content_type__app_label="exchanges", codename="view_peerexchange"
            )
            == view_case
        )
        # (ContentType's cache is left alone: the rows keep their ids, so what it
        # holds stays true, and the next test's restore of the migration rows
        # relies on it.)
        notices = {n.dedupe_key: n for n in Notification.objects.all()}
        assert notices["migration-test:case"].subject_object == case
        # The notice that pointed at the stale row followed to the kept one.
        assert notices["migration-test:offer"].subject_object == offer
    finally:
        _migrate()
