"""A page's field of action must belong to its cluster: one rule (``core.models``)
for good practices, supported projects and events."""

from django.core.exceptions import ValidationError

import pytest

from core.models import theme_mismatch, validate_theme
from events.models import EventPage
from practices.models import GoodPracticePage
from projects.models import SupportedProjectPage
from tests.knowledge_fixtures import cluster, seed_site

pytestmark = pytest.mark.django_db

PAGE_MODELS = [GoodPracticePage, SupportedProjectPage, EventPage]


@pytest.fixture
def themes():
    seed_site()
    governance = cluster("good-urban-governance")
    services = cluster("municipal-services")
    return governance, governance.fields_of_action.first(), services


@pytest.mark.parametrize("model", PAGE_MODELS)
def test_a_field_of_another_cluster_is_refused(themes, model):
    governance, governance_field, services = themes
    page = model(title="A page", cluster=services, field_of_action=governance_field)
    with pytest.raises(ValidationError) as raised:
        validate_theme(page)
    assert raised.value.message_dict == {
        "field_of_action": ["This field of action belongs to another cluster."]
    }


@pytest.mark.parametrize("model", PAGE_MODELS)
def test_a_field_of_its_own_cluster_or_either_alone_passes(themes, model):
    governance, governance_field, services = themes
    validate_theme(model(cluster=governance, field_of_action=governance_field))
    validate_theme(model(cluster=services))
    validate_theme(model(field_of_action=governance_field))
    validate_theme(model())


def test_theme_mismatch_on_rows(themes):
    governance, governance_field, services = themes
    assert theme_mismatch(services, governance_field)
    assert not theme_mismatch(governance, governance_field)
    assert not theme_mismatch(None, governance_field)
    assert not theme_mismatch(services, None)
