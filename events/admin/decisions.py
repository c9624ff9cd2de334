"""Organisers' decisions on applications: several at once from the applicant list,
or one on its own page with the application and its state log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from wagtail.admin import messages

from core.bidi import isolate
from core.params import safe_next

from .. import selectors, services
from ..models import Registration, RegistrationState
from .base import ConfirmMailMixin, EventAdminMixin
from .forms import BulkTransitionForm, TransitionForm


def _person(registration: Registration) -> str:
    return str(registration.user.get_full_name() or registration.user)


class BulkTransitionView(ConfirmMailMixin, EventAdminMixin, View):
    """POST only: several applications to one state through
    ``services.registrations_bulk_transition``, once the organiser has confirmed
    how many people the decision e-mails; says who was refused and why."""

    http_method_names = ["post"]
    page_title = _("Confirm the decision")

    def confirmation(self, form) -> dict:
        selected = form.cleaned_data["registration"]
        to_state = RegistrationState(form.cleaned_data["to_state"])
        decidable = services.registrations_decidable(
            registrations=selected, to_state=to_state
        )
        unchanged = [r for r in selected if r not in decidable]
        notes = []
        if unchanged:
            notes.append(
                gettext(
                    "Not changed and not e-mailed, as their state does not allow "
                    "it: %(people)s"
                )
                % {"people": ", ".join(_person(r) for r in unchanged)}
            )
        if to_state == RegistrationState.ACCEPTED:
            notes.append(
                gettext(
                    "If the places run out, the others stay as they are and get "
                    "no e-mail."
                )
            )
        return {
            "recipients": len(decidable),
            "facts": [
                (_("Decision"), to_state.label),
                (_("Applicants"), ", ".join(_person(r) for r in decidable) or "–"),
                (_("Message to the applicants"), form.cleaned_data["reason"] or "–"),
            ],
            "notes": notes,
            "hidden": [("next", self.back)],
            "back_url": self.back,
            "confirm_label": ngettext(
                "Decide and e-mail %(count)s applicant",
                "Decide and e-mail %(count)s applicants",
                len(decidable),
            )
            % {"count": len(decidable)},
        }

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.back = back = safe_next(
            request, reverse("events_applicants", args=(self.event.pk,))
        )
        form = BulkTransitionForm(request.POST, event=self.event)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(back)
        if not self.is_confirmed():
            return self.ask_to_confirm(form)
        to_state = form.cleaned_data["to_state"]
        try:
            result = services.registrations_bulk_transition(
                registrations=form.cleaned_data["registration"],
                to_state=to_state,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.EventError as exc:
            messages.error(request, str(exc))
            return redirect(back)
        if changed := len(result.changed):
            messages.success(
                request,
                ngettext(
                    "%(count)s applicant is now: %(state)s.",
                    "%(count)s applicants are now: %(state)s.",
                    changed,
                )
                % {"count": changed, "state": RegistrationState(to_state).label},
            )
        if result.refused:
            refusals = "; ".join(
                f"{_person(registration)}: {reason}"
                for registration, reason in result.refused
            )
            messages.warning(
                request, _("Not changed: %(refusals)s") % {"refusals": refusals}
            )
        return redirect(back)


class ApplicantDetailView(EventAdminMixin, FormView):
    """One application: what they sent, their state log, and a decision form."""

    template_name = "events/admin/applicant.html"
    page_title = _("Application")
    form_class = TransitionForm

    @cached_property
    def registration(self) -> Registration:
        return get_object_or_404(
            self.event.registrations.select_related("user", "organisation"),
            pk=self.kwargs["pk"],
        )

    def get_page_subtitle(self):
        return _person(self.registration)

    def form_valid(self, form):
        to_state = RegistrationState(form.cleaned_data["to_state"])
        try:
            services.DECISIONS[to_state](
                registration=self.registration,
                actor=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.EventError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(person)s is now: %(state)s.")
            % {"person": isolate(self.get_page_subtitle()), "state": to_state.label},
        )
        return redirect(self.request.path)

    def form_invalid(self, form):
        messages.error(self.request, _("The application was not changed."))
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["log"] = self.registration.log.select_related("actor")
        context["waitlist_position"] = selectors.waitlist_position(self.registration)
        return context
