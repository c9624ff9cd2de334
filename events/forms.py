"""Forms of the people taking part: applying for an event, confirming a place,
withdrawing. They validate input; ``events.services`` decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.selectors import verified_organisations
from core.validators import validate_single_line_name

from .models import Brings, Gender, Registration

OTHER = "other"


def _max_length(name: str) -> int:
    return Registration._meta.get_field(name).max_length


class ApplicationForm(forms.Form):
    """An application for one event: who you are there for, why, and what you
    bring. Only ``consent_data`` is required of the consents."""

    organisation = forms.ChoiceField(
        label=_("Organisation you apply for"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Your verified affiliations, or another organisation."),
    )
    organisation_name = forms.CharField(
        label=_("Name of your organisation"),
        max_length=_max_length("organisation_name"),
        required=False,
        help_text=_("If it is not in the list above, e.g. “City of Tunis”."),
        validators=[validate_single_line_name],
    )
    role = forms.CharField(
        label=_("Your role"),
        max_length=_max_length("role"),
        help_text=_("Your job or function, e.g. “Head of urban planning”."),
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=Gender.choices,
        required=False,
        help_text=_("Helps organisers keep the group balanced."),
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        max_length=_max_length("motivation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Why you want to take part and what you hope to take home "
            "(at most 3,000 characters)."
        ),
    )
    brings = forms.ChoiceField(
        label=_("What you bring"),
        choices=Brings.choices,
        initial=Brings.CHALLENGE,
        widget=forms.RadioSelect,
    )
    brings_title = forms.CharField(
        label=_("Title of your good practice or challenge"),
        max_length=_max_length("brings_title"),
        required=False,
    )
    brings_description = forms.CharField(
        label=_("Short description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences (at most 2,000 characters)."),
    )
    language_needs = forms.CharField(
        label=_("Language needs (optional)"),
        max_length=_max_length("language_needs"),
        required=False,
        help_text=_("E.g. “I need interpretation into Arabic”."),
    )
    consent_data = forms.BooleanField(
        label=_(
            "I agree that the organisers process the data in this application to "
            "select the participants and run the event."
        ),
        error_messages={
            "required": _("We can only consider your application with this consent.")
        },
    )
    consent_contact_sharing = forms.BooleanField(
        label=_(
            "The other participants may see my name, organisation and e-mail "
            "address (optional)."
        ),
        required=False,
    )
    consent_photos = forms.BooleanField(
        label=_("Photos of me taken at the event may be published (optional)."),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {
            str(organisation.pk): organisation
            for organisation in verified_organisations(user)
        }
        choices = [
            (pk, organisation.localized_name)
            for pk, organisation in self.organisations.items()
        ]
        if choices:
            self.fields["organisation"].choices = [
                *choices,
                (OTHER, _("Another organisation (name below)")),
            ]
            self.fields["organisation"].initial = choices[0][0]
        else:
            # Nothing to choose from: the name is all we ask.
            del self.fields["organisation"]
            self.fields["organisation_name"].required = True
            self.fields["organisation_name"].help_text = _(
                "The city or organisation you work for."
            )

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("organisation")
        if (
            "organisation" in self.fields
            and chosen in (None, "", OTHER)
            and not cleaned.get("organisation_name")
        ):
            self.add_error(
                "organisation_name",
                _("Choose one of your organisations or give the name of another."),
            )
        brings = cleaned.get("brings")
        if brings and brings != Brings.NOTHING and not cleaned.get("brings_title"):
            self.add_error(
                "brings_title",
                _("Give a title to the good practice or challenge you bring."),
            )
        return cleaned

    def service_arguments(self) -> dict:
        """The cleaned data as ``registration_apply`` takes it."""
        data = dict(self.cleaned_data)
        chosen = data.pop("organisation", None)
        organisation = self.organisations.get(chosen or "")
        name = data.pop("organisation_name", "")
        if organisation is not None:
            name = ""
        if data.get("brings") == Brings.NOTHING:
            data["brings_title"] = data["brings_description"] = ""
        return {**data, "organisation": organisation, "organisation_name": name}


class ConfirmForm(forms.Form):
    """Confirming an accepted or offered place; needs are asked only now."""

    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        max_length=_max_length("accessibility_needs") or 1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. step-free access, sign language interpretation."),
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs (optional)"),
        max_length=_max_length("dietary_needs"),
        required=False,
        help_text=_("E.g. vegetarian, halal, allergies."),
    )


class WithdrawForm(forms.Form):
    """Giving up an application or a place, with an optional reason."""

    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Helps the organisers plan; they see it, nobody else does."),
    )
