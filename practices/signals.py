"""Wagtail's workflow and publishing signals, passed on to the proposal service.
(Which changes start a new content version of the knowledge-base listings is
decided in ``core.knowledge.signals``.)

The receivers only translate a signal into ``proposal_notify_outcome``; deciding
whether the proposer hears about it is the service's job.
"""

from django.dispatch import receiver

from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from core.shared_facts import facts_published

from . import services
from .models import GoodPracticePage


@receiver(workflow_approved)
def _proposal_approved(sender, instance, user=None, **kwargs):
    services.proposal_notify_outcome(
        page=instance.content_object,
        outcome=services.Outcome.APPROVED,
        decision_id=instance.pk,
    )


@receiver(workflow_rejected)
def _proposal_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    services.proposal_notify_outcome(
        page=instance.content_object,
        outcome=services.Outcome.REJECTED,
        comment=(task_state.comment if task_state else "") or "",
        # A workflow asked for changes, then resubmitted, may ask again.
        decision_id=task_state.pk if task_state else None,
    )


@receiver(page_published, sender=GoodPracticePage)
def _proposal_published(sender, instance, **kwargs):
    services.proposal_notify_outcome(page=instance, outcome=services.Outcome.PUBLISHED)


@receiver(page_published, sender=GoodPracticePage)
def _facts_published(sender, instance, **kwargs):
    """The original's facts reach its translations (``core.shared_facts``)."""
    facts_published(page=instance)


class AdminUsersOnly:
    """Wagtail mails whoever submitted a page when its workflow is approved or
    rejected, with links into the admin. Proposers are practitioners who cannot open
    the admin; they get the proposal mail in their language instead."""

    def get_valid_recipients(self, instance, **kwargs):
        return {
            user
            for user in super().get_valid_recipients(instance, **kwargs)
            if user.has_perm("wagtailadmin.access_admin")
        }


class ApprovalNotifier(AdminUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(AdminUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


approval_notifier = ApprovalNotifier()
rejection_notifier = RejectionNotifier()
# Connected under Wagtail's own dispatch_uid before wagtail.admin connects its
# notifiers (project apps come first in INSTALLED_APPS), so Django keeps these and
# ignores Wagtail's. tests/practices/test_proposals.py checks the proposer gets
# exactly one mail.
workflow_approved.connect(
    approval_notifier,
    sender=WorkflowState,
    dispatch_uid="workflow_state_approved_email_notification",
)
workflow_rejected.connect(
    rejection_notifier,
    sender=WorkflowState,
    dispatch_uid="workflow_state_rejected_email_notification",
)
