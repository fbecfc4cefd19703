"""The CLI: ingest's summary and exit codes, status, version, and help that cannot drift."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from frontledger.cli import app
from tests.mixed_inputs import build_mixed_folder

runner = CliRunner()
README = Path(__file__).parent.parent / "README.md"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_mixed_folder_stores_good_files_names_bad_ones_exits_1_and_rerun_adds_nothing(
        tmp_path: Path, db_url: str) -> None:
    expected = build_mixed_folder(tmp_path / "in")
    code, output = invoke("ingest", str(tmp_path / "in"), "--db", db_url,
                          "--max-bytes", "2048", "--json")
    report = json.loads(output)
    assert code == 1
    assert report["stored"] == expected["documents"]
    assert report["rejected"] == expected["rejections"]
    reasons = " ".join(r["reason"] for r in report["rejections"])
    for phrase in ("invalid JSON", "no 'text'", "binary content", "truncated HTML",
                   "empty input", "byte limit", "not an RSS/Atom feed"):
        assert phrase in reasons

    code, output = invoke("ingest", str(tmp_path / "in"), "--db", db_url,
                          "--max-bytes", "2048", "--json")
    again = json.loads(output)
    assert (code, again["stored"], again["already_present"]) == (1, 0, expected["documents"])
    status = json.loads(invoke("status", "--db", db_url, "--json")[1])
    assert status["documents"] == expected["documents"]
    assert status["rejections"] == expected["rejections"]


def test_ingest_of_good_inputs_exits_0_and_prints_a_summary(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    code, output = invoke("ingest", "examples", "--db", str(db))
    assert code == 0, output
    assert re.search(r"stored 9 new document\(s\) with \d+ claim\(s\), 0 already in the "
                     r"ledger, 0 input", output)


def test_status_shows_documents_by_language_outlet_and_day(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    invoke("ingest", "examples/reports.jsonl", "--db", db)
    code, output = invoke("status", "--db", db)
    assert code == 0
    assert "4 document(s), 0 rejection(s)" in output
    for facet in ("documents by language", "documents by outlet", "documents by day"):
        assert facet in output
    data = json.loads(invoke("status", "--db", db, "--json")[1])
    assert data["by_language"] == {"en": 1, "fr": 1, "ru": 1, "uk": 1}


def test_db_can_be_chosen_by_environment_variable(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLEDGER_DB", str(tmp_path / "env.db"))
    assert invoke("ingest", "examples/reports.jsonl")[0] == 0
    assert (tmp_path / "env.db").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("ingest")[0] == 2
    assert invoke("ingest", "x", "--max-bytes", "0")[0] == 2
    assert invoke("no-such-command")[0] == 2


def test_unopenable_database_is_a_clear_error(tmp_path: Path) -> None:
    code, output = invoke("ingest", "examples", "--db",
                          str(tmp_path / "missing-dir" / "l.db"))
    assert code == 1 and "cannot open the ledger" in output


def test_version_is_printed() -> None:
    code, output = invoke("--version")
    assert code == 0 and output.startswith("frontledger ")


def _all_commands() -> list[list[str]]:
    root = get_command(app)
    paths: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        children = getattr(command, "commands", {})
        for name, child in children.items():
            paths.append([*path, name])
            walk(child, [*path, name])

    walk(root, [])
    return paths


@pytest.mark.parametrize("command", _all_commands(), ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(command: list[str]) -> None:
    code, output = invoke(*command, "--help")
    assert code == 0 and "Usage:" in output
    assert f"frontledger {' '.join(command)}" in README.read_text(encoding="utf-8")
