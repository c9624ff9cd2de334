"""Peer exchanges: a city's request for know-how, and what came of it.

A ``PeerExchange`` is one case: a member city asks for help with a challenge, a
coordinator checks that it is eligible and manages it, peers (people) are matched
and opt in, missions take place, a report with action items is filed and follow-up
checkpoints at 3, 6 and 12 months record what changed. Only
``exchanges.services`` changes a case, and every change leaves an
``ExchangeLog`` row (who, when, from what to what, why).

The tables began in the ``events`` app; their unique constraints keep the names
they had there (``events_one_…``), so that the move changed no database object
but the table names.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.logs import TransitionLog, state_fields
from core.models import ThemeFields
from projects.models import Stage

# Limits of the free texts; services check them too, so nothing is half-saved.
TITLE_MAX = 200
SHORT_TEXT_MAX = 600
TEXT_MAX = 4000
REASON_MAX = 2000
MAX_GUIDING_QUESTIONS = 3


class ExchangeState(models.TextChoices):
    """Where a case stands. See ``exchanges.transitions.TRANSITIONS``."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBILITY_REVIEW = "eligibility_review", _("Eligibility review")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    ACCEPTED = "accepted", _("Accepted")
    FRAMING = "framing", _("Framing")
    MATCHING = "matching", _("Matching peers")
    PEERS_CONFIRMED = "peers_confirmed", _("Peers confirmed")
    AGREEMENT = "agreement", _("Agreement")
    MISSIONS = "missions", _("Missions")
    REPORT = "report", _("Report")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")


# A case in one of these states is over; nothing changes it any more.
FINAL_STATES = (
    ExchangeState.NOT_ELIGIBLE,
    ExchangeState.CLOSED,
    ExchangeState.WITHDRAWN,
    ExchangeState.CANCELLED,
)
OPEN_STATES = tuple(state for state in ExchangeState if state not in FINAL_STATES)


class MissionKind(models.TextChoices):
    """The formats a peer exchange can take."""

    EXPERT_MISSION = "expert_mission", _("Expert mission")
    STUDY_VISIT = "study_visit", _("Study visit")
    ONLINE_CONSULTATION = "online_consultation", _("Online consultation")
    LOCAL_PROJECT_WORKSHOP = "local_project_workshop", _("Local project workshop")


class AdoptionLevel(models.TextChoices):
    """How far the city has taken up what it learnt."""

    AWARE = "aware", _("Aware")
    ADAPTING = "adapting", _("Adapting")
    IMPLEMENTED = "implemented", _("Implemented")


class CheckpointMonth(models.IntegerChoices):
    THREE = 3, _("3 months")
    SIX = 6, _("6 months")
    TWELVE = 12, _("12 months")


class CandidateState(models.TextChoices):
    """A peer's way from suggestion to taking part."""

    SHORTLISTED = "shortlisted", _("Shortlisted")
    VOLUNTEERED = "volunteered", _("Volunteered")
    INVITED = "invited", _("Invited")
    OPTED_IN = "opted_in", _("Opted in")
    DECLINED = "declined", _("Declined")


class PeerExchangeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def for_listing(self):
        """Everything the queue and "my requests" show, in a fixed number of
        queries."""
        return self.select_related(
            "organisation__region", "cluster", "field_of_action", "case_manager"
        ).prefetch_related("organisation__names")


class PeerExchange(ThemeFields, models.Model):
    """A member city's request for a peer exchange, and the case it becomes."""

    title = models.CharField(
        _("title"),
        max_length=TITLE_MAX,
        help_text=_("The challenge in a few words, e.g. “Land-use plan for Tareq”."),
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        verbose_name=_("requesting city"),
        on_delete=models.PROTECT,
        related_name="peer_exchanges",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="filed_exchanges",
    )
    challenge = models.TextField(
        _("challenge"),
        max_length=TEXT_MAX,
        help_text=_("What the city wants to solve, and what it has tried so far."),
    )
    formats = models.JSONField(
        _("formats wished for"),
        default=list,
        blank=True,
        help_text=_("Codes from MissionKind."),
    )
    languages = models.JSONField(
        _("working languages"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. ['ar', 'en']."),
    )
    timeframe = models.CharField(
        _("timeframe"),
        max_length=TITLE_MAX,
        blank=True,
        help_text=_("When the exchange should happen, e.g. “spring 2027”."),
    )
    show_to_members = models.BooleanField(
        _("show a summary to members"),
        default=False,
        help_text=_(
            "Verified members may see the title and summary and volunteer as peers."
        ),
    )
    summary = models.TextField(
        _("summary for members"),
        max_length=SHORT_TEXT_MAX,
        blank=True,
        help_text=_("What other members see when the city agrees to show it."),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=ExchangeState.choices,
        default=ExchangeState.DRAFT,
        db_index=True,
    )
    state_changed_at = models.DateTimeField(
        _("in this state since"), default=timezone.now
    )
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("case manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_exchanges",
    )
    # Framing
    guiding_questions = models.JSONField(
        _("guiding questions"),
        default=list,
        blank=True,
        help_text=_("Up to three questions the exchange should answer."),
    )
    desired_change = models.TextField(
        _("the change the city wants"), max_length=TEXT_MAX, blank=True
    )
    # Agreement
    objectives = models.TextField(_("objectives"), max_length=TEXT_MAX, blank=True)
    agenda = models.TextField(_("agenda"), max_length=TEXT_MAX, blank=True)
    roles = models.TextField(_("roles"), max_length=TEXT_MAX, blank=True)
    costs = models.TextField(_("who pays what"), max_length=TEXT_MAX, blank=True)
    # Report
    findings = models.TextField(_("findings"), max_length=TEXT_MAX, blank=True)
    recommendations = models.TextField(
        _("recommendations"), max_length=TEXT_MAX, blank=True
    )
    report_filed_at = models.DateTimeField(_("report filed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    objects = PeerExchangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("peer exchange")
        verbose_name_plural = _("peer exchanges")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "state_changed_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def days_in_state(self) -> int:
        return (timezone.now() - self.state_changed_at).days

    @property
    def format_labels(self) -> list[str]:
        labels = dict(MissionKind.choices)
        return [str(labels.get(code, code)) for code in self.formats]


class ExchangeLog(TransitionLog):
    """One thing that happened to a case: a state change, an invitation, an answer.

    State changes have different ``from_state`` and ``to_state``; other actions
    (``invite``, ``opt_in``, ``mission``...) keep the state and name the action.
    """

    exchange = models.ForeignKey(
        PeerExchange,
        on_delete=models.CASCADE,
        related_name="log",
        verbose_name=_("peer exchange"),
    )
    action = models.CharField(_("action"), max_length=30)
    from_state, to_state = state_fields(ExchangeState.choices)

    class Meta(TransitionLog.Meta):
        verbose_name = _("peer exchange change")
        verbose_name_plural = _("peer exchange changes")

    def __str__(self) -> str:
        return f"{self.exchange_id}: {self.action} {self.from_state} → {self.to_state}"

    @property
    def is_transition(self) -> bool:
        return self.from_state != self.to_state


class ExchangeCandidate(models.Model):
    """A person considered as a peer for a case: shortlisted by the case manager
    (or volunteering), invited, and opting in or declining with a reason."""

    exchange = models.ForeignKey(
        PeerExchange,
        on_delete=models.CASCADE,
        related_name="candidates",
        verbose_name=_("peer exchange"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="exchange_candidacies",
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=CandidateState.choices,
        default=CandidateState.SHORTLISTED,
    )
    score = models.IntegerField(_("matching score"), null=True, blank=True)
    note = models.TextField(
        _("note"),
        max_length=REASON_MAX,
        blank=True,
        help_text=_("Why they were asked, or what a volunteer offers."),
    )
    reason = models.TextField(
        _("reason for declining"), max_length=REASON_MAX, blank=True
    )
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("candidate peer")
        verbose_name_plural = _("candidate peers")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "user"], name="events_one_candidacy_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.exchange}"


class ExchangeMission(models.Model):
    """One mission of a case: an expert mission, study visit, online consultation or
    local project workshop. Its participants register through the linked
    invite-only event page, so they get the same notices as for any event."""

    exchange = models.ForeignKey(
        PeerExchange,
        on_delete=models.CASCADE,
        related_name="missions",
        verbose_name=_("peer exchange"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=MissionKind.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    place = models.CharField(
        _("place"), max_length=TITLE_MAX, blank=True, help_text=_("Or “online”.")
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchange_missions",
        help_text=_("The invite-only event page participants register on."),
    )
    created_at = models.DateTimeField(_("scheduled"), default=timezone.now)

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["starts_on", "id"]

    def __str__(self) -> str:
        return self.title


class ExchangeActionItem(models.Model):
    """Something the report says someone will do, by when."""

    exchange = models.ForeignKey(
        PeerExchange,
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("peer exchange"),
    )
    description = models.CharField(_("what"), max_length=SHORT_TEXT_MAX)
    owner = models.CharField(
        _("owner"), max_length=TITLE_MAX, help_text=_("A person or a department.")
    )
    due_on = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description


class ExchangeFeedback(models.Model):
    """A participant's view of the exchange, given once the report is written."""

    exchange = models.ForeignKey(
        PeerExchange,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("peer exchange"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(
        _("how useful was it (1–5)"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "user"], name="events_one_feedback_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.rating}"


class ExchangeCheckpoint(models.Model):
    """A follow-up 3, 6 or 12 months after the report: what changed since."""

    exchange = models.ForeignKey(
        PeerExchange,
        on_delete=models.CASCADE,
        related_name="checkpoints",
        verbose_name=_("peer exchange"),
    )
    month = models.PositiveSmallIntegerField(
        _("checkpoint"), choices=CheckpointMonth.choices
    )
    what_changed = models.TextField(_("what changed"), max_length=TEXT_MAX)
    adoption = models.CharField(
        _("adoption level"), max_length=20, choices=AdoptionLevel.choices
    )
    # The stages of supported projects, so that a closed case's story starts at
    # the stage its latest checkpoint recorded.
    project_stage = models.CharField(
        _("project stage"), max_length=20, choices=Stage.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up checkpoint")
        verbose_name_plural = _("follow-up checkpoints")
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "month"], name="events_one_checkpoint_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.exchange_id}: {self.month} months"


class ExchangeOffer(ThemeFields, models.Model):
    """What a practitioner offers to peers (“I can host a study visit on X”).

    Offers feed the matching: someone who offers the format a city wishes for, on
    its theme, ranks higher. (``community.Offer`` names the kinds on the profile;
    this is one concrete offer with a topic.)
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        on_delete=models.CASCADE,
        related_name="exchange_offers",
    )
    kind = models.CharField(_("I can"), max_length=30, choices=MissionKind.choices)
    topic = models.CharField(
        _("on"),
        max_length=TITLE_MAX,
        help_text=_("E.g. “community land-use plans for new districts”."),
    )
    description = models.TextField(
        _("details"), max_length=SHORT_TEXT_MAX * 2, blank=True
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    is_active = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("published"), default=timezone.now)

    class Meta:
        verbose_name = _("offer to peers")
        verbose_name_plural = _("offers to peers")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.topic}"
