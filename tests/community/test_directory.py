"""The public network directory, its map, organisation profiles and the demo seed."""

import json
import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail import hooks

import pytest

from community.models import (
    OrganisationName,
    Region,
    Role,
    RoleKind,
    Visibility,
)
from community.pages import ORGANISATION_SECTIONS_HOOK, NetworkIndexPage
from core.knowledge.versions import content_changed
from core.models import Cluster
from core.sections import for_everyone
from demo import community as community_demo
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.knowledge_fixtures import world_fixtures

pytestmark = pytest.mark.django_db

ALL_PUBLIC = dict.fromkeys(
    ["job_title", "bio", "languages", "expertise", "offers", "seeks"],
    Visibility.PUBLIC,
)


def _quiet(message: str) -> None:
    """Demo seeding logs progress; tests do not need it."""


def english_region(slug: str) -> Region:
    return Region.objects.get(slug=slug, locale__language_code="en")


def build_network():
    """Regions and the directory page in English and German."""
    community_demo.seed_regions(log=_quiet)
    community_demo.seed_network_page(log=_quiet)
    return NetworkIndexPage.objects.get(locale__language_code="en")


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, network = world_fixtures(build_network, name="network")


def make_org(
    slug,
    name,
    *,
    region,
    country,
    kind="municipality",
    status="active",
    lat=None,
    lon=None,
    german="",
):
    organisation = OrganisationFactory(
        slug=slug,
        name=name,
        kind=kind,
        country=country,
        region=english_region(region),
        latitude=lat,
        longitude=lon,
    )
    if status:
        MembershipFactory(organisation=organisation, status=status)
    if german:
        OrganisationName.objects.create(
            organisation=organisation, language="de", name=german
        )
    return organisation


@pytest.fixture
def orgs(network):
    """Known organisations: who is listed, who is on the map, and why."""
    return {
        "munich": make_org(
            "munich",
            "Munich",
            region="germany",
            country="DE",
            lat=48.137154,
            lon=11.576124,
            german="München",
        ),
        "amman": make_org(
            "greater-amman-municipality",
            "Greater Amman Municipality",
            region="middle-east-north-africa",
            country="JO",
            lat=31.953949,
            lon=35.910635,
        ),
        # An active member without coordinates: listed, not on the map.
        "ucl": make_org(
            "united-cities-lebanon",
            "United Cities Lebanon",
            region="middle-east-north-africa",
            country="LB",
            kind="municipal_association",
        ),
        # Applied, with coordinates: listed after the active ones, not on the map.
        "bizerte": make_org(
            "bizerte",
            "Bizerte",
            region="middle-east-north-africa",
            country="TN",
            status="applied",
            lat=37.274423,
            lon=9.873910,
        ),
        "skopje": make_org(
            "skopje",
            "Skopje",
            region="south-east-europe-caucasus",
            country="MK",
            lat=41.997346,
            lon=21.427996,
        ),
        "giz": make_org(
            "giz",
            "GIZ",
            region="germany",
            country="DE",
            kind="partner",
            lat=50.72,
            lon=7.126,
        ),
        # Not listed at all: membership ended, or never a member.
        "ended": make_org(
            "ended-city",
            "Ended City",
            region="middle-east-north-africa",
            country="JO",
            status="ended",
            lat=32.0,
            lon=36.0,
        ),
        "outsider": make_org(
            "bangkok",
            "Bangkok",
            region="asia",
            country="TH",
            status="",
            lat=13.75,
            lon=100.5,
        ),
    }


def listed(response) -> list[str]:
    return [entry["organisation"].slug for entry in response.context["entries"]]


def map_points(html: str) -> list[dict]:
    match = re.search(
        r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(match.group(1)) if match else []


# --- Directory ----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
def test_directory_lists_members_active_first(client, orgs, language):
    response = client.get(f"/{language}/network/")
    assert response.status_code == 200
    slugs = listed(response)
    assert set(slugs) == {
        "munich",
        "greater-amman-municipality",
        "united-cities-lebanon",
        "bizerte",
        "skopje",
        "giz",
    }
    assert slugs[-1] == "bizerte"
    html = response.content.decode()
    applied = {"en": "Membership applied for", "de": "Mitgliedschaft beantragt"}
    assert applied[language] in html
    assert "Ended City" not in html and "Bangkok" not in html


# Filter query → the organisations it must list, exactly.
FILTER_CASES = [
    (
        "region=middle-east-north-africa",
        {"greater-amman-municipality", "united-cities-lebanon", "bizerte"},
    ),
    ("country=DE", {"munich", "giz"}),
    ("country=de", {"munich", "giz"}),
    ("kind=partner", {"giz"}),
    ("kind=municipal_association", {"united-cities-lebanon"}),
    ("region=germany&kind=municipality", {"munich"}),
    ("region=middle-east-north-africa&country=TN", {"bizerte"}),
    ("region=asia", set()),
]


@pytest.mark.parametrize("language", ["en", "de"])
def test_directory_filters(client, orgs, language):
    """One setup for all cases: the fixtures are costly, the requests are cheap."""
    for query, expected in FILTER_CASES:
        response = client.get(f"/{language}/network/?{query}")
        assert response.status_code == 200, query
        assert set(listed(response)) == expected, query
        assert response.context["result_count"] == len(expected), query
        assert response.context["filters"].problems == [], query
    empty = client.get(f"/{language}/network/?region=asia").content.decode()
    assert 'href="/' + language + '/network/">' in empty


def test_filters_are_a_plain_get_form_with_labels(client, orgs):
    html = client.get("/en/network/?region=germany").content.decode()
    assert '<form class="filter-form" method="get" action="/en/network/"' in html
    for name in ("region", "country", "kind"):
        assert f'<label for="id_{name}">' in html
    assert '<option value="germany" selected>Germany</option>' in html
    assert "2 organisations" in html


def test_german_directory_shows_german_names(client, orgs):
    html = client.get("/de/network/").content.decode()
    assert "München" in html
    assert "Munich" not in html
    assert 'href="/de/network/munich/"' in html
    # Regions appear under their German names.
    assert "Nahost und Nordafrika" in html
    english = client.get("/en/network/").content.decode()
    assert "Munich" in english and "München" not in english


# Bad input → a part of the message the page must show.
BAD_INPUT_CASES = [
    ("region=atlantis", "There is no region “atlantis”"),
    ("country=ZZ", "in the country “ZZ”"),
    ("kind=castle", "There is no kind of organisation “castle”"),
    ("page=999999", "There is no page “999999”; showing page 1."),
    ("page=abc", "There is no page “abc”; showing page 1."),
    ("page=0", "There is no page “0”"),
    ("region=" + "x" * 2000, "There is no region “xxxxx"),
    ("country=" + "x" * 2000, "in the country “XXXXX"),
    ("kind=" + "<script>" * 250, "There is no kind of organisation “&lt;script&gt;"),
    ("page=" + "9" * 2000, "There is no page “99999"),
    ("page=" + "9" * 5000, "There is no page “99999"),
]


def test_bad_input_gives_a_normal_page_with_a_message(client, orgs):
    for query, message in BAD_INPUT_CASES:
        response = client.get(f"/en/network/?{query}")
        html = response.content.decode()
        assert response.status_code == 200, query[:40]
        assert message in html, query[:40]
        assert "<script><script>" not in html
        # The bad parameter is ignored, the full list is shown.
        assert len(listed(response)) == 6, query[:40]
        assert response.context["results"].number == 1, query[:40]
    # A bad parameter next to good ones: the good ones still filter.
    response = client.get("/de/network/?country=DE&region=atlantis")
    assert set(listed(response)) == {"munich", "giz"}
    assert "atlantis" in response.content.decode()


def test_huge_page_number_shows_the_last_page(client, network):
    """25 members make two pages of 24."""
    for number in range(25):
        make_org(f"city-{number}", f"City {number:02}", region="germany", country="DE")
    response = client.get("/en/network/?page=999999")
    assert response.status_code == 200
    assert response.context["results"].number == 2
    assert listed(response) == ["city-24"]
    html = response.content.decode()
    assert "showing page 2" in html
    assert 'href="?page=1" rel="prev"' in html
    first = client.get("/en/network/")
    assert len(listed(first)) == 24
    assert 'href="?page=2" rel="next"' in first.content.decode()


def test_pagination_links_keep_the_filters(client, network):
    for number in range(25):
        make_org(f"city-{number}", f"City {number:02}", region="germany", country="DE")
    html = client.get("/en/network/?country=DE&region=germany").content.decode()
    assert 'href="?region=germany&amp;country=DE&amp;page=2" rel="next"' in html


# --- Map ----------------------------------------------------------------------------


def test_map_data_holds_only_member_cities_with_coordinates(client, orgs):
    html = client.get("/en/network/").content.decode()
    points = map_points(html)
    assert {point["name"] for point in points} == {
        "Munich",
        "Greater Amman Municipality",
        "Skopje",
        "GIZ",
    }
    amman = next(p for p in points if p["name"] == "Greater Amman Municipality")
    assert amman == {
        "name": "Greater Amman Municipality",
        "url": "/en/network/greater-amman-municipality/",
        "lat": 31.953949,
        "lon": 35.910635,
    }
    # Filters apply to the map too.
    filtered = map_points(client.get("/en/network/?region=germany").content.decode())
    assert {point["name"] for point in filtered} == {"Munich", "GIZ"}
    german = map_points(client.get("/de/network/").content.decode())
    assert {"name": "München", "url": "/de/network/munich/"}.items() <= next(
        p for p in german if p["url"] == "/de/network/munich/"
    ).items()


def test_map_is_hidden_without_javascript_and_leaflet_loads_only_here(client, orgs):
    html = client.get("/en/network/").content.decode()
    assert re.search(r"<section[^>]*data-map-section hidden>", html)
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/vendor/leaflet/leaflet.css" in html
    assert "/static/js/network-map.js" in html
    assert "unpkg.com" not in html and "cdn" not in html.lower()
    home = client.get("/en/").content.decode()
    assert "leaflet" not in home
    # Keyboard users can pass the map; the link points at the filters below it.
    skip = (
        '<a class="skip-map" href="#filter-heading">Skip the map, go to the filters</a>'
    )
    assert html.index(skip) < html.index('id="network-map"')
    assert 'id="filter-heading"' in html
    # No member with coordinates, no map at all.
    empty = client.get("/en/network/?region=asia").content.decode()
    assert "network-map" not in empty


# --- Organisation profile -----------------------------------------------------------


@pytest.fixture
def people(orgs):
    """People around Greater Amman with different visibility choices."""
    amman = orgs["amman"]
    cluster = Cluster.objects.filter(locale__language_code="en").first()

    def person(first, last, *, visibility, **affiliation):
        user = UserFactory(
            first_name=first,
            last_name=last,
            job_title=f"{first} job",
            bio=f"{first} bio",
            visibility=visibility,
        )
        user.expertise_clusters.set([cluster])
        AffiliationFactory(user=user, organisation=amman, **affiliation)
        return user

    return {
        "public": person("Paula", "Public", visibility=ALL_PUBLIC, verified=True),
        "mixed": person(
            "Mira", "Mixed", visibility={"bio": Visibility.PUBLIC}, verified=True
        ),
        "members": person("Mats", "Members", visibility={}, verified=True),
        "coordinators": person(
            "Cora",
            "Coordinators",
            visibility=dict.fromkeys(ALL_PUBLIC, Visibility.COORDINATORS),
            verified=True,
        ),
        # Never shown: a claim nobody verified yet, and an expired affiliation.
        "claimed": person("Clara", "Claimed", visibility=ALL_PUBLIC),
        "expired": person(
            "Ernst",
            "Expired",
            visibility=ALL_PUBLIC,
            verified=True,
            expires_at=timezone.now() - timedelta(days=1),
        ),
    }


def verified_member(orgs):
    """A signed-in practitioner with a current affiliation with another member."""
    user = UserFactory(first_name="Vera", last_name="Viewer")
    AffiliationFactory(user=user, organisation=orgs["skopje"], verified=True)
    return user


def coordinator():
    user = UserFactory(first_name="Kim", last_name="Coordinator")
    Role.objects.create(
        user=user,
        kind=RoleKind.COORDINATOR,
        region=english_region("middle-east-north-africa"),
    )
    return user


AMMAN_URL = "/en/network/greater-amman-municipality/"


def test_profile_shows_the_facts(client, orgs):
    amman = orgs["amman"]
    amman.population = 4_000_000
    amman.website = "https://www.ammancity.gov.jo"
    amman.official_languages = ["ar"]
    amman.parent = orgs["ucl"]
    amman.save()
    response = client.get(AMMAN_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="organisation-heading">Greater Amman Municipality</h1>' in html
    assert (
        "<title>Greater Amman Municipality · Network · Connective Cities</title>"
        in html
    )
    assert '<meta property="og:title" content="Greater Amman Municipality">' in html
    assert "4,000,000" in html
    assert 'href="https://www.ammancity.gov.jo"' in html
    assert "Arabic" in html
    assert 'href="/en/network/united-cities-lebanon/">United Cities Lebanon' in html
    assert "Member since" in html
    assert 'href="/en/network/?region=middle-east-north-africa"' in html
    assert 'aria-label="Breadcrumb"' in html
    # No contributed sections (practices, projects, events) and no empty headings.
    assert shown_sections(response) == []
    assert "People" not in html


def test_profile_in_german_uses_german_names(client, orgs):
    html = client.get("/de/network/munich/").content.decode()
    assert '<h1 id="organisation-heading">München</h1>' in html
    assert "Deutschland" in html


def test_unknown_profile_is_not_found(client, network):
    assert client.get("/en/network/atlantis/").status_code == 404


def shown_people(response) -> dict[str, object]:
    return {person.name: person for person in response.context["people"]}


def test_anonymous_visitors_see_only_what_people_made_public(client, people):
    response = client.get(AMMAN_URL)
    shown = shown_people(response)
    assert set(shown) == {"Paula Public", "Mira Mixed"}
    assert shown["Paula Public"].job_title == "Paula job"
    assert shown["Paula Public"].expertise
    # Mira made only her bio public.
    assert shown["Mira Mixed"].bio == "Mira bio"
    assert shown["Mira Mixed"].job_title is None
    assert shown["Mira Mixed"].expertise is None
    html = response.content.decode()
    assert "Mira job" not in html
    assert "Mats" not in html and "Cora" not in html
    assert "Clara" not in html and "Ernst" not in html


def test_verified_members_see_members_only_fields(client, people, orgs):
    client.force_login(verified_member(orgs))
    shown = shown_people(client.get(AMMAN_URL))
    assert set(shown) == {"Paula Public", "Mira Mixed", "Mats Members"}
    assert shown["Mira Mixed"].job_title == "Mira job"
    assert shown["Mats Members"].bio == "Mats bio"


def test_signed_in_people_without_verified_affiliation_see_only_public(client, people):
    client.force_login(UserFactory())
    shown = shown_people(client.get(AMMAN_URL))
    assert set(shown) == {"Paula Public", "Mira Mixed"}


def test_coordinators_see_everyone_with_a_current_affiliation(client, people):
    client.force_login(coordinator())
    shown = shown_people(client.get(AMMAN_URL))
    assert set(shown) == {
        "Paula Public",
        "Mira Mixed",
        "Mats Members",
        "Cora Coordinators",
    }
    assert shown["Cora Coordinators"].job_title == "Cora job"


def shown_sections(response) -> list[dict]:
    """What the sections of a profile showed (each is made when it is first read,
    ``core.sections``)."""
    return [section.data for section in response.context["sections"] if section.data]


def test_sections_come_from_the_hook_and_empty_ones_are_hidden(client, orgs):
    def practices(organisation, page, request):
        return {"template": "blocks/paragraph_block.html", "count": 2}

    def nothing(organisation, page, request):
        return None

    with (
        hooks.register_temporarily(ORGANISATION_SECTIONS_HOOK, practices),
        hooks.register_temporarily(ORGANISATION_SECTIONS_HOOK, nothing),
    ):
        response = client.get(AMMAN_URL)
    assert response.status_code == 200
    assert shown_sections(response) == [
        {"template": "blocks/paragraph_block.html", "count": 2}
    ]


def test_a_section_for_everyone_is_kept_and_one_for_its_reader_made_each_time(
    client, orgs
):
    """A section marked ``for_everyone`` is made once per version and shown to
    every reader; any other is made at every request, for whoever reads it."""
    made = []
    # A section template that shows its title.
    SECTION = "practices/organisation_section.html"  # noqa: N806

    @for_everyone
    def shared(organisation, page, request):
        made.append(organisation.slug)
        return {"template": SECTION, "title": f"Made {len(made)}", "items": []}

    def personal(organisation, page, request):
        reader = getattr(request.user, "first_name", "") or "a visitor"
        return {"template": SECTION, "title": f"For {reader}", "items": []}

    # Made before the first request: a new affiliation is a new process version.
    member = verified_member(orgs)
    with (
        hooks.register_temporarily(ORGANISATION_SECTIONS_HOOK, shared),
        hooks.register_temporarily(ORGANISATION_SECTIONS_HOOK, personal),
    ):
        anonymous = client.get(AMMAN_URL).content.decode()
        client.force_login(member)
        signed_in = client.get(AMMAN_URL).content.decode()
        content_changed()
        after_a_change = client.get(AMMAN_URL).content.decode()
    assert "Made 1" in anonymous
    assert "For a visitor" in anonymous
    assert "Made 1" in signed_in
    assert "For Vera" in signed_in
    assert "For a visitor" not in signed_in
    assert "Made 2" in after_a_change
    assert made == ["greater-amman-municipality"] * 2


def test_a_citys_new_practice_shows_on_its_profile_at_the_next_request(
    client, orgs, site_pages
):
    from core.models import HomePage
    from tests import knowledge_fixtures as kb

    pages = kb.index_pages(HomePage.objects.get(locale__language_code="en"))
    gardens = {"field": "urban-gardening", "cities": [orgs["amman"]]}
    kb.make_practice(pages["practices"], title="Urban gardens", **gardens)
    first = client.get(AMMAN_URL).content.decode()
    assert "Urban gardens" in first
    with CaptureQueriesContext(connection) as captured:
        again = client.get(AMMAN_URL).content.decode()
    assert again == first
    practices = [q for q in captured.captured_queries if '"practices_' in q["sql"]]
    assert practices == []
    kb.make_practice(pages["practices"], title="Rain gardens", **gardens)
    html = client.get(AMMAN_URL).content.decode()
    assert "Rain gardens" in html
    assert "Urban gardens" in html


# --- Query budgets ------------------------------------------------------------------


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_directory_query_count_does_not_grow_with_cities(
    client, network, django_assert_num_queries
):
    """The directory costs the same with 1 and with 50 member cities.

    Budget: the page frame (site, page route, menu, language links) plus, for the
    directory, regions, countries, clusters, the result count, one page of organisations
    with region, membership and the localised name in one query, and the map
    points in one more query. Nothing per organisation.
    """
    make_org(
        "city-0",
        "City 0",
        region="germany",
        country="DE",
        lat=50,
        lon=7,
        german="Stadt 0",
    )
    client.get("/de/network/")  # warm the site and page caches
    one = _count_queries(client, "/de/network/")
    for number in range(1, 50):
        make_org(
            f"city-{number}",
            f"City {number}",
            region="germany",
            country="DE",
            lat=50,
            lon=7,
            german=f"Stadt {number}",
        )
    client.get("/de/network/")  # the menu, cached again after the new content
    with django_assert_num_queries(one):
        response = client.get("/de/network/")
    assert len(listed(response)) == 24
    assert len(response.context["map_points"]) == 50
    assert one <= 21


def test_profile_query_count_does_not_grow_with_cities_or_people(
    client, orgs, django_assert_num_queries
):
    """A profile costs the same with 1 and with 50 visible people (and 50 more
    cities in the network), for a signed-in member, the costliest viewer.

    Budget: the page frame, the viewer's session, roles and member check (once),
    the organisation with region, parent, membership and names, its region in the
    page's language, and the people with their expertise in three queries, plus
    one for the names of their expertise in the page's language. The sections of
    practices, projects and events are kept as rendered after the first request
    of a content version (``core.sections``) and add none. The header's count of
    unread notices adds one, and the city's focal points (conversations' "Ask the
    city" section, made for each reader) one more.
    """
    viewer = verified_member(orgs)
    client.force_login(viewer)
    amman = orgs["amman"]
    cluster = Cluster.objects.filter(locale__language_code="en").first()

    def add_person(number):
        user = UserFactory(first_name=f"Person {number}", visibility=ALL_PUBLIC)
        user.expertise_clusters.set([cluster])
        AffiliationFactory(user=user, organisation=amman, verified=True)

    add_person(0)
    client.get(AMMAN_URL)
    one = _count_queries(client, AMMAN_URL)
    for number in range(1, 50):
        add_person(number)
        make_org(f"city-{number}", f"City {number}", region="germany", country="DE")
    client.get(AMMAN_URL)  # the menu, cached again after the new content
    with django_assert_num_queries(one):
        response = client.get(AMMAN_URL)
    assert len(response.context["people"]) == 50
    assert one <= 31


# --- Theme of their practices ---------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
def test_directory_filters_by_the_theme_of_their_practices(
    client, orgs, site_pages, language
):
    """Only organisations behind a live practice of that cluster are listed."""
    from core.models import HomePage
    from tests import knowledge_fixtures as kb

    home = HomePage.objects.get(locale__language_code="en")
    pages = kb.index_pages(home)
    kb.make_practice(
        pages["practices"],
        title="Urban gardens",
        field="urban-gardening",
        cities=[orgs["amman"]],
    )
    kb.make_practice(
        pages["practices"],
        title="Recycling",
        field="waste-management-and-recycling",
        cities=[orgs["bizerte"]],
    )
    response = client.get(
        f"/{language}/network/", {"cluster": "integrated-urban-development"}
    )
    assert response.status_code == 200
    assert listed(response) == ["greater-amman-municipality"]


def test_directory_explains_an_unknown_theme(client, orgs):
    response = client.get("/en/network/", {"cluster": "<b>astrology</b>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no theme “&lt;b&gt;astrology&lt;/b&gt;”" in html
    assert len(listed(response)) == 6
