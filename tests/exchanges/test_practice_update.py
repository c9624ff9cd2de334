"""A closed exchange's report becomes a draft update of a good practice: only for
people who manage the case and may edit the practice; the live page stays as it is
until the draft is published through the usual workflow."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import Revision

import pytest

from exchanges.models import ExchangeCheckpoint, ExchangeLog, ExchangeState
from exchanges.practice_update import (
    LOG_ACTION,
    practice_update_from_exchange,
)
from exchanges.services import ExchangeError, NotAllowed
from practices.models import GoodPracticePage
from practices.services import knowledge_base_workflow_ensure
from tests import knowledge_fixtures as kb

from .conftest import make_exchange

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    """A Munich practice on the case's theme, a closed case with two checkpoints,
    and the MENA coordinator as an editor of the knowledge base."""
    pages = kb.index_pages(kb.seed_site())
    knowledge_base_workflow_ensure(index_pages=list(pages.values()))
    practice = kb.make_practice(
        pages["practices"],
        title="Community land-use plans",
        field="urban-renewal",
        cities=[world.munich],
        body="How Munich plans new districts.",
    )
    other = kb.make_practice(pages["practices"], title="Solar roofs in Bonn")
    exchange = make_exchange(
        world,
        ExchangeState.CLOSED,
        findings="Community plans work.\nStart small.",
        recommendations="Involve residents <early>.",
    )
    for month, adoption, changed in (
        (6, "adapting", "A pilot district was chosen."),
        (12, "implemented", "The council adopted the plan."),
    ):
        ExchangeCheckpoint.objects.create(
            exchange=exchange,
            month=month,
            what_changed=changed,
            adoption=adoption,
            project_stage="implemented",
        )
    editor = world.people.mena_coordinator
    editor.groups.add(Group.objects.get(name="Editors"))
    return {
        "practice": practice,
        "other": other,
        "exchange": exchange,
        "editor": editor,
    }


def _revisions(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_editor_drafts_an_update_and_the_live_page_stays(setup):
    practice, exchange = setup["practice"], setup["exchange"]
    live_body = list(practice.body.raw_data)
    before = _revisions(practice)

    revision = practice_update_from_exchange(
        exchange=exchange, practice=practice, actor=setup["editor"]
    )

    assert _revisions(practice) == before + 1
    assert revision.user == setup["editor"]
    practice = GoodPracticePage.objects.get(pk=practice.pk)
    assert practice.live
    assert practice.has_unpublished_changes
    assert list(practice.body.raw_data) == live_body  # the live page is unchanged
    assert practice.latest_revision_id == revision.pk
    assert practice.current_workflow_state is None  # the editor submits it
    draft = practice.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["overview", "transferability"]
    section = draft.body[1].value
    assert section["heading"] == "Update from a peer exchange"
    text = section["text"].source
    assert "Land-use plan for undeveloped land" in text
    assert "<li>Greater Amman Municipality (requesting city)</li>" in text
    assert "<li>Munich (peer)</li>" in text
    assert "<p>Community plans work.</p><p>Start small.</p>" in text
    assert "Involve residents &lt;early&gt;." in text
    assert "Implemented at the 12 months checkpoint." in text
    assert "The council adopted the plan." in text
    log = ExchangeLog.objects.get(exchange=exchange, action=LOG_ACTION)
    assert log.actor == setup["editor"]
    assert log.to_state == log.from_state == ExchangeState.CLOSED


def test_a_second_run_is_refused_clearly_and_changes_nothing(setup):
    practice, exchange = setup["practice"], setup["exchange"]
    practice_update_from_exchange(
        exchange=exchange, practice=practice, actor=setup["editor"]
    )
    count = _revisions(practice)
    with pytest.raises(ExchangeError, match="already drafted"):
        practice_update_from_exchange(
            exchange=exchange, practice=practice, actor=setup["editor"]
        )
    assert _revisions(practice) == count
    assert ExchangeLog.objects.filter(action=LOG_ACTION).count() == 1
    # Another practice may still get its own update from the same case.
    practice_update_from_exchange(
        exchange=exchange, practice=setup["other"], actor=setup["editor"]
    )
    assert ExchangeLog.objects.filter(action=LOG_ACTION).count() == 2


def test_coordinator_without_edit_rights_is_refused(world, setup):
    practice = setup["practice"]
    before = _revisions(practice)
    with pytest.raises(NotAllowed):
        practice_update_from_exchange(
            exchange=setup["exchange"],
            practice=practice,
            actor=world.people.country_coordinator,
        )
    # An editor who does not manage the case is refused too.
    outsider = world.people.germany_coordinator
    outsider.groups.add(Group.objects.get(name="Editors"))
    with pytest.raises(NotAllowed):
        practice_update_from_exchange(
            exchange=setup["exchange"], practice=practice, actor=outsider
        )
    assert _revisions(practice) == before
    assert not ExchangeLog.objects.filter(action=LOG_ACTION).exists()


def test_open_case_is_refused(world, setup):
    exchange = make_exchange(world, ExchangeState.FOLLOW_UP)
    before = _revisions(setup["practice"])
    with pytest.raises(ExchangeError, match="Only a closed peer exchange"):
        practice_update_from_exchange(
            exchange=exchange, practice=setup["practice"], actor=setup["editor"]
        )
    assert _revisions(setup["practice"]) == before


def test_case_page_offers_the_editable_practices_and_the_post_drafts(client, setup):
    exchange, practice = setup["exchange"], setup["practice"]
    client.force_login(setup["editor"])
    page = client.get(reverse("exchange_admin_detail", args=(exchange.pk,)))
    html = page.content.decode()
    assert "Update a good practice" in html
    form = page.context["practice_update_form"]
    groups = dict(form.fields["practice"].choices[1:])
    assert [title for _pk, title in groups["Suggested for this case"]] == [
        "Community land-use plans"
    ]
    url = reverse("exchange_admin_practice_update", args=(exchange.pk,))
    response = client.post(url, {"practice": practice.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=(practice.pk,)
    )
    assert GoodPracticePage.objects.get(pk=practice.pk).has_unpublished_changes

    # Again: a clear message on the case page, nothing new.
    count = _revisions(practice)
    response = client.post(url, {"practice": practice.pk}, follow=True)
    assert "already drafted" in response.content.decode()
    assert _revisions(practice) == count


def test_bad_input_and_missing_rights_change_nothing(world, client, setup):
    exchange, practice = setup["exchange"], setup["practice"]
    url = reverse("exchange_admin_practice_update", args=(exchange.pk,))
    before = _revisions(practice)

    client.force_login(setup["editor"])
    for data in ({}, {"practice": "abc"}, {"practice": "999999"}):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        assert "Choose one of the good practices you may edit." in (
            response.content.decode()
        )
    assert client.get(url).status_code == 405

    client.force_login(world.people.country_coordinator)  # manages, cannot edit
    page = client.get(reverse("exchange_admin_detail", args=(exchange.pk,)))
    assert "You may not edit any good practice" in page.content.decode()
    response = client.post(url, {"practice": practice.pk}, follow=True)
    assert response.status_code == 200
    assert "Choose one of the good practices you may edit." in (
        response.content.decode()
    )

    client.force_login(world.people.germany_coordinator)  # does not manage the case
    assert client.post(url, {"practice": practice.pk}).status_code == 404

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(setup["editor"])
    assert csrf_client.post(url, {"practice": practice.pk}).status_code == 403

    assert _revisions(practice) == before
    assert not ExchangeLog.objects.filter(action=LOG_ACTION).exists()


def test_open_case_page_has_no_practice_update(client, world, setup):
    exchange = make_exchange(world, ExchangeState.FOLLOW_UP)
    client.force_login(setup["editor"])
    page = client.get(reverse("exchange_admin_detail", args=(exchange.pk,)))
    assert page.context["practice_update_form"] is None
    url = reverse("exchange_admin_practice_update", args=(exchange.pk,))
    response = client.post(url, {"practice": setup["practice"].pk}, follow=True)
    assert "Only a closed peer exchange" in response.content.decode()
