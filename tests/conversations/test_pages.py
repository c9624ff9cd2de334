"""The conversation pages: hostile input, escaping, forged ids, deleted
accounts, the list's query budget, the header and the dashboard, personal data,
and the mails parsed back as a mail client reads them."""

import email
import email.policy
import re

from django.core import mail
from django.urls import reverse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community.services import user_delete, user_export_data
from conversations import services
from conversations.models import Conversation, Message
from tests.hostile.strategies import HOSTILE, hostile_value

pytestmark = pytest.mark.django_db

START = reverse("conversation_start")


def _start(people, body="Could we talk about your plan?", subject="Land use"):
    return services.conversation_start(
        sender=people.verified, recipient=people.peer, subject=subject, body=body
    )


def test_a_100000_character_message_comes_back_with_an_error_and_the_text(
    client, people
):
    client.force_login(people.verified)
    response = client.post(
        f"{START}?to={people.peer.pk}", {"subject": "Long", "body": "y" * 100_000}
    )
    assert response.status_code == 200
    assert not Conversation.objects.exists()
    assert response.context["form"].errors["body"]
    assert response.context["form"]["subject"].value() == "Long"


def test_html_in_a_message_is_shown_escaped_and_links_do_not_lend_rank(client, people):
    body = '<script>alert("x")</script> see https://example.org/plan & more'
    conversation = _start(people, body=body, subject="<b>Water</b>")
    client.force_login(people.peer)
    html = client.get(reverse("conversation_detail", args=[conversation.pk]))
    html = html.content.decode()
    assert "<script>alert" not in html and "<b>Water</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Water&lt;/b&gt;" in html
    assert (
        '<a href="https://example.org/plan" rel="nofollow ugc noopener">'
        "https://example.org/plan</a>"
    ) in html
    assert people.verified.email not in html


@pytest.mark.parametrize(
    "query",
    ["to=999999", "to=abc", "to=", "to=%d&page=999999", "to=%d&organisation=x", ""],
)
def test_forged_ids_give_404(client, people, query):
    client.force_login(people.verified)
    if "%d" in query:
        query = query % people.peer.pk
    assert client.get(f"{START}?{query}").status_code == 404


def test_someone_elses_conversation_and_message_are_404(client, people):
    conversation = _start(people)
    client.force_login(people.member)
    assert (
        client.get(reverse("conversation_detail", args=[conversation.pk])).status_code
        == 404
    )
    message = conversation.messages.get()
    assert client.get(reverse("message_report", args=[message.pk])).status_code == 404
    for name in ("conversation_mute", "conversation_leave"):
        assert client.post(reverse(name, args=[conversation.pk])).status_code == 404
    assert client.get("/en/conversations/99999999999999999999/").status_code == 404


def test_writing_to_a_deleted_account_says_so(client, people):
    conversation = _start(people)
    user_delete(user=people.peer)
    client.force_login(people.verified)
    response = client.get(f"{START}?to={people.peer.pk}")
    assert response.status_code == 410
    assert "no longer exists" in response.content.decode()
    response = client.post(
        reverse("conversation_detail", args=[conversation.pk]), {"body": "Hello?"}
    )
    assert response.status_code == 200
    assert "no longer exists" in response.content.decode()
    assert response.context["form"]["body"].value() == "Hello?"


@HOSTILE
@given(
    subject=hostile_value, body=hostile_value, to=st.one_of(hostile_value, st.just(""))
)
def test_the_start_form_never_fails(client, people, subject, body, to, settings):
    settings.CONVERSATIONS_MESSAGES_PER_HOUR = 1000
    client.force_login(people.verified)
    for target in (to, str(people.peer.pk)):
        response = client.post(
            START + "?" + "to=" + target, {"subject": subject, "body": body}
        )
        assert response.status_code in (200, 302, 404)


@HOSTILE
@given(body=hostile_value)
def test_the_reply_form_never_fails(client, people, body, settings):
    settings.CONVERSATIONS_MESSAGES_PER_HOUR = 1000
    conversation = Conversation.objects.first() or _start(people)
    client.force_login(people.peer)
    response = client.post(
        reverse("conversation_detail", args=[conversation.pk]), {"body": body}
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors


def _list_queries(client, django_assert_num_queries, budget):
    with django_assert_num_queries(budget):
        response = client.get(reverse("conversation_list"))
    return response


def test_the_list_costs_the_same_with_one_or_many_conversations(
    client, people, django_assert_num_queries, settings
):
    """The budget (8): session and user (2); how many conversations there are,
    for the pages (1); the page's conversations with their unread counts (1) and
    everyone in them (1); the people they blocked (1); the header: unread notices
    and messages together (1) and the site (1; the main menu's pages come from
    the cache). The same at 1 and at 100 conversations, of which a
    page shows 25."""
    settings.CONVERSATIONS_MESSAGES_PER_HOUR = (
        settings.CONVERSATIONS_MESSAGES_PER_DAY
    ) = 200
    _start(people)
    client.force_login(people.peer)
    client.get(reverse("conversation_list"))  # the site's menu, cached once
    response = _list_queries(client, django_assert_num_queries, 8)
    assert len(response.context["rows"]) == 1
    for number in range(99):
        services.conversation_start(
            sender=people.coordinator,
            recipient=people.peer,
            subject=f"Topic {number}",
            body="Hello",
        )
    response = _list_queries(client, django_assert_num_queries, 8)
    rows = response.context["rows"]
    assert len(rows) == 25
    assert response.context["page_obj"].paginator.count == 100
    assert {row["participant"].unread for row in rows} == {1}
    html = response.content.decode()
    assert 'rel="next"' in html
    assert people.verified.email not in html
    last = client.get(reverse("conversation_list"), {"page": "4"})
    assert "Vera Verified" in last.content.decode()  # the oldest, on the last page
    assert client.get(reverse("conversation_list"), {"page": "x"}).status_code == 200


def test_the_header_counts_unread_messages_until_read(client, people):
    conversation = _start(people)
    services.message_send(conversation=conversation, sender=people.verified, body="2")
    client.force_login(people.peer)
    html = client.get(reverse("profile")).content.decode()
    link = re.search(
        r'<a class="notifications-link conversations-link"[^>]*>(.*?)</a>', html
    ).group(1)
    assert re.sub(r"<[^>]+>", "", link).split() == ["Messages", "2", "unread"]
    client.get(reverse("conversation_detail", args=[conversation.pk]))
    html = client.get(reverse("profile")).content.decode()
    link = re.search(
        r'<a class="notifications-link conversations-link"[^>]*>(.*?)</a>', html
    ).group(1)
    assert re.sub(r"<[^>]+>", "", link).split() == ["Messages"]


def test_the_dashboard_lists_recent_conversations(client, people):
    _start(people)
    client.force_login(people.peer)
    response = client.get(reverse("dashboard"))
    keys = [section.key for section in response.context["sections"]]
    assert "conversations" in keys
    assert "Land use" in response.content.decode()


def test_deleting_an_account_blanks_its_messages_and_keeps_the_other_side(
    client, people
):
    conversation = _start(people, body="My secret plan")
    services.message_send(conversation=conversation, sender=people.peer, body="Nice")
    data = user_export_data(user=people.verified)
    [exported] = data["conversations"]
    assert [m["text"] for m in exported["messages"]] == ["My secret plan", "Nice"]
    assert [m["from"] for m in exported["messages"]] == ["me", "another member"]
    user_delete(user=people.verified)
    first, second = Message.objects.order_by("created_at", "pk")
    assert (first.body, first.sender) == ("", None)
    assert second.body == "Nice"
    client.force_login(people.peer)
    html = client.get(reverse("conversation_detail", args=[conversation.pk]))
    html = html.content.decode()
    assert "a former member" in html and "My secret plan" not in html
    assert "Vera" not in html


def _parse(message):
    return email.message_from_bytes(
        message.message().as_bytes(), policy=email.policy.default
    )


@pytest.mark.parametrize("language", ["en", "de", "ar"])
def test_the_mails_reach_the_recipient_without_the_senders_address(
    people, language, django_capture_on_commit_callbacks
):
    people.peer.preferred_language = language
    people.peer.save()
    subject = 'Tom\'s "Land" & <Water>'
    with django_capture_on_commit_callbacks(execute=True):
        conversation = _start(people, subject=subject, body="Plan <b>&</b> map")
    [sent] = [m for m in mail.outbox if people.peer.email in m.to]
    parsed = _parse(sent)
    assert subject in parsed["Subject"]
    assert "Vera Verified" in parsed["Subject"]
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "Plan <b>&</b> map" in text
    assert "Plan &lt;b&gt;&amp;&lt;/b&gt; map" in html
    assert f"/{language}/conversations/{conversation.pk}/" in text
    for part in (parsed["Subject"], text, html, str(parsed["Reply-To"] or "")):
        assert people.verified.email not in part
    # Muted: no mail for the next message.
    services.conversation_mute(conversation=conversation, user=people.peer)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(
            conversation=conversation, sender=people.verified, body="2"
        )
    assert mail.outbox == []


def test_a_report_mails_the_coordinators_with_the_message_attached(
    people, django_capture_on_commit_callbacks
):
    conversation = _start(people, body="Buy <cheap> stuff & more")
    with django_capture_on_commit_callbacks(execute=True):
        services.message_report(
            message=conversation.messages.get(), reporter=people.peer, reason="Spam"
        )
    [sent] = mail.outbox[-1:]
    assert sent.to == [people.coordinator.email]
    parsed = _parse(sent)
    assert "Land use" in parsed["Subject"]
    text = parsed.get_body(("plain",)).get_content()
    assert "Buy <cheap> stuff & more" in text and "Spam" in text
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_content().strip() == "Buy <cheap> stuff & more"
    for person in (people.verified, people.peer):
        assert person.email not in text
