"""A new member's first steps after confirming their address: their city (an
affiliation claim), their themes and regions, their languages; then the dashboard.

Each step saves on its own and can be skipped; finishing or skipping them sets
``User.onboarded_at``, after which signing in leads to the dashboard. The steps live
here, above community, because the themes step also writes the weekly e-mail's
preferences.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community import services as community_services
from community.forms import AffiliationClaimForm, LanguagesForm

from .forms import OnboardingInterestsForm
from .preferences import notification_preferences_for, notification_preferences_update

STEPS = [
    ("onboarding_city", gettext_lazy("Your city")),
    ("onboarding_themes", gettext_lazy("Your themes")),
    ("onboarding_languages", gettext_lazy("Your languages")),
]


def _render(request, step: str, form, *, heading: str, intro: str):
    number = [name for name, _label in STEPS].index(step) + 1
    return render(
        request,
        "notifications/onboarding/step.html",
        {
            "form": form,
            "step": step,
            "number": number,
            "total": len(STEPS),
            "steps": [
                {"label": label, "current": name == step, "done": index < number}
                for index, (name, label) in enumerate(STEPS, start=1)
            ],
            "heading": heading,
            "intro": intro,
            "last": number == len(STEPS),
        },
    )


def _finish(request):
    community_services.user_finish_onboarding(user=request.user)
    return redirect("dashboard")


@login_required
def onboarding(request):
    return redirect("onboarding_city")


@login_required
def onboarding_city(request):
    """Step 1: say which city or organisation you work for (an affiliation claim)."""
    if request.method == "POST" and "skip" in request.POST:
        return redirect("onboarding_themes")
    form = AffiliationClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.submit(request):
        return redirect("onboarding_themes")
    return _render(
        request,
        "onboarding_city",
        form,
        heading=_("Which city do you work for?"),
        intro=_(
            "A coordinator confirms that you work there. Then you can take part in "
            "member events and peer exchanges."
        ),
    )


@login_required
def onboarding_themes(request):
    """Step 2: themes (the profile's expertise, for recommendations) and regions
    (with the themes, for the weekly e-mail)."""
    if request.method == "POST" and "skip" in request.POST:
        return redirect("onboarding_languages")
    current = notification_preferences_for(request.user)
    if request.method == "POST":
        form = OnboardingInterestsForm(request.POST)
        if form.is_valid():
            clusters = form.cleaned_data["clusters"]
            community_services.user_update_profile(
                user=request.user, values={}, expertise_clusters=clusters
            )
            notification_preferences_update(
                user=request.user,
                weekly_digest=form.cleaned_data["weekly_digest"],
                event_reminders=current.event_reminders,
                clusters=clusters,
                regions=form.cleaned_data["regions"],
            )
            messages.success(request, _("Your themes and regions have been saved."))
            return redirect("onboarding_languages")
    else:
        form = OnboardingInterestsForm(
            initial={
                "clusters": list(request.user.expertise_clusters.all()),
                "regions": list(current.regions.all()) if current.pk else [],
                "weekly_digest": current.weekly_digest,
            }
        )
    return _render(
        request,
        "onboarding_themes",
        form,
        heading=_("What do you work on?"),
        intro=_(
            "Your themes decide what we recommend on your dashboard and, with your "
            "regions, what the weekly e-mail lists."
        ),
    )


@login_required
def onboarding_languages(request):
    """Step 3: the languages you work in; then the dashboard."""
    if request.method == "POST" and "skip" in request.POST:
        return _finish(request)
    if request.method == "POST":
        form = LanguagesForm(request.POST)
        if form.is_valid():
            community_services.user_update_profile(
                user=request.user, values=form.cleaned_data
            )
            messages.success(request, _("Welcome to Connective Cities!"))
            return _finish(request)
    else:
        form = LanguagesForm(initial={"languages": request.user.languages})
    return _render(
        request,
        "onboarding_languages",
        form,
        heading=_("Which languages do you work in?"),
        intro=_("Peers and coordinators see them on your profile."),
    )


@require_POST
@login_required
def onboarding_skip(request):
    """Skip the remaining steps and go to the dashboard."""
    return _finish(request)
