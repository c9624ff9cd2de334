"""The "My events" page: a person's applications, upcoming, without a date yet and
past, each with its state, waitlist position and the next step. A fixed number of
queries however many events the person applied for."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import active_locale

from .event_page import event_moment, event_short_date
from .models import EventPage, Registration, RegistrationState
from .models.registrations import ACTIVE_STATES, CONFIRMABLE_STATES
from .selectors import waitlisted_ahead


@dataclass
class MyEvent:
    registration: Registration
    page: EventPage
    date: str
    next_step: str
    waitlist_position: int | None = None
    can_withdraw: bool = False
    can_confirm: bool = False


NEXT_STEPS = {
    RegistrationState.APPLIED: gettext_lazy(
        "The organisers are reviewing your application."
    ),
    RegistrationState.ACCEPTED: gettext_lazy(
        "You are accepted: please confirm your place."
    ),
    RegistrationState.OFFERED: gettext_lazy(
        "A place is offered to you: please confirm it."
    ),
    RegistrationState.WAITLISTED: gettext_lazy(
        "You will hear from us when a place frees up."
    ),
    RegistrationState.CONFIRMED: gettext_lazy("Your place is confirmed."),
    RegistrationState.DECLINED: gettext_lazy(
        "Your application was not successful this time."
    ),
    RegistrationState.WITHDRAWN: gettext_lazy("You withdrew."),
    RegistrationState.ATTENDED: gettext_lazy("You took part."),
    RegistrationState.NO_SHOW: gettext_lazy("You were registered but did not come."),
}


def _next_step(registration: Registration) -> str:
    text = NEXT_STEPS.get(registration.state, "")
    if (
        registration.state == RegistrationState.OFFERED
        and registration.offer_expires_at
    ):
        return _("A place is offered to you until %(expires)s: please confirm it.") % {
            "expires": event_moment(registration.event, registration.offer_expires_at)
        }
    return str(text)


def my_registrations(request, user) -> dict:
    """``upcoming``, ``unscheduled`` (no date yet) and ``past`` lists of
    ``MyEvent`` for the template."""
    ahead = (
        waitlisted_ahead(
            event_id=OuterRef("event_id"),
            waitlisted_at=OuterRef("waitlisted_at"),
            pk=OuterRef("pk"),
        )
        .order_by()
        .values("event_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    registrations = list(
        Registration.objects.filter(user_id=user.pk)
        .select_related("event", "event__locale")
        .annotate(cc_ahead=Coalesce(Subquery(ahead), 0))
        .order_by("event__starts_at", "pk")
    )
    locale = active_locale()
    translated = {}
    if locale is not None:
        translated = {
            page.translation_key: page
            for page in EventPage.objects.live()
            .filter(
                locale=locale,
                translation_key__in=[r.event.translation_key for r in registrations],
            )
            .defer_streamfields()
        }
    upcoming, unscheduled, past = [], [], []
    for registration in registrations:
        event = registration.event
        page = translated.get(event.translation_key, event)
        item = MyEvent(
            registration=registration,
            page=page,
            date=event_short_date(event),
            next_step=_next_step(registration),
            can_withdraw=registration.state in ACTIVE_STATES and not event.has_started,
            can_confirm=(
                registration.state in CONFIRMABLE_STATES and not event.has_started
            ),
        )
        if registration.state == RegistrationState.WAITLISTED:
            item.waitlist_position = registration.cc_ahead + 1
        if event.is_past:
            past.append(item)
        elif event.starts_at is None:
            unscheduled.append(item)
        else:
            upcoming.append(item)
    past.reverse()
    return {
        "upcoming": upcoming,
        "unscheduled": unscheduled,
        "past": past,
    }
