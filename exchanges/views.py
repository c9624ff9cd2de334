"""Peer-exchange pages on the site: a city's requests, the request form and case
page, invitations to peers, practitioners' offers, open requests for volunteers and
the public outcomes page. Views check the form and call one service; the rules are
in ``exchanges.permissions`` and ``exchanges.services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import permissions as community_permissions

from . import permissions as rules
from . import selectors, services
from .forms import (
    CheckpointForm,
    ExchangeRequestForm,
    FeedbackForm,
    FramingForm,
    InvitationAnswerForm,
    OfferForm,
    ReasonForm,
    VolunteerForm,
)
from .models import (
    CandidateState,
    ExchangeCandidate,
    ExchangeOffer,
    ExchangeState,
    PeerExchange,
)
from .transitions import EDIT_STATES, FEEDBACK_STATES, FRAMING_STATES, TRANSITIONS

REQUESTER_ACTIONS = ("submit", "resubmit", "withdraw")


@login_required
def my_requests(request):
    """The requests of the user's cities with their state and next step."""
    exchanges = list(selectors.my_requests(request.user))
    for exchange in exchanges:
        exchange.next_step = selectors.next_step(exchange)
    invitations = (
        ExchangeCandidate.objects.filter(user=request.user)
        .exclude(state=CandidateState.SHORTLISTED)
        .select_related("exchange__organisation")
        .order_by("-created_at")
    )
    return render(
        request,
        "exchanges/my_requests.html",
        {
            "exchanges": exchanges,
            "may_file": rules.may_file_requests(request.user),
            "invitations": invitations,
        },
    )


def _refuse_filing(request) -> HttpResponse:
    return render(
        request,
        "exchanges/not_allowed.html",
        {
            "message": _(
                "Only verified staff of a member city can request a peer exchange. "
                "Add your affiliation on your profile; a coordinator verifies it."
            )
        },
        status=403,
    )


@login_required
def exchange_create(request):
    """File a request (saved as a draft, or submitted at once)."""
    if not rules.may_file_requests(request.user):
        return _refuse_filing(request)
    form = ExchangeRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            exchange = services.exchange_create(
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                submit="submit" in request.POST,
                **form.service_values(),
            )
        except services.ExchangeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your request has been submitted.")
                if exchange.state == ExchangeState.SUBMITTED
                else _("Your draft has been saved."),
            )
            return redirect("exchange_detail", pk=exchange.pk)
    return render(
        request, "exchanges/request_form.html", {"form": form, "exchange": None}
    )


def _exchange_for(request, pk: int) -> PeerExchange:
    """The case, if the user may see it (city staff, managers, invited peers);
    otherwise 404 so that ids reveal nothing."""
    try:
        exchange = selectors.case(pk)
    except PeerExchange.DoesNotExist as exc:
        raise Http404 from exc
    if not rules.can_see_exchange(request.user, exchange):
        raise Http404
    return exchange


@login_required
def exchange_edit(request, pk: int):
    exchange = _exchange_for(request, pk)
    if not rules.is_requester(request.user, exchange):
        raise PermissionDenied
    initial = {
        "organisation": exchange.organisation,
        "title": exchange.title,
        "challenge": exchange.challenge,
        "cluster": exchange.cluster,
        "field_of_action": exchange.field_of_action,
        "formats": exchange.formats,
        "languages": exchange.languages,
        "timeframe": exchange.timeframe,
        "show_to_members": exchange.show_to_members,
        "summary": exchange.summary,
    }
    form = ExchangeRequestForm(request.POST or None, initial=initial, user=request.user)
    form.fields["organisation"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            exchange = services.exchange_update(
                exchange=exchange, user=request.user, **form.service_values()
            )
            if "submit" in request.POST:
                action = (
                    "resubmit"
                    if exchange.state == ExchangeState.NEEDS_REVISION
                    else "submit"
                )
                services.exchange_transition(
                    exchange=exchange, action=action, actor=request.user
                )
        except services.ExchangeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request has been saved."))
            return redirect("exchange_detail", pk=exchange.pk)
    return render(
        request,
        "exchanges/request_form.html",
        {"form": form, "exchange": exchange},
    )


@login_required
def exchange_detail(request, pk: int):
    """The case page for the city (and a read-only view for invited peers)."""
    exchange = _exchange_for(request, pk)
    user = request.user
    is_requester = rules.is_requester(user, exchange)
    manages = rules.can_oversee_exchange(user, exchange)
    candidates = [
        c
        for c in exchange.candidates.all()
        if c.state in (CandidateState.INVITED, CandidateState.OPTED_IN)
    ]
    peers = [
        {
            "candidate": c,
            "profile": selectors.peer_profile(user, c, manages=manages),
        }
        for c in candidates
    ]
    is_peer = any(
        c.user_id == user.pk and c.state == CandidateState.OPTED_IN for c in candidates
    )
    actions = [
        t
        for t in rules.allowed_actions(user, exchange)
        if t.action in REQUESTER_ACTIONS
    ]
    context = {
        "exchange": exchange,
        "next_step": selectors.next_step(exchange),
        "is_requester": is_requester,
        "is_peer": is_peer,
        "peers": peers if (is_requester or manages or is_peer) else [],
        "actions": actions,
        "reason_form": ReasonForm(),
        "can_edit": is_requester and exchange.state in EDIT_STATES,
        "can_frame": (is_requester or manages) and exchange.state in FRAMING_STATES,
        "framing_form": FramingForm.for_exchange(exchange),
        "checkpoint_slots": selectors.checkpoint_slots(exchange),
        "can_record_checkpoint": (is_requester or manages)
        and exchange.state == ExchangeState.FOLLOW_UP,
        "checkpoint_form": CheckpointForm(),
        "can_give_feedback": (is_requester or is_peer)
        and exchange.state in FEEDBACK_STATES
        and not any(f.user_id == user.pk for f in exchange.feedback.all()),
        "feedback_form": FeedbackForm(),
        "log": [entry for entry in exchange.log.all() if entry.is_transition],
    }
    return render(request, "exchanges/exchange_detail.html", context)


def _back(exchange) -> HttpResponse:
    return redirect("exchange_detail", pk=exchange.pk)


@require_POST
@login_required
def exchange_action(request, pk: int, action: str):
    """Submit, resubmit or withdraw (the city's own steps)."""
    exchange = _exchange_for(request, pk)
    if action not in REQUESTER_ACTIONS:
        raise Http404
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reason is too long (at most 2,000 characters)."))
        return _back(exchange)
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
        messages.success(
            request,
            _("Done: %(action)s.") % {"action": TRANSITIONS[action].label},
        )
    return _back(exchange)


def _post_form(request, exchange, form, call, success: str) -> HttpResponse:
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(exchange)
    try:
        call(form)
    except services.ExchangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return _back(exchange)


@require_POST
@login_required
def exchange_frame(request, pk: int):
    exchange = _exchange_for(request, pk)
    return _post_form(
        request,
        exchange,
        FramingForm(request.POST),
        lambda form: services.exchange_frame(
            exchange=exchange, actor=request.user, **form.service_values()
        ),
        _("The framing has been saved."),
    )


@require_POST
@login_required
def exchange_checkpoint(request, pk: int):
    exchange = _exchange_for(request, pk)
    return _post_form(
        request,
        exchange,
        CheckpointForm(request.POST),
        lambda form: services.checkpoint_record(
            exchange=exchange, actor=request.user, **form.cleaned_data
        ),
        _("The checkpoint has been recorded."),
    )


@require_POST
@login_required
def exchange_feedback(request, pk: int):
    exchange = _exchange_for(request, pk)
    return _post_form(
        request,
        exchange,
        FeedbackForm(request.POST),
        lambda form: services.feedback_give(
            exchange=exchange, user=request.user, **form.cleaned_data
        ),
        _("Thank you for your feedback."),
    )


@login_required
def invitation(request, pk: int):
    """An invited peer reads the request and opts in or declines with a reason."""
    candidate = get_object_or_404(
        ExchangeCandidate.objects.select_related(
            "exchange__organisation", "exchange__cluster", "exchange__field_of_action"
        ),
        pk=pk,
        user=request.user,
    )
    form = InvitationAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_respond(
                candidate=candidate,
                user=request.user,
                opt_in=form.cleaned_data["answer"] == "opt_in",
                reason=form.cleaned_data["reason"],
            )
        except services.ExchangeError as error:
            form.add_error(None, str(error))
        else:
            if form.cleaned_data["answer"] == "opt_in":
                messages.success(request, _("Thank you: you take part as a peer."))
            else:
                messages.success(request, _("You have declined the invitation."))
            return redirect("exchange_invitation", pk=candidate.pk)
    return render(
        request,
        "exchanges/invitation.html",
        {"candidate": candidate, "exchange": candidate.exchange, "form": form},
    )


@login_required
def offers(request):
    """The practitioner's own offers to peers, and a form to publish one."""
    may_offer = community_permissions.is_verified_member_staff(request.user)
    form = OfferForm(request.POST or None)
    if request.method == "POST":
        if not may_offer:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.offer_publish(user=request.user, **form.cleaned_data)
            except services.ExchangeError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your offer is published."))
                return redirect("exchange_offers")
    return render(
        request,
        "exchanges/offers.html",
        {
            "form": form,
            "may_offer": may_offer,
            "offers": ExchangeOffer.objects.filter(user=request.user).select_related(
                "cluster", "field_of_action"
            ),
        },
    )


@require_POST
@login_required
def offer_end(request, pk: int):
    offer = get_object_or_404(ExchangeOffer, pk=pk, user=request.user)
    services.offer_end(offer=offer, user=request.user)
    messages.success(request, _("Your offer is withdrawn."))
    return redirect("exchange_offers")


@login_required
def open_requests(request):
    """Summaries of requests whose cities look for volunteers (members only)."""
    is_member = community_permissions.is_verified_member_staff(request.user)
    if not is_member:
        return render(
            request,
            "exchanges/not_allowed.html",
            {
                "message": _(
                    "Open requests are shown to verified staff of member cities."
                )
            },
            status=403,
        )
    exchanges = list(selectors.open_requests())
    mine = set(
        ExchangeCandidate.objects.filter(
            user=request.user, exchange__in=exchanges
        ).values_list("exchange_id", flat=True)
    )
    return render(
        request,
        "exchanges/open_requests.html",
        {"exchanges": exchanges, "mine": mine, "form": VolunteerForm()},
    )


@require_POST
@login_required
def volunteer(request, pk: int):
    exchange = get_object_or_404(PeerExchange, pk=pk, show_to_members=True)
    form = VolunteerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Your note is too long."))
    else:
        try:
            services.exchange_volunteer(
                exchange=exchange, user=request.user, note=form.cleaned_data["note"]
            )
        except services.ExchangeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Thank you: the case manager will get in touch.")
            )
    return redirect("exchange_open_requests")


def outcomes(request):
    """Public: what the programme's peer exchanges achieved."""
    return render(
        request, "exchanges/outcomes.html", {"outcomes": selectors.outcomes()}
    )
