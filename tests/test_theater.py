"""A theater is a data file: a second, invented war loads from a folder of the user's and
drives both stages, places (countries, front) and claims (sides, aliases, persons)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from frontledger import defaults
from frontledger.claims import extract
from frontledger.errors import UsageError
from frontledger.ledger.areas import side_names
from frontledger.ledger.export import acled_row
from frontledger.ledger.kml import control_kml
from frontledger.ledger.store import open_store
from frontledger.pipeline import extractor_version
from frontledger.places import geoparse, index_files, katottg
from frontledger.places.build import build_index
from frontledger.places.gazetteer import IndexedGazetteer
from frontledger.places.geonames_readers import PlaceRow
from frontledger.places.katottg import SettlementIndex, read_workbook
from frontledger.places.lexicon import lexicon
from frontledger.records import Claim, Document, Evidence, PlaceMention, PlaceState, SideView
from frontledger.text import text_hash
from frontledger.theater import THEATER_PATH_ENV, Theater, available_theaters, load_theater

KML = "{http://www.opengis.net/kml/2.2}"
KATOTTG_WORKBOOK = Path(__file__).parent / "fixtures" / "places" / "katottg-kodifikator.xlsx"

# An invented war between two invented countries, written with user-assigned ISO codes.
TOY = """
id = "toy"
name = "The Salt Marsh war"

[sides.XA]
name = "Valdoria"
territory = ["XA"]
opponent = "XB"
names.en = ['''(?i:\\bValdorian\\s+(?:army|forces|troops))''', '''\\bValdoria\\b''']
names.fr = ['''(?i:\\barmée\\s+valdorienne)''', '''\\bValdorie\\b''']

[sides.XB]
name = "Ostmark"
acled_actor = "Military Forces of Ostmark"
colour = "#aa0055"
territory = ["XB"]
opponent = "XA"
names.en = ['''(?i:\\bOstmarkian\\s+(?:army|forces|troops))''', '''\\bOstmark\\b''']
names.fr = ['''(?i:\\barmée\\s+ostmarkienne)''', '''\\bOstmark\\b''']

[persons]
en = ["Brandolf"]

[places]
countries = ["XA", "XB"]
front = { lat_min = 9.0, lat_max = 11.0, lon_min = 19.0, lon_max = 21.0 }
district_word = { XA = "Canton" }
"""

# "Selvaro" is a town of the toy war and, twice as big, a town on the Russia-Ukraine front.
TOY_SELVARO = PlaceRow(geonameid=990001, name="Selvaro", kind="populated_place", country="XA",
                       latitude=10.2, longitude=20.1, population=30_000)
UA_SELVARO = PlaceRow(geonameid=990002, name="Selvaro", kind="populated_place", country="UA",
                      latitude=48.4, longitude=37.6, population=60_000)


@pytest.fixture
def toy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Theater:
    (tmp_path / "toy.toml").write_text(TOY, "utf-8")
    monkeypatch.setenv(THEATER_PATH_ENV, str(tmp_path))
    return load_theater("toy")


@pytest.fixture(scope="module")
def two_selvaros() -> IndexedGazetteer:
    return build_index([TOY_SELVARO, UA_SELVARO])


def _document(text: str, language: str = "en") -> Document:
    return Document(id=text_hash(text), text=text, source="test", outlet="example.com",
                    language=language, published=datetime(2031, 5, 2))


def test_a_theater_file_in_the_theater_path_is_loaded_with_its_sides(toy: Theater) -> None:
    assert toy.name == "The Salt Marsh war"
    assert side_names("toy") == {"XA": "Valdoria", "XB": "Ostmark"}
    assert toy.opponent("XA") == "XB"
    assert dict(toy.territory) == {"XA": "XA", "XB": "XB"}
    assert "toy" in available_theaters() and "ru-ua" in available_theaters()


def test_a_place_in_the_chosen_theater_wins_over_a_bigger_namesake_elsewhere(
        toy: Theater, two_selvaros: IndexedGazetteer) -> None:
    text = "Heavy fighting went on near Selvaro on Tuesday."
    in_toy = geoparse(text, "en", gazetteer=two_selvaros, theater=toy)
    in_ru_ua = geoparse(text, "en", gazetteer=two_selvaros, theater=load_theater("ru-ua"))
    assert [(m.surface, m.country) for m in in_toy] == [("Selvaro", "XA")]
    assert [(m.surface, m.country) for m in in_ru_ua] == [("Selvaro", "UA")]


def test_a_side_alias_of_the_toy_theater_names_its_side_as_actor_and_claimant(
        toy: Theater, two_selvaros: IndexedGazetteer) -> None:
    text = "The Ostmarkian army said it had captured Selvaro from Valdorian troops."
    document = _document(text)
    places = geoparse(text, "en", gazetteer=two_selvaros, theater=toy)
    claims = extract(document, places, theater="toy")
    control = [c for c in claims if c.kind == "control"]
    assert [(c.actor_side, c.claimant_side, c.place.country) for c in control] == [
        ("XB", "XB", "XA")]


def test_a_french_alias_names_the_toy_side_and_an_untranslated_language_reads_english(
        toy: Theater) -> None:
    french = {side for pattern, side in toy.side_names("fr")
              if pattern.search("l'armée valdorienne avance")}
    assert french == {"XA"}
    assert toy.side_names("pl") == toy.side_names("en")


def test_the_toy_theater_names_its_districts_with_its_own_words(toy: Theater) -> None:
    assert toy.district_word("XA") == "Canton"
    assert toy.district_word("XB") == "District"
    assert toy.district_word("XA", community=True) == "Community"


def test_a_place_without_coordinates_or_a_theater_without_front_is_never_on_the_front(
        toy: Theater, tmp_path: Path) -> None:
    assert toy.on_front(TOY_SELVARO) and not toy.on_front(UA_SELVARO)
    assert not toy.on_front(PlaceRow(None, "Nowhere", "populated_place", "XA"))
    (tmp_path / "frontless.toml").write_text(TOY.replace(
        'front = { lat_min = 9.0, lat_max = 11.0, lon_min = 19.0, lon_max = 21.0 }\n', ""),
        "utf-8")
    assert not load_theater("frontless").on_front(TOY_SELVARO)


def test_the_default_theaters_persons_are_no_places_of_its_languages() -> None:
    ru_ua = load_theater()
    assert ru_ua.persons["en"] and ru_ua.persons["uk"]
    assert {"putin", "zelensky"} <= lexicon("en").persons <= lexicon("en").stopwords
    assert "trump" in lexicon("en").persons  # a world figure: the language file's


def test_an_unknown_theater_is_a_usage_error_saying_where_theaters_are_found(
        toy: Theater) -> None:
    with pytest.raises(UsageError, match=THEATER_PATH_ENV) as raised:
        load_theater("atlantis")
    assert "toy" in str(raised.value)


def test_a_theater_id_that_is_a_path_is_refused() -> None:
    with pytest.raises(UsageError, match="theater id"):
        load_theater("../ru-ua")


def test_the_ukrainian_codifier_places_unknown_villages_only_in_a_war_fought_in_ukraine(
        toy: Theater, two_selvaros: IndexedGazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    codifier = SettlementIndex.from_settlements(read_workbook(KATOTTG_WORKBOOK))
    monkeypatch.setattr(katottg, "default_index", lambda: codifier)
    text = "Противник штурмував околиці Кучерового Яру вночі."

    def village(theater: Theater) -> tuple[str | None, str | None]:
        found = {m.surface: m for m in geoparse(text, "uk", gazetteer=two_selvaros,
                                                  theater=theater)}
        return found["Кучерового Яру"].country, found["Кучерового Яру"].iso3166_2

    assert village(load_theater("ru-ua")) == ("UA", "UA-14")
    assert village(toy) == (None, None)


def test_a_toy_side_exports_with_its_own_acled_name_and_map_colour(toy: Theater) -> None:
    held = PlaceState(place_key="g:990001", place_name="Selvaro", geonameid=990001,
                      iso3166_2=None, latitude=10.2, longitude=20.1, on=date(2031, 5, 2),
                      views=(SideView("XB", "XB", None, date(2031, 5, 1), 1),),
                      status="claimed", controller="XB")
    kml = ET.fromstring(control_kml([held], date(2031, 5, 2), theater="toy")[0])
    styles = {s.get("id"): s.findtext(f".//{KML}color") for s in kml.iter(f"{KML}Style")}
    assert styles["side-XB"] == "ff5500aa" and "side-XA" not in styles
    assert kml.findtext(f".//{KML}Placemark/{KML}styleUrl") == "#side-XB"
    row = acled_row(_capture_record("XB", "XA"), "toy")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Military Forces of Ostmark", 8, "XA", 1)


def _capture_record(actor: str, country: str) -> dict[str, object]:
    """A claim record as `ledger.export.claim_record` writes it: `actor` took a place of
    `country`."""
    return {"claim_id": 1, "date": "2031-05-01", "date_precision": "day",
            "acled_event_type": "Battles", "acled_sub_event_type": None,
            "claimant": "Ostmark", "claimant_side": actor, "stance": "asserts",
            "evidence": "Ostmark took Selvaro.", "actor_side": actor, "country": country,
            "iso3166_2": None, "place": "Selvaro", "place_kind": "populated_place",
            "latitude": 10.2, "longitude": 20.1, "outlet": "example.com", "published": None}


def test_a_changed_default_theater_file_changes_the_index_key_and_the_extractor_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = (index_files.source_key(tmp_path), extractor_version())
    edited = load_theater().source.read_text("utf-8").replace(
        'countries = ["UA", "RU"]', 'countries = ["UA", "RU", "BY"]')
    override = tmp_path / "theaters"
    override.mkdir()
    (override / "ru-ua.toml").write_text(edited, "utf-8")
    monkeypatch.setenv(THEATER_PATH_ENV, str(override))
    assert load_theater().countries == {"UA", "RU", "BY"}
    assert index_files.source_key(tmp_path) != shipped[0]
    assert extractor_version() != shipped[1]


def test_the_ledger_folds_a_withdrawal_into_control_by_the_configured_theaters_other_side(
        toy: Theater, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(defaults, "DEFAULT_THEATER", "toy")
    store = open_store(f"sqlite:///{tmp_path / 'toy.db'}")
    text = "Ostmark says the Valdorian army pulled out of Selvaro on Thursday."
    document = _document(text)
    start = text.index("Selvaro")
    selvaro = PlaceMention(start, start + 7, "Selvaro", "Selvaro", "populated_place", 990001,
                           "XA", None, 10.2, 20.1)
    claim = Claim(claimant="Ostmark", claimant_side="XB", kind="withdrawal", place=selvaro,
                  actor_side="XA", stance="asserts",
                  evidence=Evidence(document.id, 0, len(text), text),
                  date=date(2031, 5, 1), date_precision="day")
    store.add_document(document, [selvaro], [claim], extractor="hand")
    [state] = store.states_on(date(2031, 5, 2))
    assert (state.place_name, state.status, state.controller) == ("Selvaro", "claimed", "XB")
