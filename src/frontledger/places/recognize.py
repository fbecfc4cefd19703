"""Find the spans of a text that may name places, and what the gazetteer says they may be.

Words are looked up as n-grams (longest first) under their folded form and, in languages
with case endings, under every nominative form the ending may stand for. A word the
gazetteer does not know is tried by transliteration skeleton among the theater's places.
What is found is a `Span`: character offsets and gazetteer postings, not yet a decision.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from itertools import accumulate, product, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz

from frontledger.places.gazetteer import (
    ALTERNATE,
    FLAG_NEEDS_CUE,
    OTHER_NAME,
    PRIMARY,
    REGION_BASE,
    Gazetteer,
)
from frontledger.places.lexicon import Lexicon, compass_compound, inflected_bases
from frontledger.places.normalize import fold, romanise, skeleton, split_words
from frontledger.places.renamings import former_name_postings, longest_former_name
from frontledger.places.respell import (
    russian_looking,
    target_country,
    ukrainian_form,
    ukrainian_variants,
)
from frontledger.text.sentences import ends_in_abbreviation
from frontledger.theater import load_theater

MAX_WORDS = 5
"""Longest name looked up, in words ("Sea of Azov", "région d' Odessa")."""
MAX_VARIANTS = 48
"""Cap on case-ending combinations tried for one n-gram (3 words x ~4 endings each)."""
MIN_SKELETON_WORD = 5
"""Words shorter than this are not tried by skeleton: too many short names collide."""
PAIR_VARIANTS = 8
"""Case readings of a two-word name tried by skeleton: enough for the base forms of an
adjective and a noun in Polish (the second reading of the adjective with the first three of
the noun: "Starego Sałtowa" → "stary saltow"), few enough that the pairs of words that name
no place (first names and surnames) cost little."""
SKELETON_MIN_SIMILARITY = 80
"""rapidfuzz ratio between the romanised word and the entry's name; set so that Koupiansk,
Kupyansk and Купянск reach Kupiansk while Pokrovsk does not reach Pokrovske."""

OWN_SPELLING_SIMILARITY = 80
"""rapidfuzz ratio between a name respelt by its language's rules and the place's name above
which it is that place's spelling (German "Meschowa" → "meshova" against "mezhova": 86;
"Solotschiw" → "solochiv" against "zolochiv": 88); set at SKELETON_MIN_SIMILARITY, so that a
former name ("Artjomowsk" for Bakhmut) stays one."""

COMPOUND_TOWN_MIN_POPULATION = 5_000
"""Inhabitants each part of an unknown hyphenated name must have for the parts to be read
as towns of their own: agglomerations and fronts are named after towns ("Pokrovsk-
Myrnohrad", "Siversk-Lysychansk", towns of ten thousand and more), while a Russian
village's double name ("Luka-Brod") joins words that hamlets of a few thousand are also
called. Set between the two."""

SENTENCE_OPENERS = ".!?\n«“\"—:"
"""Characters after which a capital letter says nothing about a word being a name."""

_LINE = re.compile("[^\n]+")
_FIRST = itemgetter(0)
_CONTENT_WORD = re.compile(r"\w{4,}")
TITLE_MIN_WORDS = 4
TITLE_CAPITALISED_SHARE = 0.8
"""A line with at least TITLE_MIN_WORDS words of four letters or more, this share of them
capitalised, and no full stop at its end, is a headline in title case: its capitals say
nothing about names. (A sentence crowded with names still has its verbs in lower case.)"""


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written in title case."""
    out = []
    for line in _LINE.finditer(text):
        if line.group().rstrip().endswith("."):
            continue  # a sentence, however many names it holds
        content = _CONTENT_WORD.findall(line.group())
        capitals = sum(map(str.isupper, map(_FIRST, content)))  # in C: a line has many words
        if len(content) >= TITLE_MIN_WORDS and capitals >= TITLE_CAPITALISED_SHARE * len(content):
            out.append(line.span())
    return out


def inside(ranges: list[tuple[int, int]], position: int) -> bool:
    """True when a position falls in one of the ranges."""
    return bool(ranges) and any(start <= position < end for start, end in ranges)


OPENER_LOOKBACK = 8
"""Characters looked back for a sentence opener (past a few spaces)."""


def sentence_initial(text: str, start: int) -> bool:
    """True when only spaces separate a word from a sentence opener or the text start."""
    before = text[max(0, start - OPENER_LOOKBACK):start].rstrip(" ")
    if not before:
        return start < OPENER_LOOKBACK or not text[:start].strip(" ")
    if before[-1] == ".":  # "70 proc. Pokrowska": an abbreviation's dot opens nothing
        return not ends_in_abbreviation(text, max(0, start - OPENER_LOOKBACK) + len(before))
    return before[-1] in SENTENCE_OPENERS


EXACT, INFLECTED, SKELETON = 1.0, 0.9, 0.8
"""Match quality: the surface itself, a case-ending variant, a transliteration skeleton."""


class Word(NamedTuple):
    """A word of the text, with its folded key."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool


@dataclass(slots=True)
class Span:
    """A stretch of text the gazetteer (or the text itself) says may be a place."""

    first: int
    """Index of the first word."""
    last: int
    """Index of the last word."""
    start: int
    end: int
    postings: tuple[int, ...]
    quality: float
    nominative: str
    """The folded form that matched (or the best nominative guess when none did)."""


LIST_WORDS = 2
"""Words a list separator may hold between two names (", i", "oraz")."""
LIST_GAP_CHARS = 12
"""The longest list separator between two names, in characters (" oraz ", ", a także ")."""

MEMO_MAX_ENTRIES = 200_000
"""Lookups remembered per gazetteer (names recur across a news stream); cleared when full."""
_memos: weakref.WeakKeyDictionary[object, dict[tuple[str, str, str], object]] = (
    weakref.WeakKeyDictionary())


def memo_for(gazetteer: Gazetteer) -> dict:
    """The lookup memo of a gazetteer (a fresh one for objects that cannot be weakly held)."""
    try:
        memo = _memos.setdefault(gazetteer, {})
    except TypeError:
        return {}
    if len(memo) > MEMO_MAX_ENTRIES:
        memo.clear()
    return memo


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha() or ch == " ")


def words_of(text: str) -> list[Word]:
    """The words of a text with their folded keys."""
    # Built with no Python code run per word (a text holds hundreds): the text cut at its
    # words, each word's offsets the running sums of the pieces' lengths, keys and
    # capitals mapped over the words, and the fields zipped into Words (by `tuple.__new__`:
    # NamedTuple's own constructor is a Python function, 3x slower, and a `partial` of
    # `tuple.__new__` one more call a word).
    pieces = split_words(text)  # gap, word, gap, ..., word, gap
    ends = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    return list(map(tuple.__new__, repeat(Word), zip(ends[0:-1:2], ends[1::2], words,
                                                map(fold, words),
                                                map(str.isupper, map(_FIRST, words)),
                                                strict=True)))


def lowercase_keys(words: list[Word]) -> frozenset[str]:
    """The folded keys of the words a text writes in lower case somewhere: capitalised
    elsewhere, such a word is capitalised by its place (a sentence's first word), not as a
    name."""
    return frozenset(w.key for w in words if not w.capitalised)


class Recogniser:
    """Looks up the words of one text in a gazetteer, under one language's rules."""

    def __init__(self, gazetteer: Gazetteer, lex: Lexicon, text: str, words: list[Word],
                 lowercase: frozenset[str] | None = None):
        self.gaz = gazetteer
        self.lex = lex
        self.text = text
        self.words = words
        self.lowercase_vocab = lowercase_keys(words) if lowercase is None else lowercase
        """`lowercase_keys` of the words (given when the caller has them already)."""
        self.memo = memo_for(gazetteer)

    def spans(self) -> list[Span]:
        """Gazetteer matches, longest first at each word, left to right, no overlaps."""
        found: list[Span] = []
        starts = self.gaz.lowercase_starts
        memo, language = self.memo, self.lex.language
        free_from = 0  # the first word not inside a span already found
        for i, word in enumerate(self.words):
            if i < free_from or not (word.capitalised or word.key in starts):
                continue
            mute = ("m", language, word.text)
            if memo.get(mute) and not self._may_pair(i):
                continue  # a word that names nothing wherever it stands (see `_mute`)
            span = self._match_at(i) if self._can_start(i) else None
            if span is None:
                parts = self._compound_parts(i)
                found.extend(parts)
                if mute not in memo:
                    memo[mute] = not parts and self._mute(i)
                continue
            memo.setdefault(mute, False)
            found.append(span)
            free_from = span.last + 1
        return found

    def _mute(self, i: int) -> bool:
        """Whether word i names nothing, wherever it stands, unless with the word after it
        (`_skeleton_pair`): it starts no longer name, and neither its lookup nor its
        skeleton finds a place. What `_match_at` and `_compound_parts` find otherwise
        depends only on the word's text (and is remembered by it); the text around only
        takes matches away (a sentence's first word, a function word). Remembered per
        word, so that the capitalised words that name nothing (persons, months, the first
        word of a sentence) cost one look-up each."""
        return (not self._may_start_long_name(i) and self._lookup(i, i) is None
                and self._skeleton(i) is None)

    def listed_regions(self, spans: list[Span]) -> list[Span]:
        """`spans` and the lower-case region adjectives listed after a region ("w obwodach
        charkowskim i sumskim", "obwody charkowski, sumski i czernihowski"): Polish writes
        them in lower case, so no span starts at them."""
        added: list[Span] = []
        taken = {i for s in spans for i in range(s.first, s.last + 1)}
        for span in spans:
            if not self._names_region(span):
                continue
            end, i = span.end, span.last + 1
            while (listed := self._listed_adjective(end, i, taken)) is not None:
                added.append(listed)
                taken.add(listed.first)
                end, i = listed.end, listed.last + 1
        return sorted(spans + added, key=attrgetter("start")) if added else spans

    def _names_region(self, span: Span) -> bool:
        for p in span.postings:  # a loop, not a generator: asked of every name
            if p % 4 in (PRIMARY, REGION_BASE) and self.gaz.entry(p // 4).kind == "region":
                return True
        return False

    def _listed_adjective(self, end: int, i: int, taken: set[int]) -> Span | None:
        """The lower-case region adjective that follows a list separator after `end`."""
        for j in range(i, min(i + LIST_WORDS + 1, len(self.words))):
            word = self.words[j]
            if j in taken or word.capitalised:
                return None
            gap = self.text[end:word.start]
            if len(gap) > LIST_GAP_CHARS or not self.lex.list_separator.match(gap):
                continue
            for form in self._forms(j):
                postings = tuple(p for p in self.gaz.lookup(form) if p % 4 == REGION_BASE
                                 and self.gaz.entry(p // 4).kind == "region")
                if postings:
                    quality = EXACT if form == word.key else INFLECTED
                    return Span(j, j, word.start, word.end, postings, quality, form)
            return None
        return None

    def _can_start(self, i: int) -> bool:
        word = self.words[i]
        if word.text[-1] in "'’ʼ":
            return False  # an elided article
        return word.capitalised or word.key in self.gaz.lowercase_starts

    def _single_word_allowed(self, i: int) -> bool:
        """A lone word may name a place unless it is a function word, or opens a sentence
        and is written in lower case elsewhere in the text (an ordinary word)."""
        word = self.words[i]
        if not word.capitalised or word.key in self.lex.stopwords:
            return False
        return word.key not in self.lowercase_vocab or not self._opens_sentence(i)

    def _opens_sentence(self, i: int) -> bool:
        return sentence_initial(self.text, self.words[i].start)

    def _compound_parts(self, i: int) -> list[Span]:
        """"Pokrovsk-Myrnograd": the parts of a hyphenated word the whole of which is unknown."""
        word = self.words[i]
        parts = word.text.split("-")
        if not word.capitalised or len(parts) < 2 or any(p.isupper() for p in parts) or (
                compass_compound(word.text, self.lex)):
            return []
        out = []
        offset = word.start
        for part in parts:
            key = fold(part)
            if part[:1].isupper() and key not in self.lex.stopwords:
                postings = tuple(dict.fromkeys(self.gaz.lookup(key) + self._compound_stem(key)))
                quality = EXACT
                if not postings and len(key) >= MIN_SKELETON_WORD:
                    guess = self._skeleton_form(i, key)
                    postings, quality = (guess.postings, SKELETON) if guess else ((), EXACT)
                if postings:
                    out.append(Span(i, i, offset, offset + len(part), postings, quality, key))
            offset += len(part) + 1
        return out if all(self._may_name_a_compound(s.postings) for s in out) else []

    def _may_name_a_compound(self, postings: tuple[int, ...]) -> bool:
        """Whether a part of a hyphenated name stands for a place of its own: a country, a
        region or a town of the theater (see COMPOUND_TOWN_MIN_POPULATION) by a name of its
        own, not a hamlet's common word ("Luka" also names villages far from the front)."""
        theater = load_theater().countries
        return any(entry.kind != "populated_place" or (
                       p % 4 != OTHER_NAME and entry.country in theater
                       and entry.population >= COMPOUND_TOWN_MIN_POPULATION)
                   for p in postings for entry in (self.gaz.entry(p // 4),))

    def _compound_stem(self, key: str) -> tuple[int, ...]:
        """"Pokrovsko-Myrnohrad", "Покровско-": the first part of a compound is the town's
        adjective with its linking vowel (the lexicon's adjective endings)."""
        for ending, replacement in self.lex.adjective_to_name:
            if key.endswith(ending):
                postings = self.gaz.lookup(key[: len(key) - len(ending)] + replacement)
                if postings:
                    return postings
        return ()

    def _may_start_long_name(self, i: int) -> bool:
        return self._any_form_in(i, "f", self.gaz.first_words)

    def _can_continue(self, j: int) -> bool:
        word = self.words[j]
        if self.text[self.words[j - 1].end:word.start] not in (" ", ""):
            return False
        return word.capitalised or self._any_form_in(j, "c", self.gaz.continuations)

    def _any_form_in(self, i: int, which: str, names: frozenset[str]) -> bool:
        """Whether a form of word i is in `names` (remembered: words recur)."""
        key = (which, self.lex.language, self.words[i].text)
        hit = self.memo.get(key)
        if hit is None:
            hit = self.memo[key] = any(form in names for form in self._forms(i))
        return bool(hit)

    def _forms(self, j: int) -> list[str]:
        return inflected_bases(self.words[j].text, self.lex)

    def _match_at(self, i: int) -> Span | None:
        last = i
        if self._may_start_long_name(i):
            while (last + 1 < len(self.words) and last + 1 - i < MAX_WORDS
                   and self._can_continue(last + 1)):
                last += 1
        for j in range(last, i, -1):
            span = self._lookup(i, j)
            if span is not None:
                return span
        if not self._single_word_allowed(i):
            return None
        found = self._lookup(i, i)
        if found is not None and found.quality == EXACT:
            return found  # the word as written names a place, wherever it stands
        if self._opens_sentence(i):  # "Північна частина", "Тим часом": a capital by position
            # "Tschassiw Jar war …": two capitalised words spelt another way name a place at
            # a sentence's start as anywhere; a lone word's guess there is mostly a word
            return self._skeleton_pair(i)
        return found or self._skeleton_pair(i) or self._skeleton(i)

    def in_region(self, span: Span, iso: str) -> tuple[int, ...]:
        """"Siewiersk w obwodzie donieckim": the postings, by transliteration skeleton or
        Russian respelling, of the places in region `iso` that the span's word may name.
        The region the text names beside a word outweighs an exact spelling that the
        gazetteer gives a town elsewhere (Seversk, Russia)."""
        if span.first != span.last or len(self.words[span.first].key) < MIN_SKELETON_WORD:
            return ()
        for form in self._forms(span.first):
            found = self._skeleton_form(span.first, form)
            inside = self._inside(found.postings if found else (), iso)
            if not inside and found is not None:
                # "Tiaguinka, dans la région de Kherson": a skeleton's namesake elsewhere
                # must not hide the Ukrainian form that lies in the region named
                roman = _letters(romanise(form, self.lex.language))
                for reading in (roman, *self._alternatives(roman)):
                    inside = inside or self._inside(self._respelt(reading), iso)
            if inside:
                return inside
        return ()

    def _inside(self, postings: tuple[int, ...], iso: str) -> tuple[int, ...]:
        return tuple(p for p in postings if self.gaz.entry(p // 4).iso3166_2 == iso)

    def _skeleton_pair(self, i: int) -> Span | None:
        """Two capitalised words spelt another way: "Tchassiv Iar" for Chasiv Yar."""
        if not self._may_pair(i):
            return None
        j = i + 1
        pair = self.text[self.words[i].start:self.words[j].end]
        key = ("p", self.lex.language, pair)
        if key not in self.memo:
            found = self._skeleton_form(i, fold(pair)) or self._inflected_pair(i, j)
            self.memo[key] = None if found is None else (found.postings, found.nominative)
        hit = self.memo[key]
        if hit is None:
            return None
        return Span(i, j, self.words[i].start, self.words[j].end, hit[0], SKELETON, hit[1])

    def _inflected_pair(self, i: int, j: int) -> Span | None:
        """"pod Wielkim Burłukiem", "w rejonie Starego Sałtowa": an adjective-and-noun name
        in an oblique case, spelt another way, is its base forms' pair by skeleton or
        transliteration (the first few case readings only: most pairs are people)."""
        for form in self._variants(i, j)[:PAIR_VARIANTS]:
            roman = _letters(romanise(form, self.lex.language))
            postings = self._similar(roman, skeleton(form, self.lex.language)) or (
                self._spelt_in_english(roman))
            if postings:
                return Span(i, j, self.words[i].start, self.words[j].end, postings, SKELETON,
                            form)
        return None

    def _may_pair(self, i: int) -> bool:
        """Whether word i and the next may be read as one name spelt another way: the next
        word is capitalised and one space apart."""
        j = i + 1
        return (j < len(self.words) and self.words[j].capitalised
                and self.text[self.words[i].end:self.words[j].start] == " ")

    def _lookup(self, i: int, j: int) -> Span | None:
        start, end = self.words[i].start, self.words[j].end
        key = ("n", self.lex.language, self.text[start:end])
        if key not in self.memo:
            found = self._lookup_uncached(i, j)
            self.memo[key] = None if found is None else (found.postings, found.quality,
                                                         found.nominative)
        hit = self.memo[key]
        return None if hit is None else Span(i, j, start, end, *hit)

    def _lookup_uncached(self, i: int, j: int) -> Span | None:
        start, end = self.words[i].start, self.words[j].end
        exact = fold(self.text[start:end])
        postings = self.gaz.lookup(exact)
        if postings:
            postings = self._own_russian_name(self._own_spelling(postings, exact), exact
                                              ) + self._russian_form_of(postings, exact)
            postings += self._former_name_of(postings, exact) + self._case_form_of(
                i, j, postings)
            return Span(i, j, start, end, postings + self._beside_cued(i, j, postings),
                        EXACT, exact)
        if not self.lex.inflection:
            return self._former_name_span(i, j, [exact])
        merged: list[int] = []
        first = ""
        for variant in self._variants(i, j):
            for posting in self.gaz.lookup(variant):
                first = first or variant
                if posting not in merged:
                    merged.append(posting)
        if not merged:
            forms = [exact, *self._variants(i, j)]
            return self._romanised(i, j, forms) or self._former_name_span(i, j, forms)
        postings = tuple(merged)
        return Span(i, j, start, end, postings + self._former_name_of(postings, first),
                    INFLECTED, first)

    def _case_form_of(self, i: int, j: int, postings: tuple[int, ...]) -> tuple[int, ...]:
        """"отошли от Межевой": a name written as a place abroad names (Mezhevoy, Russia)
        may be a case form of a place of the respelling's country (Межевая, Mezhova): the
        places its nominatives name there join, and context chooses among them."""
        country = target_country()
        if not self.lex.inflection or any(
                self.gaz.entry(p // 4).country == country for p in postings):
            return ()
        found: list[int] = []
        for variant in self._variants(i, j):
            found += [p for p in self.gaz.lookup(variant) if p not in postings
                      and p not in found and self.gaz.entry(p // 4).country == country]
        return tuple(found)

    def _former_name_of(self, postings: tuple[int, ...], form: str) -> tuple[int, ...]:
        """A spelling that names only places outside the respelling's country may also
        name one of its places in the text's letters, and context chooses among them:
        "Borowa" (a Polish village as written) is Borova in German letters;
        "Dserschinsk", "Krasnoarmiejsk" (Dzerzhinsk and Krasnoarmeysk, Russia, as written)
        are the former names of Toretsk and Pokrovsk."""
        country = target_country()
        if not form[:1].isascii() or any(  # Cyrillic forms: GeoNames keeps them as written
                self.gaz.entry(p // 4).country == country for p in postings):
            return ()
        roman = _letters(romanise(form, self.lex.language))
        spelt = self._spelt_in_english(roman, country) if roman != form else ()
        spelt = tuple(p for p in spelt if p not in postings)
        return spelt + former_name_postings(self.gaz, form, self.lex.language,
                                            postings + spelt)

    def _former_name_span(self, i: int, j: int, forms: list[str]) -> Span | None:
        """A spelling in Latin letters that the gazetteer lacks ("Artjomowsk", "Krasni
        Limán") and that spells a former name (spans longer than the longest former name
        and Cyrillic forms are not tried: GeoNames keeps the Cyrillic forms)."""
        if j - i >= longest_former_name() or not forms[0][:1].isascii():
            return None
        for form in forms:
            postings = former_name_postings(self.gaz, form, self.lex.language)
            if postings:
                return Span(i, j, self.words[i].start, self.words[j].end, postings,
                            INFLECTED, form)
        return None

    def _beside_cued(self, i: int, j: int, postings: tuple[int, ...]) -> tuple[int, ...]:
        """"в Днепре", "у Дніпрі": a form that is exactly a cued feature's name (the river,
        named so only beside a river word) may also be a case of a town's name; its
        inflected readings stand beside the feature, and the cue decides between them."""
        if not self.lex.inflection or not all(
                self.gaz.entry(p // 4).flags & FLAG_NEEDS_CUE for p in postings):
            return ()
        found = [p for variant in self._variants(i, j) for p in self.gaz.lookup(variant)]
        return tuple(dict.fromkeys(p for p in found if p not in postings))

    def _romanised(self, i: int, j: int, forms: list[str]) -> Span | None:
        """"Великой Новоселки": a Cyrillic name whose theater place GeoNames knows only in
        Latin letters ("Velikaya Novoselka") is looked up romanised; so is a name of two or
        more Latin words in the language's own transliteration ("Stary Sałtów": Stary Saltov),
        whose first word alone may name some other place and so never reach the skeleton of
        the pair."""
        latin = forms[0][:1].isascii()
        if not forms[0][:1].isalpha() or (latin and i == j):
            return None
        if i == j and len(forms[0]) < MIN_SKELETON_WORD:
            return None  # "Сил" (of forces) is no village Sil: short words collide
        theater = load_theater().countries  # the index's skeletons are the default theater's
        for form in forms:
            roman = romanise(form, self.lex.language) if latin else romanise(form)
            postings = tuple(p for p in self.gaz.lookup(roman)
                             if self.gaz.entry(p // 4).country in theater)
            if postings:
                return Span(i, j, self.words[i].start, self.words[j].end, postings, INFLECTED,
                            roman)
        return None

    def _variants(self, i: int, j: int) -> list[str]:
        per_word = [self._forms(k) for k in range(i, j + 1)]
        seps = [" " if self.text[self.words[k].end:self.words[k + 1].start] else ""
                for k in range(i, j)]
        out = []
        for combo in product(*per_word):
            parts = [combo[0]]
            for sep, part in zip(seps, combo[1:], strict=True):
                parts.append(sep + part)
            out.append("".join(parts))
            if len(out) >= MAX_VARIANTS:
                break
        return out[1:]

    def _skeleton(self, i: int) -> Span | None:
        word = self.words[i]
        key = ("s", self.lex.language, word.text)
        if key not in self.memo:
            found = self._skeleton_uncached(i)
            self.memo[key] = None if found is None else (found.postings, found.quality,
                                                         found.nominative)
        hit = self.memo[key]
        return None if hit is None else Span(i, i, word.start, word.end, *hit)

    def _skeleton_uncached(self, i: int) -> Span | None:
        if len(self.words[i].key) < MIN_SKELETON_WORD:
            return None
        for form in self._forms(i):
            span = self._skeleton_form(i, form)
            if span is not None:
                return span
        return None

    def _skeleton_form(self, i: int, form: str) -> Span | None:
        """Theater places spelt another way: by transliteration skeleton, else (a name
        written the Russian way) by its Ukrainian form, exactly or by skeleton."""
        roman = _letters(romanise(form, self.lex.language))
        postings = self._spelt_in_english(roman) or self._spelt_otherwise(roman)
        if not postings:
            similar = self._similar(roman, skeleton(form, self.lex.language))
            # "Иванополье": a name with a Russian ending is first its Ukrainian form
            # (Іванопілля), which a merely close name (Иванополь) must not hide
            respelt = self._respelt(roman) if not similar or russian_looking(roman) else ()
            postings = tuple(dict.fromkeys(respelt + similar)) or self._alternative(roman)
        if not postings:
            return None
        word = self.words[i]
        return Span(i, i, word.start, word.end, postings, SKELETON, form)

    def _alternative(self, roman: str) -> tuple[int, ...]:
        """The theater places that the other reading of an ambiguous letter group names
        (the language's `spelling_alternatives`: German "Seljony" may be "Zelyony", Spanish
        "Tiótkino" is "Tyotkino"), as written, by skeleton or respelt."""
        for other in self._alternatives(roman):
            found = (self._spelt_in_english(other) or self._similar(other, skeleton(other))
                     or self._respelt(other))
            if found:
                return found
        return ()

    def _spelt_otherwise(self, roman: str) -> tuple[int, ...]:
        """The places that the other reading of an ambiguous letter group spells exactly
        (French "Zaretchnoïe", its tréma folded: Zarechnoye): an exact spelling outweighs a
        name merely close to the first reading (the Russian Zarechnoie of its skeleton)."""
        for other in self._alternatives(roman):
            found = self._spelt_in_english(other)
            if found:
                return found
        return ()

    def _alternatives(self, roman: str) -> list[str]:
        out = []
        for pattern, replacement in self.lex.spelling_alternatives:
            other = pattern.sub(replacement, roman)
            if other != roman:
                out.append(other)
        return out

    def _spelt_in_english(self, roman: str, country: str | None = None) -> tuple[int, ...]:
        """"Szachowe", "Lypzi", "Shajove": a spelling that the language's rules turn into
        the English-style name GeoNames keeps (Shakhove, Lyptsi) names the theater places
        of that name (or of `country` only), however short its skeleton (short skeletons
        are not indexed)."""
        # the index's skeletons are the default theater's
        countries = load_theater().countries if country is None else {country}
        return tuple(p for p in self.gaz.lookup(roman) if p % 4 != REGION_BASE
                     and self.gaz.entry(p // 4).country in countries)

    def _similar(self, roman: str, key: str, country: str | None = None) -> tuple[int, ...]:
        """Alternate-name postings of the theater places with this skeleton whose name is
        close to the romanised form."""
        best = []
        for index in self.gaz.lookup_skeleton(key):
            entry = self.gaz.entry(index)
            if country is not None and entry.country != country:
                continue
            if fuzz.ratio(roman, _letters(romanise(entry.name))) >= SKELETON_MIN_SIMILARITY:
                best.append(index * 4 + 1)
        return tuple(best)

    def _own_russian_name(self, postings: tuple[int, ...], key: str) -> tuple[int, ...]:
        """"Grishino" is a former name of Pokrovsk and the Russian name of Hryshyne: a
        place whose Ukrainian name is the respelt form bears it as its own name, not as a
        former one, and so wins over the renamed town."""
        if all(p % 4 != OTHER_NAME for p in postings):
            return postings
        ukrainian = ukrainian_form(_letters(romanise(key, self.lex.language)))
        return tuple(p - OTHER_NAME + ALTERNATE
                     if p % 4 == OTHER_NAME and fold(self.gaz.entry(p // 4).name) == ukrainian
                     else p for p in postings)

    def _own_spelling(self, postings: tuple[int, ...], key: str) -> tuple[int, ...]:
        """"Meschowa" and "Solotschiw" are the German spellings of Mezhova and Zolochiv, but
        the index, which does not know a name's language, filed them as other names (history):
        a name that the text's language's own spelling rules bring close to the place's name
        is that place's spelling, not a former name."""
        if all(p % 4 != OTHER_NAME for p in postings):
            return postings
        roman = romanise(key, self.lex.language)
        if roman == romanise(key):
            return postings
        return tuple(p - OTHER_NAME + ALTERNATE
                     if p % 4 == OTHER_NAME and fuzz.ratio(
                         roman, romanise(self.gaz.entry(p // 4).name)) >= OWN_SPELLING_SIMILARITY
                     else p for p in postings)

    def _russian_form_of(self, postings: tuple[int, ...], key: str) -> tuple[int, ...]:
        """"Alexandrovka" is a Russian hamlet's name as written, and the Russian form of a
        dozen Oleksandrivkas: a name written the Russian way that names no place of the
        respelling's country as written also names the places of its Ukrainian form, and
        context chooses among them."""
        country = target_country()
        if not key.isascii() or not russian_looking(key) or any(
                self.gaz.entry(p // 4).country == country for p in postings):
            return ()
        return tuple(p for p in self._respelt(_letters(romanise(key, self.lex.language)))
                     if p not in postings)

    def _respelt(self, roman: str) -> tuple[int, ...]:
        """The places of the respelling's country that a name written the Russian way
        names: by its Ukrainian form, else by that form with one rule left out
        (`ukrainian_variants`), each exactly or by skeleton."""
        ukrainian = ukrainian_form(roman)
        if ukrainian == roman:
            return ()
        for form in (ukrainian, *ukrainian_variants(roman)):
            found = self._respelt_as(form)
            if found:
                return found
        return ()

    def _respelt_as(self, ukrainian: str) -> tuple[int, ...]:
        country = target_country()
        exact = tuple(p for p in self.gaz.lookup(ukrainian)
                      if self.gaz.entry(p // 4).country == country)
        return exact or self._similar(ukrainian, skeleton(ukrainian), country)
