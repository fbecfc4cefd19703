"""Questions a user asks of the ledger, answered from stored claims.

Used alike by the CLI (`timeline`, `control`, `events`, `trackrecord`), the JSON API and
notebooks. A place may be named by any alias in any language the geoparser reads
("Купянск", "Koupiansk", "Kupiansk"); names the gazetteer lacks match stored names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from frontledger.ledger.events import cluster_events, place_key
from frontledger.ledger.store import SqlStore, place_keys
from frontledger.ledger.timeline import TIMELINE_KINDS
from frontledger.ledger.trackrecord import track_records
from frontledger.records import Event, PlaceState, StoredClaim, TrackRecord


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place as the user named it and as the ledger keys it."""

    query: str
    name: str
    geonameid: int | None
    kind: str | None
    iso3166_2: str | None = None


def find_place(query: str) -> PlaceRef:
    """Resolve a user's place name (any alias, any language, any case ending)."""
    from frontledger.places import geoparse

    text = query.strip()
    mentions = [m for m in geoparse(text) if not m.metonym]
    whole = [m for m in mentions if m.start == 0 and m.end == len(text)]
    if not mentions:
        return PlaceRef(text, text, None, None)
    best = (whole or mentions)[0]
    return PlaceRef(text, best.name, best.geonameid, best.kind, best.iso3166_2)


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
    return store.states_on(day, region)


def list_events(store: SqlStore, place: str | None = None,
                kind: str | None = None) -> list[Event]:
    """Events, optionally of one place and one kind, oldest first."""
    kinds = [kind] if kind else None
    claims = (place_claims(store, find_place(place), kinds) if place
              else store.stored_claims(kinds=kinds))
    return cluster_events(claims)


def claimant_track_records(store: SqlStore) -> list[TrackRecord]:
    """How each claimant side's control claims fared (see ledger.trackrecord)."""
    return track_records(store.stored_claims(kinds=TIMELINE_KINDS))


__all__ = ["PlaceRef", "claimant_track_records", "control_on", "find_place", "list_events",
           "place_claims", "place_key", "place_keys_of", "place_timeline"]
