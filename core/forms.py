"""Form rendering and fields shared by every public form."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.forms.renderers import TemplatesSetting
from django.utils.translation import get_language

from wagtail.models import Locale

from .params import parse_int


class SiteFormRenderer(TemplatesSetting):
    """Renders forms with labels, help and errors wired up for screen readers."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


class BoundedPkMixin:
    """Refuses a submitted key that is not a whole number the database can hold,
    before it reaches a query (SQLite raises OverflowError beyond 64 bits, and
    ``pk__in`` has no guard of its own). For fields keyed by an integer pk."""

    def _check_key(self, value) -> None:
        if value in self.empty_values or isinstance(value, Model):
            return
        if self.to_field_name is None and parse_int(str(value)) is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value)[:40]},
            )


class BoundedModelChoiceField(BoundedPkMixin, forms.ModelChoiceField):
    """``ModelChoiceField`` that never sends an impossible key to the database."""

    def to_python(self, value):
        self._check_key(value)
        return super().to_python(value)


class BoundedModelMultipleChoiceField(BoundedPkMixin, forms.ModelMultipleChoiceField):
    """``ModelMultipleChoiceField`` that never sends an impossible key to the
    database."""

    def _check_values(self, value):
        for key in value if isinstance(value, (list, tuple)) else [value]:
            self._check_key(key)
        return super()._check_values(value)


class LocalizedLabelsMixin:
    """Options are default-language taxonomy rows (``TranslatableMixin``: one row per
    locale sharing a ``translation_key``), which is what models store; each option
    is labelled with the name of its row in the language being read, falling back
    to the stored row. One query per form and language, however many options."""

    def label_from_instance(self, obj) -> str:
        language = get_language()
        cached = getattr(self, "_localized_labels", None)
        if cached is None or cached[0] != language:
            model = self.queryset.model
            names = dict(
                model.objects.filter(
                    locale=Locale.get_active(),
                    translation_key__in=self.queryset.values("translation_key"),
                ).values_list("translation_key", "name")
            )
            cached = self._localized_labels = (language, names)
        return cached[1].get(obj.translation_key) or super().label_from_instance(obj)

    def __deepcopy__(self, memo):
        # Each form gets its own copy of the field: labels are looked up afresh.
        result = super().__deepcopy__(memo)
        result._localized_labels = None
        return result


class LocalizedModelChoiceField(LocalizedLabelsMixin, BoundedModelChoiceField):
    pass


class LocalizedModelMultipleChoiceField(
    LocalizedLabelsMixin, BoundedModelMultipleChoiceField
):
    pass
