"""Of overlapping trigger hits the longest wins, but only among hits the caller can use:
a long phrase that swallowed a place's name must not silence the shorter words inside it."""

from __future__ import annotations

from frontledger.claims.resources import load_lexicon
from frontledger.claims.scan import Hit, find_triggers

TEXT = "Russische Angriffe bei Pokrowsk wurden abgewehrt."
PLACE = (TEXT.index("Pokrowsk"), TEXT.index("Pokrowsk") + len("Pokrowsk"))


def _spans(hits: list[Hit]) -> list[str]:
    return [TEXT[h.start:h.end] for h in hits]


def _clear_of_place(hit: Hit) -> bool:
    return not (hit.start < PLACE[1] and PLACE[0] < hit.end)


def test_longest_trigger_wins_when_every_hit_is_usable() -> None:
    hits = find_triggers(TEXT, load_lexicon("de"))
    assert _spans(hits) == ["Angriffe bei Pokrowsk wurden abgewehrt"]


def test_unusable_long_trigger_leaves_the_shorter_ones_inside_it() -> None:
    hits = find_triggers(TEXT, load_lexicon("de"), usable=_clear_of_place)
    assert _spans(hits) == ["Angriffe", "abgewehrt"]


def test_fighting_words_around_a_place_give_a_clash_in_two_languages() -> None:
    from tests.claims.claims_fixtures import fixture_geoparse, make_document

    from frontledger.claims import extract
    for text, language in [("Russische Angriffe bei Pokrowsk wurden abgewehrt.", "de"),
                           ("Les attaques russes près de Pokrovsk ont été repoussées.", "fr")]:
        document = make_document(text, language)
        claims = extract(document, fixture_geoparse(document.text, document.language))
        assert [(c.kind, c.place.name) for c in claims] == [("clash", "Pokrovsk")], text
