"""Forms of conversations. They check lengths (so a long text comes back with a
clear error and the text kept) and leave the rules to ``services``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH, SUBJECT_MAX_LENGTH


def _message_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        # Interpolated when shown, in the page's language (lazy plural).
        help_text=ngettext_lazy(
            "Plain text, at most %(limit)d character. Web addresses are shown as "
            "links. Your e-mail address is not shown to the recipient.",
            "Plain text, at most %(limit)d characters. Web addresses are shown as "
            "links. Your e-mail address is not shown to the recipient.",
            "limit",
        )
        % {"limit": MESSAGE_MAX_LENGTH},
    )


class ConversationStartForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX_LENGTH)
    body = _message_field(_("Your message"))


class MessageForm(forms.Form):
    body = _message_field(_("Your reply"))


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The coordinators of your region read the message and your reason."
        ),
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept in the log; write what happened and why you suspend."),
    )
