"""The store keeps each text once, links new versions of a URL, and reads back what it got.

Every test here runs on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from frontledger.ingest.formats import make_document
from frontledger.ledger import ClaimFilter, SqlStore, open_store, resolve_db_url
from frontledger.ledger.schema import metadata
from frontledger.ledger.store import AnalysedDocument, analysis_rows, head_revisions, upgrade
from frontledger.pipeline import EXTRACTOR_VERSION, ingest_into, skip_analysis
from frontledger.records import Claim, Document, Evidence, PlaceMention, Rejection
from tests.conftest import fresh_postgres_db
from tests.ledger_rows import previous_version


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
    assert previous_version(store, new.id) == old.id
    assert previous_version(store, old.id) is None
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


def test_reopening_a_ledger_at_the_latest_migration_does_not_run_alembic(
        store: SqlStore, monkeypatch) -> None:
    from alembic import command

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("alembic ran on a ledger already at the latest migration")

    monkeypatch.setattr(command, "upgrade", refuse)
    store.add_document(doc("a ledger at head"))
    reopened = SqlStore(store.url)
    assert reopened.status().documents == 1
    reopened.close()


def _migrate_step_by_step(url: str) -> None:
    engine = create_engine(resolve_db_url(url))
    with engine.begin() as conn:
        upgrade(conn)
    engine.dispose()


def _schema_of(url: str) -> dict[str, object]:
    """Every table's columns, keys, indexes and constraints as the database reports
    them, and the rows the migrations write."""
    engine = create_engine(resolve_db_url(url))
    inspector = inspect(engine)
    schema: dict[str, object] = {}
    for table in sorted(inspector.get_table_names()):
        primary = inspector.get_pk_constraint(table)
        schema[table] = (
            [(c["name"], str(c["type"]), c["nullable"], c.get("default"))
             for c in inspector.get_columns(table)],
            (primary.get("name"), tuple(primary["constrained_columns"])),
            sorted((tuple(f["constrained_columns"]), f["referred_table"],
                    tuple(f["referred_columns"])) for f in inspector.get_foreign_keys(table)),
            sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                   for i in inspector.get_indexes(table)),
            sorted((u["name"], tuple(u["column_names"]))
                   for u in inspector.get_unique_constraints(table)))
    with engine.connect() as conn:
        schema["rows"] = [
            [tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}"))]
            for table in ("alembic_version", "ledger_revision")]
    engine.dispose()
    return schema


@pytest.fixture
def second_db_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another empty database of the same kind as `db_url`."""
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.db'}"
    return fresh_postgres_db(request.getfixturevalue("postgres_admin_url"))


def test_a_new_ledger_created_from_the_schema_equals_one_migrated_step_by_step(
        db_url: str, second_db_url: str) -> None:
    open_store(db_url).close()
    _migrate_step_by_step(second_db_url)
    created, migrated = _schema_of(db_url), _schema_of(second_db_url)
    assert "claims" in created and "alembic_version" in created
    assert created == migrated


def test_a_new_ledger_is_created_without_running_alembic(db_url: str, monkeypatch) -> None:
    from alembic import command

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("alembic ran to create a new ledger")

    monkeypatch.setattr(command, "upgrade", refuse)
    with open_store(db_url) as store:
        assert store.add_document(doc("the first text of a new ledger")) is True
        assert store.revision() >= 1


def test_a_ledger_created_from_the_schema_takes_later_migrations(db_url: str) -> None:
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    open_store(db_url).close()
    engine = create_engine(resolve_db_url(db_url))
    with engine.connect() as conn:
        stamped = set(MigrationContext.configure(conn).get_current_heads())
    engine.dispose()
    config = Config()
    config.set_main_option("script_location", str(files("frontledger.ledger") / "migrations"))
    assert stamped == set(ScriptDirectory.from_config(config).get_heads())


def test_latest_migration_read_from_the_files_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(files("frontledger.ledger") / "migrations"))
    assert head_revisions() == set(ScriptDirectory.from_config(config).get_heads())


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


def test_every_write_raises_the_ledger_revision_and_a_known_text_does_not(
        store: SqlStore) -> None:
    document = doc("Russia's Defence Ministry said it had taken 70% of Kupiansk.")
    place, claim = _claim_fixture(document)
    seen = [store.revision()]
    store.add_document(document, [place], [claim], extractor="v1")
    seen.append(store.revision())
    store.add_document(document, [place], [claim], extractor="v1")  # already stored
    seen.append(store.revision())
    store.replace_analysis(document.id, [place], [], extractor="v2")  # like `reprocess`
    seen.append(store.revision())
    store.add_rejection(Rejection("feed.xml", "item 3", "read", "empty text"))
    seen.append(store.revision())
    assert seen[1] > seen[0] and seen[2] == seen[1] and seen[4] > seen[3] > seen[2]


def test_a_batch_of_documents_is_stored_whole_and_known_texts_are_skipped(
        store: SqlStore) -> None:
    first = doc("Russia's Defence Ministry said it had taken 70% of Kupiansk.")
    store.add_document(first, extractor="v1")
    second = doc("Moscow said again that Kupiansk was taken.")
    place, claim = _claim_fixture(second)
    batch = [AnalysedDocument(first), AnalysedDocument(second, [place], [claim])]
    assert store.add_documents(batch, extractor="v1") == [False, True]
    assert store.claims(second.id) == [claim] and store.claims(first.id) == []
    [state] = store.states_on(date(2025, 11, 21))
    assert state.controller == "RU" and state.views[0].claim_id > 0


def test_a_document_stored_from_its_rows_is_the_document_stored_from_its_records(
        store: SqlStore, second_db_url: str) -> None:
    # a Dask worker hands back `analysis_rows` (pickled) instead of the records
    import pickle

    document = doc("Moscow said Kupiansk was taken; Kyiv said it was not.",
                   published=datetime(2025, 11, 21, 9, tzinfo=UTC))
    place, claim = _claim_fixture(document)
    undated = replace(claim, date=None, date_precision=None, stance="denies")
    rows = pickle.loads(pickle.dumps(analysis_rows(document, [place], [claim, undated])))
    store.add_documents([AnalysedDocument(document, rows=rows)], extractor="v1")
    with open_store(second_db_url) as other:
        other.add_documents([AnalysedDocument(document, [place], [claim, undated])],
                            extractor="v1")
        for table in ("documents", "place_mentions", "claims", "place_states"):
            assert _rows_of(store, table) == _rows_of(other, table)
    assert store.claims(document.id) == [claim, undated]
    assert store.place_mentions(document.id) == [place]


def _rows_of(store: SqlStore, table: str) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY seq")).all()
    return [tuple(value for name, value in row._mapping.items() if name != "ingested_at")
            for row in rows]


def test_upgrading_a_ledger_from_0004_fills_in_until_when_each_state_held(
        tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        upgrade(conn, "0004")
        for key, day in (("g:1", "2025-01-05"), ("g:1", "2025-01-01"), ("g:2", "2025-02-01"),
                         ("g:1", "2025-03-01")):
            conn.execute(text("INSERT INTO place_states (place_key, day, place_name, status,"
                              " views) VALUES (:k, :d, 'P', 'claimed', '[]')"),
                         {"k": key, "d": day})
    engine.dispose()
    with open_store(url) as store, store.engine.connect() as conn:
        rows = conn.execute(text("SELECT place_key, day, until FROM place_states"
                                 " ORDER BY place_key, day")).all()
        assert [tuple(r) for r in rows] == [
            ("g:1", "2025-01-01", "2025-01-05"), ("g:1", "2025-01-05", "2025-03-01"),
            ("g:1", "2025-03-01", None), ("g:2", "2025-02-01", None)]
        assert store.revision() == 0


def test_a_page_of_claims_far_in_is_the_same_slice_of_all_of_them(store: SqlStore) -> None:
    for n in range(6):
        document = doc(f"Report {n}: Russia's Defence Ministry said it had taken Kupiansk.",
                       outlet="A" if n % 2 else "B", language="en")
        _place, claim = _claim_fixture(document)
        store.add_document(document, [], [claim, replace(claim, claimant_side="UA")])
    every = store.stored_claims(kinds=["control"], where=ClaimFilter(claimant_side="RU"))
    for offset in (1, 2, 5):
        page = store.stored_claims(kinds=["control"], where=ClaimFilter(
            claimant_side="RU", limit=2, offset=offset))
        assert page == every[offset:offset + 2]
    by_outlet = store.stored_claims(where=ClaimFilter(outlet="A", limit=2, offset=1))
    assert by_outlet == [c for c in store.stored_claims() if c.outlet == "A"][1:3]


def test_a_first_page_of_a_places_or_a_regions_claims_is_the_same_slice_of_all_of_them(
        store: SqlStore) -> None:
    for n in range(7):
        text = (f"Report {n}: Russia's Defence Ministry said it had taken Kupiansk."
                if n % 2 else f"Rapport {n} : le ministère russe dit avoir pris Kupiansk.")
        document = doc(text, language="en" if n % 2 else "fr")
        _place, claim = _claim_fixture(document)
        store.add_document(document, [], [replace(claim, date=date(2025, 11, 10 + n))])
    keys = ["g:704147"]
    every = store.stored_claims(place_keys=keys)
    assert store.stored_claims(place_keys=keys, where=ClaimFilter(limit=3)) == every[:3]
    since = ClaimFilter(since=date(2025, 11, 13), limit=2)
    later = [c for c in store.stored_claims(region="UA-63")
             if c.claim.date and c.claim.date >= date(2025, 11, 13)]
    assert store.stored_claims(region="UA-63", where=since) == later[:2]
    assert len(later) == 4


def test_claim_searches_with_the_same_filters_bind_each_calls_own_values(
        store: SqlStore) -> None:
    for n, side in enumerate(("RU", "UA", "RU")):
        document = doc(f"Report {n}: the ministry said it had taken Kupiansk.",
                       language="en" if n else "fr")
        _place, claim = _claim_fixture(document)
        store.add_document(document, [], [replace(claim, claimant_side=side)])
    by_side = {side: store.stored_claims(where=ClaimFilter(claimant_side=side, limit=5))
               for side in ("RU", "UA", "other")}
    assert [len(found) for found in by_side.values()] == [2, 1, 0]
    assert {c.claim.claimant_side for c in by_side["UA"]} == {"UA"}
    french = store.stored_claims(kinds=["control"], where=ClaimFilter(language="fr"))
    english = store.stored_claims(kinds=["control"], where=ClaimFilter(language="en"))
    assert (len(french), len(english)) == (1, 2)
    assert store.stored_claims(place_keys=[]) == []
    assert len(store.stored_claims(geonameids=[704147], kinds=[])) == 3


def test_a_batch_written_in_one_insert_per_table_reads_back_each_documents_own_rows(
        store: SqlStore) -> None:
    published = datetime(2025, 11, 22, 9, 0, tzinfo=UTC)
    documents = [doc(f"Report {n}: Kyiv said Kupiansk was held, Moscow said it was taken.",
                     published=published) for n in range(3)]
    analysed = []
    for n, document in enumerate(documents):
        place, claim = _claim_fixture(document)
        undated = replace(claim, date=None, date_precision=None, fraction=None,
                          change=False, stance="denies", claimant_side="UA")
        claims = [claim, undated][: n + 1]  # documents with one and with two claims
        analysed.append(AnalysedDocument(document, [place] * (n + 1), claims))
    assert store.add_documents(analysed, extractor="v1") == [True, True, True]
    for item in analysed:
        assert store.claims(item.document.id) == list(item.claims)
        assert store.place_mentions(item.document.id) == list(item.places)
    with store.engine.connect() as conn:
        days = conn.execute(text("SELECT date, day FROM claims ORDER BY seq")).all()
    # the day a claim holds for: its own date, else its document's publication day
    assert [(str(d), str(day)) for d, day in days] == [
        ("2025-11-20", "2025-11-20"), ("2025-11-20", "2025-11-20"), ("None", "2025-11-22"),
        ("2025-11-20", "2025-11-20"), ("None", "2025-11-22")]


def test_the_columns_a_batch_inserts_are_every_column_of_the_claims_and_mentions_tables(
        ) -> None:
    from frontledger.ledger.schema import claims, place_mentions
    from frontledger.ledger.store import CLAIM_COLUMNS, MENTION_COLUMNS

    assert tuple(c.name for c in claims.c if c.name != "seq") == CLAIM_COLUMNS
    assert tuple(c.name for c in place_mentions.c if c.name != "seq") == MENTION_COLUMNS


def test_the_columns_a_batch_inserts_are_every_column_of_the_documents_table() -> None:
    from frontledger.ledger.schema import documents
    from frontledger.ledger.store import DOCUMENT_COLUMNS

    assert tuple(c.name for c in documents.c if c.name != "seq") == DOCUMENT_COLUMNS


def test_versions_of_one_url_in_one_batch_link_each_to_the_one_before(
        store: SqlStore) -> None:
    # a feed re-read with two edits of one story and a repeat of the first text: each
    # version points to the latest stored before it, the batch's own earlier ones included
    url = "https://n.example/lyman"
    stored = doc("Kyiv said Lyman was held.", url=url)
    store.add_document(stored)
    edit = doc("Kyiv said Lyman was held; shelling went on.", url=url)
    edit_again = doc("Kyiv said Lyman was held; shelling went on all night.", url=url)
    other = doc("Moscow claimed Siversk.", url="https://n.example/siversk")
    batch = [AnalysedDocument(d) for d in (edit, stored, other, edit, edit_again)]
    assert store.add_documents(batch) == [True, False, True, False, True]
    assert previous_version(store, edit.id) == stored.id
    assert previous_version(store, edit_again.id) == edit.id
    assert previous_version(store, other.id) is None
    assert [d.id for d in store.documents()] == [stored.id, edit.id, other.id, edit_again.id]


def test_a_batch_stores_its_publication_moments_as_single_documents_store_them(
        store: SqlStore, second_db_url: str) -> None:
    kyiv = timezone(timedelta(hours=2))
    moments = [datetime(2025, 11, 22, 9, 15, 7, 250, tzinfo=kyiv), None,
               datetime(2025, 11, 23, tzinfo=UTC)]
    documents = [doc(f"Bericht {n} über Kupjansk.", published=moment, language="de")
                 for n, moment in enumerate(moments)]
    store.add_documents([AnalysedDocument(d) for d in documents])
    with open_store(second_db_url) as other:
        for document in documents:
            other.add_document(document)
        assert _rows_of(store, "documents") == _rows_of(other, "documents")
    assert [store.get_document(d.id).published for d in documents] == [  # type: ignore[union-attr]
        datetime(2025, 11, 22, 7, 15, 7, 250, tzinfo=UTC), None, moments[2]]


def test_a_document_another_writer_stores_during_a_batch_is_not_counted_twice(
        store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    # the batch looks its ids up, then another process stores one of them before the
    # batch's insert: that one is the other's (not stored again, its claims not doubled)
    first = doc("Moscow said Kupiansk was taken on 20 November.")
    raced = doc("Moskau meldete die Einnahme von Kupiansk (Kupjansk).")
    place, claim = _claim_fixture(raced)
    insert = store._insert_new_documents

    def other_writer_first(conn, rows):  # type: ignore[no-untyped-def]
        with open_store(store.url) as other:
            other.add_documents([AnalysedDocument(raced, [place], [claim])])
        return insert(conn, rows)

    monkeypatch.setattr(store, "_insert_new_documents", other_writer_first)
    batch = [AnalysedDocument(first), AnalysedDocument(raced, [place], [claim])]
    assert store.add_documents(batch) == [True, False]
    assert store.claims(raced.id) == [claim] and store.status().documents == 2
    [state] = store.states_on(date(2025, 11, 21))
    assert state.controller == "RU"
