"""Day maps and timelines computed ahead (serve.ahead) answer exactly as those computed on
demand, follow the ledger's revision, and are shared with other server processes."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore, open_store
from frontledger.records import Claim, Evidence
from frontledger.serve import ServeSettings, api, create_app
from frontledger.serve.ahead import StatesAhead
from frontledger.serve.payloads import EncodedFeatures, state_json
from tests.serve.ledgers import KUPIANSK, POKROVSK, front_ledger, hand_made_ledger

FIRST, LAST = date(2025, 11, 15), date(2025, 12, 25)


def on_demand(store: SqlStore, day: date, region: str | None, views: bool) -> bytes:
    return EncodedFeatures().collection(store.states_on(day, region), day, views)


def assert_every_day_alike(store: SqlStore, ahead: StatesAhead) -> None:
    table = ahead.refresh()
    for offset in range((LAST - FIRST).days + 1):
        day = FIRST + timedelta(days=offset)
        for region in (None, "UA-63", "UA-14", "UA-51", "UA-09"):
            for views in (True, False):
                answer = ahead.collection(table.revision, day, region, views)
                assert answer == on_demand(store, day, region, views), (day, region, views)
    for keys in (["g:703656"], ["g:708552"], ["g:698740", "n:populated_place:odesa"],
                 ["n:populated_place:kindrashivka"], ["g:1"]):
        expected = [orjson.dumps(state_json(s)) for s in store.place_history(keys)]
        assert ahead.history(table.revision, keys) == expected, keys


def add_report(store: SqlStore, sentence: str, language: str, claim_day: date) -> None:
    """One invented report whose one claim says Russia took Pokrovsk on `claim_day`."""
    text = "INVENTED TEST REPORT. " + sentence
    document = make_document(text, source="tests/ahead", raw=text.encode(),
                             url=f"https://invented.example/{claim_day}/{language}",
                             outlet="invented.example", language=language,
                             published=datetime(2025, 12, 20, 9, tzinfo=UTC))
    start = text.index(sentence)
    claim = Claim(claimant="Ministry", claimant_side="RU", kind="control", place=POKROVSK,
                  actor_side="RU", stance="asserts",
                  evidence=Evidence(document.id, start, len(text), sentence),
                  date=claim_day, date_precision="day", confidence=0.9, change=True)
    store.add_document(document, [], [claim], extractor="hand")


@pytest.fixture()
def store(tmp_path: Path) -> SqlStore:
    found = open_store(f"sqlite:///{tmp_path / 'ledger.db'}")
    hand_made_ledger(found)
    front_ledger(found)
    return found


def test_day_maps_computed_ahead_equal_maps_computed_on_demand_across_a_revision_change(
        store: SqlStore, tmp_path: Path) -> None:
    ahead = StatesAhead(store, tmp_path / "answers")
    assert_every_day_alike(store, ahead)
    before = ahead.table
    add_report(store, "The ministry said its troops took Pokrovsk on 12 December.", "en",
               date(2025, 12, 12))
    add_report(store, "Le ministère affirme avoir pris Pokrovsk le 14 décembre.", "fr",
               date(2025, 12, 14))
    assert_every_day_alike(store, ahead)
    assert ahead.table is not before and ahead.table is not None
    assert before is not None and ahead.table.revision > before.revision
    assert ahead.built == 2
    # the map after the change is not the one before it
    day = date(2025, 12, 20)
    assert before.collection(day, None, True) != ahead.table.collection(day, None, True)
    store.close()


def test_a_table_of_an_older_revision_is_not_used_for_the_current_one(
        store: SqlStore, tmp_path: Path) -> None:
    ahead = StatesAhead(store, tmp_path / "answers")
    old = ahead.refresh().revision
    add_report(store, "Минобороны заявило о взятии Покровска 12 декабря.", "ru",
               date(2025, 12, 12))
    assert ahead.collection(store.revision(), date(2025, 12, 20), None, True) is None
    assert ahead.collection(old, date(2025, 12, 20), None, True) is not None
    store.close()


def test_a_second_server_process_loads_the_table_the_first_built(
        store: SqlStore, tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    ahead = StatesAhead(store, folder)
    ahead.refresh()
    assert ahead.built == 1
    day = date(2025, 11, 21)
    script = (
        "import sys; from datetime import date; from pathlib import Path\n"
        "from frontledger.ledger import open_store\n"
        "from frontledger.serve.ahead import StatesAhead\n"
        "store = open_store(sys.argv[1], create=False)\n"
        "ahead = StatesAhead(store, Path(sys.argv[2]))\n"
        "table = ahead.refresh()\n"
        "sys.stdout.buffer.write(str(ahead.built).encode() + b'\\n' + "
        "ahead.collection(table.revision, date.fromisoformat(sys.argv[3]), None, True) + "
        "b'\\n' + b','.join(ahead.history(table.revision, ['g:703656'])))\n")
    done = subprocess.run([sys.executable, "-c", script, store.url, str(folder),
                           day.isoformat()], capture_output=True, check=True, timeout=120)
    built, body, timeline = done.stdout.split(b"\n")
    assert built == b"0"  # loaded, not built again
    assert body == on_demand(store, day, None, True)
    assert timeline == b",".join(orjson.dumps(state_json(s))
                                 for s in store.place_history(["g:703656"]))
    store.close()


def test_the_control_endpoint_answers_from_the_table_computed_ahead(
        store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(store, ServeSettings(shared_dir=tmp_path / "answers", check_seconds=0))
    with TestClient(app) as client:
        client.get("/api/stats")  # the kept answers read the revision
        app.state.ahead.refresh()
        expected = on_demand(store, date(2025, 11, 21), "UA-63", False)

        def refused(*_args: object) -> None:
            raise AssertionError("computed on demand")

        monkeypatch.setattr(api, "control_on", refused)
        answer = client.get("/api/control", params={"date": "2025-11-21",
                                                     "region": "UA-63", "views": "false"})
    assert answer.status_code == 200
    assert answer.content == expected
    assert KUPIANSK.name.encode() in answer.content
    store.close()


def test_the_timeline_endpoint_answers_from_the_table_computed_ahead(
        store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(store, ServeSettings(shared_dir=tmp_path / "answers", check_seconds=0))
    with TestClient(app) as client:
        on_demand_answer = client.get("/api/timeline", params={"geonameid": 703656})
        client.get("/api/stats")
        app.state.ahead.refresh()

        def refused(*_args: object) -> None:
            raise AssertionError("computed on demand")

        monkeypatch.setattr(store, "place_history", refused)
        app.state.kept.invalidate()  # forget the answer kept above
        answer = client.get("/api/timeline", params={"geonameid": 703656})
        missing = client.get("/api/timeline", params={"geonameid": 1})
    assert answer.status_code == 200
    assert answer.content == on_demand_answer.content
    assert missing.status_code == 404
    store.close()


def test_a_ledger_built_again_at_the_same_path_does_not_load_the_old_ledgers_table(
        tmp_path: Path) -> None:
    folder, path = tmp_path / "answers", tmp_path / "again.db"
    first = open_store(f"sqlite:///{path}")
    hand_made_ledger(first)
    StatesAhead(first, folder).refresh()
    revision = first.revision()
    first.close()
    path.unlink()
    second = open_store(f"sqlite:///{path}")
    front_ledger(second)
    while second.revision() < revision:  # the same revision number as the old ledger's
        add_report(second, f"Минобороны заявило о взятии Покровска, сводка {second.revision()}.",
                   "ru", date(2025, 12, 1) + timedelta(days=second.revision()))
    if second.revision() != revision:
        pytest.fail("the second ledger passed the first one's revision")
    ahead = StatesAhead(second, folder)
    ahead.refresh()
    assert ahead.built == 1
    day = date(2025, 12, 20)
    assert ahead.collection(revision, day, None, True) == on_demand(second, day, None, True)
    second.close()


def test_an_in_memory_ledger_shares_no_table(tmp_path: Path) -> None:
    store = open_store("sqlite://")
    hand_made_ledger(store)
    ahead = StatesAhead(store, tmp_path / "answers")
    table = ahead.refresh()
    assert ahead.collection(table.revision, date(2025, 11, 21), None, False) == on_demand(
        store, date(2025, 11, 21), None, False)
    assert not (tmp_path / "answers").exists()
    store.close()


def test_a_ledger_over_the_states_cap_gets_no_table_and_is_answered_on_demand(
        store: SqlStore, tmp_path: Path) -> None:
    ahead = StatesAhead(store, tmp_path / "answers", max_states=2)
    assert ahead.refresh() is None
    assert ahead.collection(store.revision(), date(2025, 11, 21), None, True) is None
    app = create_app(store, ServeSettings(shared_dir=tmp_path / "answers", check_seconds=0))
    app.state.ahead.max_states = 2
    with TestClient(app) as client:
        answer = client.get("/api/control", params={"date": "2025-11-21"})
    assert answer.content == on_demand(store, date(2025, 11, 21), None, True)
    store.close()
