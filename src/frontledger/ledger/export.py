"""Exports of the ledger in the formats users already work with.

- `jsonl`: one claim per line, every field, with its document's facts and its ACLED and
  PLOVER codes;
- `acled-csv`: ACLED's column names and codes where they have a meaning (one row per
  claim), followed by our claim fields;
- `parquet`: the same rows as `jsonl`, as a typed table (pyarrow);
- `geojson`: every place with a control claim, with its consensus status on a date;
- `areas`: the control areas and claimed front lines of a date in one view (GeoJSON,
  see `ledger.areas`).
"""

from __future__ import annotations

import csv
import json
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import IO, Any

from frontledger.defaults import EXPORT_FORMATS
from frontledger.errors import UsageError
from frontledger.ledger.areas import AreaSettings, areas_geojson, areas_on
from frontledger.ledger.store import SqlStore
from frontledger.records import PlaceState, StoredClaim

FORMATS = EXPORT_FORMATS
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction", "iso",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp")
OUR_COLUMNS = ("claim_id", "document_id", "external_id", "url", "language", "claimant",
               "claimant_side", "kind", "actor_side", "stance", "fraction", "date_precision",
               "confidence", "change", "geonameid", "iso3166_2", "plover", "evidence",
               "evidence_start", "evidence_end")
# ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or year.
TIME_PRECISION = {"day": 1, "month": 3, "year": 3}
# ACLED's geo precision: 1 the town itself, 2 a part of a region near a named place,
# 3 only the region (or country).
GEO_PRECISION = {"populated_place": 1, "river": 2, "other": 2, "region": 3, "country": 3}


@cache
def _acled_actors() -> dict[str, dict[str, dict[str, str]]]:
    path = resources.files("frontledger") / "data" / "mappings" / "acled_actors.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _region_names() -> dict[str, str]:
    path = resources.files("frontledger") / "data" / "gazetteer" / "regions.json"
    regions = json.loads(path.read_text(encoding="utf-8"))["regions"]
    return {r["iso"]: r["name"].removesuffix(" Oblast") for r in regions}


def claim_record(stored: StoredClaim, theater: str) -> dict[str, Any]:
    """Every field of a stored claim, flat, with its ACLED and PLOVER codes."""
    from frontledger.claims import load_theater
    from frontledger.claims.mapping import event_type

    c, p = stored.claim, stored.claim.place
    codes = event_type(c, load_theater(theater))
    return {
        "claim_id": stored.id, "document_id": stored.document_id,
        "external_id": stored.external_id, "url": stored.url, "outlet": stored.outlet,
        "published": stored.published.isoformat() if stored.published else None,
        "language": stored.language, "claimant": c.claimant,
        "claimant_side": c.claimant_side, "kind": c.kind, "actor_side": c.actor_side,
        "stance": c.stance, "fraction": c.fraction,
        "date": c.date.isoformat() if c.date else None, "date_precision": c.date_precision,
        "confidence": c.confidence, "change": c.change, "place": p.name,
        "place_kind": p.kind, "geonameid": p.geonameid, "country": p.country,
        "iso3166_2": p.iso3166_2, "latitude": p.latitude, "longitude": p.longitude,
        "acled_event_type": codes.acled_event_type if codes else None,
        "acled_sub_event_type": codes.acled_sub_event_type if codes else None,
        "plover": codes.plover if codes else None, "evidence": c.evidence.text,
        "evidence_start": c.evidence.start, "evidence_end": c.evidence.end,
    }


def acled_row(record: dict[str, Any], theater: str) -> dict[str, Any]:
    """An ACLED-shaped row for one claim record (see `claim_record`)."""
    from frontledger.claims import load_theater

    owners = load_theater(theater).territory
    actors = _acled_actors().get(theater, {})
    actor, other = record["actor_side"], _opponent(record["actor_side"], theater)

    def inter(side: str | None) -> int | None:
        if side is None:
            return None
        return 1 if owners.get(record["country"] or "") == side else 8

    notes = f"{record['claimant']} ({record['claimant_side']}) {record['stance']}: " \
            f"\"{record['evidence']}\""
    return {
        "event_id_cnty": f"FL{record['claim_id']}", "event_date": record["date"],
        "year": record["date"][:4] if record["date"] else None,
        "time_precision": TIME_PRECISION.get(record["date_precision"] or "", 3),
        "disorder_type": _disorder(record["acled_event_type"]),
        "event_type": record["acled_event_type"],
        "sub_event_type": record["acled_sub_event_type"],
        "actor1": actors.get(actor or "", {}).get("actor", actor), "inter1": inter(actor),
        "actor2": actors.get(other or "", {}).get("actor", other), "inter2": inter(other),
        "interaction": _interaction(inter(actor), inter(other)),
        "iso": record["country"], "country": record["country"],
        "admin1": _region_names().get(record["iso3166_2"] or "", record["iso3166_2"]),
        "location": record["place"], "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": GEO_PRECISION.get(record["place_kind"], 2),
        "source": record["outlet"], "source_scale": None, "notes": notes,
        "fatalities": None, "tags": f"frontledger claim; stance={record['stance']}",
        "timestamp": record["published"],
    } | {key: record.get(key) for key in OUR_COLUMNS if key in record}


def _opponent(side: str | None, theater: str) -> str | None:
    from frontledger.claims import load_theater

    return load_theater(theater).opponent(side)


def _disorder(event_type: str | None) -> str | None:
    if event_type is None:
        return None
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def _interaction(a: int | None, b: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two inter codes, smaller first."""
    if a is None:
        return None
    if b is None:
        return a * 10
    low, high = sorted((a, b))
    return low * 10 + high


def place_feature(state: PlaceState) -> dict[str, Any]:
    """A GeoJSON Feature for one place's state (no geometry when unlocated)."""
    geometry = None
    if state.latitude is not None and state.longitude is not None:
        geometry = {"type": "Point", "coordinates": [state.longitude, state.latitude]}
    views = [{"side": v.side, "controller": v.controller, "fraction": v.fraction,
              "since": v.since.isoformat() if v.since else None, "claim_id": v.claim_id}
             for v in state.views]
    return {"type": "Feature", "geometry": geometry, "properties": {
        "place": state.place_name, "place_key": state.place_key,
        "geonameid": state.geonameid, "iso3166_2": state.iso3166_2,
        "date": state.on.isoformat(), "status": state.status,
        "controller": state.controller, "views": views}}


def control_geojson(states: Iterable[PlaceState]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [place_feature(s) for s in states]}


def export(store: SqlStore, fmt: str, out: IO[str] | None, *, path: str | None = None,
           on: date | None = None, theater: str = "ru-ua", view: str = "consensus",
           area_settings: AreaSettings | None = None) -> int:
    """Write the ledger in `fmt` to `out` (text formats) or `path` (parquet); returns rows
    (for `areas`: features, areas and front lines)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "areas":
        found = areas_on(store, on or date.today(), view, theater=theater,
                         settings=area_settings)
        json.dump(areas_geojson(found), _text(out), ensure_ascii=False)
        return len(found.areas) + len(found.fronts)
    if fmt == "geojson":
        states = store.states_on(on or date.today())
        json.dump(control_geojson(states), _text(out), ensure_ascii=False)
        return len(states)
    records = (claim_record(c, theater) for c in store.stored_claims())
    if fmt == "parquet":
        if not path:
            raise UsageError("parquet is binary: give --output FILE")
        return _write_parquet(records, path)
    if fmt == "jsonl":
        return _write_jsonl(records, _text(out))
    return _write_acled(records, _text(out), theater)


def _text(out: IO[str] | None) -> IO[str]:
    if out is None:
        raise UsageError("this format needs an output stream")
    return out


def _write_jsonl(records: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_acled(records: Iterator[dict[str, Any]], out: IO[str], theater: str) -> int:
    writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *OUR_COLUMNS],
                            extrasaction="ignore")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(acled_row(record, theater))
        n += 1
    return n


def _write_parquet(records: Iterator[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(records)
    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    pq.write_table(table, path)
    return len(rows)
