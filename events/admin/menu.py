"""The "Events" submenu of the admin and the organisers' buttons on event pages."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button

from ..models import EventPage
from ..permissions import can_manage_event
from .scope import managed_event_keys


class ManagerMenuItem(MenuItem):
    """Shown only to people who manage at least one event."""

    def is_shown(self, request):
        return bool(managed_event_keys(request.user))


# The "Events" submenu, shown when one of its items is.
events_menu = Menu(
    items=[
        ManagerMenuItem(
            _("Applicants"),
            reverse_lazy("events_applicants_index"),
            name="events-applicants",
            icon_name="group",
            order=100,
        ),
        ManagerMenuItem(
            _("Outbox"),
            reverse_lazy("events_outbox_index"),
            name="events-outbox",
            icon_name="mail",
            order=200,
        ),
    ]
)


@hooks.register("register_admin_menu_item")
def register_events_menu():
    return SubmenuMenuItem(
        _("Events"), events_menu, name="events", icon_name="date", order=250
    )


@hooks.register("register_page_listing_more_buttons")
def page_listing_applicant_buttons(page, user, next_url=None):
    if page.specific_class is not EventPage:
        return
    if page.translation_key not in managed_event_keys(user):
        return
    yield Button(
        _("Applicants"),
        url=reverse("events_applicants", args=(page.pk,)),
        icon_name="group",
        priority=25,
    )
    yield Button(
        _("Check-in"),
        url=reverse("events_check_in", args=(page.pk,)),
        icon_name="tick",
        priority=26,
    )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    yield from page_listing_applicant_buttons(page, user)
    if page.specific_class is EventPage and can_manage_event(user, page.specific):
        yield Button(
            _("Outbox and messages"),
            url=reverse("events_outbox", args=(page.specific.canonical.pk,)),
            icon_name="mail",
            priority=27,
        )
