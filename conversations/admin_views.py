"""The coordinators' queue of reported messages in the Wagtail admin: the
reports in their scope (``permissions.reports_visible_to``) that nobody has
handled yet, each with the message, who wrote and who reported it, a "mark
handled" form (with a note, logged) and the way to suspend the sender (with a
reason, logged: ``views.messaging_suspend``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import permissions as community_permissions

from . import permissions, selectors, services


def may_see_reports(user) -> bool:
    return user.is_superuser or community_permissions.is_coordinator(user)


def open_reports(user):
    return (
        permissions.reports_visible_to(user)
        .filter(handled=False)
        .select_related("message__sender", "message__conversation", "reporter")
        .order_by("created_at", "pk")
    )


def report_queue(request):
    if not may_see_reports(request.user):
        raise PermissionDenied
    rows = [
        {
            "report": report,
            "sender_name": selectors.display_name(report.message.sender),
            "reporter_name": selectors.display_name(report.reporter),
            "may_suspend": report.message.sender is not None
            and permissions.can_suspend(request.user, report.message.sender),
        }
        for report in open_reports(request.user)
    ]
    return TemplateResponse(
        request,
        "conversations/admin/report_queue.html",
        {"rows": rows, "header_title": _("Reported messages")},
    )


@require_POST
def report_handle(request, pk: int):
    # A report out of the person's scope does not exist for them.
    report = get_object_or_404(
        permissions.reports_visible_to(request.user).select_related("message"),
        pk=pk,
    )
    try:
        services.report_mark_handled(
            report=report, actor=request.user, note=request.POST.get("note", "")
        )
    except services.ConversationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The report is marked handled."))
    return redirect(reverse("conversations_reports"))
