"""Who readers of a page write to: a practice's or a project's contact.

Pages above this app (practices, projects) have two fields, ``contact_person`` (a
member) and ``contact_email`` (a role mailbox such as ``waste@loerrach.de``).
Neither address is ever shown. Readers write on the platform:

- to the contact person, when the page names one with an active account;
- otherwise to the account registered with the role address (a verified e-mail
  address of an active member): the outbox mails the message to that mailbox
  with a link to answer on the platform, so the role mailbox answers without
  either side learning the other's address;
- a role address nobody has an account with yet gets no message: the page shows
  no button (editors see this in the field's help text) rather than a form whose
  messages nobody could answer.

This module reads the two fields by name, so it never imports the page apps.
"""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allauth.account.models import EmailAddress

from community.models import User

from . import permissions

CONTACT_PERSON_HELP = _(
    "The member readers write to through the platform. Their e-mail address is "
    "never shown."
)
CONTACT_EMAIL_HELP = _(
    "A role mailbox (e.g. waste@your-city.org), never shown. Used when no "
    "contact person is chosen: messages reach it once someone has an account "
    "with this address, and are answered on the platform."
)


def page_contact(page) -> User | None:
    """The person readers of ``page`` write to, or ``None`` (two queries at
    most)."""
    person_id = getattr(page, "contact_person_id", None)
    if person_id:
        person = User.objects.filter(pk=person_id).first()
        if person is not None and not permissions.is_account_gone(person):
            return person
    address = (getattr(page, "contact_email", "") or "").strip()
    if address:
        found = (
            EmailAddress.objects.filter(
                email__iexact=address,
                verified=True,
                user__is_active=True,
                user__is_pseudonymised=False,
            )
            .select_related("user")
            .first()
        )
        if found is not None:
            return found.user
    return None


def start_url(person: User, *, page=None, organisation=None) -> str:
    """The address of the form to write to ``person`` about a page or an
    organisation."""
    params = {"to": person.pk}
    if page is not None:
        params["page"] = page.pk
    elif organisation is not None:
        params["organisation"] = organisation.pk
    return f"{reverse('conversation_start')}?{urlencode(params)}"


def contact_link(request, person: User, *, page=None, organisation=None) -> str:
    """Where a "write to" button leads: the form, or signing in first (with the
    form as ``next``) for visitors who are not signed in."""
    url = start_url(person, page=page, organisation=organisation)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return url
    return redirect_to_login(url).url
