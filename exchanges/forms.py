"""Forms of the peer-exchange pages and admin screens. They check the shape of the
input (lengths, choices, dates); the rules live in ``exchanges.services``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from community.models import Language
from core.forms import BoundedModelChoiceField, LocalizedModelChoiceField
from core.models import Cluster, FieldOfAction
from events.models import EventPage
from projects.models import Stage

from . import permissions as rules
from .models import (
    REASON_MAX,
    SHORT_TEXT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    AdoptionLevel,
    CheckpointMonth,
    MissionKind,
)


def _clusters():
    return Cluster.objects.filter(locale=Locale.get_default())


def _fields():
    return FieldOfAction.objects.filter(locale=Locale.get_default()).select_related(
        "cluster"
    )


def _text(label, *, limit=TEXT_MAX, rows=5, required=True, help_text=""):
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ThemeFieldsMixin(forms.Form):
    cluster = LocalizedModelChoiceField(
        label=_("Thematic cluster"), queryset=Cluster.objects.none(), required=False
    )
    field_of_action = LocalizedModelChoiceField(
        label=_("Field of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        help_text=_("Optional; sets the cluster if you leave that empty."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = _clusters()
        self.fields["field_of_action"].queryset = _fields()


class ExchangeRequestForm(ThemeFieldsMixin):
    """A city's request: the challenge, theme, formats, languages and timeframe."""

    organisation = BoundedModelChoiceField(
        label=_("For which city"), queryset=None, empty_label=None
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("The challenge in a few words, e.g. “Land-use plan for Tareq”."),
    )
    challenge = _text(
        _("Your challenge"),
        rows=8,
        help_text=_("What your city wants to solve, and what it has tried so far."),
    )
    field_order = ["organisation", "title", "challenge", "cluster", "field_of_action"]
    formats = forms.MultipleChoiceField(
        label=_("Formats you wish for"),
        choices=MissionKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    timeframe = forms.CharField(
        label=_("Timeframe"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("When the exchange should happen, e.g. “spring 2027”."),
    )
    show_to_members = forms.BooleanField(
        label=_("Show a summary to members so that they can volunteer as peers"),
        required=False,
    )
    summary = _text(
        _("Summary for members"),
        limit=SHORT_TEXT_MAX,
        rows=3,
        required=False,
        help_text=_("Only if you show the request: what other members may read."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = rules.requesting_organisations(
            user
        ).prefetch_related("names")

    def service_values(self) -> dict:
        values = dict(self.cleaned_data)
        values.pop("organisation", None)
        return values


class ReasonForm(forms.Form):
    reason = _text(_("Reason"), limit=REASON_MAX, rows=3, required=False)


class FramingForm(forms.Form):
    question_1 = forms.CharField(
        label=_("Guiding question 1"), max_length=SHORT_TEXT_MAX, required=False
    )
    question_2 = forms.CharField(
        label=_("Guiding question 2"), max_length=SHORT_TEXT_MAX, required=False
    )
    question_3 = forms.CharField(
        label=_("Guiding question 3"), max_length=SHORT_TEXT_MAX, required=False
    )
    desired_change = _text(_("The change the city wants"), rows=4, required=False)

    @classmethod
    def for_exchange(cls, exchange, data=None):
        questions = list(exchange.guiding_questions) + ["", "", ""]
        return cls(
            data,
            initial={
                "question_1": questions[0],
                "question_2": questions[1],
                "question_3": questions[2],
                "desired_change": exchange.desired_change,
            },
        )

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "guiding_questions": [
                data["question_1"],
                data["question_2"],
                data["question_3"],
            ],
            "desired_change": data["desired_change"],
        }


class AgreementForm(forms.Form):
    objectives = _text(_("Objectives"), rows=4)
    agenda = _text(_("Agenda"), rows=4, required=False)
    roles = _text(_("Roles"), rows=3, required=False)
    costs = _text(_("Who pays what"), rows=3, required=False)


class DateInput(forms.DateInput):
    input_type = "date"


class MissionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MissionKind.choices)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput)
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput, required=False)
    place = forms.CharField(label=_("Place"), max_length=TITLE_MAX, required=False)
    online_link = forms.URLField(
        label=_("Online link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_(
            "For an online consultation with a new event page: the meeting link. "
            "If you leave it empty, participants are told the link will follow; set "
            "it later on the event page."
        ),
    )
    event = BoundedModelChoiceField(
        label=_("Link an invite-only event page"),
        queryset=EventPage.objects.none(),
        required=False,
    )
    create_event_page = forms.BooleanField(
        label=_("Create an invite-only event page for it"),
        required=False,
        help_text=_(
            "Participants are invited and register there like for any event, with "
            "the same e-mails. The page is hidden from the public calendar."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = EventPage.objects.filter(
            eligibility="invited", locale=Locale.get_default()
        ).order_by("-starts_at")


class ActionItemForm(forms.Form):
    description = forms.CharField(
        label=_("Action item"), max_length=SHORT_TEXT_MAX, required=False
    )
    owner = forms.CharField(label=_("Owner"), max_length=TITLE_MAX, required=False)
    due_on = forms.DateField(label=_("Due"), widget=DateInput, required=False)

    def clean(self):
        data = super().clean()
        filled = [data.get("description"), data.get("owner"), data.get("due_on")]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _("An action item needs what, an owner and a due date.")
            )
        return data


ActionItemFormSet = forms.formset_factory(
    ActionItemForm, extra=3, max_num=30, validate_max=True
)


class ReportForm(forms.Form):
    findings = _text(_("Findings"), rows=6)
    recommendations = _text(_("Recommendations"), rows=5, required=False)


class CheckpointForm(forms.Form):
    month = forms.TypedChoiceField(
        label=_("Checkpoint"), choices=CheckpointMonth.choices, coerce=int
    )
    what_changed = _text(_("What changed"), rows=4)
    adoption = forms.ChoiceField(
        label=_("Adoption level"),
        choices=AdoptionLevel.choices,
        widget=forms.RadioSelect,
    )
    project_stage = forms.ChoiceField(label=_("Project stage"), choices=Stage.choices)


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            ("opt_in", _("Yes, I take part")),
            ("decline", _("No, I decline")),
        ],
        widget=forms.RadioSelect,
    )
    reason = _text(
        _("Reason for declining"),
        limit=REASON_MAX,
        rows=3,
        required=False,
        help_text=_("Required when you decline; the case manager reads it."),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please tell the case manager why you decline."))
        return data


class OfferForm(ThemeFieldsMixin):
    kind = forms.ChoiceField(label=_("I can offer"), choices=MissionKind.choices)
    topic = forms.CharField(
        label=_("On"),
        max_length=TITLE_MAX,
        help_text=_("E.g. “community land-use plans for new districts”."),
    )
    description = _text(_("Details"), limit=SHORT_TEXT_MAX * 2, rows=4, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    field_order = ["kind", "topic", "description", "cluster", "field_of_action"]


class VolunteerForm(forms.Form):
    note = _text(
        _("What you can offer"),
        limit=REASON_MAX,
        rows=3,
        required=False,
    )


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the exchange?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = not useful, 5 = very useful."),
    )
    comment = _text(_("Comment"), limit=REASON_MAX, rows=3, required=False)
