"""A signed-in person's conversations: the list, one conversation with its reply
form, writing to someone, reporting a message, muting, leaving and blocking; and
the coordinators' page to suspend a person from messaging.

Every form works without JavaScript, keeps what was typed when it is refused and
shows why. Ids that are not the person's give 404, like ids that do not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from community.models import Organisation, User
from core.params import parse_int

from . import permissions, selectors, services
from .forms import ConversationStartForm, MessageForm, ReportForm, SuspendForm
from .models import Block, Message, MessagingSuspension

# Conversations on one page of the list.
PER_PAGE = 25


@login_required
def conversation_list(request):
    """The person's conversations, newest first, 25 to a page, with how many
    messages in each are unread (a fixed number of queries however many)."""
    page = Paginator(selectors.conversations_of(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [
        {
            "participant": participant,
            "conversation": participant.conversation,
            "others": [
                selectors.display_name(other.user)
                for other in selectors.others_of(participant)
            ],
        }
        for participant in page
    ]
    blocked = [
        {"user": block.blocked, "name": selectors.display_name(block.blocked)}
        for block in Block.objects.filter(blocker=request.user).select_related(
            "blocked"
        )
    ]
    return render(
        request,
        "conversations/conversation_list.html",
        {"rows": rows, "page_obj": page, "blocked": blocked},
    )


def _context_of(request) -> tuple[Page | None, Organisation | None]:
    """What the new conversation is about, from the query string or the form
    (forged or unknown ids: 404)."""
    page = organisation = None
    raw_page = request.POST.get("page") or request.GET.get("page")
    raw_organisation = request.POST.get("organisation") or request.GET.get(
        "organisation"
    )
    if raw_page:
        page_id = parse_int(raw_page, minimum=1)
        if page_id is None:
            raise Http404
        page = get_object_or_404(Page, pk=page_id, live=True)
    if raw_organisation:
        organisation_id = parse_int(raw_organisation, minimum=1)
        if organisation_id is None:
            raise Http404
        organisation = get_object_or_404(Organisation, pk=organisation_id)
    return page, organisation


@login_required
def conversation_start(request):
    """Write to a person: ``?to=<user id>``, optionally ``&page=<id>`` or
    ``&organisation=<id>`` for what it is about."""
    recipient_id = parse_int(request.GET.get("to"), minimum=1)
    if recipient_id is None:
        raise Http404
    recipient = get_object_or_404(User, pk=recipient_id)
    page, organisation = _context_of(request)
    gone = permissions.is_account_gone(recipient)
    # A plain member writing first to someone not open to everyone learns before
    # typing that a verified affiliation is needed (the service refuses anyway).
    needs_affiliation = not gone and not (
        recipient.pk == request.user.pk
        or permissions.is_open_to_everyone(recipient)
        or permissions.may_start_with_strangers(request.user)
        or permissions.have_talked(request.user, recipient)
    )
    if request.method == "POST" and not gone:
        form = ConversationStartForm(request.POST)
        if form.is_valid():
            try:
                conversation = services.conversation_start(
                    sender=request.user,
                    recipient=recipient,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    page=page,
                    organisation=organisation,
                )
            except services.ConversationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your message has been sent."))
                return redirect("conversation_detail", pk=conversation.pk)
    else:
        initial = {}
        if page is not None:
            initial["subject"] = page.title
        elif organisation is not None:
            initial["subject"] = organisation.localized_name
        form = ConversationStartForm(initial=initial)
    return render(
        request,
        "conversations/conversation_start.html",
        {
            "form": form,
            "recipient": recipient,
            "recipient_name": selectors.display_name(recipient),
            "gone": gone,
            # After a refused post the form shows the service's reason instead.
            "needs_affiliation": needs_affiliation and request.method != "POST",
            "about_page": page,
            "about_organisation": organisation,
        },
        status=410 if gone else 200,
    )


def _participant_or_404(request, pk: int):
    participant = selectors.conversation_for(request.user, pk)
    if participant is None:
        raise Http404
    return participant


@login_required
def conversation_detail(request, pk: int):
    """One conversation: its messages (those new since the last visit marked)
    and the reply form. Seeing it marks it read."""
    participant = _participant_or_404(request, pk)
    conversation = participant.conversation
    if request.method == "POST":
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                services.message_send(
                    conversation=conversation,
                    sender=request.user,
                    body=form.cleaned_data["body"],
                )
            except services.ConversationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your reply has been sent."))
                return redirect("conversation_detail", pk=conversation.pk)
    else:
        form = MessageForm()
    last_read = participant.last_read_at
    items = [
        {
            "message": message,
            "mine": message.sender_id == request.user.pk,
            "sender_name": selectors.display_name(message.sender),
            "new": message.sender_id != request.user.pk
            and (last_read is None or message.created_at > last_read),
        }
        for message in selectors.messages_of(conversation)
    ]
    others = selectors.others_of(participant)
    blocked_ids = set(
        Block.objects.filter(
            blocker=request.user, blocked__in=[o.user_id for o in others if o.user_id]
        ).values_list("blocked_id", flat=True)
    )
    services.conversation_mark_read(conversation=conversation, user=request.user)
    return render(
        request,
        "conversations/conversation_detail.html",
        {
            "participant": participant,
            "conversation": conversation,
            "items": items,
            "others": [
                {
                    "participant": other,
                    "name": selectors.display_name(other.user),
                    "present": other.is_present,
                    "blocked": other.user_id in blocked_ids,
                }
                for other in others
            ],
            "form": form,
        },
    )


@login_required
@require_POST
def conversation_mute(request, pk: int):
    participant = _participant_or_404(request, pk)
    muted = request.POST.get("muted") != "0"
    services.conversation_mute(
        conversation=participant.conversation, user=request.user, muted=muted
    )
    messages.success(
        request,
        _("You no longer get e-mails about this conversation.")
        if muted
        else _("You get e-mails about this conversation again."),
    )
    return redirect("conversation_detail", pk=pk)


@login_required
@require_POST
def conversation_leave(request, pk: int):
    participant = _participant_or_404(request, pk)
    services.conversation_leave(
        conversation=participant.conversation, user=request.user
    )
    messages.success(request, _("You have left the conversation."))
    return redirect("conversation_list")


def _back(request):
    """Back to the conversation the form was in, if it is the person's."""
    pk = parse_int(request.POST.get("conversation"), minimum=1)
    if pk is not None and selectors.conversation_for(request.user, pk):
        return redirect("conversation_detail", pk=pk)
    return redirect("conversation_list")


@login_required
@require_POST
def person_block(request, pk: int):
    person = get_object_or_404(User, pk=pk)
    try:
        services.person_block(blocker=request.user, blocked=person)
    except services.ConversationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You have blocked %(name)s. Neither of you can write to the other.")
            % {"name": selectors.display_name(person)},
        )
    return _back(request)


@login_required
@require_POST
def person_unblock(request, pk: int):
    person = get_object_or_404(User, pk=pk)
    services.person_unblock(blocker=request.user, blocked=person)
    messages.success(
        request,
        _("You have unblocked %(name)s.") % {"name": selectors.display_name(person)},
    )
    return _back(request)


@login_required
def message_report(request, pk: int):
    """Report a message of someone else in one of the person's conversations."""
    message = get_object_or_404(
        Message.objects.select_related("conversation", "sender"), pk=pk
    )
    if selectors.conversation_for(request.user, message.conversation_id) is None:
        raise Http404
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                services.message_report(
                    message=message,
                    reporter=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.ConversationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. The coordinators of your region have the "
                        "message and will look into it."
                    ),
                )
                return redirect("conversation_detail", pk=message.conversation_id)
    else:
        form = ReportForm()
    return render(
        request,
        "conversations/message_report.html",
        {
            "form": form,
            "message": message,
            "sender_name": selectors.display_name(message.sender),
        },
    )


@login_required
def messaging_suspend(request, pk: int):
    """Coordinators in scope of the person's organisations (and superusers)
    suspend a person from messaging, or lift the suspension, with a reason."""
    person = get_object_or_404(User, pk=pk)
    if not permissions.can_suspend(request.user, person):
        raise PermissionDenied
    suspension = MessagingSuspension.objects.filter(
        user=person, lifted_at__isnull=True
    ).first()
    if request.method == "POST":
        form = SuspendForm(request.POST)
        if form.is_valid():
            try:
                if suspension is None:
                    services.messaging_suspend(
                        user=person,
                        actor=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                    done = _("%(name)s can no longer write messages.")
                else:
                    services.messaging_suspension_lift(
                        user=person,
                        actor=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                    done = _("%(name)s can write messages again.")
            except services.ConversationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, done % {"name": selectors.display_name(person)}
                )
                return redirect("messaging_suspend", pk=person.pk)
    else:
        form = SuspendForm()
    return render(
        request,
        "conversations/messaging_suspend.html",
        {
            "form": form,
            "person": person,
            "person_name": selectors.display_name(person),
            "suspension": suspension,
        },
    )
