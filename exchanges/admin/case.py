"""One peer exchange in the Wagtail admin: the request, the steps the coordinator
may take (with a reason where one is needed), the suggested peers, organisations
and practices with their explained score parts, shortlisting and invitations, the
agreement, missions, the report with action items, the follow-up checkpoints and,
once the case is closed, the update of a good practice and the project story."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.bidi import isolate
from core.params import parse_int
from practices.models import GoodPracticePage

from .. import matching, practice_update, selectors, services, story
from .. import permissions as rules
from ..forms import (
    ActionItemFormSet,
    AgreementForm,
    CheckpointForm,
    FramingForm,
    MissionForm,
    ReasonForm,
    ReportForm,
)
from ..models import ExchangeState, PeerExchange
from ..transitions import (
    AGREEMENT_STATES,
    FRAMING_STATES,
    INVITE_STATES,
    MISSION_STATES,
    SHORTLIST_STATES,
    TRANSITIONS,
)

# The largest matching score a form may send (real ones stay under a few hundred).
MAX_SCORE = 100_000

MANAGER_ACTIONS = [
    action
    for action, transition in TRANSITIONS.items()
    if transition.role == rules.MANAGER
]


def _case_or_404(request, pk: int) -> PeerExchange:
    try:
        exchange = selectors.case(pk)
    except PeerExchange.DoesNotExist as exc:
        raise Http404 from exc
    if not rules.can_oversee_exchange(request.user, exchange):
        raise Http404
    return exchange


class ExchangeCaseView(WagtailAdminTemplateMixin, TemplateView):
    """One case with every tool the case manager needs in its current state."""

    template_name = "exchanges/admin/case.html"
    header_icon = "group"

    def dispatch(self, request: HttpRequest, pk: int, *args, **kwargs):
        self.exchange = _case_or_404(request, pk)
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_title(self):
        return self.exchange.title

    def get_page_subtitle(self):
        return self.exchange.organisation.localized_name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("exchange_admin_queue"), "label": _("Peer exchanges")},
            {"url": "", "label": self.exchange.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exchange = self.exchange
        user = self.request.user
        state = exchange.state
        suggestions = None
        if state in SHORTLIST_STATES:
            suggestions = matching.suggest(exchange, viewer=user)
        candidates = {c.user_id: c for c in exchange.candidates.all()}
        context.update(
            {
                "exchange": exchange,
                "next_step": selectors.next_step(exchange),
                "actions": [
                    t
                    for t in rules.allowed_actions(user, exchange)
                    if t.role == rules.MANAGER
                ],
                "suggestions": suggestions,
                "candidates": candidates,
                "peers": [
                    {
                        "candidate": c,
                        "profile": selectors.peer_profile(user, c, manages=True),
                    }
                    for c in exchange.candidates.all()
                ],
                "can_invite": state in INVITE_STATES,
                "can_shortlist": state in SHORTLIST_STATES,
                "can_frame": state in FRAMING_STATES,
                "framing_form": kwargs.get("framing_form")
                or FramingForm.for_exchange(exchange),
                "can_agree": state in AGREEMENT_STATES,
                "agreement_form": kwargs.get("agreement_form")
                or AgreementForm(
                    initial={
                        "objectives": exchange.objectives,
                        "agenda": exchange.agenda,
                        "roles": exchange.roles,
                        "costs": exchange.costs,
                    }
                ),
                "can_schedule": state in MISSION_STATES,
                "mission_form": kwargs.get("mission_form") or MissionForm(),
                "can_report": state == ExchangeState.REPORT,
                "report_form": kwargs.get("report_form")
                or ReportForm(
                    initial={
                        "findings": exchange.findings,
                        "recommendations": exchange.recommendations,
                    }
                ),
                "items_formset": kwargs.get("items_formset")
                or ActionItemFormSet(
                    prefix="items",
                    initial=[
                        {
                            "description": item.description,
                            "owner": item.owner,
                            "due_on": item.due_on,
                        }
                        for item in exchange.action_items.all()
                    ],
                ),
                "can_record_checkpoint": state == ExchangeState.FOLLOW_UP,
                "checkpoint_form": kwargs.get("checkpoint_form") or CheckpointForm(),
                "checkpoint_slots": selectors.checkpoint_slots(exchange),
                "reason_form": ReasonForm(),
                "log": exchange.log.all(),
                "can_draft_story": story.can_draft_story(user, exchange),
                "practice_update_form": (
                    practice_update.PracticeUpdateForm(exchange=exchange, user=user)
                    if state == ExchangeState.CLOSED
                    else None
                ),
            }
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The forms with several fields post here (``form`` says which); errors
        show beside their fields on the same page, and nothing is saved."""
        handlers = {
            "framing": self._framing,
            "agreement": self._agreement,
            "mission": self._mission,
            "report": self._report,
            "checkpoint": self._checkpoint,
        }
        handler = handlers.get(request.POST.get("form", ""))
        if handler is None:
            raise Http404
        return handler(request)

    def _done(self, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect("exchange_admin_detail", pk=self.exchange.pk)

    def _failed(self, **forms) -> HttpResponse:
        messages.error(
            self.request, gettext("Nothing was saved: see the errors below.")
        )
        return self.render_to_response(self.get_context_data(**forms))

    def _run(self, form, form_name, call, success):
        if form.is_valid():
            try:
                call()
            except services.ExchangeError as error:
                form.add_error(None, str(error))
            else:
                return self._done(success)
        return self._failed(**{form_name: form})

    def _framing(self, request):
        form = FramingForm(request.POST)
        return self._run(
            form,
            "framing_form",
            lambda: services.exchange_frame(
                exchange=self.exchange, actor=request.user, **form.service_values()
            ),
            gettext("The framing has been saved."),
        )

    def _agreement(self, request):
        form = AgreementForm(request.POST)
        return self._run(
            form,
            "agreement_form",
            lambda: services.exchange_agreement_save(
                exchange=self.exchange, actor=request.user, **form.cleaned_data
            ),
            gettext("The agreement has been saved."),
        )

    def _mission(self, request):
        form = MissionForm(request.POST)
        return self._run(
            form,
            "mission_form",
            lambda: services.mission_schedule(
                exchange=self.exchange, actor=request.user, **form.cleaned_data
            ),
            gettext("The mission has been scheduled."),
        )

    def _report(self, request):
        form = ReportForm(request.POST)
        formset = ActionItemFormSet(request.POST, prefix="items")
        if form.is_valid() and formset.is_valid():
            items = [
                item
                for item in formset.cleaned_data
                if item and item.get("description")
            ]
            try:
                services.exchange_report_save(
                    exchange=self.exchange,
                    actor=request.user,
                    action_items=items,
                    **form.cleaned_data,
                )
            except services.ExchangeError as error:
                form.add_error(None, str(error))
            else:
                return self._done(gettext("The report has been saved."))
        return self._failed(report_form=form, items_formset=formset)

    def _checkpoint(self, request):
        form = CheckpointForm(request.POST)
        return self._run(
            form,
            "checkpoint_form",
            lambda: services.checkpoint_record(
                exchange=self.exchange, actor=request.user, **form.cleaned_data
            ),
            gettext("The checkpoint has been recorded."),
        )


@require_POST
def exchange_admin_transition(request: HttpRequest, pk: int, action: str):
    """One step of the workflow, with the reason the form gave."""
    exchange = _case_or_404(request, pk)
    if action not in MANAGER_ACTIONS:
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, gettext("The reason is too long (at most 2,000 characters).")
        )
    else:
        try:
            services.exchange_transition(
                exchange=exchange,
                action=action,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.ExchangeError as error:
            messages.error(request, str(error))
        else:
            exchange.refresh_from_db()
            messages.success(
                request,
                gettext("The case is now: %(state)s.")
                % {"state": exchange.get_state_display()},
            )
    return redirect("exchange_admin_detail", pk=exchange.pk)


@require_POST
def exchange_admin_invite(request: HttpRequest, pk: int):
    """Shortlist or invite the people ticked among the suggestions."""
    exchange = _case_or_404(request, pk)
    ids = [parse_int(value) for value in request.POST.getlist("users")]
    if not ids or None in ids:
        messages.error(request, gettext("Tick at least one person."))
        return redirect("exchange_admin_detail", pk=exchange.pk)
    scores = {}
    for user_id in ids:
        raw_score = request.POST.get(f"score-{user_id}", "").strip()
        if not raw_score:
            continue
        # Matching scores are small; the column is a 32-bit integer.
        score = parse_int(raw_score.removeprefix("-"), maximum=MAX_SCORE)
        if score is None:
            messages.error(
                request,
                gettext(
                    "A score must be a whole number from -%(max)d to %(max)d; "
                    "nothing was changed."
                )
                % {"max": MAX_SCORE},
            )
            return redirect("exchange_admin_detail", pk=exchange.pk)
        scores[user_id] = -score if raw_score.startswith("-") else score
    try:
        if request.POST.get("do") == "shortlist":
            changed = services.exchange_shortlist(
                exchange=exchange, actor=request.user, users=ids, scores=scores
            )
            message = gettext("%(count)d shortlisted.")
        else:
            changed = services.exchange_invite(
                exchange=exchange, actor=request.user, users=ids, scores=scores
            )
            message = gettext("%(count)d invited.")
    except services.ExchangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message % {"count": len(changed)})
    return redirect("exchange_admin_detail", pk=exchange.pk)


@require_POST
def exchange_admin_practice_update(request: HttpRequest, pk: int):
    """Draft an update of the chosen good practice from the closed case's report;
    the editor lands in the practice's editor to review the draft."""
    exchange = _case_or_404(request, pk)
    form = practice_update.PracticeUpdateForm(
        request.POST, exchange=exchange, user=request.user
    )
    if not form.is_valid():
        messages.error(
            request, gettext("Choose one of the good practices you may edit.")
        )
        return redirect("exchange_admin_detail", pk=exchange.pk)
    try:
        practice = form.chosen_practice()
        practice_update.practice_update_from_exchange(
            exchange=exchange, practice=practice, actor=request.user
        )
    except GoodPracticePage.DoesNotExist:
        messages.error(request, gettext("This good practice does not exist any more."))
    except services.ExchangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            gettext(
                "A draft update of “%(title)s” was saved; review it and submit it "
                "for moderation. The live page has not changed."
            )
            % {"title": isolate(practice.title)},
        )
        return redirect("wagtailadmin_pages:edit", practice.pk)
    return redirect("exchange_admin_detail", pk=exchange.pk)


@require_POST
def exchange_admin_project_story(request: HttpRequest, pk: int):
    """Draft a supported-project story from the closed case; the editor lands in
    the draft, or back on the case with a link to the story it already has."""
    exchange = get_object_or_404(
        PeerExchange.objects.select_related("organisation"), pk=pk
    )
    if not story.can_draft_story(request.user, exchange):
        raise Http404
    try:
        page = story.exchange_story_create(exchange=exchange, actor=request.user)
    except story.StoryExists as error:
        buttons = []
        if error.page.permissions_for_user(request.user).can_edit():
            edit_url = reverse("wagtailadmin_pages:edit", args=(error.page.pk,))
            buttons.append(messages.button(edit_url, gettext("Open the story")))
        messages.warning(request, str(error), buttons=buttons)
        return redirect("exchange_admin_detail", pk=exchange.pk)
    except story.StoryError as error:
        messages.error(request, str(error))
        return redirect("exchange_admin_detail", pk=exchange.pk)
    messages.success(request, gettext("A draft project story was created; review it."))
    return redirect("wagtailadmin_pages:edit", page.pk)
