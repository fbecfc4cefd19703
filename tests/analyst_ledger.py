"""A small hand-made ledger for the status and export tests: invented reports, claims
built by hand (dated and undated, several kinds, both sides, a place in Russia and one
the gazetteer lacks whose name is markup), so that every count is known exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore
from frontledger.records import Claim, Document, Evidence, PlaceMention

VILLAGE = dict(name="Ostrivka", kind="populated_place", geonameid=7_000_001, country="UA",
               iso3166_2="UA-14", latitude=48.1, longitude=37.9)
BORDER_TOWN = dict(name="Belogorye", kind="populated_place", geonameid=7_000_002, country="RU",
                   iso3166_2="RU-BEL", latitude=50.6, longitude=36.6)
REGION = dict(name="Donetsk Oblast", kind="region", geonameid=709716, country="UA",
              iso3166_2="UA-14", latitude=48.0, longitude=37.8)
UNKNOWN = dict(kind="other", geonameid=None, country=None, iso3166_2=None,
               latitude=None, longitude=None)

ENGLISH = ("The invented ministry said its troops took Ostrivka on Friday. "
           "Drones hit Belogorye overnight, officials said. "
           "Fighting went on near <b>Zaimka</b>.")
FRENCH = ("L'état-major ukrainien dément la prise d'Ostrivka et tient la moitié du village. "
          "Les forces ukrainiennes avancent dans la région de Donetsk en mars.")


def _claim(document: Document, sentence: str, place: str, where: dict[str, object],
           **fields: object) -> Claim:
    start = document.text.index(sentence)
    at = document.text.index(place, start)
    mention = PlaceMention(start=at, end=at + len(place), surface=place,
                           **({"name": place} | where))  # type: ignore[arg-type]
    evidence = Evidence(document.id, start, start + len(sentence), sentence)
    return Claim(place=mention, evidence=evidence, **fields)  # type: ignore[arg-type]


def documents() -> list[tuple[Document, list[Claim]]]:
    """Two reports and their six claims (two undated)."""
    en = make_document(ENGLISH, source="tests", raw=ENGLISH.encode(), language="en",
                       outlet="Invented Wire", url="https://wire.example/a",
                       published=datetime(2025, 3, 1, 8, 30, tzinfo=UTC), external_id="w-1")
    fr = make_document(FRENCH, source="tests", raw=FRENCH.encode(), language="fr",
                       outlet="Journal inventé", published=datetime(2025, 3, 3, 10, 0))
    took = "The invented ministry said its troops took Ostrivka on Friday."
    hit = "Drones hit Belogorye overnight, officials said."
    near = "Fighting went on near <b>Zaimka</b>."
    denied = ("L'état-major ukrainien dément la prise d'Ostrivka et tient la moitié du "
              "village.")
    advance = "Les forces ukrainiennes avancent dans la région de Donetsk en mars."
    return [
        (en, [_claim(en, took, "Ostrivka", VILLAGE, claimant="the invented ministry",
                     claimant_side="RU", kind="control", actor_side="RU", stance="asserts",
                     date=date(2025, 2, 28), date_precision="day", change=True),
              _claim(en, hit, "Belogorye", BORDER_TOWN, claimant="officials",
                     claimant_side="RU", kind="strike", actor_side="UA", stance="asserts"),
              _claim(en, near, "<b>Zaimka</b>", UNKNOWN, claimant="Invented Wire",
                     claimant_side="unknown", kind="clash", actor_side=None,
                     stance="asserts")]),
        (fr, [_claim(fr, denied, "Ostrivka", VILLAGE, claimant="l'état-major ukrainien",
                     claimant_side="UA", kind="control", actor_side="RU", stance="denies",
                     date=date(2025, 3, 3), date_precision="day"),
              _claim(fr, denied, "village", VILLAGE, claimant="l'état-major ukrainien",
                     claimant_side="UA", kind="control", actor_side="UA", stance="asserts",
                     fraction=0.5, date=date(2025, 3, 3), date_precision="day"),
              _claim(fr, advance, "Donetsk", REGION, claimant="l'état-major ukrainien",
                     claimant_side="UA", kind="advance", actor_side="UA", stance="asserts",
                     date=date(2025, 3, 1), date_precision="month")]),
    ]


CLAIMS = 6
UNDATED = 2
PLACES = 4  # the village, the border town, the region, and the name the gazetteer lacks


def fill(store: SqlStore) -> SqlStore:
    """Store the reports and their claims; returns the store."""
    for document, claims in documents():
        places = sorted({c.place for c in claims}, key=lambda p: p.start)
        store.add_document(document, places, claims, extractor="tests")
    return store
