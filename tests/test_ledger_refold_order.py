"""Folding new claims into the stored states touches only the days they change
(`ledger.states.fold_in`), yet gives the states a fold of every claim gives, whatever order
and batches the documents arrive in: back-filled archives and shuffled feeds included.

The documents are generated (invented sentences, random sides, kinds, stances, fractions,
dates and relays) and stored for real, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.events import place_key
from frontledger.ledger.schema import place_states
from frontledger.ledger.store import AnalysedDocument
from frontledger.ledger.timeline import TIMELINE_KINDS, timeline
from frontledger.records import Claim, Evidence, PlaceMention
from tests.conftest import fresh_postgres_db

PLACES = [("Dobropillia", 709161, "UA-14"), ("Orikhiv", 698131, "UA-23"),
          ("Lyptsi", 702658, "UA-63")]
# another spelling of the same place (same geonameid): the state rows take the place
# columns of the place's first claim, so a new first claim must move them too
SPELLINGS = {709161: ["Dobropillia", "Dobropolye"], 698131: ["Orikhiv"], 702658: ["Lyptsi"]}
SIDES = ["RU", "UA", "other"]
FIRST_DAY = date(2025, 10, 1)


def documents(seed: int, count: int, spellings: bool) -> list[AnalysedDocument]:
    """`count` invented reports, each with one to four control or withdrawal claims."""
    rng = random.Random(seed)
    made = []
    for number in range(count):
        published = FIRST_DAY + timedelta(days=rng.randrange(25))
        text = f"Report {number}: officials of both sides spoke about the front today."
        doc = make_document(text, source="t", raw=text.encode(), outlet=f"outlet-{number % 4}",
                            language="en", published=datetime(
                                published.year, published.month, published.day, 9,
                                tzinfo=UTC))
        claims = []
        for _ in range(rng.randrange(1, 5)):
            name, geonameid, region = rng.choice(PLACES)
            if spellings:
                name = rng.choice(SPELLINGS[geonameid])
            mention = PlaceMention(0, 6, name, name, "populated_place", geonameid, "UA",
                                   region, 48.0 + geonameid % 7, 36.0)
            day = rng.choice([None, published - timedelta(days=rng.randrange(4))])
            claims.append(Claim(
                claimant="a spokesman", claimant_side=rng.choice(SIDES),
                kind=rng.choice(["control", "control", "withdrawal"]), place=mention,
                actor_side=rng.choice(["RU", "UA"]),
                stance=rng.choice(["asserts", "asserts", "denies"]),
                evidence=Evidence(doc.id, 0, 6, text[:6]),
                fraction=rng.choice([None, None, 0.5, 0.9]), date=day, date_precision="day"))
        made.append(AnalysedDocument(doc, [c.place for c in claims], claims))
    return made


def stored_rows(store: SqlStore, keep_claim_ids: bool) -> list[tuple[object, ...]]:
    """Every place_states row but its seq; views without claim ids unless asked (ids
    follow the storage order, which is the point of the comparison)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(place_states)).all()
    found = []
    for row in rows:
        views = json.loads(row.views)
        if not keep_claim_ids:
            views = [view[:4] for view in views]
        found.append((row.place_key, row.day, row.until, row.place_name, row.geonameid,
                      row.iso3166_2, row.latitude, row.longitude, row.status,
                      row.controller, json.dumps(views)))
    return sorted(found, key=repr)


def store_shuffled(store: SqlStore, docs: list[AnalysedDocument], seed: int) -> None:
    rng = random.Random(seed)
    docs = docs[:]
    rng.shuffle(docs)
    while docs:
        size = rng.randrange(1, 8)
        store.add_documents(docs[:size], extractor="hand")
        docs = docs[size:]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path,
               ) -> Iterator[tuple[SqlStore, SqlStore]]:
    """Two empty ledgers on the same backend."""
    if request.param == "sqlite":
        urls = [f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"]
    else:
        admin = request.getfixturevalue("postgres_admin_url")
        urls = [fresh_postgres_db(admin), fresh_postgres_db(admin)]
    stores = [open_store(url) for url in urls]
    yield stores[0], stores[1]
    for opened in stores:
        opened.close()


@pytest.mark.parametrize("seed", [3, 17])
def test_shuffled_batches_store_the_same_states_as_one_batch_in_date_order(
        two_stores: tuple[SqlStore, SqlStore], seed: int) -> None:
    in_order, shuffled = two_stores
    docs = documents(seed, 70, spellings=False)
    by_date = sorted(docs, key=lambda d: (d.document.published, d.document.id))
    in_order.add_documents(by_date, extractor="hand")
    store_shuffled(shuffled, docs, seed)
    expected = stored_rows(in_order, keep_claim_ids=False)
    assert len({row[0] for row in expected}) == len(PLACES)
    assert stored_rows(shuffled, keep_claim_ids=False) == expected


@pytest.mark.parametrize("seed", [5, 29])
def test_shuffled_batches_store_what_a_fold_of_every_claim_gives(
        two_stores: tuple[SqlStore, SqlStore], seed: int) -> None:
    store, _unused = two_stores
    store_shuffled(store, documents(seed, 70, spellings=True), seed + 1)
    by_place = defaultdict(list)
    for stored in store.stored_claims(kinds=TIMELINE_KINDS):
        by_place[place_key(stored.claim)].append(stored)
    expected = []
    for key, found in by_place.items():
        states = timeline(found)
        for index, state in enumerate(states):
            until = states[index + 1].on if index + 1 < len(states) else None
            views = [[v.side, v.controller, v.fraction, v.since.isoformat() if v.since else None,
                      v.claim_id] for v in state.views]
            expected.append((key, state.on, until, state.place_name, state.geonameid,
                             state.iso3166_2, state.latitude, state.longitude, state.status,
                             state.controller, json.dumps(views)))
    assert len(expected) > 20
    assert stored_rows(store, keep_claim_ids=True) == sorted(expected, key=repr)


def one_claim(number: int, name: str, day: date, side: str) -> AnalysedDocument:
    text = f"Bulletin {number}: {name} is held, the spokesman said."
    doc = make_document(text, source="t", raw=text.encode(), outlet="desk", language="en",
                        published=datetime(day.year, day.month, day.day, 9, tzinfo=UTC))
    mention = PlaceMention(0, 6, name, name, "populated_place", 709161, "UA", "UA-14",
                           48.5, 37.0)
    claim = Claim(claimant="a spokesman", claimant_side=side, kind="control", place=mention,
                  actor_side=side, stance="asserts", evidence=Evidence(doc.id, 0, 6, text[:6]),
                  fraction=None, date=day, date_precision="day")
    return AnalysedDocument(doc, [mention], [claim])


def test_an_earlier_first_claim_renames_every_state_of_its_place(store: SqlStore) -> None:
    store.add_documents([one_claim(1, "Dobropillia", date(2025, 10, 10), "UA"),
                         one_claim(2, "Dobropillia", date(2025, 10, 20), "RU")])
    store.add_documents([one_claim(3, "Dobropolye", date(2025, 10, 5), "RU")])
    rows = stored_rows(store, keep_claim_ids=False)
    assert [(row[1], row[2], row[3], row[8]) for row in sorted(rows, key=lambda r: r[1])] == [
        (date(2025, 10, 5), date(2025, 10, 10), "Dobropolye", "claimed"),
        (date(2025, 10, 10), date(2025, 10, 20), "Dobropolye", "contested"),
        (date(2025, 10, 20), None, "Dobropolye", "contested")]
