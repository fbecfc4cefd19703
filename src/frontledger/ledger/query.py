"""Questions a user asks of the ledger, answered from stored claims.

Used alike by the CLI (`timeline`, `control`, `events`, `trackrecord`), the JSON API and
notebooks. A place may be named by any alias in any language the geoparser reads
("Купянск", "Koupiansk", "Kupiansk"); names the gazetteer lacks match stored names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import get_args

from frontledger.errors import UsageError
from frontledger.ledger.events import cluster_events, place_key
from frontledger.ledger.store import SqlStore, place_keys
from frontledger.ledger.timeline import TIMELINE_KINDS
from frontledger.ledger.trackrecord import track_records
from frontledger.records import ClaimKind, Event, PlaceState, StoredClaim, TrackRecord

CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as the user named it and as the ledger keys it."""

    query: str
    name: str
    geonameid: int | None
    kind: str | None
    iso3166_2: str | None = None


def find_place(query: str) -> PlaceRef:
    """Resolve a user's place name (any alias, any language, any case ending, any
    letter case: "kupiansk", "купянск" and "KUPIANSK" find Kupiansk too)."""
    from frontledger.places import geoparse

    text = query.strip()
    for form in _case_forms(text):
        # the geoparser reads running text, where a lower-case word is no name
        mentions = [m for m in geoparse(form) if not m.metonym]
        if mentions:
            whole = [m for m in mentions if m.start == 0 and m.end == len(form)]
            best = (whole or mentions)[0]
            return PlaceRef(text, best.name, best.geonameid, best.kind, best.iso3166_2)
    return PlaceRef(text, text, None, None)


def _case_forms(text: str) -> list[str]:
    """The query as typed, then with each word capitalised (after spaces and hyphens;
    not after apostrophes: "куп'янськ" → "Куп'янськ"), then in capitals; unique."""
    words = re.split(r"([\s-]+)", text)
    capitalised = "".join(w[:1].upper() + w[1:] for w in words)
    return list(dict.fromkeys((text, capitalised, text.upper())))


def place_claims(store: SqlStore, place: PlaceRef,
                 kinds: Sequence[str] | None = None) -> list[StoredClaim]:
    """Every stored claim about the place."""
    return store.stored_claims(kinds=kinds, place_keys=place_keys_of(place))


def place_timeline(store: SqlStore, query: str) -> tuple[PlaceRef, list[PlaceState]]:
    """The place's control state at each date a claim about it was made."""
    place = find_place(query)
    return place, store.place_history(place_keys_of(place))


def place_keys_of(place: PlaceRef) -> list[str]:
    """The ledger keys a resolved place may be stored under (see `events.place_key`)."""
    if place.kind == "region" and place.iso3166_2:
        return place_keys([], [], [place.iso3166_2])
    ids = [place.geonameid] if place.geonameid is not None else []
    return place_keys(ids, [place.name, place.query])


def control_on(store: SqlStore, day: date, region: str | None = None) -> list[PlaceState]:
    """Every place with a control claim up to `day` (optionally in one ISO 3166-2 region)."""
    return store.states_on(day, checked_region(store, region))


def checked_region(store: SqlStore, region: str | None) -> str | None:
    """`region` as a known ISO 3166-2 code (upper case), or UsageError: a region no data
    file describes and no stored claim names (a typo, `UA-99`) must not answer with an
    empty, plausible-looking result."""
    if region is None:
        return None
    code = region.strip().upper()
    if code not in described_regions() and not store.names_region(code):
        example = next(iter(sorted(described_regions())), "UA-63")
        raise UsageError(f"unknown region {region!r}: give the ISO 3166-2 code of a "
                         f"first-level region, e.g. {example}")
    return code


@cache
def described_regions() -> frozenset[str]:
    """ISO 3166-2 codes of the regions the package's data describes."""
    path = resources.files("frontledger") / "data" / "gazetteer" / "regions.json"
    return frozenset(r["iso"] for r in json.loads(path.read_text("utf-8"))["regions"])


def checked_kind(kind: str | None) -> str | None:
    """`kind` if it is a claim kind, else UsageError naming the kinds."""
    if kind is not None and kind not in CLAIM_KINDS:
        raise UsageError(f"unknown claim kind {kind!r}: use one of {', '.join(CLAIM_KINDS)}")
    return kind


def list_events(store: SqlStore, place: str | None = None,
                kind: str | None = None) -> list[Event]:
    """Events, optionally of one place and one kind, oldest first."""
    kinds = [kind] if kind and checked_kind(kind) else None
    claims = (place_claims(store, find_place(place), kinds) if place
              else store.stored_claims(kinds=kinds))
    return cluster_events(claims)


def claimant_track_records(store: SqlStore) -> list[TrackRecord]:
    """How each claimant side's control claims fared (see ledger.trackrecord)."""
    return track_records(store.stored_claims(kinds=TIMELINE_KINDS))


__all__ = ["CLAIM_KINDS", "PlaceRef", "checked_kind", "checked_region",
           "claimant_track_records", "control_on", "find_place", "list_events",
           "place_claims", "place_key", "place_keys_of", "place_timeline"]
