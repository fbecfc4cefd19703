"""A language is a folder of data: an invented language ("xx", its words made up for this
test) added from a temporary folder through FRONTLEDGER_LANG_PATH is read by every stage —
place words into the index and the recogniser, claim words into the extractor, date words
and abbreviations into the date reader and the sentence splitter — with no code change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontledger import language as languages
from frontledger.claims import extract
from frontledger.places import geoparse, index_files
from frontledger.places.build import build_index
from frontledger.places.gazetteer import IndexedGazetteer
from frontledger.places.geonames_readers import (
    read_admin1,
    read_alternate_names,
    read_places_dump,
)
from frontledger.places.normalize import tokenize
from frontledger.records import PlaceMention
from frontledger.text.dates import find_dates
from frontledger.text.sentences import split_sentences
from tests.claims.claims_fixtures import make_document

DUMPS = Path(__file__).parent / "fixtures" / "places"

# Toyish, an invented language: "zorpis" = took, "vokis" = said, "zuvek" = yesterday,
# "provinco X" = the region of X, "ed" = in, "gnl." = general (an abbreviation), "z'" = of.
TEXT_TOML = """
[dates]
months = ['unmo', 'dumo', 'trimo', 'kvarmo', 'kvinmo', 'sesmo', 'sepmo', 'okmo', 'naumo',
          'dekmo', 'dekunmo', 'dekdumo']
weekdays = ['pimo', 'pido', 'piso', 'piko', 'pilo', 'piro', 'pito']

[[dates.relative]]
pattern = '\\bzuvek\\b'
offset = -1

[sentences]
abbreviations = ['gnl']

[words]
elisions = ['z']
"""

PLACES_TOML = """
region_templates = ['provinco {base}']
locative_before = ['ed']
stopwords = ['Ministerio']
"""

CLAIMS_TOML = """
language = "xx"

[[trigger]]
kind = "control"
change = true
tense = "past"
side = "before"
pattern = '\\bzorpis\\b'

[stance]
negation = '\\bnu\\s*$'
denial = '\\bmalvera\\b'
claim_noun = '\\baserto\\b'

[attribution]
verb = '\\bvokis\\b'
preposition = '\\blau\\b'
impersonal = '\\boni\\s+vokis\\b'
anaphor = '\\bli\\b'
earlier = '\\bantaue\\b'

[places]
anaphor = '\\bla\\s+urbo\\b'

[fraction]
percent = '(\\d{1,3})\\s*%'
ratio = '(\\d+)\\s+el\\s+(\\d+)'
word = []
"""

SENTENCE = "Lau gnl. Petrov, Russia zorpis Kupiansk ed provinco Kharkiv zuvek."


@pytest.fixture
def lang_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder of language folders, named by FRONTLEDGER_LANG_PATH for one test."""
    root = tmp_path / "lang"
    root.mkdir()
    monkeypatch.setenv(languages.LANG_PATH_ENV, str(root))
    languages.reload()
    yield root
    monkeypatch.undo()
    languages.reload()


@pytest.fixture
def toy_language(lang_path: Path) -> Path:
    folder = lang_path / "xx"
    folder.mkdir()
    for name, content in (("text", TEXT_TOML), ("places", PLACES_TOML),
                          ("claims", CLAIMS_TOML)):
        (folder / f"{name}.toml").write_text(content, "utf-8")
    return folder


def _index() -> IndexedGazetteer:
    alternates = read_alternate_names(DUMPS / "alternateNamesV2.txt")
    places = read_places_dump(DUMPS / "cities.txt", alternates)
    return build_index(places, read_admin1(DUMPS / "admin1CodesASCII.txt"))


def _places(text: str) -> list[PlaceMention]:
    return geoparse(text, "xx", gazetteer=_index())


def test_toy_language_folder_is_found_on_the_lang_path_with_its_three_files(
        toy_language: Path) -> None:
    found = languages.find("xx")
    assert found is not None and found.code == "xx"
    assert [p.name for p in found.files()] == ["text.toml", "places.toml", "claims.toml"]
    assert "xx" in languages.available_languages()
    assert {"en", "fr", "ru", "uk"} <= set(languages.available_languages())


def test_unknown_language_code_is_read_as_english_without_the_lang_path() -> None:
    assert languages.find("xx") is None
    assert languages.language("xx").code == "en"


@pytest.mark.parametrize("code", ["../lang/fr", "fr/../uk", "/", "..", "", "FR"])
def test_language_code_that_is_no_folder_name_is_never_read_as_a_path(code: str) -> None:
    assert languages.find(code) is None
    assert languages.language(code).code == "en"


def test_toy_language_places_are_found_through_its_region_template(toy_language: Path) -> None:
    by_surface = {m.surface: m for m in _places(SENTENCE)}
    assert by_surface["Kupiansk"].kind == "populated_place"
    region = by_surface["provinco Kharkiv"]
    assert (region.kind, region.iso3166_2) == ("region", "UA-63")


def test_toy_language_claim_words_make_a_dated_control_claim(toy_language: Path) -> None:
    document = make_document(SENTENCE, "xx", published="2025-11-20")
    claims = extract(document, _places(SENTENCE))
    control = [c for c in claims if c.kind == "control" and c.place.name == "Kupiansk"]
    assert len(control) == 1
    claim = control[0]
    assert (claim.actor_side, claim.stance) == ("RU", "asserts")
    assert claim.date == date(2025, 11, 19)
    assert claim.evidence.start == 0 and claim.evidence.text == SENTENCE


def test_toy_language_text_words_reach_the_splitter_tokeniser_and_date_reader(
        toy_language: Path) -> None:
    text = "Lau gnl. Petrov: nenio. La urbo falis zuvek, z'Kupiansk."
    assert [s.text for s in split_sentences(text)] == [
        "Lau gnl. Petrov: nenio.", "La urbo falis zuvek, z'Kupiansk."]
    tokens = [text[a:b] for a, b in tokenize(text)]
    assert tokens[-2:] == ["z'", "Kupiansk"]
    dates = find_dates(text, date(2025, 11, 20), "xx")
    assert [d.value for d in dates] == [date(2025, 11, 19)]


def test_place_index_key_changes_with_a_language_folder_on_the_lang_path(
        lang_path: Path, tmp_path: Path) -> None:
    before = index_files.source_key(tmp_path)
    folder = lang_path / "xx"
    folder.mkdir()
    (folder / "places.toml").write_text(PLACES_TOML, "utf-8")
    languages.reload()  # the folder appeared after the path was read
    with_toy = index_files.source_key(tmp_path)
    (folder / "places.toml").write_text(PLACES_TOML + "articles = ['la']\n", "utf-8")
    assert len({before, with_toy, index_files.source_key(tmp_path)}) == 3
