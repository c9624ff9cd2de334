"""A chooser for people in the page editor (a practice's or a project's contact
person): a searchable modal listing active members by name and organisation,
never by e-mail address."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import User


class PersonFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name or organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        for word in query.split()[:5]:
            objects = objects.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(organisation_name__icontains=word)
            )
        if query:
            self.is_searching = True
            self.search_query = query
        return objects


class PersonChooseMixin:
    filter_form_class = PersonFilterForm

    def get_object_list(self):
        return User.objects.filter(is_active=True, is_pseudonymised=False).order_by(
            "last_name", "first_name", "pk"
        )

    def get_display_title(self, instance):
        name = instance.get_full_name() or str(_("A member of the network"))
        if instance.organisation_name:
            return f"{name} ({instance.organisation_name})"
        return name


class PersonChooseView(PersonChooseMixin, ChooseView):
    pass


class PersonChooseResultsView(PersonChooseMixin, ChooseResultsView):
    pass


class PersonChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    page_title = _("Choose a person")
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView


person_chooser_viewset = PersonChooserViewSet("person_chooser")
PersonChooserWidget = person_chooser_viewset.widget_class
