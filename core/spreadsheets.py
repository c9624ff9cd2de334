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


class ColumnsExportMixin(SpreadsheetExportMixin):
    """A spreadsheet export of ``export_columns``: ``{field: (heading, value of
    a row)}``, in that order, text cells made safe (``SAFE_VALUE_PREPROCESS``)."""

    custom_value_preprocess = SAFE_VALUE_PREPROCESS
    export_columns: dict = {}

    @property
    def list_export(self) -> list[str]:
        return list(self.export_columns)

    def get_heading(self, queryset, field):
        return str(self.export_columns[field][0])

    def to_row_dict(self, item) -> dict:
        return {field: column[1](item) for field, column in self.export_columns.items()}
