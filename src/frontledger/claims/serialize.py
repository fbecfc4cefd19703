"""Claims and places as the JSON objects `frontledger extract` writes (one line per document)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from frontledger.claims.mapping import event_type
from frontledger.claims.resources import DEFAULT_THEATER, load_theater
from frontledger.records import Claim, Document, PlaceMention
from frontledger.text import text_hash


def place_to_dict(place: PlaceMention) -> dict[str, Any]:
    """A place in the eval/gold format (surface, name, kind, ids, country, span)."""
    return {
        "surface": place.surface,
        "name": place.name,
        "kind": place.kind,
        "geonameid": place.geonameid,
        "iso3166_2": place.iso3166_2,
        "country": place.country,
        "start": place.start,
        "end": place.end,
    }


def distinct_places(places: list[PlaceMention]) -> list[dict[str, Any]]:
    """Each distinct place once, by its first mention (metonyms left out)."""
    seen: set[object] = set()
    out: list[dict[str, Any]] = []
    for place in sorted(places, key=lambda p: p.start):
        key = place.geonameid if place.geonameid is not None else (place.name, place.kind)
        if place.metonym or key in seen:
            continue
        seen.add(key)
        out.append(place_to_dict(place))
    return out


def claim_to_dict(claim: Claim, theater: str = DEFAULT_THEATER) -> dict[str, Any]:
    """A claim in the `extract` JSON format (see issue 4 / the README)."""
    event = event_type(claim, load_theater(theater))
    return {
        "claimant": claim.claimant,
        "claimant_side": claim.claimant_side,
        "kind": claim.kind,
        "place": claim.place.name,
        "geonameid": claim.place.geonameid,
        "iso3166_2": claim.place.iso3166_2,
        "actor_side": claim.actor_side,
        "controller_side": claim.actor_side if claim.kind == "control" else None,
        "fraction": claim.fraction,
        "stance": claim.stance,
        "change": claim.change,
        "date": claim.date.isoformat() if claim.date else None,
        "date_precision": claim.date_precision,
        "evidence": {
            "start": claim.evidence.start,
            "end": claim.evidence.end,
            "text": claim.evidence.text,
        },
        "confidence": claim.confidence,
        "acled": {
            "event_type": event.acled_event_type if event else None,
            "sub_event_type": event.acled_sub_event_type if event else None,
        },
        "plover": event.plover if event else None,
    }


def document_from_article(article: dict[str, Any]) -> Document:
    """A Document from one eval-format article dict (id, url, outlet, published, ...)."""
    text = article["text"]
    return Document(
        id=text_hash(text),
        text=text,
        source=article.get("url") or "-",
        external_id=article.get("id"),
        url=article.get("url"),
        outlet=article.get("outlet"),
        published=_published(article.get("published")),
        language=article.get("language"),
        title=article.get("title"),
    )


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = date.fromisoformat(value[:10])
    return datetime(parsed.year, parsed.month, parsed.day)
