# "10 de janeiro de 2027, 14:30"; short forms "10 jan. 2027", never "10/01/2027",
# which reads as 1 October in the United States. Weeks start on Monday, as in
# Portugal and Mozambique (Brazil's calendars start on Sunday, its offices on Monday).
DATE_FORMAT = r"j \d\e F \d\e Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
