"""The site header's count of unread notices."""

from django import template

from notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """``{% unread_notifications as unread %}``: the signed-in person's unread
    notices, 0 for everyone else; one query per request however often asked."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if not hasattr(request, "_cc_unread_notifications"):
        request._cc_unread_notifications = unread_count(user)
    return request._cc_unread_notifications
