"""Mails of peer exchanges: a case reaching a state is ``exchange_<state>``, the
other notices name what happened. They are about the case (``PeerExchange``);
what they say comes with the notice (``events.exchange_services._announce``). Templates:
``templates/exchanges/mail/exchange_<…>``.

Kept apart from the event mails so that it can move with the peer-exchange code.
"""

from django.utils.translation import gettext_lazy as _

from core.notices import MailKind, TemplateMail, register_mail_kinds


def _kind(name: str, label) -> MailKind:
    return MailKind(
        name=name, label=label, render=TemplateMail(f"exchanges/mail/{name}")
    )


KINDS = (
    _kind("exchange_submitted", _("Peer exchange: request submitted")),
    _kind("exchange_eligibility_review", _("Peer exchange: eligibility review")),
    _kind("exchange_needs_revision", _("Peer exchange: revision needed")),
    _kind("exchange_resubmitted", _("Peer exchange: request resubmitted")),
    _kind("exchange_not_eligible", _("Peer exchange: not eligible")),
    _kind("exchange_accepted", _("Peer exchange: request accepted")),
    _kind("exchange_framing", _("Peer exchange: framing")),
    _kind("exchange_matching", _("Peer exchange: matching peers")),
    _kind("exchange_peers_confirmed", _("Peer exchange: peers confirmed")),
    _kind("exchange_agreement", _("Peer exchange: agreement")),
    _kind("exchange_missions", _("Peer exchange: missions")),
    _kind("exchange_report", _("Peer exchange: report")),
    _kind("exchange_follow_up", _("Peer exchange: follow-up")),
    _kind("exchange_closed", _("Peer exchange: closed")),
    _kind("exchange_withdrawn", _("Peer exchange: request withdrawn")),
    _kind("exchange_cancelled", _("Peer exchange: cancelled")),
    _kind("exchange_invitation", _("Peer exchange: invitation to be a peer")),
    _kind("exchange_opted_in", _("Peer exchange: a peer opted in")),
    _kind("exchange_declined", _("Peer exchange: a peer declined")),
    _kind("exchange_volunteered", _("Peer exchange: a member volunteered")),
    _kind("exchange_mission_scheduled", _("Peer exchange: mission scheduled")),
    _kind("exchange_checkpoint", _("Peer exchange: follow-up checkpoint recorded")),
)


def register() -> None:
    """Called by ``ExchangesConfig.ready()``."""
    register_mail_kinds(*KINDS)
