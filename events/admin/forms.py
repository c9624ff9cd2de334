"""Forms of the organisers' tools; an unknown value is an error, never a 500."""

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

import django_filters
from django_countries import countries

from community.models import OrganisationKind
from core.forms import BoundedModelMultipleChoiceField

from ..models import Brings, EventPage, Registration, RegistrationState
from ..models.registrations import ACTIVE_STATES

DECISION_CHOICES = [
    (RegistrationState.ACCEPTED, _("Accept")),
    (RegistrationState.WAITLISTED, _("Put on the waitlist")),
    (RegistrationState.DECLINED, _("Decline")),
]
MAX_INVITATIONS = 500
REASON_HELP = _("Sent with the notice and kept in the history.")
FOREIGN_APPLICATIONS = _(
    "Some selected applications do not belong to this event; nothing was changed."
)


def _text(label, *, rows: int, attrs=None, **kwargs) -> forms.CharField:
    """A text box of ``rows`` lines."""
    widget = forms.Textarea(attrs={"rows": rows, **(attrs or {})})
    return forms.CharField(label=label, widget=widget, **kwargs)


def _reason(label) -> forms.CharField:
    """The optional reason or message that goes with a decision."""
    return _text(label, rows=3, required=False, max_length=2000, help_text=REASON_HELP)


class ApplicantFilterSet(WagtailFilterSet):
    """The filters of the applicant list (GET); an unknown value is reported by the
    view and then no filter applies."""

    q = django_filters.CharFilter(label=_("Name or organisation"), method="words")
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=RegistrationState.choices, empty_label=_("All states")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="organisation__country",
        empty_label=_("All countries"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of organisation"),
        field_name="organisation__kind",
        choices=OrganisationKind.choices,
        empty_label=_("All kinds"),
    )
    brings = django_filters.ChoiceFilter(
        label=_("Brings"), choices=Brings.choices, empty_label=_("Anything")
    )

    class Meta:
        model = Registration
        fields = []

    def __init__(self, data=None, queryset=None, *, country_codes=(), **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["country"].extra["choices"] = sorted(
            ((code, countries.name(code)) for code in country_codes if code),
            key=lambda pair: pair[1],
        )

    def words(self, queryset, name, value):
        return queryset.filter(name_or_organisation(value)) if value else queryset

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.is_valid() else queryset


def name_or_organisation(words: str) -> Q:
    """Applications whose person or organisation is named with ``words``."""
    return (
        Q(user__first_name__icontains=words)
        | Q(user__last_name__icontains=words)
        | Q(organisation__name__icontains=words)
        | Q(organisation_name__icontains=words)
    )


class TransitionForm(forms.Form):
    """One application to a new state, with the reason."""

    to_state = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES)
    reason = _reason(_("Reason or message"))


class BulkTransitionForm(forms.Form):
    """Several applications of one event to one new state, with one message."""

    # Ids from the checkboxes of the list; one that is not an application of this
    # event (another event's, or not a number) changes nothing.
    registration = BoundedModelMultipleChoiceField(
        label=_("Applications"),
        queryset=Registration.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Select at least one applicant first; nothing was changed."),
            "invalid_choice": FOREIGN_APPLICATIONS,
            "invalid_pk_value": FOREIGN_APPLICATIONS,
        },
    )
    to_state = forms.ChoiceField(
        label=_("Decision"),
        choices=DECISION_CHOICES,
        error_messages={
            "required": _("Choose what to do with the selected applicants."),
            "invalid_choice": _(
                "“%(value)s” is not something you can do here; nothing was changed."
            ),
        },
    )
    reason = _reason(_("Message to the applicants"))

    def __init__(self, *args, event: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].queryset = event.registrations.select_related(
            "user"
        )


class InvitationForm(forms.Form):
    emails = _text(
        _("E-mail addresses"),
        rows=6,
        attrs={"autocomplete": "off"},
        help_text=_("One address per line. Addresses already invited are skipped."),
        error_messages={"required": _("Enter at least one e-mail address.")},
    )

    def clean_emails(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["emails"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise ValidationError(_("Enter at least one e-mail address."))
        if len(lines) > MAX_INVITATIONS:
            raise ValidationError(
                _("Enter at most %(limit)s addresses at a time.")
                % {"limit": MAX_INVITATIONS}
            )
        invalid = [line for line in lines if not _is_email(line)]
        if invalid:
            raise ValidationError(
                _(
                    "These lines are not e-mail addresses: %(lines)s. "
                    "Nobody was invited."
                )
                % {"lines": ", ".join(invalid[:20])}
            )
        return [BaseUserManager.normalize_email(line) for line in lines]


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


class MessageForm(forms.Form):
    states = forms.MultipleChoiceField(
        label=_("Write to"),
        help_text=_("Tick none to write to everyone still taking part."),
        choices=[(state, RegistrationState(state).label) for state in ACTIVE_STATES]
        + [(RegistrationState.ATTENDED, RegistrationState.ATTENDED.label)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = _text(
        _("Message"),
        rows=10,
        max_length=10000,
        help_text=_(
            "Sent as you write it, in one language, to each person separately."
        ),
    )
    message_key = forms.CharField(widget=forms.HiddenInput, max_length=40)


class CancelForm(forms.Form):
    reason = _text(
        _("Why is the event cancelled?"),
        rows=5,
        max_length=2000,
        help_text=_(
            "Every participant reads this in the e-mail, and the event page shows it."
        ),
    )
