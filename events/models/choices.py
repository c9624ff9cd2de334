"""The choices an event is described by: its format, how people attend, who may
apply and how they get a place. Apart from the page so that the rules about
applying (``events.permissions``) read them without the page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    """The formats of the programme, as practitioners know them."""

    DIALOGUE_EVENT = "dialogue_event", _("Dialogue event")
    PRACTITIONERS_WORKSHOP = "practitioners_workshop", _("Practitioners' workshop")
    LOCAL_PROJECT_WORKSHOP = "local_project_workshop", _("Local project workshop")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    STUDY_TOUR = "study_tour", _("Study tour")
    TRAINING = "training", _("Training")
    WEBINAR = "webinar", _("Webinar")
    PEER_LEARNING_WORKSHOP = "peer_learning_workshop", _("Peer-learning workshop")
    CONFERENCE = "conference", _("Conference")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Eligibility(models.TextChoices):
    """Who may apply for an event."""

    SIGNED_IN = "signed_in", _("Anyone signed in")
    VERIFIED_MEMBERS = "verified_members", _("Verified staff of member cities")
    INVITED = "invited", _("Invited people only")


class SelectionMode(models.TextChoices):
    """How applicants get a place."""

    FIRST_COME = "first_come", _("First come, first served")
    SELECTION = "selection", _("Organisers select the participants")
