"""What conversations add to a city's profile (``community.pages``): an "Ask the
city" section naming the city's focal points, each with a link to write to them
about the city, and a "Write to <name>" link for every person the profile shows
(those who made at least one profile field visible to the viewer)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from community.models import Role, RoleKind
from community.pages import ORGANISATION_SECTIONS_HOOK, PERSON_CONTACT_HOOK

from . import contact, permissions
from .selectors import display_name


@hooks.register(PERSON_CONTACT_HOOK)
def person_contact_url(*, person, organisation, request) -> str:
    if permissions.is_account_gone(person) or person.pk == request.user.pk:
        return ""
    return contact.contact_link(request, person, organisation=organisation)


@hooks.register(ORGANISATION_SECTIONS_HOOK)
def ask_the_city(*, organisation, page, request) -> dict | None:
    """The organisation's current focal points (one query)."""
    focal_points = [
        role.user
        for role in Role.objects.active()
        .filter(
            organisation=organisation,
            kind=RoleKind.FOCAL_POINT,
            user__is_active=True,
            user__is_pseudonymised=False,
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    ]
    if not focal_points:
        return None
    return {
        "template": "conversations/organisation_section.html",
        "title": _("Ask the city"),
        "signed_in": request.user.is_authenticated,
        "people": [
            {
                "name": display_name(person),
                "url": ""
                if person.pk == request.user.pk
                else contact.contact_link(request, person, organisation=organisation),
            }
            for person in dict.fromkeys(focal_points)
        ],
        "order": 5,
    }
