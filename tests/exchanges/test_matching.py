"""Suggestions with known fixtures: ranking, explained parts, privacy."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from community.models import PROFILE_VISIBILITY_FIELDS, Visibility
from exchanges import matching
from exchanges.models import CandidateState, ExchangeCandidate, ExchangeOffer
from exchanges.selectors import peer_profile
from tests.factories import UserFactory
from tests.knowledge_fixtures import (
    index_pages,
    make_practice,
    make_project,
    seed_site,
)

from .conftest import make_exchange, member_city, staff

PUBLIC = dict.fromkeys(PROFILE_VISIBILITY_FIELDS, Visibility.PUBLIC)


@pytest.fixture
def experts(world):
    """Munich's land-use planner (theme, field, offer, shared language, same job),
    Frankfurt's planner (theme only, German-speaking, private profile) and Kumasi's
    planner (theme, shared language, but asked three times this year)."""
    julia = world.people.munich_staff
    julia.job_title = "Urban planner"
    julia.languages = ["de", "en"]
    julia.visibility = PUBLIC
    julia.save()
    julia.expertise_clusters.set([world.iud])
    julia.expertise_fields.set([world.renewal])
    ExchangeOffer.objects.create(
        user=julia,
        kind="study_visit",
        topic="Community land-use plans",
        cluster=world.iud,
        field_of_action=world.renewal,
    )
    markus = staff(world.frankfurt, job_title="Land surveyor", first_name="Markus")
    markus.languages = ["de"]
    markus.job_title = "Land surveyor"
    markus.save()
    markus.expertise_clusters.set([world.iud])
    kumasi = member_city("Kumasi", world.mena, country="GH", population=3_000_000)
    kwame = staff(kumasi, job_title="Physical planner", first_name="Kwame")
    kwame.languages = ["en"]
    kwame.save()
    kwame.expertise_clusters.set([world.iud])
    for number in range(3):
        other = make_exchange(world, "matching", title=f"Other {number}")
        ExchangeCandidate.objects.filter(exchange=other).delete()
        ExchangeCandidate.objects.create(
            exchange=other,
            user=kwame,
            state=CandidateState.DECLINED,
            invited_at=timezone.now() - timedelta(days=30),
        )
    waste = staff(world.munich, job_title="Waste manager", first_name="Wolfgang")
    waste.expertise_clusters.set([world.services])
    return {"julia": julia, "markus": markus, "kwame": kwame, "waste": waste}


def parts_of(suggestion) -> dict[str, tuple[int, str]]:
    return {label: (points, text) for label, points, text in suggestion.parts}


@pytest.mark.django_db
def test_people_are_ranked_with_explained_parts(world, experts):
    exchange = make_exchange(world, "matching")
    exchange.candidates.all().delete()
    manager = world.people.mena_coordinator
    suggestions = matching.suggest_people(exchange, viewer=manager)
    ranked = [s.candidate for s in suggestions]
    assert ranked == [experts["julia"], experts["kwame"], experts["markus"]]
    assert experts["waste"] not in ranked  # another theme

    julia = parts_of(suggestions[0])
    assert julia["Theme"] == (30, "Expertise in Integrated Urban Development.")
    assert julia["Field of action"] == (20, "Expertise in Urban renewal.")
    assert julia["Offer"] == (
        15,
        "Offers: Study visit on “Community land-use plans”.",
    )
    assert julia["Format"][0] == 10
    assert julia["Language"] == (15, "Shared working language: English.")
    assert julia["Job function"] == (10, "Same job function (planner).")
    assert julia["City size"][0] == 5  # 1.5 and 4 million
    assert julia["Region"][0] == 0
    assert julia["Availability"] == (10, "Not taking part in another open exchange.")
    assert suggestions[0].score == sum(
        points for _l, points, _t in suggestions[0].parts
    )

    kwame = parts_of(suggestions[1])
    assert kwame["Fairness"][0] == -15
    assert "asked 3 times in the last 12 months" in kwame["Fairness"][1]
    assert kwame["Region"][0] == 5

    markus = parts_of(suggestions[2])
    assert markus["Language"] == (
        0,
        "No shared working language: interpretation needed.",
    )

    # The case page offers to write to each suggested person on the platform.
    client = Client()
    client.force_login(manager)
    response = client.get(reverse("exchange_admin_detail", args=(exchange.pk,)))
    section = response.content.decode().split('id="suggested-people"', 1)[1]
    section = section.split('id="suggested-organisations"', 1)[0]
    for person in ranked:
        assert f"/conversations/new/?to={person.pk}" in section


@pytest.mark.django_db
def test_practices_and_organisations_are_suggested_with_reasons(world, experts):
    home = seed_site()
    pages = index_pages(home)
    loerrach = member_city("Lörrach", world.germany, country="DE", population=49_000)
    practice = make_practice(
        pages["practices"],
        title="Lörrach plans Germany's first timber-built commercial area",
        teaser="A brownfield becomes a commercial area through active land policy.",
        field="urban-renewal",
        cities=[loerrach],
        tags=["brownfield", "land policy"],
    )
    other_theme = make_practice(
        pages["practices"],
        title="Waste collection",
        field="waste-management-and-recycling",
    )
    exchange = make_exchange(
        world, "matching", challenge="Land policy for undeveloped land and brownfield."
    )
    practices = matching.suggest_practices(
        exchange, viewer=world.people.mena_coordinator
    )
    assert [s.candidate.pk for s in practices] == [practice.pk]
    assert other_theme.pk not in [s.candidate.pk for s in practices]
    parts = parts_of(practices[0])
    assert parts["Theme"][0] == 30
    assert parts["Field of action"][0] == 20
    assert parts["Topic"] == (15, "Shares the words: brownfield, land, policy.")

    organisations = matching.suggest_organisations(
        exchange, viewer=world.people.mena_coordinator
    )
    names = [s.candidate.name for s in organisations]
    assert {"Munich", "Frankfurt am Main", "Lörrach"} <= set(names)
    munich = parts_of(next(s for s in organisations if s.candidate.name == "Munich"))
    assert munich["Experts"] == (10, "1 verified expert on the theme.")


@pytest.mark.django_db
def test_supported_projects_on_the_theme_or_from_the_region_are_suggested(
    world, client
):
    """Live projects on the case's theme or with a city in its region, best first,
    each part explained; not the city's own projects, drafts, or projects of
    another theme and region."""
    pages = index_pages(seed_site())
    loerrach = member_city("Lörrach", world.germany, country="DE", population=49_000)
    irbid = member_city("Irbid", world.mena, country="JO", population=2_000_000)
    kumasi = member_city("Kumasi", world.mena, country="GH", population=3_000_000)
    on_theme = make_project(
        pages["projects"],
        title="Brownfield land policy for a timber-built commercial area",
        field="urban-renewal",
        stage="implemented",
        cities=[(loerrach, "requesting"), (world.munich, "peer")],
        tags=["undeveloped land"],
    )
    from_region = make_project(
        pages["projects"],
        title="Composting in Irbid",
        field="waste-management-and-recycling",
        stage="concept",
        cities=[(irbid, "requesting"), (kumasi, "peer")],
    )
    elsewhere = make_project(
        pages["projects"],
        title="Waste collection in Bremen's partner city",
        field="waste-management-and-recycling",
        cities=[(world.frankfurt, "requesting")],
    )
    own = make_project(
        pages["projects"],
        title="Amman's own land-use project",
        field="urban-renewal",
        cities=[(world.amman, "requesting")],
    )
    draft = make_project(
        pages["projects"], title="Land-use draft", field="urban-renewal"
    )
    draft.unpublish()
    exchange = make_exchange(world, "matching")

    projects = matching.suggest_projects(exchange, viewer=world.requester)

    assert [s.candidate.pk for s in projects] == [on_theme.pk, from_region.pk]
    assert {elsewhere.pk, own.pk, draft.pk}.isdisjoint(s.candidate.pk for s in projects)
    parts = parts_of(projects[0])
    assert parts["Theme"] == (30, "Same cluster: Integrated Urban Development.")
    assert parts["Field of action"] == (20, "Same field of action: Urban renewal.")
    assert parts["Topic"] == (10, "Shares the words: land, undeveloped.")
    assert parts["Stage"] == (5, "The project is at the stage “Implemented”.")
    assert parts["Cities"] == (0, "From Lörrach, Munich.")
    assert "Region" not in parts
    assert projects[0].score == sum(p for _l, p, _t in projects[0].parts)
    regional = parts_of(projects[1])
    assert "Theme" not in regional
    assert regional["Region"] == (5, "From the same region: Irbid, Kumasi.")
    assert regional["City size"] == (
        5,
        "From a city of similar size: Irbid, Kumasi.",
    )
    assert regional["Stage"] == (0, "The project is at the stage “Concept”.")
    # The case page lists them beside people, organisations and practices.
    assert matching.suggest(exchange, viewer=world.requester)["projects"] == projects
    client.force_login(world.people.mena_coordinator)
    response = client.get(reverse("exchange_admin_detail", args=(exchange.pk,)))
    section = response.content.decode().split('id="suggested-projects"', 1)[1]
    assert on_theme.title in section
    assert "The project is at the stage “Implemented”." in section


@pytest.mark.django_db
def test_project_suggestions_cost_the_same_queries_for_one_and_many(world):
    """The view restrictions (``public()``), the default locale, the projects, their
    tags and their cities with regions: five queries however many projects match,
    so the case page does not slow down as the knowledge base grows."""
    pages = index_pages(seed_site())
    exchange = make_exchange(world, "matching")

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            found = matching.suggest_projects(exchange, viewer=world.requester)
        return len(found), len(queries)

    def project(number: int):
        city = member_city(f"City {number}", world.mena, country="JO")
        make_project(
            pages["projects"],
            title=f"Project {number}",
            field="urban-renewal",
            cities=[(city, "requesting"), (world.munich, "peer")],
            tags=[f"tag {number}"],
        )

    project(0)
    one, queries_for_one = count()
    for number in range(1, 5):
        project(number)
    many, queries_for_many = count()
    assert (one, many) == (1, 5)
    assert queries_for_many == queries_for_one == 5


@pytest.mark.django_db
def test_private_fields_stay_hidden_from_the_city_until_the_peer_opts_in(
    world, experts
):
    markus = experts["markus"]  # members-only profile (the default)
    exchange = make_exchange(world, "matching")
    exchange.candidates.all().delete()
    candidate = ExchangeCandidate.objects.create(
        exchange=exchange, user=markus, state=CandidateState.INVITED
    )
    requester = world.requester

    before = peer_profile(requester, candidate, manages=False)
    assert before == {}
    suggestion = next(
        s
        for s in matching.suggest_people(exchange, viewer=requester)
        if s.candidate == markus
    )
    texts = " ".join(text for _l, _p, text in suggestion.parts)
    assert "Expertise in" not in texts
    assert "Based on profile details you cannot see yet." in texts
    # The coordinator sees everything coordinators see.
    manager_view = peer_profile(world.people.mena_coordinator, candidate, manages=True)
    assert manager_view["job_title"] == "Land surveyor"

    candidate.state = CandidateState.OPTED_IN
    candidate.save()
    after = peer_profile(requester, candidate, manages=False)
    assert after["job_title"] == "Land surveyor"
    assert after["languages"] == ["German"]


@pytest.mark.django_db
def test_public_fields_are_visible_before_opt_in(world, experts):
    exchange = make_exchange(world, "matching")
    candidate = exchange.candidates.get()  # Julia, made everything public
    candidate.state = CandidateState.INVITED
    candidate.save()
    outsider = UserFactory()
    profile = peer_profile(outsider, candidate, manages=False)
    assert profile["job_title"] == "Urban planner"
