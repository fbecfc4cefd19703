"""The stage's contract: exact spans in order, a passed-in gazetteer, one lazy default."""

from __future__ import annotations

from frontledger.places import mentions as parse_module
from frontledger.places.gazetteer import GazetteerEntry
from tests.places.helpers import parse


def test_mentions_are_sorted_and_their_surfaces_are_the_text(gaz):
    text = "Koupiansk, Pokrovsk et la région de Donetsk; puis Kyiv."
    mentions = parse(gaz, text, "fr")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(text[m.start:m.end] == m.surface for m in mentions)


def test_confidence_is_between_zero_and_one(gaz):
    for m in parse(gaz, "Kostiantynivka, Kupiansk, the village of Vilne, Dnipro", "en"):
        assert 0.0 < m.confidence <= 1.0


def test_any_object_with_the_gazetteer_interface_can_be_passed_in():
    entry = GazetteerEntry(index=0, geonameid=42, name="Testville", kind="populated_place",
                           country="UA", iso3166_2="UA-14", latitude=48.0, longitude=37.0,
                           population=5000)

    class OnePlace:
        lowercase_starts = frozenset()
        continuations = frozenset()
        first_words = frozenset()

        def lookup(self, key):
            return (0,) if key == "testville" else ()

        def lookup_skeleton(self, key):
            return ()

        def entry(self, index):
            return entry

    mentions = parse(OnePlace(), "Shelling hit Testville again.", "en")
    assert [(m.surface, m.geonameid) for m in mentions] == [("Testville", 42)]


def test_default_gazetteer_is_loaded_once(monkeypatch, gaz):
    calls = []

    def fake_load():
        calls.append(1)
        return gaz

    monkeypatch.setattr(parse_module.index_files, "load", fake_load)
    parse_module.reset_default_gazetteer()
    try:
        parse_module.geoparse("Kupiansk", "en")
        parse_module.geoparse("Pokrovsk", "en")
    finally:
        parse_module.reset_default_gazetteer()
    assert calls == [1]


def test_language_is_detected_when_not_given(gaz):
    text = "Российские войска продолжают наступление в Купянске и под Покровском."
    mentions = parse_module.geoparse(text, gazetteer=gaz)
    assert {m.geonameid for m in mentions} == {703656, 704422}
