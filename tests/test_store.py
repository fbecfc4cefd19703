"""The store keeps each text once, links new versions of a URL, and reads back what it got.

Every test here runs on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import inspect

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore
from frontledger.ledger.schema import metadata
from frontledger.pipeline import EXTRACTOR_VERSION, ingest_into, skip_analysis
from frontledger.records import Claim, Document, Evidence, PlaceMention, Rejection


def doc(text: str, **fields: object) -> Document:
    return make_document(text, source="test", raw=text.encode(), **fields)


def test_same_text_twice_is_stored_once(store: SqlStore) -> None:
    first = doc("Russian forces captured Kupiansk, Moscow said.", language="en")
    again = doc("Russian   forces captured Kupiansk,\r\nMoscow said.", language="en")
    assert first.id != again.id or first.text == again.text
    assert store.add_document(first) is True
    assert store.add_document(doc("Russian forces captured Kupiansk, Moscow said.")) is False
    assert store.status().documents == 1


def test_same_url_with_changed_text_is_a_new_version_linked_to_the_old(
        store: SqlStore) -> None:
    old = doc("Kyiv says Siversk is held.", url="https://n.example/s")
    new = doc("Kyiv says Siversk is held; fighting goes on.", url="https://n.example/s")
    assert store.add_document(old) and store.add_document(new)
    assert store.previous_version(new.id) == old.id
    assert store.previous_version(old.id) is None
    assert [d.id for d in store.documents()] == [old.id, new.id]


def test_document_round_trips_with_published_time_in_utc(store: SqlStore) -> None:
    kyiv = timezone(timedelta(hours=2))
    original = doc("Текст про Покровськ.", url="https://n.example/p", outlet="N",
                   published=datetime(2025, 11, 22, 9, 15, tzinfo=kyiv), language="uk",
                   title="Заголовок", external_id="e-1", locator="line 3")
    store.add_document(original)
    back = store.get_document(original.id)
    assert back is not None
    assert back.published == datetime(2025, 11, 22, 7, 15, tzinfo=UTC)
    assert (back.text, back.title, back.external_id, back.locator, back.outlet) == (
        original.text, original.title, "e-1", "line 3", "N")


def test_rejection_is_recorded_once_across_runs(store: SqlStore) -> None:
    rejection = Rejection("feed.xml", "entry 2", "parse", "feed entry has no content")
    assert store.add_rejection(rejection) is True
    assert store.add_rejection(rejection) is False
    status = store.status()
    assert status.rejections == 1 and status.recent_rejections == [rejection]


def test_status_counts_documents_by_language_outlet_and_day(store: SqlStore) -> None:
    day = datetime(2025, 11, 20, 18, 0, tzinfo=UTC)
    store.add_document(doc("a text", language="en", outlet="A", published=day))
    store.add_document(doc("b text", language="en", outlet="B", published=day))
    store.add_document(doc("c text", language="fr", outlet="A"))
    status = store.status()
    assert status.by_language == {"en": 2, "fr": 1}
    assert status.by_outlet == {"A": 2, "B": 1}
    assert status.by_day == {"2025-11-20": 2, "unknown": 1}


def test_migrations_create_exactly_the_declared_schema(store: SqlStore) -> None:
    inspector = inspect(store.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_reopening_an_existing_ledger_keeps_its_contents(store: SqlStore) -> None:
    store.add_document(doc("kept across opens"))
    reopened = SqlStore(store.url)
    assert reopened.status().documents == 1
    reopened.close()


def _claim_fixture(document: Document) -> tuple[PlaceMention, Claim]:
    start = document.text.index("Kupiansk")
    place = PlaceMention(start=start, end=start + 8, surface="Kupiansk", name="Kupiansk",
                         kind="populated_place", geonameid=704147, country="UA",
                         iso3166_2="UA-63", latitude=49.71, longitude=37.61, confidence=0.9)
    evidence = Evidence(document.id, 0, len(document.text), document.text)
    claim = Claim(claimant="Russian Defence Ministry", claimant_side="RU", kind="control",
                  place=place, actor_side="RU", stance="asserts", evidence=evidence,
                  fraction=0.7, date=date(2025, 11, 20), date_precision="day",
                  confidence=0.8, change=True)
    return place, claim


def test_document_is_stored_with_its_places_and_claims_in_one_go(store: SqlStore) -> None:
    document = doc("Russia's Defence Ministry said it had taken 70% of Kupiansk.")
    place, claim = _claim_fixture(document)
    assert store.add_document(document, [place], [claim], extractor="test-1")
    assert store.place_mentions(document.id) == [place]
    assert store.claims(document.id) == [claim]
    assert store.add_document(document, [place], [claim], extractor="test-1") is False
    assert len(store.claims()) == 1


def test_replacing_analysis_swaps_claims_atomically(store: SqlStore) -> None:
    document = doc("Ukraine denied that Russia held Kupiansk.")
    place, claim = _claim_fixture(document)
    store.add_document(document, [place], [claim], extractor="v1")
    store.replace_analysis(document.id, [place], [], extractor="v2")
    assert store.claims(document.id) == [] and store.place_mentions(document.id) == [place]


def test_a_failing_extractor_stores_the_document_unanalysed_and_records_why(
        store: SqlStore, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Russian forces captured Pokrovsk, Moscow said.")

    def broken(_document: Document) -> tuple[list[PlaceMention], list[Claim]]:
        raise ValueError("lexicon pattern exploded")

    report = ingest_into(store, [str(tmp_path / "in")], analyser=broken)
    assert report.stored == 1 and report.rejected == 1
    assert report.rejections[0].stage == "analyse"
    assert "ValueError: lexicon pattern exploded" in report.rejections[0].reason
    [stale] = list(store.stale_documents("any-version"))
    assert stale.text.startswith("Russian forces")


def test_documents_stored_without_extraction_are_left_for_reprocess(
        store: SqlStore, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Ukraine's General Staff said Kupiansk is held.")
    ingest_into(store, [str(tmp_path / "in")], analyser=skip_analysis)
    assert len(list(store.stale_documents(EXTRACTOR_VERSION))) == 1
