"""Admin screen for importing organisations from a CSV file.

Upload → dry-run preview (what is created, what is updated, every error by row and
column) → "Import" → a message with the counts. Between preview and import the file
waits in the cache under a random token; the form carries the token signed with the
uploader's id, so the import writes exactly the file that was previewed. Registered
in ``community/wagtail_hooks.py``; open to superusers and coordinators with a region
or country scope (``permissions.can_create_organisations``).
"""

import hashlib
import secrets

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import permissions
from .imports import COLUMNS, REQUIRED_COLUMNS, ImportResult, organisations_import_csv
from .services import CommunityError

MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# How long a previewed file waits for the "Import" button.
PREVIEW_TIMEOUT = 60 * 60
_CACHE_PREFIX = "community:organisation-import:"
_SALT = "community.organisation-import"


class OrganisationImportForm(forms.Form):
    """The upload: one CSV file, at most 5 MB."""

    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
        help_text=gettext_lazy(
            "Saved as “CSV UTF-8”, at most 5 MB. Row 1 names the columns."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("The file is larger than 5 MB; please split it.")
            )
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Please upload a .csv file."))
        return upload


class OrganisationImportConfirmForm(forms.Form):
    """The "Import" button: the signed token of the previewed file."""

    token = forms.CharField(widget=forms.HiddenInput)


def _remember(data: bytes, *, user, filename: str) -> str:
    """Keep the previewed file for the import step; the signed token finds it."""
    token = secrets.token_urlsafe(24)
    cache.set(
        _CACHE_PREFIX + token,
        {"user": user.pk, "data": data, "filename": filename},
        PREVIEW_TIMEOUT,
    )
    return signing.dumps(
        {"token": token, "user": user.pk, "sha256": hashlib.sha256(data).hexdigest()},
        salt=_SALT,
    )


def _recall(signed: str, *, user) -> tuple[bytes, str] | None:
    """The previewed file for this user, or None when it expired or was altered."""
    try:
        value = signing.loads(signed, salt=_SALT, max_age=PREVIEW_TIMEOUT)
    except signing.BadSignature:
        return None
    if value.get("user") != user.pk:
        return None
    stored = cache.get(_CACHE_PREFIX + value["token"])
    if not stored or stored["user"] != user.pk:
        return None
    if hashlib.sha256(stored["data"]).hexdigest() != value["sha256"]:
        return None
    return stored["data"], stored["filename"]


def _forget(signed: str) -> None:
    try:
        value = signing.loads(signed, salt=_SALT, max_age=PREVIEW_TIMEOUT)
    except signing.BadSignature:
        return
    cache.delete(_CACHE_PREFIX + value["token"])


class OrganisationImportView(WagtailAdminTemplateMixin, View):
    """Upload, preview and import a CSV file of organisations."""

    page_title = gettext_lazy("Import organisations")
    header_icon = "upload"
    template_name = "community/admin/organisation_import.html"
    preview_template_name = "community/admin/organisation_import_preview.html"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_create_organisations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request):
        return self.render_upload(OrganisationImportForm())

    def post(self, request):
        if "token" in request.POST:
            return self.import_previewed(OrganisationImportConfirmForm(request.POST))
        form = OrganisationImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_upload(form, status=400)
        upload = form.cleaned_data["file"]
        data = upload.read()
        result = organisations_import_csv(data=data, actor=request.user, dry_run=True)
        token = (
            _remember(data, user=request.user, filename=upload.name)
            if result.ok and result.rows_seen
            else ""
        )
        return self.render_preview(result, filename=upload.name, token=token)

    def import_previewed(self, form: OrganisationImportConfirmForm):
        request = self.request
        recalled = _recall(form.data.get("token", ""), user=request.user)
        if not form.is_valid() or recalled is None:
            messages.error(
                request,
                _("The preview has expired. Please upload the file again."),
            )
            return redirect("community_organisation_import")
        data, filename = recalled
        try:
            result = organisations_import_csv(
                data=data, actor=request.user, dry_run=False
            )
        except CommunityError as exc:
            messages.error(request, str(exc))
            return redirect("community_organisation_import")
        if not result.written:
            # The data changed since the preview (e.g. someone else imported).
            return self.render_preview(result, filename=filename, token="", status=400)
        _forget(form.cleaned_data["token"])
        messages.success(
            request,
            _(
                "Imported %(filename)s. Organisations created: %(created)d; "
                "updated: %(updated)d (of which unchanged: %(unchanged)d)."
            )
            % {
                "filename": filename,
                "created": result.to_create,
                "updated": result.to_update,
                "unchanged": result.unchanged,
            },
        )
        return redirect("community_organisation_import")

    def render_upload(self, form: OrganisationImportForm, status: int = 200):
        context = self.get_context_data(
            form=form,
            required_columns=REQUIRED_COLUMNS,
            optional_columns=[c for c in COLUMNS if c not in REQUIRED_COLUMNS],
            max_upload_mb=MAX_UPLOAD_SIZE // (1024 * 1024),
        )
        return TemplateResponse(
            self.request, self.template_name, context, status=status
        )

    def render_preview(
        self, result: ImportResult, *, filename: str, token: str, status: int = 200
    ):
        context = self.get_context_data(
            result=result,
            filename=filename,
            confirm_form=OrganisationImportConfirmForm(initial={"token": token})
            if token
            else None,
            upload_url=reverse("community_organisation_import"),
        )
        return TemplateResponse(
            self.request, self.preview_template_name, context, status=status
        )


class OrganisationImportMenuItem(MenuItem):
    """Shown only to the people who may import."""

    def is_shown(self, request):
        return permissions.can_create_organisations(request.user)


def import_admin_urls() -> list:
    """For the ``register_admin_urls`` hook (Wagtail adds its admin-access check)."""
    return [
        path(
            "community/organisations/import/",
            OrganisationImportView.as_view(),
            name="community_organisation_import",
        )
    ]


def import_menu_item() -> MenuItem:
    """For the ``register_admin_menu_item`` hook."""
    return OrganisationImportMenuItem(
        gettext_lazy("Import organisations"),
        reverse_lazy("community_organisation_import"),
        name="import-organisations",
        icon_name="upload",
        order=215,
    )
