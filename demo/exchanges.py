"""Demo peer exchanges (``data/exchanges.yaml``): closed cases told from the
supported projects, open cases in every state, and offers from demo people. Running
it again changes nothing (cases are found by title and city, offers by topic).

Closed cases are history, written with their log rows and no notices; open cases
and offers go through the exchange services, so their logs and outbox read like the
real thing.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from community.models import Organisation, User
from community.permissions import coordinators_covering
from core.models import Cluster, FieldOfAction
from exchanges import services
from exchanges.matching import suggest_people
from exchanges.models import (
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

from .community import person_email
from .core import english
from .data import load

S = ExchangeState
# The steps from draft to each open state.
WAY = [(action, S(state)) for action, state in load("exchanges")["way"]]
ORDER = [state for _action, state in WAY]


def _user(key: str) -> User | None:
    return User.objects.filter(email=person_email(key)).first()


def _staff_of(slug: str) -> User | None:
    """The first verified member of staff of the organisation with ``slug``."""
    return (
        User.objects.filter(
            affiliations__organisation__slug=slug,
            affiliations__status="verified",
            is_active=True,
        )
        .order_by("pk")
        .first()
    )


def _coordinator_for(organisation: Organisation) -> User | None:
    user = coordinators_covering(region=organisation.region).first()
    return user or User.objects.filter(is_superuser=True).first()


def _theme(spec: dict) -> dict:
    """The English cluster and field of action a spec names."""
    return {
        "cluster": english(Cluster).get(spec["cluster"]),
        "field_of_action": english(FieldOfAction).get(spec.get("field_of_action")),
    }


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def _city(slug: str, title: str) -> Organisation | None:
    """The case's city, unless it is missing or the case exists already."""
    city = Organisation.objects.filter(slug=slug).select_related("region").first()
    if city and PeerExchange.objects.filter(title=title, organisation=city).exists():
        return None
    return city


def seed_closed(log) -> int:
    data = load("exchanges")
    texts = data["closed_texts"]
    created = 0
    for case in data["closed"]:
        city = _city(case["city"], case["title"])
        if city is None:
            continue
        mission = case["mission"]
        manager = _coordinator_for(city)
        started = mission["starts_on"] - timedelta(days=120)
        reported = mission["starts_on"] + timedelta(days=30)
        closed_at = _at(reported + timedelta(days=370))
        exchange = PeerExchange.objects.create(
            title=case["title"],
            organisation=city,
            created_by=_staff_of(city.slug),
            challenge=case["findings"],
            **_theme(case),
            formats=[mission["kind"]],
            languages=case["languages"],
            state=S.CLOSED,
            state_changed_at=closed_at,
            case_manager=manager,
            guiding_questions=texts["guiding_questions"],
            desired_change=case["findings"],
            objectives=texts["objectives"],
            findings=case["findings"],
            recommendations=texts["recommendations"],
            report_filed_at=_at(reported),
            created_at=_at(started),
        )
        path = [("create", S.DRAFT), *WAY, ("close", S.CLOSED)]
        for number, (action, state) in enumerate(path):
            closing = action == "close"
            ExchangeLog.objects.create(
                exchange=exchange,
                action=action,
                from_state=path[number - 1][1] if number else "",
                to_state=state,
                actor=manager if number > 1 else exchange.created_by,
                reason=texts["close_reason" if closing else "log_reason"],
                created_at=closed_at
                if closing
                else _at(started + timedelta(days=number * 10)),
            )
        for slug in case["peers"]:
            peer = _staff_of(slug)
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
        ExchangeMission.objects.create(exchange=exchange, place="", **mission)
        ExchangeActionItem.objects.create(
            exchange=exchange,
            description=texts["action_item"],
            owner=texts["action_owner"].format(city=city.name),
            due_on=reported + timedelta(days=90),
            done=True,
        )
        halfway = "aware" if case["adoption"] == "aware" else "adapting"
        for month, adoption in ((3, "aware"), (6, halfway), (12, case["adoption"])):
            ExchangeCheckpoint.objects.create(
                exchange=exchange,
                month=month,
                what_changed=texts["checkpoint"].format(findings=case["findings"]),
                adoption=adoption,
                project_stage=case["stage"],
                recorded_by=manager,
                recorded_at=_at(reported + timedelta(days=month * 30)),
            )
        created += 1
    return created


def _walk(exchange: PeerExchange, target: str, requester, manager) -> PeerExchange:
    """Take the services' steps from draft to ``target`` (preconditions met on the
    way: framing, a peer who opted in, objectives, a mission, the report)."""
    texts = load("exchanges")["open_texts"]
    if target == S.DRAFT:
        return exchange
    if target in (S.NEEDS_REVISION, S.NOT_ELIGIBLE):
        exchange = services.exchange_submit(exchange=exchange, actor=requester)
        exchange = services.exchange_start_review(exchange=exchange, actor=manager)
        revise = target == S.NEEDS_REVISION
        return services.exchange_transition(
            exchange=exchange,
            action="request_revision" if revise else "reject",
            actor=manager,
            reason=texts["revision_reason" if revise else "rejection_reason"],
        )
    today = timezone.localdate()
    for action, state in WAY:
        if ORDER.index(state) >= ORDER.index(S.MATCHING) and not (
            exchange.guiding_questions
        ):
            exchange = services.exchange_frame(
                exchange=exchange, actor=manager, **texts["framing"]
            )
        if state == S.PEERS_CONFIRMED:
            _invite_and_opt_in(exchange, manager)
        if state == S.MISSIONS:
            services.exchange_agreement_save(
                exchange=exchange, actor=manager, **texts["agreement"]
            )
        if state == S.REPORT:
            mission = dict(texts["mission"])
            starts_on = today + timedelta(days=mission.pop("starts_in_days"))
            services.mission_schedule(
                exchange=exchange, actor=manager, starts_on=starts_on, **mission
            )
        if state == S.FOLLOW_UP:
            item = dict(texts["action_item"])
            item["due_on"] = today + timedelta(days=item.pop("due_in_days"))
            services.exchange_report_save(
                exchange=exchange,
                actor=manager,
                findings=texts["findings"],
                action_items=[item],
            )
        actor = requester if action == "submit" else manager
        exchange = services.exchange_transition(
            exchange=exchange, action=action, actor=actor
        )
        if state == target:
            break
    return exchange


def _invite_and_opt_in(exchange: PeerExchange, manager) -> None:
    suggestions = suggest_people(exchange, viewer=exchange.case_manager)
    peers = [suggestion.candidate for suggestion in suggestions][:2]
    if not peers:
        peers = list(
            User.objects.filter(
                email__startswith="demo.", affiliations__status="verified"
            )
            .exclude(affiliations__organisation=exchange.organisation)
            .order_by("pk")[:1]
        )
    for candidate in services.exchange_invite(
        exchange=exchange, actor=manager, users=peers
    ):
        services.candidate_respond(
            candidate=candidate, user=candidate.user, opt_in=True
        )


def _walk_to_matching(exchange: PeerExchange, case: dict, requester, manager):
    """A case framed by its requester, in matching with its experts invited."""
    exchange = _walk(exchange, S.FRAMING, requester, manager)
    exchange = services.exchange_frame(
        exchange=exchange, actor=requester, **case["framing"]
    )
    exchange = services.exchange_start_matching(exchange=exchange, actor=manager)
    experts = [user for user in map(_user, case["experts"]) if user]
    if experts:
        services.exchange_invite(exchange=exchange, actor=manager, users=experts)


def seed_open(log) -> int:
    data = load("exchanges")
    texts = data["open_texts"]
    created = 0
    for case in data["open"]:
        city = _city(case["city"], case["title"])
        if city is None:
            continue
        requester, manager = _staff_of(city.slug), _coordinator_for(city)
        if requester is None or manager is None:
            log(f"no verified staff or coordinator for {case['city']}: case skipped")
            continue
        try:
            exchange = services.exchange_create(
                user=requester,
                organisation=city,
                title=case["title"],
                challenge=texts["challenge"].format(title=case["title"]),
                **_theme(case),
                formats=texts["formats"],
                languages=case["languages"],
                timeframe=texts["timeframe"],
                show_to_members=case.get("show_to_members", False),
                summary=texts["summary"].format(city=city.name, title=case["title"]),
            )
        except services.ExchangeError as error:
            log(f"{case['city']}: {error}")
            continue
        if "experts" in case:
            _walk_to_matching(exchange, case, requester, manager)
        else:
            _walk(exchange, case["state"], requester, manager)
        created += 1
    return created


def seed_offers(log) -> int:
    created = 0
    for offer in load("exchanges")["offers"]:
        key = offer.pop("person")
        user = _user(key)
        if (
            user is None
            or ExchangeOffer.objects.filter(user=user, topic=offer["topic"]).exists()
        ):
            continue
        try:
            services.offer_publish(
                user=user,
                kind=offer["kind"],
                topic=offer["topic"],
                languages=offer["languages"],
                **_theme(offer),
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
