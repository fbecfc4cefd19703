"""Stored claims fold into events, per-place timelines and claimant track records.

The claims are written by hand (the extractor is tested elsewhere) and stored for real, on
SQLite and PostgreSQL, to play the Kupiansk sequence of November-December 2025.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore, open_store, states
from frontledger.ledger.events import cluster_events, independent_sources, simhash
from frontledger.ledger.store import AnalysedDocument
from frontledger.ledger.timeline import control_as_of, state_on, timeline
from frontledger.ledger.trackrecord import track_records
from frontledger.records import Claim, Evidence, PlaceMention

KUPIANSK = {"name": "Kupiansk", "geonameid": 704147, "iso3166_2": "UA-63"}
SIVERSK = {"name": "Siversk", "geonameid": 694403, "iso3166_2": "UA-14"}
WIRE = ("MOSCOW, Nov 20 - Russia's chief of staff Valery Gerasimov told President Putin "
        "on Thursday that troops of the West group had liberated Kupiansk in the Kharkiv "
        "region, a town that Ukrainian forces retook in September 2022 after months of "
        "occupation. Ukraine's General Staff rejected the claim hours later as false and "
        "said its units still held the town and were clearing Russian infiltration groups "
        "from the northern districts. The claim could not be independently verified. "
        "Gerasimov also said Russian forces controlled most of Vovchansk and were "
        "advancing on Huliaipole in the Zaporizhzhia region, claims Kyiv also denied.")


def add(store: SqlStore, text: str, outlet: str, day: date, claims: list[dict]) -> None:
    """Store a document with one claim per dict (place, claimant side, kind, actor...)."""
    doc = make_document(text, source="t", raw=text.encode(), outlet=outlet, language="en",
                        published=datetime(day.year, day.month, day.day, 12, tzinfo=UTC))
    built = []
    for spec in claims:
        place = spec["place"]
        start = max(doc.text.find(place["name"]), 0)
        mention = PlaceMention(start, start + len(place["name"]), place["name"],
                               place["name"], "populated_place", place["geonameid"], "UA",
                               place["iso3166_2"], 49.0, 37.0)
        built.append(Claim(
            claimant=spec["side"] + " source", claimant_side=spec["side"], kind=spec["kind"],
            place=mention, actor_side=spec["actor"], stance=spec.get("stance", "asserts"),
            evidence=Evidence(doc.id, 0, len(doc.text), doc.text),
            fraction=spec.get("fraction"), date=spec.get("date", day), date_precision="day"))
    store.add_document(doc, [c.place for c in built], built, extractor="hand")


def kupiansk_sequence(store: SqlStore) -> None:
    nov20, dec17, dec18 = date(2025, 11, 20), date(2025, 12, 17), date(2025, 12, 18)
    ru_claim = {"place": KUPIANSK, "side": "RU", "kind": "control", "actor": "RU"}
    add(store, WIRE, "wire-a", nov20, [ru_claim])
    add(store, WIRE.replace("MOSCOW, Nov 20 - ", "MOSCOW (wire) - "), "wire-b", nov20,
        [ru_claim])
    add(store, "Kupiansk: Kremlin says the city is taken. Kyiv says not.", "paper", nov20,
        [ru_claim])
    add(store, "Ukraine's General Staff: Kupiansk is under Ukrainian control.", "ua", nov20,
        [{**ru_claim, "side": "UA", "stance": "denies"},
         {"place": KUPIANSK, "side": "UA", "kind": "control", "actor": "UA"}])
    add(store, "Ukraine says it cleared about 90% of Kupiansk.", "ua", dec17,
        [{"place": KUPIANSK, "side": "UA", "kind": "control", "actor": "UA",
          "fraction": 0.9}])
    add(store, "Russia insists Kupiansk is fully under its control.", "ru", dec18,
        [{**ru_claim, "side": "RU"}])
    add(store, "Russia says its troops took Siversk.", "ru", date(2025, 12, 11),
        [{"place": SIVERSK, "side": "RU", "kind": "control", "actor": "RU"}])
    add(store, "Ukrainian units withdrew from Siversk, the command said.", "ua",
        date(2025, 12, 23),
        [{"place": SIVERSK, "side": "UA", "kind": "withdrawal", "actor": "UA"}])


def test_reports_of_one_capture_fold_into_one_event_and_wire_copies_count_once(
        store: SqlStore) -> None:
    kupiansk_sequence(store)
    events = cluster_events(store.stored_claims())
    capture = [e for e in events if e.place_name == "Kupiansk" and e.kind == "control"
               and e.actor_side == "RU" and e.stance == "asserts"]
    assert [len(e.claims) for e in capture] == [3, 1]  # Nov 20 reports, then Dec 18
    first = capture[0]
    assert first.first_date == date(2025, 11, 20) and first.sources == 2
    assert first.claimant_sides == ("RU",)
    assert first.first_reported == datetime(2025, 11, 20, 12, tzinfo=UTC)
    denial = [e for e in events if e.stance == "denies"]
    assert len(denial) == 1 and denial[0].claimant_sides == ("UA",)


def test_kupiansk_is_contested_from_the_first_claim_and_unknown_before(
        store: SqlStore) -> None:
    kupiansk_sequence(store)
    claims = store.stored_claims(geonameids=[704147])
    assert state_on(claims, date(2025, 11, 19)) is None
    nov20 = state_on(claims, date(2025, 11, 20))
    assert nov20 is not None and nov20.status == "contested" and nov20.controller is None
    assert {v.side: v.controller for v in nov20.views} == {"RU": "RU", "UA": "UA"}
    dec17 = state_on(claims, date(2025, 12, 17))
    assert dec17 is not None and dec17.status == "contested"
    assert {v.side: v.fraction for v in dec17.views} == {"RU": None, "UA": 0.9}
    assert [s.on for s in timeline(claims)] == [date(2025, 11, 20), date(2025, 12, 17),
                                                 date(2025, 12, 18)]


def test_withdrawal_by_the_holder_confirms_the_other_sides_capture(store: SqlStore) -> None:
    kupiansk_sequence(store)
    states = {s.place_name: s for s in control_as_of(
        store.stored_claims(kinds=["control", "withdrawal"], until=date(2025, 12, 31)),
        date(2025, 12, 31))}
    assert states["Siversk"].status == "confirmed" and states["Siversk"].controller == "RU"
    assert states["Kupiansk"].status == "contested"
    before = {s.place_name: s for s in control_as_of(
        store.stored_claims(until=date(2025, 12, 12)), date(2025, 12, 12))}
    assert before["Siversk"].status == "claimed" and before["Siversk"].controller == "RU"


def test_track_record_counts_concessions_and_the_lag_to_them(store: SqlStore) -> None:
    kupiansk_sequence(store)
    records = {r.side: r for r in track_records(store.stored_claims())}
    russia, ukraine = records["RU"], records["UA"]
    # Russia: three reports of the Nov 20 claim, Dec 18, Siversk (conceded 12 days later)
    assert (russia.claims, russia.corroborated, russia.median_lag_days) == (5, 1, 12.0)
    assert russia.contradicted_by_own_side == 0
    # Ukraine: denial, two holds, and a withdrawal that Russia's standing claim matches
    assert (ukraine.claims, ukraine.corroborated, ukraine.median_lag_days) == (4, 1, 0.0)
    assert ukraine.corroborated_share == 0.25


def test_region_filter_and_cutoff_are_applied_in_the_query(store: SqlStore) -> None:
    kupiansk_sequence(store)
    assert {c.claim.place.name for c in store.stored_claims(region="UA-14")} == {"Siversk"}
    assert len(store.stored_claims(until=date(2025, 11, 20))) == 5


def test_simhash_tells_wire_copies_from_different_reports() -> None:
    copy = WIRE.replace("MOSCOW, Nov 20 - ", "MOSCOW (wire) - ")
    other = "Ukraine's General Staff said Kupiansk remains under Ukrainian control."
    assert bin(simhash(WIRE) ^ simhash(copy)).count("1") <= 6
    assert bin(simhash(WIRE) ^ simhash(other)).count("1") > 10
    assert independent_sources([]) == 0


def test_stored_place_states_equal_the_fold_of_the_claims(store: SqlStore) -> None:
    kupiansk_sequence(store)
    for day in (date(2025, 11, 19), date(2025, 11, 20), date(2025, 12, 12),
                date(2025, 12, 18), date(2026, 1, 31)):
        assert store.states_on(day) == control_as_of(store.stored_claims(until=day), day)
    assert store.place_history(["g:704147"]) == timeline(
        store.stored_claims(geonameids=[704147]))
    assert [s.place_name for s in store.states_on(date(2025, 12, 31), "UA-14")] == ["Siversk"]


def test_reanalysing_a_document_updates_the_place_states(store: SqlStore) -> None:
    kupiansk_sequence(store)
    [withdrawal] = store.stored_claims(kinds=["withdrawal"])
    store.replace_analysis(withdrawal.document_id, [], [], extractor="v2")
    [siversk] = store.states_on(date(2025, 12, 31), "UA-14")
    assert siversk.status == "claimed" and siversk.controller == "RU"


def test_states_stay_equal_to_the_fold_when_older_reports_arrive_late(
        store: SqlStore) -> None:
    late = date(2025, 12, 18)
    add(store, "Russia insists Kupiansk is under its control.", "ru", late,
        [{"place": KUPIANSK, "side": "RU", "kind": "control", "actor": "RU"}])
    add(store, "Ukraine says it holds 90% of Kupiansk.", "ua", date(2025, 12, 17),
        [{"place": KUPIANSK, "side": "UA", "kind": "control", "actor": "UA", "fraction": 0.9}])
    add(store, "Moscow claims Kupiansk.", "ru", date(2025, 11, 20),
        [{"place": KUPIANSK, "side": "RU", "kind": "control", "actor": "RU"}])
    add(store, "Kyiv: Kupiansk was never lost.", "ua", date(2025, 11, 1),
        [{"place": KUPIANSK, "side": "UA", "kind": "control", "actor": "UA"}])
    claims = store.stored_claims(geonameids=[704147])
    assert store.place_history(["g:704147"]) == timeline(claims)
    assert [s.status for s in store.place_history(["g:704147"])] == [
        "claimed", "contested", "contested", "contested"]


def test_states_written_in_one_batch_equal_the_fold_of_the_claims(store: SqlStore) -> None:
    days = [date(2025, 12, 18), date(2025, 11, 1), date(2025, 12, 17), date(2025, 11, 20)]
    sides = ["RU", "UA", "UA", "RU"]
    batch = []
    for n, (day, side) in enumerate(zip(days, sides, strict=True)):
        text = f"Report {n}: {side} says Kupiansk and Siversk are held by {side}."
        doc = make_document(text, source="t", raw=text.encode(), language="en",
                            published=datetime(day.year, day.month, day.day, tzinfo=UTC))
        claims = [Claim(claimant=side, claimant_side=side, kind="control",
                        place=PlaceMention(0, 1, p["name"], p["name"], "populated_place",
                                           p["geonameid"], "UA", p["iso3166_2"], 49.0, 37.0),
                        actor_side=side, stance="asserts",
                        evidence=Evidence(doc.id, 0, len(text), text), date=day)
                  for p in (KUPIANSK, SIVERSK)]
        batch.append(AnalysedDocument(doc, [], claims))
    store.add_documents(batch[:2], extractor="hand")
    store.add_documents(batch[2:], extractor="hand")
    for geonameid in (704147, 694403):
        assert store.place_history([f"g:{geonameid}"]) == timeline(
            store.stored_claims(geonameids=[geonameid]))
    for day in (date(2025, 10, 1), date(2025, 11, 1), date(2025, 11, 25), date(2026, 1, 1)):
        assert store.states_on(day) == control_as_of(store.stored_claims(until=day), day)


def test_as_of_answers_follow_writes_made_after_they_were_read(db_url: str) -> None:
    reader, writer = open_store(db_url), open_store(db_url)  # like `serve` and `ingest`
    try:
        kupiansk_sequence(writer)
        day = date(2025, 12, 31)
        before = reader.states_on(day)
        assert [s.status for s in reader.states_on(day)] == [s.status for s in before]
        [withdrawal] = writer.stored_claims(kinds=["withdrawal"])
        writer.replace_analysis(withdrawal.document_id, [], [], extractor="v2")
        assert reader.states_on(day) == control_as_of(reader.stored_claims(until=day), day)
        assert reader.states_on(day) != before
    finally:
        reader.close()
        writer.close()


def test_as_of_answers_from_kept_spans_equal_the_databases(store: SqlStore) -> None:
    kupiansk_sequence(store)
    days = [date(2025, 10, 1) + timedelta(days=n) for n in range(0, 120, 3)]
    with store.engine.connect() as conn:
        asked = [(day, region) for day in days for region in (None, "UA-14", "UA-63", "UA-99")]
        for day, region in asked:  # from the second question on, from the kept spans
            assert store.states_on(day, region) == states.states_on(conn, day, region)
    assert store._state_memo.spans is not None
    assert store.states_on(date(2025, 12, 31), "UA-99") == []


def test_a_states_views_read_back_as_the_side_views_they_were_written_from() -> None:
    from frontledger.records import SideView

    views = (SideView("RU", "RU", 1.0, date(2025, 11, 20), 7),
             SideView("UA", None, None, None, 8),
             SideView("other", "UA", 0.25, date(2024, 2, 29), 12))
    assert states.decoded_views(states._encoded(views)) == views
    # a whole-number share written as an integer reads back as the same share
    assert states.decoded_views('[["RU", "RU", 1, "2025-11-20", 7]]')[0].fraction == 1.0
    assert states.decoded_views("[]") == ()
