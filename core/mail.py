"""Rendering e-mails: one rule for every mail the platform sends.

A subject and a text/plain body are plain text: what people wrote (an event title
``Tom's "Land" & <Water>``, an organiser's message, a reason) must reach the inbox
as it is, so these parts are rendered with HTML autoescaping *off*. The text/html
body is rendered as usual (``render_to_string``), with autoescaping on, so the same
characters are escaped exactly once there.

The switch lives here, in the renderer, rather than as ``{% autoescape off %}`` in
each text template, so a new mail cannot forget it.
"""

from django.template import Context, engines


def _engine():
    return engines["django"].engine


def render_text(template_name: str, context: dict) -> str:
    """``template_name`` rendered as plain text: no HTML escaping, so ``'``, ``&``,
    ``<`` and ``"`` stay as they are."""
    template = _engine().get_template(template_name)
    return template.render(Context(context, autoescape=False))


def one_line(text: str) -> str:
    """A subject line: every run of whitespace (line breaks too) becomes one space,
    and none at either end."""
    return " ".join(str(text).split())


def render_subject(template_name: str, context: dict) -> str:
    """A mail subject from ``template_name``: plain text on one line."""
    return one_line(render_text(template_name, context))
