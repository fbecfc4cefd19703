"""What a trigger is about: the places it takes, the side that acts or holds, the share held.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise
from typing import NamedTuple

from frontledger.claims import morphology
from frontledger.claims.analysis import (
    CHANNEL_SIDE,
    Analysis,
    distance,
    may_begin,
    starting,
    starts_of,
    within,
)
from frontledger.claims.anchors import Scan
from frontledger.claims.scan import Hit
from frontledger.records import PlaceMention
from frontledger.text.sentences import Sentence, opens_quotation

# Distances in characters, set by reading the constructions of the hand-written fixtures
# (tests/fixtures/claims) and checked with `frontledger eval`: wide enough for a list of five
# villages, narrow enough not to reach into the next clause.
SIDE_WINDOW = 110
"""The acting side is named at most this far from its trigger."""
AGENT_GAP = 18
"""A passive agent ("encircled by Russian forces") starts at most this far after the trigger
(or its object): the longest agent words, "da parte delle " (16 characters), with a little
room; the lexicon's `agent` pattern must still match the whole gap (was 12)."""
FORWARD_WINDOW = 75
"""The first place a trigger takes is at most this far after it (its object, not a later
noun: "took control of the supply routes into Myrnohrad" is not about Myrnohrad)."""
BACKWARD_WINDOW = 90
"""Without a place after it, a trigger takes the nearest place at most this far before it."""
LIST_GAP = 30
"""Places of one list ("Myrnohrad, Rodynske and Huliaipole") are at most this far apart."""
LOCATOR_GAP = 28
"""A region this close after a place locates it ("Maliivka in the Dnipropetrovsk region")."""
FRACTION_WINDOW = 70
"""A quantity at most this far from a control trigger or its place is its fraction."""
SHARE_GAP = 12
"""A share is written at most this far before the place it is a share of ("80% of the ",
"60 % de ", "около 80% ")."""
NEAR_WINDOW = 24
"""How far before a place its "near" words are read: the longest ("dans le secteur de ",
19 characters) with room to spare (was 16, before the sector words)."""
FRONTED_REACH = 40
"""A place that opens its sentence starts at most this far into it ("Near the town of ",
"Dans le secteur de la ville de ": 31 characters, with room to spare)."""
RIVER_WINDOW = 40
"""How far before a name a river's bank words are read: the longest such phrase ("sur la
rive gauche occupée du ") with room to spare."""

BEARING_WINDOW = 50
"""How far before a place its bearing words are read: the longest ("au sud-est de la ville
de ", "на південний схід від населеного пункту ": 40 characters) with room to spare."""
BEARING_KINDS = ("control", "withdrawal")
"""Kinds for which a place after a bearing is only a reference point ("abandoned villages
south-east of X"); an advance or a clash "south of X" is rather about X itself."""

HELD_KINDS = ("encirclement", "withdrawal")
"""Kinds whose list ends at a name behind `near` words ("encircled in A, next to B", "left A,
close to B"): B only locates A; a fight or an advance near B is at B too ("fighting near A
and near B"), and control already takes no place behind `near` words."""

FRONTED_KINDS = ("advance", "clash")
"""Kinds whose trigger, with a place of its own after it ("advancing towards Y"), also
happens at the place near which its sentence opens ("Near X, ..."); a capture or a strike
there is of the place named, not of the one it was near."""

FIGHTER_NOUN = 16
"""A side's adjective names fighters when their noun follows it within this many characters
("Українські підрозділи", "ukraińskie oddziały": the side's name is the adjective alone)."""

SETTLEMENT_GAP = 16
"""A settlement noun this close after a trigger, with at most SETTLEMENT_WORDS words between
("took four villages", "captured nearby villages", "had taken two more villages"), is its
object."""
SETTLEMENT_WORDS = 2
"""Words (a number, "more", "other", "nearby") between a trigger and its settlement noun: two
holds "two more", "another two", "deux autres", "ещё два"."""

SETTLEMENT_REACH = 40
"""How far before a trigger a definite settlement noun it describes is read ("las
localidades capturadas": article and noun, with room to spare)."""

POSSESSOR_GAP = 4
"""A place this close after a country's name belongs to it ("Russia's Bryansk region")."""

CARRIED_KINDS = ("withdrawal",)
"""Kinds whose trigger, in a sentence naming no place, speaks of the one town of the sentence
before ("X fell. The Ukrainians withdrew"). Set on train (2026-12-04): for withdrawals 2 more
matches and no false one; for every kind 6 more and 11 false ones (clash, control, advance
in sentences of background), so only withdrawals."""


def bound_places(
    doc: Analysis, sentence: Sentence, trigger: Hit, skip: frozenset[int] = frozenset()
) -> list[PlaceMention]:
    """The places a trigger speaks of: a list after it, else the nearest before it; never
    a place starting at an offset in `skip` (one the caller knows is no claim's); the
    town a front direction is named after only where it names no other place."""
    places = _bound_places(doc, sentence, trigger, skip)
    pattern = doc.lexicon.direction
    if pattern is None or len(places) < 2:
        return places
    named = [p for p in places if pattern.match(doc.text, p.end) is None]
    return named or places


def _bound_places(
    doc: Analysis, sentence: Sentence, trigger: Hit, skip: frozenset[int]
) -> list[PlaceMention]:
    in_sentence = within(doc.places, sentence.start, sentence.end)
    kind = trigger.label
    heads = [p for p in in_sentence if p.start not in skip
             and not is_locator(doc, p, kind) and claimable(doc, p, kind)]
    # (only the least start of the later triggers is read: hits are sorted by start)
    following = within(doc.triggers, trigger.end, sentence.end)
    later = [following[0].start] if following else []
    limit = _forward_limit(doc, trigger, min([trigger.end + FORWARD_WINDOW, *later]))
    # A place inside the trigger is its object too: only a passive frame holds one
    # "haben X erobert, ein Dorf bei Y": a place only near which it happened is no capture's
    # object, so the capture takes the place before it
    after = [p for p in heads if trigger.start <= p.start < limit
             and not _bearing_point(doc, p, kind)
             and not (kind == "control" and near_place(doc, p))
             and not _report_between(doc, trigger.end, p.start)]
    after = _unless_next_clause(doc, trigger, after, later, heads)
    if after and all(p.kind == "region" for p in after):
        town = _town_of_anaphor(doc, sentence, trigger)
        if town is not None:
            return town
    if after and _anaphor_in_clause_before(doc, sentence, trigger, after[0]):
        town = _anaphoric_place(doc, sentence, trigger)
        if town:
            return town
    if after:
        listed = _list_from(doc, after[0], in_sentence, kind, forward=True)
        if listed and all(front_direction(doc, p) for p in listed):
            # "repelled in the Pokrovsk sector, including near A and B": the front's town
            # only where the trigger names no other place
            introduced = _introduced(doc, heads, trigger, min([sentence.end, *later]))
            if introduced is not None and introduced not in listed:
                listed = _list_from(doc, introduced, in_sentence, kind, forward=True)
        fronted = _fronted_place(doc, sentence, heads, trigger) if kind in FRONTED_KINDS else None
        return listed if fronted is None or fronted in listed else [fronted, *listed]
    introduced = _introduced(doc, heads, trigger, min([sentence.end, *later]))
    if introduced is not None:
        return _list_from(doc, introduced, in_sentence, kind, forward=True)
    antecedent = _relative_antecedent(doc, in_sentence, trigger)
    if antecedent is not None:
        return [antecedent]
    unnamed = _names_settlements(doc, trigger)
    # "In X, einem Dorf nordwestlich von Y, hätten ... abgewehrt": the reference point stands
    # for the place it locates, however far before the trigger that place is
    reach = _chain_start(doc, sentence, trigger, heads)
    before = [_locates(doc, p, heads) for p in heads if p.end <= trigger.start
              and reach - p.end <= BACKWARD_WINDOW
              and not _anaphor_reference(doc, p)] if not unnamed else []
    if before:
        return _list_from(doc, before[-1], in_sentence, kind, forward=False)
    fronted = _fronted_place(doc, sentence, heads, trigger)
    if fronted is not None:
        return [fronted]
    # "взяла ещё два села": the settlement noun is the trigger's unnamed object, no anaphor
    return _anaphoric_place(doc, sentence, trigger)


def _unless_next_clause(doc: Analysis, trigger: Hit, after: list[PlaceMention],
                        later: list[int], heads: list[PlaceMention]) -> list[PlaceMention]:
    """"X is under our control, in Y fighting goes on", "X під нашим контролем, у Y тривають
    бої": where the first place after the trigger stands past a clause mark, and a trigger of
    its own follows it in that clause, while a place stands before the trigger, the places
    after are the next clause's (none), and the trigger is about the place before it. A
    coordination opens such a clause too, where the verb comes last ("dass sie X
    eingenommen hätten und auf Y vorrückten")."""
    if not after or not later:
        return after
    joined = doc.lexicon.coordination
    if _CLAUSE_MARK.search(doc.text, trigger.end, after[0].start) is None and (
            joined is None or joined.match(doc.text, trigger.end, after[0].start) is None):
        return after
    place = after[0]
    mark = _CLAUSE_MARK.search(doc.text, place.end, later[-1])
    clause_end = mark.start() if mark is not None else later[-1] + 1
    if any(place.end <= start < clause_end for start in later) and any(
            p.end <= trigger.start and trigger.start - p.end <= BACKWARD_WINDOW for p in heads):
        return []
    return after


def _chain_start(doc: Analysis, sentence: Sentence, trigger: Hit,
                 heads: list[PlaceMention]) -> int:
    """Where a change of hands reaches back from for its place: "X fue ocupada por las tropas
    rusas en los primeros días de la invasión, en febrero de 2022, y recuperada por Ucrania",
    "X, important nœud ferroviaire, avait été occupée ... avant d'être reprise par l'armée
    ukrainienne": a control trigger told after others of its clause, with no place between
    them, shares their subject, so the place before is reached from the first of them. Only
    where it names its own taker, past the agent of the one before ("... y liberada en
    septiembre" leaves the taker to the governing side, which the first change may have
    made the other)."""
    start = trigger.start
    if trigger.label != "control":
        return start
    for other in reversed(within(doc.triggers, sentence.start, trigger.start)):
        if other.label != "control" or other.end > start:
            continue
        if (any(other.end <= p.start < start for p in heads)
                or _CHAIN_BREAK.search(doc.text, other.end, start) is not None
                or not starting(doc.sides, other.end + AGENT_GAP, trigger.end + AGENT_GAP)):
            break
        start = other.start
    return start


_CHAIN_BREAK = re.compile(r"[;:()—–]")
"""A clause end between two changes of hands: the later one opens a statement of its own
("X è caduta nel 2024; da allora Mosca ha conquistato i villaggi")."""


def _report_between(doc: Analysis, start: int, end: int) -> bool:
    """"X is not encircled, and the stories about Y are fiction": a claim noun that opens a
    clause of its own after the trigger (past a clause mark or a coordination) has the
    place after it for its object, which the trigger is not about ("will nach eigener
    Darstellung X eingenommen haben" names its source, in the trigger's own clause)."""
    nouns = within(doc.claim_nouns, start, end)
    if not nouns:
        return False
    joined = doc.lexicon.coordination
    return _CLAUSE_MARK.search(doc.text, start, nouns[0].start) is not None or (
        joined is not None and joined.search(doc.text, start, nouns[0].start) is not None)


def _forward_limit(doc: Analysis, trigger: Hit, limit: int) -> int:
    """"A, B et C ont été touchées ; le port de D est en feu": a semicolon closes the
    trigger's clause, and what follows it is no object of the trigger."""
    semicolon = doc.text.find(";", trigger.end, limit)
    return limit if semicolon < 0 else semicolon


APPOSITION_GAP = 6
"""A country this close after a place is in apposition to it ("Donetsk, in Ukraine, where"):
the relative word after the country speaks of the place (", in ": 5 characters)."""


def _relative_antecedent(
    doc: Analysis, in_sentence: list[PlaceMention], trigger: Hit
) -> PlaceMention | None:
    """"Vilne in the Donetsk region, where Russian forces have gained ground": a trigger in a
    relative clause opened right after a place (the lexicon's `relative`) is about that place,
    within BACKWARD_WINDOW, even where it only locates the place before it."""
    pattern = doc.lexicon.relative
    before = [p for p in in_sentence if p.end <= trigger.start]
    if pattern is None or not before or trigger.start - before[-1].end > BACKWARD_WINDOW:
        return None
    place = before[-1]
    found = pattern.match(doc.text, place.end, trigger.start)
    # the clause it opens reaches the trigger: no other trigger, no clause mark between
    if found is None or within(doc.triggers, found.end(), trigger.start) or re.search(
            r"[,;:.()]", doc.text[found.end():trigger.start]):
        return None
    if place.kind == "country" and len(before) > 1 and (
            place.start - before[-2].end <= APPOSITION_GAP):
        place = before[-2]
    return place if claimable(doc, place, trigger.label) else None


SETTLEMENT_ADJECTIVE_GAP = 2
"""A side's adjective at most this far from a settlement noun, spaces only between, is that
settlement's ("die ukrainische Stadt X", "la città ucraina di X": one space)."""


def _describes_settlement(doc: Analysis, side: Hit) -> bool:
    """"Russland hat die ukrainische Stadt X erobert", "the Ukrainian town of X": a side's
    adjective right before or after a settlement noun says whose the place is, not who acts;
    so does one next to a noun of territory ("ein Fünftel des ukrainischen Staatsgebiets
    besetzt", "du territoire ukrainien")."""
    text = doc.text
    if _next_to_territory(doc, side):
        return True
    after = starting(doc.settlement_nouns, side.end, side.end + SETTLEMENT_ADJECTIVE_GAP + 1)
    if after and not text[side.end:after[0].start].strip():
        return True
    before = within(doc.settlement_nouns, max(0, side.start - SETTLEMENT_REACH), side.start)
    return bool(before) and side.start - before[-1].end <= SETTLEMENT_ADJECTIVE_GAP and not (
        text[before[-1].end:side.start].strip())


def _next_to_territory(doc: Analysis, side: Hit) -> bool:
    """A noun of territory one space after the side's adjective, or one space before it."""
    pattern, text = doc.lexicon.territory, doc.text
    if pattern is None:
        return False
    if text[side.end:side.end + 1] == " " and pattern.match(text, side.end + 1):
        return True
    if text[side.start - 1:side.start] != " ":
        return False
    word = text.rfind(" ", max(0, side.start - SETTLEMENT_REACH), side.start - 1) + 1
    found = pattern.match(text, max(word, side.start - SETTLEMENT_REACH), side.start - 1)
    return found is not None and found.end() == side.start - 1


def _names_settlements(doc: Analysis, trigger: Hit) -> bool:
    """"the captured villages", "took four villages", "las aldeas capturadas": a trigger whose
    object is a settlement noun speaks of those settlements, never of a place named before it."""
    nouns = starting(doc.settlement_nouns, trigger.end, trigger.end + SETTLEMENT_GAP)
    gap = doc.text[trigger.end:nouns[0].start] if nouns else ""
    if nouns and len(gap.split()) <= SETTLEMENT_WORDS and not re.search(r"[.,;:!?()–—]", gap):
        return True
    before = doc.lexicon.settlement_before
    start = max(0, trigger.start - SETTLEMENT_REACH)
    return before is not None and any(
        m.end() == trigger.start for m in before.finditer(doc.text, start, trigger.start))


def _fronted_place(
    doc: Analysis, sentence: Sentence, heads: list[PlaceMention], trigger: Hit
) -> PlaceMention | None:
    """"Near the town of X, Ukrainian forces have halted ..., and Russian groups have been
    cut off": a place near which (the lexicon's `near` words) a sentence opens, set off by a
    comma, is where everything the sentence tells happens, however long the sentence."""
    comma = doc.text.find(",", sentence.start, trigger.start)
    if comma < 0 or _trigger_between(doc, sentence.start, comma):
        return None
    named = within(doc.places, sentence.start, comma)
    if not named or doc.text[named[-1].end:comma].strip():
        return None  # the phrase before the comma ends in a place name
    first = [p for p in heads if p.end <= comma and p.start - sentence.start <= FRONTED_REACH]
    near = doc.lexicon.near
    if not first or near is None:
        return None
    opening = doc.text[sentence.start:first[0].start].lstrip(" \"'«“„")
    return first[0] if near.match(opening.lower()) else None


def _introduced(
    doc: Analysis, heads: list[PlaceMention], trigger: Hit, end: int
) -> PlaceMention | None:
    """The first place right after a list word ("among them", "notamment", "зокрема") that
    follows the trigger before the next one."""
    for intro in within(doc.list_intros, trigger.end, end):
        first = [p for p in heads if intro.end <= p.start <= intro.end + LIST_GAP]
        if first:
            return first[0]
    return None


def _list_from(
    doc: Analysis, first: PlaceMention, places: list[PlaceMention], kind: str, *, forward: bool
) -> list[PlaceMention]:
    """`first` and the places listed with it ("A, B and C"), skipping locator regions."""
    chosen = [first]
    ordered = places if forward else list(reversed(places))
    index = ordered.index(first)
    for place in ordered[index + 1:]:
        left, right = (chosen[-1], place) if forward else (place, chosen[-1])
        if (right.start - left.end > LIST_GAP or _trigger_between(doc, left.end, right.start)
                or _clause_between(doc, left.end, right.start)
                or within(doc.cues, left.end, right.start)):
            break  # "A, officials in B said": a reporting verb ends the list
        if not _listed(doc, left, right, kind) or (
                forward and kind in HELD_KINDS and near_place(doc, right)):
            break  # "encerclés à Myrnohrad, ville voisine de Pokrovsk": only locates it
        if forward and _apposed_reference(doc, place, chosen, near=False):
            break  # "combats à A, à 10 km à l'est de B": B only locates A
        chosen.append(place)
    return [p for p in chosen if claimable(doc, p, kind) and not is_locator(doc, p, kind)
            and not (forward and _bearing_point(doc, p, kind))]


def _listed(doc: Analysis, left: PlaceMention, right: PlaceMention, kind: str) -> bool:
    """Whether two close names belong to one list: only separators stand between them ("A,
    B and C"), or the second locates the first ("A in the X region, B"); "A, on the border
    with Russia's X region" is no list."""
    separator = doc.lexicon.list_separator
    if separator is None or separator.fullmatch(doc.text, left.end, right.start):
        return True
    return is_locator(doc, right, kind)


def _trigger_between(doc: Analysis, start: int, end: int) -> bool:
    return bool(within(doc.triggers, start, end))


def _clause_between(doc: Analysis, start: int, end: int) -> bool:
    """"nach der Einnahme von A könnte Russland B angreifen": a verb between two names
    parts them (the lexicon's `list_break`), even with no trigger between."""
    pattern = doc.lexicon.list_break
    return pattern is not None and pattern.search(doc.text, start, end) is not None


def claimable(doc: Analysis, place: PlaceMention, kind: str = "control") -> bool:
    """Whether `place` may be the place of a claim of `kind` (see `_claimable`); asked about
    each place once per trigger of its sentence, the answer is kept with the document
    (`Analysis.kept`: per document, so analyses in parallel threads never share it)."""
    key = ("claimable", place.start, place.end, place.kind, kind)
    found: bool | None = doc.kept.get(key)
    if found is None:
        found = doc.kept[key] = _claimable(doc, place, kind)
    return found


def _claimable(doc: Analysis, place: PlaceMention, kind: str) -> bool:
    """`antecedent` and, in the place's own clause, not where an attack comes from ("attacking
    from X") nor an end of a stretch of front ("from A to B")."""
    if kind in SOURCE_KINDS and _source(doc, place):
        return False
    if kind == "clash" and _in_range(doc, place):
        return False
    return antecedent(doc, place, kind)


def antecedent(doc: Analysis, place: PlaceMention, kind: str) -> bool:
    """Whether `place` may be the place of a claim of `kind` made in its clause or pointing
    back to it ("there", "the town" in a later clause: what the place's own clause said of
    it, "pushed out of X", is no reason the later fight is not at X). Countries only with a
    share ("a fifth of Ukraine's territory"), or as where a strike hit ("hit energy
    facilities in Ukraine"): a war's claims are about places inside them, and "in Ukraine"
    mostly just locates. A name after a river's bank ("the left bank of the Dnipro") is the
    river, never a claim's place; nor is a river ever held, taken or encircled ("a town on
    the Oskil river that Moscow said it took": the town was), though troops withdraw
    across one."""
    if (_river(doc, place) or _origin(doc, place) or _suffers_only(doc, place, kind)
            or _on_road(doc, place)):
        return False
    if place.kind == "river" and kind in _HELD_KINDS:
        return False
    if kind != "strike" and _abroad(doc, place):
        return False
    if place.kind != "country":
        return True
    if kind == "strike" and _located(doc, place):
        return True
    return bool(within(doc.fractions, place.start - FRACTION_WINDOW, place.end + FRACTION_WINDOW))


_HELD_KINDS = ("control", "encirclement")
"""Kinds whose place is land a side holds, takes or surrounds: never a river."""

MAX_TRIGGER = 60
"""Longest trigger span looked back over (the longest phrases are about 50 characters)."""
OUTAGE_REACH = 90
"""How far around a place its consequence phrase is looked for: a list of four villages
after "cut off electricity to" (the longest invented case, 75 characters) with room."""
OUTAGE_GAP = 40
"""The first name after a consequence phrase starts at most this far after it ("cut off
power to four small villages — A, B": a short noun phrase, and maybe a village the
gazetteer lacks, between; invented cases need 20-38)."""
SUBJECT_WORDS = 2
"""Words (adverbs: "still", "weiterhin", "частично") that may stand between a place and the
consequence predicate it is the subject of ("A is still without power")."""
STRUCK_GAP = 12
"""A place at most this far from a trigger, only words between ("strikes on X", "удары по
X", "X was shelled"), is the trigger's object or subject: the text says it was struck."""
STRUCK_KINDS = ("strike", "clash")
"""Kinds that, in a sentence telling a consequence (the lexicon's `outage_word`: "without
power", "обесточены"), take only places the text says were struck or fought at."""


def _suffers_only(doc: Analysis, place: PlaceMention, kind: str) -> bool:
    """"After strikes on X, A and B were left without power", "cutting off power to A, B and
    C", "без света остались A": a place that only suffers a strike's consequence (the
    lexicon's `outage` before it or around it, `outage_after` right after its list) is where
    no strike, fight or move was claimed (a control trigger says more than the outage); in a
    sentence that tells such a consequence, a strike or a fight is only at a place named
    right at its trigger ("strikes on X", "X was shelled")."""
    lexicon = doc.lexicon
    if kind == "control" or not _tells_outage(doc):
        return False  # "A, without power since the attack, remains under Ukrainian control"
    text = doc.text
    start, end = max(0, place.start - OUTAGE_REACH), min(len(text), place.end + OUTAGE_REACH)
    if lexicon.outage is not None:
        for m in lexicon.outage.finditer(text, start, end):
            if m.start() > place.start:
                break
            if place.end <= m.end() or _heads_list(doc, m.end(), place):
                return True
    if lexicon.outage_after is not None and any(
            _ends_list(doc, place, m.start())
            for m in lexicon.outage_after.finditer(text, place.end, end)):
        return True
    if kind not in STRUCK_KINDS or lexicon.outage_word is None:
        return False
    sentence = doc.sentences[bisect.bisect_right(starts_of(doc.sentences), place.start) - 1]
    return (lexicon.outage_word.search(text, sentence.start, sentence.end) is not None
            and not _at_trigger(doc, place))


def _object_of_trigger(doc: Analysis, place: PlaceMention) -> bool:
    """"strikes on X", "атаки на X": a trigger and a preposition right before the place."""
    before = within(doc.triggers, max(0, place.start - STRUCK_GAP - MAX_TRIGGER), place.start)
    return bool(before) and bool(doc.text[before[-1].end:place.start].strip()) and _word_gap(
        doc, before[-1].end, place.start)


def _tells_outage(doc: Analysis) -> bool:
    """Whether the document tells an outage at all (most do not): `claimable` asks it for
    every place, so it is found once and kept with the document."""
    told: bool | None = doc.kept.get("tells_outage")
    if told is None:
        lexicon = doc.lexicon
        patterns = [p for p in (lexicon.outage, lexicon.outage_after, lexicon.outage_word)
                    if p is not None]
        scan: Scan | None = doc.kept.get("scan")  # the patterns' candidates, found already
        told = doc.kept["tells_outage"] = any(
            p.search(doc.text) is not None for p in patterns) if scan is None else any(
            scan.finditer(p) for p in patterns)
    return told


def _at_trigger(doc: Analysis, place: PlaceMention) -> bool:
    """Whether a trigger stands right before the place ("struck X", "strikes on X") or right
    after it ("X was shelled"), only words between."""
    before = within(doc.triggers, max(0, place.start - OBJECT_REACH - MAX_TRIGGER), place.end
                    + MAX_TRIGGER)
    if any(t.start <= place.start and place.end <= t.end for t in before):
        return True  # inside a frame: "griffen in der Nacht X an"
    before = [t for t in before if t.end <= place.start]
    if before and _object_gap(doc, before[-1].end, place.start):
        return True
    after = starting(doc.triggers, place.end, place.end + STRUCK_GAP + 1)
    return bool(after) and _word_gap(doc, place.end, after[0].start)


OBJECT_REACH = 45
"""A struck place's object phrase after its trigger ("hit an energy facility in ", "struck
critical infrastructure in the city of ": 24-45 characters)."""


def _object_gap(doc: Analysis, start: int, end: int) -> bool:
    """Only the trigger's object phrase between it and a place: words, no other place, no
    consequence ("hit a power line and cut power to" is no strike on what follows)."""
    outage = doc.lexicon.outage_word
    return (end - start <= OBJECT_REACH and not within(doc.places, start, end)
            and re.fullmatch(r"[\w\s'-]*", doc.text[start:end]) is not None
            and (outage is None or outage.search(doc.text, start, end) is None))


def _word_gap(doc: Analysis, start: int, end: int) -> bool:
    return (end - start <= STRUCK_GAP and not within(doc.places, start, end)
            and re.fullmatch(r"[\w\s]*", doc.text[start:end]) is not None)


def _heads_list(doc: Analysis, end: int, place: PlaceMention) -> bool:
    """Whether `place` is the first name after `end` (a short phrase between) or listed
    after that first name."""
    named = within(doc.places, end, place.end)
    if not named or named[0].start - end > OUTAGE_GAP or re.search(
            r"[.;:!?]", doc.text[end:named[0].start]) or _trigger_between(doc, end, place.start):
        return False
    return _chained(doc, named)


def _ends_list(doc: Analysis, place: PlaceMention, start: int) -> bool:
    """Whether only `place`'s list (names and list words), and at most SUBJECT_WORDS words,
    stand between it and `start`."""
    named = [place, *within(doc.places, place.end, start)]
    gap = doc.text[named[-1].end:start]
    if len(named) > 1 and _object_of_trigger(doc, place):
        return False  # "атаки на A B и C остались без света": A was struck, B and C suffer
    return (re.fullmatch(r"[\w\s]*", gap) is not None and len(gap.split()) <= SUBJECT_WORDS
            and _chained(doc, named))


def _chained(doc: Analysis, named: list[PlaceMention]) -> bool:
    separator = doc.lexicon.list_separator
    return all(separator is None or separator.fullmatch(doc.text, left.end, right.start)
               for left, right in pairwise(named))


def _located(doc: Analysis, place: PlaceMention) -> bool:
    """A country after a locative preposition ("in Ukraine", "en Rusia"), not one that names
    whose region follows ("in Russia's Bryansk region": the region is where)."""
    pattern = doc.lexicon.locative
    before = doc.text[max(0, place.start - NEAR_WINDOW):place.start].lower()
    if pattern is None or pattern.search(before) is None:
        return False
    return not starting(doc.places, place.end, place.end + POSSESSOR_GAP)


ORIGIN_WINDOW = 40
"""How far before a name its origin words are read: the longest ("soldiers originally from
the village of ", 36 characters) with room to spare."""


def _before_place(doc: Analysis, pattern: re.Pattern[str] | None, span: Hit | PlaceMention,
                  window: int) -> bool:
    """Whether `pattern` matches within `window` characters before a span (a place or a
    side's name), searched only where it may begin."""
    start = max(0, span.start - window)
    return (pattern is not None and may_begin(doc, pattern, start, span.start)
            and pattern.search(doc.text, start, span.start) is not None)


def _origin(doc: Analysis, place: PlaceMention) -> bool:
    """"a soldier from X", "уроженец X", "stationed in X": X is where a person comes from or a
    unit is based, not where anything was claimed."""
    return _before_place(doc, doc.lexicon.origin, place, ORIGIN_WINDOW)


ROAD_WINDOW = 40
"""How far before a road's first name its noun is read: the longest ("the main supply route
between ", "автомобильную дорогу между ": 28 characters) with room to spare."""


def _on_road(doc: Analysis, place: PlaceMention) -> bool:
    """"cut the Pokrovsk-Kostiantynivka highway", "перерезали трассу Покровск — Константиновка",
    "struck cars on the highway between A and B": two names joined as a road's name (the
    lexicon's `road_link`) with a road's noun before or after them name the road, and
    neither town is where anything happened."""
    return place.start in _road_names(doc)


def _road_names(doc: Analysis) -> frozenset[int]:
    """Where the names of roads start, worked out once a document."""
    found: frozenset[int] | None = doc.kept.get(("roads",))
    if found is None:
        link = doc.lexicon.road_link
        starts: set[int] = set()
        if link is not None:
            for first, second in zip(doc.places, doc.places[1:], strict=False):
                if (first.end <= second.start
                        and link.fullmatch(doc.text, first.end, second.start) is not None
                        and _road_named(doc, first, second)):
                    starts.update((first.start, second.start))
        found = doc.kept[("roads",)] = frozenset(starts)
    return found


def _road_named(doc: Analysis, first: PlaceMention, second: PlaceMention) -> bool:
    before, after = doc.lexicon.road_before, doc.lexicon.road_after
    if before is not None and before.search(
            doc.text, max(0, first.start - ROAD_WINDOW), first.start) is not None:
        return True
    return after is not None and after.match(doc.text, second.end) is not None


SOURCE_KINDS = ("clash", "strike", "advance", "encirclement")
"""Kinds whose place is never where their attack, fire or push comes from ("attacking from
X", "drones launched from the X region"); a withdrawal or a capture "from X" is about X."""


def _source(doc: Analysis, place: PlaceMention) -> bool:
    """"Russian units attacking from X", "shelled A from B", "запустила дроны из X": X is
    where the fighters or the fire come from, not where anything was fought or struck."""
    return _before_place(doc, doc.lexicon.source, place, ORIGIN_WINDOW)


def _in_range(doc: Analysis, place: PlaceMention) -> bool:
    """"fighting along the whole front, from Kupiansk to Huliaipole", "від Куп'янська до
    Запоріжжя": the two ends of a range (the lexicon's `range_from` right before the first,
    `range_to` between them) only bound a stretch of front; neither is where a fight is."""
    lexicon = doc.lexicon
    if lexicon.range_from is None or lexicon.range_to is None:
        return False
    index = bisect.bisect_left(starts_of(doc.places), place.start)
    while doc.places[index] is not place:
        index += 1
    previous = doc.places[index - 1] if index > 0 else None
    following = doc.places[index + 1] if index + 1 < len(doc.places) else None
    if following is not None and _range_between(doc, place, following):
        return True
    return previous is not None and _range_between(doc, previous, place)


def _range_between(doc: Analysis, first: PlaceMention, second: PlaceMention) -> bool:
    lexicon = doc.lexicon
    assert lexicon.range_from is not None and lexicon.range_to is not None
    return (first.end <= second.start
            and lexicon.range_to.fullmatch(doc.text, first.end, second.start) is not None
            and lexicon.range_from.search(doc.text, max(0, first.start - ORIGIN_WINDOW),
                                          first.start) is not None)


def _river(doc: Analysis, place: PlaceMention) -> bool:
    pattern = doc.lexicon.river
    start = max(0, place.start - RIVER_WINDOW)
    if pattern is None or not may_begin(doc, pattern, start, place.start):
        return False
    before = doc.text[start:place.start]
    return any(m.end() == len(before) for m in pattern.finditer(before))


def _abroad(doc: Analysis, place: PlaceMention) -> bool:
    """A place in a country that is no side's territory ("talks in Istanbul", "a meeting in
    Geneva"): the ground war is fought on the sides' land, so it holds no control, advance,
    fighting or encirclement; only a strike reaches abroad (drones falling in Poland)."""
    territory = doc.theater.territory
    return bool(territory) and place.country is not None and place.country not in territory


def is_locator(doc: Analysis, place: PlaceMention, kind: str = "control") -> bool:
    """A region or country right after a place, locating it ("X in the Y region"); for
    control also after a settlement noun ("took two villages in the Donetsk region" is not
    control of the region, while "abandoned villages of the Z region" is a withdrawal there)."""
    if place.kind not in ("region", "country"):
        return kind == "control" and _settlement_within(doc, place)
    index = bisect.bisect_left(starts_of(doc.places), place.start)
    while doc.places[index] is not place:
        index += 1
    previous = doc.places[index - 1] if index else None
    if previous is not None and 0 <= place.start - previous.end <= LOCATOR_GAP:
        if previous.kind == "populated_place":
            return True
        if previous.kind in ("region", "country") and is_locator(doc, previous, kind):
            return True
    nouns = within(doc.settlement_nouns, place.start - LOCATOR_GAP, place.start)
    if kind != "control":
        return bool(nouns) and previous is not None and _in_apposition(doc, previous, nouns[-1])
    return bool(nouns) and (previous is None or previous.end <= nouns[-1].start)


APPOSITION_REACH = 60
"""How far a settlement noun in apposition stands after its place ("X, the largest
Ukrainian-held city in": 40 characters; "X, крупнейший подконтрольный Украине город": 42)."""


def _in_apposition(doc: Analysis, place: PlaceMention, noun: Hit) -> bool:
    """"X, the largest city in the Y region, was hit": the noun is X's apposition (a comma
    right after X, no clause mark between; "Ukrainian-held" may stand in it), so Y only
    locates X, whatever the kind."""
    if place.kind != "populated_place" or not 0 < noun.start - place.end <= APPOSITION_REACH:
        return False
    gap = doc.text[place.end:noun.start]
    return gap.startswith(",") and not re.search(r"[.;:()]", gap)


def _bearing_point(doc: Analysis, place: PlaceMention, kind: str) -> bool:
    """"took a village south-east of X", "відійшли з сіл на південний схід від X": after a
    trigger, a place a bearing points from only locates its object. (Before the trigger
    it may be the object itself: "X, a town whose capture Moscow claimed".)"""
    return _after_bearing(doc, place.start, kind)


def _anaphor_reference(doc: Analysis, place: PlaceMention) -> bool:
    """"hätten das Dorf nordöstlich von X befreit", "took the village east of X": a place a
    bearing right after "the village" is taken from only locates the village, which points
    back to a place named before (see `_anaphoric_place`)."""
    found = _bearing_before(doc, place.start)
    if found is None:
        return False
    anaphors = within(doc.place_anaphors, found.start() - ANAPHOR_GAP, found.start())
    return bool(anaphors) and not doc.text[anaphors[-1].end:found.start()].strip()


ANAPHOR_GAP = 30
"""How far before a bearing a place anaphor ("the village", "das Dorf") is looked for: the
anaphor ends right before the bearing (only spaces between); 30 holds the longest."""


def _locates(doc: Analysis, place: PlaceMention, heads: list[PlaceMention],
             *, near: bool = True) -> PlaceMention:
    """"Kramatorsk, some 40 km south of Siversk, has been hit", "in Myrnohrad, unweit von
    Pokrowsk, eingekesselt", "das Dorf A 20 Kilometer südlich von B eingenommen": a place
    after a bearing right after another place (or, with `near`, after a `near` word in an
    apposition set off by a comma) only locates that place, for every kind: the place it
    locates, else `place` itself."""
    earlier = [p for p in heads if p.end <= place.start]
    if not earlier or place.start - earlier[-1].end > APPOSITION_REACH:
        return place
    gap = doc.text[earlier[-1].end:place.start]
    if re.search(r"[.;:()]", gap) or _trigger_between(doc, earlier[-1].end, place.start):
        return place
    if _bearing_before(doc, place.start) is not None:
        return earlier[-1]
    if near and gap.startswith(",") and near_place(doc, place):
        return earlier[-1]
    return place


def _apposed_reference(doc: Analysis, place: PlaceMention, heads: list[PlaceMention],
                       *, near: bool = True) -> bool:
    """Whether `place` only locates another place before it (see `_locates`)."""
    return _locates(doc, place, heads, near=near) is not place


def _after_bearing(doc: Analysis, start: int, kind: str) -> bool:
    return kind in BEARING_KINDS and _bearing_before(doc, start) is not None


def _bearing_before(doc: Analysis, start: int) -> re.Match[str] | None:
    """The compass bearing ending right before `start` ("20 km south of ", "nordöstlich
    von "), read at most BEARING_WINDOW characters back."""
    pattern = doc.lexicon.bearing
    window = max(0, start - BEARING_WINDOW)
    if pattern is None or not may_begin(doc, pattern, window, start):
        return None
    return pattern.search(doc.text, window, start)


def _settlement_within(doc: Analysis, place: PlaceMention) -> bool:
    """"villages in X had been captured": X only says where the villages lie."""
    pattern = doc.lexicon.settlement_within
    if pattern is None:
        return False
    nouns = within(doc.settlement_nouns, place.start - LOCATOR_GAP, place.start)
    return bool(nouns) and pattern.fullmatch(doc.text, nouns[-1].end, place.start) is not None


NAMING_GAP = 5
"""Longest link between a settlement noun and the name it gives ("the city| of |Sumy", "la
ville| de |Soumy", " d'"): a preposition and its spaces."""
_NAMING_LINK = re.compile(r"\s*(?:[^\W\d]{1,3}['’]?\s*)?")


def _names_place(doc: Analysis, anaphor: Hit) -> bool:
    """Whether a town noun gives the name of the town right after it, in its own clause
    ("the city of Sumy", "la ville de Soumy", "місто Суми"), rather than pointing back
    ("took the town in the Donetsk region" still points back)."""
    kind = "region" if anaphor.label == "region" else "populated_place"
    return any(p.kind == kind and _NAMING_LINK.fullmatch(doc.text, anaphor.end, p.start)
               for p in starting(doc.places, anaphor.end, anaphor.end + NAMING_GAP))


def _anaphoric_place(doc: Analysis, sentence: Sentence, trigger: Hit) -> list[PlaceMention]:
    """"the city" / "місто": the last town named before it; "the region" / "la región": the
    last region (never for control: "gains across the region" hold no oblast)."""
    window_start = max(sentence.start, trigger.start - BACKWARD_WINDOW)
    window_end = min(sentence.end, trigger.end + FORWARD_WINDOW)
    # "the city of Sumy", "la ville de Soumy", "місто Суми": a noun naming the place right
    # after it points back to none
    anaphors = [a for a in within(doc.place_anaphors, window_start, window_end)
                if not _names_place(doc, a)]
    if not anaphors:
        # "left three villages": unnamed settlements are not the town named before
        if _pronoun_object(doc, trigger):
            return _pronoun_antecedent(doc, sentence, trigger)
        carried = trigger.label in CARRIED_KINDS and not _names_settlements(doc, trigger)
        return _place_of_previous(doc, sentence) if carried else []
    if anaphors[0].label == "there":
        return _place_there(doc, sentence, anaphors[0], trigger.label)
    kind = "region" if anaphors[0].label == "region" else "populated_place"
    if kind == "region" and trigger.label == "control":
        return []
    if _after_bearing(doc, anaphors[0].start, trigger.label):
        return []  # "took the hills north of the town": the town only locates them
    # "X am Oskil ... the town": a name read as a river's is no town taken up again; nor is a
    # town abroad ("a lie told before the talks in Geneva. The town is ours"): the war's
    # towns are on the sides' land
    earlier = [p for p in doc.places if p.end <= anaphors[0].start and p.kind == kind
               and not _river(doc, p) and not _abroad(doc, p)]
    if anaphors[0].label == "pair":
        # "said its units had liberated the two settlements": a capture told again restates
        # the claim before, which it names the source of; a state, a denial or fighting
        # ("both villages remain ours") is a claim of its own about each
        if trigger.trigger is not None and trigger.trigger.change:
            return []
        return _last_two(doc, sentence, [p for p in earlier
                                         if antecedent(doc, p, trigger.label)])
    return _not_locator(doc, earlier)[-1:]


PRONOUN_REACH = 14
"""An object pronoun stands at most this far from its trigger: the pronoun and an auxiliary
between it and the verb ("la habían ", "l'avaient ": 10 characters), with room to spare."""


def _pronoun_object(doc: Analysis, trigger: Hit) -> bool:
    """Whether the trigger's object is a pronoun (the lexicon's `pronoun_after` right after
    it, `pronoun_before` reaching up to its start): "retook it", "la había recuperado"."""
    after, before = doc.lexicon.pronoun_after, doc.lexicon.pronoun_before
    if after is not None and after.match(
            doc.text, trigger.end, min(len(doc.text), trigger.end + PRONOUN_REACH)) is not None:
        return True
    # the match may end inside the trigger, whose words may open with the auxiliary
    return before is not None and any(m.start() < trigger.start <= m.end() for m in (
        before.finditer(doc.text, max(0, trigger.start - PRONOUN_REACH), trigger.end)))


def _pronoun_antecedent(doc: Analysis, sentence: Sentence, trigger: Hit
                        ) -> list[PlaceMention]:
    """"X was taken in 2022. Ukraine retook it in September": a pronoun with no place but a
    country named before it in its sentence points back to the town of the sentence before,
    where that sentence names exactly one (no obvious antecedent, no claim)."""
    if any(p.kind != "country" for p in within(doc.places, sentence.start, trigger.start)):
        return []  # a country before it is the side that acts ("Ukraine retook it")
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    if here == 0:
        return []
    previous = doc.sentences[here - 1]
    towns = {(p.name, p.geonameid): p for p in within(doc.places, previous.start, previous.end)
             if p.kind == "populated_place" and claimable(doc, p, trigger.label)}
    return list(towns.values()) if len(towns) == 1 else []


def _last_two(doc: Analysis, sentence: Sentence, earlier: list[PlaceMention]
              ) -> list[PlaceMention]:
    """The last two places named as a list of two ("the villages of A and B ... both
    villages"); a place named alone in between ("said in Moscow") is not one of them. With
    no such list, the two towns its sentence and the one before name, when they name
    exactly two besides a front's name ("on the X front, took A and says it advances in B.
    ... fighting around these two villages")."""
    for i in range(len(earlier) - 1, 0, -1):
        first, second = earlier[i - 1], earlier[i]
        if first.name != second.name and _LIST_JOIN.fullmatch(doc.text, first.end,
                                                              second.start) is not None:
            return [first, second]
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    since = doc.sentences[here - 1].start if here > 0 else sentence.start
    recent = {(p.name, p.geonameid): p for p in earlier
              if p.start >= since and not front_direction(doc, p)}
    return list(recent.values()) if len(recent) == 2 else []


def _anaphor_in_clause_before(doc: Analysis, sentence: Sentence, trigger: Hit,
                              first_after: PlaceMention) -> bool:
    """"In the north of the city searches go on, supply routes to B hold": a town anaphor in
    the trigger's own clause before it names its place, not a name behind a clause mark."""
    if not _CLAUSE_MARK.search(doc.text, trigger.end, first_after.start):
        return False
    anaphors = [a for a in within(doc.place_anaphors, sentence.start, trigger.start)
                if a.label not in ("there", "region")]
    return bool(anaphors) and not _CLAUSE_MARK.search(doc.text, anaphors[-1].end, trigger.start)


_CLAUSE_MARK = re.compile(r"[,;:]")


def _not_locator(doc: Analysis, earlier: list[PlaceMention]) -> list[PlaceMention]:
    """"the capture of the village of A near B ... the village", "A lies 30 km east of B and
    C ... the town", "A, la cittadina a ovest di B ... La città": a place named only as near
    what its sentence is about (the lexicon's `near`), or as the reference point of a bearing
    (with the names listed after it), is no antecedent, when that sentence names another
    place of the kind before it."""
    if not earlier or not _reference_in(doc, earlier, len(earlier) - 1):
        return earlier
    here = bisect.bisect_right(starts_of(doc.sentences), earlier[-1].start) - 1
    start = doc.sentences[here].start if here >= 0 else 0
    kept = [p for i, p in enumerate(earlier[:-1])
            if p.start >= start and not _reference_in(doc, earlier, i)]
    return kept if kept else earlier


_LIST_JOIN = re.compile(
    r"\s*(?:,|and|et|und|y|e|i|і|й|та|и|или|або)?\s*(?:\w{1,2}['’]|\w{1,3}\s+)?", re.IGNORECASE)
"""What joins two names of one list, for a reference point's list ("east of B and C"); the
preposition may come again before the second ("la prise de A et de B", "near A and in B")."""


def _reference_in(doc: Analysis, places: list[PlaceMention], at: int) -> bool:
    """Whether `places[at]` is named after `near` words or a compass bearing ("near B", "west
    of B"), or listed right after such a place ("east of B and C")."""
    place = places[at]
    if near_place(doc, place) or _after_bearing(doc, place.start, "control"):
        return True
    # a name listed right after a reference point is one too ("на схід від Б і В")
    return at > 0 and _LIST_JOIN.fullmatch(doc.text, places[at - 1].end, place.start) is not None \
        and _after_bearing(doc, places[at - 1].start, "control")


def _place_there(
    doc: Analysis, sentence: Sentence, there: Hit, kind: str
) -> list[PlaceMention]:
    """"Russia says it took X. Kyiv says fighting goes on there.": the last place named
    before "there" in its sentence or the one before (never a region held: control of a
    whole oblast is not read from an adverb)."""
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    reach = doc.sentences[here - 1].start if here else sentence.start
    earlier = [p for p in within(doc.places, reach, there.start)
               if antecedent(doc, p, kind) and not is_locator(doc, p, kind)
               and (kind != "control" or p.kind == "populated_place")]
    return earlier[-1:]


def _town_of_anaphor(
    doc: Analysis, sentence: Sentence, trigger: Hit
) -> list[PlaceMention] | None:
    """"the village, for months a focal point of attacks in the Donetsk region": a town the
    sentence speaks of as "the village" before the trigger is its place; the region after
    the trigger only says where that town lies. The town is named in this sentence or the
    one before; none there, no claim. None: no such anaphor."""
    anaphors = [a for a in within(doc.place_anaphors, sentence.start, trigger.start)
                if a.label not in ("region", "there")
                and not _names_next(doc, a)]
    if not anaphors:
        return None
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    reach = doc.sentences[here - 1].start if here else sentence.start
    earlier = [p for p in within(doc.places, reach, anaphors[-1].start)
               if p.kind == "populated_place" and antecedent(doc, p, trigger.label)]
    return earlier[-1:]


def _names_next(doc: Analysis, noun: Hit) -> bool:
    """"la localidad de X", "the town of X": the noun introduces the name right after it."""
    named = starting(doc.places, noun.end, noun.end + LOCATOR_GAP)
    return bool(named) and not re.search(r"[,;:()\u2013\u2014-]", doc.text[noun.end:named[0].start])


def _place_of_previous(doc: Analysis, sentence: Sentence) -> list[PlaceMention]:
    """"Russian troops took X. Yesterday the Ukrainians withdrew completely.": a sentence
    that names no place goes on about the one town the sentence before names."""
    if within(doc.places, sentence.start, sentence.end):
        return []
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    if here == 0:
        return []
    previous = doc.sentences[here - 1]
    towns = {(p.name, p.geonameid): p for p in within(doc.places, previous.start, previous.end)
             if p.kind == "populated_place" and claimable(doc, p)}
    return list(towns.values()) if len(towns) == 1 else []


DIRECTION_WINDOW = 30
"""How far before a name its direction words are read ("dans la direction de ", "на
напрямку ": 20 characters, with room to spare)."""


def front_direction(doc: Analysis, place: PlaceMention) -> bool:
    """"captured A in the Pokrovsk sector", "на Покровском направлении", "dans la direction de
    X": a front named after a town is a stretch of front, and the town is not held or taken
    by that (a fight or an advance there is still about it). Kept with the document
    (`Analysis.kept`): a control trigger's list and then its claims ask it of each place."""
    key = ("front direction", place.start, place.end)
    found: bool | None = doc.kept.get(key)
    if found is None:
        before, after = doc.lexicon.direction_before, doc.lexicon.direction_after
        found = doc.kept[key] = _before_place(doc, before, place, DIRECTION_WINDOW) or (
            after is not None and after.match(doc.text, place.end) is not None)
    return found


def near_place(doc: Analysis, place: PlaceMention) -> bool:
    """"near X" / "под X": the place only locates the event (not for control claims). Kept
    with the document (`Analysis.kept`): a control trigger's places and then its claims ask
    it of each place."""
    key = ("near", place.start)
    found: bool | None = doc.kept.get(key)
    if found is None:
        pattern = doc.lexicon.near
        start = max(0, place.start - NEAR_WINDOW)
        if pattern is None or not may_begin(doc, pattern, start, place.start):
            found = False
        else:
            before = doc.text[start:place.start].rstrip()
            found = any(m.end() >= len(before) for m in pattern.finditer(before))
        doc.kept[key] = found
    return found


def actor_side(
    doc: Analysis,
    sentence: Sentence,
    trigger: Hit,
    place: PlaceMention,
    claimant_side: str,
    stance: str,
    voices: list[tuple[int, int]],
) -> tuple[str | None, bool]:
    """(side, named in the text?) — the holder for control, the actor otherwise."""
    if trigger.label == "clash":
        return None, False
    assert trigger.trigger is not None
    actors = _Actors(doc, sentence, trigger, voices)
    side = _case_side(doc, sentence, trigger, actors, claimant_side) or _encircler(
        doc, trigger, actors, claimant_side)
    if side is None:
        hit, agent = _side_hit(doc, sentence, trigger, voices, place, actors)
        side = resolve_side(doc, hit.label, claimant_side) if hit else None
        if side and trigger.trigger.role == "patient" and not agent:
            side = doc.theater.opponent(side)
    if side and side in doc.theater.opponents:
        if stance == "denies" and side == claimant_side:
            return doc.theater.opponent(side), True  # no one denies their own capture
        return side, True
    pronoun = _pronoun_actor(doc, sentence, trigger)
    if pronoun is not None:
        return pronoun, True
    owner = doc.theater.territory.get(place.country or "")
    if trigger.trigger.regain and owner is not None:
        return owner, False  # "regained ground around X": the side governing it
    if trigger.trigger.side == "agent" or (trigger.trigger.fall and owner is not None):
        # "occupied", "X has fallen": by the side not governing the place
        invader = doc.theater.opponent(owner)
        return invader or doc.theater.opponent(claimant_side), False
    taker = _agentless_taker(doc, trigger, owner, claimant_side, stance)
    if taker is not None:
        return taker, False
    return _fallback_side(doc, trigger.label, place, claimant_side, stance), False


def _agentless_taker(
    doc: Analysis, trigger: Hit, owner: str | None, claimant_side: str, stance: str
) -> str | None:
    """Who took a place when the text names no taker, from the kind of change of hands its
    trigger tells (the lexicon's `[taker]`), not from the speaker's side alone: a loss is
    the speaker's enemy's gain ("X was lost, Kyiv's commander said"; "мы потеряли X"); a
    neutral capture said by the side that governs the place is the other side's ("X was
    captured, Ukrainian officers admitted"). A liberation or a recapture keeps the
    speaker's own side (`_fallback_side`), but a liberation the outlet tells in its own
    voice ("Kherson was liberated in November 2022") is the side governing the place: an
    outlet with no side of its own writes "liberated" only of a country's own land taken
    back (a side's claimed liberation is quoted, and its speaker has a side); None where
    the general fallback decides."""
    assert trigger.trigger is not None
    if trigger.label != "control" or not trigger.trigger.change or stance != "asserts":
        return None
    kind = doc.lexicon.taker_of(doc.text[trigger.start:trigger.end])
    opponents = doc.theater.opponents
    if kind == "loss":
        return doc.theater.opponent(claimant_side if claimant_side in opponents else owner)
    if kind == "capture" and owner is not None and claimant_side == owner:
        return doc.theater.opponent(owner)
    if (kind == "liberation" and owner is not None and claimant_side not in opponents
            and not _quoted(doc.text, trigger.start)):
        return owner
    return None


QUOTE_REACH = 80
"""How far back an opening quotation mark is looked for before a liberation's trigger: a
quoted phrase ("the town was «fully liberated»") is a few words long; set from the
invented report corpora's quoted claims."""


def _quoted(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation opened in the QUOTE_REACH characters before
    it: a side's word quoted by someone else ("город «полностью освобожден»"), not the
    outlet's own."""
    return opens_quotation(text[max(0, position - QUOTE_REACH):position])


_PUNCTUATION = re.compile(r"[,;:()«»\"“”„—–]")
WORD_REACH = 30
"""How far before a side's phrase the word that governs it is read: the longest such word
("подразделениями", 16 characters) and its spaces, with room to spare."""
PHRASE_REACH = 20
"""A side's name that is an adjective ("российских") is read with the word after it, its
noun ("подразделений"): the longest such noun ("подразделениями", 16 characters) and a
space, with a little room."""


def _case_side(
    doc: Analysis, sentence: Sentence, trigger: Hit, actors: _Actors, claimant_side: str
) -> str | None:
    """The acting side read from grammar where the lexicon has `[cases]` (ru, uk): the case of
    the nearest side's phrase in the trigger's clause, for the trigger's voice, says whether
    it acts or suffers ("Покровск окружён российскими войсками": instrumental agent, RU;
    "окружены российские войска": nominative of a passive, the encircled, so UA encircles;
    "окружили российскую группировку": accusative object). None when no phrase's case
    decides (an abbreviation, "войска" as nominative or accusative of an active verb): the
    position and the lexicon's roles decide then."""
    cases, language = doc.lexicon.cases, doc.lexicon.morphology
    rule = trigger.trigger
    if cases is None or language is None or rule is None or trigger.label not in cases.kinds:
        return None
    voice = morphology.voice(doc.text[trigger.start:trigger.end], language, cases.passive_marks)
    if voice is None or (rule.role == "patient" and voice != "passive"):
        return None  # "попали в окружение": the lexicon says already who suffers
    acting = actors.all()
    if any(s.start < trigger.end and trigger.start < s.end for s in acting):
        return None  # "звільнено від окупантів": the lexicon's pattern frames the side
    acting = [s for s in acting if 0 <= trigger.start - s.end <= SIDE_WINDOW
              or 0 <= s.start - trigger.end <= SIDE_WINDOW]
    for side in sorted(acting, key=lambda s: distance(s, trigger)):
        start, end = sorted((side.end, trigger.start) if side.end <= trigger.start
                            else (trigger.end, side.start))
        if (_trigger_between(doc, start, end) or _clause_between(doc, start, end)
                or _PUNCTUATION.search(doc.text, start, end)):
            continue  # another clause: "..., сообщил Генштаб ВСУ" is not the encircled
        before = doc.text[max(sentence.start, side.start - WORD_REACH):side.start]
        if morphology.after_preposition(before, language):
            continue  # "с российскими войсками", "на украинские позиции": no role of the verb's
        phrase = doc.text[side.start:min(sentence.end, side.end + PHRASE_REACH)]
        found = morphology.phrase_cases(phrase, language)
        if "gent" in found:  # "окружена группировка российских войск": the group's case
            opening = trigger.end if side.start >= trigger.end else sentence.start
            head = morphology.dependent_head(
                doc.text[max(opening, side.start - WORD_REACH):side.start], language)
            found = head if head is not None else found
        role = cases.role(voice, found)
        if role is None:
            continue
        label = resolve_side(doc, side.label, claimant_side)
        if label is None:
            return None
        acts = (role == "agent") != rule.pushed
        return label if acts else doc.theater.opponent(label)
    return None


OBJECT_SIDE_GAP = 12
"""Characters at most between an active verb and the side named as its object ("encircled
two Ukrainian brigades", "okrążyli oddziały ukraińskie": a numeral or an article)."""


def _encircler(doc: Analysis, trigger: Hit, actors: _Actors, claimant_side: str) -> str | None:
    """"Die russische Armee hat bei X ukrainische Einheiten eingekesselt", "Rosjanie okrążyli
    oddziały ukraińskie pod X": an active encirclement verb with its subject's side named
    before it and the other side named as its object, between them (a verb-final participle)
    or right after the verb: the subject encircles, the object is encircled (the side nearest
    the verb alone would make the encircled their own encircler). None unless both are
    named so, in one clause."""
    rule = trigger.trigger
    if trigger.label != "encirclement" or rule is None or rule.role != "actor" or (
            rule.side != "before"):
        return None
    text = doc.text
    # the verb's own clause: after a reporting verb or another event ("Ukrainian analysts
    # say Russian troops encircled X": the analysts are no subject of it)
    reach = max(0, trigger.start - SIDE_WINDOW)
    opening = max([reach, *(c.end for c in within(doc.cues, reach, trigger.start)
                            if c.label == "verb"),
                   *(t.end for t in within(doc.triggers, reach, trigger.start))])
    before = [s for s in actors.sides if opening <= s.start and s.end <= trigger.start
              and not _PUNCTUATION.search(text, s.end, trigger.start) and actors.acts(s)]
    if not before:
        return None
    after = [s for s in actors.sides if 0 <= s.start - trigger.end <= OBJECT_SIDE_GAP
             and not _PUNCTUATION.search(text, trigger.end, s.start)
             and not (text[trigger.end:s.start].strip()
                      and _is_agent_gap(doc, trigger.end, s.start))]
    subject = resolve_side(doc, before[0].label, claimant_side)
    objects = {resolve_side(doc, s.label, claimant_side)
               for s in (*before[1:], *after[:1]) if actors.acts(s)}
    if subject in doc.theater.opponents and doc.theater.opponent(subject) in objects:
        return subject
    return None


class _Actors:
    """The sides named in a trigger's sentence that may act in it: not its speakers, not
    whom an act is against, not the land held. A side is tested only when a rule reaches
    it, and once (`acts`): the rules look at the sides in a window around the trigger and
    mostly stop at the nearest, and the tests of a side's surroundings cost more than
    those of its position, which the rules ask first."""

    __slots__ = ("_known", "doc", "sides", "trigger", "voices")

    def __init__(self, doc: Analysis, sentence: Sentence, trigger: Hit,
                 voices: list[tuple[int, int]]) -> None:
        self.doc, self.trigger, self.voices = doc, trigger, voices
        self.sides: list[Hit] = within(doc.sides, sentence.start, sentence.end)
        """Every side named in the sentence, in text order (test them with `acts`)."""
        self._known: dict[int, bool] = {}

    def acts(self, side: Hit) -> bool:
        """Whether `side` (one of `sides`) may act in the trigger."""
        known = self._known.get(side.start)
        if known is None:
            doc = self.doc
            known = self._known[side.start] = (
                side.label != "other"
                and not any(a < side.end and side.start < b for a, b in self.voices)
                and not _describes_settlement(doc, side) and not _shared_country(doc, side)
                and not _opposed(doc, side) and not _fights_elsewhere(doc, side, self.trigger))
        return known

    def all(self) -> list[Hit]:
        """Every side that may act, in text order."""
        return [s for s in self.sides if self.acts(s)]


def side_named(
    doc: Analysis, sentence: Sentence, trigger: Hit, voices: list[tuple[int, int]]
) -> Hit | None:
    """The side name a trigger points to in its sentence, if any, other than the names
    that speak in it (`voices`)."""
    return _side_hit(doc, sentence, trigger, voices)[0]


def _side_hit(
    doc: Analysis, sentence: Sentence, trigger: Hit, voices: list[tuple[int, int]],
    place: PlaceMention | None = None, actors: _Actors | None = None,
) -> tuple[Hit | None, bool]:
    """The side hit a trigger points to, and whether it is a passive agent after it or
    after its object ("the capture of X by Russian troops", "die Einnahme von X durch").
    Names that speak in the sentence ("Kyiv denied ...") are not its actors. (Each rule
    below takes the first acting side, in its order, that passes its position tests.)"""
    if actors is None:
        actors = _Actors(doc, sentence, trigger, voices)
    sides, acts = actors.sides, actors.acts
    # "under Russian control"; in a passive frame, the side it befalls, which may also
    # begin before it ("Ukrainian units encircled": the frame starts at "units")
    patient = trigger.trigger is not None and trigger.trigger.role == "patient"
    named = next((s for s in sides if s.end <= trigger.end
                  and (trigger.start <= s.start or (patient and s.end > trigger.start))
                  and acts(s)), None)
    if named is not None:
        return named, not (trigger.trigger and trigger.trigger.role == "patient")
    ends = [trigger.end]
    if place is not None and 0 <= place.start - trigger.end <= FORWARD_WINDOW:
        ends.append(place.end)
    agent = next((s for s in sides for end in ends if 0 <= s.start - end <= AGENT_GAP
                  and _is_agent_gap(doc, end, s.start)
                  and _may_be_agent(doc, sentence, s, end == trigger.end
                                    and trigger.label in SUBJECT_GENITIVE_KINDS)
                  and not (end == trigger.end and _noun_of_event(trigger)
                           and not doc.text[end:s.start].strip()) and acts(s)), None)
    if agent is not None:
        return agent, True
    direction = trigger.trigger.side if trigger.trigger else "before"
    if direction == "agent":
        return None, False
    before = None if direction == "after" else next(
        (s for s in reversed(sides) if s.end <= trigger.start
         and trigger.start - s.end <= SIDE_WINDOW
         and not _reporting_clause_between(doc, s.end, trigger.start) and acts(s)), None)
    if direction == "before":
        return before, False
    # "are holding their positions in X": a possessive after the verb is its object's, and
    # points back to the subject named before, not to the claimant
    after = next((s for s in sides if s.start >= trigger.end
                  and s.start - trigger.end <= SIDE_WINDOW and acts(s)
                  and not (direction == "nearest" and s.label == "own"
                           and _named_before(s, actors))), None)
    if direction == "after":
        return after, False
    options = [s for s in (before, after) if s is not None]
    return (min(options, key=lambda s: distance(s, trigger)) if options else None), False


def _reporting_clause_between(doc: Analysis, start: int, end: int) -> bool:
    """"Il governatore ucraino di Sumy ha riferito che X viene bombardata", "le gouverneur
    ukrainien a indiqué que X est bombardée": a reporting verb and the complementizer that
    opens its reported clause stand between a side's name and a trigger, so the name
    describes who reports, not who acts in what is reported."""
    complementizer = doc.lexicon.complementizer
    if complementizer is None:
        return False
    return any(cue.label == "verb" and complementizer.search(doc.text, cue.end, end)
               for cue in within(doc.cues, start, end))


OPPOSED_REACH = 40
"""How far before a side's name its opposition words are read ("face à des unités ",
"against the exhausted ": an article, an adjective and a noun, with room to spare)."""


def _opposed(doc: Analysis, side: Hit) -> bool:
    """"Russian troops advance against exhausted Ukrainian units", "progressent face à des
    unités ukrainiennes", "наступают против украинских частей": the side after the lexicon's
    `opposed` words is whom the act is against, never who advances or holds."""
    return _before_place(doc, doc.lexicon.opposed, side, OPPOSED_REACH)


MAX_WORD = 30
"""Longest word read next to a trigger of fighting (a noun of fighters)."""


def _fights_elsewhere(doc: Analysis, side: Hit, trigger: Hit) -> bool:
    """"its troops repelled Ukrainian attacks and advanced", "отбили атаки российских войск и
    продвинулись", "wehrten russische Angriffe ab und rückten vor": a side named inside another
    trigger of fighting, right after it (its agent or object) or as a bare adjective right
    before its noun (not a named body of fighters, "Russian troops stormed", the subject), is
    whose attacks or whose losses those are, not who does what the trigger says."""
    if trigger.label == "clash" or (trigger.trigger is not None
                                    and trigger.trigger.role == "patient"):
        return False  # "eliminating the Ukrainian troops trapped in X": the side befallen
    nearby = starting(doc.triggers, max(0, side.start - MAX_TRIGGER), side.end + SIDE_GLUE)
    for other in nearby:
        if other is trigger or not (other.label == "clash" or _driving_out(other)):
            continue
        if other.start <= side.start and side.end <= other.end:
            return True
        # "атаки росіян", "eliminating Ukrainian troops": its agent or object
        if _glued(doc, other.end, side.start):
            if not _unit_word(doc, other, after=False):
                return True
        elif _glued(doc, side.end, other.start) and _bare_side(doc, side) and not _unit_word(
                doc, other, after=True):
            return True
    return False


def _driving_out(hit: Hit) -> bool:
    """"wyparli Ukraińców z X, a latem przekroczyli granicę": the side a verb of driving
    out acts on is its object, not the actor of the next verb."""
    return hit.trigger is not None and (hit.trigger.pushed or (
        hit.label == "withdrawal" and hit.trigger.side == "after"))


def _glued(doc: Analysis, start: int, end: int) -> bool:
    return 0 <= end - start <= SIDE_GLUE and not doc.text[start:end].strip()


UNIT_GAP = 4
"""A fighting word this close to a noun of fighters names a kind of unit ("assault groups",
"gruppi d'assalto", "grupos de asalto": one space, or a short preposition)."""


def _unit_word(doc: Analysis, trigger: Hit, *, after: bool) -> bool:
    """"Russian assault groups operate in X", "gruppi d'assalto russi": a one-word fighting
    trigger inside a noun of fighters, or with one on its other side (`after` it, or before
    it behind a short preposition) than the side's name, names the fighters' kind, so the
    side is theirs, not an attack's ("troops repelled Ukrainian attacks" is a subject and
    its verb)."""
    fighters = doc.lexicon.not_speaker
    if fighters is None or any(c.isspace() for c in doc.text[trigger.start:trigger.end]):
        return False
    start = max(0, trigger.start - UNIT_GAP - MAX_WORD)
    found = list(fighters.finditer(doc.text, start, trigger.end + UNIT_GAP + MAX_WORD))
    if any(m.start() <= trigger.start and trigger.end <= m.end() for m in found):
        return True
    if after:
        return any(m.start() >= trigger.end and _SPACE.fullmatch(doc.text, trigger.end, m.start())
                   for m in found)
    return any(m.end() <= trigger.start and _PREPOSITION.fullmatch(doc.text, m.end(), trigger.start)
               for m in found)


_SPACE = re.compile(r"\s+")
_PREPOSITION = re.compile(r"\s+\w{1,2}['’]\s*|\s+\w{1,2}\s+")


SIDE_GLUE = 2
"""A side's name this close to a trigger of fighting, spaces only between, is part of its
noun phrase ("Ukrainian attacks", "атаки росіян")."""


def _bare_side(doc: Analysis, side: Hit) -> bool:
    """A side's adjective alone ("Ukrainian", "russische"), not a named body of fighters
    ("Russian troops", "die ukrainischen Truppen"), which is the subject of the verb after it."""
    fighters = doc.lexicon.not_speaker
    return fighters is None or fighters.search(doc.text, side.start, side.end) is None


def _shared_country(doc: Analysis, side: Hit) -> bool:
    """"Russia, which controls about a fifth of Ukraine, has been advancing": a country's name
    right after a share of it is the land held, not a side that acts."""
    countries = [p for p in within(doc.places, side.start, side.end + 1) if p.kind == "country"]
    return bool(countries) and any(
        0 <= countries[0].start - f.end <= SHARE_GAP
        for f in within(doc.fractions, max(0, countries[0].start - FRACTION_WINDOW),
                        countries[0].start))


def _noun_of_event(trigger: Hit) -> bool:
    """"окружение украинских батальонов", "оточення ЗСУ": a side right after a noun of the
    event with no agent word between (Russian and Ukrainian write the agent without one)
    is the genitive of whom it befalls, not its agent, which needs a word ("by", "durch")
    or stands after the place ("окружение Покровска российскими войсками")."""
    return trigger.trigger is not None and trigger.trigger.side == "agent"


def _named_before(hit: Hit, actors: _Actors) -> bool:
    """Whether a side of the theater is named before `hit` in its sentence."""
    return any(s.end <= hit.start and s.label not in ("own", "enemy") and actors.acts(s)
               for s in actors.sides)


def _pronoun_actor(doc: Analysis, sentence: Sentence, trigger: Hit) -> str | None:
    """"Ukrainian troops want to push the Russians back. They advanced ...": a pronoun
    opening the trigger's sentence stands for the fighters the sentence before names first."""
    pattern, fighters = doc.lexicon.actor_pronoun, doc.lexicon.not_speaker
    if pattern is None or fighters is None or trigger.trigger is None or (
            trigger.trigger.role == "patient"):
        return None
    if not pattern.fullmatch(doc.text, sentence.start, trigger.start):
        return None
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    if here == 0:
        return None
    previous = doc.sentences[here - 1]
    named = [s for s in within(doc.sides, previous.start, previous.end)
             if s.label in doc.theater.opponents
             and fighters.search(doc.text, s.start, min(previous.end, s.end + FIGHTER_NOUN))]
    return named[0].label if named else None


SUBJECT_GENITIVE_KINDS = ("advance", "withdrawal")
"""Kinds whose event has no object: a genitive right after its noun is who acts
("продвижение российских войск", "відступ українських підрозділів"), where after a
capture's or an encirclement's noun it is whom the event befalls."""


def _may_be_agent(doc: Analysis, sentence: Sentence, side: Hit,
                  subject_genitive: bool = False) -> bool:
    """Whether a side right after a trigger may be its agent: where the lexicon reads case
    (ru, uk), only a phrase that may be instrumental ("российскими войсками"), not an object
    ("окружили российские подразделения"); an abbreviation ("ВСУ") may be either; and a
    genitive right after the noun of an event with no object (`subject_genitive`)."""
    language = doc.lexicon.morphology
    if doc.lexicon.cases is None or language is None:
        return True
    found = morphology.phrase_cases(
        doc.text[side.start:min(sentence.end, side.end + PHRASE_REACH)], language)
    return not found or "ablt" in found or (subject_genitive and "gent" in found)


def _is_agent_gap(doc: Analysis, start: int, end: int) -> bool:
    pattern = doc.lexicon.agent
    return pattern is not None and bool(pattern.match(doc.text[start:end]))


def resolve_side(doc: Analysis, label: str, claimant_side: str) -> str | None:
    """A side code for a side-name label, resolving "own"/"enemy" against the claimant (an
    outlet that is a side's own channel against that side)."""
    if label in ("own", "enemy") and claimant_side not in doc.theater.opponents:
        claimant_side = doc.kept.get(CHANNEL_SIDE) or claimant_side
    if label == "own":
        return claimant_side if claimant_side in doc.theater.opponents else None
    if label == "enemy":
        return doc.theater.opponent(claimant_side)
    return label if label in doc.theater.opponents else None


def _fallback_side(
    doc: Analysis, kind: str, place: PlaceMention, claimant_side: str, stance: str
) -> str | None:
    """Side when the text names none: from the claimant and from who governs the place."""
    owner = doc.theater.territory.get(place.country or "")
    invader = doc.theater.opponent(owner)
    if kind == "withdrawal":
        return owner
    if kind == "control":
        if stance == "denies":
            return doc.theater.opponent(claimant_side) or invader
        return claimant_side if claimant_side in doc.theater.opponents else invader
    return invader or doc.theater.opponent(claimant_side)


WHOLE_IN_WORDS = 1.0
"""A fraction word's value above this is the whole said without a number (the lexicons'
`value = 2`: "fully", "entièrement", "полностью"); -1 is a part without one ("most of")."""


class Share(NamedTuple):
    """What a control claim's sentence says of how much of its place is held."""

    fraction: float | None
    """The number given (None: none was)."""
    stated: bool
    """Whether a share was stated at all, with or without a number."""
    whole: bool
    """Whether the whole was said in words ("fully under control"), with no number."""


def fraction_of(
    doc: Analysis, sentence: Sentence, trigger: Hit, place: PlaceMention
) -> Share:
    """The share of `place` its control trigger's sentence states."""
    start = max(sentence.start, min(trigger.start, place.start) - FRACTION_WINDOW)
    end = min(sentence.end, max(trigger.end, place.end) + FRACTION_WINDOW)
    hits = within(doc.fractions, start, end)
    if hits:  # (most control claims state no share)
        hits = [h for h in hits if not _share_of_another(doc, h, place)]
    if not hits:
        return Share(None, False, False)
    nearest = min(hits, key=lambda h: min(distance(h, trigger), abs(h.start - place.start)))
    value = nearest.value
    if value is None or value < 0:
        return Share(None, True, False)
    if value > WHOLE_IN_WORDS:
        return Share(None, True, True)
    return Share(value, True, False)


def _share_of_another(doc: Analysis, share: Hit, place: PlaceMention) -> bool:
    """"almost all of A and about 80% of B": a share written right before another place of
    the sentence is that place's."""
    following = starting(doc.places, share.end, share.end + SHARE_GAP)
    return bool(following) and following[0] is not place
