"""The fold's two order rules: a side's claims of one day are read together (the most
specific view stands, whatever order they were stored in), and an outlet relaying a
belligerent's claim is not a second voice. Claims written by hand over invented reports
(English and Ukrainian), stored for real on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.timeline import control_as_of, timeline
from frontledger.records import Claim, Evidence, PlaceMention, PlaceState

TOWN = PlaceMention(0, 0, "", "Invented Town", "populated_place", 990_001, "UA", "UA-63",
                    49.5, 37.5)
DAY = date(2025, 11, 20)
LATER = date(2025, 12, 1)
HALF = {"side": "UA", "kind": "control", "actor": "UA", "fraction": 0.5}
DENIAL = {"side": "UA", "kind": "control", "actor": "RU", "stance": "denies"}


def add(store: SqlStore, text: str, outlet: str, specs: list[dict[str, Any]],
        day: date = DAY) -> None:
    document = make_document(text, source="t", raw=text.encode(), outlet=outlet,
                             published=datetime(day.year, day.month, day.day, tzinfo=UTC),
                             language="uk" if outlet.endswith(".ua") else "en")
    claims = [Claim(claimant=f"{spec['side']} speaker", claimant_side=spec["side"],
                    kind=spec["kind"], place=TOWN, actor_side=spec["actor"],
                    stance=spec.get("stance", "asserts"),
                    evidence=Evidence(document.id, 0, len(text), text),
                    fraction=spec.get("fraction"), date=day, date_precision="day")
              for spec in specs]
    store.add_document(document, [], claims, extractor="hand")


def _content(states: list[PlaceState]) -> list[tuple[Any, ...]]:
    """States without the claim ids (storage order numbers them differently)."""
    return [(s.on, s.status, s.controller,
             tuple((v.side, v.controller, v.fraction, v.since) for v in s.views))
            for s in states]


def _half_and_denial(store: SqlStore, denial_first: bool) -> None:
    reports = [("INVENTED TEST REPORT. Kyiv says about half of Invented Town is held by "
                "its troops.", "invented-wire.example", [HALF]),
               ("ВИГАДАНО. Генштаб: заяви про захоплення міста — неправда.",
                "vyhadka.ua", [DENIAL])]
    for text, outlet, specs in (reversed(reports) if denial_first else reports):
        add(store, text, outlet, specs)


def test_a_same_day_denial_keeps_the_sides_partial_figure(db_url: str) -> None:
    with open_store(db_url) as store:
        _half_and_denial(store, denial_first=False)
        [state] = store.states_on(LATER)
        [ukraine] = state.views
        assert (ukraine.side, ukraine.controller, ukraine.fraction) == ("UA", "UA", 0.5)
        assert _content(store.states_on(LATER)) == _content(
            control_as_of(store.stored_claims(), LATER))


def test_the_ledger_is_the_same_whatever_order_the_days_claims_were_stored_in(
        tmp_path: Any) -> None:
    ledgers = []
    for denial_first in (False, True):
        with open_store(f"sqlite:///{tmp_path / f'{denial_first}.db'}") as store:
            _half_and_denial(store, denial_first)
            # a second pair: Russia's full and partial claims of one day, both orders
            full = {"side": "RU", "kind": "control", "actor": "RU"}
            partial = {**full, "fraction": 0.7}
            pair = [full, partial] if denial_first else [partial, full]
            add(store, "INVENTED TEST REPORT. Moscow claims Invented Town, or 70% of it.",
                "invented-ru.example", pair)
            ledgers.append((_content(store.place_history(["g:990001"])),
                            _content(store.states_on(LATER)),
                            _content(timeline(store.stored_claims()))))
    assert ledgers[0] == ledgers[1]
    russia = next(v for v in ledgers[0][1][0][3] if v[0] == "RU")
    assert russia[2] == 0.7


def test_an_outlet_relaying_one_sides_claim_does_not_confirm_it(db_url: str) -> None:
    with open_store(db_url) as store:
        # the outlet retells Moscow's claim in its own words in the same report
        add(store, "INVENTED TEST REPORT. Moscow says it has taken Invented Town; the "
            "town is now held by Russian forces, the paper writes.", "invented-wire.example",
            [{"side": "RU", "kind": "control", "actor": "RU"},
             {"side": "other", "kind": "control", "actor": "RU"}])
        add(store, "ВИГАДАНО. Москва заявляє про захоплення міста; місто під контролем "
            "російських військ, пише видання.", "vyhadka.ua",
            [{"side": "RU", "kind": "control", "actor": "RU"},
             {"side": "other", "kind": "control", "actor": "RU"}])
        [state] = store.states_on(LATER)
        assert (state.status, state.controller) == ("claimed", "RU")
        assert [v.side for v in state.views] == ["RU"]
        assert _content(store.states_on(LATER)) == _content(
            control_as_of(store.stored_claims(), LATER))


def test_a_monitor_reporting_on_its_own_confirms_a_sides_claim(db_url: str) -> None:
    with open_store(db_url) as store:
        add(store, "INVENTED TEST REPORT. Moscow says it has taken Invented Town.",
            "invented-wire.example", [{"side": "RU", "kind": "control", "actor": "RU"}])
        add(store, "INVENTED MONITOR NOTE. Geolocated footage shows Russian forces holding "
            "Invented Town.", "monitor.example",
            [{"side": "other", "kind": "control", "actor": "RU"}], day=date(2025, 11, 22))
        [state] = store.states_on(LATER)
        assert (state.status, state.controller) == ("confirmed", "RU")


def test_a_relay_dated_after_a_refold_day_stays_a_relay(tmp_path: Any) -> None:
    """A later document refolds from its own day; the relay's belligerent claim in an
    earlier-dated sentence of the same report still makes it a relay."""
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store:
        text = "INVENTED TEST REPORT. Moscow claimed the town on the 20th; it holds it now."
        document = make_document(text, source="t", raw=text.encode(), outlet="paper.example",
                                 published=datetime(2025, 11, 25, tzinfo=UTC), language="en")
        claims = [Claim(claimant=who, claimant_side=side, kind="control", place=TOWN,
                        actor_side="RU", stance="asserts",
                        evidence=Evidence(document.id, 0, len(text), text), date=day,
                        date_precision="day")
                  for who, side, day in (("Moscow", "RU", DAY),
                                         ("the paper", "other", date(2025, 11, 25)))]
        store.add_document(document, [], claims, extractor="hand")
        add(store, "INVENTED TEST REPORT. Nothing new about Invented Town from Moscow.",
            "other-paper.example", [{"side": "RU", "kind": "control", "actor": "RU"}],
            day=date(2025, 11, 24))
        [state] = store.states_on(LATER)
        assert state.status == "claimed"
