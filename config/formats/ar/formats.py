# "10 يناير 2027، 14:30": the month's name and the 24-hour clock, as on the other
# languages' pages (Django's own Arabic formats use "2:30 م"). Digits stay the
# Western Arabic digits used across the Maghreb and in most of the network's
# exchanges; the Arabic comma separates date and time.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y، H:i"
FIRST_DAY_OF_WEEK = 6  # Saturday
