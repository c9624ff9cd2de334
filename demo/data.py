"""Reading the demo content from ``data/<name>.yaml``."""

import copy
import functools
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
# libyaml's loader when PyYAML was built with it: the files are some 400 kB.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _parsed(name: str) -> dict:
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_LOADER)  # noqa: S506 - a safe loader


def load(name: str) -> dict:
    """A fresh copy of ``data/<name>.yaml``: Wagtail writes block ids into the
    StreamField lists it is given, and no seed may see another's."""
    return copy.deepcopy(_parsed(name))
