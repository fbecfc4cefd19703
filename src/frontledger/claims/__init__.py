"""Claims stage: who claims which side holds, took, attacks, encircles, left or struck a place.

Reads: a Document and its PlaceMentions. Adds: Claims (see `frontledger.records.Claim`).
Entry points: `extract(document, places=None, theater="ru-ua")` and, for evaluation,
`extract_article(article_dict)`.
"""

from __future__ import annotations

from typing import Any

from frontledger.claims.extract import deduplicate, extract
from frontledger.claims.resources import DEFAULT_THEATER, load_lexicon, load_theater
from frontledger.claims.serialize import (
    claim_to_dict,
    distinct_places,
    document_from_article,
)
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
    document = document_from_article(article)
    if places is None:
        from frontledger.places import geoparse

        places = geoparse(document.text, document.language)
    return extract_record(article["id"], document, places, theater=theater)
