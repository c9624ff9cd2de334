"""A person's data: download it, delete the account, and what stays behind."""

import json

from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.utils import timezone

from wagtail import hooks
from wagtail.users.models import UserProfile

import pytest
from allauth.account.models import EmailAddress

from community import services
from community.models import (
    Affiliation,
    AffiliationEvent,
    Membership,
    MembershipChange,
    Role,
    User,
)
from core.models import Cluster, FieldOfAction
from tests.factories import (
    PASSWORD,
    AffiliationFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EXPORT_URL = "/en/profile/export/"
DELETE_URL = "/en/profile/delete/"


@pytest.fixture
def person(db):
    """A practitioner with a full profile, a second address and a history."""
    from tests.knowledge_fixtures import seed_site

    seed_site()
    user = UserFactory(
        email="lina@example.org",
        first_name="Lina",
        last_name="Khoury",
        organisation_name="Greater Amman Municipality",
        job_title="Urban planner",
        languages=["ar", "en"],
        preferred_language="de",
        bio="I plan public spaces.",
        offers=["host_study_visit"],
        seeks="Financing green roofs.",
        visibility={"bio": "public"},
    )
    user.expertise_clusters.add(Cluster.objects.filter(locale__language_code="en")[0])
    user.expertise_fields.add(
        FieldOfAction.objects.filter(locale__language_code="en")[0]
    )
    EmailAddress.objects.create(user=user, email="lina@amman.gov.jo", verified=False)
    reviewer = UserFactory(
        email="reviewer@example.org", first_name="Rania", last_name="Saleh"
    )
    amman = OrganisationFactory(name="Greater Amman Municipality", slug="amman")
    irbid = OrganisationFactory(name="Irbid", slug="irbid")
    Role.objects.create(user=reviewer, kind="focal_point", organisation=amman)
    verified = services.affiliation_claim(
        user=user,
        organisation=amman,
        evidence="Staff page of the planning department.",
        job_title="Urban planner",
        work_email="lina@amman.gov.jo",
    )
    services.affiliation_verify(
        affiliation=verified, actor=reviewer, reason="Confirmed by phone."
    )
    pending = services.affiliation_claim(
        user=user, organisation=irbid, evidence="Seconded to Irbid."
    )
    Role.objects.create(user=user, kind="focal_point", organisation=irbid)
    # Lina, a focal point of Irbid, changed its membership; Rania applied for hers.
    membership = Membership.objects.create(organisation=irbid)
    MembershipChange.objects.create(
        membership=membership, from_status="applied", to_status="active", actor=user
    )
    MembershipChange.objects.create(
        membership=membership, from_status="", to_status="applied", actor=reviewer
    )
    # Someone else's claim that Lina decided on as a reviewer.
    other = AffiliationFactory(organisation=irbid, user__email="omar@example.org")
    AffiliationEvent.objects.create(affiliation=other, action="verified", actor=user)
    return {
        "user": user,
        "reviewer": reviewer,
        "verified": verified,
        "pending": pending,
        "other": other,
        "membership": membership,
    }


# --- Download my data ----------------------------------------------------------------


def test_export_requires_sign_in(client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_export_is_a_dated_json_attachment_with_the_history(client, person):
    user = person["user"]
    client.force_login(user)
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="connective-cities-data-{today}.json"'
    )
    data = json.loads(response.content)
    assert data["account"]["email"] == "lina@example.org"
    assert data["account"]["first_name"] == "Lina"
    assert data["profile"]["bio"] == "I plan public spaces."
    assert data["profile"]["languages"] == ["ar", "en"]
    assert data["profile"]["visibility"]["bio"] == "public"
    assert data["profile"]["visibility"]["seeks"] == "members"
    assert len(data["profile"]["expertise_clusters"]) == 1
    assert {a["email"] for a in data["email_addresses"]} == {
        "lina@example.org",
        "lina@amman.gov.jo",
    }
    by_organisation = {a["organisation"]: a for a in data["affiliations"]}
    amman = by_organisation["Greater Amman Municipality"]
    assert amman["status"] == "verified"
    assert amman["evidence"] == "Staff page of the planning department."
    assert [(e["action"], e["by"], e["reason"]) for e in amman["history"]] == [
        ("claimed", "you", ""),
        ("verified", "a reviewer", "Confirmed by phone."),
    ]
    assert by_organisation["Irbid"]["status"] == "claimed"
    assert data["roles"] == [
        {
            "role": "focal_point",
            "scope": "Irbid",
            "valid_from": timezone.localdate().isoformat(),
            "valid_until": None,
        }
    ]
    assert [(c["from"], c["to"]) for c in data["membership_changes_made"]] == [
        ("applied", "active")
    ]


def test_export_holds_no_other_persons_data(client, person):
    client.force_login(person["user"])
    raw = client.get(EXPORT_URL).content.decode()
    for foreign in ("reviewer@example.org", "Rania", "Saleh", "omar@example.org"):
        assert foreign not in raw
    assert str(person["reviewer"].pk) not in json.loads(raw)["account"].values()


def test_apps_add_their_rows_through_the_hook(client, person):
    def library_data(*, user):
        return {"library": [{"loan": "Urban Land Atlas", "person": user.email}]}

    client.force_login(person["user"])
    with hooks.register_temporarily(services.PERSONAL_DATA_HOOK, library_data):
        data = json.loads(client.get(EXPORT_URL).content)
    assert data["library"] == [
        {"loan": "Urban Land Atlas", "person": "lina@example.org"}
    ]
    # The real apps add theirs, each under its own label.
    assert {"events", "practices", "notifications"} <= set(data)


def test_a_hook_cannot_overwrite_the_community_sections(person):
    def greedy(*, user):
        return {"account": {"email": "forged@example.org"}}

    with hooks.register_temporarily(services.PERSONAL_DATA_HOOK, greedy):
        data = services.user_export_data(user=person["user"])
    assert data["account"]["email"] == "lina@example.org"


# --- Delete my account ---------------------------------------------------------------


def test_delete_requires_sign_in(client):
    response = client.get(DELETE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_delete_page_asks_for_the_email_address(client, person):
    client.force_login(person["user"])
    page = client.get(DELETE_URL).content.decode()
    assert 'name="email"' in page
    assert "Type your e-mail address to confirm" in page


@pytest.mark.parametrize("typed", ["", "someone@example.org", "lina@example"])
def test_delete_with_the_wrong_address_changes_nothing(client, person, typed):
    user = person["user"]
    client.force_login(user)
    response = client.post(DELETE_URL, {"email": typed})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    user.refresh_from_db()
    assert user.is_active
    assert user.email == "lina@example.org"
    assert EmailAddress.objects.filter(user=user).count() == 2
    assert client.get("/en/profile/").status_code == 200


def test_delete_pseudonymises_the_account_and_signs_out(client, person):
    user = person["user"]
    date_joined = user.date_joined
    client.force_login(user)
    other_device = type(client)()
    other_device.force_login(user)
    UserProfile.objects.create(user=user, preferred_language="de")

    response = client.post(DELETE_URL, {"email": "LINA@example.org "})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Your account has been deleted."
    ]
    assert SESSION_KEY not in client.session
    followed = client.get("/en/profile/")
    assert followed.status_code == 302

    user.refresh_from_db()
    # Every column of the user row, one by one.
    assert user.username == f"deleted-{user.pk}"
    assert user.email == f"deleted-{user.pk}@invalid"
    assert user.first_name == "Deleted user"
    assert user.last_name == ""
    assert user.get_full_name() == "Deleted user"
    assert not user.has_usable_password()
    assert user.last_login is None
    assert user.date_joined == date_joined
    assert not user.is_active
    assert not user.is_staff
    assert not user.is_superuser
    assert user.is_pseudonymised
    assert user.organisation_name == ""
    assert user.job_title == ""
    assert user.languages == []
    assert user.preferred_language == "en"
    assert user.bio == ""
    assert user.offers == []
    assert user.seeks == ""
    assert user.visibility == {}
    assert user.onboarded_at is None
    checked = {
        "id", "password", "last_login", "is_superuser", "username", "first_name",
        "last_name", "email", "is_staff", "is_active", "date_joined",
        "organisation_name", "job_title", "languages", "preferred_language", "bio",
        "offers", "seeks", "visibility", "is_pseudonymised", "onboarded_at",
    }  # fmt: skip
    assert {f.name for f in User._meta.concrete_fields} == checked, (
        "A new user column: check that deletion clears it and add it here."
    )
    assert not user.expertise_clusters.exists()
    assert not user.expertise_fields.exists()
    assert not user.groups.exists()

    # Everything else that was personal is gone.
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(email__icontains="lina").exists()
    assert not Role.objects.filter(user=user).exists()
    assert not UserProfile.objects.filter(user=user).exists()
    assert not Affiliation.objects.filter(pk=person["pending"].pk).exists()
    for session in Session.objects.all():
        assert session.get_decoded().get(SESSION_KEY) != str(user.pk)
    assert other_device.get("/en/profile/").status_code == 302

    # The programme keeps the decided affiliation, without the person's own words.
    verified = Affiliation.objects.get(pk=person["verified"].pk)
    assert verified.user == user
    assert verified.status == "withdrawn"
    assert verified.evidence == ""
    assert verified.work_email == ""
    assert verified.job_title == ""
    assert verified.decided_by == person["reviewer"]
    assert verified.reason == "Confirmed by phone."
    assert list(verified.events.values_list("action", "actor")) == [
        ("claimed", user.pk),
        ("verified", person["reviewer"].pk),
        ("withdrawn", user.pk),
    ]
    # What the person did to other people's records points at the placeholder.
    assert AffiliationEvent.objects.get(affiliation=person["other"]).actor == user
    assert MembershipChange.objects.filter(actor=user).count() == 1
    # Other people are untouched.
    person["reviewer"].refresh_from_db()
    assert person["reviewer"].email == "reviewer@example.org"
    assert person["reviewer"].is_active
    assert Role.objects.filter(user=person["reviewer"]).exists()


def test_a_deleted_account_cannot_sign_in(client, person):
    user = person["user"]
    services.user_delete(user=user)
    assert not client.login(email="lina@example.org", password=PASSWORD)
    assert not client.login(username=user.username, password=PASSWORD)
    response = client.post(
        "/en/accounts/login/", {"login": "lina@example.org", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert client.get("/en/profile/").status_code == 302


def test_apps_pseudonymise_their_rows_through_the_hook(person):
    seen = []

    def events_deleted(*, user, former):
        seen.append((user.pk, user.email, user.is_pseudonymised, former))

    EmailAddress.objects.create(
        user=person["user"], email="Lina.Khoury@Example.net", verified=True
    )
    with hooks.register_temporarily(services.USER_DELETED_HOOK, events_deleted):
        services.user_delete(user=person["user"])
    pk = person["user"].pk
    # The unverified address is not known to be hers: apps never hear of it.
    former = services.FormerIdentity(
        name="Lina Khoury",
        emails=frozenset({"lina@example.org", "lina.khoury@example.net"}),
    )
    assert seen == [(pk, f"deleted-{pk}@invalid", True, former)]


def test_a_failing_hook_rolls_the_whole_deletion_back(person):
    def broken(*, user, former):
        raise RuntimeError("events app is broken")

    user = person["user"]
    with (
        hooks.register_temporarily(services.USER_DELETED_HOOK, broken),
        pytest.raises(RuntimeError),
    ):
        services.user_delete(user=user)
    user.refresh_from_db()
    assert user.email == "lina@example.org"
    assert user.is_active
    assert user.bio == "I plan public spaces."
    assert EmailAddress.objects.filter(user=user).count() == 2
    assert Affiliation.objects.filter(user=user).count() == 2
    assert Role.objects.filter(user=user).exists()


def test_an_account_is_deleted_only_once(person):
    services.user_delete(user=person["user"])
    with pytest.raises(services.CommunityError, match="already been deleted"):
        services.user_delete(user=person["user"])


def test_the_last_administrator_cannot_delete_their_account(client):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(DELETE_URL, {"email": "admin@example.org"})
    assert response.status_code == 200
    assert "only administrator" in " ".join(response.context["form"].non_field_errors())
    admin.refresh_from_db()
    assert admin.is_active
    assert admin.email == "admin@example.org"

    UserFactory(is_superuser=True, is_staff=True)
    services.user_delete(user=admin)
    admin.refresh_from_db()
    assert admin.is_pseudonymised
    assert not admin.is_superuser
