"""A closed exchange becomes a draft supported-project story (projects app)."""

import pytest

from projects.exchange_story import StoryError, exchange_story_create
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
