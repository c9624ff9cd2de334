"""Good practices: the practice pages (``practice``) and the index page that lists
them (``index``)."""

from .index import GoodPracticeIndexPage
from .practice import (
    YEAR_VALIDATORS,
    GoodPracticePage,
    GoodPracticeStreamBlock,
    GoodPracticeTag,
    PracticeStatus,
    Scale,
)

__all__ = [
    "YEAR_VALIDATORS",
    "GoodPracticeIndexPage",
    "GoodPracticePage",
    "GoodPracticeStreamBlock",
    "GoodPracticeTag",
    "PracticeStatus",
    "Scale",
]
