"""Date and time formats per language (``FORMAT_MODULE_PATH``).

Only what differs from Django's own locale formats: dates written out with the
month's name, never numeric US dates, and the 24-hour clock in every language.
"""
