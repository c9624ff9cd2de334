# Demo data tables stay one entry per line, like the other demo modules.
# ruff: noqa: E501
"""Demo peer exchanges: closed cases told from the supported projects in
shared/demo_facts.yaml, a few open cases in every state, and offers from demo
people. Running it again changes nothing (cases are found by title and city).

Historical cases are written directly with their log rows and no notices (nobody
should get mail about 2018); open cases walk through the services, so their logs
and outbox read like the real thing. The Amman land-management case waits in
matching with Munich's and Frankfurt's experts invited, for the browser journey.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.models import Organisation
from community.permissions import coordinators_covering
from core.models import Cluster, FieldOfAction
from events.demo import deliver_demo_notifications

from . import services
from .matching import suggest_people
from .models import (
    CandidateState,
    ExchangeActionItem,
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeLog,
    ExchangeMission,
    ExchangeOffer,
    ExchangeState,
    PeerExchange,
)

S = ExchangeState
GUG = "good-urban-governance"
LED = "local-economic-development"
IUD = "integrated-urban-development"
MS = "municipal-services"


@dataclass
class Case:
    title: str
    city: str
    peers: list[str]
    cluster: str
    mission: str
    mission_title: str
    mission_on: date
    findings: str
    adoption: str = "adapting"
    stage: str = "advisory"
    field_slug: str = ""
    languages: list[str] = field(default_factory=lambda: ["en"])


# The eighteen supported projects as closed exchanges (facts: demo_facts.yaml).
# fmt: off
CLOSED = [
    Case("A sustainable land use plan for undeveloped land", "greater-amman-municipality", ["munich", "frankfurt-am-main"], IUD, "study_visit", "Study tour of 11 GAM planners to Münster, Dortmund, Cologne and Frankfurt", date(2022, 8, 14), "A community plan for Al Dafyaneh shows how undeveloped land can be planned with residents.", "adapting", "advisory", languages=["ar", "en"]),
    Case("Safe, colourful, liveable streets and places", "belo-horizonte", ["bremen"], MS, "expert_mission", "Expert mission on traffic calming", date(2018, 8, 6), "30 km/h zones and colourful squares make streets safer.", "implemented", "implemented", languages=["pt", "en"]),
    Case("Municipal and citizen engagement for the SDGs", "manizales", ["bonn"], GUG, "local_project_workshop", "Virtual local project workshop in three sessions", date(2021, 9, 15), "SDG days and citizen labs bring the goals to neighbourhoods.", "aware", "concept", languages=["es", "en"]),
    Case("Turning waste into a resource", "bizerte", ["rostock"], MS, "expert_mission", "Expert mission on composting", date(2017, 2, 14), "A composting plant turns green waste into compost.", "implemented", "implemented", "waste-management-and-recycling", ["fr", "en"]),
    Case("Urban gardening in Brazzaville", "brazzaville", ["dresden"], IUD, "online_consultation", "Virtual project workshop", date(2021, 11, 16), "School and community gardens can start small.", "adapting", "concept", "urban-gardening", ["fr"]),
    Case("Protecting viticulture and tourism from climate change", "tunuyan", ["eltville-am-rhein"], IUD, "online_consultation", "Virtual expert exchange on climate adaptation", date(2021, 12, 9), "Both towns signed an MoU on climate adaptation in wine growing.", "adapting", "advisory", languages=["es", "de"]),
    Case("Communication for local vaccination campaigns", "bogota", ["stuttgart"], GUG, "online_consultation", "Two virtual peer sessions", date(2021, 11, 5), "Trusted local messengers decide the success of campaigns.", "implemented", "advisory", "public-health", ["es", "en"]),
    Case("Climate-adapted urban development", "kumasi", ["dortmund"], IUD, "expert_mission", "Advice on protecting school-ground tree planting", date(2020, 10, 7), "Tree planting on school grounds needs protection and care plans.", "adapting", "advisory"),
    Case("An umbrella organisation for informal waste collectors", "mitrovica", [], MS, "local_project_workshop", "Roadmap workshop with informal collectors", date(2022, 5, 10), "A roadmap for about 300 informal collectors.", "aware", "concept", "waste-management-and-recycling"),
    Case("Community-based solid waste management in Lang'ata", "nairobi", ["bsr", "johannesburg"], MS, "expert_mission", "Expert mission on restructuring the waste sector", date(2017, 10, 9), "Community-based organisations need contracts and training.", "adapting", "advisory", "waste-management-and-recycling", ["en", "sw"]),
    Case("Digitalisation of the administration", "nablus", ["nuremberg"], GUG, "expert_mission", "Expert mission on e-government", date(2019, 12, 27), "Start with the services residents use most.", "adapting", "advisory", "smart-cities-digitalisation", ["ar", "en"]),
    Case("Isipingo urban regeneration", "ethekwini", [], IUD, "local_project_workshop", "Training on the Urban Nexus approach", date(2016, 11, 16), "Nexus thinking links water, energy and land in regeneration.", "aware", "concept", "urban-renewal"),
    Case("Trialogue for social entrepreneurship", "kampala", ["karlsruhe", "strasbourg"], LED, "expert_mission", "Expert mission Karlsruhe to Kampala", date(2022, 7, 3), "Municipal support for social enterprises works best with universities.", "adapting", "advisory", "start-up-promotion"),
    Case("Smart technologies in public transport", "lutsk", ["district-of-lippe"], MS, "study_visit", "Study visit on smart bus stops", date(2019, 5, 20), "Nine smart stops show arrival times and save energy.", "implemented", "implemented", languages=["uk", "en"]),
    Case("Municipal geoinformation system", "beit-jala", ["jena"], GUG, "expert_mission", "Local GIS expert embedded", date(2020, 3, 1), "A municipal GIS needs a person who owns it.", "implemented", "implemented", "smart-cities-digitalisation", ["ar", "en"]),
    Case("Cycling promotion", "skopje", [], MS, "local_project_workshop", "Local project workshop on cycling", date(2017, 12, 13), "A cycling network plan with quick wins.", "adapting", "concept"),
    Case("Integrated mobility, waste and public services", "krusevac", [], MS, "online_consultation", "Virtual expert talk on PPP", date(2021, 5, 25), "A pre-implementation study before any PPP.", "aware", "advisory"),
    Case("LED project ideas for host communities", "rachiine", ["hamm"], LED, "study_visit", "Study tour and project workshop in Hamm", date(2018, 9, 25), "Ten project ideas, from ecotourism to a vocational centre.", "aware", "concept", languages=["ar", "en"]),
]

# Open cases, one in each state of the way: (state, city, title, cluster, field)
OPEN = [
    (S.DRAFT, "greater-amman-municipality", "Energy-efficient street lighting", MS, ""),
    (S.SUBMITTED, "bizerte", "Digital building permits", GUG, "smart-cities-digitalisation"),
    (S.ELIGIBILITY_REVIEW, "bizerte", "Separate collection of organic waste at markets", MS, "waste-management-and-recycling"),
    (S.NEEDS_REVISION, "kumasi", "Flood early warning for informal settlements", IUD, ""),
    (S.NOT_ELIGIBLE, "kumasi", "A new football stadium", LED, ""),
    (S.ACCEPTED, "skopje", "Parking management in the city centre", MS, ""),
    (S.FRAMING, "nairobi", "Composting at neighbourhood level", MS, "waste-management-and-recycling"),
    (S.MATCHING, "greater-amman-municipality", "Land management for the new Tareq district", IUD, "urban-renewal"),
    (S.PEERS_CONFIRMED, "kragujevac", "Energy management in public buildings", MS, ""),
    (S.AGREEMENT, "manizales", "A voluntary local review", GUG, "municipal-and-regional-networks"),
    (S.MISSIONS, "skopje", "Water-saving irrigation of public green", IUD, "public-space"),
    (S.REPORT, "nairobi", "Market vendors' start-up support", LED, "start-up-promotion"),
    (S.FOLLOW_UP, "kragujevac", "A heat action plan for summer", GUG, "crisis-management"),
]

OFFERS = [
    ("julia.becker", "study_visit", "Community land-use plans for new districts", IUD, "urban-renewal", ["de", "en"]),
    ("markus.hoffmann", "expert_mission", "Land banking and active land policy", IUD, "urban-renewal", ["de", "en"]),
    ("maya.karam", "expert_mission", "Composting green waste from markets", MS, "waste-management-and-recycling", ["fr", "ar"]),
    ("amina.njoroge", "online_consultation", "Contracts with community-based waste collectors", MS, "waste-management-and-recycling", ["en", "sw"]),
    ("thomas.wagner", "expert_mission", "Asset management for water utilities", MS, "", ["de", "en"]),
]
# fmt: on

# The steps from draft to each open state, and who takes them.
WAY = [
    ("submit", S.SUBMITTED),
    ("start_review", S.ELIGIBILITY_REVIEW),
    ("accept", S.ACCEPTED),
    ("start_framing", S.FRAMING),
    ("start_matching", S.MATCHING),
    ("confirm_peers", S.PEERS_CONFIRMED),
    ("start_agreement", S.AGREEMENT),
    ("start_missions", S.MISSIONS),
    ("start_report", S.REPORT),
    ("file_report", S.FOLLOW_UP),
]
ORDER = [state for _action, state in WAY]


def _user(key: str):
    return get_user_model().objects.filter(email=f"demo.{key}@example.org").first()


def _staff_of(organisation: Organisation):
    return (
        get_user_model()
        .objects.filter(
            affiliations__organisation=organisation,
            affiliations__status="verified",
            is_active=True,
        )
        .order_by("pk")
        .first()
    )


def _coordinator_for(organisation: Organisation):
    user = coordinators_covering(region=organisation.region).first()
    return user or get_user_model().objects.filter(is_superuser=True).first()


def _taxonomy(cluster_slug: str, field_slug: str):
    cluster = Cluster.objects.filter(
        slug=cluster_slug, locale__language_code="en"
    ).first()
    field_row = (
        FieldOfAction.objects.filter(
            slug=field_slug, locale__language_code="en"
        ).first()
        if field_slug
        else None
    )
    return cluster, field_row


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def seed_closed(log) -> int:
    created = 0
    for case in CLOSED:
        city = (
            Organisation.objects.filter(slug=case.city).select_related("region").first()
        )
        if (
            city is None
            or PeerExchange.objects.filter(title=case.title, organisation=city).exists()
        ):
            continue
        cluster, field_row = _taxonomy(case.cluster, case.field_slug)
        manager = _coordinator_for(city)
        started = case.mission_on - timedelta(days=120)
        reported = case.mission_on + timedelta(days=30)
        exchange = PeerExchange.objects.create(
            title=case.title,
            organisation=city,
            created_by=_staff_of(city),
            challenge=case.findings,
            cluster=cluster,
            field_of_action=field_row,
            formats=[case.mission],
            languages=case.languages,
            state=S.CLOSED,
            state_changed_at=_at(reported + timedelta(days=370)),
            case_manager=manager,
            guiding_questions=["What can we learn from peers who solved this?"],
            desired_change=case.findings,
            objectives="Learn from peers and prepare a project.",
            findings=case.findings,
            recommendations="Keep the exchange going and follow up.",
            report_filed_at=_at(reported),
            created_at=_at(started),
        )
        previous = ""
        for number, (action, state) in enumerate([("create", S.DRAFT), *WAY]):
            ExchangeLog.objects.create(
                exchange=exchange,
                action=action,
                from_state=previous,
                to_state=state,
                actor=manager if number > 1 else exchange.created_by,
                reason="Demo data",
                created_at=_at(started + timedelta(days=number * 10)),
            )
            previous = state
        ExchangeLog.objects.create(
            exchange=exchange,
            action="close",
            from_state=S.FOLLOW_UP,
            to_state=S.CLOSED,
            actor=manager,
            reason="Demo data: twelve-month follow-up done.",
            created_at=_at(reported + timedelta(days=370)),
        )
        for slug in case.peers:
            peer_city = Organisation.objects.filter(slug=slug).first()
            peer = _staff_of(peer_city) if peer_city else None
            if peer is not None and peer != exchange.created_by:
                ExchangeCandidate.objects.get_or_create(
                    exchange=exchange,
                    user=peer,
                    defaults={
                        "state": CandidateState.OPTED_IN,
                        "invited_at": _at(started + timedelta(days=40)),
                        "responded_at": _at(started + timedelta(days=45)),
                    },
                )
        ExchangeMission.objects.create(
            exchange=exchange,
            kind=case.mission,
            title=case.mission_title,
            starts_on=case.mission_on,
            place="",
        )
        ExchangeActionItem.objects.create(
            exchange=exchange,
            description="Prepare the project concept",
            owner=f"{city.name}, planning department",
            due_on=reported + timedelta(days=90),
            done=True,
        )
        halfway = "aware" if case.adoption == "aware" else "adapting"
        for month, adoption in ((3, "aware"), (6, halfway), (12, case.adoption)):
            ExchangeCheckpoint.objects.create(
                exchange=exchange,
                month=month,
                what_changed="Demo data: " + case.findings,
                adoption=adoption,
                project_stage=case.stage,
                recorded_by=manager,
                recorded_at=_at(reported + timedelta(days=month * 30)),
            )
        created += 1
    return created


def _walk(exchange: PeerExchange, target: str, requester, manager) -> PeerExchange:
    """Take the services' steps from draft to ``target`` (preconditions met on the
    way: framing, a peer who opted in, objectives, a mission, the report)."""
    if target == S.DRAFT:
        return exchange
    if target in (S.NEEDS_REVISION, S.NOT_ELIGIBLE):
        exchange = services.exchange_submit(exchange=exchange, actor=requester)
        exchange = services.exchange_start_review(exchange=exchange, actor=manager)
        action = "request_revision" if target == S.NEEDS_REVISION else "reject"
        return services.exchange_transition(
            exchange=exchange,
            action=action,
            actor=manager,
            reason="Demo data: please say which districts the request covers."
            if target == S.NEEDS_REVISION
            else "Demo data: stadiums are outside the programme's themes.",
        )
    for action, state in WAY:
        if ORDER.index(state) >= ORDER.index(S.MATCHING) and not (
            exchange.guiding_questions
        ):
            exchange = services.exchange_frame(
                exchange=exchange,
                actor=manager,
                guiding_questions=["How did peers solve it?", "What did it cost?"],
                desired_change="A project concept the council can adopt.",
            )
        if state == S.PEERS_CONFIRMED:
            _invite_and_opt_in(exchange, manager)
        if state == S.MISSIONS:
            services.exchange_agreement_save(
                exchange=exchange,
                actor=manager,
                objectives="Learn from peers and prepare a project concept.",
                costs="The programme pays travel and interpretation.",
            )
        if state == S.REPORT:
            services.mission_schedule(
                exchange=exchange,
                actor=manager,
                kind="online_consultation",
                title="Online consultation with the peers",
                starts_on=timezone.localdate() - timedelta(days=20),
            )
        if state == S.FOLLOW_UP:
            services.exchange_report_save(
                exchange=exchange,
                actor=manager,
                findings="Demo data: the peers' approach fits with small changes.",
                action_items=[
                    {
                        "description": "Draft the project concept",
                        "owner": "Planning department",
                        "due_on": timezone.localdate() + timedelta(days=60),
                    }
                ],
            )
        actor = requester if action == "submit" else manager
        exchange = services.exchange_transition(
            exchange=exchange, action=action, actor=actor
        )
        if state == target:
            break
    return exchange


def _peers_for(exchange: PeerExchange) -> list:
    return [
        s.candidate for s in suggest_people(exchange, viewer=exchange.case_manager)
    ][:2]


def _invite_and_opt_in(exchange: PeerExchange, manager) -> None:
    peers = _peers_for(exchange)
    if not peers:
        peers = list(
            get_user_model()
            .objects.filter(email__startswith="demo.", affiliations__status="verified")
            .exclude(affiliations__organisation=exchange.organisation)
            .order_by("pk")[:1]
        )
    for candidate in services.exchange_invite(
        exchange=exchange, actor=manager, users=peers
    ):
        services.candidate_respond(
            candidate=candidate, user=candidate.user, opt_in=True
        )


def seed_open(log) -> int:
    created = 0
    for state, slug, title, cluster_slug, field_slug in OPEN:
        city = Organisation.objects.filter(slug=slug).select_related("region").first()
        if (
            city is None
            or PeerExchange.objects.filter(title=title, organisation=city).exists()
        ):
            continue
        requester = _staff_of(city)
        manager = _coordinator_for(city)
        if requester is None or manager is None:
            log(f"no verified staff or coordinator for {slug}: case skipped")
            continue
        cluster, field_row = _taxonomy(cluster_slug, field_slug)
        try:
            exchange = services.exchange_create(
                user=requester,
                organisation=city,
                title=title,
                challenge=f"Demo data: {title}. What worked elsewhere, and what did not?",
                cluster=cluster,
                field_of_action=field_row,
                formats=["study_visit", "online_consultation"],
                languages=["en"]
                + (["ar"] if city.region.slug == "middle-east-north-africa" else []),
                timeframe="Next year",
                show_to_members=state in (S.ACCEPTED, S.FRAMING, S.MATCHING),
                summary=f"{city.name} looks for peers: {title}.",
            )
        except services.ExchangeError as error:
            log(f"{slug}: {error}")
            continue
        if state == S.MATCHING and slug == "greater-amman-municipality":
            _walk_amman(exchange, requester, manager)
        else:
            _walk(exchange, state, requester, manager)
        created += 1
    return created


def _walk_amman(exchange: PeerExchange, requester, manager) -> None:
    """The journey's case: in matching, Munich's and Frankfurt's experts invited."""
    exchange = _walk(exchange, S.FRAMING, requester, manager)
    exchange = services.exchange_frame(
        exchange=exchange,
        actor=requester,
        guiding_questions=[
            "How do German cities plan new districts on undeveloped land?",
            "How can the city secure land before it is built over?",
        ],
        desired_change="A community land-use plan for Tareq adopted by the council.",
    )
    exchange = services.exchange_start_matching(exchange=exchange, actor=manager)
    experts = [
        user for user in (_user("julia.becker"), _user("markus.hoffmann")) if user
    ]
    if experts:
        services.exchange_invite(exchange=exchange, actor=manager, users=experts)


def seed_offers(log) -> int:
    created = 0
    for key, kind, topic, cluster_slug, field_slug, languages in OFFERS:
        user = _user(key)
        if (
            user is None
            or ExchangeOffer.objects.filter(user=user, topic=topic).exists()
        ):
            continue
        cluster, field_row = _taxonomy(cluster_slug, field_slug)
        try:
            services.offer_publish(
                user=user,
                kind=kind,
                topic=topic,
                cluster=cluster,
                field_of_action=field_row,
                languages=languages,
            )
        except services.ExchangeError as error:
            log(f"offer of {key}: {error}")
            continue
        created += 1
    return created


def seed(log) -> None:
    offers = seed_offers(log)
    closed = seed_closed(log)
    opened = seed_open(log)
    log(
        f"peer exchanges: {closed} closed and {opened} open cases added, "
        f"{offers} offers; {PeerExchange.objects.count()} cases in all"
    )
    deliver_demo_notifications(log)
