"""Views for a person's own account: their dashboard, profile, affiliation claims,
their data."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.bidi import isolate

from . import selectors, services
from .dashboard import dashboard_context
from .forms import AffiliationClaimForm, DeleteAccountForm, ProfileForm
from .models import Affiliation
from .people import people_directory


@login_required
def dashboard(request):
    """ "My Connective Cities": what needs doing now, the person's events, peer
    exchanges, affiliations and notices, and recommendations (``dashboard``)."""
    return render(request, "community/dashboard.html", dashboard_context(request))


@login_required
def people(request):
    """Find a peer: members by expertise, place, language and offer, each with
    why they matched (``community.people``)."""
    return render(request, "community/people.html", people_directory(request))


@login_required
def profile(request):
    """Show and edit the signed-in person's profile and list their affiliations."""
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            try:
                services.user_update_profile(
                    user=request.user, **form.profile_changes()
                )
            except services.CommunityError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your profile has been saved."))
                return redirect("profile")
    else:
        form = ProfileForm(instance=request.user)
    return render(
        request,
        "community/profile.html",
        {
            "form": form,
            "affiliations": selectors.affiliations_of(request.user),
        },
    )


@login_required
def affiliation_claim(request):
    """Claim to work for an organisation; a coordinator or focal point decides."""
    form = AffiliationClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and form.submit(request):
        return redirect("profile")
    return render(request, "community/affiliation_claim.html", {"form": form})


@require_POST
@login_required
def affiliation_withdraw(request, pk: int):
    """End one of the person's own claims or affiliations (POST from the profile)."""
    affiliation = get_object_or_404(
        Affiliation.objects.select_related("organisation"), pk=pk, user=request.user
    )
    try:
        services.affiliation_withdraw(affiliation=affiliation, user=request.user)
    except services.CommunityError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Your affiliation with %(name)s has been withdrawn.")
            % {"name": isolate(affiliation.organisation.localized_name)},
        )
    return redirect("profile")


@login_required
def data_export(request):
    """Download everything the platform stores about the person as JSON."""
    data = services.user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"connective-cities-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_delete(request):
    """Confirm with the e-mail address, then delete the account and sign out."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_delete(user=request.user)
        except services.CommunityError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            messages.success(
                request,
                _("Your account has been deleted."),
            )
            return redirect(f"/{get_language()}/")
    return render(request, "community/account_delete.html", {"form": form})
