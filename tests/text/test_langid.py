"""The language identifier opened from its unpacked model answers as py3langid does."""

from __future__ import annotations

import py3langid
import pytest

from frontledger.cachedir import CACHE_ENV
from frontledger.text import langid

# Invented sentences, several per language, some short or mixed on purpose.
SENTENCES = [
    "Les troupes ont repris le village après trois jours de combats acharnés.",
    "Selon l'état-major, la ville reste sous contrôle malgré les bombardements.",
    "The ministry said its forces had pushed back two assaults near the river overnight.",
    "Officials denied that the town had fallen and said fighting continued.",
    "Войска продвинулись к окраинам посёлка, сообщило министерство обороны.",
    "Генштаб опроверг сообщения о захвате населённого пункта.",
    "Підрозділи утримують позиції біля села, повідомили у штабі.",
    "Ворог намагався прорватися до міста, але був відкинутий.",
    "Die Truppen haben das Dorf nach schweren Kämpfen eingenommen.",
    "Kupiansk Pokrovsk Donetsk",
    "OK",
]


@pytest.fixture
def fresh_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    langid.identifier.cache_clear()
    yield tmp_path
    langid.identifier.cache_clear()


def test_unpacked_model_gives_the_packaged_models_answers(fresh_cache):
    ours = langid.identifier()
    assert ours is not py3langid, "the unpacked model was not used"
    for sentence in SENTENCES:
        assert ours.classify(sentence) == py3langid.classify(sentence), sentence


def test_model_is_unpacked_once_into_the_cache_folder(fresh_cache):
    langid.classify(SENTENCES[0])
    [folder] = fresh_cache.glob("langid-*")
    written = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    langid.identifier.cache_clear()
    assert langid.classify(SENTENCES[4]) == "ru"
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == written
    assert list(fresh_cache.glob("langid-*")) == [folder]


def test_unwritable_cache_falls_back_to_the_packaged_model(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocked))
    langid.identifier.cache_clear()
    try:
        assert langid.identifier() is py3langid
        assert langid.classify(SENTENCES[2]) == "en"
    finally:
        langid.identifier.cache_clear()
