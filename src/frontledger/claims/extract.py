"""The claims stage: who claims which side holds, took, attacks, encircles, left or struck where.

Reads: a Document and its PlaceMentions (from the places stage, or passed in).
Adds: Claims — claimant and side, kind, place, acting/holding side, stance, fraction,
date and the sentence that says it.

How it reads a sentence (every word list is in the language's lexicon file, every name of a
side in the theater file):
1. triggers ("captured", "освободили", "encerclés") give the claim's kind;
2. each trigger takes the places after it (a list: "took A, B and C"), or the nearest
   place before it, or the place a common noun ("the city") points back to;
3. the side is the one named before/after the trigger (per trigger), with "the enemy"
   and "our troops" resolved against the claimant, and a fallback from who governs the place;
4. the claimant is who a reporting verb or "according to" names (nearest before the trigger,
   else after), carried over from the previous sentence of the paragraph or a quotation, an
   unattributed report, or else the outlet itself;
5. a negation right before the trigger, or a denial word near it, makes it `denies`; the
   author of a denied claim ("Moscow's statements that ...") also gets the `asserts` claim;
6. dates: a date in the sentence, else the date of the statement it belongs to, else the
   published date for present-tense states and denials.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

import msgspec

from frontledger.budget import check_budget
from frontledger.claims.analysis import (
    CHANNEL_SIDE,
    OWNER_WINDOW,
    TIME_STAMP,
    Analysis,
    analyse,
    distance,
    evidence_of,
    may_begin,
    overlaps_any,
    paragraphs,
    starting,
    starts_of,
    within,
)
from frontledger.claims.attribution import (
    attribute_backwards,
    attribute_closing,
    attribute_restated,
    channel_side,
    default_speaker,
    denier,
    in_phrase,
    local_voice,
    partisan_outlet,
    principal_speaker,
    quotation_speaker,
    remember,
    settle_sides,
    speaker_for,
    speakers_of,
)
from frontledger.claims.binding import (
    PHRASE_REACH,
    actor_side,
    bound_places,
    claimable,
    fraction_of,
    front_direction,
    is_locator,
    near_place,
    resolve_side,
    side_named,
)
from frontledger.claims.dateline import in_dateline
from frontledger.claims.dating import answered_claim_date, claim_date, denial_date
from frontledger.claims.morphology import finite_verb, future_verb, phrase_cases
from frontledger.claims.resources import DEFAULT_THEATER, load_theater
from frontledger.claims.scan import Hit
from frontledger.claims.speaker_names import (
    UNATTRIBUTED,
    UNKNOWN,
    Speaker,
    State,
    name_in_base_form,
)
from frontledger.records import Claim, Document, PlaceMention
from frontledger.text.sentences import Sentence, closes_quotation, opens_quotation

# Distances in characters, set by reading the constructions of the hand-written fixtures
# (tests/fixtures/claims) and checked with `frontledger eval`.
NEGATION_WINDOW = 45
"""A negation at most this far before a trigger turns it into a denial (wide enough for
"n'est toujours pas complètement sous contrôle") ..."""
NEGATION_WORDS = 0
"""... with at most this many words between ("ne sont nullement encerclées", "do not hold"),
or only the lexicon's `negation_filler` words."""
QUOTATION_SENTENCES = 3
"""How many sentences after a quoted denial's are read for the places its quotation names
(a denial, the speaker's own account and one more, before the reporting verb)."""
DENIAL_WINDOW = 120
"""A denial word reaches the nearest trigger at most this far away."""
ELABORATION_REACH = 3
""""It concerns A, B, C" refers to the claims of at most this many sentences back."""
MAX_WORD = 30
"""Longest word read after a side adjective ("військами")."""
DENIAL_REACH = 2
"""A denial with no claim of its own ("Kyiv dismissed the claims") answers the claims of at
most this many sentences back (a quotation's last line may stand between)."""
STATEMENT_REACH = 3
"""A side's statement runs over at most this many sentences before the one whose claims a
denial answers ("Moscow said it took A. Its units also improved their positions near B.
Kyiv denied it."): the denial answers the whole statement (and, of it, the capture); set
from invented wire copy, where a ministry's bulletin is a lead and one or two sentences of
detail."""
DENIER_GAP = 5
"""A side is the subject of a denial with no reporting verb at most this many words before
it ("Kyiv refuted this", "Kijów nazwał to kłamstwem", "Kiev ha definito la notizia una
falsità": 5); further away it is rather the one accused ("Russia keeps trying to sway
foreign governments with disinformation": 8)."""
ANSWER_REACH = 6
"""A denial that names what it answers ("called the Russian reports of the capture a lie")
reaches back at most this many sentences to the claims it answers: an article states a
claim and, after a few sentences of context on it, the other side's answer; set from the
invented fixtures (a claim, two or three sentences of context, the answer) with room for
a quotation of two or three sentences between."""
COMPLEMENTIZER_GAP = 8
"""Room for a comma and spaces between a reporting verb and the complementizer that opens
its clause ("podał, że", "precisó que")."""
INTENT_WINDOW = 25
"""An intention word ("trying to", "pour") at most this far before a control trigger."""
HYPOTHESIS_WINDOW = 45
"""A conditional verb at most this far after a trigger makes its event a hypothesis ("the
capture of the town of X would open"); set from the invented fixtures' noun phrases."""
_CLAUSE_BREAK = re.compile(r"[,;:()–—]")
CONDITIONAL_WINDOW = 60
"""A conditional ("would open the way for Russia to advance", "позволило бы ... продвинуться",
"si les Russes prenaient") at most this far before a trigger, in its clause: the distance
from "would" to "advance" in such phrases is 25-45 characters; 60 keeps to one clause."""
_CLAUSE_END = re.compile(r"[;:—–()]")
FORECAST_WINDOW = 45
"""A forecast's words end at most this far before the trigger they foretell: "will most
likely try to " is 25 characters, "вероятно, в ближайшие недели попытаются " 40 (invented
fixtures in eight languages); further away they belong to another clause."""

_CLOSING = " \t\"'»”“’)]"

# Confidence: a start value plus evidence of structure; kept below 1 for a rule system.
BASE_CONFIDENCE = 0.5
NAMED_SPEAKER_BONUS = 0.2
EXPLICIT_SIDE_BONUS = 0.15
DATE_BONUS = 0.05
COPIED_DENIAL_CONFIDENCE = 0.45


def extract(
    document: Document,
    places: list[PlaceMention] | None = None,
    *,
    theater: str = DEFAULT_THEATER,
) -> list[Claim]:
    """The claims `document` makes; `places` default to the places stage's geoparse."""
    if places is None:
        from frontledger.places import geoparse  # late: the places stage loads its index

        places = geoparse(document.text, document.language)
    doc = analyse(document, places, load_theater(theater))
    doc.kept[CHANNEL_SIDE] = channel_side(doc)
    claims, _ = _read(doc, principal_speaker(doc))
    titles = headings(doc)
    return deduplicate(partisan_outlet(doc, settle_sides(_entries_told(doc, claims, titles),
                                                         doc)),
                       outlet=doc.outlet, lead=lead_end(doc), headings=titles)


def _entries_told(doc: Analysis, claims: list[Claim], titles: frozenset[int]) -> list[Claim]:
    """Without the claims of a live blog's entry title whose entry, the paragraph right
    under it, makes claims of its own ("+++ 09:30 +++ Moscow: two villages taken" over the
    ministry's bulletin naming them): the title retells its entry in a few words, and what
    it names (a region for its villages, "attack" for a drone strike) is the entry's gist,
    not a further claim; one the entry retells stays, for `deduplicate` to weigh. A
    headline with no time keeps its claims."""
    if not titles or not claims:
        return claims
    groups = paragraphs(doc)
    entries: dict[int, set[tuple[object, ...]]] = {}
    for sentence in doc.sentences:
        if sentence.start in titles and TIME_STAMP.match(sentence.text):  # a timed entry
            entry = groups.get(sentence.paragraph + 1, ())
            if entry:
                entries[sentence.start] = {_key(c)[:4] for c in claims
                                           if entry[0].start <= c.evidence.start < entry[-1].end}
    return [c for c in claims if not entries.get(c.evidence.start)
            or _key(c)[:4] in entries[c.evidence.start]]


def _read(doc: Analysis, principal: Speaker | None) -> tuple[list[Claim], State]:
    claims: list[Claim] = []
    state = State(principal=principal)
    captions = _captions(doc)
    for sentence in doc.sentences:
        check_budget()
        if sentence.start not in captions:
            claims.extend(_sentence_claims(doc, sentence, state, claims))
    return claims, state


CAPTION_SENTENCES = 3
"""A photo caption is a paragraph of at most this many sentences ("FILE PHOTO: A tank in X,
June 5, 2024. REUTERS/Name/File Photo" splits into 2-3); a longer one is body text."""


def _captions(doc: Analysis) -> set[int]:
    """The starts of the sentences that caption a photo (the lexicon's `caption`: "Photo:",
    "in this handout picture", "Foto: dpa", "REUTERS/"): they show an old scene, they claim
    nothing. A short paragraph that is a caption, or the part of one from a sentence that
    opens as a caption ("Interview by X. Photo: the ruined centre of Y, April 2024.")."""
    pattern = doc.lexicon.caption
    if pattern is None:
        return set()
    muted: set[int] = set()
    for group in paragraphs(doc).values():
        if len(group) > CAPTION_SENTENCES:
            continue
        if pattern.search(doc.text[group[0].start:group[-1].end]) is not None:
            muted.update(s.start for s in group)
            continue
        opening = next((k for k, s in enumerate(group[1:], 1)
                        if pattern.match(s.text) is not None), None)
        if opening is not None:
            muted.update(s.start for s in group[opening:])
    return muted




def deduplicate(claims: list[Claim], *, outlet: str | None = None,
                lead: int = 0, headings: frozenset[int] = frozenset()) -> list[Claim]:
    """None by the outlet in its lead (text before offset `lead`: headline and standfirst)
    or in a heading (a sentence starting at an offset in `headings`: a live blog's entry
    title) that only retells a claim the article attributes to someone, nor a denial in a
    heading that the body makes with the same claimant side; none by a named voice of
    unknown side that repeats a claim a known side makes, same share (it adds no side to
    weigh; an unattributed report, "according to several media", is other sources);
    then one claim per (place, kind, side, stance, claimant side, and denier), the most
    confident (the body's rather than the lead's). The outlet's own narration in the body
    stays its claim (the ledger does not count it as a second voice: see
    `ledger.timeline.relayed`)."""
    # each claim with its key, worked out once: the steps below compare claims by it
    keyed = [(c, _key(c)) for c in claims]
    attributed = {k[:4] for c, k in keyed if c.claimant != outlet}
    # a heading's own denier ("09:40 | Kyiv: no unit is encircled") retells its entry's
    # denial, which the entry's fuller name for that side makes ("the army's spokesman
    # said"): not a second denier (`_denier_voices`; an assertion merges below anyway)
    told = {k for c, k in keyed if c.evidence.start not in headings} if headings else set()
    keyed = [(c, k) for c, k in keyed if not (
        (c.claimant == outlet and (c.evidence.start < lead or c.evidence.start in headings)
         and k[:4] in attributed)
        or (c.stance == "denies" and c.evidence.start in headings and k in told))]
    sided = {_content(c, k) for c, k in keyed if c.claimant_side != "unknown"}
    keyed = [(c, k) for c, k in keyed if c.claimant_side != "unknown"
             or c.claimant == UNATTRIBUTED or _content(c, k) not in sided]
    voices = _denier_voices([c for c, _ in keyed])
    voiced = [(c, (*k, voices.get(id(c)))) for c, k in keyed]
    best: dict[tuple[object, ...], Claim] = {}
    for claim, key in voiced:
        if key not in best or _rank(claim, lead) > _rank(best[key], lead):
            best[key] = claim
    return [c for c, key in voiced if best[key] is c]


def _rank(claim: Claim, lead: int) -> tuple[bool, float, bool]:
    """Of two tellings of one claim, a dated one wins over an undated one, whatever their
    confidence (the body's "on Tuesday the ministry said its troops had taken X" over a
    headline's or a recap's "Russian troops took X": a retelling drops the time, never adds
    one); then the surer; then, equally sure, the body's over the headline's: the body says
    when and how, a headline keeps only the gist."""
    return claim.date is not None, claim.confidence, claim.evidence.start >= lead


def _content(claim: Claim, key: tuple[object, ...]) -> tuple[object, ...]:
    """What a claim says (its `_key` given), whoever says it: a voice repeating it says the
    same."""
    return (*key[:4], claim.fraction)


def _key(claim: Claim) -> tuple[object, ...]:
    return (_place_key(claim.place), claim.kind, claim.actor_side, claim.stance,
            claim.claimant_side)


VOICE_STEM = 6
"""Leading letters of a claimant's words compared to tell one denier named twice ("Ukraine's
General Staff", "the General Staff") from two ("the president's office", "Governor X")."""


def _denier_voices(claims: list[Claim]) -> dict[int, int]:
    """For each denial, which voice of its side denies it: two deniers of one side whose
    names share no word are two denials; names sharing a word are one denier."""
    voices: dict[int, int] = {}
    named: dict[tuple[object, ...], list[set[str]]] = {}
    for claim in claims:
        if claim.stance != "denies":
            continue
        stems = {w[:VOICE_STEM].lower() for w in re.findall(r"\w+", claim.claimant)
                 if len(w) >= VOICE_STEM}
        known = named.setdefault(_key(claim), [])
        index = next((i for i, k in enumerate(known) if not stems or k & stems), None)
        if index is None:
            known.append(stems)
            index = len(known) - 1
        else:
            known[index] |= stems
        voices[id(claim)] = index
    return voices


def lead_end(doc: Analysis) -> int:
    """Where the article's lead ends: its first paragraph (a headline, a standfirst), when
    more paragraphs follow, up to a sentence that tells history ("earlier": the outlet's
    own background, see `deduplicate`); 0 for a text of one paragraph."""
    first = doc.sentences[0].paragraph if doc.sentences else None
    if first is None or doc.sentences[-1].paragraph == first:
        return 0
    end = doc.sentences[0].start
    for sentence in doc.sentences:
        if sentence.paragraph != first or within(doc.earlier, sentence.start, sentence.end):
            break
        end = sentence.end
    return end


def headings(doc: Analysis) -> frozenset[int]:
    """Where the article's headings start: a paragraph of one sentence that ends in no stop
    and is followed by more text ("Verletzte nach Drohnenangriff auf Charkiw" over a live
    blog's entry, "LYMAN" over a digest's section) titles what follows, as a headline does
    (narrower than `dating.heading`, which also dates two-sentence sub-headings)."""
    sentences = doc.sentences
    return frozenset(
        s.start for i, s in enumerate(sentences[:-1])
        if sentences[i + 1].paragraph != s.paragraph
        and (i == 0 or sentences[i - 1].paragraph != s.paragraph) and _unstopped(s))


def _unstopped(sentence: Sentence) -> bool:
    """Whether a sentence ends in no stop: a heading's or a title's line."""
    return not sentence.text.rstrip(_CLOSING).endswith((".", "!", "?", "…"))


def _place_key(place: PlaceMention) -> object:
    return place.geonameid if place.geonameid is not None else (place.name.lower(), place.kind)


def _sentence_claims(
    doc: Analysis, sentence: Sentence, state: State, done: list[Claim]
) -> list[Claim]:
    speakers = speakers_of(doc, sentence, state)
    attribute_backwards(doc, sentence, speakers, state, done)
    claims: list[Claim] = []
    asked = sentence.text.rstrip(_CLOSING).endswith("?")  # a question claims nothing
    triggers = [] if asked else within(doc.triggers, sentence.start, sentence.end)
    # A sentence with no trigger needs no default speaker (a third of a report's sentences),
    # except in a quotation, whose speaker `default_speaker` reads ahead: what that reading
    # remembers (`State.full_names`) stays the same. Nor does one with a speaker of its own
    # (three in four with a trigger): its triggers take that speaker (`speaker_for`), so
    # only the quotation's reading ahead is done, and the outlet's checks are skipped.
    if triggers or state.in_quotation or opens_quotation(sentence.text):
        default = (quotation_speaker(doc, sentence, state) if speakers
                   else default_speaker(doc, sentence, speakers, state))
        for trigger in triggers:
            claims.extend(_trigger_claims(doc, sentence, trigger, speakers, default, done))
        if claims:
            claims = _without_denied_entries(claims)
    if not claims or _unanswered_denial(doc, sentence, claims):
        claims = claims + _copied_denials(doc, sentence, speakers, state, done)
    else:
        claims = claims + _denied_reports(doc, sentence, claims, done)
    if not claims:
        claims = _elaborated(doc, sentence, speakers, state)
    if not claims:
        attribute_restated(doc, sentence, speakers, state, done)
    attribute_closing(doc, sentence, speakers, done, claims)
    if claims:
        state.previous, state.previous_age = claims, 0
        state.previous_cued = any(s.named for s in speakers)
    else:
        state.previous_age += 1
    remember(doc, state, sentence, speakers)
    return claims


def _without_denied_entries(claims: list[Claim]) -> list[Claim]:
    """"failed to break into X and dig in there", "не змогли зайти в X і закріпитися": a
    denied entry beside the denied hold of the same place, side and claimant is one denial,
    of control (the eval rules annotate the control alone)."""
    held = {(_place_key(c.place), c.actor_side, c.claimant) for c in claims
            if c.kind == "control" and c.stance == "denies"}
    if not held:
        return claims
    return [c for c in claims if not (c.kind == "advance" and c.stance == "denies" and (
        _place_key(c.place), c.actor_side, c.claimant) in held)]


def _unanswered_denial(doc: Analysis, sentence: Sentence, claims: list[Claim]) -> bool:
    """"Kyiv denied these claims and said its troops hold X", "È falso: X è nostro", "confirmed
    the advance near A, and called the reports about B unconfirmed": the sentence asserts
    something of its own, while its denial reaches none of its triggers and so answers
    earlier claims."""
    denials = within(doc.denials, sentence.start, sentence.end)
    return bool(denials) and all(c.stance == "asserts" for c in claims) and any(
        _new_statement(doc, d.end, sentence.end) or _account_follows(doc, sentence, d)
        or _denied_report_between(doc, sentence.start, d.start) for d in denials)


def _denied_reports(
    doc: Analysis, sentence: Sentence, claims: list[Claim], done: list[Claim]
) -> list[Claim]:
    """"X is not encircled, and the stories about Y are fiction": beside the sentence's own
    denial, a second one whose object is a report about a place none of its claims is about
    answers the latest claims about that place (at most ANSWER_REACH sentences back), in
    the voice of the sentence's own denial."""
    own = next((c for c in claims if c.stance == "denies"), None)
    if own is None or own.claimant_side not in doc.theater.opponents:
        return []
    reported = _reported_places(doc, sentence)
    about = {_place_key(c.place) for c in claims}
    named = {key for key in reported if key not in about}
    if not named:
        return []
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    earliest = doc.sentences[max(0, here - ANSWER_REACH)].start
    latest = _capture_first([
        c for c in done if c.evidence.start >= earliest and c.stance == "asserts"
        and _place_key(c.place) in named and c.kind in _DENIABLE
        and c.claimant_side not in (own.claimant_side, "other")
        and not _own_hold(c, own.claimant_side)])
    speaker = Speaker(own.claimant, own.claimant_side, sentence.start)
    return _denied(doc, sentence, speaker, latest)


def _reported_places(doc: Analysis, sentence: Sentence) -> set[object]:
    """The places named as the object of a report that a denial of the sentence denies
    ("the stories about Y are fiction"): after a claim noun, before the denial, with no
    trigger between (a report that tells an event is the trigger's own denial)."""
    keys: set[object] = set()
    for denial in within(doc.denials, sentence.start, sentence.end):
        for noun in within(doc.claim_nouns, sentence.start, denial.start):
            if not within(doc.triggers, noun.end, denial.start):
                keys.update(_place_key(p) for p in within(doc.places, noun.end, denial.start))
    return keys


def _account_follows(doc: Analysis, sentence: Sentence, denial: Hit) -> bool:
    """"C'est un mensonge : X est sous notre contrôle": a denial closed by a colon, with no
    trigger between them, answers earlier claims; the speaker's own account follows."""
    colon = doc.text.find(":", denial.end, sentence.end)
    return colon >= 0 and not within(doc.triggers, denial.end, colon)


def _trigger_claims(
    doc: Analysis,
    sentence: Sentence,
    trigger: Hit,
    speakers: list[Speaker],
    default: Speaker | None,
    done: list[Claim],
) -> list[Claim]:
    """The claims one trigger makes; `default` (see `speaker_for`) may be None only where
    the sentence has `speakers` of its own."""
    places = _trigger_places(doc, sentence, trigger, speakers)
    if not places:
        return _placeless_denial(doc, sentence, trigger, speakers, default, done)
    speaker = speaker_for(trigger, speakers, default, doc)
    denial = _denial_for(doc, sentence, trigger)
    failed = _failed_attack(doc, sentence, trigger)
    if failed:
        trigger = msgspec.structs.replace(trigger, label="clash")
    stance = "denies" if denial is not None or (
        not failed and _negated(doc, sentence, trigger)) else "asserts"
    reporter = speaker
    if denial is not None:
        speaker = _denial_subject(doc, trigger, denial) or _sided_denier(
            doc, sentence, denial, denier(speakers, denial, speaker))
    claims: list[Claim] = []
    counters: list[Claim] = []
    for place in places:
        claim = _claim(doc, sentence, trigger, place, speaker,
                       "denies" if _excepted(doc, place) else stance, speakers)
        if claim is None:
            continue
        claims.append(claim)
        if (reporter.named and reporter.side != speaker.side and reporter.name != speaker.name
                and stance == "denies"):
            claims.append(replace(claim, claimant=reporter.name, claimant_side=reporter.side,
                                  stance="asserts", confidence=COPIED_DENIAL_CONFIDENCE))
        elif denial is not None:  # (only a denial has an owner to assert)
            claims.extend(_owner_assertion(doc, sentence, denial, claim))
        if denial is not None and not _negated(doc, sentence, trigger):
            counters.extend(_counter_claim(doc, sentence, trigger, claim, [*speakers, speaker]))
    if stance == "asserts":
        return claims
    return [answered_claim_date(doc, sentence, trigger, c) for c in claims] + counters


EXCEPTION_REACH = 30
"""How far before a place its exception words are read ("mais pas à la ", "ma non nella ": 13
characters, with room for a longer article)."""


def _excepted(doc: Analysis, place: PlaceMention) -> bool:
    """"Russian forces hold half of A, but not B": the place after the lexicon's `exception`
    words is taken out of what its list asserts."""
    pattern = doc.lexicon.exception
    return pattern is not None and pattern.search(
        doc.text, max(0, place.start - EXCEPTION_REACH), place.start) is not None


def _trigger_places(
    doc: Analysis, sentence: Sentence, trigger: Hit, speakers: list[Speaker]
) -> list[PlaceMention]:
    """The trigger's places outside its speaker's phrase: where the only places bound are in
    that phrase ("X hätten Kupjansk eingenommen, hieß es in Moskau": a verb-final trigger
    reads the place after it first), the trigger binds again without them."""
    bound = bound_places(doc, sentence, trigger)
    places = [p for p in bound if not in_phrase(doc, sentence, p, speakers)]
    if places or not bound:
        return places
    again = bound_places(doc, sentence, trigger, frozenset(p.start for p in bound))
    return [p for p in again if not in_phrase(doc, sentence, p, speakers)]


def _counter_claim(
    doc: Analysis, sentence: Sentence, trigger: Hit, claim: Claim, speakers: list[Speaker]
) -> list[Claim]:
    """"That is a lie, the city is under Ukrainian control": a denier that names its own side
    as the holder denies the other side's hold and asserts its own (a side that only speaks
    there, "... the capture, which the Ukrainian command denied", holds nothing)."""
    if claim.kind != "control" or claim.stance != "denies":
        return []
    hit = side_named(doc, sentence, trigger, [s.span for s in speakers if s.span is not None])
    if hit is None or hit.label != claim.claimant_side:
        return []  # "its troops", "our forces" may be the other side's, as reported
    return [replace(claim, actor_side=hit.label, stance="asserts", change=False)]


def _negated(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    start = max(sentence.start, trigger.start - NEGATION_WINDOW)
    between = within(doc.negations, start, trigger.start)
    if between and any(_same_clause(doc.text, n.end, trigger.start)
           and _negation_gap(doc, doc.text[n.end:trigger.start]) for n in between):
        return not _restricted(doc, sentence, trigger)
    subject = doc.lexicon.negative_subject
    if between and subject is not None and subject.search(doc.text, start, trigger.start):
        return True  # "Ninguna unidad ucraniana está rodeada": the subject is negated
    after = doc.lexicon.negation_after
    found = after.match(doc.text[trigger.end:sentence.end]) if after is not None else None
    # "ont attaqué X mais n'ont pas réussi à ...": a negation past a contrast is another act's
    if found is not None and not _contrasted(doc, trigger.end, trigger.end + found.end()):
        return True
    return _negated_inside(doc, trigger) or _coordinated_negation(doc, sentence, trigger)


def _restricted(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"ne contrôlent qu'environ 15 % de X": the negation before the trigger closes on a
    restriction after it, and the claim holds, for the share it names."""
    restriction = doc.lexicon.restriction
    return restriction is not None and restriction.match(
        doc.text[trigger.end:sentence.end]) is not None


def _negated_inside(doc: Analysis, trigger: Hit) -> bool:
    """"X sei nicht eingekesselt", "sind nicht umzingelt": a trigger that spans an auxiliary
    and its participle holds the negation between them, right before its last word."""
    last = doc.text.rfind(" ", trigger.start, trigger.end) + 1
    inside = within(doc.negations, trigger.start + 1, last) if last else []
    return bool(inside) and _negation_gap(doc, doc.text[inside[-1].end:last])


FAILURE_REACH = 80
"""How far apart an attack and the failed advance joined to it by a contrast may stand:
"attacked the village of X five times overnight but did not " is 60 characters from the
end of "attacked" to "advance", 80 keeps to one sentence's pair of verbs."""


def _failed_attack(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"attacked X but did not advance", "ont attaqué X sans réussir à avancer", "атаковали
    X, но прорваться не смогли": an advance that failed, joined by the lexicon's `contrast`
    to an attack of the same sentence, is that attack's fighting at the place, a clash (the
    eval rules annotate no advance there, asserted or denied); so is an advance whose own
    failure follows it that way ("stormed X but could not break through")."""
    if trigger.label != "advance" or doc.lexicon.contrast is None:
        return False
    if _failed(doc, sentence, trigger):
        start = max(sentence.start, trigger.start - FAILURE_REACH)
        earlier = [t for t in within(doc.triggers, start, trigger.start)
                   if t.label in ("clash", "advance")]
        return bool(earlier) and _contrasted(doc, earlier[-1].end, trigger.start) and (
            not _own_goal(doc, sentence, earlier[-1], trigger))
    later = [t for t in starting(doc.triggers, trigger.end,
                                 min(sentence.end, trigger.end + FAILURE_REACH))
             if t.label == "advance"]
    return bool(later) and _contrasted(doc, trigger.end, later[0].start) and _failed(
        doc, sentence, later[0]) and not _own_goal(doc, sentence, trigger, later[0])


def _own_goal(doc: Analysis, sentence: Sentence, first: Hit, failed: Hit) -> bool:
    """"advanced north of A but did not reach B", "ont progressé près de A mais n'ont pas
    atteint B": a failed advance toward a place of its own, which the first act did not
    name, is no failure of that act but a second claim (an advance denied at B); the
    first stands as said."""
    later = starting(doc.triggers, failed.end, sentence.end)
    end = later[0].start if later else sentence.end
    clause = _GOAL_END.search(doc.text, failed.end, end)
    goals = within(doc.places, failed.end, clause.start() if clause else end)
    named = {p.name for p in within(doc.places, first.end, failed.start)}
    return any(p.name not in named and claimable(doc, p) for p in goals)


_GOAL_END = re.compile(r"[,;:(—–]")
"""Where a failed advance's own goal ends: its clause ("..., the brigade said")."""


def _failed(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """A negated advance, the negation before it or, with a verb of succeeding, right after
    it ("прорваться не смогли", "vorzudringen nicht vermocht")."""
    if _negated(doc, sentence, trigger):
        return True
    filler = doc.lexicon.negation_filler
    after = starting(doc.negations, trigger.end, min(sentence.end, trigger.end + 2))
    if filler is None or not after:
        return False
    word = _NEXT_WORD.match(doc.text, after[0].end, sentence.end)
    return word is not None and filler.fullmatch(word.group(1).lower()) is not None


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _contrasted(doc: Analysis, start: int, end: int) -> bool:
    """Whether the lexicon's `contrast` joins two acts between `start` and `end`, with no
    side named after it (a new subject: "attacked X, but Ukrainian units did not ...")."""
    pattern = doc.lexicon.contrast
    found = pattern.search(doc.text, start, end) if pattern is not None else None
    return found is not None and not within(doc.sides, found.end(), end)


def _coordinated_negation(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"failed to enter the town and hold it", "no lograron entrar en X ni mantenerla":
    a verb joined to a negated one shares its negation."""
    pattern = doc.lexicon.coordination
    if pattern is None:
        return False
    start = max(sentence.start, trigger.start - NEGATION_WINDOW)
    earlier = within(doc.triggers, start, trigger.start)
    if not earlier:
        return _modal_negation(doc, start, trigger, pattern)
    if pattern.fullmatch(doc.text, earlier[-1].end, trigger.start) is None:
        return False
    return _negated(doc, sentence, earlier[-1])


_WORD_END = re.compile(r"\S(?=\s)")


def _modal_negation(doc: Analysis, start: int, trigger: Hit, joined: re.Pattern[str]) -> bool:
    """"не удалось войти в X и удержать его", "konnten nicht in X eindringen und es halten": a
    negated modal ("не удалось", "konnten nicht", the lexicon's `negation_filler` words)
    governs two verbs joined by `coordination`, the first one no trigger of its own."""
    filler = doc.lexicon.negation_filler
    if filler is None:
        return False
    for negation in within(doc.negations, start, trigger.start):
        gap = doc.text[negation.end:trigger.start]
        if any(mark in gap for mark in ",;:—()"):
            continue
        before = doc.text[max(0, negation.start - MAX_WORD):negation.start].split()
        if before and filler.fullmatch(before[-1].lower()) and joined.fullmatch(gap):
            return True  # "konnten nicht ... und"
        for end in _WORD_END.finditer(gap):
            head = gap[:end.end()]
            if head.strip() and filler.fullmatch(head.lower()) and joined.fullmatch(gap, end.end()):
                return True  # "не удалось ... и"
    return False


def _negation_gap(doc: Analysis, gap: str) -> bool:
    """Whether a negation reaches over `gap` to its trigger: at most NEGATION_WORDS words,
    or only the lexicon's fillers ("not yet fully", "n'est pas entièrement")."""
    if len(gap.split()) <= NEGATION_WORDS:
        return True
    filler = doc.lexicon.negation_filler
    return filler is not None and filler.fullmatch(gap.lower()) is not None


def _same_clause(text: str, start: int, end: int) -> bool:
    return not any(mark in text[start:end] for mark in ",;:—()")


def _denial_for(doc: Analysis, sentence: Sentence, trigger: Hit) -> Hit | None:
    """The denial word that reaches `trigger`: the first trigger after it, else the last before
    (but not over a report about a place that the denial has for object: "confirmed only the
    advance near A, and called the reports about B unconfirmed"). A colon after a denial
    ("C'est un mensonge : X est sous notre contrôle", "È falso: i nostri tengono X") opens
    the speaker's own account, which the denial does not reach."""
    denials = within(doc.denials, sentence.start, sentence.end)
    if not denials:
        return None  # (nine triggers in ten: no need of the sentence's triggers)
    triggers = within(doc.triggers, sentence.start, sentence.end)
    for denial in denials:
        after = [t for t in triggers if t.start >= denial.end
                 and t.start - denial.end <= DENIAL_WINDOW
                 and ":" not in doc.text[denial.end:t.start]
                 and not _new_statement(doc, denial.end, t.start)]
        before = [t for t in triggers if t.end <= denial.start
                  and denial.start - t.end <= DENIAL_WINDOW
                  and ";" not in doc.text[t.end:denial.start]
                  and not _denied_report_between(doc, t.end, denial.start)]
        reached = _reached(doc, denial, before, after)
        if reached is trigger or (reached is not None and _one_phrase(doc, reached, trigger)):
            return denial
    return None


def _denied_report_between(doc: Analysis, start: int, end: int) -> bool:
    """Whether a report about a place stands between a trigger and the denial after it ("...,
    а заяви про Іванопілля назвали непідтвердженими"): the denial's own object."""
    return any(within(doc.places, noun.end, end) for noun in within(doc.claim_nouns, start, end))


def _new_statement(doc: Analysis, start: int, end: int) -> bool:
    """"Kyiv denied the claims and said its troops hold X": a reporting verb joined to the
    denial ("and said") opens a statement of its own, which the denial does not reach ("false,
    like the report ... asserting that X was surrounded" is the claim denied)."""
    joined = doc.lexicon.coordination
    return (joined is not None and any(
        c.label == "verb" and joined.fullmatch(doc.text, start, c.start) is not None
        for c in within(doc.cues, start, end))) or _reported_anew(doc, start, end) or (
        _participle_after(doc, start, end)
        or _DENIAL_THEN_COLON.match(doc.text, start, end) is not None)


def _participle_after(doc: Analysis, start: int, end: int) -> bool:
    """"DeepState did not confirm it, noting only fighting on the town's edge", "этого не
    подтвердили, отметив лишь бои", "denied the claims, saying its troops hold X": a
    reporting participle that opens the clause right after the denial (its object at most
    between) tells what the denier says instead, which the denial does not reach."""
    participle = doc.lexicon.participle
    if participle is None:
        return False
    return any(c.label == "verb" and participle.search(doc.text, c.start, c.end) is not None
               and _DENIAL_OBJECT.fullmatch(doc.text, start, c.start) is not None
               for c in within(doc.cues, start, end))


_DENIAL_THEN_COLON = re.compile(r"[^:;.!?«»\"]{0,12}:")
"""A colon right after a denial ("Это не так: бои идут в частном секторе", "Not true: our
troops hold the town"): what follows is what the denier says instead, a statement the
denial does not reach (it answers the claim before it)."""
_DENIAL_OBJECT = re.compile(r"(?:\s+[\w'’«»\"-]+){0,3}\s*,\s*")
"""What may stand between a denial and a participle that opens a statement of its own: the
denial's object in at most three words ("the claims", "these reports"), then a comma."""


def _reported_anew(doc: Analysis, start: int, end: int) -> bool:
    """"«A fabrication», it said in a statement, in which it specified that eight clashes
    were fought near X": after the denial's own reporting verb, a second one that opens its
    own reported clause (right before the complementizer, "precisó que", "dodał, że")
    starts a statement the denial does not reach. A denial verb ("denied that") is the denial's own;
    a participle ("false, what he told Putin, asserting that X is surrounded") tells the
    claim denied."""
    complementizer, participle = doc.lexicon.complementizer, doc.lexicon.participle
    if complementizer is None:
        return False
    denials = within(doc.denials, start, end)
    verbs = [cue for cue in within(doc.cues, start, end) if cue.label == "verb"
             and not any(d.start < cue.end and cue.start < d.end for d in denials)]
    for cue in verbs[1:]:  # the first is the denial's own ("«False», it said")
        if participle is not None and participle.search(doc.text, cue.start, cue.end):
            continue
        gap = doc.text[cue.end:cue.end + COMPLEMENTIZER_GAP]
        found = complementizer.search(gap)
        if found is not None and not gap[:found.start()].strip(" ,"):
            return True
    return False


def _one_phrase(doc: Analysis, a: Hit, b: Hit) -> bool:
    """Two triggers of one kind written as one phrase ("tombés aux mains des Russes"): a
    denial of one is a denial of the other."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return a.label == b.label and not doc.text[first.end:second.start].strip()


def _reached(doc: Analysis, denial: Hit, before: list[Hit], after: list[Hit]) -> Hit | None:
    """A denial reaches forward over a claim noun ("rejected the claim that ..."), else the
    nearest trigger on either side."""
    nouns = within(doc.claim_nouns, denial.end, denial.end + OWNER_WINDOW)
    if after and nouns and nouns[0].start < after[0].start:
        return after[0]
    options = before[-1:] + after[:1]
    return min(options, key=lambda t: distance(t, denial)) if options else None


def _denial_subject(doc: Analysis, trigger: Hit, denial: Hit) -> Speaker | None:
    """"Moscow announced the capture of X, which Kyiv denies", "что Киев отрицает", "однако
    Киев это отрицает": a side named right before a denial word after the claim (at most
    DENIER_GAP words before it, in a clause of its own, no reporting verb needed) is who
    denies it, not the speaker who made the claim."""
    if denial.start < trigger.end:
        return None
    sides = [s for s in within(doc.speaker_sides, trigger.end, denial.start)
             if s.label in doc.theater.opponents]
    if not sides or len(doc.text[sides[-1].end:denial.start].split()) > DENIER_GAP:
        return _denial_agent(doc, denial)
    side = sides[-1]
    if not _CLAUSE_BREAK.search(doc.text, trigger.end, side.start):
        return None  # "reports that X is held by Russian troops are false": the holder
    name = name_in_base_form(doc, doc.text[side.start:side.end], side.start)
    return Speaker(name, side.label, denial.start, span=(side.start, side.end))


AGENT_REACH = 25
"""How far after a denial word its passive agent's name may start ("rejected by the ",
"contestée par ", "smentita da parte del ": 22 characters)."""


def _denial_agent(doc: Analysis, denial: Hit) -> Speaker | None:
    """"..., a claim swiftly rejected by Kyiv", "une annonce contestée par Kiev", "co zostało
    zdementowane przez Kijów": a side named right after a denial word, joined by the
    lexicon's passive `agent` word, is who denies; where case alone marks the agent (ru, uk:
    "опровергнуто Киевом"), only a phrase that may be instrumental is (a genitive right
    after a denial is its author's: "вигадка російської пропаганди")."""
    agent = doc.lexicon.agent
    after = starting(doc.speaker_sides, denial.end, denial.end + AGENT_REACH)
    if agent is None or not after or after[0].label not in doc.theater.opponents:
        return None
    side = after[0]
    gap = doc.text[denial.end:side.start]
    if agent.match(gap) is None or not (gap.strip() or _instrumental(doc, side)):
        return None  # no agent word nor case: "вигадка російської пропаганди" is its author
    name = name_in_base_form(doc, doc.text[side.start:side.end], side.start)
    return Speaker(name, side.label, denial.start, span=(side.start, side.end))


def _instrumental(doc: Analysis, side: Hit) -> bool:
    """Whether a side's phrase may stand in the instrumental, the passive agent's case
    ("опровергнуто Киевом", "спростовано українськими військовими"), where the lexicon
    reads case (an abbreviation, "ЗСУ", may be any case: not read)."""
    language = doc.lexicon.morphology
    if doc.lexicon.cases is None or language is None:
        return False
    return "ablt" in phrase_cases(doc.text[side.start:side.end + PHRASE_REACH], language)


def _sided_denier(doc: Analysis, sentence: Sentence, denial: Hit, speaker: Speaker) -> Speaker:
    """"Russian reports of ... were rejected by the command": a named denier of one side's
    claim whose own side the text does not give speaks for the other side."""
    if not speaker.named or speaker.side != UNKNOWN:
        return speaker
    owners = _claim_owners(doc, sentence, denial)
    side = doc.theater.opponent(owners[0].label) if owners else None
    return msgspec.structs.replace(speaker, side=side) if side else speaker


def _claim_owners(doc: Analysis, sentence: Sentence, denial: Hit) -> list[Hit]:
    """Sides named as the authors of the claims a denial answers ("Moscow's claims")."""
    nouns = [n for n in within(doc.claim_nouns, sentence.start, sentence.end)
             if distance(n, denial) <= DENIAL_WINDOW]
    return [s for noun in nouns
            for s in within(doc.sides, noun.start - OWNER_WINDOW, noun.end + OWNER_WINDOW)
            if s.label in doc.theater.opponents and s.start >= sentence.start]


def _owner_assertion(
    doc: Analysis, sentence: Sentence, denial: Hit | None, claim: Claim
) -> list[Claim]:
    """For "X denied Moscow's claims that ...", Moscow's own `asserts` claim."""
    if denial is None or claim.stance != "denies":
        return []
    for owner in _claim_owners(doc, sentence, denial):
        if (_fighting_adjective(doc, owner) or _bare_adjective(doc, owner)
                or _holder_adjective(doc, owner)):
            continue
        side = resolve_side(doc, owner.label, claim.claimant_side)
        if side and side != claim.claimant_side:
            owner = _owner_name(doc, owner)
            name = name_in_base_form(doc, doc.text[owner.start:owner.end], owner.start)
            return [replace(claim, claimant=name, claimant_side=side, stance="asserts",
                            confidence=COPIED_DENIAL_CONFIDENCE)]
    return []


def _fighting_adjective(doc: Analysis, owner: Hit) -> bool:
    """"о захвате Торецка российскими войсками", "the Russian invaders' claims": an adjective
    of the fighters who did it (or who claim it), not a voice that can author a claim."""
    fighters = doc.lexicon.not_speaker
    if fighters is None:
        return False
    before = doc.text[max(0, owner.start - MAX_WORD):owner.start].rstrip()
    if any(m.end() == len(before) for m in fighters.finditer(before)):
        return True  # "los invasores rusos": the noun before its adjective
    return bool(fighters.match(doc.text, owner.end + 1, owner.end + 1 + MAX_WORD))


def _holder_adjective(doc: Analysis, owner: Hit) -> bool:
    """"the claim of Russian control over X", "la afirmación sobre el control ruso de X": a
    side named right next to the trigger is who is said to hold the place, not who says so."""
    return bool(starting(doc.triggers, owner.end, owner.end + 2)) or overlaps_any(
        owner, doc.triggers)


def _bare_adjective(doc: Analysis, owner: Hit) -> bool:
    """"Russische Behauptungen ... wies X zurück", "российские заявления": a side's adjective
    right before the claim noun, with no body or person of that side named, is no claimant
    of its own; only the denial is a claim."""
    if _owner_name(doc, owner) is not owner:
        return False
    return any(not doc.text[owner.end:n.start].strip()
               for n in starting(doc.claim_nouns, owner.end, owner.end + MAX_WORD))


def _owner_name(doc: Analysis, owner: Hit) -> Hit:
    """"твердження начальника російського Генштабу Валерія Герасимова": the named body or
    person of the owner's side after an adjective names the claim's author."""
    if not doc.text[owner.start:owner.end].islower():
        return owner
    named = [s for s in starting(doc.sides, owner.end, owner.end + OWNER_WINDOW)
             if s.label == owner.label and not doc.text[s.start:s.end].islower()]
    return named[0] if named else owner


def _copied_denials(
    doc: Analysis, sentence: Sentence, speakers: list[Speaker], state: State,
    done: list[Claim],
) -> list[Claim]:
    """"Kyiv denied this": the latest claims (at most DENIAL_REACH sentences back), denied by
    this speaker; "called the Russian claims about the capture a lie": a denial that names
    what it answers reaches further back (see `_answered`)."""
    denials = within(doc.denials, sentence.start, sentence.end)
    if not denials or not sentence.text.rstrip(_CLOSING).endswith((".", "!")):
        return []  # a heading ("10:30 - Kyiv denies") names its topic; the body denies
    named = [s for s in speakers if s.named] or _subject_of_denial(doc, sentence, denials)
    quoted = None
    if not named:
        # '"This is a lie. X is ours," the commander wrote': a quotation's speaker, named
        # where it closes in a later sentence, denies from its first sentence on
        quoted = quotation_speaker(doc, sentence, state)
        named = [quoted] if quoted is not None else []
    if named and all(s.anaphoric for s in named):
        # "Информация опровергнута украинской стороной": the passive's agent, not the last
        # speaker a bare reporting verb points back to
        agent = _denial_agent(doc, denials[0])
        named = [agent] if agent is not None else named
    if not named:
        return []
    recent = state.previous if state.previous and (
        state.previous_age - _headings_since(doc, state.previous, sentence) < DENIAL_REACH) else []
    if recent:
        recent = _whole_statement(doc, sentence, recent, done)
    # "«What Gerasimov says about X is not true», the command replied": the one cited inside
    # the denial is whom it answers, not who denies
    authors = {c.claimant_side for c in recent}
    speaker = next((s for s in named if s.side not in authors), named[0])
    sided = authors & set(doc.theater.opponents)
    if speaker.side == UNKNOWN and len(sided) == 1 and recent:
        # "В Генштабе это назвали ложью" right after one side's claims: a body of no side
        # named that denies them speaks for the other side
        speaker = msgspec.structs.replace(
            speaker, side=doc.theater.opponent(next(iter(sided))) or UNKNOWN)
    answered = _about_named_places(doc, sentence, speaker, recent or _answered(
        doc, sentence, speaker, done), done)
    deniable = _capture_first([
        claim for claim in answered
        if claim.stance == "asserts" and claim.claimant_side != speaker.side
        and claim.kind in _DENIABLE and not _own_hold(claim, speaker.side)])
    if quoted is not None and deniable:
        deniable = _quoted_about(doc, sentence, deniable)
    latter = doc.lexicon.latter
    if deniable and latter is not None and latter.search(doc.text, sentence.start, sentence.end):
        # "Kiev smentisce anche quest'ultima affermazione": the claim named last in the text
        deniable = [max(deniable, key=lambda c: (c.evidence.start, c.place.start))]
    return _denied(doc, sentence, speaker, deniable)


def _quoted_about(doc: Analysis, sentence: Sentence, deniable: list[Claim]) -> list[Claim]:
    """'"It is false. Our soldiers hold A," the spokesman replied': a quoted denial answers
    the claims about the places the rest of its quotation names, where it names some."""
    here = bisect.bisect_right(starts_of(doc.sentences), sentence.start)
    named: set[object] = set()
    for later in doc.sentences[here:here + QUOTATION_SENTENCES]:
        named.update(_place_key(p) for p in within(doc.places, later.start, later.end))
        if closes_quotation(later.text):
            break
    return [c for c in deniable if _place_key(c.place) in named] or deniable


def _headings_since(doc: Analysis, claims: list[Claim], sentence: Sentence) -> int:
    """Headings between the claims' sentence and `sentence` ("10:40 - Kyiv denies" in a live
    report): no sentences of the body, so a denial after one still answers the claims."""
    start = max(c.evidence.end for c in claims)
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    there = bisect.bisect_left(starts_of(doc.sentences), start)
    return sum(1 for s in doc.sentences[there:here] if _unstopped(s))


def _whole_statement(
    doc: Analysis, sentence: Sentence, recent: list[Claim], done: list[Claim]
) -> list[Claim]:
    """The latest claims and those before them that the same speaker asserted in the
    sentences just before (at most STATEMENT_REACH back, with no other speaker's claim
    between): one statement, which a denial answers as a whole. A second voice of the same
    side ("a war blogger goes further: ...") is a statement of its own."""
    side, claimant = recent[0].claimant_side, recent[0].claimant
    if side not in doc.theater.opponents or any(
            (c.claimant_side, c.claimant) != (side, claimant) for c in recent):
        return recent
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    body = [s for s in doc.sentences[max(0, here - 2 * STATEMENT_REACH):here]
            if s.text.rstrip(_CLOSING).endswith((".", "!", "?", "…"))]  # headings aside
    earliest = body[-STATEMENT_REACH].start if len(body) >= STATEMENT_REACH else (
        doc.sentences[max(0, here - 2 * STATEMENT_REACH)].start)
    first = min(c.evidence.start for c in recent)
    before: list[Claim] = []
    for claim in reversed(done):
        if claim.evidence.start >= first:
            continue
        if claim.evidence.start < earliest or (claim.claimant_side, claim.claimant) != (
                side, claimant):
            break
        before.append(claim)
    return before[::-1] + recent if before else recent


def _about_named_places(
    doc: Analysis, sentence: Sentence, speaker: Speaker, answered: list[Claim],
    done: list[Claim],
) -> list[Claim]:
    """"What Gerasimov says about Kupiansk is not true": a denial that names places answers
    the claims about them, at most ANSWER_REACH sentences back, rather than the latest
    claims about other places; with none about them, the latest claims."""
    named = {_place_key(p) for p in within(doc.places, sentence.start, sentence.end)}
    if not named:
        return answered
    about = [c for c in answered if _place_key(c.place) in named]
    if about:
        return about
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    earliest = doc.sentences[max(0, here - ANSWER_REACH)].start
    latest = [c for c in done if c.evidence.start >= earliest and c.stance == "asserts"
              and _place_key(c.place) in named
              and c.claimant_side not in (speaker.side, "other")]
    return latest or answered


def _capture_first(answered: list[Claim]) -> list[Claim]:
    """"The offensive towards K has liberated C" — "Kyiv rejected Moscow's statements": a
    denial of statements that tell a capture answers the capture, not the advance that led
    to it."""
    if any(c.kind == "control" and c.change for c in answered):
        return [c for c in answered if c.kind != "advance"]
    return answered


_DENIABLE = ("control", "encirclement", "advance")


def _own_hold(claim: Claim, denier_side: str) -> bool:
    """"X said it took the city, admitting Ukrainian soldiers were still in part of it":
    Kyiv, dismissing X's claims, does not deny that its own side holds ground."""
    return claim.kind == "control" and claim.actor_side == denier_side


def _subject_of_denial(doc: Analysis, sentence: Sentence, denials: list[Hit]) -> list[Speaker]:
    """"Kyiv refuted this", "Kiev lo calificó de mentira": the denial is the speech act
    itself, with no reporting verb; the side named before it in the sentence is who speaks."""
    if not sentence.text.rstrip(_CLOSING).endswith((".", "!")):
        return []  # a headline names its topic; the article's body says who denies what
    sides = [s for s in within(doc.speaker_sides, sentence.start, denials[0].start)
             if s.label in doc.theater.opponents]
    if not sides or len(doc.text[sides[-1].end:denials[0].start].split()) > DENIER_GAP:
        # "Это опровергнуто Киевом", "information rejected by Kyiv": the passive's agent
        agent = _denial_agent(doc, denials[0])
        return [agent] if agent is not None else []
    side = sides[-1]
    name = name_in_base_form(doc, doc.text[side.start:side.end], side.start)
    return [Speaker(name, side.label, denials[0].start, span=(side.start, side.end))]


def _denied(
    doc: Analysis, sentence: Sentence, speaker: Speaker, answered: list[Claim]
) -> list[Claim]:
    """`answered`, denied by `speaker` in `sentence` (on the day it spoke, when written)."""
    evidence = evidence_of(doc, sentence)
    here = bisect.bisect_right(starts_of(doc.sentences), sentence.start)
    following = doc.sentences[here] if here < len(doc.sentences) else None
    if following is not None and following.paragraph != sentence.paragraph:
        following = None  # a new paragraph is a new statement
    when = denial_date(doc, sentence, speaker, following)
    return [
        replace(claim, claimant=speaker.name, claimant_side=speaker.side, stance="denies",
                evidence=evidence, confidence=COPIED_DENIAL_CONFIDENCE,
                date=when.value if when else None,
                date_precision=when.precision if when else None)
        for claim in answered
    ]


def _answered(
    doc: Analysis, sentence: Sentence, speaker: Speaker, done: list[Claim]
) -> list[Claim]:
    """The claims a denial points back to by naming them: a claim noun ("the reports",
    "die Meldung aus Moskau") or an event with no place of its own ("the claims about the
    capture"), of the event's kind when one is named and of the side named as their
    author when one is (see `_latest_asserted`)."""
    triggers = within(doc.triggers, sentence.start, sentence.end)
    nouns = within(doc.claim_nouns, sentence.start, sentence.end)
    if not triggers and not nouns:
        return []
    kinds = {t.label for t in triggers} & set(_DENIABLE) or set(_DENIABLE)
    authors = {s.label for s in within(doc.sides, sentence.start, sentence.end)
               if s.label in doc.theater.opponents and s.label != speaker.side}
    return _latest_asserted(doc, sentence, speaker.side, kinds, authors, done)


def _latest_asserted(
    doc: Analysis, sentence: Sentence, denier_side: str, kinds: set[str], authors: set[str],
    done: list[Claim],
) -> list[Claim]:
    """The latest asserted claims of `kinds` by a side other than the denier's (one of
    `authors` when given; never the outlet's own narration), at most ANSWER_REACH sentences
    back: all those of the one sentence that made them."""
    here = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    earliest = doc.sentences[max(0, here - ANSWER_REACH)].start
    candidates = [c for c in done if c.evidence.start >= earliest and c.stance == "asserts"
                  and c.kind in kinds and c.claimant_side not in (denier_side, "other")
                  and (not authors or c.claimant_side in authors)
                  and not _own_hold(c, denier_side)]
    if not candidates:
        return []
    latest = candidates[-1].evidence.start
    return [c for c in candidates if c.evidence.start == latest]


def _placeless_denial(
    doc: Analysis, sentence: Sentence, trigger: Hit, speakers: list[Speaker],
    default: Speaker | None, done: list[Claim],
) -> list[Claim]:
    """"Kyiv denies that its soldiers are encircled": a denied event that names no place
    answers the latest claim of its kind by another side, and takes its places."""
    if trigger.label not in _DENIABLE:
        return []
    denial = _denial_for(doc, sentence, trigger)
    if denial is None and not _negated(doc, sentence, trigger):
        return []
    speaker = speaker_for(trigger, speakers, default, doc)
    if denial is not None:
        speaker = _sided_denier(doc, sentence, denial, denier(speakers, denial, speaker))
    if not speaker.named or speaker.side not in doc.theater.opponents:
        return []
    answered = _latest_asserted(doc, sentence, speaker.side, {trigger.label}, set(), done)
    return _denied(doc, sentence, speaker, answered)


def _elaborated(
    doc: Analysis, sentence: Sentence, speakers: list[Speaker], state: State
) -> list[Claim]:
    """"It concerns A, B and C": the previous claim, for each place listed here."""
    pattern = doc.lexicon.elaboration
    if pattern is None or not state.previous or not pattern.search(sentence.text):
        return []
    own_triggers = within(doc.triggers, sentence.start, sentence.end)
    if state.previous_age >= ELABORATION_REACH or own_triggers:
        return []
    model = state.previous[0]
    named = [s for s in speakers if s.named]
    places = [p for p in within(doc.places, sentence.start, sentence.end)
              if claimable(doc, p) and not is_locator(doc, p, model.kind)]
    claims = [replace(model, place=p, evidence=evidence_of(doc, sentence)) for p in places]
    if named:
        claims = [replace(c, claimant=named[0].name, claimant_side=named[0].side) for c in claims]
    return claims


def _claim(
    doc: Analysis,
    sentence: Sentence,
    trigger: Hit,
    place: PlaceMention,
    speaker: Speaker,
    stance: str,
    speakers: list[Speaker],
) -> Claim | None:
    if _forecast(doc, sentence, trigger):
        return None  # "will likely try to advance on X", "попытаются продвинуться к X"
    if trigger.label in ATTEMPT_KINDS and (_attempted(doc, sentence, trigger)
                                           or _defence(doc, sentence, trigger)):
        trigger = msgspec.structs.replace(trigger, label="clash")
    assert trigger.trigger is not None
    speaker = local_voice(doc, speaker, place)
    kind = trigger.label
    fraction, partial, whole = (fraction_of(doc, sentence, trigger, place)
                                if kind == "control" else (None, False, False))
    if kind == "control" and (near_place(doc, place) or front_direction(doc, place)
                              or _intended(doc, sentence, trigger)
                              or _not_a_capture(doc, sentence, trigger)):
        return None
    if kind == "control" and place.kind == "region" and not partial:
        return None  # "gaining ground across the region", "a village in the X region"
    if _in_dateline(doc, sentence, place):
        return None
    if kind != "clash" and (_planned(doc, sentence, trigger) or _foretold(doc, trigger)
                            or _conditional(doc, sentence, trigger)
                            or _hypothetical(doc, sentence, trigger)):
        return None
    # fighting that is both planned and conditional ("Russia could try to advance on X next
    # year", "könnte ... angreifen") has not happened; either alone may tell fighting under
    # way ("are preparing to storm X", "werden seit Monaten umkämpft")
    if kind == "clash" and _planned(doc, sentence, trigger) and _conditional(
            doc, sentence, trigger):
        return None
    # a speaker is not the actor of what it reports ("Kyiv reported drone strikes"), except
    # for control, where a side mostly announces its own captures; a fall is never the
    # speaker's own ("X has fallen, a Ukrainian officer admitted"), nor is a speaker named
    # after its verb that follows the clause ("X захвачен, признали украинские военные")
    voices = [s.span for s in speakers
              if s.span is not None
              and (kind != "control" or trigger.trigger.fall or _cited(doc, s)
                   or trigger.end <= s.position < s.span[0])] if speakers else []
    side, explicit = actor_side(doc, sentence, trigger, place, speaker.side, stance, voices)
    own_act = (stance == "asserts" and _self_report(doc, speaker, trigger)
               and (not explicit or _named_by_speaker(doc, sentence, trigger, speaker, voices)))
    if own_act and kind != "clash":  # fighting has no acting side (the eval rules' clash)
        side = speaker.side
    if trigger.trigger.needs_side and not (explicit or own_act):
        return None  # "residents left the town"
    if trigger.trigger.invader_only and side == doc.theater.territory.get(place.country or ""):
        return None  # "Ukrainian soldiers are in X", of a Ukrainian town: its defenders
    when = claim_date(doc, sentence, trigger, speaker, stance, place)
    confidence = BASE_CONFIDENCE
    confidence += NAMED_SPEAKER_BONUS if speaker.named else 0.0
    confidence += EXPLICIT_SIDE_BONUS if explicit else 0.0
    confidence += DATE_BONUS if when is not None else 0.0
    return Claim(
        claimant=speaker.name,
        claimant_side=speaker.side,
        kind=kind,  # type: ignore[arg-type]
        place=place,
        actor_side=side,
        stance=stance,  # type: ignore[arg-type]
        evidence=evidence_of(doc, sentence),
        fraction=fraction,
        date=when.value if when else None,
        date_precision=when.precision if when else None,
        confidence=round(confidence, 2),
        change=trigger.trigger.change and not (partial and not whole and fraction != 1.0),
    )


SELF_REPORT_REACH = 12
"""The self-report words may follow the trigger by at most this much: the longest written
after it in the lexicons, " zu haben" (9 characters, "beschossen zu haben"), with room."""


def _self_report(doc: Analysis, speaker: Speaker, trigger: Hit) -> bool:
    """"Moscow reports having used rockets against X", "Kiew erklärte, X beschossen zu haben":
    a speaker of one side telling of its own act (the lexicon's `self_report` words between
    its reporting verb and just after the trigger) is the side that acts."""
    pattern = doc.lexicon.self_report
    if pattern is None or not speaker.named or speaker.side not in doc.theater.opponents:
        return False
    cues = starting(doc.cues, speaker.position, speaker.position + 1)
    if not cues or cues[0].end > trigger.start:
        return False
    end = min(trigger.end + SELF_REPORT_REACH, len(doc.text))
    return pattern.search(doc.text, cues[0].end, end) is not None


def _cited(doc: Analysis, speaker: Speaker) -> bool:
    """"nach ukrainischen Angaben", "según fuentes rusas": a side's unnamed sources are where
    the claim comes from, never the side said to hold the place."""
    cues = starting(doc.cues, speaker.position, speaker.position + 1)
    return bool(cues) and cues[0].label == "impersonal"


def _named_by_speaker(doc: Analysis, sentence: Sentence, trigger: Hit, speaker: Speaker,
                      voices: list[tuple[int, int]]) -> bool:
    """"Pro-Kyiv fighters, made up of Russians hostile to the Kremlin, say they have
    entered X": in a speaker's account of its own act, a side named before its reporting
    verb describes the speaker, and does not outrank it as the actor."""
    hit = side_named(doc, sentence, trigger, voices)
    return hit is not None and hit.end <= speaker.position


def _in_dateline(doc: Analysis, sentence: Sentence, place: PlaceMention) -> bool:
    """"KYIV, Nov 20 (Reuters) - ...": the place a wire report is filed from, and anything in
    its date, is where the report was written (see `claims.dateline`), also when the
    dateline is a sentence of its own before the trigger's ("МОСКВА, 14 октября. /ТАСС/.")."""
    if place.start < sentence.start:
        at = bisect.bisect_right(starts_of(doc.sentences), place.start) - 1
        sentence = doc.sentences[max(at, 0)]
    return in_dateline(doc, sentence, place.start)


def _before_trigger(doc: Analysis, pattern: re.Pattern[str] | None, sentence: Sentence,
                    trigger: Hit) -> bool:
    """Whether `pattern` matches the words right before a trigger (INTENT_WINDOW characters
    of its sentence), searched only where it may begin."""
    start = max(sentence.start, trigger.start - INTENT_WINDOW)
    return (pattern is not None and may_begin(doc, pattern, start, trigger.start)
            and pattern.search(doc.text[start:trigger.start].rstrip(" ")) is not None)


def _planned(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"is preparing a spring offensive", "could take": a plan or forecast, not a claim."""
    return _before_trigger(doc, doc.lexicon.plan, sentence, trigger)


FORETOLD_KINDS = ("control", "encirclement", "withdrawal", "advance")
"""Kinds whose perfective future is read as a forecast (fighting and strikes told in the
future are left to the lexicon's `plan` words)."""


def _forecast(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"Russian forces will likely try to advance on X", "попытаются продвинуться к X",
    "cercheranno di avanzare": fighting foretold, not told (an attempt would otherwise make
    it a clash, which a plan alone does not stop)."""
    pattern = doc.lexicon.forecast
    if pattern is None:
        return False
    start = max(sentence.start, trigger.start - FORECAST_WINDOW)
    # a trigger may open with the attempt's own verb ("попытаются продвинуться")
    first = doc.text.find(" ", trigger.start, trigger.end)
    return ((may_begin(doc, pattern, start, trigger.start)
             and pattern.search(doc.text, start, trigger.start) is not None)
            or (first > 0 and may_begin(doc, pattern, trigger.start, first)
                and pattern.search(doc.text, trigger.start, first) is not None))


def _foretold(doc: Analysis, trigger: Hit) -> bool:
    """"Российские войска захватят X до конца года", "оточать X": a trigger that is a
    perfective future (read with the language's `morphology`) foretells, it claims nothing."""
    language = doc.lexicon.morphology
    if language is None or trigger.label not in FORETOLD_KINDS:
        return False
    return any(future_verb(word, language)
               for word in doc.text[trigger.start:trigger.end].split())


def _hypothetical(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"the fall of X would open the way", "die Einnahme von X würde ...": the event is the
    subject of a conditional, in the same clause (no comma between them)."""
    pattern = doc.lexicon.hypothesis_after
    end = min(sentence.end, trigger.end + HYPOTHESIS_WINDOW)
    if pattern is None or not may_begin(doc, pattern, trigger.end, end):
        return False
    after = doc.text[trigger.end:end]
    found = pattern.search(after)
    return found is not None and not _CLAUSE_BREAK.search(after, 0, found.start())
def _conditional(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"would open the way for Russia to advance", "if Russia takes X": a hypothetical."""
    pattern = doc.lexicon.conditional
    start = max(sentence.start, trigger.start - CONDITIONAL_WINDOW)
    if pattern is None or not may_begin(doc, pattern, start, trigger.start):
        return _conditional_sentence(doc, sentence, trigger)
    clause = doc.text[start:trigger.start]
    ends = list(_CLAUSE_END.finditer(clause))
    return bool(pattern.search(clause[ends[-1].end():] if ends else clause)) or (
        _conditional_sentence(doc, sentence, trigger))


def _conditional_sentence(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"Если X падёт, противнику придётся отходить за Y", "Якщо ворог візьме X, він
    наступатиме на Y": a sentence that opens with a condition tells its consequence as a
    hypothesis too, however long the condition. Only the condition and the clause after
    it: an aside further on, past a second comma or a dash, describes the present ("..., the
    regional capital, a city that already suffers daily drone strikes", "— the last
    cities still under Ukrainian control"); nor a control state anywhere."""
    pattern = doc.lexicon.conditional_lead
    if pattern is None or (trigger.label == "control" and not (
            trigger.trigger is not None and trigger.trigger.change)):
        return False
    return (pattern.match(doc.text, sentence.start, trigger.start) is not None
            and doc.text.count(",", sentence.start, trigger.start) <= 1
            and _CLAUSE_END.search(doc.text, sentence.start, trigger.start) is None)


CAPTURE_OBJECT_REACH = 45
"""How far after a control trigger its object is read for people or materiel: "captured 20
wounded Ukrainian servicemen" is 35 characters, "захватили в Купянске склад" 20; four
words at most (the lexicon's pattern), so a place's own name further on is not reached."""


def _not_a_capture(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"captured 20 soldiers in X", "took part in the assault on X", "взяли в плен": the
    trigger takes people, materiel or a part in something, never the place."""
    pattern = doc.lexicon.not_capture
    if pattern is None or trigger.trigger is None or not trigger.trigger.change:
        return False  # a state's trigger may end at its agent: "controlled by Russian troops"
    end = min(sentence.end, trigger.end + CAPTURE_OBJECT_REACH)
    # "captured by soldiers of the 3rd Army": after an agent word, the agent, not the object
    return pattern.match(doc.text, trigger.end, end) is not None and not _ends_at_agent(
        doc, trigger)


def _ends_at_agent(doc: Analysis, trigger: Hit) -> bool:
    """Whether a passive trigger's words end with its agent preposition ("captured by")."""
    words = doc.text[trigger.start:trigger.end].split()
    agent = doc.lexicon.agent
    return bool(words) and agent is not None and agent.match(f" {words[-1].lower()} ") is not None


ATTEMPT_KINDS = ("advance", "control", "encirclement")
"""Kinds that an attempt turns into fighting: "tried to enter X", "every attempt to break
through to X is repelled", "пытаются взять X" tell of a fight at X, not of a gain (issue 12,
item 3; the eval rules annotate such sentences as clashes)."""
ATTEMPT_WINDOW = 60
"""A word of trying at most this far before its trigger: "every attempt by Russian forces to
advance" is 29 characters from "attempt" to the verb, "versuchen russische Einheiten seit
Monaten, nach X vorzustoßen" about 50; the lexicon's pattern bounds the words between."""


ATTEMPT_ACT_REACH = 4
"""Characters before a trigger read with it for `attempt_act` ("zu " before "erobern")."""


def _attempted(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"tried to enter X", "les tentatives russes de percer vers X": an attempt, a clash."""
    pattern = doc.lexicon.attempt
    start = max(sentence.start, trigger.start - ATTEMPT_WINDOW)
    if pattern is None or not may_begin(doc, pattern, start, trigger.start) or pattern.search(
            doc.text, start, trigger.start) is None:
        return False
    # "после неудачной попытки российские войска взяли X": a finite verb after the attempt's
    # noun opens a clause of its own (an attempt's act is an infinitive or a noun)
    act = doc.lexicon.attempt_act
    if act is not None and act.search(
            doc.text, max(start, trigger.start - ATTEMPT_ACT_REACH), trigger.end) is None:
        return False  # "nach dem Versuch haben Truppen X eingenommen": no infinitive
    language = doc.lexicon.morphology
    words = doc.text[trigger.start:trigger.end].split()
    return language is None or not words or finite_verb(words[0], language) is False


def _defence(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"counter-attacked near X and repelled the Russian assault", "контратакували біля X і
    відбили штурм": a counter-attack told beside a repelled attack is the defence fighting
    there, a clash (a counter-attack alone, or one that gains ground, stays an advance)."""
    pattern = doc.lexicon.counter_attack
    if (trigger.label != "advance" or pattern is None
            or pattern.search(doc.text, trigger.start, trigger.end) is None):
        return False
    return any(t.label == "clash" and (t.end <= trigger.start or t.start >= trigger.end)
               for t in within(doc.triggers, sentence.start, sentence.end))


def _intended(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """"trying to take X" / "pour s'emparer de X": an aim, not a claim of control."""
    return _before_trigger(doc, doc.lexicon.intent, sentence, trigger)
