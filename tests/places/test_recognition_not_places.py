"""Words that are never places: sentence-initial function words and fuzzy matches of
capitalised words that open a sentence, nouns that head a sentence before a region, and
place-marker nouns written with a capital (en, fr, ru, uk, de)."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse


def _surfaces(gaz, text: str, language: str) -> list[str]:
    return [m.surface for m in parse(gaz, text, language)]


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Тим часом бої тривають біля Покровська.", "uk", "Тим"),
    ("Тем временем бои идут у Покровска.", "ru", "Тем"),
    ("Ainsi, les combats continuent près de Pokrovsk.", "fr", "Ainsi"),
    ("Thus the fighting went on near Pokrovsk.", "en", "Thus"),
    ("Dazu kommt, dass die Armee bei Pokrowsk vorrückt.", "de", "Dazu"),
])
def test_sentence_initial_function_word_is_not_a_place(gaz, text, language, word):
    assert word not in _surfaces(gaz, text, language)


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Kupianska brigade reported new attacks. Fighting went on near Pokrovsk.", "en",
     "Kupianska"),
    ("Купянская бригада отразила атаки. Бои идут у Покровска.", "ru", "Купянская"),
])
def test_inexact_match_of_a_sentence_opening_word_is_not_a_place(gaz, text, language, word):
    assert word not in _surfaces(gaz, text, language)


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Глава Донецкой области сообщил об обстрелах.", "ru", "Глава"),
    ("Голова Донецької області повідомив про обстріли.", "uk", "Голова"),
])
def test_noun_opening_a_sentence_before_a_region_is_not_a_village(gaz, text, language, word):
    assert word not in _surfaces(gaz, text, language)


def test_unknown_village_after_a_sentence_initial_noun_is_still_placed(gaz):
    text = "Село Затишне Донецької області обстріляли. Бої тривають."
    assert "Затишне" in _surfaces(gaz, text, "uk")


@pytest.mark.parametrize(("text", "language", "village"), [
    ("Betroffen sind die Dörfer Sawody und Lypzi im Gebiet Charkiw.", "de", "Sawody"),
    ("Села Заводи та Липці Харківської області знову обстріляли.", "uk", "Заводи"),
])
def test_capitalised_place_marker_is_not_part_of_the_village_name(gaz, text, language, village):
    assert village in _surfaces(gaz, text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("The defenders held on.\n\nUkraine denies the report.", "en"),
    ("Kleine Gruppen hielten sich dort auf.\n\nUkraine meldet einen Vorstoß.", "de"),
])
def test_preposition_ending_the_previous_sentence_does_not_place_the_next_name(
        gaz, text, language):
    assert [m.metonym for m in parse(gaz, text, language) if m.name == "Ukraine"] == [True]


@pytest.mark.parametrize(("text", "language"), [
    ("Der eingesetzte Gouverneur in der Region Donezk gab es zu.", "de"),
    ("Gouverneur der Region Donezk bestätigt den Angriff.", "de"),
])
def test_capitalised_noun_before_a_region_is_no_village_where_nouns_are_capitalised(
        gaz, text, language):
    assert "Gouverneur" not in _surfaces(gaz, text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Как сообщил Владимир Харьков, войска удерживают Покровск.", "ru"),
    ("Selon Vladimir Kharkov, les troupes tiennent Pokrovsk.", "fr"),
    ("According to Vladimir Kharkov, the troops hold Pokrovsk.", "en"),
])
def test_first_name_before_a_surname_that_is_also_a_place_name_is_not_a_place(
        gaz, text, language):
    assert [m.name for m in parse(gaz, text, language)] == ["Pokrovsk"]


@pytest.mark.parametrize(("text", "language", "words"), [
    ("Rédaction : Marie Dupont. Les combats continuent à Pokrovsk.", "fr",
     {"Rédaction", "Marie", "Dupont"}),
    ("Redaktion: Anna Petrenko. Die Kämpfe um Pokrowsk gehen weiter.", "de",
     {"Redaktion", "Anna", "Petrenko"}),
])
def test_newsroom_words_and_bylines_are_not_places(gaz, text, language, words):
    assert not words & set(_surfaces(gaz, text, language))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "language", "person", "place"), [
    ("Witkoff, Kushner and Dmitriev met the Ukrainian delegation in Miami.", "en",
     "Dmitriev", "Miami"),
    ("Witkoff und Dmitrijew trafen die ukrainische Delegation in Miami.", "de",
     "Dmitrijew", "Miami"),
    ("Witkoff et Dmitriev ont reçu la délégation ukrainienne à Miami.", "fr",
     "Dmitriev", "Miami"),
])
def test_envoy_sharing_a_russian_towns_name_is_not_a_place(real_gaz, text, language, person,
                                                           place):
    surfaces = _surfaces(real_gaz, text, language)
    assert person not in surfaces and place in surfaces


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Russian troops broke into Pokrovsk, the Soviet-era name Russian outlets use for "
     "Krasnoarmeysk.", "en", "Soviet-era"),
    ("Fighting continues near Pokrovsk and Russian-held Myrnohrad.", "en", "Russian-held"),
    ("Russische Truppen drangen in Pokrowsk, Myrnohrad und Kreml-nahe Gebiete vor.", "de",
     "Kreml-nahe"),
])
def test_a_compound_ending_in_a_small_word_is_an_adjective_not_a_village(
        gaz, text, language, word):
    assert not any(word in surface for surface in _surfaces(gaz, text, language))


@pytest.mark.parametrize(("text", "language", "word"), [
    ("Russische Truppen greifen im Norden der Stadt Kupjansk an.", "de", "Norden"),
    ("Im Südosten des Gebiets Saporischschja halten die Kämpfe an.", "de", "Südosten"),
    ("Na Wschodzie kraju Rosjanie atakują pozycje pod Kupiańskiem.", "pl", "Wschodzie"),
    ("Ukraińskie wojsko broni się na Południu, pod Chersoniem.", "pl", "Południu"),
])
def test_a_compass_noun_is_not_a_place(real_gaz, text, language, word):
    """"im Norden", "na Wschodzie": the language's compass nouns, in any case, say where in
    a country or region, and name no town (not Norden in Lower Saxony)."""
    assert word not in _surfaces(real_gaz, text, language)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Ob Moskau das Gebiet halten kann, ist offen.",
    "Dabei wurden in der Nacht zwei Häuser zerstört.",
    "Weil die Brücke zerstört ist, stockt der Nachschub.",
])
def test_german_sentence_opening_conjunctions_are_no_places(real_gaz, text):
    assert [m.surface for m in parse(real_gaz, text, "de") if not m.metonym] == []


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "(Writing by the Europe desk; editing by the night desk)",
    "(Reporting by the Asia bureau and the Berlin newsroom; editing by Jane Doe)",
])
def test_a_newsroom_named_after_a_place_is_no_place(real_gaz, text):
    assert [m.surface for m in parse(real_gaz, text, "en") if not m.metonym] == []
