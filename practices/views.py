"""Views for practitioners: propose a good practice and follow its review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community.services import CommunityError
from core.bidi import isolate

from . import services
from .proposal_forms import ProposalForm
from .proposals import proposals_of


@login_required
def practice_propose(request):
    """The proposal form (GET) and its submission (POST): a draft in moderation."""
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                page = services.practice_propose(
                    user=request.user,
                    data=form.proposal_data(),
                    image=form.cleaned_data.get("image"),
                    language=get_language(),
                )
            except CommunityError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. “%(title)s” is with our editors now; we will "
                        "write to you when they have decided."
                    )
                    % {"title": isolate(page.title)},
                )
                return redirect("practice_proposals")
    else:
        form = ProposalForm(user=request.user)
    return render(request, "practices/proposal_form.html", {"form": form})


@login_required
def proposal_list(request):
    """The signed-in person's proposals and where each stands."""
    return render(
        request,
        "practices/proposal_list.html",
        {"proposals": proposals_of(request.user)},
    )
