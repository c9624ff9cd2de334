"""Form rendering shared by every public form."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import get_language

from wagtail.models import Locale


class SiteFormRenderer(TemplatesSetting):
    """Renders forms with labels, help and errors wired up for screen readers."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


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


class LocalizedModelChoiceField(LocalizedLabelsMixin, forms.ModelChoiceField):
    pass


class LocalizedModelMultipleChoiceField(
    LocalizedLabelsMixin, forms.ModelMultipleChoiceField
):
    pass
