"""Places the gazetteer lacks but the text marks as places.

A capitalised name is taken for a settlement when the text says so ("the village of
Vilne", "село Вільне", "у селі ..."), when it stands in a list with places the gazetteer
knows ("took Myrnohrad, Rodynske and Vilne"), or when a locative preposition precedes a
name with a toponymic ending ("near Pavlivka", "під Гнатівкою").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, NamedTuple

from frontledger.places.context import Cues
from frontledger.places.lexicon import (
    Lexicon,
    compass_compound,
    inflected_bases,
    official_form,
    person_title,
    romanise_official,
)
from frontledger.places.normalize import english_name, fold
from frontledger.places.recognize import Word, lowercase_keys, sentence_initial
from frontledger.places.respell import russian_looking, target_country, ukrainian_form
from frontledger.records import PlaceMention

if TYPE_CHECKING:
    from frontledger.places.katottg import SettlementIndex

MAX_GROUP_WORDS = 3
"""Longest unknown name, in words ("Velyka Novosilka", "Sviato-Pokrovske" is one word)."""
MIN_NAME_LENGTH = 3
"""Shorter capitalised words are initials or pronouns more often than villages ("Рог" is one)."""
MAX_GAP = 24
"""Characters between a name and the region said to hold it (", in the ", " dans la ", and
with a compass adjective ", in the north-eastern ": 23; was 16 before the adjectives)."""
UNKNOWN_CONFIDENCE = {"marked": 0.7, "listed": 0.6, "locative": 0.45}
"""How sure each cue makes us, ranked by how often the cue misleads on our fixtures."""


class Group(NamedTuple):
    """A run of capitalised words (a tuple: an article holds dozens, most dropped at once)."""

    first: int
    last: int
    start: int
    end: int


_LOWER_LAST_PART = re.compile(r"-[^\W\d_](?<=[a-zß-ÿа-яіїєґ])[^-]*$")
"""A compound whose last part is a small word ("Soviet-era", "Russian-held", "Kremlin-backed")
is an adjective, never a village's name ("Rostov-on-Don", "Kupiansk-Vuzlovyi" end capitalised)."""


def capitalised_groups(text: str, words: list[Word], lex: Lexicon) -> list[Group]:
    """Runs of capitalised words (not function words) separated by single spaces."""
    groups: list[Group] = []
    stopwords, count, make = lex.stopwords, len(words), tuple.__new__
    i = 0
    while i < count:
        word = words[i]
        if (not word.capitalised or word.key in stopwords
                or ("-" in word.text and (_LOWER_LAST_PART.search(word.text) is not None
                                          or compass_compound(word.text, lex)))):
            i += 1
            continue
        j = i
        while (j + 1 < count and j + 1 - i < MAX_GROUP_WORDS and words[j + 1].capitalised
               and text[words[j].end:words[j + 1].start] == " "
               and words[j + 1].key not in stopwords):
            j += 1
        groups.append(make(Group, (i, j, word.start, words[j].end)))
        i = j + 1
    return groups


def nominative(words: list[Word], group: Group, lex: Lexicon, as_written: bool = False,
               official: bool = True) -> str:
    """A readable English-style name from the (possibly inflected) words of a group;
    `as_written` when the words are known to be a name's nominative (a gazetteer name:
    "Муром" is no instrumental of "Мур"); `official` rewrites endings to the theater's
    official form (`unknown_name_forms`), which a caller that knows the place's country
    leaves to `theater_name` (a Russian village keeps its Russian name)."""
    parts = []
    for k in range(group.first, group.last + 1):
        forms = inflected_bases(words[k].text, lex)[:1 if as_written else None]
        # the head noun's case ending tells its nominative; a modifier is kept when it
        # already reads as a nominative adjective ("Сухой" Яр), else restored ("Кучерового")
        wanted = lex.toponym_suffixes if k == group.last else lex.modifier_suffixes
        order = [*forms[1:], forms[0]] if k == group.last else [forms[0], *forms[1:]]
        chosen = next((f for f in order if wanted and f.endswith(wanted)), forms[0])
        parts.append(official_form(chosen, lex) if official else chosen)
    if lex.romanization:
        return romanise_official(" ".join(parts), lex)
    return english_name(" ".join(parts), lex.language)


def settlement_name(words: list[Word], group: Group, lex: Lexicon, country: str | None,
                    as_written: bool = False) -> str:
    """The English name of a settlement the gazetteer lacks, in its country's form: a
    village of another country keeps the name it is written with ("Нехотеевка" in the
    Belgorod region: Nekhoteevka), one of the respelling's country gets the official
    ending (`unknown_name_forms`) and the respelling ("Lozovka": Lozivka)."""
    if country is not None and country != target_country():
        return nominative(words, group, lex, as_written, official=False)
    return theater_name(nominative(words, group, lex, as_written), country)


def theater_name(name: str, country: str | None) -> str:
    """An unknown place's English name in its country's own form: a Ukrainian village
    written the Russian way ("Lozovka") is named the Ukrainian way (Lozivka)."""
    if country != target_country():
        return name
    roman = fold(name)
    respelt = ukrainian_form(roman, forms=russian_looking(roman))
    if respelt == roman:
        return name
    return " ".join(part.capitalize() for part in respelt.split(" "))


def toponymic(word: Word, lex: Lexicon) -> bool:
    """Whether a word, or a nominative it may stand for, ends the way the language's place
    names do."""
    return any(f.endswith(lex.toponym_suffixes) for f in inflected_bases(word.text, lex))


SURNAME_MIN_STEM = 3
"""Letters a surname keeps before its ending ("Syrsk-yj", "Petr-enko"): shorter words
("Kyiv", "Ivano") only look like surnames."""


class UnknownPlaces:
    """Finds settlements the gazetteer lacks, given what it already recognised."""

    def __init__(self, cues: Cues, words: list[Word], known: list[PlaceMention],
                 covered: list[tuple[int, int]], settlements: SettlementIndex | None = None,
                 guesses: list[PlaceMention] | None = None,
                 lowercase: frozenset[str] | None = None):
        self.cues = cues
        self.words = words
        self.known = known
        self.guesses = guesses or []
        self.guessed = {(m.start, m.end): m for m in self.guesses}
        """Settlements whose namesakes lie elsewhere: they count for lists, cover no words."""
        self.covered = covered
        self.settlements = settlements
        self.lowercase = lowercase_keys(words) if lowercase is None else lowercase
        """`lowercase_keys` of the words (given when the caller has them already)."""
        # regions by start, so that each name looks only at the regions near it: scanning
        # every known mention per name made a long text quadratic (issue 10, defect 4)
        regions = sorted((m for m in known if m.kind == "region"), key=attrgetter("start"))
        self.region_starts = [m.start for m in regions]
        self.regions = regions
        self.coded = [m for m in regions if m.iso3166_2]
        self.coded_starts = [m.start for m in self.coded]
        self.sole_region = self.coded[0] if len({m.iso3166_2 for m in self.coded}) == 1 \
            else None
        self.breaks = [m.start() for m in re.finditer("\n", cues.text)]

    def find(self) -> list[PlaceMention]:
        text, lex = self.cues.text, self.cues.lex
        trimmed = (self._trim(g) for g in capitalised_groups(text, self.words, lex))
        groups = [g for g in trimmed if g is not None and self._free(g)
                  and not self.cues.organisation(g.start, g.end)]
        spans = [(g.start, g.end) for g in groups]
        items: list[tuple[int, int, object]] = [
            (m.start, m.end, m) for m in self.known if not m.metonym]
        items += [(m.start, m.end, m) for m in self.guesses  # a longer unknown name wins
                  if not any(s < m.end and m.start < e for s, e in spans)]
        items = sorted(items + [(g.start, g.end, g) for g in groups], key=itemgetter(0))
        listed = self._listed(items)
        out = []
        for group in groups:
            cue = self._cue(group, listed)
            if cue is not None:
                out.append(self._mention(group, cue))
        return out

    def _trim(self, group: Group) -> Group | None:
        """Drop an opening word used in lower case elsewhere ("Село Вишневое" at a sentence
        start) or that says what follows is a place ("Dörfer Marivka", nouns capitalised),
        and the words from the first one already recognised ("Іванівку Харківської")."""
        first, last = group.first, group.last
        if self._covered(self.words[first].start) and (
                first == last or self._covered(self.words[first + 1].start)):
            return None  # the first word kept, whichever it is, was recognised
        opening_word = self.words[first].key in self.lowercase and sentence_initial(
            self.cues.text, self.words[first].start)
        if opening_word or (first < last and self._marker(first)):
            first += 1
        for k in range(first, last + 1):
            if self._covered(self.words[k].start):
                last = k - 1
                break
        if last < first:
            return None
        return tuple.__new__(Group, (first, last, self.words[first].start,
                                     self.words[last].end))

    def _marker(self, k: int) -> bool:
        """Whether word k is itself a settlement marker ("Dörfer", "Село")."""
        return (self.cues.marked_settlement(self.words[k + 1].start)
                and not self.cues.marked_settlement(self.words[k].start))

    def _covered(self, position: int) -> bool:
        # the spans before `at` start at or before `position`: does one of the last eight
        # end after it? (nearest first: a loop, not a generator, for a question asked of
        # every capitalised word)
        covered = self.covered
        at = bisect_left(covered, (position + 1,))
        for k in range(at - 1, max(0, at - 8) - 1, -1):  # noqa: SIM110 (see above)
            if covered[k][1] > position:
                return True
        return False

    def _free(self, group: Group) -> bool:
        covered = self.covered
        at = bisect_left(covered, (group.end,))  # the spans before `at` start before its end
        for k in range(at - 1, max(0, at - 8) - 1, -1):
            if covered[k][1] > group.start:
                return False
        surface = self.cues.text[group.start:group.end]
        return len(surface) >= MIN_NAME_LENGTH and not surface.isupper()

    def _listed(self, items: list[tuple[int, int, object]]) -> set[int]:
        """Starts of unknown groups that share a list with a known or marked settlement, or
        that a marker after the list names ("Balahan and Promin, two villages")."""
        listed: set[int] = set()
        linked = self.cues.linked
        items = [*items, (10**12, 10**12, None)]  # a chain that reaches it is not looked at
        end = len(items) - 1
        last = -1  # the last item of the last chain looked at
        # a chain without groups lists none: only the chains around groups are followed
        # (most items are known places, most of their chains hold no group)
        for at, item in enumerate(items):
            if at <= last or not isinstance(item[2], Group):
                continue
            first = at  # the previous chain ended before `at`: it cannot reach back past it
            while first > 0 and linked(items[first - 1][1], items[first][0]):
                first -= 1
            last = at
            while last < end and linked(items[last][1], items[last + 1][0]):
                last += 1
            chain = items[first:last + 1]
            if last < end and not self._comma_pair(chain) and self._settlement_list(chain):
                listed.update(s for s, _e, g in chain if isinstance(g, Group))
        return listed

    def _comma_pair(self, chain: list[tuple[int, int, object]]) -> bool:
        """Two names joined by a bare comma are no list: a list of two says "and" ("A and
        B"), while "Die Behauptung, Kostjantyniwka sei gefallen" or "fell Bakhmut, Olena
        was 53" ends a clause, or sets a name in apposition, at the comma."""
        return len(chain) == 2 and not self.cues.text[chain[0][1]:chain[1][0]].strip(" ,")

    def _settlement_list(self, chain: list[tuple[int, int, object]]) -> bool:
        if any(isinstance(m, PlaceMention) and m.kind == "populated_place"
               for _s, _e, m in chain):
            return True
        if self.cues.lex.place_marker_after.match(self.cues.after(chain[-1][1])):
            return True
        return len(chain) > 1 and self.cues.marked_settlement(chain[0][0])

    def _cue(self, group: Group, listed: set[int]) -> str | None:
        opens = sentence_initial(self.cues.text, group.start)
        if self.cues.marked_settlement(group.start) or (
                self._placed_in_region(group) and (self._toponymic(group) or not (
                    opens or self.cues.lex.capitalised_nouns))):
            return "marked"  # "Глава Харківської області" heads no village: it opens a sentence
        if opens and not (group.start in listed and self._after_colon(group)):
            return None  # a list after a colon ("three villages: A, B and C") opens nothing
        if self._person(group):
            return None  # "struck Kupiansk, Ivan Petrenko said": a name after a comma
        if group.start in listed:
            return "listed"
        # "près de Lobkove", "nei pressi di Lobkove": the preposition may stand before an
        # article or "de", as the resolver reads it; "isla de X" has no preposition
        if self.cues.locative(group.first, self.words) and self._toponymic(group):
            return "locative"
        return None

    def _person(self, group: Group) -> bool:
        """A first name and a surname: two or more words, the last with a surname's ending
        ("-ov", "-enko", "-ow"), the first with none of a place name's; or the first names
        before a known person's surname ("à Paris, Volodymyr Zelensky a rencontré")."""
        lex = self.cues.lex
        nxt = group.last + 1
        if nxt < len(self.words) and self.words[nxt].key in lex.persons and (
                self.cues.text[group.end:self.words[nxt].start] == " "):
            return True
        if group.first == group.last:
            prev = group.first - 1  # "губернатора Синегубова": a surname after a title
            return prev >= 0 and person_title(
                self.words[prev].key, self.cues.text[self.words[prev].end:group.start], lex)
        first, last = self.words[group.first].key, self.words[group.last].key
        return (any(last.endswith(fold(suffix)) and len(last) - len(suffix) >= SURNAME_MIN_STEM
                    for suffix in lex.surname_suffixes)
                and not toponymic(self.words[group.first], lex)
                and not (lex.modifier_suffixes and first.endswith(lex.modifier_suffixes)))

    def _after_colon(self, group: Group) -> bool:
        return self.cues.text[:group.start].rstrip(" ").endswith(":")

    def _toponymic(self, group: Group) -> bool:
        return toponymic(self.words[group.last], self.cues.lex)

    def _placed_in_region(self, group: Group) -> bool:
        """"Іванівку Харківської області", "Ivanivka, in the Kharkiv region"."""
        gap_pattern = self.cues.lex.attached_region_gap
        first = bisect_left(self.region_starts, group.end)
        last = bisect_right(self.region_starts, group.end + MAX_GAP)
        return any(" " in m.surface and gap_pattern.fullmatch(self.cues.text[group.end:m.start])
                   for m in self.regions[first:last])

    def _mention(self, group: Group, cue: str) -> PlaceMention:
        region = self._region_near(group)
        if region is not None:
            country, iso = region.country, region.iso3166_2
            name = settlement_name(self.words, group, self.cues.lex, country)
        else:
            name = nominative(self.words, group, self.cues.lex)
            country, iso = self._codified(name)
            name = theater_name(name, country)
        guess = self.guessed.get((group.start, group.end))
        if country is None and guess is not None:  # named as its gazetteer namesakes are
            name = guess.name
        return PlaceMention(
            start=group.start, end=group.end, surface=self.cues.text[group.start:group.end],
            name=name, kind="populated_place", geonameid=None, country=country,
            iso3166_2=iso, confidence=UNKNOWN_CONFIDENCE[cue])

    def _codified(self, name: str) -> tuple[str | None, str | None]:
        """Country and oblast from the optional KATOTTG index, when the text names no
        region and every settlement of that name lies in one oblast (see places.katottg)."""
        iso = self.settlements.oblast(name) if self.settlements is not None else None
        return ("UA", iso) if iso else (None, None)

    def _region_near(self, group: Group) -> PlaceMention | None:
        """The region named closest to the name within the same paragraph, else the only
        region the article names."""
        line = bisect_left(self.breaks, group.start)  # breaks before the name
        para_start = self.breaks[line - 1] + 1 if line else 0
        after = bisect_left(self.breaks, group.end, line)
        para_end = self.breaks[after] if after < len(self.breaks) else len(self.cues.text)
        first = bisect_left(self.coded_starts, para_start)
        last = bisect_left(self.coded_starts, para_end)
        at = bisect_left(self.coded_starts, group.start, first, last)
        # the closest regions on either side of the name (the earlier one wins a tie)
        regions = [self.coded[k] for k in (at - 1, at) if first <= k < last]
        if not regions:  # an article about one oblast: its villages are there
            return self.sole_region
        return min(regions, key=lambda m: abs(m.start - group.start))
