"""Practitioners propose good practices: a draft in moderation, then the outcome mail.

The form validates and the service sanitises; nothing is saved on bad input. The
proposer hears in their own language when the proposal is published, approved for a
later date or sent back with questions.
"""

import io
import json
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import WorkflowState

import pytest
from PIL import Image as PILImage

from community.services import CommunityError
from community.services import user_delete as delete_account
from core.models import Cluster
from practices.models import GoodPracticePage
from practices.proposals import proposals_personal_data
from practices.services import (
    Outcome,
    knowledge_base_workflow_ensure,
    practice_propose,
    proposal_notify_outcome,
    rich_text_from_plain,
)
from practices.tasks import publish_scheduled_task
from tests import knowledge_fixtures as kb
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROPOSE = "/en/practices/propose/"
MINE = "/en/practices/my-proposals/"


@pytest.fixture
def knowledge_base():
    kb.seed_site()
    pages = kb.index_pages(kb.HomePage.objects.get(locale__language_code="en"))
    knowledge_base_workflow_ensure(index_pages=list(pages.values()))
    return pages


@pytest.fixture
def city():
    return OrganisationFactory(name="Greater Amman Municipality", country="JO")


@pytest.fixture
def proposer():
    return UserFactory(first_name="Leila", last_name="Haddad")


def _image(fmt: str = "PNG", name: str = "roofs.png", padding: int = 0):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (11, 92, 107)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue() + b"\0" * padding)


def _form_data(organisation, **changes) -> dict:
    data = {
        "title": "Solar roofs on municipal schools",
        "teaser": "Schools produce their own electricity and teach with it.",
        "city": organisation.pk,
        "country": "",
        "cluster": kb.cluster("municipal-services").pk,
        "field_of_action": kb.field_of_action("waste-management-and-recycling").pk,
        "start_year": "2019",
        "overview": "Twelve schools got solar roofs.\n\nPupils measure the output.",
        "background": "Electricity bills ate the school budget.",
        "objectives": "",
        "approach": "",
        "results": "",
        "lessons": "",
        "image_alt": "",
        "image_credit": "",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _service_data(city, **changes) -> dict:
    data = {
        "title": "Solar roofs on municipal schools",
        "teaser": "Schools produce their own electricity.",
        "city": city,
        "country": "",
        "cluster": kb.cluster("municipal-services"),
        "field_of_action": None,
        "start_year": 2019,
        "overview": "Twelve schools got solar roofs.",
        "consent": True,
    }
    data.update(changes)
    return data


def _to(mailoutbox, user) -> list:
    return [mail for mail in mailoutbox if mail.to == [user.email]]


def _approve_all(page, user):
    """Both review steps, as the reviewers would press "Approve"."""
    while True:
        state = WorkflowState.objects.active().filter(object_id=str(page.pk)).first()
        if state is None:
            return
        state.current_task_state.specific.approve(user=user)


# --- The form -----------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client):
    for url in (PROPOSE, MINE):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


def test_the_form_suggests_the_city_of_a_verified_affiliation(
    client, knowledge_base, proposer, city
):
    MembershipFactory(organisation=city)
    AffiliationFactory(user=proposer, organisation=city, verified=True)
    client.force_login(proposer)
    html = client.get(PROPOSE).content.decode()
    assert f'<option value="{city.pk}" selected>' in html
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_consent">' in html
    assert '<optgroup label="Municipal Services">' in html


def test_a_proposal_becomes_a_draft_in_moderation(
    client, knowledge_base, proposer, city
):
    client.force_login(proposer)
    response = client.post(
        PROPOSE,
        _form_data(
            city,
            image=_image(),
            image_alt="Solar panels on a school roof",
            image_credit="© Greater Amman Municipality",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == MINE

    page = GoodPracticePage.objects.get()
    assert page.get_parent().specific == knowledge_base["practices"]
    assert not page.live
    assert page.proposed_by == proposer
    assert page.owner == proposer
    assert list(page.cities.all()) == [city]
    assert page.country == "JO"
    assert page.region == city.region
    assert page.cluster == kb.cluster("municipal-services")
    assert page.start_year == 2019
    assert [block.block_type for block in page.body] == ["overview", "background"]
    assert page.hero_image.uploaded_by_user == proposer
    assert page.hero_alt == "Solar panels on a school roof"
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Editorial check"
    assert page.get_latest_revision().user == proposer

    listing = client.get(MINE).content.decode()
    assert "Solar roofs on municipal schools" in listing
    assert "In review" in listing
    assert "Editorial check" in listing


def test_a_proposal_on_the_german_site_goes_to_the_german_index(
    client, knowledge_base, proposer, city
):
    client.force_login(proposer)
    german_cluster = Cluster.objects.get(
        slug="municipal-services", locale__language_code="de"
    )
    response = client.post(
        "/de/practices/propose/",
        _form_data(city, cluster=german_cluster.pk, field_of_action=""),
    )
    assert response.status_code == 302
    page = GoodPracticePage.objects.get()
    assert page.locale.language_code == "de"
    assert page.get_parent().specific == knowledge_base["practices_de"]
    # Pages always point at the taxonomy rows of the default language.
    assert page.cluster == kb.cluster("municipal-services")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"consent": None}, "consent"),
        ({"title": ""}, "title"),
        ({"overview": ""}, "overview"),
        ({"overview": "x" * 10_000}, "overview"),
        ({"teaser": "x" * 401}, "teaser"),
        ({"city": "999999"}, "city"),
        ({"cluster": "abc"}, "cluster"),
        ({"start_year": "1066"}, "start_year"),
        ({"field_of_action": "__other_cluster__"}, "field_of_action"),
        ({"image": "__text__", "image_alt": "A roof"}, "image"),
        ({"image": "__gif__", "image_alt": "A roof"}, "image"),
        ({"image": "__huge__", "image_alt": "A roof"}, "image"),
        ({"image": "__png__", "image_alt": ""}, "image_alt"),
    ],
)
def test_bad_input_shows_errors_and_saves_nothing(
    client, knowledge_base, proposer, city, changes, field
):
    uploads = {
        "__text__": lambda: SimpleUploadedFile("roofs.png", b"not an image at all"),
        "__gif__": lambda: _image("GIF", "roofs.gif"),
        "__huge__": lambda: _image(padding=5 * 1024 * 1024),
        "__png__": lambda: _image(),
    }
    if changes.get("image") in uploads:
        changes = {**changes, "image": uploads[changes["image"]]()}
    if changes.get("field_of_action") == "__other_cluster__":
        changes = {**changes, "field_of_action": kb.field_of_action("public-space").pk}
    images_before = get_image_model().objects.count()
    client.force_login(proposer)

    response = client.post(PROPOSE, _form_data(city, **changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert not GoodPracticePage.objects.exists()
    assert get_image_model().objects.count() == images_before


def test_markup_is_sanitised(client, knowledge_base, proposer, city):
    client.force_login(proposer)
    client.post(
        PROPOSE,
        _form_data(
            city,
            title="<script>alert(1)</script>Solar <b>roofs</b>",
            teaser='<img src=x onerror="alert(2)">Schools make power.',
            overview="<script>alert('x')</script>\n\nSecond <i>paragraph</i>\nline",
        ),
    )
    page = GoodPracticePage.objects.get()
    assert page.title == "alert(1)Solar roofs"
    assert page.teaser == "Schools make power."
    overview = page.body[0].value["text"].source
    assert "<script" not in overview
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in overview
    assert "<p>Second &lt;i&gt;paragraph&lt;/i&gt;<br/>line</p>" in overview
    listing = client.get(MINE).content.decode()
    assert "<script>alert" not in listing


def test_rich_text_from_plain_escapes_and_keeps_paragraphs():
    assert rich_text_from_plain("a < b\r\n\r\n<p>c</p>\nd") == (
        "<p>a &lt; b</p><p>&lt;p&gt;c&lt;/p&gt;<br/>d</p>"
    )
    assert rich_text_from_plain("  \n\n ") == ""


# --- The service --------------------------------------------------------------------


def test_the_service_refuses_without_consent_and_saves_nothing(
    knowledge_base, proposer, city
):
    with pytest.raises(CommunityError):
        practice_propose(
            user=proposer, data=_service_data(city, consent=False), image=None
        )
    with pytest.raises(CommunityError):
        practice_propose(
            user=proposer, data=_service_data(city, overview=" \n\n "), image=None
        )
    assert not GoodPracticePage.objects.exists()


def test_the_service_needs_a_knowledge_base_with_a_workflow(db, proposer, city):
    kb.seed_site()
    with pytest.raises(CommunityError):
        practice_propose(user=proposer, data=_service_data(city), image=None)
    assert not GoodPracticePage.objects.exists()


def test_slugs_stay_unique_among_proposals(knowledge_base, proposer, city):
    first = practice_propose(user=proposer, data=_service_data(city), image=None)
    second = practice_propose(user=proposer, data=_service_data(city), image=None)
    assert first.slug == "solar-roofs-on-municipal-schools"
    assert second.slug == "solar-roofs-on-municipal-schools-2"


# --- Telling the proposer -------------------------------------------------------------


def test_the_proposer_hears_when_it_is_published(
    knowledge_base, proposer, city, django_capture_on_commit_callbacks, mailoutbox
):
    moderator = UserFactory(is_superuser=True)
    page = practice_propose(user=proposer, data=_service_data(city), image=None)

    with django_capture_on_commit_callbacks(execute=True):
        _approve_all(page, moderator)

    page.refresh_from_db()
    assert page.live
    # Reviewers get Wagtail's admin mails; the proposer only ours.
    mails = _to(mailoutbox, proposer)
    assert len(mails) == 1
    mail = mails[0]
    assert "published" in mail.subject
    assert "Solar roofs on municipal schools" in mail.subject
    assert "Hello Leila Haddad," in mail.body
    assert page.get_full_url() in mail.body
    assert "/en/practices/my-proposals/" in mail.body
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{page.get_full_url()}"' in html

    # A later edit published again is not news to the proposer.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=moderator).publish(user=moderator)
    assert len(_to(mailoutbox, proposer)) == 1


def test_the_proposer_hears_about_requested_changes_in_their_language(
    knowledge_base, city, django_capture_on_commit_callbacks, mailoutbox
):
    proposer = UserFactory(preferred_language="de")
    reviewer = UserFactory(is_superuser=True)
    page = practice_propose(user=proposer, data=_service_data(city), image=None)
    state = WorkflowState.objects.active().get(object_id=str(page.pk))

    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.specific.reject(
            user=reviewer, comment="Bitte <b>Zahlen</b> ergänzen."
        )

    mails = _to(mailoutbox, proposer)
    assert len(mails) == 1
    mail = mails[0]
    assert "/de/practices/my-proposals/" in mail.body
    assert "/en/" not in mail.body
    assert "Bitte <b>Zahlen</b> ergänzen." in mail.body
    html = mail.alternatives[0][0]
    assert '<html lang="de" dir="ltr">' in html
    assert "Bitte &lt;b&gt;Zahlen&lt;/b&gt; ergänzen." in html
    page.refresh_from_db()
    assert not page.live


def test_a_scheduled_approval_then_the_publication(
    knowledge_base,
    proposer,
    city,
    django_capture_on_commit_callbacks,
    mailoutbox,
    monkeypatch,
):
    moderator = UserFactory(is_superuser=True)
    page = practice_propose(user=proposer, data=_service_data(city), image=None)
    go_live_at = timezone.now() + timedelta(days=2)
    page.go_live_at = go_live_at
    page.save_revision(user=moderator)

    with django_capture_on_commit_callbacks(execute=True):
        _approve_all(page, moderator)
    page.refresh_from_db()
    assert not page.live
    mails = _to(mailoutbox, proposer)
    assert len(mails) == 1
    assert "approved" in mails[0].subject
    assert "It will be published on" in mails[0].body

    # The go-live time passes; beat runs the task every minute.
    later = go_live_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        publish_scheduled_task()
        publish_scheduled_task()  # a repeated run changes nothing
    page.refresh_from_db()
    assert page.live
    # Like every mail from the outbox, with the platform's subject prefix.
    assert [mail.subject.split(":")[0] for mail in _to(mailoutbox, proposer)] == [
        "[Connective Cities] Your good practice was approved",
        "[Connective Cities] Your good practice is published",
    ]


def test_outcomes_of_other_pages_send_nothing(knowledge_base, mailoutbox):
    editorial_page = kb.make_practice(knowledge_base["practices"], title="By editors")
    assert not proposal_notify_outcome(page=editorial_page, outcome=Outcome.PUBLISHED)
    assert not proposal_notify_outcome(
        page=knowledge_base["practices"], outcome=Outcome.REJECTED
    )
    assert mailoutbox == []


def test_my_proposals_lists_only_mine_in_constant_queries(
    client, knowledge_base, proposer, city, django_assert_num_queries
):
    """The list costs the same with 1 and with 4 proposals: session and user, the
    pages, their workflow states with the current task (one query for all), and
    what the base template needs; nothing per proposal."""
    reviewer = UserFactory(is_superuser=True)
    practice_propose(
        user=UserFactory(), data=_service_data(city, title="Not mine"), image=None
    )
    published = practice_propose(user=proposer, data=_service_data(city), image=None)
    _approve_all(published, reviewer)
    client.force_login(proposer)
    client.get(MINE)  # warm caches (site root paths, content types)

    with CaptureQueriesContext(connection) as one:
        response = client.get(MINE)
    assert "Not mine" not in response.content.decode()

    for number in range(3):
        practice_propose(
            user=proposer, data=_service_data(city, title=f"Idea {number}"), image=None
        )
    rejected = GoodPracticePage.objects.get(title="Idea 0")
    WorkflowState.objects.active().get(
        object_id=str(rejected.pk)
    ).current_task_state.specific.reject(user=reviewer, comment="More figures")

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(MINE)
    html = response.content.decode()
    assert html.count('class="proposal"') == 4
    assert "Published" in html
    assert "Changes requested" in html
    assert "More figures" in html


# --- Download my data, delete my account ---------------------------------------------


def test_proposals_are_in_the_proposers_data_export(
    client, knowledge_base, proposer, city
):
    reviewer = UserFactory(is_superuser=True)
    published = practice_propose(
        user=proposer, data=_service_data(city, title="Green roofs"), image=None
    )
    _approve_all(published, reviewer)
    practice_propose(user=proposer, data=_service_data(city), image=None)
    practice_propose(
        user=UserFactory(), data=_service_data(city, title="Not mine"), image=None
    )

    client.force_login(proposer)
    data = json.loads(client.get("/en/profile/export/").content)
    proposals = data["practices"]["proposals"]
    assert [(p["title"], p["language"], p["state"], p["live"]) for p in proposals] == [
        ("Solar roofs on municipal schools", "en", "in_review", False),
        ("Green roofs", "en", "published", True),
    ]
    assert proposals[0]["proposed_at"] <= proposals[0]["last_changed_at"]
    assert proposals[0]["review_step"] == "Editorial check"


def test_a_deleted_proposer_is_no_longer_named_nor_told(
    knowledge_base, proposer, city, django_capture_on_commit_callbacks, mailoutbox
):
    reviewer = UserFactory(is_superuser=True)
    published = practice_propose(
        user=proposer, data=_service_data(city, title="Green roofs"), image=None
    )
    _approve_all(published, reviewer)
    in_review = practice_propose(user=proposer, data=_service_data(city), image=None)
    mailoutbox.clear()

    delete_account(user=proposer)

    assert not GoodPracticePage.objects.filter(proposed_by=proposer).exists()
    # The practices stay: their text and image were given to be published.
    assert (
        GoodPracticePage.objects.filter(pk__in=[published.pk, in_review.pk]).count()
        == 2
    )
    # Publishing the revision saved while they were the proposer brings nothing back.
    with django_capture_on_commit_callbacks(execute=True):
        _approve_all(in_review, reviewer)
    in_review.refresh_from_db()
    assert in_review.live
    assert in_review.proposed_by is None
    assert mailoutbox == []
    assert proposals_personal_data(user=proposer) == []
