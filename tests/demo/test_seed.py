"""``seed_demo`` makes the network the demo needs, and seeding again changes
nothing: no page, revision, registration, notice, account or organisation twice."""

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Page, Revision, WorkflowPage

import pytest
from allauth.account.models import EmailAddress

from community.models import (
    Affiliation,
    AffiliationEvent,
    Membership,
    MembershipChange,
    Organisation,
    OrganisationName,
    Region,
    Role,
    User,
)
from community.pages import NetworkIndexPage
from conversations.admin_views import open_reports
from conversations.models import Conversation, Message, Report
from core.models import Cluster, FieldOfAction, HomePage
from events.models import EventPage, Registration, RegistrationLog
from notifications.models import Notification
from practices.models import GoodPracticePage
from projects.models import ProjectCity, SupportedProjectPage

pytestmark = pytest.mark.django_db


def english_region(slug: str) -> Region:
    return Region.objects.get(slug=slug, locale__language_code="en")


def _counts() -> dict:
    models = [
        Region,
        Organisation,
        OrganisationName,
        Membership,
        MembershipChange,
        User,
        Affiliation,
        AffiliationEvent,
        Role,
        EmailAddress,
        Page,
        NetworkIndexPage,
        HomePage,
        Cluster,
        FieldOfAction,
        Revision,
        GoodPracticePage,
        SupportedProjectPage,
        ProjectCity,
        WorkflowPage,
        EventPage,
        Registration,
        RegistrationLog,
        Notification,
        Conversation,
        Message,
        Report,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["registration states"] = sorted(
        Registration.objects.values_list("state", flat=True)
    )
    return counts


def test_seed_demo_is_idempotent(seeded, settings):
    settings.DEBUG = True
    first = _counts()

    call_command("seed_demo", verbosity=0)

    assert _counts() == first
    assert Cluster.objects.filter(locale__language_code="de").count() == 4


def test_seed_demo_makes_the_network(seeded, client):
    amman = Organisation.objects.get(slug="greater-amman-municipality")
    assert amman.name == "Greater Amman Municipality"
    assert amman.country.code == "JO"
    assert amman.region.slug == "middle-east-north-africa"
    assert amman.is_active_member and amman.has_location
    munich = Organisation.objects.get(slug="munich")
    assert munich.names.get(language="de").name == "München"
    assert (
        Organisation.objects.filter(slug__in=["frankfurt-am-main", "loerrach"]).count()
        == 2
    )
    assert Membership.objects.filter(status="applied").exists()
    assert Membership.objects.filter(status="suspended").exists()
    assert Affiliation.objects.current().exists()
    assert Affiliation.objects.pending().exists()
    assert User.objects.filter(visibility__job_title="public").exists()

    for email, region in [
        ("coordinator.mena@example.org", "middle-east-north-africa"),
        ("coordinator.see@example.org", "south-east-europe-caucasus"),
        ("coordinator.ssa@example.org", "sub-saharan-africa"),
    ]:
        user = User.objects.get(email=email)
        assert user.is_staff
        assert user.check_password("connective-demo")
        assert user.groups.filter(name="Coordinators").exists()
        assert Role.objects.active().get(user=user, kind="coordinator").region == (
            english_region(region)
        )
        assert EmailAddress.objects.get(user=user, email=email).verified
    assert Group.objects.filter(name="Coordinators").count() == 1

    pages = NetworkIndexPage.objects.live().filter(show_in_menus=True)
    assert {page.title for page in pages} == {
        "Network",
        "Netzwerk",
        "Réseau",
        "Red",
        "Rede",
        "الشبكة",
    }
    assert client.get("/en/network/").status_code == 200
    assert client.get("/de/network/greater-amman-municipality/").status_code == 200


def test_seed_demo_makes_conversations_and_a_report_for_mena(seeded):
    """Demo people talk in English, French, Arabic and German through the
    services (so each message was mailed), and one message waits in the MENA
    coordinator's queue of reports."""
    subjects = set(Conversation.objects.values_list("subject", flat=True))
    assert {
        "Energy audits of public buildings",
        "Tri des déchets à Bizerte",
        "الإنارة الموفرة للطاقة في عمّان",
        "Flächenrecycling in Frankfurt",
    } <= subjects
    assert Message.objects.count() >= 9
    assert Notification.objects.filter(kind="message_received").exists()
    mena = User.objects.get(email="coordinator.mena@example.org")
    see = User.objects.get(email="coordinator.see@example.org")
    [report] = open_reports(mena)
    assert "خصم" in report.message.body
    assert report.reporter.email == "demo.leila.haddad@example.org"
    assert not open_reports(see).exists()
