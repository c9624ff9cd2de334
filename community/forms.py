"""Forms for accounts and profiles."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import SignupForm as AllauthSignupForm

from core.bidi import isolate
from core.forms import BoundedModelChoiceField
from core.validators import validate_single_line_name

from . import services
from .models import (
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    Language,
    Offer,
    Organisation,
    User,
    Visibility,
)
from .selectors import expertise_options
from .verification import remember_address

NAME_MAX_LENGTH = 150


def _language_choices() -> list[tuple[str, str]]:
    """The interface languages, each in its own name ("Français", "العربيّة"), so
    people find theirs whatever language the page is in."""
    return [
        (code, capfirst(get_language_info(code)["name_local"]))
        for code, _name in settings.LANGUAGES
    ]


def _page_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class LanguageSelect(forms.Select):
    """Options named in their own language carry it (``lang``), so a screen reader
    says "Français" in French."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class SignupForm(AllauthSignupForm):
    """Allauth's sign-up form plus the name we greet people with and the language
    we write to them in: the language of the page they sign up on unless they
    choose another."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=NAME_MAX_LENGTH,
        strip=True,
        validators=[validate_single_line_name],
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=NAME_MAX_LENGTH,
        strip=True,
        validators=[validate_single_line_name],
    )

    preferred_language = forms.ChoiceField(
        label=_("Language for e-mails"),
        help_text=_("We write to you in this language; you can change it later."),
        choices=_language_choices,
        required=False,
        widget=LanguageSelect,
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "preferred_language",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = _page_language()

    def try_save(self, request):
        """For an address that already has an account allauth creates nothing and
        mails its owner instead, so the answer is the same; it skipped hashing the
        password, though, and answered measurably faster, which told who has an
        account. Hash it here too (and throw the hash away)."""
        if self.account_already_exists and self.cleaned_data.get("password1"):
            make_password(self.cleaned_data["password1"])
        remember_address(request, self.cleaned_data["email"])
        return super().try_save(request)

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = (
            self.cleaned_data.get("preferred_language") or _page_language()
        )
        user.save(update_fields=["first_name", "last_name", "preferred_language"])
        return user


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes with one fieldset per group, so every group has a spoken name."""

    template_name = "community/widgets/grouped_checkboxes.html"


VISIBILITY_LABELS = {
    "job_title": _("Who may see your job title"),
    "bio": _("Who may see what you wrote about yourself"),
    "languages": _("Who may see your languages"),
    "expertise": _("Who may see your expertise"),
    "offers": _("Who may see what you can offer"),
    "seeks": _("Who may see what you are looking for"),
}


class ProfileForm(forms.ModelForm):
    """What a person tells the network about themselves, and who may see it.

    Expertise is offered in the language being read; choices carry translation
    keys, and the profile stores the default-language rows (see
    ``services.user_update_profile``). Each field of ``PROFILE_VISIBILITY_FIELDS``
    is followed by a ``visibility_<field>`` choice of ``Visibility``.
    """

    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = forms.MultipleChoiceField(
        label=_("Your expertise"),
        help_text=_("Tick a whole cluster, single fields of action, or both."),
        required=False,
        widget=GroupedCheckboxSelectMultiple,
    )
    offers = forms.MultipleChoiceField(
        label=_("What you can offer"),
        choices=Offer.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    # Each field of PROFILE_VISIBILITY_FIELDS is followed by its visibility choice.
    FIELD_ORDER = [
        "first_name",
        "last_name",
        "organisation_name",
        "job_title",
        "languages",
        "preferred_language",
        "bio",
        "expertise",
        "offers",
        "seeks",
    ]

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation_name",
            "job_title",
            "languages",
            "preferred_language",
            "bio",
            "offers",
            "seeks",
        ]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "seeks": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

        self._expertise_rows: dict[str, object] = {}
        choices = []
        for cluster, fields_of_action in expertise_options():
            self._expertise_rows[f"cluster:{cluster.translation_key}"] = cluster
            options = [
                (
                    f"cluster:{cluster.translation_key}",
                    _("%(cluster)s as a whole") % {"cluster": cluster.name},
                )
            ]
            for field in fields_of_action:
                self._expertise_rows[f"field:{field.translation_key}"] = field
                options.append((f"field:{field.translation_key}", field.name))
            choices.append((cluster.name, options))
        self.fields["expertise"].choices = choices
        if self.instance.pk:
            self.initial.setdefault(
                "expertise",
                [
                    f"cluster:{c.translation_key}"
                    for c in self.instance.expertise_clusters.all()
                ]
                + [
                    f"field:{f.translation_key}"
                    for f in self.instance.expertise_fields.all()
                ],
            )

        order = []
        for name in self.FIELD_ORDER:
            order.append(name)
            if name in PROFILE_VISIBILITY_FIELDS:
                order.append(f"visibility_{name}")
        for name in PROFILE_VISIBILITY_FIELDS:
            self.fields[f"visibility_{name}"] = forms.ChoiceField(
                label=VISIBILITY_LABELS[name],
                choices=Visibility.choices,
                required=False,
                initial=self.instance.visibility_of(name),
            )
        self.order_fields(order)

    def profile_changes(self) -> dict:
        """Keyword arguments for ``services.user_update_profile`` (valid form only)."""
        keys = self.cleaned_data["expertise"]
        rows = self._expertise_rows
        return {
            "values": {name: self.cleaned_data[name] for name in self.Meta.fields},
            "expertise_clusters": [rows[k] for k in keys if k.startswith("cluster:")],
            "expertise_fields": [rows[k] for k in keys if k.startswith("field:")],
            # A visibility not sent at all keeps its current setting.
            "visibility": {
                name: self.cleaned_data[f"visibility_{name}"]
                for name in PROFILE_VISIBILITY_FIELDS
                if self.cleaned_data[f"visibility_{name}"]
            },
        }


class LanguagesForm(forms.Form):
    """The languages a person works in (the profile's field), on its own."""

    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        help_text=_("Peers who speak your languages find you more easily."),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class OrganisationChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.localized_name


class AffiliationClaimForm(forms.Form):
    """A person says which organisation they work for and how to confirm it.

    The organisation list is grouped by country and shows names in the language
    being read; an id that is not in the list is a form error, never a crash.
    """

    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.with_names(),
        empty_label=_("Choose your organisation"),
        help_text=_("The city, company or organisation you work for."),
    )
    job_title = forms.CharField(
        label=_("Your job title there"),
        max_length=Affiliation._meta.get_field("job_title").max_length,
        required=False,
    )
    work_email = forms.EmailField(
        label=_("Your work e-mail address"),
        help_text=_("Optional. An address at the organisation helps to confirm."),
        max_length=Affiliation._meta.get_field("work_email").max_length,
        required=False,
    )
    evidence = forms.CharField(
        label=_("How can we confirm that you work there?"),
        help_text=Affiliation._meta.get_field("evidence").help_text,
        max_length=Affiliation._meta.get_field("evidence").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        by_country: dict[str, list] = {}
        for organisation in field.queryset:
            by_country.setdefault(str(organisation.country.name), []).append(
                (organisation.pk, organisation.localized_name)
            )
        field.choices = [("", field.empty_label)] + [
            (country, sorted(options, key=lambda option: option[1].casefold()))
            for country, options in sorted(by_country.items())
        ]

    def submit(self, request) -> bool:
        """Claim for the signed-in person with this valid form: a refusal of the
        service becomes a form error, a claim a message saying what happens next.
        True when the claim was made (the profile and the first steps both ask)."""
        try:
            affiliation = services.affiliation_claim(
                user=request.user, **self.cleaned_data
            )
        except services.CommunityError as error:
            self.add_error(None, str(error))
            return False
        messages.success(
            request,
            gettext(
                "Thank you. Your affiliation with %(name)s is waiting for verification."
            )
            % {"name": isolate(affiliation.organisation.localized_name)},
        )
        return True


class DeleteAccountForm(forms.Form):
    """Asks for the account's e-mail address so nobody deletes an account by a slip."""

    email = forms.CharField(
        label=_("Type your e-mail address to confirm"),
        max_length=User._meta.get_field("email").max_length,
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email.casefold() != self.user.email.casefold():
            raise forms.ValidationError(
                _("This is not the e-mail address of your account."), code="mismatch"
            )
        return email
