"""What the recogniser remembers between texts changes no answer: a word remembered as
naming nothing alone still names a place with the word after it, and a warm memory gives
the mentions a fresh one gives."""

from __future__ import annotations

from frontledger.places.recognize import memo_for
from tests.places.helpers import found, parse

TEXTS = [
    ("Tchassiv n'est pas un nom. Les combats font rage à Tchassiv Iar, près de Koupiansk.", "fr"),
    ("Ruslan Tkachenko said Russian forces shelled Kupiansk and the village of Vilne.", "en"),
    ("Окупанти обстріляли Куп'янськ, а Тарас Шевченко мовчить.", "uk"),
]


def test_word_that_names_nothing_alone_still_opens_a_name_spelt_another_way(gaz):
    memo_for(gaz).clear()
    assert "Tchassiv" not in found(gaz, "Tchassiv n'est pas un nom, dit-il.", "fr")
    m = found(gaz, "Les combats font rage à Tchassiv Iar, dans la région de Donetsk.",
              "fr")["Tchassiv Iar"]
    assert m.geonameid == 710915


def test_warm_memory_gives_the_mentions_of_a_fresh_one(gaz):
    fresh = []
    for text, language in TEXTS:
        memo_for(gaz).clear()
        fresh.append(parse(gaz, text, language))
    memo_for(gaz).clear()
    for text, language in TEXTS:  # the memory filled by the texts before
        parse(gaz, text, language)
    warm = [parse(gaz, text, language) for text, language in TEXTS]
    assert warm == fresh
    assert any(m.surface == "Tchassiv Iar" for m in fresh[0])
