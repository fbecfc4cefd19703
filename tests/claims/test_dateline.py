"""Wire datelines ("KYIV, Nov 18 (Reuters) - ..."): the place a report is filed from is no
voice, and the dateline's date dates the report's first statement."""

from __future__ import annotations

import re

import pytest
from claims_fixtures import fixture_geoparse, make_document

from frontledger.claims import extract
from frontledger.claims.dateline import dateline_end
from frontledger.records import PlaceMention

# Capitals the fixture gazetteer lacks (they are also side names: "Kyiv says").
CAPITALS = {"Kyiv": (703448, "UA", r"KYIV|Kiev|Kijów|Kiew"),
            "Moscow": (524901, "RU", r"MOSCOW|Moscú|MOSCA|Moscou|Moskau")}


def _places(text: str) -> list[PlaceMention]:
    found = fixture_geoparse(text)
    for name, (geonameid, country, pattern) in CAPITALS.items():
        found += [PlaceMention(start=m.start(), end=m.end(), surface=m.group(), name=name,
                               kind="populated_place", geonameid=geonameid, country=country,
                               iso3166_2=None) for m in re.finditer(pattern, text)]
    return sorted(found, key=lambda p: p.start)


CASES = [
    ("fr", "Kiev, 18 novembre (AFP) - Les forces russes ont pris Vilne, a annoncé le ministère "
           "russe de la Défense.", "RU"),
    ("pl", "Kijów, 18 listopada (PAP) - Rosyjskie wojska zajęły wieś Vilne - poinformował "
           "rosyjski resort obrony.", "RU"),
    ("es", "Moscú, 18 nov (EFE).- Las tropas rusas tomaron la localidad de Vilne, informó el "
           "Estado Mayor ucraniano.", "UA"),
    ("it", "MOSCA, 18 NOV - Le truppe russe hanno conquistato Vilne, ha annunciato lo stato "
           "maggiore ucraino.", "UA"),
]


@pytest.mark.parametrize(("language", "text", "side"), CASES, ids=[c[0] for c in CASES])
def test_dateline_city_is_no_speaker_and_its_day_dates_the_report(
        language: str, text: str, side: str) -> None:
    document = make_document(text, language, "2025-11-20")
    claims = [c for c in extract(document, _places(text)) if c.place.name == "Vilne"]
    assert claims
    assert {c.claimant_side for c in claims} == {side}, claims
    assert {c.date.isoformat() if c.date else None for c in claims} == {"2025-11-18"}, claims


def test_a_place_followed_by_a_dash_in_running_text_is_no_dateline() -> None:
    text = "Vilne - the village Russia says it took - lies in ruins."
    document = make_document(text, "en")
    from frontledger.claims.analysis import analyse
    from frontledger.claims.resources import DEFAULT_THEATER, load_theater

    doc = analyse(document, _places(text), load_theater(DEFAULT_THEATER))
    assert dateline_end(doc, doc.sentences[0]) is None


SLASHED = [
    ("ru", "MOSCOW, 20 ноября. /Агентство/. Подразделения группировки «Север» в результате "
           "активных действий освободили населенные пункты Волчанск и Купянск."),
    ("uk", "KYIV, 20 листопада /Агенція/. Сили оборони в результаті активних дій звільнили "
           "населені пункти Вовчанськ і Куп'янськ."),
]


@pytest.mark.parametrize(("language", "text"), SLASHED, ids=[c[0] for c in SLASHED])
def test_dateline_with_the_agency_between_slashes_is_no_place_of_the_next_sentence(
        language: str, text: str) -> None:
    document = make_document(text, language, "2025-11-20")
    claims = extract(document, _places(text))
    assert {c.place.name for c in claims} == {"Vovchansk", "Kupiansk"}, claims



TWO_TOWN_CASES = [
    ("de", "Moskau/Kiew (dpa) - Russische Truppen sollen zwei weitere Dörfer erobert haben.",
     "Kiew"),
    ("it", "(AGI) - MOSCA, 18 nov. - Le truppe russe hanno conquistato altri due villaggi.",
     "MOSCA"),
    ("es", "Moscú/Kiev, 18 nov (EFE).- Las tropas rusas tomaron otras dos localidades.", "Kiev"),
]


@pytest.mark.parametrize(("language", "text", "town"), TWO_TOWN_CASES,
                         ids=[c[0] for c in TWO_TOWN_CASES])
def test_a_second_town_or_an_agency_first_stays_inside_the_dateline(
        language: str, text: str, town: str) -> None:
    """"Moskau/Kiew (dpa) -", "(AGI) - MOSCA, 18 nov. -": the towns are where the report is
    filed from, never the place of the capture the sentence reports."""
    document = make_document(text, language, "2025-11-20")
    assert not [c for c in extract(document, _places(text)) if c.place.surface == town]
