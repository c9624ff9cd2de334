"""Spreadsheet exports that a spreadsheet program opens safely.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one of them) is run as a formula by Excel and LibreOffice, so a name
typed into a form (``=HYPERLINK(...)``) would act in the reader's spreadsheet. Such
text gets a leading apostrophe, the usual way to say "this is text", in CSV and XLSX
alike.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """``value`` with a leading apostrophe if a spreadsheet would run it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


# For ``SpreadsheetExportMixin.custom_value_preprocess``: every text cell, both
# formats, on top of Wagtail's own preprocessing of dates and times.
SAFE_VALUE_PREPROCESS = {
    **SpreadsheetExportMixin.custom_value_preprocess,
    str: {
        SpreadsheetExportMixin.FORMAT_CSV: neutralise_formula,
        SpreadsheetExportMixin.FORMAT_XLSX: neutralise_formula,
    },
}
