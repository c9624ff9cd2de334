"""CSV import of organisations: validation, all-or-nothing writes, scope, admin flow."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.search.backends import get_search_backend

import pytest

from community.imports import IMPORT_REASON, organisations_import_csv
from community.models import (
    Membership,
    MembershipChange,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationName,
    Region,
    Role,
    RoleKind,
)
from community.services import NotAllowed
from core.models import Cluster
from tests.factories import UserFactory
from tests.knowledge_fixtures import world_fixtures

pytestmark = pytest.mark.django_db

HEADER = [
    "name",
    "kind",
    "country",
    "region",
    "population",
    "latitude",
    "longitude",
    "website",
    "official_languages",
    "email_domains",
    "name_de",
    "membership_status",
]
IMPORT_URL = "/admin/community/organisations/import/"


def city(number: int, prefix: str = "Test City", **overrides) -> dict[str, str]:
    """One valid row: a Jordanian member city in the MENA region."""
    row = {
        "name": f"{prefix} {number:04d}",
        "kind": "municipality",
        "country": "JO",
        "region": "middle-east-north-africa",
        "population": str(10_000 + number),
        "latitude": "31.953900",
        "longitude": "35.910600",
        "website": f"https://city{number}.example.org/",
        "official_languages": "ar; en",
        "email_domains": f"city{number}.gov.jo",
        "name_de": f"Teststadt {number:04d}",
        "membership_status": "active",
    }
    row.update(overrides)
    return row


def to_csv(rows: list[dict[str, str]], header: list[str] = HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def cities(count: int, prefix: str = "Test City") -> list[dict[str, str]]:
    return [city(number, prefix) for number in range(count)]


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English, whatever an earlier test activated."""
    with translation.override("en"):
        yield


def build_regions():
    from demo.community import seed_regions
    from tests.knowledge_fixtures import seed_site

    seed_site()
    seed_regions(log=lambda message: None)
    return {
        region.slug: region
        for region in Region.objects.filter(locale__language_code="en")
    }


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, regions = world_fixtures(build_regions, name="regions")


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def mena_coordinator(regions):
    user = UserFactory()
    Role.objects.create(
        user=user,
        kind=RoleKind.COORDINATOR,
        region=regions["middle-east-north-africa"],
    )
    return user


def written_rows() -> tuple[int, int, int, int]:
    return (
        Organisation.objects.count(),
        OrganisationName.objects.count(),
        Membership.objects.count(),
        MembershipChange.objects.count(),
    )


# --- Whole files ----------------------------------------------------------------------


def test_a_file_with_three_bad_rows_is_rejected_whole(regions, superuser):
    rows = cities(1000)
    rows[10]["kind"] = "village"
    rows[500]["latitude"] = "95.5"
    rows[900]["population"] = "many"

    result = organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    # Spreadsheet rows: the header is row 1, so list index i is row i + 2.
    assert [(error.row, error.column) for error in result.errors] == [
        (12, "kind"),
        (502, "latitude"),
        (902, "population"),
    ]
    assert "village" in result.errors[0].message
    assert result.rows_seen == 1000
    assert not result.written
    assert written_rows() == (0, 0, 0, 0)


def test_a_clean_file_imports_and_a_reimport_updates_instead_of_duplicating(
    regions, superuser
):
    rows = cities(1000)

    first = organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    assert first.ok and first.written
    assert (first.to_create, first.to_update) == (1000, 0)
    assert written_rows() == (1000, 1000, 1000, 1000)
    amman = Organisation.objects.with_names().get(slug="test-city-0007")
    assert amman.region == regions["middle-east-north-africa"]
    assert amman.country.code == "JO"
    assert amman.population == 10_007
    assert amman.official_languages == ["ar", "en"]
    assert amman.email_domains == ["city7.gov.jo"]
    assert amman.is_active_member
    assert amman.membership.active_since is not None
    assert {change.reason for change in MembershipChange.objects.all()} == {
        IMPORT_REASON
    }

    for row in rows[:300]:
        row["population"] = "500000"
    again = organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    assert again.ok and again.written
    assert (again.to_create, again.to_update, again.unchanged) == (0, 1000, 700)
    assert written_rows() == (1000, 1000, 1000, 1000)
    assert Organisation.objects.filter(population=500_000).count() == 300


def test_a_dry_run_writes_nothing_but_reports_the_plan(regions, superuser):
    result = organisations_import_csv(
        data=to_csv(cities(5)), actor=superuser, dry_run=True
    )

    assert result.ok and not result.written
    assert [(row.row, row.action) for row in result.rows] == [
        (2, "create"),
        (3, "create"),
        (4, "create"),
        (5, "create"),
        (6, "create"),
    ]
    assert written_rows() == (0, 0, 0, 0)


def test_reimport_changes_membership_and_german_name_with_history(regions, superuser):
    organisations_import_csv(data=to_csv(cities(2)), actor=superuser, dry_run=False)
    rows = [
        city(0, membership_status="suspended", name_de=""),
        city(1, name_de="Neue Teststadt"),
    ]

    result = organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    assert [row.changes for row in result.rows] == [
        ["name_de", "membership_status"],
        ["name_de"],
    ]
    first = Organisation.objects.with_names().get(slug="test-city-0000")
    assert first.membership.status == MembershipStatus.SUSPENDED
    change = first.membership.changes.first()
    assert (change.from_status, change.to_status, change.actor, change.reason) == (
        "active",
        "suspended",
        superuser,
        IMPORT_REASON,
    )
    assert not first.names.exists()
    assert OrganisationName.objects.get(organisation__slug="test-city-0001").name == (
        "Neue Teststadt"
    )


def test_labels_names_semicolons_and_a_byte_order_mark_are_understood(
    regions, superuser
):
    text = (
        "\ufeffName;Kind;Country;Region;name_de\n"
        "Munich;Municipality;Germany;Deutschland;München\n"
    )

    result = organisations_import_csv(
        data=text.encode("utf-8"), actor=superuser, dry_run=False
    )

    assert result.ok, result.errors
    munich = Organisation.objects.get(slug="munich")
    assert munich.kind == OrganisationKind.MUNICIPALITY
    assert munich.country.code == "DE"
    assert munich.region == regions["germany"]
    assert munich.names.get().name == "München"
    assert not Membership.objects.exists()


def test_imported_organisations_are_found_by_search(
    regions, superuser, django_capture_on_commit_callbacks
):
    rows = [city(0, name="Greater Irbid Municipality"), city(1, name="Zarqa")]

    with django_capture_on_commit_callbacks(execute=True):
        organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    found = get_search_backend().search("Irbid", Organisation)
    assert [organisation.slug for organisation in found] == [
        "greater-irbid-municipality"
    ]


# --- File-level errors ----------------------------------------------------------------


def test_latin1_file_gets_a_clear_encoding_error(regions, superuser):
    text = "name,kind,country,region\nMünchen,municipality,DE,germany\n"

    result = organisations_import_csv(
        data=text.encode("latin-1"), actor=superuser, dry_run=False
    )

    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.row, error.column) == (2, "")
    assert "Line 2 is not UTF-8" in error.message
    assert "Latin-1" in error.message
    assert "CSV UTF-8" in error.message
    assert written_rows() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("name,kind,country,region\n".encode("utf-16"), "UTF-16"),
        ("name,kind,country,region\n".encode("utf-16-le"), "UTF-16"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a CSV text file"),
    ],
)
def test_utf16_and_workbooks_get_a_clear_error(regions, superuser, data, words):
    result = organisations_import_csv(data=data, actor=superuser, dry_run=True)

    assert [(e.row, e.column) for e in result.errors] == [(1, "")]
    assert words in result.errors[0].message
    assert "CSV UTF-8" in result.errors[0].message


def test_missing_and_unknown_columns_are_named(regions, superuser):
    header = [column for column in HEADER if column != "region"] + ["mayor"]
    result = organisations_import_csv(
        data=to_csv(cities(3), header=header), actor=superuser, dry_run=False
    )

    assert [(e.row, e.column) for e in result.errors] == [(1, "mayor"), (1, "region")]
    assert "“mayor”" in result.errors[0].message
    assert "required column “region” is missing" in result.errors[1].message
    assert written_rows() == (0, 0, 0, 0)


def test_an_empty_file_is_an_error(regions, superuser):
    result = organisations_import_csv(data=b"", actor=superuser, dry_run=True)

    assert [(e.row, e.column) for e in result.errors] == [(1, "")]


# --- Row errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "column", "words"),
    [
        ({"kind": "village"}, "kind", "Unknown kind"),
        ({"region": "atlantis"}, "region", "Unknown region"),
        ({"country": "Narnia"}, "country", "Unknown country"),
        ({"latitude": "north"}, "latitude", "not a number"),
        ({"longitude": "-181"}, "longitude", "outside -180 to 180"),
        ({"longitude": ""}, "longitude", "both latitude and longitude"),
        ({"population": "1.5 million"}, "population", "whole number"),
        ({"website": "city.example.org"}, "website", "web address"),
        ({"email_domains": "not a domain"}, "email_domains", "e-mail domain"),
        ({"official_languages": "Arabic"}, "official_languages", "language code"),
        ({"membership_status": "maybe"}, "membership_status", "Unknown membership"),
        ({"name": ""}, "name", "required"),
        ({"name": "Line\nbreak City"}, "name", "fit on one line"),
        ({"name_de": "Stadt\r\nZeile"}, "name_de", "fit on one line"),
    ],
)
def test_row_errors_name_row_and_column(regions, superuser, overrides, column, words):
    rows = [city(0), city(1, **overrides)]

    result = organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    assert [(e.row, e.column) for e in result.errors] == [(3, column)]
    assert words in result.errors[0].message
    assert written_rows() == (0, 0, 0, 0)


def test_a_name_twice_in_the_file_is_an_error_naming_the_first_row(regions, superuser):
    rows = [city(0), city(1), city(2, name="TEST city 0000")]

    result = organisations_import_csv(data=to_csv(rows), actor=superuser, dry_run=False)

    assert [(e.row, e.column) for e in result.errors] == [(4, "name")]
    assert "Row 2" in result.errors[0].message
    assert written_rows() == (0, 0, 0, 0)


# --- Scope ----------------------------------------------------------------------------


def test_mena_coordinator_may_not_import_a_german_city(regions, mena_coordinator):
    rows = [
        city(0),
        city(1, name="Munich", country="DE", region="germany", name_de="München"),
    ]

    result = organisations_import_csv(
        data=to_csv(rows), actor=mena_coordinator, dry_run=False
    )

    assert [(e.row, e.column) for e in result.errors] == [(3, "region")]
    assert "outside your coordinator scope" in result.errors[0].message
    assert written_rows() == (0, 0, 0, 0)


def test_mena_coordinator_imports_into_their_region_but_cannot_move_a_city_out(
    regions, mena_coordinator, superuser
):
    result = organisations_import_csv(
        data=to_csv(cities(2)), actor=mena_coordinator, dry_run=False
    )
    assert result.written
    organisations_import_csv(
        data=to_csv([city(5, name="Berlin", country="DE", region="germany")]),
        actor=superuser,
        dry_run=False,
    )

    moved = organisations_import_csv(
        data=to_csv([city(0, country="DE", region="germany")]),
        actor=mena_coordinator,
        dry_run=False,
    )
    foreign = organisations_import_csv(
        data=to_csv([city(5, name="Berlin")]), actor=mena_coordinator, dry_run=False
    )

    assert [(e.row, e.column) for e in moved.errors] == [(2, "region")]
    assert [(e.row, e.column) for e in foreign.errors] == [(2, "region")]
    assert Organisation.objects.get(slug="test-city-0000").country.code == "JO"
    assert Organisation.objects.get(slug="berlin").country.code == "DE"


def test_people_without_a_region_or_country_scope_may_not_import(regions):
    cluster_coordinator = UserFactory()
    Role.objects.create(
        user=cluster_coordinator,
        kind=RoleKind.COORDINATOR,
        cluster=Cluster.objects.filter(locale__language_code="en").first(),
    )

    for person in (UserFactory(), cluster_coordinator):
        with pytest.raises(NotAllowed):
            organisations_import_csv(data=to_csv(cities(1)), actor=person, dry_run=True)
    assert written_rows() == (0, 0, 0, 0)


# --- Query budget ---------------------------------------------------------------------


def _queries(data: bytes, actor) -> int:
    with CaptureQueriesContext(connection) as context:
        result = organisations_import_csv(data=data, actor=actor, dry_run=False)
    assert result.written
    return len(context.captured_queries)


def test_import_query_count_does_not_grow_with_rows(
    regions, superuser, django_assert_num_queries
):
    """An import costs a fixed number of queries whatever its length.

    New rows: savepoint, regions, existing organisations (none, so their names and
    memberships are not asked for), then one bulk insert each for organisations,
    German names, memberships and membership history, and the savepoint release:
    8. Changed rows: savepoint, regions, organisations, their German names, their
    memberships, one upsert of the changed organisations, release: 7. The search
    index is updated after commit, in bulk, outside this budget.
    """
    ten_new = _queries(to_csv(cities(10, "Ten")), superuser)
    assert ten_new == 8
    with django_assert_num_queries(ten_new):
        organisations_import_csv(
            data=to_csv(cities(100, "Hundred")), actor=superuser, dry_run=False
        )

    changed_ten = [city(n, "Ten", population="1") for n in range(10)]
    ten_updated = _queries(to_csv(changed_ten), superuser)
    assert ten_updated == 7
    changed_hundred = [city(n, "Hundred", population="1") for n in range(100)]
    with django_assert_num_queries(ten_updated):
        organisations_import_csv(
            data=to_csv(changed_hundred), actor=superuser, dry_run=False
        )
    assert Organisation.objects.count() == 110


# --- Admin screen ---------------------------------------------------------------------


def _upload(client, data: bytes, name: str = "cities.csv"):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(IMPORT_URL, {"file": upload})


def test_admin_upload_preview_import_flow(client, regions, superuser):
    client.force_login(superuser)
    assert client.get(IMPORT_URL).status_code == 200

    preview = _upload(client, to_csv(cities(3)))

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Test City 0001" in page
    assert "Create" in page
    assert written_rows() == (0, 0, 0, 0)
    token = preview.context["confirm_form"].initial["token"]

    done = client.post(IMPORT_URL, {"token": token}, follow=True)

    assert done.redirect_chain == [(IMPORT_URL, 302)]
    assert "Organisations created: 3; updated: 0" in done.content.decode()
    assert written_rows() == (3, 3, 3, 3)
    # The token is spent: a second press imports nothing and says why.
    again = client.post(IMPORT_URL, {"token": token}, follow=True)
    assert "expired" in again.content.decode()
    assert written_rows() == (3, 3, 3, 3)


def test_admin_preview_lists_errors_and_offers_no_import(client, regions, superuser):
    client.force_login(superuser)
    rows = cities(3)
    rows[1]["website"] = "not a url"

    preview = _upload(client, to_csv(rows))

    assert preview.status_code == 200
    assert preview.context["confirm_form"] is None
    page = preview.content.decode()
    assert "Nothing was imported" in page
    assert "<code>website</code>" in page
    assert written_rows() == (0, 0, 0, 0)


def test_admin_refuses_a_tampered_token(client, regions, superuser):
    client.force_login(superuser)
    response = client.post(IMPORT_URL, {"token": "forged"}, follow=True)

    assert "expired" in response.content.decode()
    assert written_rows() == (0, 0, 0, 0)


def test_admin_rejects_files_that_are_not_csv(client, regions, superuser):
    client.force_login(superuser)
    response = _upload(client, b"%PDF-1.4", name="cities.pdf")

    assert response.status_code == 400
    assert "Please upload a .csv file." in response.content.decode()


def test_admin_import_is_for_coordinators_with_a_region_scope(
    client, regions, mena_coordinator
):
    from django.contrib.auth.models import Group

    cluster_coordinator = UserFactory()
    Role.objects.create(
        user=cluster_coordinator,
        kind=RoleKind.COORDINATOR,
        cluster=Cluster.objects.filter(locale__language_code="en").first(),
    )
    coordinators = Group.objects.get(name="Coordinators")
    coordinators.user_set.add(mena_coordinator, cluster_coordinator)

    client.force_login(mena_coordinator)
    assert client.get(IMPORT_URL).status_code == 200
    assert "Import organisations" in client.get("/admin/").content.decode()
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    client.force_login(cluster_coordinator)
    refused = client.get(IMPORT_URL)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert IMPORT_URL not in client.get("/admin/").content.decode()
    # Without admin access at all: the page that says so.
    client.force_login(UserFactory())
    assert client.get(IMPORT_URL).status_code == 403
