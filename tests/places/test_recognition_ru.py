"""Russian: case endings, oblasts, former names, unmarked and marked villages."""

from __future__ import annotations

from tests.places.helpers import found, parse


def test_locative_case_is_recognised(gaz):
    assert found(gaz, "Бои идут в Купянске.", "ru")["Купянске"].geonameid == 703656


def test_instrumental_case_prefers_the_town_over_a_village_with_an_adjectival_name(gaz):
    assert found(gaz, "Бои идут под Покровском.", "ru")["Покровском"].geonameid == 704422


def test_oblast_in_the_genitive(gaz):
    m = found(gaz, "Удар по Донецкой области.", "ru")["Донецкой области"]
    assert (m.kind, m.iso3166_2) == ("region", "UA-14")


def test_two_oblasts_sharing_one_noun(gaz):
    mentions = parse(gaz, "Бои в Донецкой и Запорожской областях.", "ru")
    assert [m.iso3166_2 for m in mentions] == ["UA-14", "UA-23"]


def test_former_name_of_a_big_town(gaz):
    assert found(gaz, "Город Красноармейск окружён.", "ru")["Красноармейск"].geonameid == 704422


def test_marked_settlement_missing_from_the_gazetteer_gets_a_ukrainian_style_name(gaz):
    m = found(gaz, "Войска освободили населённый пункт Новоуспеновское.", "ru")["Новоуспеновское"]
    assert (m.kind, m.geonameid, m.name) == ("populated_place", None, "Novouspenivske")


def test_direction_adjective_names_its_town(gaz):
    m = found(gaz, "Бои на добропольском направлении.", "ru")["добропольском"]
    assert m.geonameid == 709900


def test_person_names_and_adjectives_are_not_places(gaz):
    assert parse(gaz, "Путин и Герасимов хвалят российские войска.", "ru") == []


def test_kremlin_is_a_metonym_and_kiev_speaking_too(gaz):
    places = found(gaz, "В Кремле молчат, а Киев заявил о контрударе.", "ru")
    assert places["Киев"].metonym and places["Кремле"].metonym


def test_marked_list_of_villages_gets_their_ukrainian_official_names(gaz):
    text = "Армия взяла под контроль населенные пункты Гнатовку и Сухой Яр."
    assert [m.name for m in parse(gaz, text, "ru")] == ["Hnativka", "Sukhyi Yar"]


def test_villages_named_as_such_after_the_list(gaz):
    text = "Подразделения заняли Балаган и Сухецкое — села на окраине города."
    assert [m.name for m in parse(gaz, text, "ru")] == ["Balahan", "Sukhetske"]


def test_country_after_an_institution_is_an_actor(gaz):
    assert found(gaz, "Об этом сообщило Минобороны России.", "ru")["России"].metonym


def test_settlement_with_its_oblast_in_the_genitive(gaz):
    text = "Освобождено село Терновая Роща Харьковской области."
    m = found(gaz, text, "ru")["Терновая Роща"]  # no namesake in Kharkiv Oblast goes by this
    assert (m.geonameid, m.iso3166_2) == (None, "UA-63")


def test_russian_form_of_a_village_in_its_oblast_is_the_ukrainian_village_there(gaz):
    text = "Освобождено село Константиновка Харьковской области."
    m = found(gaz, text, "ru")["Константиновка"]  # Костянтинівка, Kharkiv Oblast
    assert (m.geonameid, m.iso3166_2) == (900001, "UA-63")


def test_town_followed_by_its_oblast_in_the_genitive_is_no_person_name(gaz):
    m = found(gaz, "Войска освободили Купянск Харьковской области.", "ru")["Купянск"]
    assert (m.geonameid, m.iso3166_2) == (703656, "UA-63")


def test_a_name_after_an_abbreviations_dot_is_no_sentence_opener(gaz):
    m = found(gaz, "Бои идут на окраинах г. Купянска.", "ru")["Купянска"]
    assert m.geonameid == 703656
