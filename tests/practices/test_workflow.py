"""The editorial workflow: Editors create and submit, the two review steps, publishing.

An editor creates a practice in the Wagtail admin and submits it; it waits for the
"Editorial check" (Editors), then the "Publication approval" (Moderators); only then
is it live, in the index, the feed and the API. Editors never publish on their own.
"""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from practices.models import GoodPracticePage
from practices.services import (
    MODERATORS,
    WORKFLOW_NAME,
    knowledge_base_workflow_ensure,
)
from tests import knowledge_fixtures as kb
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def knowledge_base():
    kb.seed_site()
    pages = kb.index_pages(kb.HomePage.objects.get(locale__language_code="en"))
    knowledge_base_workflow_ensure(index_pages=list(pages.values()))
    return pages


def _member_of(group_name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor():
    return _member_of("Editors")


@pytest.fixture
def moderator():
    return _member_of(MODERATORS)


def _add_url(parent) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=["practices", "goodpracticepage", parent.pk],
    )


def _create_in_admin(client, parent, *, action: str, title: str):
    """Fill the admin's create form as an editor would and press ``action``."""
    form_page = client.get(_add_url(parent))
    assert form_page.status_code == 200
    data = querydict_from_html(form_page.content.decode(), form_id="page-edit-form")
    # The StreamField is drawn by JavaScript; an empty one posts its count only.
    data.setdefault("body-count", "0")
    data["title"] = title
    data["slug"] = "solar-roofs-on-schools"
    data["teaser"] = "Schools produce their own electricity."
    data["country"] = "JO"
    data["cluster"] = str(kb.cluster("municipal-services").pk)
    data[action] = "1"
    return client.post(_add_url(parent), data)


def _approve(client, page):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state_id],
    )
    return client.post(url, {"comment": ""})


def test_the_groups_exist_with_admin_access():
    for name in ("Editors", "Moderators"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
        assert group.collection_permissions.filter(
            permission__codename="choose_image"
        ).exists()


def test_workflow_ensure_sets_up_two_steps_rights_and_index_pages(knowledge_base):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    steps = [
        (link.task.name, [group.name for group in link.task.specific.groups.all()])
        for link in WorkflowTask.objects.filter(workflow=workflow).order_by(
            "sort_order"
        )
    ]
    assert steps == [
        ("Editorial check", ["Editors"]),
        ("Publication approval", ["Moderators"]),
    ]
    for page in knowledge_base.values():
        assert WorkflowPage.objects.get(page=page).workflow == workflow
        rights = {
            (row.group.name, row.permission.codename)
            for row in GroupPagePermission.objects.filter(page=page)
        }
        assert rights == {
            ("Editors", "add_page"),
            ("Editors", "change_page"),
            ("Moderators", "add_page"),
            ("Moderators", "change_page"),
            ("Moderators", "publish_page"),
        }


def test_workflow_ensure_is_idempotent(knowledge_base):
    counts = (
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        WorkflowTask.objects.count(),
        WorkflowPage.objects.count(),
        GroupPagePermission.objects.count(),
    )
    knowledge_base_workflow_ensure(index_pages=list(knowledge_base.values()))
    assert counts == (
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        WorkflowTask.objects.count(),
        WorkflowPage.objects.count(),
        GroupPagePermission.objects.count(),
    )


def test_editors_cannot_publish_directly(client, knowledge_base, editor):
    client.force_login(editor)
    response = _create_in_admin(
        client,
        knowledge_base["practices"],
        action="action-publish",
        title="Solar roofs on schools",
    )
    assert response.status_code == 302
    page = GoodPracticePage.objects.get(title="Solar roofs on schools")
    assert not page.live
    assert page.first_published_at is None
    assert not page.permissions_for_user(editor).can_publish()


def test_a_practice_goes_through_both_steps_to_the_index_feed_and_api(
    client, knowledge_base, editor, moderator
):
    client.force_login(editor)
    response = _create_in_admin(
        client,
        knowledge_base["practices"],
        action="action-submit",
        title="Solar roofs on schools",
    )
    assert response.status_code == 302
    page = GoodPracticePage.objects.get(title="Solar roofs on schools")
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Editorial check"

    # Step 1 by an editor; the second step is not theirs to decide.
    assert _approve(client, page).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Publication approval"
    # Wagtail's admin answers a refused action with a redirect and a message.
    refused = _approve(client, page)
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == "Publication approval"

    client.force_login(moderator)
    assert _approve(client, page).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress

    client.logout()
    index = client.get(knowledge_base["practices"].url)
    assert index.status_code == 200
    assert "Solar roofs on schools" in index.content.decode()
    feed = client.get("/en/practices/feed/rss/")
    assert "Solar roofs on schools" in feed.content.decode()
    api = client.get("/api/v2/practices/").json()
    assert [item["title"] for item in api["items"]] == ["Solar roofs on schools"]


def test_a_moderator_can_ask_for_changes(client, knowledge_base, editor, moderator):
    client.force_login(editor)
    _create_in_admin(
        client,
        knowledge_base["practices"],
        action="action-submit",
        title="Solar roofs on schools",
    )
    page = GoodPracticePage.objects.get(title="Solar roofs on schools")
    _approve(client, page)
    client.force_login(moderator)
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", state.current_task_state_id],
    )
    assert client.post(url, {"comment": "Please add figures."}).status_code == 302
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live
