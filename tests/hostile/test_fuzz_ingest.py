"""Issue 10's fuzzing suite: hostile inputs beside good ones, through `frontledger ingest`.

For every generated input (see generators.py; fixed seed, a modest budget of examples):
the run exits 1 naming that input's rejection (or, for valid but slow text, stores it),
every good document beside it is stored, nothing else in the ledger changes, and no
document's analysis runs past the analysis budget. The tally is printed at the end.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from frontledger.cli import app
from frontledger.ledger import open_store, resolve_db_url
from frontledger.ledger.schema import claims, documents
from tests.hostile import generators as g
from tests.hostile.conftest import TALLY

FUZZ = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
runner = CliRunner()
_numbers = itertools.count()


class Ledger:
    """One SQLite ledger that every example of a test adds to, with what it holds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.url = f"sqlite:///{root / 'ledger.db'}"
        open_store(self.url).close()  # created and migrated before the first snapshot
        self.secret_file = root / "secret.txt"
        self.secret_file.write_text(g.SECRET, encoding="utf-8")
        self.secret_feed = root / "secret.rss"
        self.secret_feed.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Mine</title><item>'
            f"<title>s</title><description>{g.SECRET} in Kherson.</description></item>"
            "</channel></rss>", encoding="utf-8")

    def snapshot(self) -> tuple[set[tuple[str, str | None]], int, list[str]]:
        """Stored (id, external id)s, claim count, and every stored text holding SECRET."""
        engine = create_engine(resolve_db_url(self.url))
        with engine.connect() as conn:
            ids = {(i, e) for i, e in conn.execute(select(documents.c.id,
                                                          documents.c.external_id))}
            n_claims = len(conn.execute(select(claims.c.seq)).all())
            leaked = [t for t in conn.execute(select(documents.c.text)).scalars()
                      if g.SECRET in t]
        engine.dispose()
        return ids, n_claims, leaked


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    yield Ledger(tmp_path_factory.mktemp("hostile"))


def good_records(number: int) -> list[dict[str, Any]]:
    return [
        {"id": f"good-{number}-en", "published": "2025-11-20", "language": "en",
         "text": f"Invented bulletin {number}: Russian forces said they captured Kupiansk."},
        {"id": f"good-{number}-uk", "published": "2025-11-21", "language": "uk",
         "text": f"Вигаданий бюлетень {number}: бої тривають біля Покровська."},
    ]


def run_beside_good(ledger: Ledger, hostile: g.Hostile) -> None:
    """Ingest `hostile` between two good files; check the run and tally its outcome."""
    number = next(_numbers)
    folder = ledger.root / f"in-{number}"
    folder.mkdir()
    good = good_records(number)
    (folder / "a-good.jsonl").write_text(json.dumps(good[0]) + "\n", encoding="utf-8")
    (folder / f"b-{hostile.name}").write_bytes(hostile.data)
    (folder / "c-good.jsonl").write_text(json.dumps(good[1]) + "\n", encoding="utf-8")
    before_ids, before_claims, _ = ledger.snapshot()
    tally = TALLY.setdefault(hostile.kind, Counter())
    tally["tried"] += 1
    result = runner.invoke(app, ["ingest", str(folder), "--db", ledger.url, "--json"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        tally["crashed"] += 1
        raise AssertionError(f"crashed on {hostile}") from result.exception
    report = json.loads(result.output)
    hostile_source = str(folder / f"b-{hostile.name}")
    ours = [r for r in report["rejections"] if r["source"] == hostile_source]
    others = [r for r in report["rejections"] if r["source"] != hostile_source]
    after_ids, after_claims, leaked = ledger.snapshot()
    new_ids = after_ids - before_ids
    stored_good = {e for _i, e in after_ids} & {r["id"] for r in good}
    tally["good lost"] += len(good) - len(stored_good)
    assert len(stored_good) == len(good), (hostile, report)
    assert not others, others  # the good files are never rejected
    assert not leaked, "a local file's text reached the ledger"
    assert not [r for r in report["rejections"] if "budget" in r["reason"]], report
    assert before_ids <= after_ids and after_claims >= before_claims
    if hostile.expect == "reject":
        assert result.exit_code == 1 and ours, (hostile, result.output)
        assert report["stored"] == 2 and len(new_ids) == 2, (hostile, report)
        tally["rejected"] += 1
    else:
        assert result.exit_code == 0 and not ours, (hostile, result.output)
        assert report["stored"] + report["already_present"] == 3, report
        tally["stored"] += 1


@settings(FUZZ, max_examples=40)
@given(st.one_of(g.bad_published(), g.unstorable_text(), g.telegram_stamp()))
def test_hostile_records_are_rejected_and_their_neighbours_stored(
        ledger: Ledger, hostile: g.Hostile) -> None:
    run_beside_good(ledger, hostile)


@settings(FUZZ, max_examples=12)
@given(g.deep_json())
def test_json_nested_past_any_limit_is_rejected(ledger: Ledger, hostile: g.Hostile) -> None:
    run_beside_good(ledger, hostile)


@settings(FUZZ, max_examples=25)
@given(st.data())
def test_feeds_and_files_that_point_home_or_are_not_text_are_rejected(
        ledger: Ledger, data: st.DataObject) -> None:
    hostile = data.draw(st.one_of(
        g.feed_pointing_home(str(ledger.secret_feed), str(ledger.secret_file)),
        g.binary_or_broken()))
    run_beside_good(ledger, hostile)


@settings(FUZZ, max_examples=25)
@given(st.one_of(g.slow_text(), g.random_text()))
def test_slow_or_strange_text_is_stored_and_analysed_within_budget(
        ledger: Ledger, hostile: g.Hostile) -> None:
    run_beside_good(ledger, hostile)
