"""Exports that drop into analysts' tools: ACLED's codebook, one fixed Parquet schema,
one JSON shape per record (checked against the shipped JSON Schemas), and KML."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from referencing import Registry, Resource
from typer.testing import CliRunner

from frontledger.cli import app
from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.export import ACLED_COLUMNS, export, parquet_schema
from frontledger.ledger.kml import control_kml
from frontledger.records import PlaceState, SideView
from frontledger.serve import create_app
from frontledger.shapes import SHAPES, schema
from tests.analyst_ledger import CLAIMS, UNDATED, fill

runner = CliRunner()
KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture
def filled(sqlite_url: str) -> str:
    with open_store(sqlite_url) as store:
        fill(store)
    return sqlite_url


def validator(name: str) -> jsonschema.protocols.Validator:
    """A validator of one shipped shape, resolving its references to the others."""
    registry: Registry[Any] = Registry().with_resources(
        (schema(other)["$id"], Resource.from_contents(schema(other))) for other in SHAPES)
    cls = jsonschema.validators.validator_for(schema(name))
    cls.check_schema(schema(name))
    return cls(schema(name), registry=registry,
               format_checker=jsonschema.FormatChecker())


def acled_rows(db: str) -> tuple[list[dict[str, str]], str]:
    result = runner.invoke(app, ["export", "--format", "acled-csv", "--db", db])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout))), result.stderr


def test_acled_csv_follows_the_codebook_and_leaves_out_undated_claims(filled: str) -> None:
    rows, summary = acled_rows(filled)
    assert len(rows) == CLAIMS - UNDATED
    assert f"left out {UNDATED} (undated" in summary
    assert all(r["event_date"] and r["year"] == r["event_date"][:4] for r in rows)
    assert list(rows[0])[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    taken = next(r for r in rows if r["kind"] == "control" and r["stance"] == "asserts"
                 and r["actor_side"] == "RU")
    assert (taken["iso"], taken["country"], taken["admin1"]) == ("804", "Ukraine", "Donetsk")
    assert taken["actor1"] == "Military Forces of Russia (2000-)"
    assert taken["actor2"] == "Military Forces of Ukraine (2019-)"
    assert (taken["inter1"], taken["inter2"], taken["interaction"]) == ("8", "1", "18")
    assert taken["time_precision"] == "1" and taken["timestamp"].isdigit()
    month = next(r for r in rows if r["kind"] == "advance")
    assert month["time_precision"] == "3" and month["geo_precision"] == "3"


def test_acled_iso_is_numeric_for_a_place_in_russia(store: SqlStore) -> None:
    fill(store)
    from frontledger.ledger.export import acled_row, claim_record

    strike = next(c for c in store.stored_claims() if c.claim.kind == "strike")
    record = claim_record(strike, "ru-ua") | {"date": "2025-03-01"}
    row = acled_row(record, "ru-ua")
    assert (row["iso"], row["country"], row["admin1"]) == (643, "Russia", "Belgorod")


def parquet_of(db: str, path: Path) -> pa.Table:
    result = runner.invoke(app, ["export", "--format", "parquet", "--output", str(path),
                                 "--db", db])
    assert result.exit_code == 0, result.output
    return pq.read_table(path)


def test_parquet_has_one_typed_schema_and_two_runs_read_as_one_dataset(
        filled: str, tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    full = parquet_of(filled, runs / "a.parquet")
    empty_db = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(empty_db).close()  # an empty ledger: read-only commands refuse a missing one
    empty = parquet_of(empty_db, runs / "b.parquet")
    assert full.schema == empty.schema == parquet_schema()
    assert full.schema.field("date").type == pa.date32()
    assert full.schema.field("fraction").type == pa.float64()
    assert full.schema.field("claim_id").type == pa.int64()
    assert not full.schema.field("claim_id").nullable and full.schema.field("date").nullable
    assert full.column("date").null_count == UNDATED
    assert full.column("published").type == pa.timestamp("us", tz="UTC")
    again = parquet_of(filled, runs / "c.parquet")
    dataset = ds.dataset(str(runs), format="parquet").to_table()
    assert dataset.num_rows == 2 * CLAIMS and again.schema == full.schema
    assert sorted(dataset.column("fraction").drop_null().to_pylist()) == [0.5, 0.5]


def test_jsonl_export_lines_are_claims_of_the_shipped_schema(filled: str) -> None:
    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", filled])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == CLAIMS
    check = validator("claim")
    for line in lines:
        check.validate(line)
    assert {line["acled"]["event_type"] for line in lines} >= {"Battles"}


def test_a_claim_missing_a_field_or_with_a_bad_kind_fails_the_schema(filled: str) -> None:
    line = json.loads(runner.invoke(
        app, ["export", "--format", "jsonl", "--db", filled]).stdout.splitlines()[0])
    check = validator("claim")
    with pytest.raises(jsonschema.ValidationError):
        check.validate({k: v for k, v in line.items() if k != "evidence"})
    with pytest.raises(jsonschema.ValidationError):
        check.validate(line | {"kind": "rumour"})
    with pytest.raises(jsonschema.ValidationError):
        check.validate(line | {"date": "2025-02-30"})


def test_api_and_cli_answers_take_the_shipped_shapes(filled: str) -> None:
    with open_store(filled) as store, TestClient(create_app(store)) as client:
        claims = client.get("/api/claims").json()["claims"]
        events = client.get("/api/events").json()["events"]
        documents = client.get("/api/documents").json()["documents"]
        one = client.get(f"/api/documents/{documents[0]['id']}").json()
    assert len(claims) == CLAIMS and events and len(documents) == 2
    for shape, items in (("claim", claims), ("event", events),
                         ("document", [*documents, one])):
        for item in items:
            validator(shape).validate(item)
    for claim in claims:
        validator("place").validate(claim["place"])
    cli_events = json.loads(runner.invoke(app, ["events", "--db", filled, "--json"]).stdout)
    assert cli_events == events
    for event in cli_events:
        validator("event").validate(event)


def test_kml_export_draws_located_places_coloured_by_controller(filled: str) -> None:
    result = runner.invoke(app, ["export", "--format", "kml", "--as-of", "2025-03-31",
                                 "--db", filled])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout)
    marks = root.findall(f".//{KML}Placemark")
    assert [m.findtext(f"{KML}name") for m in marks] == ["Ostrivka"]
    assert marks[0].findtext(f".//{KML}coordinates") == "37.9,48.1"
    # Russia says it took the village, Ukraine denies it and says it holds half
    assert marks[0].findtext(f"{KML}styleUrl") == "#contested"
    assert result.stderr.startswith("exported 1 row(s) as kml")


def test_kml_shows_hostile_names_as_text_never_as_markup() -> None:
    name = "<![CDATA[</name><script>x()</script>]]> & Co"
    state = PlaceState(place_key="n:other:x", place_name=name, geonameid=None,
                       iso3166_2=None, latitude=48.0, longitude=37.0, on=date(2025, 1, 2),
                       views=(SideView("RU", "RU", None, date(2025, 1, 1), 1),),
                       status="claimed", controller="RU")
    text, drawn = control_kml([state], date(2025, 1, 2))
    assert drawn == 1 and "<script>" not in text and "<![CDATA[" not in text
    mark = ET.fromstring(text).find(f".//{KML}Placemark")
    assert mark is not None and mark.findtext(f"{KML}name") == name
    # viewers render descriptions as HTML: the description must be escaped HTML
    assert "<" not in (mark.findtext(f"{KML}description") or "")


def test_export_returns_what_it_wrote_and_left_out(filled: str) -> None:
    with open_store(filled) as store:
        summary = export(store, "acled-csv", io.StringIO())
    assert (summary.rows, summary.left_out) == (CLAIMS - UNDATED, UNDATED)
