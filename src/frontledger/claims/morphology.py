"""Speakers' names in their base form: "у Генштабі ЗСУ" → "Генштаб ЗСУ", "за словами
Олександра Сирського" → "Олександр Сирський", "в Минобороны" stays.

A name found after a preposition or a governing noun stands in an oblique case; its head
and the words agreeing with it before the head (a first name before a surname, adjectives
before a noun) go to the nominative; its dependents ("оборони Росії", "ЗСУ") stay as they
are. The morphology is pymorphy3's, with the OpenCorpora (ru) and VESUM-based (uk)
dictionaries; a lexicon names its analyser in `[attribution] morphology`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

OBLIQUE = ("gent", "datv", "ablt", "loct", "gen2", "loc2")
"""Cases a governed name stands in; the accusative is left alone (it often equals the
nominative, and a speaker is rarely an object)."""
GOVERNORS = ("PREP", "NOUN")
"""Parts of speech of a word right before a name that govern its case ("у", "словами")."""
_HEAD_POS = ("NOUN",)
_AGREEING_POS = ("ADJF", "PRTF", "NOUN")


@cache
def _analyzer(language: str) -> MorphAnalyzer:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


PARSE_CACHE = 8192
"""Words whose readings are kept (a parse costs ~0.1-0.5 ms; names recur in an article and
across a feed)."""


@lru_cache(maxsize=PARSE_CACHE)
def _parse(language: str, word: str) -> tuple[Parse, ...]:
    return tuple(_analyzer(language).parse(word))


def _cyrillic(word: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch.lower() in "іїєґё" for ch in word)


def _case_of(parses: tuple[Parse, ...]) -> str | None:
    """The oblique case of the likeliest parse that has one."""
    for parse in parses:
        if parse.tag.case in OBLIQUE:
            return str(parse.tag.case)
    return None


def _restore_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _governed(language: str, before: str) -> bool:
    words = before.split()
    if not words:
        return False
    last = words[-1].strip(",.;:«»\"'()")
    return bool(last) and any(p.tag.POS in GOVERNORS for p in _parse(language, last)[:1])


def _readings(language: str, words: list[str], case: str) -> list[list[Parse]]:
    """Each leading word's readings in `case` that may agree with a noun."""
    readings: list[list[Parse]] = []
    for word in words:
        parses = [p for p in _parse(language, word)
                  if p.tag.case == case and p.tag.POS in _AGREEING_POS]
        if not parses:
            break
        readings.append(parses)
    return readings


def _agrees(parse: Parse, head: Parse) -> bool:
    return parse.tag.number == head.tag.number and (
        head.tag.number == "plur" or parse.tag.gender in (head.tag.gender, None))


def base_form(name: str, language: str | None, before: str = "") -> str:
    """`name` with its head in the nominative, when the text `before` it governs it (or
    its first word has no nominative reading at all); else `name` unchanged."""
    if language is None or not name or not _cyrillic(name) or name.isupper():
        return name  # "ЗСУ", "ТАСС": abbreviations do not inflect
    return _base_form(name, language, _governed(language, before))


@lru_cache(maxsize=PARSE_CACHE)
def _base_form(name: str, language: str, governed: bool) -> str:
    words = name.split(" ")
    first = _parse(language, words[0])
    if _case_of(first[:1]) is None:  # the likeliest reading: "Валерий" is a nominative
        return name
    if not governed and any(p.tag.case == "nomn" for p in first):
        return name
    # the first case of the first word that the head noun shares ("оперативному" may be
    # dative or locative; "командуванні" says locative)
    for case in dict.fromkeys(str(p.tag.case) for p in first if p.tag.case in OBLIQUE):
        readings = _readings(language, words, case)
        head_index = next((i for i, parses in enumerate(readings)
                           if any(p.tag.POS in _HEAD_POS for p in parses)), None)
        if head_index is not None:
            break
    else:
        return name
    head = next(p for p in readings[head_index] if p.tag.POS in _HEAD_POS)
    end = head_index + 1
    if "Name" in head.tag.grammemes:  # a first name: its surname and patronymic agree
        while end < len(readings) and any(
                _agrees(p, head) and ({"Surn", "Patr"} & p.tag.grammemes or p.tag.POS == "ADJF")
                for p in readings[end]):
            end += 1
    out: list[str] = []
    for index in range(end):
        parses = [p for p in readings[index] if _agrees(p, head)] or readings[index]
        parse = head if index == head_index else parses[0]
        nominative = parse.inflect({"nomn"})
        out.append(_restore_case(words[index], nominative.word) if nominative else words[index])
    return " ".join(out + words[end:])


def past_verb(word: str, language: str) -> bool:
    """Whether the likeliest reading of `word` is a verb in the past tense ("вышли",
    "відійшли", "захопили"): an event told as done, whatever its ending looks like."""
    return _verb_tense(word, language) == "past"


def present_verb(word: str, language: str) -> bool:
    """Whether the likeliest reading of `word` is a verb not in the past ("отходят",
    "втрачають"): a move or a state under way. A perfective future counts too: the
    dictionaries read "отходят" as one as likely as the imperfective present."""
    return _verb_tense(word, language) in ("pres", "futr")


@lru_cache(maxsize=PARSE_CACHE)
def future_verb(word: str, language: str) -> bool:
    """Whether every reading of `word` as a verb is a perfective future ("захватят",
    "окружат", "захоплять"): an event foretold, not told."""
    word = word.strip(",.;:!?«»\"'()“”„")
    if not _cyrillic(word):
        return False
    verbs = [p for p in _parse(language, word.lower()) if p.tag.POS == "VERB"]
    # every reading, not the likeliest: the dictionaries give many verbs under way
    # ("отходят", "перебувають") a perfective future reading before the present one
    return bool(verbs) and all(p.tag.tense == "futr" and p.tag.aspect == "perf" for p in verbs)


def finite_verb(word: str, language: str) -> bool:
    """Whether the likeliest reading of `word` is a finite verb ("взяли", "захоплюють"), not
    an infinitive, participle or noun ("взять", "прорыва")."""
    return _verb_tense(word, language) is not None


def _verb_tense(word: str, language: str) -> str | None:
    word = word.strip(",.;:!?«»\"'()“”„")
    if not _cyrillic(word):
        return None
    parses = _parse(language, word.lower())
    if not parses or parses[0].tag.POS != "VERB":
        return None
    return str(parses[0].tag.tense) if parses[0].tag.tense else None


_VERB_POS = ("VERB", "INFN", "GRND")
_PHRASE_POS = ("NOUN", "ADJF", "PRTF", "NPRO")


@lru_cache(maxsize=PARSE_CACHE)
def voice(text: str, language: str, passive_marks: frozenset[str]) -> str | None:
    """The voice of a trigger's text, read from its first verb, participle or noun:
    "passive" when any reading of that word carries one of `passive_marks` ("окружены",
    "захоплено", "оточені"), "active" for another verb ("окружили"), "noun" for a noun
    ("окружение"); None when the text has none of them ("в кольце" is read at "кольце")."""
    for word in text.split():
        word = word.strip(",.;:!?«»\"'()“”„").lower()
        if not _cyrillic(word):
            continue
        parses = _parse(language, word)
        if any(passive_marks & parse.tag.grammemes for parse in parses):
            return "passive"
        pos = parses[0].tag.POS if parses else None
        if pos in _VERB_POS:
            return "active"
        if pos == "NOUN":
            return "noun"
    return None


@lru_cache(maxsize=PARSE_CACHE)
def phrase_cases(phrase: str, language: str) -> frozenset[str]:
    """The cases a side's phrase may stand in: those its words share up to its head noun
    (or a punctuation mark)
    ("российскими войсками" → instrumental; "российские войска" → nominative or accusative;
    "армия России" → the cases of "армия"). Abbreviations ("ВСУ", "ЗСУ") do not inflect and
    say nothing: an empty set."""
    cases: set[str] | None = None
    for token in phrase.split():
        word = token.strip(",.;:!?«»\"'()“”„")
        if not word:
            break
        if not _cyrillic(word) or (word.isupper() and len(word) > 1):
            break  # an abbreviation heads the phrase: its case is unknown
        parses = [p for p in _parse(language, word.lower()) if p.tag.POS in _PHRASE_POS]
        if not parses or _parse(language, word.lower())[0].tag.POS not in _PHRASE_POS:
            break
        found = {str(p.tag.case) for p in parses if p.tag.case}
        cases = found if cases is None else cases & found
        if any(p.tag.POS in ("NOUN", "NPRO") for p in parses[:1]) or word != token:
            break  # the head (what follows depends on it), or the phrase's end
    return frozenset(cases or ())


def after_preposition(before: str, language: str) -> bool:
    """Whether the word right before a phrase is a preposition ("с российскими войсками",
    "на украинские позиции"): its case is the preposition's, no subject, object or agent."""
    words = before.split()
    if not words or not before[-1:].isspace():
        return False
    word = words[-1].strip(",.;:!?«»\"'()“”„").lower()
    parses = _parse(language, word) if _cyrillic(word) else ()
    return any(parse.tag.POS == "PREP" for parse in parses)  # uk "за" is first an adverb


def dependent_head(before: str, language: str) -> frozenset[str] | None:
    """The cases of the noun right before a genitive phrase that it depends on ("группировка
    российских войск": the group's case is the phrase's role), or None when the word before
    is no noun."""
    words = before.split()
    if not words:
        return None
    word = words[-1].strip(",.;:!?«»\"'()“”„")
    if not _cyrillic(word) or before[-1:].isspace() is False:
        return None
    parses = _parse(language, word.lower())
    if not parses or parses[0].tag.POS != "NOUN":
        return None
    return frozenset(str(p.tag.case) for p in parses if p.tag.POS == "NOUN" and p.tag.case)
