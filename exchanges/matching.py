"""Suggestions for a peer exchange: people, organisations, good practices and
supported projects, each with a score whose parts are shown and explained.

The case manager sees why someone is suggested (theme, offers, shared language,
similar context, same job function, availability, and a fairness term so the same
few people and cities are not always asked) and decides; the platform never invites
anyone by itself.

Privacy: parts that rest on a profile field are explained only to viewers who may
see that field (``community.permissions.can_see_profile_field``). Coordinators see
what coordinators see; anyone else (e.g. the requesting city) sees only what a
person made public until that person has opted in to the exchange. Practices and
projects are public pages: every part is explained to everyone.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Locale

from community import permissions as community_permissions
from community.models import Affiliation, Language, Organisation, Visibility
from practices.models import GoodPracticePage
from projects.models import ProjectCity, Stage, SupportedProjectPage

from . import permissions as rules
from .models import (
    OPEN_STATES,
    CandidateState,
    ExchangeCandidate,
    ExchangeOffer,
    MissionKind,
    PeerExchange,
)

# Points of each part. A theme match dominates; context and fairness adjust.
CLUSTER_POINTS = 30
FIELD_POINTS = 20
OFFER_THEME_POINTS = 15
OFFER_FORMAT_POINTS = 10
LANGUAGE_POINTS = 15
CONTEXT_POINTS = 5  # each of: same region, same kind, similar size
JOB_POINTS = 10
AVAILABLE_POINTS = 10
FAIRNESS_PENALTY = 5  # per invitation in the last 12 months
FAIRNESS_MAX_PENALTY = 15
PRACTICE_CITY_POINTS = 10  # each city behind a practice that has experts
WORD_POINTS = 5
WORD_MAX_POINTS = 20
ORG_PRACTICE_POINTS = 15
ORG_PRACTICE_MAX = 30
ORG_EXPERT_POINTS = 10
ORG_EXPERT_MAX = 20
SIMILAR_SIZE_FACTOR = 3
FAIRNESS_WINDOW = timedelta(days=365)
# A project that got this far shows the city where the road leads.
PROJECT_STAGE_POINTS = 5
ADVANCED_STAGES = (Stage.READY, Stage.IMPLEMENTED)

# The profile's offer codes (community.Offer) that mean a mission format.
PROFILE_OFFER_FORMATS = {
    "host_study_visit": MissionKind.STUDY_VISIT,
    "expert_mission": MissionKind.EXPERT_MISSION,
    "online_advice": MissionKind.ONLINE_CONSULTATION,
}

STOPWORDS = frozenset(
    {
        "about",
        "after",
        "also",
        "among",
        "and",
        "are",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "can",
        "city",
        "cities",
        "could",
        "does",
        "each",
        "from",
        "have",
        "into",
        "its",
        "more",
        "most",
        "municipal",
        "municipality",
        "other",
        "over",
        "plan",
        "same",
        "should",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "urban",
        "very",
        "want",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "within",
        "would",
        "your",
        "city's",
    }
)

Part = tuple[str, int, str]


@dataclass
class Suggestion:
    """A candidate (a ``User``, an ``Organisation``, a ``GoodPracticePage`` or a
    ``SupportedProjectPage``) with its score and the parts that make it up:
    ``(label, points, explanation)``."""

    candidate: object
    kind: str
    score: int = 0
    parts: list[Part] = field(default_factory=list)

    def add(self, label: str, points: int, explanation: str) -> None:
        self.parts.append((label, points, explanation))
        self.score += points


def words(text: str) -> set[str]:
    """Significant lower-case words of a text (four letters or more)."""
    return {
        word
        for word in re.findall(r"[^\W\d_]{4,}", (text or "").lower())
        if word not in STOPWORDS
    }


def _language_names(codes: Iterable[str]) -> str:
    labels = dict(Language.choices)
    return ", ".join(str(labels.get(code, code)) for code in sorted(codes))


def _similar_size(a: int | None, b: int | None) -> bool:
    if not a or not b:
        return False
    return max(a, b) / min(a, b) <= SIMILAR_SIZE_FACTOR


def _population(number: int) -> str:
    if number >= 1_000_000:
        return _("%(n).1f million") % {"n": number / 1_000_000}
    return _("%(n)d thousand") % {"n": round(number / 1000)}


def _context_parts(
    suggestion: Suggestion, exchange: PeerExchange, other: Organisation | None
) -> None:
    """Same region, same kind of organisation, similar size."""
    city = exchange.organisation
    if other is None:
        suggestion.add(_("Context"), 0, _("No verified organisation to compare with."))
        return
    if other.region.translation_key == city.region.translation_key:
        suggestion.add(
            _("Region"),
            CONTEXT_POINTS,
            _("%(org)s is in the same region (%(region)s).")
            % {"org": other.name, "region": other.region.name},
        )
    else:
        suggestion.add(
            _("Region"),
            0,
            _("%(org)s is in another region (%(region)s).")
            % {"org": other.name, "region": other.region.name},
        )
    if other.kind == city.kind:
        suggestion.add(
            _("Kind of organisation"),
            CONTEXT_POINTS,
            _("Also a %(kind)s.") % {"kind": other.get_kind_display().lower()},
        )
    if _similar_size(other.population, city.population):
        suggestion.add(
            _("City size"),
            CONTEXT_POINTS,
            _("Similar size: %(a)s and %(b)s inhabitants.")
            % {"a": _population(other.population), "b": _population(city.population)},
        )


def _language_part(
    suggestion: Suggestion, wanted: set[str], spoken: set[str], *, shown: bool
) -> None:
    if not wanted:
        suggestion.add(_("Language"), 0, _("The request names no working language."))
        return
    shared = wanted & spoken
    if not shown:
        suggestion.add(
            _("Language"),
            LANGUAGE_POINTS if shared else 0,
            _("Based on profile details you cannot see yet."),
        )
    elif shared:
        suggestion.add(
            _("Language"),
            LANGUAGE_POINTS,
            _("Shared working language: %(languages)s.")
            % {"languages": _language_names(shared)},
        )
    else:
        suggestion.add(
            _("Language"),
            0,
            _("No shared working language: interpretation needed."),
        )


def _fairness_part(suggestion: Suggestion, recent: int, who: str) -> None:
    if recent:
        penalty = min(recent * FAIRNESS_PENALTY, FAIRNESS_MAX_PENALTY)
        suggestion.add(
            _("Fairness"),
            -penalty,
            ngettext(
                "%(who)s was asked once in the last 12 months.",
                "%(who)s was asked %(count)d times in the last 12 months.",
                recent,
            )
            % {"who": who, "count": recent},
        )
    else:
        suggestion.add(
            _("Fairness"),
            0,
            _("%(who)s was not asked in the last 12 months.") % {"who": who},
        )


class _Visibility:
    """Answers "may the viewer see this person's field?" for one suggestion list."""

    def __init__(self, viewer, exchange: PeerExchange):
        self.viewer = viewer
        self.manages = rules.can_manage_exchange(viewer, exchange)
        self.opted_in = set(
            exchange.candidates.filter(state=CandidateState.OPTED_IN).values_list(
                "user_id", flat=True
            )
        )
        self.viewer_is_member = community_permissions.is_verified_member_staff(viewer)

    def __call__(self, person, field_name: str) -> bool:
        if self.manages:
            return community_permissions.can_see_profile_field(
                self.viewer, person, field_name, viewer_is_member=self.viewer_is_member
            )
        if person.pk in self.opted_in:
            return community_permissions.can_see_profile_field(
                self.viewer, person, field_name, viewer_is_member=self.viewer_is_member
            )
        # Before opting in, only what the person made public.
        return person.visibility_of(field_name) == Visibility.PUBLIC


def _requester_job_words(exchange: PeerExchange) -> set[str]:
    person = exchange.created_by
    if person is None:
        return set()
    titles = [person.job_title]
    titles += list(
        Affiliation.objects.current()
        .filter(user=person, organisation=exchange.organisation)
        .values_list("job_title", flat=True)
    )
    return words(" ".join(titles))


def _people_pool(exchange: PeerExchange):
    since = timezone.now() - FAIRNESS_WINDOW
    theme = Q()
    offers = ExchangeOffer.objects.filter(is_active=True)
    if exchange.cluster_id:
        theme |= Q(expertise_clusters=exchange.cluster_id)
        theme |= Q(
            exchange_offers__is_active=True,
            exchange_offers__cluster=exchange.cluster_id,
        )
    if exchange.field_of_action_id:
        theme |= Q(expertise_fields=exchange.field_of_action_id)
    if not theme:
        theme = Q(exchange_offers__is_active=True)
    staff_of_city = Affiliation.objects.current().filter(
        organisation=exchange.organisation
    )
    ids = (
        get_user_model()
        .objects.filter(theme, is_active=True, is_pseudonymised=False)
        .exclude(pk__in=staff_of_city.values("user_id"))
        .exclude(pk=exchange.created_by_id)
        .values("pk")
        .distinct()
    )
    return (
        get_user_model()
        .objects.filter(pk__in=ids)
        .annotate(
            recent_invitations=Count(
                "exchange_candidacies",
                filter=Q(exchange_candidacies__invited_at__gte=since)
                & ~Q(exchange_candidacies__exchange=exchange),
                distinct=True,
            ),
            open_exchanges=Count(
                "exchange_candidacies",
                filter=Q(
                    exchange_candidacies__state=CandidateState.OPTED_IN,
                    exchange_candidacies__exchange__state__in=OPEN_STATES,
                )
                & ~Q(exchange_candidacies__exchange=exchange),
                distinct=True,
            ),
        )
        .prefetch_related(
            "expertise_clusters",
            "expertise_fields",
            Prefetch("exchange_offers", queryset=offers, to_attr="active_offers"),
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.current().select_related(
                    "organisation__region"
                ),
                to_attr="current_affiliations",
            ),
        )
        .order_by("pk")
    )


def _offer_parts(suggestion: Suggestion, exchange: PeerExchange, person, visible):
    formats = set(exchange.formats)
    best = None
    for offer in person.active_offers:
        on_theme = (
            exchange.field_of_action_id
            and offer.field_of_action_id == exchange.field_of_action_id
        ) or (exchange.cluster_id and offer.cluster_id == exchange.cluster_id)
        if on_theme and (best is None or offer.kind in formats):
            best = offer
    if best is not None:
        # Published offers are public statements, shown to every member.
        suggestion.add(
            _("Offer"),
            OFFER_THEME_POINTS,
            _("Offers: %(kind)s on “%(topic)s”.")
            % {"kind": best.get_kind_display(), "topic": best.topic},
        )
        if best.kind in formats:
            suggestion.add(
                _("Format"),
                OFFER_FORMAT_POINTS,
                _("%(kind)s is a format the city wishes for.")
                % {"kind": best.get_kind_display()},
            )
            return
    profile_formats = {
        PROFILE_OFFER_FORMATS[code]
        for code in person.offers
        if code in PROFILE_OFFER_FORMATS
    }
    matching = profile_formats & formats
    if matching:
        labels = ", ".join(str(MissionKind(code).label) for code in sorted(matching))
        suggestion.add(
            _("Format"),
            OFFER_FORMAT_POINTS,
            _("Their profile offers %(formats)s, which the city wishes for.")
            % {"formats": labels}
            if visible(person, "offers")
            else _("Based on profile details you cannot see yet."),
        )


def _theme_parts(suggestion: Suggestion, exchange: PeerExchange, person, visible):
    shown = visible(person, "expertise")
    hidden = _("Based on profile details you cannot see yet.")
    if exchange.cluster_id and any(
        c.pk == exchange.cluster_id for c in person.expertise_clusters.all()
    ):
        suggestion.add(
            _("Theme"),
            CLUSTER_POINTS,
            _("Expertise in %(cluster)s.") % {"cluster": exchange.cluster.name}
            if shown
            else hidden,
        )
    if exchange.field_of_action_id and any(
        f.pk == exchange.field_of_action_id for f in person.expertise_fields.all()
    ):
        suggestion.add(
            _("Field of action"),
            FIELD_POINTS,
            _("Expertise in %(field)s.") % {"field": exchange.field_of_action.name}
            if shown
            else hidden,
        )


def suggest_people(
    exchange: PeerExchange, *, viewer, limit: int = 10
) -> list[Suggestion]:
    """People who could be peers, best first (ties: fewer recent invitations, then
    the older account)."""
    visible = _Visibility(viewer, exchange)
    job_words = _requester_job_words(exchange)
    wanted_languages = set(exchange.languages)
    suggestions = []
    for person in _people_pool(exchange):
        suggestion = Suggestion(candidate=person, kind="person")
        _theme_parts(suggestion, exchange, person, visible)
        _offer_parts(suggestion, exchange, person, visible)
        _language_part(
            suggestion,
            wanted_languages,
            set(person.languages),
            shown=visible(person, "languages"),
        )
        affiliation = (
            person.current_affiliations[0] if person.current_affiliations else None
        )
        _context_parts(
            suggestion, exchange, affiliation.organisation if affiliation else None
        )
        their_job = words(
            " ".join([person.job_title, affiliation.job_title if affiliation else ""])
        )
        shared_job = job_words & their_job
        if shared_job:
            suggestion.add(
                _("Job function"),
                JOB_POINTS,
                _("Same job function (%(words)s).")
                % {"words": ", ".join(sorted(shared_job))}
                if visible(person, "job_title")
                else _("Based on profile details you cannot see yet."),
            )
        if person.open_exchanges == 0:
            suggestion.add(
                _("Availability"),
                AVAILABLE_POINTS,
                _("Not taking part in another open exchange."),
            )
        else:
            suggestion.add(
                _("Availability"),
                0,
                ngettext(
                    "Already a peer in %(count)d open exchange.",
                    "Already a peer in %(count)d open exchanges.",
                    person.open_exchanges,
                )
                % {"count": person.open_exchanges},
            )
        _fairness_part(suggestion, person.recent_invitations, str(person))
        suggestions.append(suggestion)
    suggestions.sort(
        key=lambda s: (-s.score, s.candidate.recent_invitations, s.candidate.pk)
    )
    return suggestions[:limit]


def _request_words(exchange: PeerExchange) -> set[str]:
    return words(
        " ".join(
            [exchange.title, exchange.challenge, exchange.desired_change]
            + list(exchange.guiding_questions)
        )
    )


def _city_parts(suggestion: Suggestion, exchange: PeerExchange, cities: list) -> None:
    """Cities behind a practice or project: same region, similar size, who."""
    city = exchange.organisation
    same_region = [
        c for c in cities if c.region.translation_key == city.region.translation_key
    ]
    if same_region:
        suggestion.add(
            _("Region"),
            CONTEXT_POINTS,
            _("From the same region: %(cities)s.")
            % {"cities": ", ".join(c.name for c in same_region)},
        )
    similar = [c for c in cities if _similar_size(c.population, city.population)]
    if similar:
        suggestion.add(
            _("City size"),
            CONTEXT_POINTS,
            _("From a city of similar size: %(cities)s.")
            % {"cities": ", ".join(c.name for c in similar)},
        )
    if cities:
        suggestion.add(
            _("Cities"),
            0,
            _("From %(cities)s.") % {"cities": ", ".join(c.name for c in cities)},
        )


def _default_locale_practices():
    return (
        GoodPracticePage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .defer_streamfields()
    )


def suggest_practices(
    exchange: PeerExchange, *, viewer=None, limit: int = 10
) -> list[Suggestion]:
    """Good practices on the theme, best first; pages are public, every part is
    explained to everyone."""
    theme = Q()
    if exchange.cluster_id:
        theme |= Q(cluster=exchange.cluster_id)
    if exchange.field_of_action_id:
        theme |= Q(field_of_action=exchange.field_of_action_id)
    if not theme:
        return []
    request_words = _request_words(exchange)
    city = exchange.organisation
    practices = (
        _default_locale_practices()
        .filter(theme)
        .exclude(cities=city)
        .prefetch_related("tags", "cities__region")
        .order_by("pk")
    )
    suggestions = []
    for practice in practices:
        suggestion = Suggestion(candidate=practice, kind="practice")
        if exchange.cluster_id and practice.cluster_id == exchange.cluster_id:
            suggestion.add(
                _("Theme"),
                CLUSTER_POINTS,
                _("Same cluster: %(cluster)s.") % {"cluster": exchange.cluster.name},
            )
        if (
            exchange.field_of_action_id
            and practice.field_of_action_id == exchange.field_of_action_id
        ):
            suggestion.add(
                _("Field of action"),
                FIELD_POINTS,
                _("Same field of action: %(field)s.")
                % {"field": exchange.field_of_action.name},
            )
        practice_words = words(
            " ".join(
                [practice.title, practice.teaser]
                + [tag.name for tag in practice.tags.all()]
            )
        )
        shared = sorted(request_words & practice_words)
        if shared:
            suggestion.add(
                _("Topic"),
                min(len(shared) * WORD_POINTS, WORD_MAX_POINTS),
                _("Shares the words: %(words)s.") % {"words": ", ".join(shared[:6])},
            )
        _city_parts(suggestion, exchange, list(practice.cities.all()))
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.candidate.pk))
    return suggestions[:limit]


def suggest_projects(
    exchange: PeerExchange, *, viewer=None, limit: int = 10
) -> list[Suggestion]:
    """Live supported projects on the case's theme or from its region, best first:
    cities that went the way the requesting city wants to go. Projects the city
    takes part in itself are left out; pages are public, every part is explained
    to everyone."""
    city = exchange.organisation
    region_key = city.region.translation_key
    relevant = Q(city_roles__organisation__region__translation_key=region_key)
    if exchange.cluster_id:
        relevant |= Q(cluster=exchange.cluster_id)
    if exchange.field_of_action_id:
        relevant |= Q(field_of_action=exchange.field_of_action_id)
    ids = (
        SupportedProjectPage.objects.live()
        .public()
        .filter(relevant, locale=Locale.get_default())
        .exclude(city_roles__organisation=city)
        .values("pk")
    )
    projects = (
        SupportedProjectPage.objects.filter(pk__in=ids)
        .defer_streamfields()
        .prefetch_related(
            "tags",
            Prefetch(
                "city_roles",
                queryset=ProjectCity.objects.select_related(
                    "organisation__region"
                ).order_by("sort_order", "pk"),
            ),
        )
        .order_by("pk")
    )
    request_words = _request_words(exchange)
    suggestions = []
    for project in projects:
        suggestion = Suggestion(candidate=project, kind="project")
        if exchange.cluster_id and project.cluster_id == exchange.cluster_id:
            suggestion.add(
                _("Theme"),
                CLUSTER_POINTS,
                _("Same cluster: %(cluster)s.") % {"cluster": exchange.cluster.name},
            )
        if (
            exchange.field_of_action_id
            and project.field_of_action_id == exchange.field_of_action_id
        ):
            suggestion.add(
                _("Field of action"),
                FIELD_POINTS,
                _("Same field of action: %(field)s.")
                % {"field": exchange.field_of_action.name},
            )
        project_words = words(
            " ".join(
                [project.title, project.teaser]
                + [tag.name for tag in project.tags.all()]
            )
        )
        shared = sorted(request_words & project_words)
        if shared:
            suggestion.add(
                _("Topic"),
                min(len(shared) * WORD_POINTS, WORD_MAX_POINTS),
                _("Shares the words: %(words)s.") % {"words": ", ".join(shared[:6])},
            )
        _city_parts(
            suggestion,
            exchange,
            [role.organisation for role in project.city_roles.all()],
        )
        suggestion.add(
            _("Stage"),
            PROJECT_STAGE_POINTS if project.stage in ADVANCED_STAGES else 0,
            _("The project is at the stage “%(stage)s”.")
            % {"stage": project.get_stage_display()},
        )
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.candidate.pk))
    return suggestions[:limit]


def suggest_organisations(
    exchange: PeerExchange, *, viewer=None, limit: int = 10
) -> list[Suggestion]:
    """Member organisations with practices or experts on the theme, best first.
    Organisations are public; experts are counted, never named here."""
    if not exchange.cluster_id:
        return []
    since = timezone.now() - FAIRNESS_WINDOW
    practice_ids = _default_locale_practices().filter(cluster=exchange.cluster_id)
    field_practices = (
        practice_ids.filter(field_of_action=exchange.field_of_action_id)
        if exchange.field_of_action_id
        else practice_ids.none()
    )
    experts = Affiliation.objects.current().filter(
        user__expertise_clusters=exchange.cluster_id, user__is_active=True
    )
    organisations = (
        Organisation.objects.active_members()
        .exclude(pk=exchange.organisation_id)
        .annotate(
            theme_practices=Count(
                "good_practices",
                filter=Q(good_practices__in=practice_ids.values("pk")),
                distinct=True,
            ),
            field_practices=Count(
                "good_practices",
                filter=Q(good_practices__in=field_practices.values("pk")),
                distinct=True,
            ),
            experts=Count(
                "affiliations",
                filter=Q(affiliations__in=experts.values("pk")),
                distinct=True,
            ),
            recent_invitations=Count(
                "affiliations__user__exchange_candidacies",
                filter=Q(
                    affiliations__user__exchange_candidacies__invited_at__gte=since
                ),
                distinct=True,
            ),
        )
        .filter(Q(theme_practices__gt=0) | Q(experts__gt=0))
        .select_related("region")
        .order_by("pk")
    )
    wanted_languages = set(exchange.languages)
    suggestions = []
    for organisation in organisations:
        suggestion = Suggestion(candidate=organisation, kind="organisation")
        if organisation.theme_practices:
            suggestion.add(
                _("Practices"),
                min(
                    organisation.theme_practices * ORG_PRACTICE_POINTS, ORG_PRACTICE_MAX
                ),
                ngettext(
                    "%(count)d good practice in %(cluster)s.",
                    "%(count)d good practices in %(cluster)s.",
                    organisation.theme_practices,
                )
                % {
                    "count": organisation.theme_practices,
                    "cluster": exchange.cluster.name,
                },
            )
        if organisation.field_practices:
            suggestion.add(
                _("Field of action"),
                FIELD_POINTS,
                _("A practice in %(field)s.")
                % {"field": exchange.field_of_action.name},
            )
        if organisation.experts:
            suggestion.add(
                _("Experts"),
                min(organisation.experts * ORG_EXPERT_POINTS, ORG_EXPERT_MAX),
                ngettext(
                    "%(count)d verified expert on the theme.",
                    "%(count)d verified experts on the theme.",
                    organisation.experts,
                )
                % {"count": organisation.experts},
            )
        _language_part(
            suggestion,
            wanted_languages,
            set(organisation.official_languages),
            shown=True,
        )
        _context_parts(suggestion, exchange, organisation)
        _fairness_part(suggestion, organisation.recent_invitations, organisation.name)
        suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.candidate.pk))
    return suggestions[:limit]


def suggest(exchange: PeerExchange, *, viewer, limit: int = 10) -> dict:
    """All four lists for the case page: ``people``, ``organisations``,
    ``practices`` and ``projects``."""
    return {
        "people": suggest_people(exchange, viewer=viewer, limit=limit),
        "organisations": suggest_organisations(exchange, viewer=viewer, limit=limit),
        "practices": suggest_practices(exchange, viewer=viewer, limit=limit),
        "projects": suggest_projects(exchange, viewer=viewer, limit=limit),
    }


def already_candidates(exchange: PeerExchange) -> dict[int, ExchangeCandidate]:
    """The case's candidates by user id, to mark suggestions already handled."""
    return {
        candidate.user_id: candidate
        for candidate in ExchangeCandidate.objects.filter(exchange=exchange)
    }
