"""Tense decides whether an undated claim holds on the published day: invented sentences,
two or more languages per construction. Published on 2025-11-20."""

from __future__ import annotations

from datetime import date

import pytest
from claims_fixtures import fixture_geoparse, make_document

from frontledger.claims import extract
from frontledger.claims.morphology import past_verb, present_verb
from frontledger.records import Claim

PUBLISHED = date(2025, 11, 20)


def _claims(text: str, language: str) -> list[Claim]:
    document = make_document(text, language, "2025-11-20")
    return extract(document, fixture_geoparse(document.text, document.language))


def _dates(text: str, language: str, kind: str) -> list[date | None]:
    return [c.date for c in _claims(text, language) if c.kind == kind]


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Украинские войска вышли из Северска, сообщил Генштаб ВСУ."),
    ("ru", "Генштаб ВСУ сообщил, что украинские подразделения ушли из Северска."),
    ("uk", "Українські війська вийшли з Сіверська, повідомив Генштаб ЗСУ."),
    ("uk", "Українські підрозділи відійшли з Сіверська, повідомили в Генштабі."),
    ("en", "Ukrainian troops withdrew from Siversk, the General Staff said."),
    ("en", "Ukrainian forces have withdrawn from Siversk, the General Staff said."),
    ("es", "Las tropas ucranianas han abandonado Siversk, informó el Estado Mayor."),
    ("it", "Le truppe ucraine hanno lasciato Siversk, ha detto lo stato maggiore."),
])
def test_withdrawal_told_as_done_with_no_date_stays_undated(language: str, text: str) -> None:
    assert _dates(text, language, "withdrawal") == [None]


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "ВСУ, как сообщил Генштаб, удерживают Северск."),
    ("ru", "Генштаб ВСУ сообщил: подразделения удерживают Северск."),
    ("uk", "Сили оборони, повідомив Генштаб, утримують Сіверськ."),
    ("en", "Ukrainian forces, the General Staff reported, still hold Siversk."),
    ("en", "Ukrainian forces, the General Staff reported, hold Siversk."),
])
def test_past_speech_verb_of_the_statement_does_not_make_a_present_state_past(
        language: str, text: str) -> None:
    assert _dates(text, language, "control") == [PUBLISHED]


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Российские войска наступают на Покровск, сообщил Генштаб ВСУ."),
    ("uk", "Російські війська наступають на Покровськ, повідомив Генштаб ЗСУ."),
    ("en", "Russian forces are advancing towards Pokrovsk, the General Staff said."),
])
def test_advance_in_the_present_is_dated_to_the_published_day(language: str, text: str) -> None:
    assert _dates(text, language, "advance") == [PUBLISHED]


@pytest.mark.parametrize(("language", "word", "past"), [
    ("ru", "вышли", True), ("ru", "ушли,", True), ("ru", "удерживают", False),
    ("ru", "войска", False), ("uk", "відійшли", True), ("uk", "утримують", False),
    ("uk", "Siversk", False),
])
def test_past_verb_reads_the_tense_of_a_slavic_verb_from_its_morphology(
        language: str, word: str, past: bool) -> None:
    assert past_verb(word, language) is past


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("fr", "Siversk est sous contrôle ukrainien, a affirmé l'état-major.", "control"),
    ("fr", "Pokrovsk est encerclée par les forces russes, a affirmé le ministère.",
     "encirclement"),
    ("it", "Siversk è sotto il controllo ucraino, ha detto lo stato maggiore.", "control"),
    ("it", "Pokrovsk è circondata dalle forze russe, ha detto il ministero.", "encirclement"),
])
def test_copula_with_a_state_is_present_not_a_compound_past(
        language: str, text: str, kind: str) -> None:
    assert _dates(text, language, kind) == [PUBLISHED]


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("fr", "Siversk est tombée aux mains des Russes, a affirmé le ministère.", "control"),
    ("it", "Siversk è caduta nelle mani dei russi, ha detto il ministero.", "control"),
])
def test_compound_past_of_a_verb_taking_etre_stays_undated(
        language: str, text: str, kind: str) -> None:
    assert _dates(text, language, kind) == [None]


@pytest.mark.parametrize(("text", "kind"), [
    ("Ukraińskie siły kontrolują Siwiersk, podał sztab.", "control"),
    ("Ukraińskie oddziały utrzymują Siwiersk, podał sztab.", "control"),
    ("Rosyjskie siły nacierają na Pokrowsk, podał sztab.", "advance"),
    ("Siły rosyjskie okrążają Pokrowsk, podał sztab.", "encirclement"),
])
def test_polish_noun_that_ends_like_a_past_verb_leaves_a_present_claim_dated(
        text: str, kind: str) -> None:
    assert _dates(text, "pl", kind) == [PUBLISHED]


@pytest.mark.parametrize(("text", "kind"), [
    ("Rosyjskie siły zajęły Siwiersk, podało ministerstwo.", "control"),
    ("Ukraińskie oddziały wycofały się z Siwierska, podał sztab.", "withdrawal"),
])
def test_polish_past_verb_after_such_a_noun_stays_undated(text: str, kind: str) -> None:
    assert _dates(text, "pl", kind) == [None]


@pytest.mark.parametrize(("text", "kind"), [
    ("Russische Truppen griffen Pokrowsk an, teilte der Generalstab mit.", "clash"),
    ("Russische Truppen haben Pokrowsk angegriffen, teilte der Generalstab mit.", "clash"),
    ("In Pokrowsk wurde heftig gekämpft, teilte der Generalstab mit.", "clash"),
])
def test_german_praeteritum_and_perfekt_of_fighting_stay_undated(
        text: str, kind: str) -> None:
    assert _dates(text, "de", kind) == [None]


@pytest.mark.parametrize(("text", "kind"), [
    ("Die russische Armee rückt auf Pokrowsk vor, teilte der Generalstab mit.", "advance"),
    ("Russische Truppen greifen Pokrowsk an, teilte der Generalstab mit.", "clash"),
    ("Pokrowsk ist von russischen Truppen eingekesselt, teilte das Ministerium mit.",
     "encirclement"),
    ("Russische Truppen kontrollieren Siversk, teilte das Ministerium mit.", "control"),
])
def test_german_present_and_state_passive_are_dated_to_the_published_day(
        text: str, kind: str) -> None:
    assert _dates(text, "de", kind) == [PUBLISHED]


@pytest.mark.parametrize(("language", "text"), [
    ("pl", "Zajęcie Siwierska ogłosiło rosyjskie ministerstwo obrony."),
    ("de", "Das russische Verteidigungsministerium meldet die Einnahme von Siversk."),
])
def test_noun_of_a_capture_tells_a_past_event_whatever_verb_announces_it(
        language: str, text: str) -> None:
    assert _dates(text, language, "control") == [None]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Ukraine's General Staff said on Monday that its troops hold Pokrovsk. The General "
           "Staff added that Ukrainian troops had pulled out of Siversk."),
    ("uk", "Генштаб ЗСУ у понеділок заявив, що українські війська утримують Покровськ. У "
           "Генштабі додали, що українські підрозділи вийшли з Сіверська."),
    ("pl", "Sztab generalny poinformował w poniedziałek, że ukraińskie wojska kontrolują "
           "Pokrowsk. Sztab dodał, że ukraińskie oddziały wycofały się z Siwierska."),
])
def test_withdrawal_told_in_a_dated_statement_stays_undated(language: str, text: str) -> None:
    assert _dates(text, language, "withdrawal") == [None]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Ukraine's General Staff said on Monday that its troops hold Pokrovsk. The General "
           "Staff added that Ukrainian troops still hold Siversk."),
    ("uk", "Генштаб ЗСУ у понеділок заявив, що українські війська утримують Покровськ. У "
           "Генштабі додали, що українські підрозділи утримують Сіверськ."),
])
def test_state_told_in_a_dated_statement_holds_on_the_statement_day(
        language: str, text: str) -> None:
    assert _dates(text, language, "control") == [date(2025, 11, 17)] * 2


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "Российские войска продвинулись к Покровску, сообщил Генштаб ВСУ."),
    ("uk", "Російські війська просунулися до Покровська, повідомив Генштаб ЗСУ."),
    ("de", "Russische Truppen sind auf Pokrowsk vorgerückt, teilte der Generalstab mit."),
    ("de", "Die russische Armee rückte auf Pokrowsk vor, teilte der Generalstab mit."),
])
def test_advance_told_in_the_past_with_no_date_stays_undated(language: str, text: str) -> None:
    assert _dates(text, language, "advance") == [None]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russian forces recently advanced near Pokrovsk, the General Staff said."),
    ("es", "Las fuerzas rusas avanzaron recientemente cerca de Pokrovsk, dijo el Estado Mayor."),
    ("it", "Le forze russe sono avanzate di recente verso Pokrovsk, ha detto lo stato maggiore."),
    ("ru", "Российские войска недавно продвинулись к Покровску, сообщил Генштаб ВСУ."),
    ("de", "Russische Truppen sind kürzlich auf Pokrowsk vorgerückt, teilte der Generalstab mit."),
])
def test_advance_said_to_be_recent_names_no_day_and_stays_undated(
        language: str, text: str) -> None:
    assert _dates(text, language, "advance") == [None]


def test_earlier_before_a_noun_of_speech_is_no_earlier_time() -> None:
    text = "Contrary to earlier reports, the General Staff said Ukrainian forces hold Siversk."
    assert _dates(text, "en", "control") == [PUBLISHED]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Ukrainian forces still hold Siversk, a town that Russian units recently tried to "
           "storm, the General Staff said."),
    ("fr", "Les forces ukrainiennes tiennent toujours Siversk, une ville que les unités russes "
           "ont récemment tenté de prendre d'assaut, selon l'état-major."),
    ("ru", "ВСУ по-прежнему удерживают Северск, который российские части недавно пытались "
           "штурмовать, сообщил Генштаб."),
])
def test_earlier_time_in_a_later_clause_does_not_undate_the_state_before_it(
        language: str, text: str) -> None:
    assert _dates(text, language, "control") == [PUBLISHED]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Weeks ago, Ukrainian forces held Siversk, the General Staff said."),
    ("ru", "Ранее, по данным Генштаба, ВСУ удерживали Северск."),
])
def test_earlier_time_before_the_trigger_leaves_it_undated(language: str, text: str) -> None:
    assert _dates(text, language, "control") == [None]


@pytest.mark.parametrize(("text", "kind"), [
    ("Ukrainian troops are encircled in Pokrovsk, the ministry said.", "encirclement"),
    ("Pokrovsk is surrounded by Russian troops, the ministry said.", "encirclement"),
    ("Pokrovsk is effectively encircled, the ministry said.", "encirclement"),
])
def test_english_present_passive_is_a_state_not_a_past(text: str, kind: str) -> None:
    assert _dates(text, "en", kind) == [PUBLISHED]


def test_english_past_passive_stays_undated() -> None:
    text = "Siversk was captured by Russian forces, the ministry said."
    assert _dates(text, "en", "control") == [None]


@pytest.mark.parametrize(("language", "text", "kind"), [
    ("ru", "ВСУ теряют контроль над Северском, сообщил военный эксперт.", "control"),
    ("uk", "ЗСУ втрачають контроль над Сіверськом, повідомив військовий експерт.", "control"),
    ("ru", "Украинские подразделения отходят из Северска, сообщил Генштаб.", "withdrawal"),
    ("en", "Ukrainian forces are losing control of Siversk, the analyst said.", "control"),
    ("pl", "Ukraińskie oddziały opuszczają Siwiersk, podał sztab.", "withdrawal"),
    ("fr", "Les forces ukrainiennes perdent le contrôle de Siversk, selon un analyste.",
     "control"),
    ("es", "Las fuerzas ucranianas pierden el control de Siversk, según un analista.",
     "control"),
    ("it", "Le forze ucraine perdono il controllo di Siversk, secondo un analista.", "control"),
])
def test_present_form_of_a_trigger_of_past_events_is_under_way_on_the_published_day(
        language: str, text: str, kind: str) -> None:
    assert _dates(text, language, kind) == [PUBLISHED]


@pytest.mark.parametrize(("language", "word", "present"), [
    ("ru", "отходят", True), ("uk", "втрачають", True), ("ru", "отошли", False),
    ("uk", "війська", False),
])
def test_present_verb_reads_a_non_past_slavic_verb_from_its_morphology(
        language: str, word: str, present: bool) -> None:
    assert present_verb(word, language) is present
