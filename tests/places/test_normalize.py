"""Name keys: apostrophes, diacritics and transliteration variants."""

from __future__ import annotations

from frontledger.places.normalize import fold, romanise, skeleton, split_words, tokenize


def test_fold_ignores_apostrophe_variants_and_case():
    assert fold("Куп'янськ") == fold("Куп’янськ") == fold("Купʼянськ") == "купянськ"


def test_fold_removes_latin_diacritics_but_keeps_cyrillic_letters():
    assert fold("Houliaïpole") == "houliaipole"
    assert fold("Йосипівка") == "йосипівка"


def test_skeleton_unites_transliterations():
    assert skeleton("Koupiansk", "fr") == skeleton("Kupyansk") == skeleton("Купянск")
    assert skeleton("Zaporijjia", "fr") == skeleton("Zaporizhzhia")


def test_tokenize_splits_french_elision_and_english_possessive():
    text = "d'Odessa Kyiv's Куп'янськ"
    assert [text[a:b] for a, b in tokenize(text)] == ["d'", "Odessa", "Kyiv", "s", "Куп'янськ"]


def test_tokenize_splits_elision_only_as_a_whole_first_word():
    # ʼ (U+02BC) is a letter to the regex engine, yet it ends an elision as ' does; an
    # elision's letters inside a longer word, or after a hyphen, are no elision
    text = "lʼAvdiïvka dell'oblast Nell’ambito sull's Chasiv-l'Yar quell'dell'X"
    assert [text[a:b] for a, b in tokenize(text)] == [
        "lʼ", "Avdiïvka", "dell'", "oblast", "Nell’", "ambito", "sull'", "s", "Chasiv-l'Yar",
        "quell'", "dell'", "X"]


def test_split_words_alternates_gaps_and_the_words_of_tokenize():
    text = " d'Odessa,  Kyiv's Куп'янськ."
    pieces = split_words(text)
    assert pieces[1::2] == [text[a:b] for a, b in tokenize(text)]
    assert "".join(pieces) == text


def test_french_tch_and_ch_are_romanised_apart():
    assert romanise("Vovtchansk", "fr") == "vovchansk"
    assert romanise("Perchotravnévé", "fr") == "pershotravneve"
