"""Applications for events and what became of them.

A ``Registration`` is one person's application for one event. Only
``events.services`` changes its state, and every change leaves a ``RegistrationLog``
row (who, when, from what to what, why), the way pretix logs its actions.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.logs import TransitionLog, actor_field, state_fields
from core.validators import validate_single_line_name


class RegistrationState(models.TextChoices):
    """``applied → accepted | waitlisted | declined → confirmed → attended |
    no_show``; ``withdrawn`` by the applicant at any time before the event.

    ``offered`` is a waitlisted applicant who was offered a freed place with a
    deadline (events with ``waitlist_offer_hours``).
    """

    APPLIED = "applied", _("Applied")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waitlist")
    OFFERED = "offered", _("Offered a place")
    DECLINED = "declined", _("Declined")
    CONFIRMED = "confirmed", _("Confirmed")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States that hold one of the event's places.
PLACE_HOLDING_STATES = (
    RegistrationState.ACCEPTED,
    RegistrationState.OFFERED,
    RegistrationState.CONFIRMED,
    RegistrationState.ATTENDED,
)
# States of people still taking part: they hear about changes to the event, and
# they may withdraw until it starts (``TRANSITIONS`` in ``events.services``).
ACTIVE_STATES = (
    RegistrationState.APPLIED,
    RegistrationState.ACCEPTED,
    RegistrationState.WAITLISTED,
    RegistrationState.OFFERED,
    RegistrationState.CONFIRMED,
)
# States with a place to confirm, until the event starts.
CONFIRMABLE_STATES = (RegistrationState.ACCEPTED, RegistrationState.OFFERED)


class Brings(models.TextChoices):
    GOOD_PRACTICE = "good_practice", _("A good practice from my city")
    CHALLENGE = "challenge", _("A challenge of my city")
    NOTHING = "nothing", _("Neither, I come to learn")


class Gender(models.TextChoices):
    NOT_GIVEN = "", _("Prefer not to say")
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    DIVERSE = "diverse", _("Diverse")


class Registration(models.Model):
    """One person's application for an event, and their way to attending it."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        help_text=_("The organisation they applied for, at the time."),
    )
    organisation_name = models.CharField(
        _("organisation (as given)"),
        max_length=200,
        blank=True,
        validators=[validate_single_line_name],
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        help_text=_("Your job or function, e.g. “Head of urban planning”."),
    )
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional; helps organisers keep the group balanced."),
    )
    motivation = models.TextField(
        _("motivation"),
        max_length=3000,
        help_text=_("Why you want to take part and what you hope to take home."),
    )
    brings = models.CharField(
        _("what you bring"),
        max_length=20,
        choices=Brings.choices,
        default=Brings.CHALLENGE,
    )
    brings_title = models.CharField(
        _("title of your practice or challenge"), max_length=200, blank=True
    )
    brings_description = models.TextField(
        _("short description"), max_length=2000, blank=True
    )
    language_needs = models.CharField(
        _("language needs"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “I need interpretation into Arabic”."),
    )
    # Collected only once someone is accepted (data minimisation).
    accessibility_needs = models.TextField(
        _("accessibility needs"), max_length=1000, blank=True
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    consent_data = models.BooleanField(
        _("consent to processing my application"), default=False
    )
    consent_contact_sharing = models.BooleanField(
        _("share my contact with the other participants"), default=False
    )
    consent_photos = models.BooleanField(
        _("photos of me may be published"), default=False
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=RegistrationState.choices,
        default=RegistrationState.APPLIED,
        db_index=True,
    )
    # Order of the waitlist: when they joined it (ties broken by id).
    waitlisted_at = models.DateTimeField(_("joined the waitlist"), null=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    uses_host_place = models.BooleanField(
        _("holds a place reserved for the host city"), default=False
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="events_one_registration_per_person"
            )
        ]
        indexes = [models.Index(fields=["event", "state", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.event}"


class RegistrationLog(TransitionLog):
    """One state change of a registration: who did it, when, and why."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="log",
        verbose_name=_("registration"),
    )
    from_state, to_state = state_fields(RegistrationState.choices)
    actor = actor_field(
        help_text=_("Empty when the platform did it (e.g. a waitlist promotion).")
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta(TransitionLog.Meta):
        verbose_name = _("registration change")
        verbose_name_plural = _("registration changes")

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.from_state} → {self.to_state}"


class EventInvitation(models.Model):
    """A person invited to an invite-only event, by e-mail address."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("event"),
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="events_one_invitation_per_address"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.event}"
