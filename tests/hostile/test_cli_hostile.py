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


READ_COMMANDS = [["status"], ["timeline", "Kupiansk"], ["control", "--as-of", "2025-12-01"],
                 ["events"], ["trackrecord"], ["export", "--format", "jsonl"], ["reprocess"]]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_on_a_mistyped_sqlite_path_says_no_ledger_and_creates_nothing(
        tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "ledgr.db"
    code, output = invoke(*command, "--db", str(missing))
    assert code == 2, output
    assert "no ledger at" in output and "ledgr.db" in output
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_unsupported_database_scheme_names_the_supported_ones_and_hides_the_password(
        ) -> None:
    code, output = invoke("status", "--db", "mysql://ana:s3cret-pw@db.example/ledger")
    assert code == 2
    assert "'mysql' is not supported" in output and "postgresql://" in output
    assert "s3cret-pw" not in output and "Traceback" not in output


def test_an_unreachable_postgres_is_exit_3_with_the_password_masked() -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, output = invoke("status", "--db",
                          f"postgresql://ana:s3cret-pw@127.0.0.1:{port}/ledger")
    assert code == 3, output
    assert "unavailable" in output and "ana:***@127.0.0.1" in output
    assert "s3cret-pw" not in output and "Traceback" not in output


def test_a_mistyped_event_kind_is_a_usage_error_naming_the_kinds(tmp_path: Path) -> None:
    db = _markup_ledger(tmp_path / "l.db")
    code, output = invoke("events", "--kind", "contrl", "--db", db)
    assert code == 2
    assert "'contrl'" in output and "control" in output and "encirclement" in output
    assert invoke("events", "--kind", "control", "--db", db)[0] == 0


def test_an_unknown_region_is_a_usage_error_and_a_described_one_is_not(tmp_path: Path) -> None:
    db = _markup_ledger(tmp_path / "l.db")
    code, output = invoke("control", "--as-of", "2025-12-01", "--region", "UA-99", "--db", db)
    assert code == 2 and "unknown region 'UA-99'" in output
    # described in the package's data, with nothing stored there: an empty answer
    assert invoke("control", "--as-of", "2025-12-01", "--region", "UA-14", "--db", db)[0] == 0
    code, output = invoke("control", "--as-of", "2025-12-01", "--region", "ua-63", "--db", db,
                          "--json")
    assert code == 0 and len(json.loads(output)["features"]) == 1
