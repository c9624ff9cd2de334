"""Form rendering shared by every public form."""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Renders forms with labels, help and errors wired up for screen readers."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
