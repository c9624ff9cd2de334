"""Showing messages (escaped, links as inert text links) and the header's unread
counts."""

from django import template
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

from .. import contact
from ..selectors import display_name, header_counts

register = template.Library()


@register.filter
def message_text(value) -> SafeString:
    """A message as HTML: every character escaped, line breaks kept, web
    addresses turned into links that search engines do not follow and that open
    no window onto the site (``rel="nofollow ugc noopener"``). The server never
    fetches them."""
    html = urlize(str(value or ""), nofollow=True, autoescape=True)
    # Only urlize's own attribute can match: quotes in the text are escaped.
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc noopener"')
    return mark_safe(html.replace("\r\n", "\n").replace("\n", "<br>"))  # noqa: S308


@register.filter
def person_name(person) -> str:
    """A person as the other side sees them (``selectors.display_name``)."""
    return display_name(person)


@register.simple_tag(takes_context=True)
def header_unread(context) -> dict:
    """``{% header_unread as unread %}``: the signed-in person's unread notices
    (``unread.notifications``) and messages (``unread.messages``), in one query
    per request; zeros for everyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"notifications": 0, "messages": 0}
    if not hasattr(request, "_cc_header_unread"):
        notices, messages = header_counts(user)
        request._cc_header_unread = {"notifications": notices, "messages": messages}
    return request._cc_header_unread


@register.inclusion_tag(
    "conversations/includes/contact_button.html", takes_context=True
)
def page_contact_button(context, page) -> dict:
    """``{% page_contact_button page %}``: a practice's or a project's contact
    section, a "Write to <name>" link to the conversation form about the page
    (sign-in first for visitors). Nothing when the page has nobody to write to,
    and never an e-mail address."""
    request = context.get("request")
    person = contact.page_contact(page)
    if person is None:
        return {"person": None}
    user = getattr(request, "user", None)
    return {
        "person": person,
        "name": display_name(person),
        "url": contact.contact_link(request, person, page=page),
        "is_self": user is not None and user.pk == person.pk,
        "signed_in": user is not None and user.is_authenticated,
    }
