"""Views of the people taking part: apply for an event, confirm or withdraw, their
events, and calendar files.

URLs take the id of an event page in any language; the registration always belongs
to the default-language page (``EventPage.canonical``). Every write goes through one
``events.services`` function; its ``EventError`` message is shown on the form and
nothing changes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core.ical import ics_response
from core.links import page_public_url
from core.models import Cluster, active_locale, live_translation
from core.params import safe_next
from core.throttle import rate_exceeded

from . import ical
from .event_page import ONLINE_LINK_STATES
from .forms import ApplicationForm, ConfirmForm, WithdrawForm
from .models import EventPage, Registration, RegistrationState
from .models.registrations import ACTIVE_STATES
from .my_events import my_registrations
from .permissions import application_barrier
from .selectors import registration_for, waitlist_position
from .services import (
    EventError,
    registration_apply,
    registration_confirm,
    registration_withdraw,
)

# Applications per person and hour: far above what anyone needs (an event takes one
# application per person), low enough to stop a script filling the organisers' queue.
APPLY_RATE = 20
APPLY_WINDOW = 60 * 60


def _event(event_id: int) -> EventPage:
    """A live, public event page by id (any language), or 404."""
    return get_object_or_404(
        EventPage.objects.live().public().select_related("locale"), pk=event_id
    )


def _in_active_language(event: EventPage) -> EventPage:
    """The event's page in the reader's language, or the one given."""
    locale = active_locale()
    if locale is None:
        return event
    return live_translation(event, locale.language_code, public=True)


@login_required
def event_apply(request, event_id: int):
    """The application form (GET) and sending it (POST)."""
    event = _event(event_id)
    canonical = event.canonical
    page = _in_active_language(event)
    if registration_for(request.user, canonical) is not None:
        messages.info(request, _("You have already applied for this event."))
        return redirect(page.url)
    barrier = application_barrier(request.user, canonical)
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST, user=request.user)
        if rate_exceeded(
            f"events:apply:{request.user.pk}", limit=APPLY_RATE, window=APPLY_WINDOW
        ):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have sent many applications in the last hour. Please try "
                    "again later."
                ),
            )
            status = 429
        elif form.is_valid():
            arguments = form.service_arguments()
            try:
                registration = registration_apply(
                    event=canonical, user=request.user, **arguments
                )
            except EventError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _applied_message(registration))
                return redirect(page.url)
    else:
        form = ApplicationForm(user=request.user)
    return render(
        request,
        "events/apply.html",
        {"event": page, "form": form, "barrier": barrier},
        status=status,
    )


def _applied_message(registration: Registration) -> str:
    if registration.state == RegistrationState.ACCEPTED:
        return _(
            "Your application was accepted. Please confirm your place on this page."
        )
    if registration.state == RegistrationState.WAITLISTED:
        return _(
            "The event is full; you are on the waitlist at position %(position)s."
        ) % {"position": waitlist_position(registration) or "?"}
    return _(
        "Thank you, your application was received. The organisers will let you know."
    )


@login_required
def event_confirm(request, event_id: int):
    """Confirm an accepted or offered place (POST from the event page or the
    dashboard, which sends ``next`` to come back to)."""
    event = _event(event_id)
    page = _in_active_language(event)
    if request.method != "POST":
        return redirect(page.url)
    # A form posted from elsewhere (the dashboard) returns to its ``next``.
    back = safe_next(request, page.url)
    registration = registration_for(request.user, event.canonical)
    if registration is None:
        messages.error(request, _("You have not applied for this event."))
        return redirect(back)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Please shorten your needs: %(errors)s")
            % {"errors": " ".join(str(e) for e in form.errors.values())},
        )
        return redirect(back)
    try:
        registration_confirm(
            registration=registration, user=request.user, **form.cleaned_data
        )
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your place is confirmed. See you there!"))
    return redirect(back)


@login_required
def event_withdraw(request, event_id: int):
    """Ask (GET) and withdraw (POST) an application or a place."""
    event = _event(event_id)
    page = _in_active_language(event)
    registration = registration_for(request.user, event.canonical)
    # Everyone still taking part may withdraw (until the event starts).
    if registration is None or registration.state not in ACTIVE_STATES:
        messages.error(request, _("There is no application of yours to withdraw."))
        return redirect(page.url)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration_withdraw(
                registration=registration,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("You have withdrawn from this event."))
            return redirect(page.url)
    return render(
        request,
        "events/withdraw.html",
        {"event": page, "form": form, "registration": registration},
    )


@login_required
def my_events(request):
    """The signed-in person's applications: upcoming and past, with what is next."""
    return render(
        request, "events/my_events.html", my_registrations(request, request.user)
    )


# --- Calendar files -------------------------------------------------------------------


def event_calendar(request, event_id: int):
    """One event's .ics; with the online link for a confirmed participant only."""
    event = _in_active_language(_event(event_id))
    if event.starts_at is None or event.month_only:
        raise Http404(_("This event has no date yet."))
    online_link = ""
    if event.online_link and request.user.is_authenticated:
        registration = registration_for(request.user, event.canonical)
        if registration is not None and registration.state in ONLINE_LINK_STATES:
            online_link = event.online_link
    lines = ical.calendar_lines(
        event, url=page_public_url(event, request), online_link=online_link
    )
    return ics_response(
        ical.calendar([lines], name=event.title), f"{event.slug[:60]}.ics"
    )


# A feed lists events from a year back onwards; older ones do not change any more.
FEED_PAST_DAYS = 365


def events_calendar(request, cluster: str = ""):
    """A calendar feed of the events in the reader's language, of every event or
    of one thematic cluster's: a year back and everything ahead."""
    name = _("Connective Cities events")
    filename = "events.ics"
    locale = active_locale(Locale.get_default())
    since = timezone.now() - timezone.timedelta(days=FEED_PAST_DAYS)
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, starts_at__isnull=False, month_only=False)
        .filter(starts_at__gte=since)
        .defer_streamfields()
        .order_by("starts_at", "pk")
    )
    if cluster:
        row = Cluster.objects.filter(
            slug=cluster, locale__language_code=Locale.get_default().language_code
        ).first()
        if row is None:
            raise Http404(_("There is no such cluster."))
        events = events.filter(cluster__translation_key=row.translation_key)
        name = _("Connective Cities events: %(cluster)s") % {
            "cluster": row.localized.name
        }
        filename = f"events-{row.slug}.ics"
    entries = [
        ical.calendar_lines(event, url=page_public_url(event, request))
        for event in events
    ]
    return ics_response(ical.calendar(entries, name=name), filename)
