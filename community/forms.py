"""Forms for accounts and profiles."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import SignupForm as AllauthSignupForm

from .models import Language, User

NAME_MAX_LENGTH = 150


class SignupForm(AllauthSignupForm):
    """Allauth's sign-up form plus the name we greet people with."""

    first_name = forms.CharField(
        label=_("First name"), max_length=NAME_MAX_LENGTH, strip=True
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=NAME_MAX_LENGTH, strip=True
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        language = (get_language() or "en")[:2]
        if language in dict(User._meta.get_field("preferred_language").choices):
            user.preferred_language = language
        user.save(update_fields=["first_name", "last_name", "preferred_language"])
        return user


class ProfileForm(forms.ModelForm):
    """What a person tells the network about themselves."""

    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation_name",
            "job_title",
            "languages",
            "preferred_language",
        ]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
