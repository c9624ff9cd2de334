"""The coordinators' queue of reported messages in the admin: in scope only,
with the message, and its section of "My queue"."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from conversations import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(people):
    conversation = services.conversation_start(
        sender=people.peer,
        recipient=people.verified,
        subject="Offer",
        body="Buy my miracle pills",
    )
    message = conversation.messages.get()
    return services.message_report(
        message=message, reporter=people.verified, reason="Spam"
    )


def test_the_coordinator_in_scope_sees_the_report_with_its_message(
    client, people, reported
):
    coordinators = Group.objects.get(name="Coordinators")
    for person in (people.coordinator, people.outsider):
        person.groups.add(coordinators)
    client.force_login(people.coordinator)
    html = client.get(reverse("conversations_reports")).content.decode()
    assert "Buy my miracle pills" in html
    assert "Spam" in html
    assert reverse("messaging_suspend", args=[people.peer.pk]) in html
    assert people.peer.email not in html
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="my-queue-kind-reports"' in home
    client.force_login(people.outsider)
    html = client.get(reverse("conversations_reports")).content.decode()
    assert "Buy my miracle pills" not in html
    assert "No reported message waits for you." in html
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="my-queue-kind-reports"' not in home


def test_a_handled_report_leaves_the_queue(client, people, reported):
    services.report_mark_handled(report=reported, actor=people.coordinator)
    with pytest.raises(services.ConversationError):
        services.report_mark_handled(report=reported, actor=people.coordinator)
    people.coordinator.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(people.coordinator)
    html = client.get(reverse("conversations_reports")).content.decode()
    assert "Buy my miracle pills" not in html
