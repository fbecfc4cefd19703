"""Places beyond the theater: a world city wins over a front-line village of the same name
unless the text puts the name in the theater; big cities' translated names count after a
locative preposition (en, fr, ru, uk, de)."""

from __future__ import annotations

import pytest

from tests.places.helpers import found

pytestmark = pytest.mark.slow

NEW_YORK_CITY = 5128581


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("The envoys will meet again in New York next week.", "en", "New York"),
    ("Les émissaires se retrouveront à New York la semaine prochaine.", "fr", "New York"),
    ("Эмиссары снова встретятся в Нью-Йорке на следующей неделе.", "ru", "Нью-Йорке"),
])
def test_world_city_wins_over_a_theater_village_of_the_same_name(real_gaz, text, language,
                                                                  surface):
    assert found(real_gaz, text, language)[surface].geonameid == NEW_YORK_CITY


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Shelling went on near the village of New York in the Donetsk region.", "en", "New York"),
    ("Обстріли тривали біля Нью-Йорка в Донецькій області.", "uk", "Нью-Йорка"),
])
def test_village_the_text_puts_in_the_theater_stays_the_village(real_gaz, text, language,
                                                                 surface):
    mention = found(real_gaz, text, language)[surface]
    assert (mention.country, mention.iso3166_2) == ("UA", "UA-14")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Die Gespräche in Genf gehen weiter.", "de", "Genf"),
    ("Делегации встретились в Женеве.", "ru", "Женеве"),
])
def test_translated_name_of_a_big_foreign_city_after_a_locative(real_gaz, text, language,
                                                                surface):
    assert found(real_gaz, text, language)[surface].name == "Geneva"


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Russian troops advanced on New York and Toretsk, Kyiv said.", "en", "New York"),
    ("Russische Truppen rückten auf New York und Torezk vor.", "de", "New York"),
    ("Les troupes russes ont attaqué New York et Toretsk.", "fr", "New York"),
])
def test_name_listed_with_a_front_town_near_its_theater_namesake_is_the_village(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].iso3166_2 == "UA-14"


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Delegations met in New York and Kyiv.", "en", "New York"),
    ("Zelensky flew to New York after visiting troops near Pokrovsk.", "en", "New York"),
    ("Les délégations se sont réunies à New York et à Kyiv.", "fr", "New York"),
])
def test_world_city_listed_with_a_capital_or_named_apart_from_the_front_stays_the_city(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == NEW_YORK_CITY


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Heavy fighting went on across the Donetsk region overnight. On Tuesday the foreign "
     "minister said in New York that no troops would be withdrawn.", "en", "New York"),
    ("Тяжкі бої тривали по всій Донецькій області. У вівторок міністр заявив у Нью-Йорку, "
     "що війська не виводитимуть.", "uk", "Нью-Йорку"),
    ("Les combats se sont poursuivis dans la région de Donetsk. Mardi, le ministre a déclaré "
     "à New York que les troupes ne se retireraient pas.", "fr", "New York"),
])
def test_theater_region_named_in_another_sentence_leaves_the_world_city(real_gaz, text,
                                                                      language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == NEW_YORK_CITY


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Russian units took the village of New York, the ministry said. Fighting around New York "
     "went on through the night.", "en", "New York"),
    ("Окупанти захопили село Нью-Йорк, заявили в штабі. Бої біля Нью-Йорка тривали всю ніч.",
     "uk", "Нью-Йорка"),
])
def test_village_marked_once_in_the_article_stays_the_village_when_named_bare(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].country == "UA"


GENEVA = 2660646


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Fighting went on near Kupiansk. In Geneva, US and Ukrainian delegations discussed "
     "the draft plan.", "en", "Geneva"),
    ("Бои шли у Купянска. В Женеве делегации США и Украины обсуждали проект плана.", "ru",
     "Женеве"),
    ("Бої точилися біля Куп'янська. У Женеві делегації США та України обговорювали план.",
     "uk", "Женеві"),
])
def test_country_named_as_an_actor_does_not_pull_a_city_to_its_namesake_there(
        real_gaz, text, language, surface):
    assert found(real_gaz, text, language)[surface].geonameid == GENEVA
