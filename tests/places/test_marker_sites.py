"""The cues searched before a name are looked for only where one of their literal
prefixes begins (found for the whole text in one pass): they answer as a search of the
window before each name would, whatever the case or the script."""

from __future__ import annotations

import pytest

from frontledger.places.context import (
    DIRECTION_HINT,
    DISTRICT_HINT,
    MARKER_CUES,
    MARKER_WINDOW,
    TEXT_CUES,
    Cues,
)
from frontledger.places.lexicon import lexicon
from frontledger.places.recognize import words_of

TEXTS = [
    ("en", "Shelling hit the VILLAGE OF Marenka and the villages of Ivanivka and Petrivka, "
           "in the Kharkiv region; the border with Russia was calm, Moscow said."),
    ("en", "Towns of Dovhe and Lypky, the Regions of Sumy and Kharkiv: Ukraine says so."),
    ("fr", "Le village de Vilne et la région d'Odessa, selon Moscou ; la localité voisine de "
           "Kostiantynivka a été frappée."),
    ("de", "Das Dorf Marivka und die Ortschaften Lypky und Dovhe im Gebiet Charkiw."),
    ("ru", "Удары по селу Вільне и посёлку Ивановка, наступление на Запорожье, на "
           "Харьковщине; Москва заявила."),
    ("uk", "У селі Іванівка та в Харківській області, на Запоріжжі, повідомив Київ."),
    ("en", "İstanbul talks: the village of Lypky, said Ankara."),  # lower case grows longer
]


@pytest.mark.parametrize(("language", "text"), TEXTS)
def test_marker_cues_answer_as_a_search_of_the_window_before_each_word(language, text):
    lex = lexicon(language)
    cues = Cues(text, lex)
    for word in words_of(text):
        window = text[max(0, word.start - MARKER_WINDOW):word.start]
        assert cues.marked_settlement(word.start) == bool(
            lex.place_marker_before.search(window))
        assert cues.marked_village(word.start) == bool(lex.village_marker_before.search(window))
        assert cues.region_before(word.start) == bool(lex.region_keyword_before.search(window))
        assert cues.region_preposition_before(word.start) == bool(
            lex.region_preposition.search(window))
        for cue, name in enumerate(MARKER_CUES):  # no site: no match, for every cue
            if getattr(lex, name).search(window):
                assert cues._may_mark(cue, word.start), (name, word.text)


HINTED = [
    ("en", "Shelling in the Tuapse DISTRICT and on the Lyman axis."),
    ("fr", "Des combats dans la direction de Koupiansk, pas dans le raïon de Sumy."),
    ("de", "Kämpfe im Frontabschnitt Pokrowsk."),
    ("ru", "Бои в Покровском РАЙОНЕ и на Купянском направлении."),
    ("uk", "Бої на Лиманському напрямку."),
    ("pl", "Walki na kierunku pokrowskim."),
]


@pytest.mark.parametrize(("language", "text"), TEXTS + HINTED)
def test_text_cues_are_held_wherever_their_pattern_matches(language, text):
    lex = lexicon(language)
    cues = Cues(text, lex)
    for cue, name in enumerate(TEXT_CUES, len(MARKER_CUES)):
        if getattr(lex, name).search(text):
            assert cues.may_hold(cue), name


ORGANISED = [
    ("en", "The Dnipro Operational Strategic Group and the Kharkiv   BRIGADE held."),
    ("fr", "La brigade Azov et Pokrovsk Bataillon, selon Kyiv."),
    ("de", "Die Brigade Charkiw und das Korps Asow meldeten Angriffe auf Pokrowsk."),
]


@pytest.mark.parametrize(("language", "text"), TEXTS + ORGANISED)
def test_organisation_after_a_name_answers_as_a_match_at_the_next_word(language, text):
    lex = lexicon(language)
    cues = Cues(text, lex)
    for word in words_of(text):
        after = text[word.end:word.end + 80]
        at = word.end + len(after) - len(after.lstrip())
        if word.start not in cues.unit_names_at:
            assert cues.organisation(word.start, word.end) == bool(
                lex.organisation_after.match(text, at)), word.text


def test_a_text_without_a_district_word_holds_no_district_hint():
    cues = Cues("Russian forces said they took Lyman and Siversk.", lexicon("en"))
    assert not cues.may_hold(DISTRICT_HINT)
    assert not cues.may_hold(DIRECTION_HINT)


def test_marked_names_are_found_in_upper_and_mixed_case():
    text = "Fighting near the VILLAGE OF Marenka and the Village of Lypky."
    cues = Cues(text, lexicon("en"))
    assert cues.marked_settlement(text.index("Marenka"))
    assert cues.marked_settlement(text.index("Lypky"))
    assert not cues.marked_settlement(text.index("VILLAGE"))


LINES = [
    ("en", "Kyiv\nthe village of Lypky and the border with Russia,\n\tthe regions of Sumy; "
           "according to Moscow and ſaid the village of Dovhe."),
    ("ru", "Москва:\nпо данным Москвы, на границе с Россией, в районе села Липки\nи на Сумщине."),
]


@pytest.mark.parametrize(("language", "text"), TEXTS + HINTED + LINES)
def test_a_marker_cue_tried_at_its_prefixes_answers_as_a_search_of_the_window(language, text):
    """`Cues._marks` matches a cue's pattern only where one of its prefixes begins in the
    window (the text before a name, or its line): as a search of the window answers."""
    lex = lexicon(language)
    cues = Cues(text, lex)
    for start in range(len(text) + 1):
        for window in (cues.near_before(start), cues.line_before(start)):
            for cue, name in enumerate(MARKER_CUES):
                pattern = getattr(lex, name)
                assert cues._marks(cue, pattern, window, start) == bool(
                    pattern.search(window)), (name, start)
