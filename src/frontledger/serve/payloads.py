"""The API's JSON: records of `frontledger.records` as plain JSON-ready dicts.

Claims, events, places and documents take the one shape `frontledger.shapes` gives them
(shared with the CLI's `--json` and the JSONL export); place states, map features and
track records are the API's own. Article text is passed through as strings (JSON escapes
them) and never interpreted here.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from frontledger.ledger.events import place_key
from frontledger.ledger.query import PlaceRef
from frontledger.ledger.store import CLAIM_ROW_COLUMNS, as_utc
from frontledger.records import (
    Claim,
    Evidence,
    PlaceMention,
    PlaceState,
    SideView,
    TrackRecord,
)
from frontledger.shapes import (
    DEFAULT_THEATER,
    claim_json,
    document_json,
    document_summary_json,
    event_json,
    iso,
    place_json,
    safe_url,
    stored_claim_json,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from frontledger.claims.mapping import EventType
    from frontledger.claims.resources import Theater

# Decimal places of map coordinates: 1e-5 degree is about a metre, finer than any
# gazetteer entry; fewer digits make the day's map smaller and faster to encode.
COORD_DIGITS = 5
# Encoded features kept by `EncodedFeatures`: a 100,000-claim ledger has ~50,000 distinct
# place states (benchmarks/api.py), a few hundred bytes each; past this it starts afresh.
FEATURE_MEMO_LIMIT = 200_000
# Encoded claims kept by `EncodedClaims`: ~0.8 kB each (benchmarks/api.py's claims), so
# ~40 MB a process at most, a tenth of the kept answers' bytes; past this it starts afresh.
CLAIM_MEMO_LIMIT = 50_000


def place_ref_json(ref: PlaceRef) -> dict[str, Any]:
    return {"query": ref.query, "name": ref.name, "geonameid": ref.geonameid,
            "kind": ref.kind}


def view_json(view: SideView) -> dict[str, Any]:
    return {"side": view.side, "controller": view.controller, "fraction": view.fraction,
            "since": iso(view.since), "claim_id": view.claim_id}


def state_json(state: PlaceState) -> dict[str, Any]:
    return {"place_key": state.place_key, "name": state.place_name,
            "geonameid": state.geonameid, "iso3166_2": state.iso3166_2,
            "latitude": state.latitude, "longitude": state.longitude, "on": iso(state.on),
            "status": state.status, "controller": state.controller,
            "views": [view_json(v) for v in state.views]}


def state_feature(state: PlaceState, views: bool = True) -> dict[str, Any]:
    """A GeoJSON Feature (a Point, or no geometry when the place has no coordinates);
    without `views`, the properties leave out each side's view."""
    geometry = None
    if state.latitude is not None and state.longitude is not None:
        geometry = {"type": "Point", "coordinates": [round(state.longitude, COORD_DIGITS),
                                                     round(state.latitude, COORD_DIGITS)]}
    properties = state_json(state)
    del properties["latitude"], properties["longitude"]  # in the geometry already
    if not views:
        del properties["views"]
    return {"type": "Feature", "id": state.place_key, "geometry": geometry,
            "properties": properties}


class EncodedFeatures:
    """The control map's GeoJSON, assembled from features encoded once per place state.

    Building and encoding each feature took four fifths of a day's map (2,000 places:
    ~55 of ~85 ms, measured with benchmarks/api.py), and a place's state repeats over
    every day until its next change: only the date differs. So each state's feature is
    encoded once, with its date left open. Hashing a state's views (~5 µs a place) cost
    half the rest, so they are matched by identity: the store hands out one views tuple
    per stored state (ledger.states.StateMemo), kept here with its feature so that its id
    cannot be reused, and checked with `is`; other states just miss and are encoded."""

    def __init__(self, limit: int = FEATURE_MEMO_LIMIT) -> None:
        self.limit = limit
        self._kept: dict[tuple[Any, ...], tuple[tuple[SideView, ...], bytes, bytes]] = {}
        self._lock = threading.Lock()

    def collection(self, states: list[PlaceState], on: date, views: bool = True) -> bytes:
        """A FeatureCollection of the states on `on`, the same bytes as encoding
        `{"type": "FeatureCollection", "date": on, "features": [state_feature(...)]}`."""
        day = orjson.dumps(on.isoformat())
        parts = []
        for state in states:
            key = (state.place_key, state.place_name, state.geonameid, state.iso3166_2,
                   state.latitude, state.longitude, state.status, state.controller,
                   id(state.views), views)
            with self._lock:
                found = self._kept.get(key)
            if found is None or found[0] is not state.views:
                found = (state.views, *open_feature(state, views))
                with self._lock:
                    if len(self._kept) >= self.limit:
                        self._kept.clear()
                    self._kept[key] = found
            parts.append(found[1] + day + found[2])
        head = b'{"type":"FeatureCollection","date":' + day + b',"features":['
        return head + b",".join(parts) + b"]}"


def open_feature(state: PlaceState, views: bool) -> tuple[bytes, bytes]:
    """A state's encoded feature, split where its date goes. `"on":` occurs once: no
    other key is named so, and inside a JSON string every quote is escaped."""
    feature = state_feature(state, views=views)
    feature["properties"]["on"] = None
    before, _marker, after = orjson.dumps(feature).partition(b'"on":null')
    return before + b'"on":', after


# The values `claim_rows_json` reads from each of `SqlStore.claim_rows`' rows, in order.
_ROW_VALUES = itemgetter(*(CLAIM_ROW_COLUMNS.index(name) for name in (
    "seq", "document_id", "claimant", "claimant_side", "kind", "actor_side", "stance",
    "fraction", "date", "date_precision", "confidence", "change", "place_name",
    "place_kind", "place_surface", "geonameid", "country", "iso3166_2", "latitude",
    "longitude", "evidence_start", "evidence_end", "evidence_text", "outlet", "url",
    "published", "language", "external_id", "place_key")))


def claim_rows_json(rows: Sequence[Sequence[Any]],
                    theater: str = DEFAULT_THEATER) -> list[dict[str, Any]]:
    """`stored_claim_json` of each claim of `SqlStore.claim_rows`, straight from its row.

    The same objects, built with no record and one dict a claim: a page of 50 claims
    spent more in building records (four, then one Claim for the ACLED/PLOVER mapping)
    than in its query (benchmarks/api_profile.py); the mapping reads the columns
    (`event_type_of`) and the place key is the one stored with the claim. A test holds
    both equal on every claim of a ledger."""
    from frontledger.claims.mapping import event_type_of
    from frontledger.claims.resources import load_theater

    stage = load_theater(theater)
    published: dict[Any, str | None] = {}  # a page repeats each document's time
    return [_row_json(_ROW_VALUES(row), stage, event_type_of, published) for row in rows]


class EncodedClaims:
    """Each stored claim's `/api/claims` JSON, encoded once per ledger revision.

    A claim shows on many pages: its place's, its region's, its kind's and side's; of
    benchmarks/api.py's 1,283 distinct pages, half the claims had been on an earlier page.
    Encoding a claim (~10 µs) was a third of a page's CPU. A claim's row and its
    document's do not change while the revision stays (rows are only added or, by a
    write that moves the revision, swapped), so its bytes are kept by its `seq` for the
    revision the caller names, and forgotten when the caller names another."""

    def __init__(self, limit: int = CLAIM_MEMO_LIMIT) -> None:
        self.limit = limit
        self._kept: dict[int, bytes] = {}
        self._revision: int | None = None
        self._lock = threading.Lock()

    def encoded(self, rows: Sequence[Sequence[Any]], revision: int | None,
                theater: str = DEFAULT_THEATER) -> list[bytes]:
        """The encoded `claim_rows_json` of each row (kept for `revision`; None: the
        revision is not known, nothing is kept)."""
        with self._lock:
            if revision != self._revision or len(self._kept) >= self.limit:
                self._kept = {}
                self._revision = revision
            kept = self._kept
        seq = CLAIM_ROW_COLUMNS.index("seq")
        found = [kept.get(row[seq]) if revision is not None else None for row in rows]
        missing = [row for row, bytes_ in zip(rows, found, strict=True) if bytes_ is None]
        if not missing:
            return found  # type: ignore[return-value]
        fresh = iter([orjson.dumps(item) for item in claim_rows_json(missing, theater)])
        encoded = [bytes_ if bytes_ is not None else next(fresh) for bytes_ in found]
        if revision is not None:
            with self._lock:
                if self._revision == revision:
                    kept.update((row[seq], bytes_) for row, bytes_ in zip(rows, encoded,
                                                                          strict=True))
        return encoded


def _row_json(values: tuple[Any, ...], stage: Theater,
              event_type_of: Callable[..., EventType | None],
              published_iso: dict[Any, str | None]) -> dict[str, Any]:
    # a raw row (`claim_rows(raw=True)`) has its day and time as ISO text
    (seq, document_id, claimant, claimant_side, kind, actor_side, stance, fraction, day,
     date_precision, confidence, change, name, place_kind, surface, geonameid, country,
     iso3166_2, latitude, longitude, evidence_start, evidence_end, evidence_text, outlet,
     url, published, language, external_id, key) = values
    change = bool(change)
    codes = event_type_of(kind, change, actor_side, stance, country, evidence_text, stage)
    if published not in published_iso:
        published_iso[published] = iso(as_utc(
            datetime.fromisoformat(published) if isinstance(published, str) else published))
    if key is None:  # a claim stored before place keys were
        key = place_key(Claim("", "", kind, PlaceMention(
            0, 0, surface, name, place_kind, geonameid, country, iso3166_2), actor_side,
            stance, Evidence(document_id, 0, 0, "")))
    return {
        "id": seq, "claimant": claimant, "claimant_side": claimant_side, "kind": kind,
        "actor_side": actor_side, "stance": stance, "fraction": fraction,
        "date": day if isinstance(day, str) else iso(day),
        "date_precision": date_precision, "confidence": confidence, "change": change,
        "place": {"name": name, "kind": place_kind, "geonameid": geonameid,
                  "country": country, "iso3166_2": iso3166_2, "latitude": latitude,
                  "longitude": longitude},
        "place_key": key,
        "evidence": {"document_id": document_id, "start": evidence_start,
                     "end": evidence_end, "text": evidence_text},
        "acled": {"event_type": codes.acled_event_type if codes else None,
                  "sub_event_type": codes.acled_sub_event_type if codes else None},
        "plover": codes.plover if codes else None,
        "document_id": document_id, "outlet": outlet, "url": safe_url(url),
        "published": published_iso[published], "language": language,
        "external_id": external_id,
    }


def track_record_json(record: TrackRecord) -> dict[str, Any]:
    return {"side": record.side, "claims": record.claims,
            "corroborated": record.corroborated,
            "contradicted_by_own_side": record.contradicted_by_own_side,
            "corroborated_share": record.corroborated_share,
            "contradicted_share": record.contradicted_share,
            "median_lag_days": record.median_lag_days}


__all__ = ["EncodedClaims", "EncodedFeatures", "claim_json", "claim_rows_json", "document_json",
           "document_summary_json",
           "event_json", "iso", "place_json", "place_key", "place_ref_json", "safe_url",
           "state_feature", "state_json", "stored_claim_json", "track_record_json",
           "view_json"]
