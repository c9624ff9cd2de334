"""Coordinators' tools in the Wagtail admin: organisations, memberships, the
verification queue and the region dashboard.

The matrix checks every actor against every action. Outcomes:

- LOGIN: not signed in; Wagtail sends the person to the site's sign-in (302).
- NO_ACCESS: signed in without admin access: a page that says so (403), not the
  sign-in page (which sent a signed-in person back to the admin, in a loop).
- DENIED: admin access but not this right; Wagtail redirects to the admin home with
  a message (302 to /admin/), nothing changes.
- OK: the page shows (200); DONE: the write happened and the view redirects (302).
- HIDDEN: the queue shows (200) but not this claim; REFUSED: the form comes back
  (200) with an error and nothing is created; NOT_FOUND: 404, nothing changes.
"""

import csv
import io

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import hooks
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

import openpyxl
import pytest

from community.admin_views import REGION_DASHBOARD_PANELS_HOOK
from community.models import (
    Affiliation,
    AffiliationStatus,
    MembershipChange,
    MembershipStatus,
    Organisation,
    OrganisationName,
)
from community.wagtail_hooks import ClaimsMenuItem
from tests import knowledge_fixtures
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/organisations/"
CREATE_URL = "/admin/organisations/new/"
QUEUE_URL = "/admin/community/claims/"
LOGIN_PREFIX = "/en/accounts/login/"


def build_world() -> dict:
    """Two regions with a member city each, a pending claim in Amman, and one
    person per actor of the matrix.

    The focal point is in the Coordinators group too: the group only opens the
    admin, and the focal point needs the admin for the verification queue.
    """
    mena = RegionFactory(
        name="Middle East and North Africa", slug="middle-east-north-africa"
    )
    see = RegionFactory(
        name="South-East Europe and Caucasus", slug="south-east-europe-caucasus"
    )
    amman = MembershipFactory(
        organisation__name="Greater Amman Municipality",
        organisation__slug="greater-amman-municipality",
        organisation__country="JO",
        organisation__region=mena,
        organisation__email_domains=["amman.gov.jo"],
    ).organisation
    skopje = MembershipFactory(
        organisation__name="Skopje",
        organisation__slug="skopje",
        organisation__country="MK",
        organisation__region=see,
    ).organisation
    coordinators = Group.objects.get(name="Coordinators")
    editors = Group.objects.get(name="Editors")

    staff = UserFactory()
    AffiliationFactory(user=staff, organisation=amman, verified=True)
    focal = UserFactory()
    RoleFactory(user=focal, focal_point=True, organisation=amman)
    coordinator = UserFactory()
    RoleFactory(user=coordinator, region=mena)
    outsider = UserFactory()
    RoleFactory(user=outsider, region=see)
    editor = UserFactory()
    for person in (focal, coordinator, outsider):
        person.groups.add(coordinators)
    editor.groups.add(editors)

    claimant = UserFactory(first_name="Rania", last_name="Claimant")
    claim = AffiliationFactory(
        user=claimant,
        organisation=amman,
        work_email="planner@amman.gov.jo",
        evidence="Staff page of the planning department",
    )
    return {
        "mena": mena,
        "see": see,
        "amman": amman,
        "skopje": skopje,
        "claim": claim,
        "claimant": claimant,
        "anonymous": None,
        "practitioner": UserFactory(),
        "staff": staff,
        "focal": focal,
        "coordinator": coordinator,
        "outsider": outsider,
        "editor": editor,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


module_world, world = knowledge_fixtures.world_fixtures(build_world)


def organisation_data(world, **overrides) -> dict:
    """POST data of the organisation form, with one translated name."""
    values = {
        "name": "Greater Amman Municipality (GAM)",
        "slug": "greater-amman-municipality",
        "kind": "municipality",
        "parent": "",
        "country": "JO",
        "region": str(world["mena"].pk),
        "population": "4000000",
        "latitude": "",
        "longitude": "",
        "website": "",
        "email_domains": '["amman.gov.jo"]',
        "official_languages": '["ar"]',
        "description": "",
        "names": inline_formset([{"language": "de", "name": "Groß-Amman"}]),
    }
    values.update(overrides)
    return nested_form_data(values)


def edit_url(organisation) -> str:
    return f"/admin/organisations/edit/{organisation.pk}/"


def membership_url(organisation) -> str:
    return f"/admin/organisations/membership/{organisation.pk}/"


def dashboard_url(region) -> str:
    return f"/admin/community/regions/{region.slug}/"


def claim_url(claim, decision: str) -> str:
    return f"/admin/community/claims/{claim.pk}/{decision}/"


def refreshed(instance):
    instance.refresh_from_db()
    return instance


# Each action: (request, whether its write happened or None for a read).
ACTIONS = {
    "list": (lambda client, w: client.get(LIST_URL), None),
    "edit_get": (lambda client, w: client.get(edit_url(w["amman"])), None),
    "edit_post": (
        lambda client, w: client.post(edit_url(w["amman"]), organisation_data(w)),
        lambda w: refreshed(w["amman"]).name == "Greater Amman Municipality (GAM)",
    ),
    "create": (
        lambda client, w: client.post(
            CREATE_URL, organisation_data(w, name="Zarqa", slug="zarqa")
        ),
        lambda w: Organisation.objects.filter(slug="zarqa").exists(),
    ),
    "membership": (
        lambda client, w: client.post(
            membership_url(w["amman"]),
            {"status": "suspended", "reason": "Membership fee unpaid for two years"},
        ),
        lambda w: refreshed(w["amman"].membership).status == "suspended",
    ),
    "queue": (lambda client, w: client.get(QUEUE_URL), None),
    "verify": (
        lambda client, w: client.post(claim_url(w["claim"], "verify")),
        lambda w: refreshed(w["claim"]).status == AffiliationStatus.VERIFIED,
    ),
    "reject": (
        lambda client, w: client.post(
            claim_url(w["claim"], "reject"), {"reason": "Not on the staff list"}
        ),
        lambda w: refreshed(w["claim"]).status == AffiliationStatus.REJECTED,
    ),
    "dashboard": (lambda client, w: client.get(dashboard_url(w["mena"])), None),
    "export": (lambda client, w: client.get(LIST_URL + "?export=csv"), None),
}

LOGIN, NO_ACCESS, DENIED, OK, DONE, HIDDEN, REFUSED, NOT_FOUND = (
    "login",
    "no_access",
    "denied",
    "ok",
    "done",
    "hidden",
    "refused",
    "not_found",
)
STATUS = {
    LOGIN: 302,
    NO_ACCESS: 403,
    DENIED: 302,
    OK: 200,
    DONE: 302,
    HIDDEN: 200,
    REFUSED: 200,
    NOT_FOUND: 404,
}
NO_ADMIN = dict.fromkeys(ACTIONS, LOGIN)
SIGNED_IN_NO_ADMIN = dict.fromkeys(ACTIONS, NO_ACCESS)
MATRIX = {
    "anonymous": NO_ADMIN,
    "practitioner": SIGNED_IN_NO_ADMIN,
    "staff": SIGNED_IN_NO_ADMIN,
    "focal": {
        "list": DENIED,
        "edit_get": DENIED,
        "edit_post": DENIED,
        "create": DENIED,
        "membership": DENIED,
        "queue": OK,
        "verify": DONE,
        "reject": DONE,
        "dashboard": DENIED,
        "export": DENIED,
    },
    "coordinator": {
        "list": OK,
        "edit_get": OK,
        "edit_post": DONE,
        "create": DONE,
        "membership": DONE,
        "queue": OK,
        "verify": DONE,
        "reject": DONE,
        "dashboard": OK,
        "export": OK,
    },
    "outsider": {
        "list": OK,
        "edit_get": DENIED,
        "edit_post": DENIED,
        "create": REFUSED,
        "membership": DENIED,
        "queue": HIDDEN,
        "verify": NOT_FOUND,
        "reject": NOT_FOUND,
        "dashboard": DENIED,
        "export": OK,
    },
    "editor": {
        "list": DENIED,
        "edit_get": DENIED,
        "edit_post": DENIED,
        "create": DENIED,
        "membership": DENIED,
        "queue": DENIED,
        "verify": NOT_FOUND,
        "reject": NOT_FOUND,
        "dashboard": DENIED,
        "export": DENIED,
    },
    "superuser": {
        "list": OK,
        "edit_get": OK,
        "edit_post": DONE,
        "create": DONE,
        "membership": DONE,
        "queue": OK,
        "verify": DONE,
        "reject": DONE,
        "dashboard": OK,
        "export": OK,
    },
}
CASES = [
    (actor, action, outcome)
    for actor, row in MATRIX.items()
    for action, outcome in row.items()
]


def content_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize(("actor", "action", "outcome"), CASES)
def test_permission_matrix(client, world, actor, action, outcome):
    if world[actor] is not None:
        client.force_login(world[actor])
    request, write_happened = ACTIONS[action]

    response = request(client, world)

    assert response.status_code == STATUS[outcome]
    location = response.get("Location", "")
    if outcome == LOGIN:
        assert location.startswith(LOGIN_PREFIX)
    elif outcome == NO_ACCESS:
        assert "No access to the administration" in content_of(response)
    elif outcome == DENIED:
        assert location == "/admin/"
    elif outcome == DONE:
        assert not location.startswith(LOGIN_PREFIX) and location != "/admin/"
    if write_happened is not None:
        assert write_happened(world) is (outcome == DONE)
    if outcome == OK and action in ("list", "export"):
        assert "Greater Amman Municipality" in content_of(response)
    if outcome == OK and action == "queue":
        assert world["claimant"].email in content_of(response)
    if outcome == HIDDEN:
        assert world["claimant"].email not in content_of(response)
    if outcome == REFUSED:
        assert "regions and countries you coordinate" in content_of(response)


# --- Listing: search, filters, columns and export


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world["coordinator"])
    return client


def test_listing_searches_translated_names(coordinator_client, world):
    OrganisationName.objects.create(
        organisation=world["amman"], language="de", name="Groß-Amman"
    )
    found = coordinator_client.get(LIST_URL, {"q": "groß"}).content.decode()
    assert "Greater Amman Municipality" in found
    assert "Skopje" not in found


@pytest.mark.parametrize(
    ("query", "shows_amman", "shows_skopje"),
    [
        ("region={mena}", True, False),
        ("country=MK", False, True),
        ("kind=municipality", True, True),
        ("kind=partner", False, False),
        ("membership_status=active", True, True),
        ("membership_status=suspended", False, False),
    ],
)
def test_listing_filters(coordinator_client, world, query, shows_amman, shows_skopje):
    query = query.format(mena=world["mena"].pk)
    html = coordinator_client.get(f"{LIST_URL}?{query}").content.decode()
    assert ("Greater Amman Municipality" in html) is shows_amman
    assert ("Skopje" in html) is shows_skopje


def test_listing_filters_organisations_without_membership(coordinator_client, world):
    OrganisationFactory(name="Irbid", region=world["mena"])
    html = coordinator_client.get(LIST_URL, {"membership_status": "none"}).content
    assert b"Irbid" in html
    assert b"Skopje" not in html


def test_listing_links_edit_only_inside_the_scope(coordinator_client, world):
    html = coordinator_client.get(LIST_URL).content.decode()
    assert edit_url(world["amman"]) in html
    assert edit_url(world["skopje"]) not in html
    assert f"/admin/organisations/inspect/{world['skopje'].pk}/" in html
    assert membership_url(world["amman"]) in html
    assert membership_url(world["skopje"]) not in html


def test_export_has_readable_columns(coordinator_client, world):
    response = coordinator_client.get(LIST_URL, {"export": "csv"})
    lines = content_of(response).splitlines()
    assert response["Content-Disposition"] == 'attachment; filename="organisations.csv"'
    assert lines[0] == (
        "Name,Kind,Country,Region,Membership status,Website,E-mail domains"
    )
    assert (
        "Greater Amman Municipality,Municipality,Jordan,"
        "Middle East and North Africa,Active,,amman.gov.jo"
    ) in lines


def test_export_as_xlsx(coordinator_client):
    response = coordinator_client.get(LIST_URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


HOSTILE = {
    '=HYPERLINK("https://evil.example")': '\'=HYPERLINK("https://evil.example")',
    "+1+1": "'+1+1",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "\t=1": "'\t=1",
    "\r=1": "'\r=1",
    "Plain Town": "Plain Town",
}


@pytest.fixture
def hostile_names(world):
    for index, name in enumerate(HOSTILE):
        MembershipFactory(
            organisation__name=name,
            organisation__slug=f"hostile-{index}",
            organisation__country="JO",
            organisation__region=world["amman"].region,
        )


def test_csv_export_neutralises_formulas(coordinator_client, hostile_names):
    response = coordinator_client.get(LIST_URL, {"export": "csv"})
    names = [row[0] for row in csv.reader(io.StringIO(content_of(response)))][1:]
    for name, exported in HOSTILE.items():
        assert exported in names, name
    assert not [n for n in names if n.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_xlsx_export_neutralises_formulas(coordinator_client, hostile_names):
    response = coordinator_client.get(LIST_URL, {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(content_of_bytes(response)))
    names = [row[0].value for row in workbook.active.iter_rows(min_row=2)]
    for name, exported in HOSTILE.items():
        assert exported in names, name
    assert all(row[0].data_type == "s" for row in workbook.active.iter_rows(min_row=2))


def content_of_bytes(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_listing_query_budget_does_not_grow_with_organisations(
    coordinator_client, world, django_assert_num_queries
):
    """The listing loads organisations with region, membership and translated names
    in fixed queries (a count, one page, one prefetch of names, the filter choices),
    and the per-row edit and membership links are decided from the roles already
    loaded: 30 organisations cost what the two of the fixture cost.
    """
    coordinator_client.get(LIST_URL)  # warm up per-process caches
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(LIST_URL)
    for number in range(30):
        organisation = MembershipFactory(
            organisation__region=world["mena" if number % 2 else "see"]
        ).organisation
        OrganisationName.objects.create(
            organisation=organisation, language="de", name=f"Stadt {number}"
        )

    with django_assert_num_queries(len(few)):
        response = coordinator_client.get(LIST_URL)
    assert content_of(response).count("/admin/organisations/membership/") == 16


# --- Forms


def test_edit_saves_translated_names(coordinator_client, world):
    response = coordinator_client.post(
        edit_url(world["amman"]), organisation_data(world)
    )
    assert response.status_code == 302
    assert [n.name for n in world["amman"].names.all()] == ["Groß-Amman"]


def test_coordinator_cannot_move_an_organisation_out_of_the_scope(
    coordinator_client, world
):
    data = organisation_data(world, region=str(world["see"].pk), country="MK")
    response = coordinator_client.post(edit_url(world["amman"]), data)
    assert response.status_code == 200
    assert "regions and countries you coordinate" in response.content.decode()
    assert refreshed(world["amman"]).region == world["mena"]


def test_country_coordinator_creates_only_in_the_country(client, world):
    person = UserFactory()
    person.groups.add(Group.objects.get(name="Coordinators"))
    RoleFactory(user=person, region=None, country="JO")
    client.force_login(person)
    in_country = organisation_data(world, name="Zarqa", slug="zarqa")
    elsewhere = organisation_data(world, name="Tunis", slug="tunis", country="TN")
    assert client.post(CREATE_URL, elsewhere).status_code == 200
    assert client.post(CREATE_URL, in_country).status_code == 302
    assert list(Organisation.objects.filter(slug__in=["zarqa", "tunis"])) == [
        Organisation.objects.get(slug="zarqa")
    ]


def test_coordinator_cannot_delete_outside_the_scope(coordinator_client, world):
    skopje = world["skopje"]
    response = coordinator_client.post(f"/admin/organisations/delete/{skopje.pk}/")
    assert response["Location"] == "/admin/"
    assert Organisation.objects.filter(pk=skopje.pk).exists()


def test_emptied_list_fields_are_saved_as_empty_lists(coordinator_client, world):
    data = organisation_data(world, email_domains="", official_languages="")
    assert coordinator_client.post(edit_url(world["amman"]), data).status_code == 302
    assert refreshed(world["amman"]).email_domains == []


# --- Membership


def test_membership_change_needs_a_reason_to_suspend(coordinator_client, world):
    response = coordinator_client.post(
        membership_url(world["amman"]), {"status": "suspended", "reason": ""}
    )
    assert response.status_code == 200
    assert "Please give a reason" in response.content.decode()
    assert refreshed(world["amman"].membership).status == MembershipStatus.ACTIVE
    assert not MembershipChange.objects.exists()


def test_membership_page_shows_the_history(coordinator_client, world):
    coordinator_client.post(
        membership_url(world["amman"]),
        {"status": "suspended", "reason": "Membership fee unpaid for two years"},
    )
    html = coordinator_client.get(membership_url(world["amman"])).content.decode()
    assert "Membership fee unpaid for two years" in html
    change = MembershipChange.objects.get()
    assert (change.from_status, change.to_status, change.actor) == (
        "active",
        "suspended",
        world["coordinator"],
    )


def test_membership_of_a_forged_organisation_is_not_found(coordinator_client):
    assert (
        coordinator_client.get("/admin/organisations/membership/999999/").status_code
        == 404
    )


# --- Verification queue: bad input, menu and query budget


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_forged_claim_id_is_not_found(coordinator_client):
    for decision in ("verify", "reject"):
        response = coordinator_client.post(
            f"/admin/community/claims/999999/{decision}/"
        )
        assert response.status_code == 404


def test_queue_decisions_need_post(coordinator_client, world):
    assert (
        coordinator_client.get(claim_url(world["claim"], "verify")).status_code == 405
    )
    assert refreshed(world["claim"]).status == AffiliationStatus.CLAIMED


def test_reject_without_reason_leaves_the_claim_open(coordinator_client, world):
    response = coordinator_client.post(
        claim_url(world["claim"], "reject"), {"reason": "  "}, follow=True
    )
    assert any("reason" in message for message in messages_of(response))
    assert refreshed(world["claim"]).status == AffiliationStatus.CLAIMED
    assert [e.action for e in world["claim"].events.all()] == []


def test_verify_twice_says_it_was_already_decided(coordinator_client, world):
    url = claim_url(world["claim"], "verify")
    first = coordinator_client.post(url, follow=True)
    second = coordinator_client.post(url, follow=True)
    assert any("is verified" in message for message in messages_of(first))
    assert any("already decided" in message for message in messages_of(second))
    assert [e.action for e in world["claim"].events.all()] == ["verified"]


def test_decision_returns_to_the_page_it_came_from(coordinator_client, world):
    response = coordinator_client.post(
        claim_url(world["claim"], "verify"), {"next": QUEUE_URL + "?p=2"}
    )
    assert response["Location"] == QUEUE_URL + "?p=2"
    outside = coordinator_client.post(
        claim_url(world["claim"], "verify"), {"next": "https://evil.example/"}
    )
    assert outside["Location"] == QUEUE_URL


def test_queue_shows_the_domain_hint_and_pending_claims_first(
    coordinator_client, world
):
    decided = AffiliationFactory(
        organisation=world["amman"], rejected=True, work_email="x@gmail.com"
    )
    html = coordinator_client.get(QUEUE_URL).content.decode()
    assert "Domain matches the organisation (a hint, not proof)" in html
    assert html.index(world["claimant"].email) < html.index(decided.user.email)


def test_claims_menu_item_only_for_people_with_something_to_review(rf, world):
    item = ClaimsMenuItem("Affiliation claims", QUEUE_URL)
    request = rf.get("/admin/")
    shown = {}
    for actor in ("coordinator", "focal", "outsider", "editor", "superuser"):
        request.user = world[actor]
        shown[actor] = item.is_shown(request)
    assert shown == {
        "coordinator": True,
        "focal": True,
        "outsider": False,
        "editor": False,
        "superuser": True,
    }


def test_queue_query_budget_does_not_grow_with_claims(
    coordinator_client, world, django_assert_num_queries
):
    """The queue loads claims with their person, organisation (and its translated
    names) and decider in fixed queries: one count for the pagination, one page of
    claims, one prefetch of names, plus the admin's own furniture (session, user,
    roles, menu checks). 30 claims from 30 organisations cost what one claim costs.
    """
    coordinator_client.get(QUEUE_URL)  # warm up per-process caches
    with CaptureQueriesContext(connection) as one_claim:
        coordinator_client.get(QUEUE_URL)
    for _number in range(29):
        organisation = OrganisationFactory(region=world["mena"])
        OrganisationName.objects.create(
            organisation=organisation, language="de", name=f"{organisation.name} (de)"
        )
        AffiliationFactory(organisation=organisation)
    assert Affiliation.objects.pending().count() == 30

    with django_assert_num_queries(len(one_claim)):
        response = coordinator_client.get(QUEUE_URL)
    assert content_of(response).count('action="/admin/community/claims/') == 60


# --- Region dashboard


def test_dashboard_counts_people_claims_and_members(client, world):
    irbid = MembershipFactory(
        organisation__name="Irbid", organisation__region=world["mena"]
    ).organisation
    MembershipFactory(
        organisation__name="Tunis",
        organisation__country="TN",
        organisation__region=world["mena"],
        status="suspended",
    )
    AffiliationFactory(organisation=irbid, verified=True)
    client.force_login(world["coordinator"])

    response = client.get(dashboard_url(world["mena"]))

    context = response.context
    assert dict(context["membership_counts"])["Active"] == 2
    assert dict(context["membership_counts"])["Suspended"] == 1
    assert context["people_count"] == 2
    assert context["pending_count"] == 1
    assert context["member_countries"] == [("Jordan", 2)]
    html = response.content.decode()
    assert '<svg role="img"' in html
    assert "<caption>Active member organisations per country</caption>" in html


def test_dashboard_chart_uses_dots_in_german(client, world):
    """SVG coordinates must not be localised (no decimal commas)."""
    for number in range(3):
        MembershipFactory(
            organisation__name=f"Lebanese city {number}",
            organisation__country="LB",
            organisation__region=world["mena"],
        )
    client.force_login(world["superuser"])
    profile = UserProfile.get_for_user(world["superuser"])
    profile.preferred_language = "de"
    profile.save()
    html = client.get(dashboard_url(world["mena"])).content.decode()
    assert 'width="113.3"' in html


def test_dashboard_shows_panels_other_apps_register(client, world):
    def events_panel(request, region):
        return {
            "title": "Panel of another app",
            "template": "community/admin/region_dashboards.html",
        }

    client.force_login(world["coordinator"])
    with hooks.register_temporarily(REGION_DASHBOARD_PANELS_HOOK, events_panel):
        html = client.get(dashboard_url(world["mena"])).content.decode()
    assert "Panel of another app" in html
    without = client.get(dashboard_url(world["mena"])).content.decode()
    assert "Panel of another app" not in without


def test_dashboard_of_an_unknown_region_is_not_found(client, world):
    client.force_login(world["superuser"])
    assert client.get("/admin/community/regions/atlantis/").status_code == 404


def test_dashboard_index_lists_only_regions_in_scope(client, world):
    client.force_login(world["coordinator"])
    html = client.get("/admin/community/regions/").content.decode()
    assert dashboard_url(world["mena"]) in html
    assert dashboard_url(world["see"]) not in html


def test_create_form_offers_regions_as_a_plain_select(coordinator_client, world):
    """Coordinators hold no region snippet rights, so no snippet chooser here."""
    html = coordinator_client.get(CREATE_URL).content.decode()
    assert '<select name="region"' in html
    assert "SnippetChooser" not in html
    assert f'<option value="{world["mena"].pk}">Middle East and North Africa' in html


def test_names_in_an_arabic_coordinators_messages_keep_their_direction(
    coordinator_client, world
):
    """A coordinator who reads the admin in Arabic gets the Latin names of the
    person and the city isolated in the sentence, so their punctuation stays."""
    from wagtail.users.models import UserProfile

    from core.bidi import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE

    profile = UserProfile.get_for_user(world["coordinator"])
    profile.preferred_language = "ar"
    profile.save()
    claim = world["claim"]
    response = coordinator_client.post(claim_url(claim, "verify"), follow=True)
    (message,) = [m for m in messages_of(response) if str(claim.organisation) in m]
    organisation = str(claim.organisation)
    assert f"{FIRST_STRONG_ISOLATE}{organisation}{POP_DIRECTIONAL_ISOLATE}" in message
    assert f"{FIRST_STRONG_ISOLATE}{claim.user}{POP_DIRECTIONAL_ISOLATE}" in message
