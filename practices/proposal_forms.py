"""The form practitioners use to propose a good practice (front end, no JavaScript).

It validates; ``practices.services.practice_propose`` sanitises and writes.
"""

import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.models import Locale

from django_countries import countries
from PIL import Image as PILImage

from community.models import Organisation
from community.permissions import member_organisations
from core.forms import BoundedModelChoiceField
from core.models import THEME_MISMATCH, Cluster, FieldOfAction, theme_mismatch

from .services import PROPOSAL_SECTIONS

PROPOSAL_IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
PROPOSAL_IMAGE_MAX_SIZE = 5 * 1024 * 1024
# A 40-megapixel photo is more than any web page shows; decoding one to check it
# takes about 120 MB for a moment, a bomb of a billion pixels is refused unread.
PROPOSAL_IMAGE_MAX_PIXELS = 40_000_000
SECTION_MAX_LENGTH = 5000

SECTION_LABELS = {
    "overview": (_("Overview"), _("In a few sentences: what did your city do?")),
    "background": (_("Background"), _("The problem or situation you started from.")),
    "objectives": (_("Objectives"), _("What you wanted to achieve.")),
    "approach": (
        _("Approach and activities"),
        _("What was done, by whom, in which steps."),
    ),
    "results": (
        _("Results and impact"),
        _("What changed; figures where you have them."),
    ),
    "lessons": (
        _("Lessons learnt"),
        _("What others should know before trying it themselves."),
    ),
}


class ProposalImageField(WagtailImageField):
    """Wagtail's image checks (real image, format matches extension, pixel limit)
    with the proposal's own limits: JPEG, PNG or WebP up to 5 MB and 40 megapixels,
    and decoded in full, so that a damaged file (truncated, a header without a
    picture, a decompression bomb) is a form error rather than a crash later when
    the thumbnails are made."""

    default_validators = [FileExtensionValidator(PROPOSAL_IMAGE_EXTENSIONS)]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_image_extensions = PROPOSAL_IMAGE_EXTENSIONS
        self.max_upload_size = PROPOSAL_IMAGE_MAX_SIZE
        self.max_upload_size_text = filesizeformat(PROPOSAL_IMAGE_MAX_SIZE)
        self.supported_formats_text = "JPEG, PNG, WebP"
        self.help_text = _(
            "Optional. A photo of the practice: JPEG, PNG or WebP, at most 5 MB. "
            "Only send images you may share."
        )
        self.error_messages["invalid_image_extension"] = _(
            "Please send a JPEG, PNG or WebP image."
        )
        self.error_messages["file_too_large_unknown_size"] = _(
            "This file is too big. Images may be at most 5 MB."
        )
        self.widget.attrs["accept"] = ".jpg,.jpeg,.png,.webp"
        self.max_image_pixels = PROPOSAL_IMAGE_MAX_PIXELS

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            if upload is not None:
                self.check_image_decodes(upload)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - any decoder error on untrusted bytes
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        return upload

    def check_image_decodes(self, upload) -> None:
        """Decode every pixel once (the size is checked first); Pillow's errors
        for damaged data are OSError, SyntaxError, ValueError and a few more."""
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as picture:
                picture.load()
        upload.seek(0)


class TaxonomyChoiceField(BoundedModelChoiceField):
    """Offers the taxonomy rows of the active language; pages store the row of the
    default language with the same ``translation_key`` (see ``clean``)."""

    def to_python(self, value):
        row = super().to_python(value)
        if row is None or row.locale_id == Locale.get_default().pk:
            return row
        return type(row).objects.get(
            translation_key=row.translation_key, locale=Locale.get_default()
        )


class CityChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return obj.localized_name


class ProposalForm(forms.Form):
    """A good practice as a practitioner tells it: facts, story sections, an image."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("What the practice is, e.g. 'Solar roofs on municipal schools'."),
    )
    teaser = forms.CharField(
        label=_("Teaser"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences for lists and search results."),
    )
    city = CityChoiceField(
        label=_("Your city or organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Where the practice comes from."),
    )
    country = forms.TypedChoiceField(
        label=_("Country"),
        required=False,
        choices=[],
        help_text=_("Leave empty to use your city's country."),
    )
    cluster = TaxonomyChoiceField(
        label=_("Thematic cluster"), queryset=Cluster.objects.none()
    )
    field_of_action = TaxonomyChoiceField(
        label=_("Field of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        help_text=_("Optional; it must belong to the cluster you chose."),
    )
    start_year = forms.IntegerField(label=_("Start year"), required=False)

    image = ProposalImageField(label=_("Image"), required=False)
    image_alt = forms.CharField(
        label=_("What the image shows"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see it. Needed when you send an image."),
    )
    image_credit = forms.CharField(
        label=_("Image credit"),
        max_length=120,
        required=False,
        help_text=_("Photographer or source, e.g. '© City of Lörrach'."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Connective Cities edits and publishes this text and image "
            "with my city's name, and I may share them."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_active()
        self.fields["city"].queryset = Organisation.objects.with_names().order_by(
            "name"
        )
        self.fields["country"].choices = [("", _("Same as the city")), *countries]
        self.fields["cluster"].queryset = Cluster.objects.filter(locale=locale)
        fields_of_action = self.fields["field_of_action"]
        fields_of_action.queryset = FieldOfAction.objects.filter(
            locale=locale
        ).select_related("cluster")
        # Grouped by cluster, so people see which fields belong together.
        groups: dict[str, list] = {}
        for row in fields_of_action.queryset:
            groups.setdefault(row.cluster.name, []).append((row.pk, row.name))
        fields_of_action.choices = [("", fields_of_action.empty_label), *groups.items()]
        self.fields["start_year"] = forms.IntegerField(
            label=_("Start year"),
            required=False,
            min_value=1950,
            max_value=timezone.now().year + 1,
        )
        for name in PROPOSAL_SECTIONS:
            label, help_text = SECTION_LABELS[name]
            self.fields[name] = forms.CharField(
                label=label,
                help_text=help_text,
                max_length=SECTION_MAX_LENGTH,
                required=name == "overview",
                widget=forms.Textarea(attrs={"rows": 6}),
            )
        # The story sections come after the facts and before the image.
        order = ["title", "teaser", "city", "country", "cluster", "field_of_action"]
        order += ["start_year", *PROPOSAL_SECTIONS]
        self.order_fields(order)
        if user is not None and not self.is_bound:
            own = member_organisations(user).order_by("name").first()
            if own is not None:
                self.initial.setdefault("city", own.pk)

    def clean(self):
        cleaned = super().clean()
        cluster = cleaned.get("cluster")
        field_of_action = cleaned.get("field_of_action")
        if theme_mismatch(cluster, field_of_action):
            self.add_error("field_of_action", THEME_MISMATCH)
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt", _("Please say what the image shows, in a few words.")
            )
        return cleaned

    def proposal_data(self) -> dict:
        """The cleaned values for the service, without the uploaded file."""
        return {
            name: value for name, value in self.cleaned_data.items() if name != "image"
        }
