"""The claims stage's shortcuts keep what the plain way gives: overlap removal with and
without overlaps, a repeated surname found without a regex, the records built as Structs,
and a sentence with no trigger."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from frontledger.claims import extract
from frontledger.claims.scan import Hit, _surnames_alone, drop_overlaps, find_persons
from frontledger.claims.speaker_names import Speaker, replace
from frontledger.records import Document, PlaceMention
from frontledger.text import text_hash


def _drop_overlaps_one_by_one(hits: list[Hit]) -> list[Hit]:
    """The rule written out plainly: longest first (then earliest), each kept when it
    overlaps nothing kept before it."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def test_hits_that_overlap_nothing_are_all_kept_in_text_order() -> None:
    hits = [Hit(30, 35, "b"), Hit(0, 4, "a"), Hit(4, 9, "c"), Hit(50, 60, "d")]
    assert drop_overlaps(hits) == [Hit(0, 4, "a"), Hit(4, 9, "c"), Hit(30, 35, "b"),
                                   Hit(50, 60, "d")]


def test_of_overlapping_hits_the_longest_then_the_earliest_is_kept() -> None:
    hits = [Hit(0, 4, "short"), Hit(2, 12, "long"), Hit(20, 25, "x"), Hit(22, 27, "y")]
    assert drop_overlaps(hits) == [Hit(2, 12, "long"), Hit(20, 25, "x")]


@pytest.mark.parametrize("seed", range(20))
def test_overlap_removal_keeps_what_the_rule_written_out_keeps(seed: int) -> None:
    rng = random.Random(seed)
    hits = []
    for _ in range(rng.randint(0, 12)):
        start = rng.randint(0, 60)
        hits.append(Hit(start, start + rng.randint(1, 9), rng.choice("abc")))
    assert drop_overlaps(hits) == _drop_overlaps_one_by_one(hits)
    spread = [Hit(10 * i, 10 * i + 5, "a") for i in range(8)]
    rng.shuffle(spread)
    assert drop_overlaps(spread) == _drop_overlaps_one_by_one(spread)


def _surnames_by_regex(text: str, stems: set[str]) -> list[tuple[int, int]]:
    """The repeated-surname search as one regex of the document's stems."""
    alone = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(stems))) + r")\w{0,3}\b")
    return [(m.start(), m.end()) for m in alone.finditer(text)]


def test_a_surname_named_alone_later_is_a_person_with_a_case_ending_not_in_a_longer_word(
) -> None:
    text = ("Governor Oksana Dorenko spoke. Later Dorenko said more; Дмитро Коваленко "
            "заявив, а Коваленка цитували. Dorenkovich and XDorenko are others.")
    spans = [text[h.start:h.end] for h in find_persons(text)]
    assert spans == ["Governor Oksana Dorenko", "Later Dorenko", "Дмитро Коваленко",
                     "Коваленка"]


@pytest.mark.parametrize("seed", range(20))
def test_repeated_surnames_are_found_where_the_regex_of_their_stems_finds_them(
        seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        stems = {rng.choice("PП") + "".join(rng.choice("etrнк'-_") for _ in range(
            rng.randint(1, 4))) for _ in range(rng.randint(1, 3))}
        text = "".join(rng.choice("Petrnkoa'’-_ 1.,Петренка\n") for _ in range(rng.randint(0, 30)))
        for stem in stems:
            at = rng.randint(0, len(text))
            text = text[:at] + stem + text[at:]
        assert _surnames_alone(text, stems) == _surnames_by_regex(text, stems), (text, stems)


def test_hits_and_speakers_are_frozen_records_equal_by_value() -> None:
    hit = Hit(3, 9, "RU")
    assert hit == Hit(3, 9, "RU") and hash(hit) == hash(Hit(3, 9, "RU"))
    assert repr(hit) == "Hit(start=3, end=9, label='RU', trigger=None, value=None)"
    with pytest.raises(AttributeError):
        hit.start = 4  # type: ignore[misc]
    speaker = Speaker("the ministry", "UA", 12, span=(0, 12))
    with pytest.raises(AttributeError):
        speaker.side = "RU"  # type: ignore[misc]


def test_changing_a_speaker_copies_it_and_changing_nothing_keeps_it() -> None:
    speaker = Speaker("the ministry", "UA", 12, span=(0, 12))
    moved = replace(speaker, position=40, anaphoric=True)
    assert (moved.position, moved.anaphoric, moved.name, moved.span) == (40, True,
                                                                          "the ministry", (0, 12))
    assert speaker.position == 12 and not speaker.anaphoric
    assert replace(speaker, side="UA") is speaker


def _document(text: str, language: str) -> Document:
    return Document(id=text_hash(text), text=text, source="test", language=language,
                    outlet="example.org", published=datetime(2025, 3, 4))


def _places(text: str, name: str) -> list[PlaceMention]:
    found, at = [], text.find(name)
    while at >= 0:
        found.append(PlaceMention(start=at, end=at + len(name), surface=name, name=name,
                                  kind="populated_place", geonameid=1, country="UA"))
        at = text.find(name, at + 1)
    return found


_CLAIM = {"en": "The army said Russian forces captured Zorivka.",
          "fr": "L'état-major a affirmé que les forces russes ont pris Zorivka."}
_NO_TRIGGER = {"en": "The weather was cold. Heavy snow fell all week, said the mayor.",
               "fr": "Il faisait froid. La neige est tombée toute la semaine, a dit le maire."}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sentences_with_no_trigger_before_a_claim_leave_it_as_it_is_alone(
        language: str) -> None:
    alone = extract(_document(_CLAIM[language], language), _places(_CLAIM[language], "Zorivka"))
    text = f"{_NO_TRIGGER[language]}\n{_CLAIM[language]}"
    after = extract(_document(text, language), _places(text, "Zorivka"))
    assert [(c.kind, c.actor_side, c.stance, c.claimant_side, c.evidence.text) for c in after] \
        == [(c.kind, c.actor_side, c.stance, c.claimant_side, c.evidence.text) for c in alone]
    assert [(c.kind, c.actor_side) for c in after] == [("control", "RU")]


_CARRIED = {
    "en": ("Ukraine's General Staff said on Monday that the weather was cold. "
           "Russian forces captured Zorivka.", "Ukraine's General Staff"),
    "fr": ("L'état-major ukrainien a affirmé lundi que le temps était froid. "
           "Les forces russes ont pris Zorivka.", "L'état-major ukrainien"),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_speaker_named_in_a_sentence_with_no_trigger_speaks_the_next_one(
        language: str) -> None:
    text, speaker = _CARRIED[language]
    claims = extract(_document(text, language), _places(text, "Zorivka"))
    assert [(c.claimant, c.claimant_side, c.kind, c.actor_side) for c in claims] == [
        (speaker, "UA", "control", "RU")]


def test_the_run_before_a_reporting_verb_is_stripped_as_one_character_at_a_time_would(
) -> None:
    """`_marks_before` strips with one str.rstrip over a fixed set of characters: that set
    holds every space str.isspace knows (in this Python's Unicode too) and every mark, so
    it stops where a test of each character from the end stops."""
    from frontledger.claims.attribution import _AFTER_MARKS, _marks_before

    def one_by_one(text: str, start: int, end: int) -> int:
        while end > start and (text[end - 1].isspace() or text[end - 1] in _AFTER_MARKS):
            end -= 1
        return end

    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    alphabet = ["a", "Б", "1", "\u200b", *spaces, *_AFTER_MARKS]
    pick = random.Random(7)
    for _ in range(3000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 10)))
        start = pick.randint(0, len(text))
        end = pick.randint(start, len(text))
        assert _marks_before(text, start, end) == one_by_one(text, start, end), repr(text)
