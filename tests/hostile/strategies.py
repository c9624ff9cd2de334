"""Hypothesis strategies for what a hostile or careless client sends: digits from
other scripts, control characters, NUL, huge numbers, very long strings, many
words, quotes, SQL and HTML fragments, percent-encodings and repeated parameters.

Shared by the query-string and form tests in this package; bounded so that every
example stays cheap.
"""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Reproducible and quick: the same examples on every run, no per-example deadline
# (the first request of a test warms caches), and the read-only world reused by all
# examples of a test (a function-scoped fixture, on purpose).
HOSTILE = settings(
    derandomize=True,
    deadline=None,
    max_examples=15,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "²⁰¹⁹",  # passes str.isdigit(), fails int()
    "¹",
    "٢٠١٩",  # Arabic-Indic digits: int() accepts them
    "１２",  # full-width digits
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\u202e",  # right-to-left override
    str(2**31),
    str(2**63 - 1),
    str(2**63),
    str(2**64),
    "9" * 40,
    "-1",
    "0",
    "1e5",
    " 7 ",
    '"',
    '"solar',
    "'",
    "''",
    "a & b | !c",
    "(((",
    "x:*",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "<script>alert(1)</script>",
    "%00",
    "%ff",
    "%",
    "..%2f..%2f",
    "2019-13-45",
    "2019-02-30T25:61",
    "root",
    "*",
    "",
    " ",
]

# Text without lone surrogates (a client cannot encode those as UTF-8).
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_words = st.lists(
    st.sampled_from(["solar", "city", "a", "the", "-", "wörter", "x1"]),
    min_size=30,
    max_size=300,
).map(" ".join)
_long = st.integers(min_value=150, max_value=5000).map(lambda n: "ä" * n)
_numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)

hostile_value = st.one_of(st.sampled_from(NASTY), _text, _numbers, _words, _long)

# A parameter sent once, or several times with different values.
hostile_values = st.one_of(
    hostile_value.map(lambda value: [value]),
    st.lists(hostile_value, min_size=2, max_size=3),
)


def hostile_params(names: list[str]):
    """A query (``{name: [values]}``) of one to three of ``names``."""
    return st.dictionaries(
        st.sampled_from(names), hostile_values, min_size=1, max_size=3
    )


# Raw query strings with percent-encodings Django has to decode itself.
raw_query = st.lists(
    st.sampled_from(
        ["%00", "%ff", "%", "%zz", "%2500", "&", "=", "+", "%C0%AF", "%E2%80%AE"]
    ),
    min_size=1,
    max_size=6,
).map("".join)
