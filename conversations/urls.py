"""Conversation pages of a signed-in person, under the language prefix."""

from django.urls import path

from . import views

urlpatterns = [
    path("conversations/", views.conversation_list, name="conversation_list"),
    path("conversations/new/", views.conversation_start, name="conversation_start"),
    path(
        "conversations/<id:pk>/", views.conversation_detail, name="conversation_detail"
    ),
    path(
        "conversations/<id:pk>/mute/",
        views.conversation_mute,
        name="conversation_mute",
    ),
    path(
        "conversations/<id:pk>/leave/",
        views.conversation_leave,
        name="conversation_leave",
    ),
    path(
        "conversations/messages/<id:pk>/report/",
        views.message_report,
        name="message_report",
    ),
    path(
        "conversations/people/<id:pk>/block/",
        views.person_block,
        name="person_block",
    ),
    path(
        "conversations/people/<id:pk>/unblock/",
        views.person_unblock,
        name="person_unblock",
    ),
    path(
        "conversations/people/<id:pk>/suspend/",
        views.messaging_suspend,
        name="messaging_suspend",
    ),
]
