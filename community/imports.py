"""CSV import of organisations (member cities, associations, partners).

Coordinators keep their region's member cities in a spreadsheet; this turns one CSV
export of it into organisations, German names and memberships. The first row names
the columns, in any order:

``name, kind, country, region`` (required) and ``population, latitude, longitude,
website, official_languages, email_domains, name_de, membership_status`` (optional;
a column that is left out is left alone, an empty cell empties the field).

Kind, region and membership status are given by their code or English label, the
country by ISO code or English name; languages and e-mail domains are separated by
``;``. Rows are matched to existing organisations by ``slugify(name)``, so importing
the same file twice updates instead of duplicating.

The import is all-or-nothing: every row is checked first (values, duplicates inside
the file, the actor's scope from ``community.permissions``), and only a file without
a single error is written, in one transaction with a handful of bulk queries.
Row numbers are spreadsheet rows: the header is row 1, the first organisation row 2.
"""

import codecs
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.search.backends import get_search_backends

from django_countries import countries

from core.validators import validate_single_line_name

from . import permissions
from .models import (
    Membership,
    MembershipChange,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationName,
    Region,
    User,
)
from .services import CommunityError, NotAllowed

REQUIRED_COLUMNS = ("name", "kind", "country", "region")
OPTIONAL_COLUMNS = (
    "population",
    "latitude",
    "longitude",
    "website",
    "official_languages",
    "email_domains",
    "name_de",
    "membership_status",
)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
# Written into the membership history, like a reason a coordinator types.
IMPORT_REASON = "CSV import"
# A bound on one transaction; larger lists are imported in parts.
MAX_ROWS = 10_000
LIST_SEPARATOR = ";"
# Model fields a row can change, in column order (name_de and membership are extra).
ORGANISATION_FIELDS = (
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
)

_COORDINATE = Decimal("0.000001")
_MAX_POPULATION = 2_147_483_647
# Digits, optionally grouped in thousands ("1,250,000", "1.250.000", "1 250 000").
_POPULATION = re.compile(r"^\d{1,3}([ ,.'_\u00a0\u202f]\d{3})+$|^\d+$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_DOMAIN = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
)
_url_validator = URLValidator(schemes=["http", "https"])


class RowError(NamedTuple):
    """One problem: the spreadsheet row, the column ('' for the whole row) and what."""

    row: int
    column: str
    message: str


@dataclass
class PlannedRow:
    """What the import does with one row: create, or update (and which columns)."""

    row: int
    name: str
    slug: str
    action: str
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """The outcome of a (dry) run: counts, the plan per row, and every error found."""

    rows_seen: int = 0
    to_create: int = 0
    to_update: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: list[PlannedRow] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class _CellError(Exception):
    """A cell value that cannot be used; the message says why."""


@dataclass
class _Row:
    """One validated row: its values by column, and what it does to which rows."""

    number: int
    values: dict
    organisation: Organisation | None = None
    is_new: bool = False
    changes: list[str] = field(default_factory=list)
    membership: Membership | None = None


# --- Reading the file -----------------------------------------------------------------


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: every other byte is zero."""
    return bool(head) and max(head[0::2].count(0), head[1::2].count(0)) > len(head) / 4


def _decode(data: bytes) -> str:
    """The file as text; UTF-8 with or without a byte-order mark."""
    head = data[:1000]
    save_as = _("Please save it as “CSV UTF-8 (comma delimited)” and upload it again.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        _looks_like_utf16(head)
    ):
        raise _FileError(1, _("The file is saved as UTF-16 text.") + " " + save_as)
    if data.startswith(b"PK\x03\x04") or b"\x00" in head:
        raise _FileError(
            1,
            _("This is not a CSV text file (perhaps a spreadsheet workbook).")
            + " "
            + save_as,
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        excerpt = data[start : end if end != -1 else len(data)][:60]
        raise _FileError(
            line,
            _(
                "Line %(line)d is not UTF-8 text (“%(excerpt)s”): the file seems to "
                "be saved in another encoding such as Latin-1 or Windows-1252."
            )
            % {
                "line": line,
                "excerpt": excerpt.decode("utf-8", "replace").strip(),
            }
            + " "
            + save_as,
        ) from exc


class _FileError(Exception):
    """The file as a whole cannot be read; ``line`` says where."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _dialect(first_line: str) -> str:
    """Comma, or the semicolon/tab that spreadsheets in some locales write."""
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def _header(cells: list[str], errors: list[RowError]) -> dict[str, int]:
    """Column name to position; unknown, duplicated and missing columns are errors."""
    positions: dict[str, int] = {}
    for position, cell in enumerate(cells):
        name = cell.strip().lower().replace(" ", "_")
        if not name:
            continue
        if name not in COLUMNS:
            errors.append(
                RowError(
                    1,
                    cell.strip(),
                    _("Unknown column “%(column)s”. Known columns: %(known)s.")
                    % {"column": cell.strip(), "known": ", ".join(COLUMNS)},
                )
            )
        elif name in positions:
            errors.append(
                RowError(
                    1,
                    name,
                    _("The column “%(column)s” appears twice.") % {"column": name},
                )
            )
        else:
            positions[name] = position
    if ("latitude" in positions) != ("longitude" in positions):
        missing = "longitude" if "latitude" in positions else "latitude"
        errors.append(
            RowError(
                1,
                missing,
                _("The column “%(column)s” is missing: give both coordinates.")
                % {"column": missing},
            )
        )
    for name in REQUIRED_COLUMNS:
        if name not in positions:
            errors.append(
                RowError(
                    1,
                    name,
                    _("The required column “%(column)s” is missing.")
                    % {"column": name},
                )
            )
    return positions


# --- Lookups, built once per import ---------------------------------------------------


def _labels(choices) -> dict[str, str]:
    """Choice value and label in every site language (lower case) to the value."""
    lookup = {value.lower(): value for value in choices.values}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            lookup.update(
                {str(label).lower(): value for value, label in choices.choices}
            )
    return lookup


def _country_lookup() -> dict[str, str]:
    """ISO codes and country names (English and the other site languages) to codes."""
    lookup: dict[str, str] = {}
    for language, _name in reversed(settings.LANGUAGES):
        with translation.override(language):
            lookup.update({str(name).lower(): code for code, name in countries})
    for code, _name in countries:
        lookup[code.lower()] = code
        alpha3 = countries.alpha3(code)
        if alpha3:
            lookup[alpha3.lower()] = code
    return lookup


def _region_lookup() -> dict[str, Region]:
    """Slug or name of a region in any language to its default-language row.

    Organisations point at the default-language row; translations share its key.
    """
    regions = list(Region.objects.select_related("locale"))
    default = translation.get_supported_language_variant(settings.LANGUAGE_CODE)
    originals = {
        region.translation_key: region
        for region in regions
        if region.locale.language_code == default
    }
    lookup: dict[str, Region] = {}
    for region in regions:
        original = originals.get(region.translation_key)
        if original is not None:
            lookup.setdefault(region.slug.lower(), original)
            lookup.setdefault(region.name.lower(), original)
    return lookup


@dataclass
class _Lookups:
    kinds: dict[str, str]
    statuses: dict[str, str]
    countries: dict[str, str]
    regions: dict[str, Region]


# --- Cells ----------------------------------------------------------------------------


def _choice(value: str, lookup: dict, what: str, known: Iterable[str] = ()):
    found = lookup.get(value.lower())
    if found is None:
        message = _("Unknown %(what)s “%(value)s”.") % {"what": what, "value": value}
        if known:
            message += " " + _("Use one of: %(known)s.") % {"known": ", ".join(known)}
        raise _CellError(message)
    return found


def _population(value: str) -> int | None:
    if not value:
        return None
    if not _POPULATION.match(value):
        raise _CellError(
            _("“%(value)s” is not a whole number of inhabitants.") % {"value": value}
        )
    number = int(re.sub(r"\D", "", value))
    if number > _MAX_POPULATION:
        raise _CellError(_("%(value)s is too large.") % {"value": value})
    return number


def _coordinate(value: str, limit: int) -> Decimal | None:
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise _CellError(
            _("“%(value)s” is not a number in decimal degrees.") % {"value": value}
        ) from None
    if not number.is_finite() or not -limit <= number <= limit:
        raise _CellError(
            _("%(value)s is outside -%(limit)d to %(limit)d.")
            % {"value": value, "limit": limit}
        )
    return number.quantize(_COORDINATE)


def _website(value: str) -> str:
    if not value:
        return ""
    if len(value) > 200:
        raise _CellError(_("The address is longer than 200 characters."))
    try:
        _url_validator(value)
    except ValidationError:
        raise _CellError(
            _("“%(value)s” is not a web address starting with https:// or http://.")
            % {"value": value}
        ) from None
    return value


def _split(value: str) -> list[str]:
    items: list[str] = []
    for item in value.split(LIST_SEPARATOR):
        item = item.strip().lower()
        if item and item not in items:
            items.append(item)
    return items


def _languages(value: str) -> list[str]:
    codes = _split(value)
    bad = [code for code in codes if not _LANGUAGE_CODE.match(code)]
    if bad:
        raise _CellError(
            _("Not a language code: %(codes)s (use codes such as “ar; fr”).")
            % {"codes": ", ".join(bad)}
        )
    return codes


def _domains(value: str) -> list[str]:
    domains = [domain.lstrip("@") for domain in _split(value)]
    bad = [domain for domain in domains if not _DOMAIN.match(domain)]
    if bad:
        raise _CellError(
            _("Not an e-mail domain: %(domains)s (use domains such as “amman.gov.jo”).")
            % {"domains": ", ".join(bad)}
        )
    return domains


def _text(value: str, max_length: int = 200) -> str:
    if len(value) > max_length:
        raise _CellError(_("Longer than %(max)d characters.") % {"max": max_length})
    return value


def _name(value: str) -> str:
    try:
        validate_single_line_name(value)
    except ValidationError as exc:
        raise _CellError(exc.messages[0]) from None
    return _text(value)


def _parsers(lookups: _Lookups) -> dict:
    """Column name to the function that turns a cell into a value (or raises)."""
    kinds = (lookups.kinds, _("kind"), OrganisationKind.values)
    countries_ = (lookups.countries, _("country"))
    regions = (
        lookups.regions,
        _("region"),
        sorted({region.slug for region in lookups.regions.values()}),
    )
    statuses = (lookups.statuses, _("membership status"), MembershipStatus.values)
    return {
        "name": _name,
        "kind": lambda value: _choice(value, *kinds),
        "country": lambda value: _choice(value, *countries_),
        "region": lambda value: _choice(value, *regions),
        "population": _population,
        "latitude": lambda value: _coordinate(value, 90),
        "longitude": lambda value: _coordinate(value, 180),
        "website": _website,
        "official_languages": _languages,
        "email_domains": _domains,
        "name_de": _name,
        "membership_status": lambda value: _choice(value, *statuses) if value else None,
    }


def _parse_row(
    number: int, cells: dict[str, str], parsers: dict, errors: list[RowError]
) -> dict | None:
    """The row's values by column, or None after adding its errors to ``errors``."""
    values: dict = {}
    found: list[RowError] = []
    for column, raw in cells.items():
        if column in REQUIRED_COLUMNS and not raw:
            found.append(RowError(number, column, _("This value is required.")))
            continue
        try:
            values[column] = parsers[column](raw)
        except _CellError as exc:
            found.append(RowError(number, column, str(exc)))
    # Both coordinates or neither (the model's check constraint says the same).
    has_latitude = values.get("latitude") is not None
    has_longitude = values.get("longitude") is not None
    if "latitude" in values and "longitude" in values and has_latitude != has_longitude:
        missing = "longitude" if has_latitude else "latitude"
        message = _("Give both latitude and longitude, or neither.")
        found.append(RowError(number, missing, message))
    if "name" in values and not slugify(values["name"]):
        found.append(
            RowError(
                number,
                "name",
                _("The name needs Latin letters or digits for the web address."),
            )
        )
    errors.extend(found)
    return None if found else values


def _read_rows(text: str, errors: list[RowError]) -> list[tuple[int, dict[str, str]]]:
    """Row number and the stripped cells by column for every non-empty row."""
    delimiter = _dialect(text[: text.find("\n")] if "\n" in text else text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            errors.append(
                RowError(1, "", _("The file is empty: row 1 must name the columns."))
            )
            return rows
        positions = _header(header, errors)
        if errors:
            return rows
        width = len(header)
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > width and any(cell.strip() for cell in record[width:]):
                errors.append(
                    RowError(
                        number,
                        "",
                        _("This row has more cells than the header has columns."),
                    )
                )
                continue
            rows.append(
                (
                    number,
                    {
                        column: (
                            record[position] if position < len(record) else ""
                        ).strip()
                        for column, position in positions.items()
                    },
                )
            )
            if len(rows) > MAX_ROWS:
                errors.append(
                    RowError(
                        number,
                        "",
                        _("The file has more than %(max)d rows; please split it.")
                        % {"max": MAX_ROWS},
                    )
                )
                return rows
    except csv.Error as exc:
        errors.append(
            RowError(
                reader.line_num,
                "",
                _("Line %(line)d cannot be read as CSV: %(problem)s.")
                % {"line": reader.line_num, "problem": exc},
            )
        )
    return rows


# --- Planning -------------------------------------------------------------------------


def _existing(
    slugs: Iterable[str], *, lock: bool
) -> tuple[dict[str, Organisation], dict[int, Membership]]:
    """Organisations with these slugs (by slug, with their German name in
    ``german_names``) and their memberships (by organisation id)."""
    organisations = Organisation.objects.filter(slug__in=list(slugs)).select_related(
        "region"
    )
    if lock:
        organisations = organisations.select_for_update(of=("self",))
    organisations = organisations.prefetch_related(
        Prefetch(
            "names",
            queryset=OrganisationName.objects.filter(language="de"),
            to_attr="german_names",
        ),
    )
    by_slug = {organisation.slug: organisation for organisation in organisations}
    memberships = Membership.objects.filter(
        organisation__in=[o.pk for o in by_slug.values()]
    )
    if lock:
        memberships = memberships.select_for_update()
    return by_slug, {m.organisation_id: m for m in memberships}


def _differs(organisation: Organisation, column: str, value) -> bool:
    if column == "country":
        return organisation.country.code != value
    if column == "region":
        return organisation.region_id != value.pk
    return getattr(organisation, column) != value


def _apply(organisation: Organisation, values: dict, *, is_new: bool) -> list[str]:
    """Set the row's values on ``organisation``; the model fields that changed."""
    changed = []
    for column in ORGANISATION_FIELDS:
        if column not in values:
            continue
        value = values[column]
        if is_new or _differs(organisation, column, value):
            setattr(organisation, column, value)
            changed.append(column)
    return changed


def _german_name(organisation: Organisation) -> OrganisationName | None:
    names = getattr(organisation, "german_names", None) or []
    return names[0] if names else None


def _scope_error(number: int, organisation: Organisation) -> RowError:
    return RowError(
        number,
        "region",
        _(
            "You may not import organisations in %(region)s (%(country)s): "
            "this is outside your coordinator scope."
        )
        % {
            "region": organisation.region.name,
            "country": organisation.country.name or organisation.country.code,
        },
    )


def _plan(
    rows: list[tuple[int, dict[str, str]]],
    *,
    actor: User,
    lock: bool,
    result: ImportResult,
) -> list[_Row]:
    """Validate every row and match it to an organisation; errors go to ``result``."""
    parsers = _parsers(
        _Lookups(
            kinds=_labels(OrganisationKind),
            statuses=_labels(MembershipStatus),
            countries=_country_lookup(),
            regions=_region_lookup(),
        )
    )
    parsed: list[_Row] = []
    first_row_of: dict[str, int] = {}
    for number, cells in rows:
        values = _parse_row(number, cells, parsers, result.errors)
        if values is None:
            continue
        slug = slugify(values["name"])[:200]
        if slug in first_row_of:
            result.errors.append(
                RowError(
                    number,
                    "name",
                    _("Row %(row)d already has this organisation (“%(slug)s”).")
                    % {"row": first_row_of[slug], "slug": slug},
                )
            )
            continue
        first_row_of[slug] = number
        parsed.append(_Row(number=number, values={**values, "slug": slug}))

    existing, memberships = _existing(first_row_of, lock=lock)
    planned: list[_Row] = []
    for row in parsed:
        values = row.values
        organisation = existing.get(values["slug"])
        is_new = organisation is None
        if is_new:
            organisation = Organisation(slug=values["slug"])
        elif not permissions.can_manage_organisation(actor, organisation):
            result.errors.append(_scope_error(row.number, organisation))
            continue
        changes = _apply(organisation, values, is_new=is_new)
        if not permissions.can_manage_organisation(actor, organisation):
            result.errors.append(_scope_error(row.number, organisation))
            continue
        if "name_de" in values:
            current = _german_name(organisation)
            if (current.name if current else "") != values["name_de"]:
                changes.append("name_de")
        status = values.get("membership_status")
        row.membership = None if is_new else memberships.get(organisation.pk)
        if status and (row.membership is None or row.membership.status != status):
            changes.append("membership_status")
        row.organisation = organisation
        row.is_new = is_new
        row.changes = changes
        planned.append(row)
        result.rows.append(
            PlannedRow(
                row=row.number,
                name=values["name"],
                slug=values["slug"],
                action="create" if is_new else "update",
                changes=[] if is_new else changes,
            )
        )
        if is_new:
            result.to_create += 1
        else:
            result.to_update += 1
            if not changes:
                result.unchanged += 1
    return planned


# --- Writing --------------------------------------------------------------------------


def _update_rows(model, objs: list, *, unique_fields: list[str], fields) -> None:
    """Write changed rows that exist (and are locked) in one statement.

    An upsert on the row's unique key: ``INSERT ... ON CONFLICT DO UPDATE`` costs
    about what a bulk insert costs, where ``bulk_update`` builds a CASE expression
    per row and field, which takes seconds for a thousand rows.
    """
    if objs:
        model.objects.bulk_create(
            objs,
            update_conflicts=True,
            unique_fields=unique_fields,
            update_fields=sorted(fields),
        )


def _write(planned: list[_Row], *, actor: User) -> None:
    """Everything in a few bulk queries; the caller holds the transaction."""
    today = timezone.localdate()
    new = [row for row in planned if row.is_new]
    changed = [
        row
        for row in planned
        if not row.is_new and set(row.changes) & set(ORGANISATION_FIELDS)
    ]
    Organisation.objects.bulk_create([row.organisation for row in new])
    _update_rows(
        Organisation,
        [row.organisation for row in changed],
        unique_fields=["slug"],
        # ``updated_at`` is set by the field itself (auto_now) on every write.
        fields={c for row in changed for c in row.changes} & set(ORGANISATION_FIELDS)
        | {"updated_at"},
    )

    names_new, names_changed, names_gone = [], [], []
    for row in planned:
        if "name_de" not in row.changes:
            continue
        current = None if row.is_new else _german_name(row.organisation)
        german = row.values["name_de"]
        if current is None:
            names_new.append(
                OrganisationName(
                    organisation=row.organisation, language="de", name=german
                )
            )
        elif german:
            current.name = german
            names_changed.append(current)
        else:
            names_gone.append(current.pk)
    OrganisationName.objects.bulk_create(names_new)
    _update_rows(
        OrganisationName,
        names_changed,
        unique_fields=["organisation", "language"],
        fields={"name"},
    )
    if names_gone:
        OrganisationName.objects.filter(pk__in=names_gone).delete()

    _write_memberships(planned, actor=actor, today=today)

    renamed = [row.organisation for row in new] + [
        row.organisation for row in changed if "name" in row.changes
    ]
    if renamed:
        transaction.on_commit(lambda: _index(renamed))


def _write_memberships(planned: list[_Row], *, actor: User, today) -> None:
    """The import's membership changes, with the rules of ``membership_set_status``:
    a history row per change (reason "CSV import"), ``active_since`` set on the
    first activation, ``ended_on`` when ending."""
    created, updated, history = [], [], []
    for row in planned:
        if "membership_status" not in row.changes:
            continue
        status = row.values["membership_status"]
        membership = row.membership
        previous = ""
        if membership is None:
            membership = Membership(organisation=row.organisation, applied_on=today)
            created.append(membership)
        else:
            previous = membership.status
            updated.append(membership)
        membership.status = status
        if status == MembershipStatus.ACTIVE and membership.active_since is None:
            membership.active_since = today
        if status == MembershipStatus.ENDED:
            membership.ended_on = today
        history.append((membership, previous, status))
    Membership.objects.bulk_create(created)
    _update_rows(
        Membership,
        updated,
        unique_fields=["organisation"],
        fields={"status", "active_since", "ended_on"},
    )
    MembershipChange.objects.bulk_create(
        MembershipChange(
            membership=membership,
            from_status=previous,
            to_status=status,
            actor=actor,
            reason=IMPORT_REASON,
        )
        for membership, previous, status in history
    )


def _index(organisations: list[Organisation]) -> None:
    """Bulk-update the search index (saving one by one would index one by one)."""
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Organisation, organisations)


def _error_order(error: RowError) -> tuple[int, int]:
    """By row, then in the order of the columns (whole-row problems first)."""
    column = COLUMNS.index(error.column) if error.column in COLUMNS else -1
    return error.row, column


# --- The service ----------------------------------------------------------------------


def organisations_import_csv(
    *, data: bytes, actor: User, dry_run: bool
) -> ImportResult:
    """Check a CSV file of organisations and, unless ``dry_run``, write it.

    Returns what the file does (or would do) and every error found by row and
    column; with any error nothing is written. Raises ``NotAllowed`` when the actor
    may not import organisations at all, and ``CommunityError`` when a concurrent
    change makes the write fail (nothing is written then either).
    """
    if not permissions.can_create_organisations(actor):
        raise NotAllowed(_("You may not import organisations."))
    result = ImportResult()
    try:
        text = _decode(data)
    except _FileError as exc:
        result.errors.append(RowError(exc.line, "", exc.message))
        return result
    rows = _read_rows(text, result.errors)
    result.rows_seen = len(rows)
    if result.errors:
        return result
    try:
        with transaction.atomic():
            planned = _plan(rows, actor=actor, lock=not dry_run, result=result)
            result.errors.sort(key=_error_order)
            if result.errors or dry_run:
                return result
            _write(planned, actor=actor)
            result.written = True
    except IntegrityError as exc:
        raise CommunityError(
            _(
                "Someone changed organisations while the file was imported; nothing "
                "was written. Please try again."
            )
        ) from exc
    return result
