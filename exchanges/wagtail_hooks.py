"""What peer exchanges add to the Wagtail admin and to other apps: the
coordinators' queue and case pages with their menu item, their section of the
dashboard's "My queue" panel, the parts of "Download my data" and account deletion
that concern exchanges (``community_personal_data``, ``community_user_deleted``)
and the person's cases on their dashboard (``dashboard``)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from community.people import PEOPLE_OFFER_HOOK
from community.services import PERSONAL_DATA_HOOK, USER_DELETED_HOOK
from core.my_queue import MY_QUEUE_HOOK

from . import dashboard  # noqa: F401
from .admin.case import (
    ExchangeCaseView,
    exchange_admin_invite,
    exchange_admin_practice_update,
    exchange_admin_project_story,
    exchange_admin_transition,
)
from .admin.my_queue import exchanges_section
from .admin.queue import ExchangeQueueView, ExchangesMenuItem
from .offers import people_offering
from .personal_data import exchanges_personal_data_part, exchanges_user_deleted

hooks.register(PERSONAL_DATA_HOOK, exchanges_personal_data_part)
hooks.register(USER_DELETED_HOOK, exchanges_user_deleted)
hooks.register(MY_QUEUE_HOOK, exchanges_section)
hooks.register(PEOPLE_OFFER_HOOK, people_offering)


@hooks.register("register_admin_urls")
def register_exchange_admin_urls():
    return [
        path(
            "exchanges/",
            ExchangeQueueView.as_view(),
            name="exchange_admin_queue",
        ),
        path(
            "exchanges/<id:pk>/",
            ExchangeCaseView.as_view(),
            name="exchange_admin_detail",
        ),
        path(
            "exchanges/<id:pk>/step/<slug:action>/",
            exchange_admin_transition,
            name="exchange_admin_transition",
        ),
        path(
            "exchanges/<id:pk>/invite/",
            exchange_admin_invite,
            name="exchange_admin_invite",
        ),
        path(
            "exchanges/<id:pk>/practice-update/",
            exchange_admin_practice_update,
            name="exchange_admin_practice_update",
        ),
        path(
            "exchanges/<id:pk>/project-story/",
            exchange_admin_project_story,
            name="exchange_project_story",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_exchanges_menu_item():
    return ExchangesMenuItem(
        _("Peer exchanges"),
        reverse_lazy("exchange_admin_queue"),
        name="peer-exchanges",
        icon_name="group",
        order=240,
    )
