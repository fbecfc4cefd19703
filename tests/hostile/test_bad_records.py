"""Defect 1 of issue 10: one bad record is that record's rejection; the rest is stored.

Each case is a JSON Lines file with a good report on each side of one hostile line; the
run must store both good reports, record the bad line's rejection with its stage, and
touch nothing else. The texts are invented for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.store import AnalysedDocument
from frontledger.pipeline import ingest_into, skip_analysis
from frontledger.records import Document

BEFORE = {"id": "before", "published": "2025-11-20", "language": "en",
          "text": "Officials in Kharkiv said the bridge at Kupiansk was struck overnight."}
AFTER = {"id": "after", "published": "2025-11-21", "language": "fr",
         "text": "Selon l'armée, les combats se poursuivent près de Pokrovsk ce mardi."}


def record_line(**fields: object) -> str:
    return json.dumps({"id": "bad", "text": "Un rapport inventé sur Vovtchansk."} | fields)


# the hostile line of each case, as it appears in the file (some are not valid JSON for
# Python's json.dumps, so they are written by hand)
BAD_LINES = {
    "published_1e20": '{"id": "bad", "text": "Report one on Lyman.", "published": 1e20}',
    "published_nan": '{"id": "bad", "text": "Report two on Lyman.", "published": NaN}',
    "published_infinity": '{"id": "bad", "text": "Report on Lyman.", "published": Infinity}',
    "published_minus_1e15": '{"id": "bad", "text": "Report on Siversk.", "published": -1e15}',
    "published_end_of_time_with_offset": record_line(published="9999-12-31T23:59:59-05:00"),
    "published_year_one_with_offset": record_line(published="0001-01-01T00:30:00+05:00"),
    "published_4400_digit_integer":
        '{"id": "bad", "text": "Report on Izium.", "published": ' + "7" * 4400 + "}",
    "json_nested_100000_levels":
        '{"id": "bad", "text": "Deep.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "lone_surrogate_in_text": '{"id": "bad", "text": "Звіт про Лиман \\ud800 вчора."}',
    "lone_surrogate_in_title":
        '{"id": "bad", "text": "Звіт про Ізюм.", "title": "Заголовок \\udfff"}',
    "nul_in_text": '{"id": "bad", "text": "Rapport sur Koupiansk\\u0000 hier."}',
    "nul_in_outlet": '{"id": "bad", "text": "Rapport sur Lyman.", "outlet": "a\\u0000b"}',
}


def ledger_ids(store: SqlStore) -> list[str | None]:
    return sorted(d.external_id for d in store.documents())


def write_jsonl(path: Path, lines: Sequence[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_a_hostile_record_is_rejected_and_its_neighbours_are_stored(
        case: str, db_url: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / f"{case}.jsonl",
                       [json.dumps(BEFORE), BAD_LINES[case], json.dumps(AFTER)])
    with open_store(db_url) as store:
        report = ingest_into(store, [str(path)])
        assert ledger_ids(store) == ["after", "before"]
        assert len(report.rejections) == 1, report.rejections
        [rejection] = report.rejections
        assert (rejection.source, rejection.locator) == (str(path), "line 2")
        assert rejection.stage in ("parse", "decode")
        assert [r.locator for r in store.status().recent_rejections] == ["line 2"]


def test_telegram_messages_with_bad_timestamps_are_rejected_one_by_one(
        db_url: str, tmp_path: Path) -> None:
    messages = [
        {"id": 1, "type": "message", "date_unixtime": "soon", "text": "Обстріл Херсона."},
        {"id": 2, "type": "message", "date_unixtime": "9" * 30, "text": "Обстріл Сум."},
        {"id": 3, "type": "message", "date_unixtime": "-99999999999999",
         "text": "Обстріл Ізюма."},
        {"id": 4, "type": "message", "date_unixtime": ["1763600000"], "text": "Бій у Лимані."},
        {"id": 5, "type": "message", "date_unixtime": "1763600000",
         "text": "Бої тривають біля Покровська, повідомили військові."},
    ]
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "Invented channel", "messages": messages}),
                    encoding="utf-8")
    with open_store(db_url) as store:
        report = ingest_into(store, [str(path)], analyser=skip_analysis)
        assert ledger_ids(store) == ["5"]
        assert [(r.locator, r.stage) for r in report.rejections] == [
            (f"message {i}", "parse") for i in (1, 2, 3, 4)]
        assert all("date_unixtime" in r.reason for r in report.rejections)


class FailsOnMarker:
    """A store whose batch insert fails when any document of the batch holds MARKER (as
    a database refusing one row would), and succeeds otherwise."""

    MARKER = "REFUSED-BY-THE-DATABASE"

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def add_documents(self, batch: Sequence[AnalysedDocument],
                      extractor: str = "") -> list[bool]:
        if any(self.MARKER in item.document.text for item in batch):
            raise RuntimeError("the database refused a row")
        return self.store.add_documents(batch, extractor)

    def add_document(self, document: Document, *args: object, **kwargs: object) -> bool:
        if self.MARKER in document.text:
            raise RuntimeError("the database refused a row")
        return self.store.add_document(document, *args, **kwargs)  # type: ignore[arg-type]


def test_a_batch_whose_store_fails_is_retried_document_by_document(
        sqlite_url: str, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Report {i} from Kramatorsk, invented."})
             for i in range(6)]
    lines[3] = json.dumps({"id": "bad", "text": f"Report {FailsOnMarker.MARKER} Sloviansk."})
    path = write_jsonl(tmp_path / "batch.jsonl", lines)
    with open_store(sqlite_url) as store:
        report = ingest_into(FailsOnMarker(store), [str(path)],  # type: ignore[arg-type]
                             analyser=skip_analysis)
        assert ledger_ids(store) == ["r0", "r1", "r2", "r4", "r5"]
        [rejection] = report.rejections
        assert (rejection.locator, rejection.stage) == ("line 4", "store")
        assert "the database refused a row" in rejection.reason
        assert [r.stage for r in store.status().recent_rejections] == ["store"]
