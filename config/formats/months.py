"""Month names in our catalogues, where Django's own read wrongly for the network.

Django's Portuguese catalogue capitalises the months ("10 de Janeiro"); since the
1990 spelling agreement, Portugal, Brazil and Mozambique write them in lower case,
and its Spanish one capitalises two abbreviations ("Ene.", "Feb."). Our catalogue
comes first in Django's search (``LOCALE_PATHS``), so listing the messages here
keeps them in it when ``makemessages`` rebuilds it, and our translations win. The
msgids are Django's, verbatim (``django.utils.dates``).
"""

from django.utils.translation import gettext_noop, pgettext_lazy

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

MONTHS_ABBREVIATED = [
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
]
