"""Ledgers for the web app's tests, built from articles invented for them.

`hand_made_ledger` stores invented reports in four languages with claims written by hand
(so the API's answers are known exactly); `HOSTILE_RECORD` is an invented report whose
title, body, outlet and URL try to run script in the map page, for the real pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from frontledger.ingest.formats import make_document
from frontledger.ledger import SqlStore
from frontledger.records import Claim, Document, Evidence, PlaceMention

KUPIANSK = PlaceMention(0, 0, "", "Kupyansk", "populated_place", 703656, "UA", "UA-63",
                        49.71003, 37.61581)
POKROVSK = PlaceMention(0, 0, "", "Pokrovsk", "populated_place", 708552, "UA", "UA-14",
                        48.28198, 37.18207)
ODESA = PlaceMention(0, 0, "", "Odesa", "populated_place", 698740, "UA", "UA-51",
                     46.47747, 30.73262)


@dataclass(frozen=True)
class Said:
    """One hand-made claim: the sentence that says it and what it says."""

    sentence: str
    place: PlaceMention
    surface: str
    claimant: str
    side: str
    kind: str
    actor: str | None
    stance: str = "asserts"
    day: date | None = None
    fraction: float | None = None


@dataclass(frozen=True)
class Article:
    title: str
    text: str
    language: str
    outlet: str
    url: str
    published: datetime
    said: tuple[Said, ...]


ARTICLES = (
    Article(
        "INVENTED: Moscow says Kupiansk is taken",
        "INVENTED TEST REPORT. Russia's defence ministry said on 20 November 2025 that its "
        "forces had captured Kupiansk. Kyiv did not comment at once.",
        "en", "invented-wire.example", "https://invented-wire.example/2025/11/20/kupiansk",
        datetime(2025, 11, 20, 18, 0, tzinfo=UTC),
        (Said("Russia's defence ministry said on 20 November 2025 that its forces had "
              "captured Kupiansk.", KUPIANSK, "Kupiansk", "Russia's defence ministry", "RU",
              "control", "RU", day=date(2025, 11, 20)),)),
    Article(
        "ВИГАДАНО: Генштаб спростовує захоплення Куп'янська",
        "ВИГАДАНИЙ ТЕСТОВИЙ ТЕКСТ. Генштаб ЗСУ заявив 21 листопада, що Куп'янськ "
        "залишається під контролем українських сил. Заяви про захоплення міста неправдиві.",
        "uk", "vyhadka.example", "https://vyhadka.example/novyny/kupiansk",
        datetime(2025, 11, 21, 9, 30, tzinfo=UTC),
        (Said("Генштаб ЗСУ заявив 21 листопада, що Куп'янськ залишається під контролем "
              "українських сил.", KUPIANSK, "Куп'янськ", "Генштаб ЗСУ", "UA", "control", "UA",
              day=date(2025, 11, 21)),
         Said("Заяви про захоплення міста неправдиві.", KUPIANSK, "міста", "Генштаб ЗСУ",
              "UA", "control", "RU", stance="denies", day=date(2025, 11, 21)))),
    Article(
        "INVENTÉ : Moscou revendique 70 % de Pokrovsk",
        "TEXTE DE TEST INVENTÉ. Selon l'armée russe, 70 % de Pokrovsk seraient sous son "
        "contrôle depuis le 22 novembre.",
        "fr", "invente.example", "https://invente.example/pokrovsk",
        datetime(2025, 11, 22, 12, 0, tzinfo=UTC),
        (Said("Selon l'armée russe, 70 % de Pokrovsk seraient sous son contrôle depuis le "
              "22 novembre.", POKROVSK, "Pokrovsk", "l'armée russe", "RU", "control", "RU",
              day=date(2025, 11, 22), fraction=0.7),)),
    Article(
        "ВЫМЫШЛЕНО: удар по Одессе",
        "ВЫМЫШЛЕННЫЙ ТЕСТОВЫЙ ТЕКСТ. Минобороны России сообщило 23 ноября об ударе по "
        "порту Одессы.",
        "ru", "vymysel.example", "javascript:alert('not a link')",
        datetime(2025, 11, 23, 7, 0, tzinfo=UTC),
        (Said("Минобороны России сообщило 23 ноября об ударе по порту Одессы.", ODESA,
              "Одессы", "Минобороны России", "RU", "strike", "RU",
              day=date(2025, 11, 23)),)),
)


def article_document(article: Article) -> Document:
    return make_document(article.text, source="tests/serve", raw=article.text.encode(),
                         url=article.url, outlet=article.outlet, title=article.title,
                         language=article.language, published=article.published)


def article_claims(document: Document, article: Article) -> list[Claim]:
    claims = []
    for said in article.said:
        start = document.text.index(said.sentence)
        end = start + len(said.sentence)
        at = document.text.index(said.surface, start)
        place = PlaceMention(at, at + len(said.surface), said.surface, said.place.name,
                             said.place.kind, said.place.geonameid, said.place.country,
                             said.place.iso3166_2, said.place.latitude,
                             said.place.longitude)
        claims.append(Claim(
            claimant=said.claimant, claimant_side=said.side, kind=said.kind,  # type: ignore[arg-type]
            place=place, actor_side=said.actor, stance=said.stance,  # type: ignore[arg-type]
            evidence=Evidence(document.id, start, end, said.sentence),
            fraction=said.fraction, date=said.day,
            date_precision="day" if said.day else None, confidence=0.9,
            change=said.kind == "control" and said.stance == "asserts"))
    return claims


def hand_made_ledger(store: SqlStore) -> dict[str, Document]:
    """Store ARTICLES with their hand-made claims; their Documents by language."""
    stored = {}
    for article in ARTICLES:
        document = article_document(article)
        store.add_document(document, [], article_claims(document, article), extractor="hand")
        stored[article.language] = document
    return stored


# Around Kupiansk, for the control areas: places a few km apart, held by different sides
# (set near Kupiansk for the test, not at their true positions; without a GeoNames id
# they get a village's radius).
VUZLOVYI = PlaceMention(0, 0, "", "Kupiansk-Vuzlovyi", "populated_place", None, "UA",
                        "UA-63", 49.680, 37.660)
KINDRASHIVKA = PlaceMention(0, 0, "", "Kindrashivka", "populated_place", None, "UA",
                            "UA-63", 49.752, 37.585)
PETROPAVLIVKA = PlaceMention(0, 0, "", "Petropavlivka", "populated_place", None, "UA",
                             "UA-63", 49.676, 37.760)

FRONT_ARTICLES = (
    Article(
        "INVENTED: Moscow claims Kupiansk and Kindrashivka",
        "INVENTED TEST REPORT. The Russian defence ministry said on 20 November 2025 that its "
        "troops had taken Kupiansk. It added on the same day that Kindrashivka was under "
        "Russian control.",
        "en", "invented-wire.example", "https://invented-wire.example/front/1",
        datetime(2025, 11, 20, 16, 0, tzinfo=UTC),
        (Said("The Russian defence ministry said on 20 November 2025 that its troops had "
              "taken Kupiansk.", KUPIANSK, "Kupiansk", "Russian defence ministry", "RU",
              "control", "RU", day=date(2025, 11, 20)),
         Said("It added on the same day that Kindrashivka was under Russian control.",
              KINDRASHIVKA, "Kindrashivka", "Russian defence ministry", "RU", "control",
              "RU", day=date(2025, 11, 20)))),
    Article(
        "ВИГАДАНО: Куп'янськ-Вузловий під контролем ЗСУ",
        "ВИГАДАНИЙ ТЕСТОВИЙ ТЕКСТ. Генштаб ЗСУ заявив 21 листопада, що Куп'янськ-Вузловий "
        "повністю під контролем Сил оборони. Міноборони РФ ще 18 листопада заявляло, що "
        "Кіндрашівка під його контролем.",
        "uk", "vyhadka.example", "https://vyhadka.example/front/2",
        datetime(2025, 11, 21, 10, 0, tzinfo=UTC),
        (Said("Генштаб ЗСУ заявив 21 листопада, що Куп'янськ-Вузловий повністю під "
              "контролем Сил оборони.", VUZLOVYI, "Куп'янськ-Вузловий", "Генштаб ЗСУ", "UA",
              "control", "UA", day=date(2025, 11, 21)),
         Said("Міноборони РФ ще 18 листопада заявляло, що Кіндрашівка під його контролем.",
              KINDRASHIVKA, "Кіндрашівка", "Міноборони РФ", "RU", "control", "RU",
              day=date(2025, 11, 18)))),
    Article(
        "INVENTÉ : Kyiv dit tenir Petropavlivka",
        "TEXTE DE TEST INVENTÉ. L'état-major ukrainien affirme que Petropavlivka reste sous "
        "contrôle ukrainien.",
        "fr", "invente.example", "https://invente.example/front/3",
        datetime(2025, 11, 22, 8, 0, tzinfo=UTC),
        (Said("L'état-major ukrainien affirme que Petropavlivka reste sous contrôle "
              "ukrainien.", PETROPAVLIVKA, "Petropavlivka", "L'état-major ukrainien", "UA",
              "control", "UA"),)),
)


def front_ledger(store: SqlStore) -> None:
    """Store FRONT_ARTICLES (one of their claims undated) with their hand-made claims."""
    for article in FRONT_ARTICLES:
        document = article_document(article)
        store.add_document(document, [], article_claims(document, article), extractor="hand")


HOSTILE_RECORD = {
    "id": "hostile-1",
    "title": '<script>window.__pwned = "title script"</script>'
             '<img src=x onerror="window.__pwned = \'title img\'">',
    "text": '<script>window.__pwned = "body script"</script> INVENTED TEST REPORT. The '
            "Russian defence ministry said on Monday that its forces had captured Vovchansk. "
            '<img src=x onerror="window.__pwned = \'body img\'"> Read more: '
            '<a href="javascript:window.__pwned = \'body link\'">here</a>.',
    "outlet": '<img src=x onerror="window.__pwned = \'outlet\'">',
    "url": "javascript:window.__pwned = 'url'",
    "language": "en",
    "published": "2025-11-24T08:00:00Z",
}
