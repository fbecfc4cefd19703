"""Shapes of place names that wire copy and Telegram posts use and that clean restated
reports rarely do: a village's hyphenated Russian-style double name, lists of villages or
districts placed in a region as a whole, and a regional centre's bare name standing for
its oblast."""

from __future__ import annotations

import pytest

from tests.places.helpers import parse

LUKA, BRID = 900101, 900102


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Power was cut in the village of Luka-Brod overnight.", "en", "Luka-Brod"),
    ("Ночью без света осталось село Лука-Брод.", "ru", "Лука-Брод"),
])
def test_double_name_of_a_village_is_one_name_not_two_hamlets(gaz, text, language, surface):
    mentions = parse(gaz, text, language)
    assert not {m.geonameid for m in mentions} & {LUKA, BRID}
    assert surface in {m.surface for m in mentions}


@pytest.mark.parametrize(("text", "language"), [
    ("Die Front um Pokrowsk-Myrnohrad bröckelt.", "de"),
    ("Фронт у Покровська-Мирнограда просідає.", "uk"),
])
def test_hyphenated_pair_of_towns_stays_two_towns(gaz, text, language):
    assert [m.geonameid for m in parse(gaz, text, language)] == [704422, 710035]


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Drones cut power to the villages of Murom, Lipki and Sosnovka in the Belgorod region.",
     "en", "Murom"),
    ("Беспилотники обесточили сёла Муром, Липки и Сосновка Белгородской области.", "ru",
     "Муром"),
    ("Des drones ont privé d'électricité les villages de Mourom, Lipki et Sosnovka, dans la "
     "région de Belgorod.", "fr", "Mourom"),
])
def test_region_after_a_marked_list_of_villages_places_every_village_of_it(
        gaz, text, language, surface):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.geonameid, mention.iso3166_2, mention.name) == (None, "RU-BEL", "Murom")


def test_a_town_elsewhere_listed_without_a_village_marker_keeps_its_namesake(gaz):
    mention = {m.surface: m for m in parse(
        gaz, "Trains from Murom and Shebekino in the Belgorod region were cancelled.", "en")}
    assert mention["Murom"].geonameid == 900106


SHEBEKINO, GRAIVORON = "Shebekino District", "Graivoron District"


@pytest.mark.parametrize(("text", "language"), [
    ("Drones struck the Shebekinsky and Graivoronsky districts overnight.", "en"),
    ("Ночью дроны атаковали Шебекинский и Грайворонский районы.", "ru"),
    ("Уночі дрони атакували Шебекінський та Грайворонський райони.", "uk"),
    ("Les districts de Chebekino et de Graïvoron ont été bombardés cette nuit.", "fr"),
    ("Die Bezirke Schebekino und Graiworon wurden in der Nacht beschossen.", "de"),
])
def test_each_district_of_a_list_of_districts_is_a_district_of_its_towns_oblast(
        gaz, text, language):
    districts = [(m.name, m.kind, m.iso3166_2) for m in parse(gaz, text, language)]
    assert districts == [(SHEBEKINO, "region", "RU-BEL"), (GRAIVORON, "region", "RU-BEL")]


@pytest.mark.parametrize(("text", "language"), [
    ("Shelling hit two districts of the Belgorod region: Shebekinsky and Graivoronsky.", "en"),
    ("Shelling hit two districts — Shebekinsky and Graivoronsky — overnight.", "en"),
])
def test_districts_listed_after_the_word_for_districts_are_districts(gaz, text, language):
    names = {m.name for m in parse(gaz, text, language) if m.kind == "region"}
    assert {SHEBEKINO, GRAIVORON} <= names


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Two people were hurt in the Rylsky district.", "en", "Rylsky district"),
    ("В Рыльском районе ранены двое.", "ru", "Рыльском районе"),
])
def test_russian_district_adjective_names_its_town_s_district(gaz, text, language, surface):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.kind, mention.name, mention.iso3166_2) == (
        "region", "Rylsk District", "RU-KRS")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Shelling hit the Sumy region again. Russian units keep pushing from the Kursk and "
     "Belgorod regions into Sumy.", "en", "Sumy"),
    ("La région de Soumy a de nouveau été bombardée. Les unités russes tentent d'entrer à "
     "Soumy depuis les régions de Koursk et de Belgorod.", "fr", "Soumy"),
    ("Das Gebiet Sumy wurde erneut beschossen. Russische Einheiten wollen aus den Regionen "
     "Kursk und Belgorod nach Sumy vordringen.", "de", "Sumy"),
])
def test_bare_name_in_a_sentence_about_other_regions_is_the_region_named_before(
        gaz, text, language, surface):
    last = [m for m in parse(gaz, text, language) if m.surface == surface][-1]
    assert (last.kind, last.iso3166_2) == ("region", "UA-59")


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Drones hit the Kharkiv region overnight. In Kharkiv, a shell struck a school.", "en",
     "Kharkiv"),
    ("Des drones ont frappé la région de Kharkiv. À Kharkiv, un obus a touché une école.",
     "fr", "Kharkiv"),
])
def test_bare_name_after_a_preposition_beside_its_own_region_alone_is_the_city(
        gaz, text, language, surface):
    assert found_city(parse(gaz, text, language), surface) == 706483


def found_city(mentions, surface):
    return next(m.geonameid for m in mentions if m.surface == surface)


BAKHMUT, VOVCHANSK = 713174, 689304


@pytest.mark.parametrize(("text", "language"), [
    ("Russian forces captured Artemovsk and Volchansk, the ministry claimed.", "en"),
    ("Минобороны заявило, что войска заняли Артемовск и Волчанск.", "ru"),
])
def test_front_towns_named_the_old_or_russian_way_beat_small_namesakes_far_away(
        gaz, text, language):
    assert [m.geonameid for m in parse(gaz, text, language)] == [BAKHMUT, VOVCHANSK]


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Подразделения заявили, что освободили н.п. Алексеевка в ДНР.", "ru", "Алексеевка"),
    ("Russian troops claimed the village of Alekseevka in the DNR.", "en", "Alekseevka"),
])
def test_village_placed_in_a_region_named_by_one_word_is_in_that_region(
        gaz, text, language, surface):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.iso3166_2, mention.name.endswith("iivka")) == ("UA-14", True)


def test_russian_written_village_is_named_the_ukrainian_way(gaz):
    mention = {m.surface: m for m in parse(
        gaz, "Russian troops claimed the village of Alekseevka in the DNR.", "en")}["Alekseevka"]
    assert mention.name == "Oleksiivka"


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Обстрелу подверглось село Нехотеевка Белгородской области.", "ru", "Нехотеевка"),
    ("Shelling hit the village of Nekhoteevka in the Belgorod region.", "en", "Nekhoteevka"),
])
def test_russian_village_the_gazetteer_lacks_keeps_its_russian_name(
        gaz, text, language, surface):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.name, mention.iso3166_2) == ("Nekhoteevka", "RU-BEL")


@pytest.mark.parametrize("text", [
    "KYIV, Dec 3 (Reuters) - Drones hit Odesa overnight.",
    "MOSCOW, Sept 12 (Reuters) - The ministry said its forces had advanced.",
])
def test_month_abbreviation_of_a_dateline_is_no_place(gaz, text):
    assert not {m.surface for m in parse(gaz, text, "en")} & {"Dec", "Sept"}


@pytest.mark.parametrize(("text", "language", "surface", "iso"), [
    ("Los enviados se reunieron en Florida con la delegación ucraniana.", "es", "Florida",
     "US-FL"),
    ("Переговоры во Флориде продолжились в воскресенье.", "ru", "Флориде", "US-FL"),
    ("The summit in Anchorage, Alaska, ended without a deal.", "en", "Alaska", "US-AK"),
])
def test_a_us_state_where_talks_are_held_is_that_state(gaz, text, language, surface, iso):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.kind, mention.iso3166_2) == ("region", iso)



@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Ранен глава управления Алешкинского округа.", "ru", "Алешкинского округа"),
    ("Поранено голову адміністрації Олешківського району.", "uk", "Олешківського району"),
])
def test_district_adjective_of_a_plural_town_name_names_that_town_s_district(
        gaz, text, language, surface):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.kind, mention.name, mention.iso3166_2) == ("region", "Oleshky Raion", "UA-65")


@pytest.mark.parametrize(("text", "language", "surface", "iso"), [
    ("Kharkiv Governor Ivan Petrenko said two people were hurt.", "en", "Kharkiv", "UA-63"),
    ("The governor of Belgorod, Ivan Petrov, reported damage.", "en", "Belgorod", "RU-BEL"),
    ("Le gouverneur de Kharkiv a fait état de deux blessés.", "fr", "Kharkiv", "UA-63"),
    ("Der Gouverneur von Belgorod meldete Schäden.", "de", "Belgorod", "RU-BEL"),
    ("El gobernador de Belgorod informó de daños.", "es", "Belgorod", "RU-BEL"),
    ("Il governatore di Kharkiv ha riferito di due feriti.", "it", "Kharkiv", "UA-63"),
])
def test_the_place_a_governor_governs_is_the_region(gaz, text, language, surface, iso):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.kind, mention.iso3166_2) == ("region", iso)


@pytest.mark.parametrize(("text", "language"), [
    ("Russian drones struck Kupiansk, Ivan Petrenko said.", "en"),
    ("Los drones atacaron Kupiansk, Ivan Petrenko dijo.", "es"),
    ("Drohnen trafen Kupiansk, Iwan Petrenko zufolge.", "de"),
])
def test_a_person_named_after_a_place_and_a_comma_is_no_village(gaz, text, language):
    assert [m.surface for m in parse(gaz, text, language)] == ["Kupiansk"]


@pytest.mark.parametrize(("text", "language", "surface", "iso"), [
    ("За даними Сумської ОВА, обстріляно п'ять громад.", "uk", "Сумської ОВА", "UA-59"),
    ("Сумська обласна рада засудила обстріл.", "uk", "Сумська обласна", "UA-59"),
    ("По данным Курской областной администрации, ранены двое.", "ru", "Курской областной",
     "RU-KRS"),
    ("Глава Харьковской ОВА сообщил о раненых.", "ru", "Харьковской ОВА", "UA-63"),
])
def test_a_regional_administration_names_its_region(gaz, text, language, surface, iso):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert (mention.kind, mention.iso3166_2) == ("region", iso)


@pytest.mark.parametrize(("text", "language", "surface"), [
    ("Laut Moskau ist Siwersk gefallen.", "de", "Siwersk"),
    ("Według Kijowa Siwersk wciąż się broni.", "pl", "Siwersk"),
    ("По данным Москвы, Северск пал.", "ru", "Северск"),
])
def test_a_capital_named_as_the_speaker_does_not_pull_front_towns_away_from_the_front(
        gaz, text, language, surface):
    mention = {m.surface: m for m in parse(gaz, text, language)}[surface]
    assert mention.geonameid == 694403


@pytest.mark.parametrize(("text", "language"), [
    ("Ukrainska Pravda reported a strike on Kupiansk.", "en"),
    ("Selon Ukrainska Pravda, Koupiansk a été frappée.", "fr"),
])
def test_an_outlet_quoted_as_the_source_is_no_place(gaz, text, language):
    assert [m.geonameid for m in parse(gaz, text, language)] == [703656]
