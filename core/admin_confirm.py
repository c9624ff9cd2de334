"""A confirmation step for admin actions that reach many people at once.

Any app's admin view can ask for it: the first valid POST renders a confirmation
page instead of acting, saying how many people the action reaches and what it
does, with the same values in hidden fields and ``confirmed=1``. Only that second
POST acts. It goes to the same view, so the same permission check and CSRF
protection apply, and a value changed meanwhile is validated again. Works without
JavaScript.
"""

from django.http import HttpResponse


class ConfirmBeforeActingMixin:
    """For a view with ``get_context_data`` and a template response; the
    ``confirm_template_name`` shows the ``confirmation`` context (the app's own
    template, so it keeps the app's tabs and breadcrumbs)."""

    confirm_template_name: str

    def is_confirmed(self) -> bool:
        return self.request.POST.get("confirmed") == "1"

    def confirmation(self, form) -> dict:
        """``recipients`` (a number), ``facts`` (label and value pairs),
        ``confirm_label`` and optionally ``notes``, ``back_url``, ``edit_label``
        and ``hidden`` (more name and value pairs to send again)."""
        raise NotImplementedError

    def ask_to_confirm(self, form) -> HttpResponse:
        context = self.get_context_data(form=form, **self.confirmation(form))
        return self.response_class(
            request=self.request,
            template=[self.confirm_template_name],
            context=context,
            using=self.template_engine,
        )
