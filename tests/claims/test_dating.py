"""When a claim holds: invented sentences, two or more languages per construction.

Published on Thursday 2025-11-20 unless a case says otherwise; "Monday" is 2025-11-17.
"""

from __future__ import annotations

from datetime import date

import pytest
from claims_fixtures import fixture_geoparse, make_document

from frontledger.claims import extract
from frontledger.records import Claim

PUBLISHED = date(2025, 11, 20)
MONDAY = date(2025, 11, 17)


def _claims(text: str, language: str, published: str = "2025-11-20") -> list[Claim]:
    document = make_document(text, language, published)
    return extract(document, fixture_geoparse(document.text, document.language))


def _one(claims: list[Claim], place: str, stance: str) -> Claim:
    found = [c for c in claims if c.place.name == place and c.stance == stance]
    assert len(found) == 1, claims
    return found[0]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia's Defence Ministry said on Monday that its troops had captured Siversk. "
           "Ukraine's General Staff rejected the claim."),
    ("fr", "Lundi, l'armée russe a déclaré que ses soldats avaient pris "
           "Siversk. L'état-major ukrainien a démenti ces affirmations."),
    ("de", "Das russische Verteidigungsministerium erklärte am Montag, seine Truppen hätten "
           "Siversk eingenommen. Der ukrainische Generalstab wies diese Behauptung zurück."),
])
def test_denial_of_an_earlier_claim_is_dated_when_it_is_said_not_when_the_claim_was(
        language: str, text: str) -> None:
    claims = _claims(text, language)
    assert _one(claims, "Siversk", "asserts").date == MONDAY
    denial = _one(claims, "Siversk", "denies")
    assert (denial.claimant_side, denial.date) == ("UA", PUBLISHED)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Kyiv rejected Moscow's claims that Russian troops had captured Toretsk."),
    ("uk", "У ЗСУ відкинули твердження Міноборони Росії, нібито російські війська захопили "
           "Торецьк."),
    ("ru", "В ВСУ опровергли заявления Минобороны России о том, что российские войска "
           "захватили Торецк."),
])
def test_claim_a_denial_answers_keeps_its_undated_past_while_the_denial_is_dated(
        language: str, text: str) -> None:
    claims = _claims(text, language)
    answered = _one(claims, "Toretsk", "asserts")
    assert (answered.claimant_side, answered.date, answered.date_precision) == ("RU", None, None)
    assert _one(claims, "Toretsk", "denies").date == PUBLISHED


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russia's Defence Ministry said on Monday that its troops had taken Toretsk. "
           "The ministry said its forces had captured Siversk a few days ago."),
    ("ru", "В понедельник Минобороны России заявило, что его войска заняли Торецк. В ведомстве "
           "добавили, что несколько дней назад российские войска захватили Северск."),
    ("de", "Am Montag erklärte das russische Verteidigungsministerium, seine Truppen hätten "
           "Toretsk eingenommen. Vor einigen Tagen hätten russische Truppen Siversk erobert, "
           "hieß es weiter."),
])
def test_event_of_a_time_that_names_no_day_stays_undated_in_a_dated_statement(
        language: str, text: str) -> None:
    claims = _claims(text, language)
    siversk = _one(claims, "Siversk", "asserts")
    assert (siversk.claimant_side, siversk.date, siversk.date_precision) == ("RU", None, None)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "This week Ukrainian media reported that Ukrainian troops had left Kupiansk. "
           "Ukraine's General Staff said that Ukrainian forces hold Siversk."),
    ("fr", "Cette semaine, des médias ukrainiens ont rapporté que les troupes ukrainiennes "
           "avaient quitté Kupiansk. L'état-major ukrainien a affirmé que les forces "
           "ukrainiennes tiennent Siversk."),
])
def test_time_that_names_no_day_is_not_shared_by_the_next_statement(
        language: str, text: str) -> None:
    claims = _claims(text, language)
    siversk = _one(claims, "Siversk", "asserts")
    assert (siversk.claimant_side, siversk.date) == ("UA", PUBLISHED)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Russian drones hit Kharkiv, the regional governor said."),
    ("ru", "Российские дроны атаковали Харьков, сообщил губернатор области."),
    ("fr", "Des drones russes ont frappé Kharkiv, a indiqué le gouverneur de la région."),
])
def test_strike_told_in_the_past_without_a_date_is_the_news_of_the_publication_day(
        language: str, text: str) -> None:
    strikes = [c for c in _claims(text, language) if c.kind == "strike"]
    assert [(c.place.name, c.date) for c in strikes] == [("Kharkiv", PUBLISHED)]
