"""The CLI against hostile ledgers and arguments: markup in stored strings, bad --db
values, mistyped options. Invented strings only."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontledger.cli import app
from frontledger.ingest.formats import make_document
from frontledger.ledger import open_store
from frontledger.records import Claim, Evidence, PlaceMention

runner = CliRunner()
# Rich markup an attacker can put in an outlet, a title or a place name
CLOSING_TAG = "[/x] Invented Wire"
LINK_TAG = "[link=https://evil.example/]click me[/link]"


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def flat(output: str) -> str:
    """The output without spaces, line breaks and table borders (cells fold)."""
    return "".join(ch for ch in output if not ch.isspace() and ch not in "│┃┏┓┗┛┡┩└┘━─┳┻╇┼┬┴")


def _markup_ledger(path: Path) -> str:
    url = f"sqlite:///{path}"
    text = "INVENTED TEST REPORT. The ministry said its forces hold Kupiansk."
    document = make_document(text, source=LINK_TAG, raw=text.encode(), outlet=CLOSING_TAG,
                             language="en", published=datetime(2025, 11, 20, tzinfo=UTC))
    start = text.index("Kupiansk")
    place = PlaceMention(start, start + 8, "Kupiansk", "[/b]Kupiansk" + LINK_TAG,
                         "populated_place", None, "UA", "UA-63", 49.7, 37.6)
    claim = Claim(claimant=LINK_TAG, claimant_side="RU", kind="control", place=place,
                  actor_side="RU", stance="asserts",
                  evidence=Evidence(document.id, 22, len(text), text[22:]),
                  date=date(2025, 11, 20), date_precision="day", confidence=0.9)
    with open_store(url) as store:
        store.add_document(document, [place], [claim], extractor="hand")
        from frontledger.records import Rejection
        store.add_rejection(Rejection(LINK_TAG, CLOSING_TAG, "parse", "[/red] bad [bold]"))
    return url


def test_status_prints_markup_in_outlets_and_rejections_as_written(tmp_path: Path) -> None:
    db = _markup_ledger(tmp_path / "l.db")
    code, output = invoke("status", "--db", db)
    assert code == 0, output
    for written in ("[/x]InventedWire", "[link=https://evil.example/", "[/link]", "[/red]",
                    "[bold]"):
        assert written in flat(output)


@pytest.mark.parametrize("command", [["control", "--as-of", "2025-12-01"], ["events"],
                                     ["trackrecord"]])
def test_ledger_tables_print_markup_in_place_names_and_claimants_as_written(
        tmp_path: Path, command: list[str]) -> None:
    db = _markup_ledger(tmp_path / "l.db")
    code, output = invoke(*command, "--db", db)
    assert code == 0, output
    if command[0] != "trackrecord":
        assert "[/b]" in flat(output)
        assert "[link=https" in flat(output) and "[/link]" in flat(output)
    assert "\x1b]8;" not in output  # no terminal hyperlink escape


def test_status_json_is_unchanged_by_markup(tmp_path: Path) -> None:
    db = _markup_ledger(tmp_path / "l.db")
    code, output = invoke("status", "--db", db, "--json")
    assert code == 0
    assert json.loads(output)["by_outlet"] == {CLOSING_TAG: 1}
