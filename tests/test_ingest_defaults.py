"""`--published`, `--outlet`, `--language` and `--url` fill what an input lacks, never
what it says itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontledger.cli import app
from frontledger.errors import UsageError
from frontledger.ingest import IngestOptions, document_defaults, read_sources
from frontledger.records import Document

runner = CliRunner()


def read_with(path: Path, **given: str) -> list[Document]:
    options = IngestOptions(defaults=document_defaults(**given))
    items = list(read_sources([str(path)], options=options))
    assert all(isinstance(i, Document) for i in items), items
    return [i for i in items if isinstance(i, Document)]


def test_plain_text_takes_every_given_fact(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Les forces ukrainiennes tiennent toujours le village.", encoding="utf-8")
    [doc] = read_with(path, url="https://invented-news.example/a/1", outlet="Invented Daily",
                      published="2024-03-02", language="FR")
    assert (doc.url, doc.outlet, doc.language) == (
        "https://invented-news.example/a/1", "Invented Daily", "fr")
    assert doc.published is not None and doc.published.date().isoformat() == "2024-03-02"


def test_given_language_replaces_detection_and_url_gives_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Войска продолжают удерживать позиции у реки.", encoding="utf-8")
    [doc] = read_with(path, language="uk", url="https://www.invented-wire.example/x")
    assert doc.language == "uk"
    assert doc.outlet == "invented-wire.example"  # the given URL's domain, as for records


def test_a_records_own_fields_win_over_the_given_ones(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    own = {"text": "Russian troops shelled the depot overnight.", "language": "en",
           "outlet": "Own Outlet", "published": "2023-07-09",
           "url": "https://own.example/story"}
    bare = {"text": "Украинские военные отбили атаку под селом."}
    path.write_text(json.dumps(own) + "\n" + json.dumps(bare, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    first, second = read_with(path, outlet="Given", published="2024-01-05", language="uk",
                              url="https://given.example/")
    assert (first.outlet, first.language, first.url) == (
        "Own Outlet", "en", "https://own.example/story")
    assert first.published is not None and first.published.year == 2023
    assert (second.outlet, second.language, second.url) == (
        "Given", "uk", "https://given.example/")
    assert second.published is not None and second.published.date().isoformat() == "2024-01-05"


@pytest.mark.parametrize("given", [{"published": "last week"}, {"language": "french"},
                                   {"url": "javascript:alert(1)"}])
def test_a_malformed_given_fact_is_a_usage_error(given: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        document_defaults(**given)


def test_ingest_options_reach_the_ledger_and_bad_ones_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Ukrainian forces said they still hold the bridge.", encoding="utf-8")
    db = str(tmp_path / "l.db")
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--no-extract",
                                 "--outlet", "Field Notes", "--published", "2024-05-06"])
    assert result.exit_code == 0, result.output
    status = json.loads(runner.invoke(app, ["status", "--db", db, "--json"]).output)
    assert status["by_outlet"] == {"Field Notes": 1}
    assert status["by_day"] == {"2024-05-06": 1}
    bad = runner.invoke(app, ["run", str(path), "--db", db, "--published", "soon"])
    assert bad.exit_code == 2 and "--published" in bad.output
