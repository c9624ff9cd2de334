"""A closed exchange becomes a draft supported-project story (projects app)."""

import pytest

from exchanges.models import PeerExchange
from exchanges.story import StoryError, StoryExists, exchange_story_create
from projects.models import SupportedProjectPage
from tests.knowledge_fixtures import index_pages, seed_site

from .conftest import make_exchange


@pytest.mark.django_db
def test_closed_exchange_becomes_a_draft_project_story(world, client):
    index_pages(seed_site())
    exchange = make_exchange(world, "closed")
    page = exchange_story_create(exchange=exchange, actor=world.people.superuser)
    assert not page.live
    assert page.title == exchange.title
    roles = {(c.organisation.name, c.role) for c in page.city_roles.all()}
    assert roles == {
        ("Greater Amman Municipality", "requesting"),
        ("Munich", "peer"),
    }
    assert [m.kind for m in page.milestones.all()] == ["study_tour"]

    client.force_login(world.people.superuser)
    response = client.get(f"/admin/exchanges/{exchange.pk}/")
    assert "Turn into a supported project draft" in response.content.decode()


@pytest.mark.django_db
def test_open_exchange_cannot_become_a_story(world):
    index_pages(seed_site())
    exchange = make_exchange(world, "follow_up")
    with pytest.raises(StoryError):
        exchange_story_create(exchange=exchange, actor=world.people.superuser)


@pytest.mark.django_db
def test_a_second_story_from_the_same_case_names_the_first(world):
    index_pages(seed_site())
    exchange = make_exchange(world, "closed")
    first = exchange_story_create(exchange=exchange, actor=world.people.superuser)
    with pytest.raises(StoryExists, match="already has a project story") as error:
        exchange_story_create(exchange=exchange, actor=world.people.superuser)
    assert error.value.page == first
    assert SupportedProjectPage.objects.count() == 1


@pytest.mark.django_db
def test_drafting_twice_in_the_admin_links_the_existing_draft(world, client):
    """The second click is a message on the case page with a link to the draft,
    not a server error about the slug."""
    index_pages(seed_site())
    exchange = make_exchange(world, "closed")
    client.force_login(world.people.superuser)
    url = f"/admin/exchanges/{exchange.pk}/project-story/"
    first = client.post(url)
    page = SupportedProjectPage.objects.get()
    assert first["Location"] == f"/admin/pages/{page.pk}/edit/"

    second = client.post(url, follow=True)
    assert second.status_code == 200
    assert second.redirect_chain[-1][0] == f"/admin/exchanges/{exchange.pk}/"
    content = second.content.decode()
    assert "already has a project story" in content
    assert f'href="/admin/pages/{page.pk}/edit/"' in content
    assert SupportedProjectPage.objects.count() == 1


@pytest.mark.django_db
def test_cases_with_the_same_long_title_get_their_own_story(world):
    index_pages(seed_site())
    title = "A very long title about solid waste collection " * 3
    slugs = set()
    for _ in range(2):
        exchange = make_exchange(world, "closed")
        PeerExchange.objects.filter(pk=exchange.pk).update(title=title)
        exchange.refresh_from_db()
        page = exchange_story_create(exchange=exchange, actor=world.people.superuser)
        assert page.slug.endswith(f"-{exchange.pk}")
        slugs.add(page.slug)
    assert len(slugs) == 2
