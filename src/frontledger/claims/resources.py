"""Loading the claims stage's knowledge: per-language lexicons and theater files.

Lexicons are the `claims.toml` of each language folder (`frontledger/data/lang/<code>/`,
read through `frontledger.language`) and theaters live in
`frontledger/data/theaters/<id>.toml`; see data/lang/README.md and the comments in those
files for their fields.
Everything here is compiled once and cached.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from frontledger import language as languages
from frontledger.defaults import DEFAULT_THEATER as DEFAULT_THEATER  # re-exported
from frontledger.language import Language
from frontledger.text import compiled
from frontledger.theater import Theater as Theater  # re-exported: claims read sides from it
from frontledger.theater import available_theaters as available_theaters  # re-exported
from frontledger.theater import load_theater as load_theater  # re-exported

FALLBACK_LANGUAGE = languages.FALLBACK_LANGUAGE
_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon pattern that makes a claim of one kind."""

    kind: str
    pattern: re.Pattern[str]
    change: bool = False
    tense: str = "present"
    side: str = "before"
    """Where the acting (or holding) side is named: before, after or nearest."""
    role: str = "actor"
    """actor: the named side acts; patient: the named side suffers it."""
    frame: bool = False
    """The pattern spans a verb's frame ("nahmen … X … ein"): the names inside are its own."""
    regain: bool = False
    """A recovery ("regained ground around X"): with no side named, the side governing the
    place acts, not the one invading it."""
    fall: bool = False
    """A place's fall ("X has fallen", "est tombée", "пал"): with no side named, the side that
    does not govern the place took it (not the claimant's: "X has fallen, a Ukrainian
    officer admitted" is a Russian capture)."""
    needs_side: bool = False
    """A verb others do too ("left the town": residents, trains): a claim only where the text
    names the side that does it."""
    invader_only: bool = False
    """Fighters being in a place ("Russian soldiers are in X"): an advance only by the side
    that does not govern the place; a town's own defenders there claim no advance."""
    pushed: bool = False
    """A verb of driving out ("выбиты из X", "вытеснили"): the side it acts on is the one that
    withdraws, so its grammatical patient is the claim's actor and its agent the opponent."""


@dataclass(frozen=True, slots=True)
class CaseRoles:
    """A language's `[cases]`: the grammemes that make a trigger's word passive, and per voice
    ("active", "passive", "noun") which case of a side's phrase is its agent or patient."""

    passive_marks: frozenset[str]
    kinds: frozenset[str]
    """Kinds of claim whose side is read from case."""
    roles: tuple[tuple[str, str, str], ...]
    """(voice, case, "agent" or "patient")."""

    def role(self, voice: str, cases: frozenset[str]) -> str | None:
        """The one role `cases` may give a side's phrase for a trigger in `voice`, if only one."""
        found = {role for v, case, role in self.roles if v == voice and case in cases}
        return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's compiled patterns (see data/lang/README.md for their meaning)."""

    language: str
    triggers: tuple[Trigger, ...]
    negation: re.Pattern[str]
    intent: re.Pattern[str] | None
    plan: re.Pattern[str] | None
    hypothesis_after: re.Pattern[str] | None
    """A conditional right after an event's noun ("aprirebbe", "würde"): a hypothesis."""
    conditional: re.Pattern[str] | None
    """A conditional or "if" before a trigger, in its clause ("would open the way for Russia
    to advance", "si les Russes prenaient"): a hypothesis."""
    past: re.Pattern[str] | None
    present: re.Pattern[str] | None
    tense_words: int
    present_perfect: re.Pattern[str] | None
    report_time: re.Pattern[str] | None
    """The words before the time a bulletin speaks for ("станом на 22:00", "as of 10 p.m."):
    the day written right after them in the lead dates the whole report."""
    negation_after: re.Pattern[str] | None
    negation_filler: re.Pattern[str] | None
    restriction: re.Pattern[str] | None
    """Matched right after a trigger: the word that makes a negation before it a restriction
    ("ne contrôlent qu'environ 15 %", "non controllano che il 15%"): only, not not."""
    negative_subject: re.Pattern[str] | None
    """A negative determiner and the rest of its noun phrase, ending right before a trigger
    ("Ninguna unidad ucraniana | está rodeada", "No Ukrainian unit | is encircled"): the
    subject's negation negates the trigger."""
    not_claim: re.Pattern[str] | None
    agent: re.Pattern[str] | None
    denial: re.Pattern[str]
    claim_noun: re.Pattern[str]
    spread: re.Pattern[str] | None
    speech_verb: re.Pattern[str]
    speech_preposition: re.Pattern[str]
    speech_postposition: re.Pattern[str] | None
    impersonal: re.Pattern[str]
    speaker_anaphor: re.Pattern[str]
    backward: re.Pattern[str] | None
    anaphoric_preposition: re.Pattern[str] | None
    earlier: re.Pattern[str]
    narration: re.Pattern[str] | None
    background: re.Pattern[str] | None
    citing: re.Pattern[str] | None
    """Prepositions among `speech_preposition` that name the source a relaying speaker of the
    same sentence cites ("citing", "со ссылкой на"): that source speaks, not the relay."""
    """What makes a sentence the outlet's background on a long-running state ("for
    months", "seit Monaten", "вже кілька місяців"), not what a speaker reports."""
    not_speaker: re.Pattern[str] | None
    morphology: str | None
    """pymorphy3 language whose analyser gives speakers' names their base form."""
    cases: CaseRoles | None
    """Which case of a side's phrase makes it a trigger's agent or patient (ru, uk)."""
    place_anaphor: re.Pattern[str]
    settlement: re.Pattern[str] | None
    near: re.Pattern[str] | None
    river: re.Pattern[str] | None
    """Words right before a name that make it a river ("the left bank of the", "rive gauche
    du"): its bank is no place of a claim, and a city of that name is not meant."""
    locative: re.Pattern[str] | None
    """Prepositions that make a country named right after them a location or a target
    ("in Ucraina", "na Ukrainę"), not the acting side."""
    elaboration: re.Pattern[str] | None
    list_intro: re.Pattern[str] | None
    percent: re.Pattern[str]
    ratio: re.Pattern[str]
    fraction_words: tuple[tuple[re.Pattern[str], float], ...]
    actor_pronoun: re.Pattern[str] | None = None
    opposed: re.Pattern[str] | None = None
    """Words ending right before a side's name that make it whom an act is against ("against
    exhausted", "face à des unités", "против", "gegen"): the side suffers the act, so it is
    never the one said to advance, encircle or hold."""
    """A pronoun opening a trigger's clause ("They advanced ..."), read on the text from the
    sentence's start to the trigger: the actor is the fighters the sentence before names first."""
    latter: re.Pattern[str] | None = None
    """Words in a denial that point to the last claim only ("the latter", "quest'ultima
    affermazione", "cette dernière affirmation"): it answers that one, not all before."""
    exception: re.Pattern[str] | None = None
    """Words ending right before a place that take it out of what its list asserts ("took A,
    but not B", "mais pas B", "ma non B"): the claim on that place is denied."""
    not_capture: re.Pattern[str] | None = None
    """The object right after a control trigger when it is people, materiel or an idiom
    ("captured 20 soldiers in X", "took prisoner", "взяли в плен", "захватили в X склад",
    "took part in", "взяли участь"), matched from the trigger's end: no place is taken."""
    attempt_act: re.Pattern[str] | None = None
    """What a trigger, read with the few characters before it, must look like to be the act
    an attempt word governs (German: an infinitive with "zu", "vorzudringen", "zu erobern"),
    searched up to the trigger's end; without it any trigger after the attempt words is."""
    contrast: re.Pattern[str] | None = None
    """A contrast between two acts of one subject ("but", "mais", "sans", "но", "але",
    "aber", "pero", "ma", "ale"): "attacked X but did not advance" is the attack's fighting
    at X, no advance asserted or denied."""
    counter_attack: re.Pattern[str] | None = None
    """A counter-attack's word, searched in an advance trigger's own text ("counter-attacked",
    "контратакували"): beside a repelled attack in its sentence it is the defence's fighting."""
    forecast: re.Pattern[str] | None = None
    """A hedged future or an attempt foretold, ending a few words before a trigger ("will
    likely try to", "are expected to", "попытаются", "cercheranno di", "intentarán"): a
    forecast of fighting, no claim of any kind."""
    attempt: re.Pattern[str] | None = None
    """Words of trying ending right before a trigger ("tried to", "every attempt by Russian
    forces to", "tentent de", "пытаются", "versuchen, ... zu"): the act is fighting at the
    place, a clash, not an advance or a capture that happened."""
    coordination: re.Pattern[str] | None = None
    """What joins two verbs of one negated predicate ("failed to reach the town and hold
    it"), matched on the whole gap between their triggers: the second shares the negation."""
    region_anaphor: re.Pattern[str] | None = None
    pair: re.Pattern[str] | None = None
    """"both villages", "die beiden Dörfer", "les deux villages": the last two settlements
    named before it, one claim each."""
    there: re.Pattern[str] | None = None
    """A locative adverb ("there", "y", "там", "dort"): the last place named in its sentence
    before it or in the sentence before (a town or a region; a town only for control)."""
    pronoun_after: re.Pattern[str] | None = None
    """An object pronoun matched right after a trigger ("retook it in March", "wyzwoliła go
    w listopadzie"): with no place named before it, the one town of the sentence before."""
    pronoun_before: re.Pattern[str] | None = None
    """An object pronoun reaching up to a trigger's start, where the language puts it before
    the verb ("la había recuperado", "l'a reprise", "її звільнили"); with the auxiliary after
    it, which the trigger's own words may open with. Read as `pronoun_after`."""
    """"the region", "la región": the last region named before it (not for control)."""
    settlement_within: re.Pattern[str] | None = None
    """What joins a settlement noun to the place it lies in ("villages in X", "localidades
    en X"), matched on the whole gap: that place only locates them (never a control claim)."""
    settlement_before: re.Pattern[str] | None = None
    """A definite settlement noun ending right before a trigger ("las aldeas capturadas"): the
    trigger describes those settlements, as "the captured villages" does in English."""
    list_separator: re.Pattern[str] | None = None
    """What may stand between two names of one list ("A, B and C"), matched on the whole gap;
    without it, names close enough form a list whatever stands between them."""
    complementizer: re.Pattern[str] | None = None
    """The word that opens a reported clause ("that", "que", "dass", "что"): an inverted
    speaker after a reporting verb is named before it."""
    participle: re.Pattern[str] | None = None
    """Reporting participles among the verbs ("saying", "en affirmant", "добавив", "dodając"),
    matched on a verb cue as a whole: their speaker is the subject named before them."""
    addressee: re.Pattern[str] | None = None
    """Words right before a name after a reporting verb that make it whom the speaker told
    ("told", "in an interview with", "gegenüber der"), ending where the name starts."""
    determiner: re.Pattern[str] | None = None
    """Articles ending right before a trigger ("die Einnahme", "la conquista"): the trigger
    is a noun, so a name before it is the subject of the verb before, not its actor."""
    reported_mood: re.Pattern[str] | None = None
    """The verb forms of reported speech where a language has them (German Konjunktiv I):
    a sentence without them is no relayed statement of the article's principal speaker."""
    partisan: re.Pattern[str] | None = None
    """First-person words for one's own fighters ("наши штурмовики", "наші хлопці", "our
    guys", "nasi żołnierze"): an outlet that writes them in its own voice, and names the
    enemy, is a side's channel and speaks for the side it calls ours."""
    base_forms: tuple[tuple[re.Pattern[str], str], ...] = ()
    rank: re.Pattern[str] | None = None
    """A military rank, or the words that give a call sign ("le capitaine", "il maggiore",
    "kapitan", "командир с позывным"), in lower case: the one capitalised word right after
    it, a first name or a call sign, names a person ("le capitaine Andriï", "командир с
    позывным «Бард»"), as two capitalised words do."""
    local_official: re.Pattern[str] | None = None
    """Titles of a place's own officials and authorities ("governor", "mayor", "regional
    head", "глава администрации", "szef administracji"): a speaker so titled, with no side
    named, speaks for the side governing the place it reports on."""
    takers: tuple[tuple[str, re.Pattern[str]], ...] = ()
    """The `[taker]` kinds of a change of hands, in the order they are tried: (kind, words
    of the trigger that make it so): "recapture", "liberation", "loss"."""

    def taker_of(self, trigger_words: str) -> str:
        """What kind of change of hands a control trigger's words tell: "recapture"
        ("retook"), "liberation" ("liberated", "звільнили"), "loss" ("lost", "втратили"),
        else "capture" (neutral: "captured", "fell", "захвачен")."""
        return next((kind for kind, words in self.takers if words.search(trigger_words)),
                    "capture")
    """Rewrites of a speaker's name into its base form ("rosyjskiego ministerstwa" after
    "według" → "rosyjskie ministerstwo"): a pattern on the name's start and its replacement."""
    self_report: re.Pattern[str] | None = None
    """What makes a statement its speaker's own act ("riferisce di aver impiegato razzi",
    "erklärte, X beschossen zu haben"): with no side named, the speaker's side acts."""
    list_break: re.Pattern[str] | None = None
    """Words that part two names into two clauses ("A ist B", "A könnte B"): auxiliaries and
    modal verbs, which stand between names in verb-second and verb-final clauses."""
    relative: re.Pattern[str] | None = None
    """A relative word (with the noun it may be put in apposition with) right after a place
    ("X, where", "X, area in cui", "X, wo", "X, где"): a trigger of the relative clause it
    opens, with no place of its own after it, is about that place, even one that only
    locates another."""
    direction: re.Pattern[str] | None = None
    """The word right after a town's name or adjective that makes it a front direction's
    ("на Лиманському напрямку", "в Сумском направлении"), matched at the name's end: a
    direction is a claim's place only when the trigger names no other ("advanced near X
    in the Y direction" is about X)."""
    bearing: re.Pattern[str] | None = None
    """A compass bearing right before a name ("au sud-est de", "к юго-востоку от"): the name
    is a reference point that locates another place, never the place held or left."""
    origin: re.Pattern[str] | None = None
    """Words ending right before a name that make it a person's home or a unit's base ("a
    native of", "stationed in", "уроженец", "stationiert in"): never a claim's place."""
    source: re.Pattern[str] | None = None
    """Words ending right before a name that make it where an attack, fire or push comes from
    ("attacking from", "launched from the", "depuis", "из", "з боку"): the fight, strike or
    advance is elsewhere, so the name is never the place of such a claim (a withdrawal or a
    capture "from X" is about X: those kinds do not read it)."""
    direction_before: re.Pattern[str] | None = None
    """Words ending right before a name that make it a front's direction or sector ("la
    direction de", "kierunku"): the name locates a stretch of front, never a place held."""
    direction_after: re.Pattern[str] | None = None
    """Words right after a name that make it a front's direction or sector ("the Pokrovsk
    sector", "на Покровском направлении"), matched from the name's end."""
    road_before: re.Pattern[str] | None = None
    """A road's noun ending right before the first of two names that name it ("the highway
    between", "трассу", "die Straße von"): neither name is a claim's place."""
    road_after: re.Pattern[str] | None = None
    """A road's noun right after the second of two names ("the X-Y highway")."""
    road_link: re.Pattern[str] | None = None
    """What joins the two names of a road, matched on the whole gap ("-", " — ", " and ")."""
    range_from: re.Pattern[str] | None = None
    """The word ending right before the first end of a range of places ("from", "від", "от")."""
    range_to: re.Pattern[str] | None = None
    """What joins the two ends of a range of places ("from A to B", "від A до B"), matched on
    the whole gap: the ends only bound a stretch of front, where no fight is placed."""
    territory: re.Pattern[str] | None = None
    """Nouns of territory ("territory", "Staatsgebiet", "территория"): a side's adjective
    right next to one says whose land it is ("of Ukrainian territory"), not who acts."""
    conditional_lead: re.Pattern[str] | None = None
    """A condition that opens a sentence ("Если X падёт, ...", "If X falls, ..."), matched at
    its start: the events of its first clause, the consequence's too, are hypothetical."""
    caption: re.Pattern[str] | None = None
    """What makes a short paragraph a photo caption ("Photo:", "in this handout picture",
    "Foto: dpa", "Фото:"), searched on the paragraph alone: it claims nothing."""
    outage_word: re.Pattern[str] | None = None
    """Words telling a strike's consequence anywhere in a sentence ("without power", "lost
    power", "обесточены", "ohne Strom"): its strikes and fights take only the places named
    right at their trigger."""
    outage: re.Pattern[str] | None = None
    """A consequence phrase whose object follows ("leaving A without power", "cut off power
    to A", "без света остались A"): a place inside it, or the list right after it, only
    suffers a strike's consequence and is no claim's place."""
    outage_after: re.Pattern[str] | None = None
    """A consequence predicate whose subject precedes ("A and B were left without power",
    "A остался без света"): the list right before it only suffers a strike's consequence."""
    present_form: re.Pattern[str] | None = None
    """A present form in a trigger's own words ("are losing control", "opuszczają"): a
    trigger whose `tense` is past tells an ongoing state or move there, not a past event."""


def _read(folder: str, name: str) -> dict[str, Any] | None:
    path = resources.files("frontledger") / "data" / folder / f"{name}.toml"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _compile(pattern: str) -> re.Pattern[str]:
    return compiled.compile(pattern, _FLAGS)


def _optional(pattern: str | None) -> re.Pattern[str] | None:
    return _compile(pattern) if pattern else None


def load_lexicon(language: str | None) -> Lexicon:
    """The lexicon of `language`; English when there is no file for it."""
    found = languages.find(language or FALLBACK_LANGUAGE)
    if found is None or not found.has("claims"):
        found = languages.language(FALLBACK_LANGUAGE)
    return _lexicon(found)


@cache
def _lexicon(lang: Language) -> Lexicon:
    data = lang.claims
    stance, speech, places, fraction = (
        data["stance"], data["attribution"], data["places"], data["fraction"]
    )
    return Lexicon(
        language=data["language"],
        triggers=tuple(_trigger(entry) for entry in data["trigger"]),
        negation=_compile(stance["negation"]),
        intent=_optional(stance.get("intent")),
        plan=_optional(stance.get("plan")),
        hypothesis_after=_optional(stance.get("hypothesis_after")),
        conditional=_optional(stance.get("conditional")),
        past=_optional(stance.get("past")),
        present=_optional(stance.get("present")),
        tense_words=int(stance.get("tense_words", 2)),
        present_perfect=_optional(stance.get("present_perfect")),
        report_time=_optional(stance.get("report_time")),
        negation_after=_optional(stance.get("negation_after")),
        restriction=_optional(stance.get("restriction")),
        negation_filler=_gap_of(stance.get("negation_filler")),
        negative_subject=_optional(stance.get("negative_subject")),
        not_claim=_optional(stance.get("not_claim")),
        agent=_optional(stance.get("agent")),
        denial=_compile(stance["denial"]),
        claim_noun=_compile(stance["claim_noun"]),
        spread=_optional(stance.get("spread")),
        speech_verb=_compile(speech["verb"]),
        speech_preposition=_compile(speech["preposition"]),
        speech_postposition=_optional(speech.get("postposition")),
        impersonal=_compile(speech["impersonal"]),
        speaker_anaphor=_compile(speech["anaphor"]),
        backward=_optional(speech.get("backward")),
        anaphoric_preposition=_optional(speech.get("anaphoric_preposition")),
        earlier=_compile(speech["earlier"]),
        narration=_optional(speech.get("narration")),
        background=_optional(speech.get("background")),
        citing=_optional(speech.get("citing")),
        not_speaker=_optional(speech.get("not_speaker")),
        morphology=speech.get("morphology"),
        cases=_case_roles(data.get("cases")),
        actor_pronoun=_optional(speech.get("actor_pronoun")),
        opposed=_optional(speech.get("opposed")),
        self_report=_optional(speech.get("self_report")),
        complementizer=_optional(speech.get("complementizer")),
        participle=_optional(speech.get("participle")),
        addressee=_before_name(speech.get("addressee")),
        reported_mood=_optional(speech.get("reported_mood")),
        partisan=_optional(speech.get("partisan")),
        rank=_optional(speech.get("rank")),
        determiner=_optional(speech.get("determiner")),
        local_official=_optional(speech.get("local_official")),
        place_anaphor=_compile(places["anaphor"]),
        settlement=_optional(places.get("settlement")),
        near=_optional(places.get("near")),
        river=_optional(places.get("river")),
        locative=_optional(places.get("locative")),
        elaboration=_optional(places.get("elaboration")),
        list_intro=_optional(places.get("list_intro")),
        list_break=_optional(places.get("list_break")),
        relative=_optional(places.get("relative")),
        bearing=_optional(places.get("bearing")),
        direction=_optional(places.get("direction")),
        outage=_optional(places.get("outage")),
        outage_word=_optional(places.get("outage_word")),
        conditional_lead=_optional(stance.get("conditional_lead")),
        caption=_optional(stance.get("caption")),
        territory=_optional(places.get("territory")),
        origin=_optional(places.get("origin")),
        source=_optional(places.get("source")),
        direction_before=_optional(places.get("direction_before")),
        direction_after=_optional(places.get("direction_after")),
        road_before=_optional(places.get("road_before")),
        road_after=_optional(places.get("road_after")),
        road_link=_optional(places.get("road_link")),
        range_from=_optional(places.get("range_from")),
        range_to=_optional(places.get("range_to")),
        outage_after=_optional(places.get("outage_after")),
        present_form=_optional(stance.get("present_form")),
        coordination=_optional(stance.get("coordination")),
        exception=_optional(stance.get("exception")),
        latter=_optional(stance.get("latter")),
        attempt=_optional(stance.get("attempt")),
        forecast=_optional(stance.get("forecast")),
        attempt_act=_optional(stance.get("attempt_act")),
        counter_attack=_optional(stance.get("counter_attack")),
        contrast=_optional(stance.get("contrast")),
        not_capture=_optional(stance.get("not_capture")),
        region_anaphor=_optional(places.get("region_anaphor")),
        pair=_optional(places.get("pair")),
        there=_optional(places.get("there")),
        pronoun_after=_optional(places.get("pronoun_after")),
        pronoun_before=_optional(places.get("pronoun_before")),
        settlement_within=_optional(places.get("settlement_within")),
        settlement_before=_optional(places.get("settlement_before")),
        list_separator=_optional(places.get("list_separator")),
        percent=_compile(fraction["percent"]),
        ratio=_compile(fraction["ratio"]),
        fraction_words=tuple(
            (_compile(word["pattern"]), float(word["value"])) for word in fraction["word"]
        ),
        base_forms=tuple(
            (re.compile(entry["pattern"]), entry["replace"])
            for entry in data.get("base_form", [])
        ),
        takers=tuple((kind, _compile(data["taker"][kind])) for kind in TAKER_KINDS
                     if kind in data.get("taker", {})),
    )


TAKER_KINDS = ("recapture", "liberation", "loss")
"""The `[taker]` keys, in the order a trigger's words are tried ("recaptured" is a
recapture before it is a capture; "liberated" names no loss)."""


def _before_name(words: str | None) -> re.Pattern[str] | None:
    """A pattern for `words` that end right before a name (only an article's apostrophe
    or spaces between), searched on the text that ends where the name starts."""
    return _compile(rf"(?:{words})[\s'’]*$") if words else None


def _gap_of(words: str | None) -> re.Pattern[str] | None:
    """A pattern matching a run of `words` (and spaces) as a whole, for `fullmatch`."""
    return _compile(rf"(?:\s*(?:{words})(?!\w))*\s*") if words else None


def _trigger(entry: dict[str, Any]) -> Trigger:
    return Trigger(
        kind=entry["kind"],
        pattern=_compile(entry["pattern"]),
        change=bool(entry.get("change", False)),
        tense=entry.get("tense", "present"),
        side=entry.get("side", "before"),
        role=entry.get("role", "actor"),
        frame=bool(entry.get("frame", False)),
        regain=bool(entry.get("regain", False)),
        fall=bool(entry.get("fall", False)),
        needs_side=bool(entry.get("needs_side", False)),
        invader_only=bool(entry.get("invader_only", False)),
        pushed=bool(entry.get("pushed", False)),
    )


def _case_roles(entry: dict[str, Any] | None) -> CaseRoles | None:
    if entry is None:
        return None
    roles = tuple((voice, case, role) for voice in ("active", "passive", "noun")
                  for case, role in entry.get(voice, {}).items())
    return CaseRoles(passive_marks=frozenset(entry["passive_marks"]),
                     kinds=frozenset(entry["kinds"]), roles=roles)
