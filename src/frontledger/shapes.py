"""The one JSON shape of each record a user sees: claim, event, place, document.

The CLI's `--json`, the API and the JSONL export all build their objects here, so that a
claim read from `/api/claims`, `frontledger export --format jsonl` or `frontledger events
--json` has the same keys and types. Each shape is documented as a JSON Schema shipped in
the package (`frontledger/data/schemas/<name>.schema.json`, read by `schema`) and checked
against it in the tests.

Article text, titles, outlets and URLs are attacker-controlled data: they are passed
through as strings (JSON escapes them) and never interpreted here. `safe_url` keeps a URL
only when it is http(s), so that no client is handed a `javascript:` link to follow.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache, lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from frontledger.defaults import DEFAULT_THEATER
from frontledger.ledger.events import place_key
from frontledger.records import Claim, Document, Event, PlaceMention, StoredClaim

SHAPES = ("claim", "event", "place", "document")
# URLs whose verdict `safe_url` keeps: several pages of claims' worth of documents.
SAFE_URL_CACHE = 4096


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one shape (one of SHAPES), as shipped in the package."""
    if name not in SHAPES:
        raise ValueError(f"no JSON shape {name!r}: one of {', '.join(SHAPES)}")
    path = resources.files("frontledger") / "data" / "schemas" / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=SAFE_URL_CACHE)
def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) URL with a host, else None (kept per URL:
    a page of claims repeats each document's URL, and parsing it was a third of the
    page's encoding time)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def place_json(place: PlaceMention) -> dict[str, Any]:
    """A place: its gazetteer identity and coordinates (no span: see claim evidence)."""
    return {"name": place.name, "kind": place.kind, "geonameid": place.geonameid,
            "country": place.country, "iso3166_2": place.iso3166_2,
            "latitude": place.latitude, "longitude": place.longitude}


def claim_json(claim: Claim, theater: str = DEFAULT_THEATER) -> dict[str, Any]:
    """A claim: who says what about which place, the span that says it, and its ACLED
    and PLOVER codes. A claim not (yet) stored has `id` and its document's facts null."""
    from frontledger.claims import load_theater
    from frontledger.claims.mapping import event_type

    codes = event_type(claim, load_theater(theater))
    return {
        "id": None,
        "claimant": claim.claimant, "claimant_side": claim.claimant_side,
        "kind": claim.kind, "actor_side": claim.actor_side, "stance": claim.stance,
        "fraction": claim.fraction, "date": iso(claim.date),
        "date_precision": claim.date_precision, "confidence": claim.confidence,
        "change": claim.change, "place": place_json(claim.place),
        "place_key": place_key(claim),
        "evidence": {"document_id": claim.evidence.document_id,
                     "start": claim.evidence.start, "end": claim.evidence.end,
                     "text": claim.evidence.text},
        "acled": {"event_type": codes.acled_event_type if codes else None,
                  "sub_event_type": codes.acled_sub_event_type if codes else None},
        "plover": codes.plover if codes else None,
        "document_id": claim.evidence.document_id, "outlet": None, "url": None,
        "published": None, "language": None, "external_id": None,
    }


def stored_claim_json(stored: StoredClaim, theater: str = DEFAULT_THEATER) -> dict[str, Any]:
    """A stored claim: the claim with its ledger id and its document's facts."""
    return claim_json(stored.claim, theater) | {
        "id": stored.id, "document_id": stored.document_id, "outlet": stored.outlet,
        "url": safe_url(stored.url), "published": iso(stored.published),
        "language": stored.language, "external_id": stored.external_id}


def event_json(event: Event) -> dict[str, Any]:
    """An event: claims of any number of reports folded into one happening."""
    return {"id": event.id, "place_key": event.place_key, "place_name": event.place_name,
            "kind": event.kind, "actor_side": event.actor_side, "stance": event.stance,
            "first_date": iso(event.first_date), "last_date": iso(event.last_date),
            "first_reported": iso(event.first_reported), "sources": event.sources,
            "claimants": list(event.claimants), "claimant_sides": list(event.claimant_sides),
            "claim_ids": [c.id for c in event.claims]}


def document_summary_json(document: Document) -> dict[str, Any]:
    """A document's facts, without its text."""
    return {"id": document.id, "title": document.title, "outlet": document.outlet,
            "url": safe_url(document.url), "published": iso(document.published),
            "language": document.language, "external_id": document.external_id}


def document_json(document: Document, claims: list[StoredClaim],
                  places: list[PlaceMention]) -> dict[str, Any]:
    """A document with its text and the spans to mark in it, as offsets (never markup)."""
    spans = [{"start": s.claim.evidence.start, "end": s.claim.evidence.end,
              "claim_id": s.id, "kind": s.claim.kind} for s in claims]
    return {**document_summary_json(document), "text": document.text,
            "source": document.source, "evidence_spans": spans,
            "place_spans": [{"start": m.start, "end": m.end, "name": m.name,
                             "geonameid": m.geonameid} for m in places],
            "claims": [stored_claim_json(s) for s in claims]}
