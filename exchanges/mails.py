"""Mails of peer exchanges: a case reaching a state is ``exchange_<state>``, the
other notices name what happened. They are about the case (``PeerExchange``);
what they say comes with the notice (``events.exchange_services._announce``). Templates:
``templates/exchanges/mail/exchange_<…>``.

Kept apart from the event mails so that it can move with the peer-exchange code.
"""

from django.utils.translation import gettext_lazy as _

from core.notices import register_mail_kinds, template_kinds

KINDS = template_kinds(
    "exchanges/mail",
    (
        ("exchange_submitted", _("Peer exchange: request submitted")),
        ("exchange_eligibility_review", _("Peer exchange: eligibility review")),
        ("exchange_needs_revision", _("Peer exchange: revision needed")),
        ("exchange_resubmitted", _("Peer exchange: request resubmitted")),
        ("exchange_not_eligible", _("Peer exchange: not eligible")),
        ("exchange_accepted", _("Peer exchange: request accepted")),
        ("exchange_framing", _("Peer exchange: framing")),
        ("exchange_matching", _("Peer exchange: matching peers")),
        ("exchange_peers_confirmed", _("Peer exchange: peers confirmed")),
        ("exchange_agreement", _("Peer exchange: agreement")),
        ("exchange_missions", _("Peer exchange: missions")),
        ("exchange_report", _("Peer exchange: report")),
        ("exchange_follow_up", _("Peer exchange: follow-up")),
        ("exchange_closed", _("Peer exchange: closed")),
        ("exchange_withdrawn", _("Peer exchange: request withdrawn")),
        ("exchange_cancelled", _("Peer exchange: cancelled")),
        ("exchange_invitation", _("Peer exchange: invitation to be a peer")),
        ("exchange_opted_in", _("Peer exchange: a peer opted in")),
        ("exchange_declined", _("Peer exchange: a peer declined")),
        ("exchange_volunteered", _("Peer exchange: a member volunteered")),
        ("exchange_mission_scheduled", _("Peer exchange: mission scheduled")),
        ("exchange_checkpoint", _("Peer exchange: follow-up checkpoint recorded")),
    ),
)


def register() -> None:
    """Called by ``ExchangesConfig.ready()``."""
    register_mail_kinds(*KINDS)
