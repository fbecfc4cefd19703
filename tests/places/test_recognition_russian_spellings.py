"""Ukrainian villages written the Russian way reach their Ukrainian names, through rules of
spelling, endings and stems kept as data (en, de, fr, ru)."""

from __future__ import annotations

import pytest

from frontledger.places.normalize import romanise
from frontledger.places.respell import ukrainian_form
from frontledger.places.unknown import theater_name
from tests.places.helpers import found


@pytest.mark.parametrize(("russian", "ukrainian"), [
    ("Aleksandrovka", "oleksandrivka"),
    ("Nikolaevka", "mykolaivka"),
    ("Krasny Liman", "krasnyi lyman"),
    ("Belaya Krinitsa", "bila krynytsia"),
    ("Rodinskoye", "rodynske"),
    ("Kurakhovo", "kurakhove"),
    ("Александровка", "oleksandrivka"),
    ("Белая Криница", "bila krynytsia"),
])
def test_russian_spelling_becomes_the_ukrainian_form(russian, ukrainian):
    assert ukrainian_form(romanise(russian, "ru")) == ukrainian


@pytest.mark.parametrize(("russian", "language", "ukrainian"), [
    ("Nikolayevka", "en", "mykolaivka"),
    ("Nikolajewka", "de", "mykolaivka"),
    ("Nikolaïevka", "fr", "mykolaivka"),
    ("Andreyevka", "en", "andriivka"),
    ("Andrejewka", "de", "andriivka"),
    ("Sergueïevka", "fr", "serhiivka"),
    ("Belaja Kriniza", "de", "bila krynytsia"),
    ("Belaïa Krinitsa", "fr", "bila krynytsia"),
    ("Novoaleksandrovka", "en", "novooleksandrivka"),
    ("Nowonikolajewka", "de", "novomykolaivka"),
    ("Konstantinovka", "fr", "kostiantynivka"),
    ("Konstantinowka", "de", "kostiantynivka"),
    ("Ugledar", "en", "vuhledar"),
    ("Chasov Yar", "en", "chasiv yar"),
    ("Tschassow Jar", "de", "chasiv yar"),
    ("Velikaya Novoselka", "en", "velyka novosilka"),
    ("Велико-Михайловка", "ru", "velyko mykhaylivka"),
])
def test_russian_name_in_the_letters_of_each_language_becomes_the_ukrainian_form(
        russian, language, ukrainian):
    roman = "".join(c for c in romanise(russian, language) if c.isalpha() or c == " ")
    assert ukrainian_form(roman) == ukrainian


def test_ukrainian_spelling_is_left_as_it_is_by_the_spelling_rules():
    assert ukrainian_form("pivnichne", forms=False) == "pivnichne"
    assert ukrainian_form("hrabovske", forms=False) == "hrabovske"


def test_unknown_village_is_named_the_ukrainian_way_only_in_ukraine():
    assert theater_name("Zelenopolye", "UA") == "Zelenopillia"
    assert theater_name("Grabovske", "UA") == "Hrabovske"
    assert theater_name("Glotovo", "RU") == "Glotovo"
    assert theater_name("Glotovo", None) == "Glotovo"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "language", "surface", "name"), [
    ("Russian units pushed into Aleksandrovka near Pokrovsk in the Donetsk region.", "en",
     "Aleksandrovka", "Oleksandrivka"),
    ("Die Kämpfe um Nikolaevka bei Pokrowsk im Gebiet Donezk gehen weiter.", "de",
     "Nikolaevka", "Mykolaivka"),
    ("Les combats continuent près de Krasny Liman, dans la région de Donetsk.", "fr",
     "Krasny Liman", "Lyman"),
    ("Moscow says it cleared the settlements of Grishino and Rodinskoye near Pokrovsk.", "en",
     "Grishino", "Hryshyne"),
    ("Moskau meldet die Einnahme von Rodinskoye bei Pokrowsk.", "de",
     "Rodinskoye", "Rodynske"),
    ("Бои за Великой Новоселкой продолжаются.", "ru", "Великой Новоселкой", "Velyka Novosilka"),
    ("Moscow claims its troops entered Ugledar and reached Chasov Yar.", "en",
     "Ugledar", "Vuhledar"),
    ("Moskau meldet Kämpfe um Tschassow Jar und Konstantinowka.", "de",
     "Konstantinowka", "Kostyantynivka"),
    ("Moscou affirme avoir atteint Konstantinovka et Tchassov Iar.", "fr",
     "Konstantinovka", "Kostyantynivka"),
])
def test_village_written_the_russian_way_resolves_to_the_ukrainian_village(
        real_gaz, text, language, surface, name):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.name, mention.country) == (name, "UA")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Бои идут под Сиверском.", "ru", "Сиверском"),
    ("Бої тривають біля Сиверська.", "uk", "Сиверська"),
])
def test_cyrillic_name_known_only_in_latin_letters_is_found_romanised(gaz, text, language,
                                                                      surface):
    assert found(gaz, text, language)[surface].name == "Siversk"


@pytest.mark.parametrize(("text", "language", "surface", "name"), [
    ("Les combats font rage dans la région de Soumy.\n\nLes Russes disent avoir pris le "
     "village de Vyssokopillia.", "fr", "Vyssokopillia", "Vysokopillia"),
    ("Fighting raged in the Sumy region.\n\nRussian forces say they took the village of "
     "Glybokoye.", "en", "Glybokoye", "Hlyboke"),
])
def test_unknown_village_of_an_article_about_one_oblast_is_placed_there_and_named_the_ukrainian_way(
        gaz, text, language, surface, name):
    mention = found(gaz, text, language)[surface]
    assert (mention.name, mention.iso3166_2) == (name, "UA-59")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "language", "surface", "name"), [
    ("L'armée russe dit avoir pris Alexandrovka, dans la région de Donetsk.", "fr",
     "Alexandrovka", "Oleksandrivka"),
    ("Les Russes disent avoir atteint Nikolaïevka, près de Krasny Liman.", "fr",
     "Nikolaïevka", "Mykolaivka"),
    ("Russia says it took Alexandrovka in the Donetsk region.", "en",
     "Alexandrovka", "Oleksandrivka"),
])
def test_russian_form_naming_only_a_russian_hamlet_also_names_its_ukrainian_namesakes(
        real_gaz, text, language, surface, name):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.name, mention.country, mention.iso3166_2) == (name, "UA", "UA-14")


@pytest.mark.slow
def test_russian_form_in_a_russian_region_stays_in_russia(real_gaz):
    text = "Ukrainian drones struck Alexandrovka in the Kursk region."
    assert found(real_gaz, text, "en")["Alexandrovka"].country == "RU"
