"""Demo content of the community app (``data/community.yaml``): regions,
organisations and their memberships, region coordinators, demo practitioners with
their affiliations, and the network directory page. Memberships and affiliations
change through ``community.services``, so their histories read like real use."""

import functools
import os

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from allauth.account.models import EmailAddress

from community import services
from community.models import (
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    AffiliationStatus,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationName,
    Region,
    Role,
    RoleKind,
    User,
    Visibility,
)
from community.pages import NetworkIndexPage
from conversations import services as conversations
from conversations.models import Conversation
from core.models import Cluster, HomePage

from .core import (
    english,
    english_page,
    index_page,
    quiet,
    seed_admin,
    translations,
    upsert_translated,
)
from .data import load

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "connective-demo")
ACTIVE = MembershipStatus.ACTIVE
APPLIED = MembershipStatus.APPLIED
ORGANISATION_DEFAULTS = load("community")["organisation_defaults"]


def organisations(slugs: set[str], log) -> dict[str, Organisation]:
    """The organisations named by ``slugs``; those missing are logged, not linked."""
    found = Organisation.objects.in_bulk(slugs, field_name="slug")
    if missing := slugs - set(found):
        log(f"organisations not found, not linked: {', '.join(sorted(missing))}")
    return found


def seed_regions(log) -> None:
    for order, region in enumerate(load("community")["regions"]):
        upsert_translated(
            Region,
            region,
            {"slug": region["slug"]},
            is_focus=region["is_focus"],
            sort_order=order,
        )
    log(f"{Region.objects.count()} regions")


def seed_organisations(log) -> None:
    """Upsert every demo organisation (keyed by slug), its names in other
    languages and its membership; status changes go through the membership
    service."""
    data = load("community")
    regions = english(Region)
    admin = seed_admin(log=quiet)
    by_slug: dict[str, Organisation] = {}
    # Parents first: they are listed before their children.
    for spec in data["organisations"]:
        slug = spec.pop("slug")
        names = translations(spec)
        for language, _values in names:
            del spec[language]
        membership = spec.pop("membership")
        fields = {**ORGANISATION_DEFAULTS, **spec}
        fields["region"] = regions[fields["region"]]
        fields["parent"] = by_slug.get(fields["parent"]) if fields["parent"] else None
        organisation, _created = Organisation.objects.update_or_create(
            slug=slug, defaults=fields
        )
        by_slug[slug] = organisation
        for language, values in names:
            OrganisationName.objects.update_or_create(
                organisation=organisation,
                language=language,
                defaults={"description": "", **values},
            )
        if membership:
            since = data["member_since"][spec["region"]]
            _seed_membership(organisation, membership, since, admin, data)
    members = Membership.objects.filter(status=ACTIVE).count()
    log(f"{Organisation.objects.count()} organisations, {members} active members")


def _seed_membership(organisation, target: str, since, admin, data) -> None:
    """Walk the membership to its demo status (applied → active → suspended), one
    service call per step, so the history reads like the real thing."""
    membership = Membership.objects.filter(organisation=organisation).first()
    status = membership.status if membership else None
    steps = []
    if status is None:
        steps.append(APPLIED)
        status = APPLIED
    if status == APPLIED and target != APPLIED:
        steps.append(ACTIVE)
        status = ACTIVE
    if status != target:
        steps.append(target)
    reasons = data["membership_reasons"]
    for step in steps:
        services.membership_set_status(
            organisation=organisation,
            status=step,
            actor=admin,
            reason=reasons.get(str(step), reasons["default"]),
        )
    # Realistic dates instead of today's, so profiles say "member since 2017".
    Membership.objects.filter(organisation=organisation).update(
        applied_on=since, active_since=since if target != APPLIED else None
    )


@functools.cache
def _demo_password_hash() -> str:
    return make_password(DEMO_PASSWORD)


def demo_user(email: str, first_name: str, last_name: str, **fields) -> User:
    user, created = User.objects.update_or_create(
        email=email,
        defaults={
            "username": email.split("@")[0],
            "first_name": f"Demo – {first_name}",
            "last_name": last_name,
            **fields,
        },
    )
    if created or not user.has_usable_password():
        # One hash for every demo account: hashing is deliberately slow.
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def person_email(key: str) -> str:
    return f"demo.{key}@example.org"


def seed_coordinators(log) -> dict[str, User]:
    """Region coordinators who can sign in to the admin and verify claims."""
    spec = load("community")["coordinators"]
    regions = english(Region)
    group, _created = Group.objects.get_or_create(name=spec["group"])
    coordinators = {}
    for person in spec["people"]:
        region = person.pop("region")
        user = demo_user(**person, is_staff=True)
        user.groups.add(group)
        Role.objects.get_or_create(
            user=user,
            kind=RoleKind.COORDINATOR,
            region=regions[region],
            defaults={"valid_from": spec["valid_from"]},
        )
        coordinators[region] = user
    log(f"{len(coordinators)} region coordinators")
    return coordinators


def coordinator(region_slug: str) -> User:
    """Who takes organisers' decisions in a region: its demo coordinator, or the
    demo admin where the region has none."""
    emails = {
        person["region"]: person["email"]
        for person in load("community")["coordinators"]["people"]
    }
    user = User.objects.filter(email=emails.get(region_slug, "")).first()
    return user or seed_admin(log=quiet)


def seed_people(log, coordinators: dict[str, User]) -> None:
    """Demo practitioners with claimed or verified affiliations."""
    spec = load("community")["people"]
    admin = seed_admin(log=quiet)
    clusters = english(Cluster)
    public = dict.fromkeys(PROFILE_VISIBILITY_FIELDS, Visibility.PUBLIC)
    for person in spec["people"]:
        organisation = Organisation.objects.select_related("region").get(
            slug=person["organisation"]
        )
        job = person["job_title"]
        user = demo_user(
            person_email(person["key"]),
            person["first_name"],
            person["last_name"],
            job_title=job,
            organisation_name=organisation.name,
            languages=person["languages"],
            bio=spec["bio"].format(organisation=organisation.name, job=job.lower()),
            visibility=public if person["public"] else {},
        )
        if person.get("expertise") in clusters:
            user.expertise_clusters.set([clusters[person["expertise"]]])
        affiliation = Affiliation.objects.filter(
            user=user,
            organisation=organisation,
            status__in=[AffiliationStatus.CLAIMED, AffiliationStatus.VERIFIED],
        ).first()
        if affiliation is None:
            affiliation = services.affiliation_claim(
                user=user,
                organisation=organisation,
                evidence=spec["evidence"],
                job_title=job,
            )
        reviewer = coordinators.get(organisation.region.slug, admin)
        if person["verified"] and affiliation.status == AffiliationStatus.CLAIMED:
            services.affiliation_verify(affiliation=affiliation, actor=reviewer)
        elif person["verified"] and not affiliation.is_current:
            services.affiliation_renew(affiliation=affiliation, actor=reviewer)
    log(f"{len(spec['people'])} demo people")


def person(key: str) -> tuple[User, Organisation, str]:
    """A demo practitioner by key: the user, their organisation and job title."""
    people = load("community")["people"]["people"]
    spec = next(spec for spec in people if spec["key"] == key)
    organisation = Organisation.objects.get(slug=spec["organisation"])
    user = User.objects.get(email=person_email(key))
    return user, organisation, spec["job_title"]


def seed_network_page(log) -> None:
    """The directory page under the home page, in every language the data gives."""
    home = english_page(HomePage)
    if home is None:
        log("no home page yet: network page skipped")
        return
    spec = load("community")["network_page"]
    index_page(NetworkIndexPage, home, spec, log, "network page")


def seed_conversations(log) -> None:
    """Conversations of demo people (``data/conversations.yaml``), made once."""
    for spec in load("conversations")["conversations"]:
        if Conversation.objects.filter(subject=spec["subject"]).exists():
            continue
        pair = [User.objects.get(email=person_email(spec[k])) for k in ("from", "with")]
        first, *replies = spec["messages"]
        talk = conversations.conversation_start(
            sender=pair[0], recipient=pair[1], subject=spec["subject"], body=first
        )
        for turn, body in enumerate(replies, start=1):
            last = conversations.message_send(
                conversation=talk, sender=pair[turn % 2], body=body
            )
        if reason := spec.get("report"):
            reporter = pair[len(replies) % 2 - 1]
            conversations.message_report(message=last, reporter=reporter, reason=reason)


def seed(log) -> None:
    seed_regions(log)
    seed_organisations(log)
    coordinators = seed_coordinators(log)
    seed_people(log, coordinators)
    seed_network_page(log)
    seed_conversations(log)
