"""Claims stage: who claims which side holds, took, attacks, encircles, left or struck a place.

Reads: a Document and its PlaceMentions. Adds: Claims (see `frontledger.records.Claim`).
Entry points: `extract(document, places=None, theater="ru-ua")` and, for evaluation,
`extract_article(article_dict)`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from frontledger.defaults import DEFAULT_THEATER

if TYPE_CHECKING:
    from frontledger.claims.extract import deduplicate, extract
    from frontledger.claims.resources import load_lexicon, load_theater
    from frontledger.claims.serialize import claim_to_dict
    from frontledger.records import Document, PlaceMention

__all__ = [
    "DEFAULT_THEATER",
    "claim_to_dict",
    "deduplicate",
    "extract",
    "extract_article",
    "extract_record",
    "load_lexicon",
    "load_theater",
]


def extract_record(
    document_id: str,
    document: Document,
    places: list[PlaceMention],
    *,
    theater: str = DEFAULT_THEATER,
) -> dict[str, Any]:
    """The JSON object `frontledger extract` writes for one document."""
    from frontledger.claims.extract import extract
    from frontledger.claims.serialize import claim_to_dict, distinct_places

    claims = extract(document, places, theater=theater)
    return {
        "id": document_id,
        "places": distinct_places(places),
        "claims": [claim_to_dict(claim, theater) for claim in claims],
    }


def extract_article(
    article: dict[str, Any],
    places: list[PlaceMention] | None = None,
    *,
    theater: str = DEFAULT_THEATER,
) -> dict[str, Any]:
    """Eval hook: one eval-format article dict → {"id", "places", "claims"}."""
    from frontledger.claims.serialize import document_from_article

    document = document_from_article(article)
    if places is None:
        from frontledger.places import geoparse

        places = geoparse(document.text, document.language)
    return extract_record(article["id"], document, places, theater=theater)


# The stage loads on first use, so that `frontledger --help` and the commands of other
# stages, which import `cli.claims`, do not pay for it (a third of `--help`'s work).
_HOMES = {"deduplicate": "extract", "load_lexicon": "resources",
          "load_theater": "resources", "claim_to_dict": "serialize"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"frontledger.claims.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _ClaimsPackage(ModuleType):
    """This package, whose `extract` is always the function: importing the submodule of
    the same name binds the module to that attribute, which would otherwise hide it."""

    @property
    def extract(self) -> Callable[..., Any]:
        return import_module("frontledger.claims.extract").extract

    @extract.setter
    def extract(self, _submodule: ModuleType) -> None:
        pass  # the import system's binding of the submodule; it stays in sys.modules


sys.modules[__name__].__class__ = _ClaimsPackage
