"""Times that name no day, "last <weekday>" and "the same day", in every language's words."""

from __future__ import annotations

from datetime import date

import pytest

from frontledger.text.dates import find_dates

THURSDAY = date(2025, 11, 20)


@pytest.mark.parametrize(("text", "language"), [
    ("the brigade said a few days ago", "en"),
    ("in recent days the army advanced", "en"),
    ("troops withdrew last autumn", "en"),
    ("the bridgehead was set up in early 2024", "en"),
    ("les territoires perdus à l'automne dernier", "fr"),
    ("reprise début 2024", "fr"),
    ("il y a quelques jours, l'armée", "fr"),
    ("vor einigen Tagen meldete", "de"),
    ("in den vergangenen Wochen", "de"),
    ("несколько дней назад армия", "ru"),
    ("прошлой осенью войска", "ru"),
    ("в начале 2024 года", "ru"),
    ("весной этого года войска вышли", "ru"),
    ("наступление началось летом 2024 года", "ru"),
    ("кілька днів тому армія", "uk"),
    ("навесні 2022 року окупували", "uk"),
    ("влітку цього року вийшли", "uk"),
    ("останніми днями тривали бої", "uk"),
    ("kilka dni temu armia", "pl"),
    ("w ostatnich dniach", "pl"),
    ("en los últimos días", "es"),
    ("a principios de 2024", "es"),
    ("alcuni giorni fa l'esercito", "it"),
    ("lo scorso autunno", "it"),
])
def test_time_that_names_no_day_is_a_mention_without_a_date(text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(None, None)]


def test_month_after_an_early_word_keeps_its_month_date() -> None:
    """"early November" is a month (dated to its 1st), not a time without a date."""
    mentions = find_dates("in early November 2024", THURSDAY, "en")
    assert [(m.value, m.precision) for m in mentions] == [(date(2024, 11, 1), "month")]


@pytest.mark.parametrize(("text", "language"), [
    ("last Thursday", "en"),
    ("jeudi dernier", "fr"),
    ("am vergangenen Donnerstag", "de"),
    ("в прошлый четверг", "ru"),
    ("минулого четверга", "uk"),
    ("w ubiegły czwartek", "pl"),
    ("el pasado jueves", "es"),
    ("giovedì scorso", "it"),
])
def test_last_weekday_named_on_that_weekday_is_the_week_before(text: str, language: str) -> None:
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [date(2025, 11, 13)]


@pytest.mark.parametrize(("text", "language"), [
    ("on Thursday", "en"),
    ("jeudi", "fr"),
    ("am Donnerstag", "de"),
])
def test_weekday_named_on_that_weekday_without_last_is_that_day(text: str, language: str) -> None:
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [THURSDAY]


@pytest.mark.parametrize(("text", "language"), [
    ("Am Montag meldete das Ministerium Kämpfe. Am selben Tag hieß es", "de"),
    ("В понедельник министерство сообщило о боях. В тот же день штаб заявил", "ru"),
    ("У понеділок міністерство повідомило про бої. Того ж дня штаб заявив", "uk"),
    ("W poniedziałek ministerstwo podało. Tego samego dnia sztab przekazał", "pl"),
    ("El lunes el ministerio informó. Ese mismo día el mando dijo", "es"),
    ("Lunedì il ministero ha riferito. Lo stesso giorno il comando ha detto", "it"),
])
def test_same_day_takes_the_day_written_before(text: str, language: str) -> None:
    monday = date(2025, 11, 17)
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [monday, monday]


@pytest.mark.parametrize(("text", "language"), [
    ("troops entered the town in August of last year", "en"),
    ("les troupes sont entrées dans la ville en août de l'année dernière", "fr"),
    ("войска вошли в город в августе прошлого года", "ru"),
    ("війська увійшли до міста у серпні минулого року", "uk"),
    ("die Truppen rückten im August vergangenen Jahres ein", "de"),
    ("le truppe sono entrate nell'agosto dello scorso anno", "it"),
    ("las tropas entraron en agosto del año pasado", "es"),
    ("wojska weszły w sierpniu ubiegłego roku", "pl"),
])
def test_month_of_last_year_is_dated_in_the_year_before_publication(
        text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(date(2024, 8, 1), "month")]


@pytest.mark.parametrize(("text", "language"), [
    ("the offensive began last November", "en"),
    ("l'offensive a commencé en novembre dernier", "fr"),
    ("l'offensiva è iniziata lo scorso novembre", "it"),
    ("die Offensive begann im vergangenen November", "de"),
])
def test_last_month_name_in_the_month_of_publication_is_the_year_before(
        text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(date(2024, 11, 1), "month")]


@pytest.mark.parametrize(("text", "language"), [
    ("drones struck the depot overnight Saturday into Sunday", "en"),
    ("des drones ont frappé le dépôt dans la nuit de samedi à dimanche", "fr"),
    ("дроны атаковали склад в ночь с субботы на воскресенье", "ru"),
    ("дрони атакували склад у ніч з суботи на неділю", "uk"),
    ("Drohnen trafen das Lager in der Nacht von Samstag auf Sonntag", "de"),
    ("i droni hanno colpito il deposito nella notte tra sabato e domenica", "it"),
    ("los drones atacaron el depósito en la noche del sábado al domingo", "es"),
    ("drony uderzyły w magazyn w nocy z soboty na niedzielę", "pl"),
])
def test_night_from_one_day_to_the_next_is_one_mention_of_the_later_day(
        text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(date(2025, 11, 16), "day")]


@pytest.mark.parametrize(("text", "language"), [
    ("Russian forces attacked near the town on November 12 and 13 but did not advance", "en"),
    ("Russian forces attacked near the town from November 11 to 13", "en"),
    ("бои у поселка шли с 11 по 13 ноября", "ru"),
    ("бои у поселка шли 12 и 13 ноября", "ru"),
    ("les combats ont eu lieu les 12 et 13 novembre", "fr"),
])
def test_two_days_of_one_month_joined_by_a_range_word_are_one_mention_of_the_later_day(
        text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(date(2025, 11, 13), "day")]


@pytest.mark.parametrize(("text", "language"), [
    ("On Saturday the army spoke. The day before, the ministry had reported a strike.", "en"),
    ("Samedi, l'armée a parlé. La veille, le ministère avait signalé une frappe.", "fr"),
    ("В субботу армия выступила. Накануне министерство сообщило об ударе.", "ru"),
    ("У суботу армія виступила. Напередодні міністерство повідомило про удар.", "uk"),
    ("Am Samstag äußerte sich die Armee. Am Vortag hatte das Ministerium einen Angriff "
     "gemeldet.", "de"),
    ("Sabato l'esercito ha parlato. Il giorno prima il ministero aveva segnalato un attacco.",
     "it"),
    ("El sábado habló el ejército. El día anterior el ministerio había informado de un "
     "ataque.", "es"),
    ("W sobotę armia zabrała głos. Dzień wcześniej ministerstwo poinformowało o ataku.", "pl"),
])
def test_the_day_before_counts_back_from_the_last_day_written(text: str, language: str) -> None:
    saturday, friday = date(2025, 11, 15), date(2025, 11, 14)
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [saturday, friday]


@pytest.mark.parametrize(("text", "language"), [
    ("the village was lost last month", "en"),
    ("le village a été perdu le mois dernier", "fr"),
    ("село было потеряно в прошлом месяце", "ru"),
    ("село було втрачено минулого місяця", "uk"),
    ("das Dorf ging im vergangenen Monat verloren", "de"),
    ("il villaggio è stato perso il mese scorso", "it"),
    ("la aldea se perdió el mes pasado", "es"),
    ("wieś została utracona w zeszłym miesiącu", "pl"),
])
def test_last_month_is_the_month_before_publication_with_month_precision(
        text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(date(2025, 10, 1), "month")]


@pytest.mark.parametrize(("text", "language"), [
    ("the city was taken in 2022", "en"),
    ("la ville a été prise en 2022", "fr"),
    ("город был взят в 2022 году", "ru"),
    ("місто було захоплено у 2022 році", "uk"),
    ("die Stadt wurde im Jahr 2022 eingenommen", "de"),
    ("la città è stata presa nel 2022", "it"),
    ("la ciudad fue tomada en 2022", "es"),
    ("miasto zostało zajęte w 2022 roku", "pl"),
    ("the brigade said this week", "en"),
    ("cette semaine, des médias ont rapporté", "fr"),
    ("на этой неделе СМИ сообщили", "ru"),
    ("цього тижня медіа повідомили", "uk"),
    ("diese Woche berichteten Medien", "de"),
    ("questa settimana i media hanno riferito", "it"),
    ("esta semana los medios informaron", "es"),
    ("w tym tygodniu media podały", "pl"),
])
def test_a_past_year_or_this_week_names_no_day(text: str, language: str) -> None:
    mentions = find_dates(text, THURSDAY, language)
    assert [(m.value, m.precision) for m in mentions] == [(None, None)]


@pytest.mark.parametrize(("text", "language"), [
    ("Russia has taken 4,000 square kilometres in 2025", "en"),
    ("la Russie a pris 4 000 kilomètres carrés en 2025", "fr"),
    ("Россия заняла 4000 квадратных километров в 2025 году", "ru"),
])
def test_the_year_of_publication_is_no_time_of_its_own(text: str, language: str) -> None:
    assert find_dates(text, THURSDAY, language) == []


def test_overnight_is_the_night_ending_on_publication_unless_a_day_follows() -> None:
    assert [m.value for m in find_dates("drones attacked overnight", THURSDAY, "en")] == [
        THURSDAY]
    assert [m.value for m in find_dates("drones attacked overnight into Sunday", THURSDAY,
                                        "en")] == [date(2025, 11, 16)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("meldete das Ministerium am Sonntagabend", "de", date(2025, 11, 16)),
    ("Angriffe am Dienstagmorgen", "de", date(2025, 11, 18)),
    ("the ministry reported on Sunday evening", "en", date(2025, 11, 16)),
    ("в ночь со среды на четверг", "ru", THURSDAY),
    ("у ніч із середи на четвер", "uk", THURSDAY),
])
def test_weekday_with_its_part_of_day_or_in_the_genitive_is_that_day(
        text: str, language: str, expected: date) -> None:
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [expected]


@pytest.mark.parametrize(("text", "language"), [
    ("the governor said this evening", "en"),
    ("a indiqué le gouverneur ce soir", "fr"),
    ("ha detto il governatore stasera", "it"),
    ("dijo el gobernador esta tarde", "es"),
])
def test_part_of_today_is_the_day_of_publication(text: str, language: str) -> None:
    assert [m.value for m in find_dates(text, THURSDAY, language)] == [THURSDAY]
