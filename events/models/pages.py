"""Event pages: the call for participants before an event, its documentation after.

Editors write the announcement, the call text, the programme and, afterwards, the
documentation. Who applied and who came is process data in
``events.models.registrations``; registrations always point at the event page in the
default language (see ``EventPage.canonical``), so a German translation of an event
shares its places, its waitlist and its applicants with the English original.
"""

import zoneinfo
from datetime import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from community.models import Language
from core.blocks import (
    FiguresBlock,
    ImageBlock,
    QuoteBlock,
    ResourcesBlock,
    SectionBlock,
)
from core.models import HeroImageFields, ThemeFields, validate_theme
from core.shared_facts import SharedFactsForm, SharedFactsPage
from core.validators import validate_time_zone

from ..event_page import event_detail
from .choices import AttendanceMode, Eligibility, EventFormat, SelectionMode


class AgendaItemBlock(blocks.StructBlock):
    """One slot of the programme."""

    day = blocks.DateBlock(label=_("Day"), required=False)
    starts = blocks.TimeBlock(label=_("Starts"), required=False)
    ends = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(
        label=_("Description"), max_length=1000, required=False
    )
    speakers = blocks.CharBlock(
        label=_("Speakers"),
        max_length=300,
        required=False,
        help_text=_("Names and cities, e.g. “Lina Haddad (Amman)”."),
    )

    class Meta:
        icon = "time"
        template = "blocks/agenda_item_block.html"
        label = _("Programme item")

    def clean(self, value):
        value = super().clean(value)
        starts, ends = value.get("starts"), value.get("ends")
        if starts and ends and ends < starts:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "ends": ValidationError(_("The end cannot be before the start."))
                }
            )
        return value


class ProgrammeStreamBlock(blocks.StreamBlock):
    item = AgendaItemBlock()
    section = SectionBlock(label=_("Text"), label_is_heading=False)


class ProjectIdeaBlock(blocks.StructBlock):
    """A project idea that came out of the event, and where it went."""

    title = blocks.CharBlock(label=_("Project idea"), max_length=200)
    city = blocks.CharBlock(label=_("City"), max_length=120, required=False)
    description = blocks.TextBlock(
        label=_("Description"), max_length=1500, required=False
    )
    project = blocks.PageChooserBlock(
        label=_("Supported project"),
        required=False,
        help_text=_("The project story, if the idea became a supported project."),
    )

    class Meta:
        icon = "pick"
        template = "blocks/project_idea_block.html"
        label = _("Project idea")


class DocumentationStreamBlock(blocks.StreamBlock):
    """What the event produced, for those who were there and those who were not."""

    results = SectionBlock(label=_("Results"))
    figures = FiguresBlock()
    project_idea = ProjectIdeaBlock()
    presentations = ResourcesBlock(label=_("Presentations and documents"))
    image = ImageBlock()
    quote = QuoteBlock()


class EventPageForm(SharedFactsForm):
    """Offers the working languages as checkboxes (they are stored as a list).

    On a translation, the facts (``EventPage.FACT_FIELDS``) are read-only
    (``SharedFactsForm``)."""

    working_languages = forms.MultipleChoiceField(
        label=_("working languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        opens, closes = (
            cleaned.get("applications_open"),
            cleaned.get("applications_close"),
        )
        if opens and closes and closes < opens:
            self.add_error(
                "applications_close",
                _("Applications cannot close before they open."),
            )
        capacity = cleaned.get("capacity")
        reserved = cleaned.get("host_reserved_places") or 0
        if capacity is not None and reserved > capacity:
            self.add_error(
                "host_reserved_places",
                _("More places are reserved than the event has."),
            )
        mode = cleaned.get("attendance_mode")
        if mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID) and not cleaned.get(
            "online_link"
        ):
            self.add_error(
                "online_link", _("Online events need the link participants use.")
            )
        return cleaned


class EventPage(HeroImageFields, ThemeFields, SharedFactsPage, Page):
    """A dialogue event, workshop, mission or webinar: the call for participants
    before it, the documentation after it.

    The facts (format, dates, place, capacity, application window, who may apply)
    drive the process: ``events.services`` reads them under a row lock when someone
    applies. The online link is shown to confirmed participants only.

    The facts that do not depend on the language (``FACT_FIELDS``: when, where
    and with whom, theme and languages, applications and organisers) are edited on
    the default-language page only and copied to its translations
    (``events.facts``). Title, teaser, hero image text, call, programme and
    documentation are the translation's own.
    """

    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("One or two sentences for lists, feeds and search results."),
    )
    event_format = models.CharField(
        _("format"),
        max_length=30,
        choices=EventFormat.choices,
        default=EventFormat.DIALOGUE_EVENT,
    )
    starts_at = models.DateTimeField(
        _("starts"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the date is not fixed."),
    )
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Berlin",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place, e.g. Asia/Amman. Times show in it."),
    )
    month_only = models.BooleanField(
        _("only the month is known"),
        default=False,
        help_text=_("For past events whose exact days were not recorded."),
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue = models.CharField(
        _("venue"),
        max_length=300,
        blank=True,
        help_text=_("Building and address, or leave empty for online events."),
    )
    venue_city = models.CharField(
        _("city of the venue"),
        max_length=120,
        blank=True,
        help_text=_("Shown in lists; the host city's name if empty."),
    )
    country = CountryField(_("country"), blank=True)
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Only confirmed participants see it."),
    )
    host_city = models.ForeignKey(
        "community.Organisation",
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
    )
    partner_organisations = ParentalManyToManyField(
        "community.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_events",
    )
    region = models.ForeignKey(
        "community.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_("The region whose coordinators run this event."),
    )
    working_languages = models.JSONField(
        _("working languages"), default=list, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("How many participants can take part; empty for no limit."),
    )
    host_reserved_places = models.PositiveIntegerField(
        _("places reserved for the host city"),
        default=0,
        help_text=_("Part of the places kept for staff of the host city."),
    )
    applications_open = models.DateTimeField(
        _("applications open"),
        null=True,
        blank=True,
        help_text=_("Empty: nobody can apply (e.g. for past events)."),
    )
    applications_close = models.DateTimeField(
        _("applications close"), null=True, blank=True
    )
    eligibility = models.CharField(
        _("who may apply"),
        max_length=20,
        choices=Eligibility.choices,
        default=Eligibility.VERIFIED_MEMBERS,
    )
    selection_mode = models.CharField(
        _("selection"),
        max_length=20,
        choices=SelectionMode.choices,
        default=SelectionMode.SELECTION,
    )
    waitlist_offer_hours = models.PositiveIntegerField(
        _("hours to take up a freed place"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: a freed place goes to the first person on the waitlist at once. "
            "Otherwise they are offered it and have this many hours to confirm."
        ),
    )
    call_text = StreamField(
        [("section", SectionBlock(label=_("Text"), label_is_heading=False))],
        verbose_name=_("call for participants"),
        blank=True,
        help_text=_("Who the event is for, what they should bring, how we select."),
    )
    programme = StreamField(
        ProgrammeStreamBlock(), verbose_name=_("programme"), blank=True
    )
    documentation = StreamField(
        DocumentationStreamBlock(),
        verbose_name=_("documentation"),
        blank=True,
        help_text=_("After the event: results, presentations and project ideas."),
    )
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
        help_text=_(
            "People who manage the applicants, besides the coordinators of the region."
        ),
    )

    # Kept across revisions by ``with_content_json``; raised by
    # ``events.facts.event_facts_published`` when a publication changes the facts
    # and by ``event_cancel``, so calendars replace their copy (iCalendar SEQUENCE).
    calendar_sequence = models.PositiveIntegerField(
        _("calendar sequence"), default=0, editable=False
    )
    calendar_changed_at = models.DateTimeField(
        _("calendar entry changed"), null=True, blank=True, editable=False
    )
    # Set by ``events.announcements.event_cancel`` (the organisers' "Cancel event"
    # action), never in the editor; kept across revisions by ``with_content_json``.
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancellation_reason = models.TextField(
        _("reason for the cancellation"), max_length=2000, blank=True
    )

    # The facts of an event that do not depend on the language: when, where, with
    # whom, on which theme, for how many and who may apply. They are edited on the
    # default-language page (``canonical``), which registrations use, and copied to
    # every translation when it is published (``events.facts``); a translation
    # shows them read-only and never keeps values of its own. Each group is also
    # one panel of the editor, so the two lists cannot drift apart.
    WHEN_FIELDS = ("event_format", "starts_at", "ends_at", "time_zone", "month_only")
    WHERE_FIELDS = (
        "attendance_mode",
        "venue",
        "venue_city",
        "country",
        "online_link",
        "host_city",
        "partner_organisations",
        "region",
    )
    # Theme (default-language taxonomy rows) and languages spoken.
    THEME_FIELDS = ("cluster", "field_of_action", "working_languages")
    APPLICATION_FIELDS = (
        "capacity",
        "host_reserved_places",
        "applications_open",
        "applications_close",
        "eligibility",
        "selection_mode",
        "waitlist_offer_hours",
        "organisers",
    )
    FACT_FIELDS = (*WHEN_FIELDS, *WHERE_FIELDS, *THEME_FIELDS, *APPLICATION_FIELDS)

    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        "teaser",
        MultiFieldPanel(
            ["hero_image", "hero_alt", "hero_credit"], heading=_("Hero image")
        ),
        MultiFieldPanel(list(WHEN_FIELDS), heading=_("When")),
        MultiFieldPanel(list(WHERE_FIELDS), heading=_("Where and with whom")),
        MultiFieldPanel(list(THEME_FIELDS), heading=_("Theme and languages")),
        MultiFieldPanel(list(APPLICATION_FIELDS), heading=_("Applications")),
        "call_text",
        "programme",
        "documentation",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("call_text"),
        index.SearchField("documentation"),
        index.SearchField("venue_city"),
        index.FilterField("event_format"),
        index.FilterField("cluster_id"),
        index.FilterField("region_id"),
        index.FilterField("starts_at"),
        index.FilterField("attendance_mode"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("teaser"),
        APIField("event_format"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("time_zone"),
        APIField("attendance_mode"),
        APIField("venue_city"),
        APIField("country"),
        APIField("region"),
        APIField("cluster"),
        APIField("field_of_action"),
        APIField("working_languages"),
        APIField("capacity"),
        APIField("applications_open"),
        APIField("applications_close"),
        APIField("programme"),
        APIField("documentation"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def with_content_json(self, content):
        """A revision never brings back a cancelled event (the cancellation is
        process data, not content) or an older calendar sequence; nor, on a
        translation, facts of its own (``SharedFactsPage``)."""
        page = super().with_content_json(content)
        page.cancelled_at = self.cancelled_at
        page.cancellation_reason = self.cancellation_reason
        page.calendar_sequence = self.calendar_sequence
        page.calendar_changed_at = self.calendar_changed_at
        return page

    @property
    def calendar_modified_at(self) -> datetime | None:
        """When this event's calendar entry last changed (iCalendar
        LAST-MODIFIED): its last publication or the last change of its facts or
        status, whichever is later."""
        moments = [
            moment
            for moment in (self.last_published_at, self.calendar_changed_at)
            if moment is not None
        ]
        return max(moments) if moments else None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def local_start(self) -> datetime | None:
        return self.starts_at.astimezone(self.tz) if self.starts_at else None

    def local_end(self) -> datetime | None:
        return self.ends_at.astimezone(self.tz) if self.ends_at else None

    @property
    def is_past(self) -> bool:
        end = self.ends_at or self.starts_at
        return end is not None and end < timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at is not None and self.starts_at <= timezone.now()

    @property
    def location_line(self) -> str:
        """Venue, city (unless the venue names it) and country on one line, for
        the page and calendar files."""
        return ", ".join(
            part
            for part in (
                self.venue,
                self.venue_city if self.venue_city not in self.venue else "",
                self.country.name if self.country else "",
            )
            if part
        )

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    def applications_are_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.applications_open is None or self.applications_open > now:
            return False
        if self.applications_close is not None and self.applications_close <= now:
            return False
        return self.starts_at is None or now < self.starts_at

    def takes_applications(self, now: datetime | None = None) -> bool:
        """Whether people may apply now or once applications open: published, not
        cancelled or started, with a window that has not closed."""
        now = now or timezone.now()
        return (
            self.live
            and not self.is_cancelled
            and not self.has_started
            and self.applications_open is not None
            and (self.applications_close is None or self.applications_close > now)
        )

    def get_context(self, request, *args, **kwargs):
        """Facts in the reader's language, the reader's next step (apply, confirm,
        withdraw…), places and structured data (``events.event_page``)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(event_detail(self, request))
        return context

    def clean(self):
        super().clean()
        validate_theme(self)
