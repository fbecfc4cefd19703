"""Who says it: speakers named by reporting verbs and "according to", carried over from the
previous sentence or from where a quotation closes, pronouns pointing back, and the outlet
itself for what nobody else says.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

import msgspec

from frontledger.claims.analysis import (
    CHANNEL_SIDE,
    MAX_SPAN,
    TIME_STAMP,
    Analysis,
    date_near,
    may_begin,
    overlaps_any,
    paragraphs,
    starting,
    starts_of,
    within,
)
from frontledger.claims.dateline import in_dateline
from frontledger.claims.scan import Hit
from frontledger.claims.speaker_names import (
    ACTOR_GAP,
    APPOSITIVE_WINDOW,
    CLAUSE_MARK,
    NEXT_WORD,
    OF_WORD,
    OUTLET_SIDE,
    SENTENCE_END,
    TITLE_GAP,
    UNATTRIBUTED,
    UNKNOWN,
    Speaker,
    State,
    acts_in_clause,
    full_name,
    mentioned_antecedent,
    name_in_base_form,
    named_antecedent,
    names_fighters,
    of_link,
    replace,
    rewritten_name,
    same_statement_date,
    side_of_name,
    side_of_title,
    title_before,
    whole_name,
)
from frontledger.records import Claim, PlaceMention
from frontledger.text.dates import DateMention
from frontledger.text.sentences import Sentence, closes_quotation, opens_quotation

# Distances in characters, set by reading the constructions of the hand-written fixtures
# (tests/fixtures/claims) and checked with `frontledger eval`: wide enough for an appositive
# ("Oleh Petrenko, a spokesman for the army's group in the south, told"), narrow enough not
# to reach into the next clause.
SPEAKER_WINDOW = 90
"""A speaker is named at most this far before its reporting verb."""
INVERTED_SPEAKER_GAP = 75
"""An inverted speaker ("said the ministry", ", написал ... Олег Царев") starts at most this
far after the verb: a date, a medium and a title may stand between (", написал 12 ноября в
Telegram начальник городской военной администрации X" puts the name ~65 characters on);
75 over 60 gained two claims on train and changed nothing on dev."""
NP_GAP = 2
"""A pronoun-like word this close to a name is part of its noun phrase ("Українські військові")."""
SOURCE_GAP = 3
"""The side of unnamed sources follows them directly ("fonti russe", "nach russischen")."""
MAX_NOUN = 30
"""Longest pointing noun phrase ("в командуванні") joined to a name before it."""
SUBJECT_REACH = 300
"""How far before its reporting verb a subject parted from it by an insertion is looked
for ("the ministry, citing its units and people close to the fighting along the river,
reported": about 100 characters; three times that, and linear on hostile input)."""
QUOTATION_REACH = 6
"""A quotation's speaker is looked for at most this many sentences ahead."""
CARRY_SENTENCES = 2
"""A speaker carries over to at most this many following sentences of its paragraph."""
LEAD_SENTENCES = 3
"""The article's principal speaker is named in at most this many first sentences ..."""
LEAD_PARAGRAPHS = 3
"""... or, by a sentence that points back ("The command reports this."), in one of this
many first paragraphs: a headline, its lead and a sub-heading line (read off the invented
fixtures' leads; a later "this" points back to its own paragraph only)."""

# A reporting verb right after a quotation's end ("», — сказал X", ',” said X') or a comma
# (", написал X") names its speaker after it.
_AFTER_QUOTE = re.compile(r"(?:[,.!?…]\s*[»”“\"]|[»”“\"]\s*[,.])\s*[—–-]?\s*$")
_AFTER_COMMA = re.compile(r"(?:,\s*[—–-]?|\s[—–-])\s*$")  # ", said X", " – said X"
_AFTER_MARKS = ",.!?…»”“\"—–-"
"""Every character the two patterns above match, besides spaces: they only look at the
run of these that ends the text before a verb (much faster than trying every position)."""
_SPACES_AND_MARKS = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + (
    _AFTER_MARKS)
"""Every character `_marks_before` passes over: the spaces of str.isspace (none is past
U+3000, the ideographic space) and `_AFTER_MARKS`."""
_QUOTES = "\"'«“„‘"
_CLOSING = " \t\"'»”“’)]"
_SENTENCE_BREAK = re.compile(r"[.!?…]\s|[,;:\n]")
# Personal pronouns among the lexicons' speaker anaphors: one word, short.
_PRONOUN = re.compile(r"\w{1,4}")


def remember(doc: Analysis, state: State, sentence: Sentence, speakers: list[Speaker]) -> None:
    """Carry this sentence's last named speaker (and quotation state) to the next sentence."""
    # "the enemy claimed ..." is reported speech: later pronouns do not point back to it
    # a quotation belongs to its own sentence: what is carried on is the speaker only
    # (a sentence with no speaker, one in four, builds no list)
    named = [s if s.quoted is None else replace(s, quoted=None)
             for s in speakers if s.named and not s.enemy] if speakers else []
    if named:
        state.unspoken = []
        state.speaker, state.since = named[-1], 0
        state.speaker_leads = sentence.paragraph != state.paragraph
        state.speaker_paragraph = sentence.paragraph
        # one pointed back to with a day of its own ("the ministry said on Thursday") dates
        # the body's later statements too (`same_statement_date`)
        state.history.extend(s for s in named if not s.anaphoric or s.date is not None)
    else:
        state.since += 1
        if not speakers and not within(doc.cues, sentence.start, sentence.end):
            state.unspoken.append(sentence)
    state.past_question = _past_question(state, sentence)
    if sentence.paragraph == state.paragraph:
        if state.question == sentence.paragraph:
            state.question = None  # a question that opens a paragraph of text
    elif sentence.text.rstrip(_CLOSING).endswith("?"):
        state.question = sentence.paragraph
    if sentence.paragraph != state.paragraph:
        state.in_quotation = False
    if opens_quotation(sentence.text):
        state.in_quotation = True
    elif closes_quotation(sentence.text):
        state.in_quotation = False
    state.paragraph = sentence.paragraph


SUBJECT_OPENING = 60
"""A sentence's subject starts at most this far into it ("On Thursday, Kremlin spokesman
Dmitry Peskov accused ...": a date and a title may come first)."""


def _opening_subject(doc: Analysis, sentence: Sentence, state: State) -> Speaker | None:
    """The person or body that opens a sentence with no reporting cue ("Peskov accused
    Zelensky of lying", "Зеленський звинуватив Путіна", "Russia's Defence Ministry
    published a video"): not fighters nor a side that acts in its clause ("Russia struck
    A"), and not the one it names after its verb."""
    end = min(sentence.end, sentence.start + SUBJECT_OPENING)
    for hit in _candidates(doc, sentence.start, end):
        if hit.label == "anaphor" or in_dateline(doc, sentence, hit.start):
            continue
        if (hit.label == "enemy" or names_fighters(doc, hit, noun=True) or _acts(doc, hit)
                or within(doc.triggers, sentence.start, hit.start)):
            return None
        word = doc.text[hit.start:whole_name(doc, hit)]
        if hit.label != "person" and " " not in word and word not in doc.theater.persons.get(
                doc.document.language or "", ()):
            continue  # "Ukrainian howitzers fire ...", "Kremlin spokesman X": one side word
            # that is no person's name ("Peskov") may be an adjective or a title's
        cue = Hit(hit.start, hit.end, "verb")
        return _as_speaker(doc, hit, cue, state, None)
    return None


def _pointed(doc: Analysis, state: State) -> Speaker | None:
    """Whom a pronoun points back to: the subject of the latest sentence after the last
    speaker that a person or body opens, else that speaker."""
    for sentence in reversed(state.unspoken):
        key = ("subject", sentence.start)
        if key not in doc.kept:
            doc.kept[key] = _opening_subject(doc, sentence, state)
        subject = doc.kept[key]
        if subject is not None:
            return subject
    return state.speaker


def _past_question(state: State, sentence: Sentence) -> bool:
    return state.past_question or (state.question is not None
                                   and state.question != sentence.paragraph)


def speakers_of(doc: Analysis, sentence: Sentence, state: State) -> list[Speaker]:
    """Speakers named by this sentence's cues, in text order."""
    found: list[Speaker] = []
    cited: list[Speaker] = []
    for cue in within(doc.cues, sentence.start, sentence.end):
        speaker = _speaker_of_cue(doc, sentence, cue, state)
        if speaker is not None:
            found.append(_with_phrase(doc, sentence, cue,
                                      _with_quotation(doc, sentence, cue, speaker)))
            if speaker.named and not speaker.anaphoric and _citing(doc, cue, speaker):
                cited.append(found[-1])
    if cited:
        # "Reuters, citing the ministry, reported that ...": the agency relays, the one it
        # cites speaks; a side's agency citing a body it names without a side ("TASS
        # reported, citing the Defence Ministry") cites its own side's
        relays = {s.side for s in found if s.named and not s.anaphoric and s not in cited
                  and s.side in doc.theater.opponents}
        found = [(replace(s, side=next(iter(relays))) if s in cited and s.side == UNKNOWN
                  and len(relays) == 1 else s)
                 for s in found if s in cited or not s.named or s.anaphoric]
    if not found:
        trailing = _trailing_source(doc, sentence, state)
        found = [trailing] if trailing is not None else []
    # a speaker named in the sentence outranks one a pronoun points back to, except the
    # one a pronoun names as the quotation's speaker («...», afirmó la fuente)
    if found and any(s.named and not s.anaphoric for s in found):
        found = [s for s in found if not s.anaphoric or s.quoted is not None]
    return found


def _citing(doc: Analysis, cue: Hit, speaker: Speaker) -> bool:
    """Whether a cue names, right after it, the source another speaker of its sentence
    relays (the lexicon's `citing`: "citing", "citant", "unter Berufung auf", "со ссылкой
    на"); not a name further on ("citing its own units and people close to the fighting,
    reported that the Ukrainian army ...")."""
    pattern = doc.lexicon.citing
    return (cue.label == "preposition" and pattern is not None and speaker.span is not None
            and pattern.fullmatch(doc.text, cue.start, cue.end) is not None
            and speaker.span[0] >= cue.end and of_link(doc, cue.end, speaker.span[0]))


SOURCE_TAIL = 60
"""Longest source name after a sentence's final dash ("... — Минобороны России")."""
_TRAILING_DASH = re.compile(rf"\s[—–-]{{1,2}}\s*(?=[^—–\s])([^—–\n]{{1,{SOURCE_TAIL}}}?)[\s.!]*$")


def _trailing_source(doc: Analysis, sentence: Sentence, state: State) -> Speaker | None:
    """"Росіяни просунулися біля X — DeepState", "... освободили X — Минобороны": a
    headline's or post's source after a final dash, with no reporting verb, speaks for the
    sentence; only a name that fills what follows the dash (not "X — a key town")."""
    if "—" not in sentence.text and "–" not in sentence.text and " -" not in sentence.text:
        return None
    tail = _TRAILING_DASH.search(sentence.text)
    if tail is None:
        return None
    start, end = sentence.start + tail.start(1), sentence.start + tail.end(1)
    names = [h for h in _candidates(doc, start, end) if h.start >= start]
    if not names or doc.text[start:names[0].start].strip() or doc.text[names[-1].end:end].strip(
            ) or names_fighters(doc, names[0]):
        return None
    dash = sentence.start + tail.start()
    cue = Hit(dash, dash + 1, "verb")
    return _as_speaker(doc, names[0], cue, state, date_near(doc, sentence, sentence.start))


ATTACHED_GAP = 12
"""A place at most this far after a speaker's name, with no punctuation between ("the
governor of the Kharkiv region", "the ministry in Moscow"), is attached to the name."""


ATTACHED_PHRASE = 45
"""Words at most this long, with no punctuation, between a speaker's name and its verb
belong to the name ("the governor of the Kharkiv region said", "the ministry in Moscow
said")."""


def _with_phrase(doc: Analysis, sentence: Sentence, cue: Hit, speaker: Speaker) -> Speaker:
    """`speaker` with the span of the phrase naming it (see `Speaker.phrase`)."""
    if speaker.span is None or speaker.anaphoric:
        return speaker
    start, end = speaker.span
    gap = doc.text[end:cue.start].strip()
    # a trigger between the name and its verb is what the speaker reports, in a verb-final
    # clause too ("die Armee hat den Verlust von X eingeräumt"), not a description of it
    if end <= cue.start and cue.start - end <= SPEAKER_WINDOW and not within(
            doc.cues, end, cue.start - 1) and not within(doc.triggers, end, cue.start) and (
            (gap.startswith(",") and gap.endswith(","))
            or (len(gap) <= ATTACHED_PHRASE and not CLAUSE_MARK.search(gap)
                and not _clause_verb(doc, gap))):
        end = cue.start  # "X, governor of Sumy region, said"
    elif cue.end <= start:
        start = max(cue.end, sentence.start)
    # not after "according to X": "Według armii w Pokrowsku trwają walki" may begin what
    # it reports right after the name
    inverted = cue.label == "verb" and speaker.span[0] >= cue.end
    attachable = starting(doc.places, end, end + ATTACHED_GAP + 1) if inverted else []
    for place in attachable:
        if CLAUSE_MARK.search(doc.text, end, place.start):
            break
        end = place.end
    if speaker.phrase == (start, end):
        return speaker
    # (a Struct's own replace: `replace`'s test of each field changed is the one above)
    return msgspec.structs.replace(speaker, phrase=(start, end))


def _clause_verb(doc: Analysis, gap: str) -> bool:
    """"Russland hat X nach eigenen Angaben eingenommen": an auxiliary or modal (the
    lexicon's `list_break`) between a name and its cue makes the words between them what it
    reports, not a description of the name."""
    pattern = doc.lexicon.list_break
    return pattern is not None and pattern.search(gap) is not None


def in_phrase(doc: Analysis, sentence: Sentence, place: PlaceMention,
              speakers: list[Speaker]) -> bool:
    """Whether `place` is named inside a speaker's phrase, where it locates the speaker:
    a found speaker's (see `Speaker.phrase`), or the words after a reporting verb that
    follows what it reports, where its speaker is named (", sagte der Sprecher der Armee
    in Charkiw", ", сообщил губернатор Харьковской области")."""
    if speakers and any(s.phrase is not None and s.phrase[0] <= place.start
                        and place.end <= s.phrase[1] for s in speakers):
        return True
    cues = within(doc.cues, max(sentence.start, place.start - INVERTED_SPEAKER_GAP), place.start)
    if not cues:
        return False  # (most places: no reporting verb right before them)
    cues = [c for c in cues if c.label == "verb"]
    return any(place.end <= _inverted_end(doc, sentence, cue, clause=True)
               and not within(doc.triggers, cue.end, place.start)  # "..., say they hold X"
               and _inverted(doc, sentence, cue) for cue in cues)


def _inverted(doc: Analysis, sentence: Sentence, cue: Hit) -> bool:
    """Whether a reporting verb follows what it reports («...», — said X; "..., said X")."""
    tail = _marks_before(doc.text, sentence.start, cue.start)
    if _AFTER_QUOTE.search(doc.text, tail, cue.start):
        return True
    # not "X, composed of ..., claim to have entered A": a verb closing an insertion
    return bool(_AFTER_COMMA.search(doc.text, tail, cue.start)) and not _insertion_subject(
        doc, sentence, cue)


def _with_quotation(doc: Analysis, sentence: Sentence, cue: Hit, speaker: Speaker) -> Speaker:
    """`speaker` with the quotation it speaks, when its verb follows the quotation that opens
    the sentence («...», — said X)."""
    if cue.label != "verb":
        return speaker
    end = _quotation_end(sentence)
    if end is None or end > cue.start or CLAUSE_MARK.search(
            doc.text[end:cue.start].lstrip(_AFTER_MARKS + " ")):
        return speaker  # ('," the spokesman said': the speaker's name may stand between)
    return replace(speaker, quoted=(sentence.start, end))


def _speaker_of_cue(doc: Analysis, sentence: Sentence, cue: Hit, state: State) -> Speaker | None:
    when = _statement_date(doc, sentence, cue)
    if cue.label == "impersonal":
        return _sided_source(doc, cue, when) or Speaker(
            UNATTRIBUTED, UNKNOWN, cue.start, named=False, date=when)
    if cue.label == "anaphoric":
        pointed = _pointed(doc, state)
        if pointed is None:
            return None
        return replace(pointed, position=cue.start, anaphoric=True, span=None)
    key = ("candidates", cue.start, cue.end, cue.label)
    ordered = doc.kept.get(key)
    if ordered is None:
        ordered = doc.kept[key] = _cue_candidates(doc, sentence, cue)
    found = _first_speaker(doc, ordered, cue, state, when, sentence)
    if found is None and not ordered and _opens_sentence(doc, sentence, cue):
        # "Ha affermato che ...", "Powiedział, że ...": a verb with no subject written
        # opening its sentence speaks for whom a pronoun would point to
        pointed = _pointed(doc, state)
        if pointed is not None:
            return replace(pointed, position=cue.start, anaphoric=True, span=None,
                           date=when or pointed.date)
    return found


def _statement_date(doc: Analysis, sentence: Sentence, cue: Hit) -> DateMention | None:
    """When a cue's statement was made: the date nearest it in its sentence, but not one
    inside the quotation that opens the sentence and closes before the cue («Dicono da
    novembre di averla presa», racconta X: November is what the words tell, not when)."""
    when = date_near(doc, sentence, cue.start)
    if when is None or when.start > cue.start or sentence.text[:1] not in _CLOSES:
        return when  # (most statements open with no quotation)
    end = _quotation_end(sentence)
    if end is None or end > cue.start or when.start >= end:
        return when
    after = within(doc.dates, end, sentence.end)
    return min(after, key=lambda m: abs(m.start - cue.start)) if after else None


DROPPED_SUBJECT_GAP = 12
"""Longest text before a reporting verb that opens its sentence with no subject written
(pro-drop: "Ha inoltre affermato", "Dodał", "Також заявив"): an adverb or a conjunction."""


def _opens_sentence(doc: Analysis, sentence: Sentence, cue: Hit) -> bool:
    """Whether a verb cue opens its sentence, after at most a short adverb."""
    return (cue.label == "verb" and cue.start - sentence.start <= DROPPED_SUBJECT_GAP
            and not CLAUSE_MARK.search(doc.text, sentence.start, cue.start)
            and not doc.text[cue.end:cue.end + 1].isalpha())  # not "Сообщает|ся, что"


def _cue_candidates(doc: Analysis, sentence: Sentence, cue: Hit) -> list[Hit]:
    """Who a cue may name, best first. It depends on the text alone, so it is kept per
    document (`Analysis.kept`): the principal speaker's pass and a quotation's look ahead
    read a sentence's speakers again (about one cue in seven is asked twice)."""
    if cue.label == "postposition":  # "Moskau zufolge", "by its own account"
        return list(reversed(_candidates(
            doc, max(sentence.start, cue.start - SPEAKER_WINDOW), cue.start, floor=sentence.start)))
    if cue.label == "preposition":
        # "selon le gouverneur régional Oleh X": the person a title names speaks
        return _person_after_title([h for h in _candidates(
            doc, cue.end, min(sentence.end, cue.end + SPEAKER_WINDOW))
            if not names_fighters(doc, h)], doc)
    return _verb_candidates(doc, sentence, cue)


def _verb_candidates(doc: Analysis, sentence: Sentence, cue: Hit) -> list[Hit]:
    """Who a reporting verb may name, best first: its subject before it or an inverted
    speaker after it, as the marks around the verb say."""
    # (each filter below runs only on a list with something in it: a verb has a name on
    # one side of it at most, mostly)
    before = _candidates(doc, max(sentence.start, cue.start - SPEAKER_WINDOW), cue.start,
                         floor=sentence.start)
    if before:
        before = [h for h in before if not _addressed(doc, h, sentence)]
    nearest_first = before[::-1]
    participle = doc.lexicon.participle
    if participle is not None and participle.fullmatch(doc.text[cue.start:cue.end].strip()):
        # "..., saying", "en affirmant", "добавив": the subject named before, never a name
        # in what it goes on to report
        ordered = _appositive_first(doc, [h for h in nearest_first if not names_fighters(doc, h)])
        return ordered or _distant_subject(doc, sentence, cue)
    tail = _marks_before(doc.text, sentence.start, cue.start)
    quoted = bool(_AFTER_QUOTE.search(doc.text, tail, cue.start))
    inverted = quoted or bool(_AFTER_COMMA.search(doc.text, tail, cue.start))
    after = _candidates(doc, cue.end, _inverted_end(doc, sentence, cue))
    if after:
        after = _person_after_title([h for h in after
                                     if not names_fighters(doc, h)
                                     and not (acts_in_clause(doc, h)
                                              and not _describes_speaker(doc, cue, h, inverted))
                                     and not _addressed(doc, h, sentence)], doc)
    if inverted:
        subject = _postposed_subject(doc, cue)
        after = [subject, *[h for h in after if h.start >= subject.end]] if subject else after
    if inverted and not after:
        after = _named_alone(doc, cue)
    if quoted:
        ordered = after  # «...», — said X: the names inside the quotation do not speak
    elif inverted:
        # "Russian troops attacked X, the command said": the subject fights, not speaks
        # ("Russia's strikes on X went on, the mayor said": nor the side whose act it is)
        ordered = _insertion_subject(doc, sentence, cue) + after + (_appositive_first(
            doc, [h for h in nearest_first
                  if not names_fighters(doc, h) and not _acts(doc, h)]) if nearest_first else [])
    elif not nearest_first:
        ordered = after
    else:
        # "Ukrainian troops pushed into X, the army said": fighters in an earlier clause
        # are what is reported; the verb's own subject is a noun the lexicon lacks
        # ("Russia's strikes on X went on, the mayor said": nor the side whose act it is)
        ordered = _appositive_first(doc, [
            h for h in nearest_first
            if not ("," in doc.text[h.end:cue.start]  # (the cheap test first)
                    and (names_fighters(doc, h, noun=True) or _acts(doc, h)))]
        ) + after
    return ordered or _distant_subject(doc, sentence, cue)


POSTPOSED_NOUN = 20
"""Longest common noun on either side of a postposed subject's side adjective
("військовослужбовці", 18 letters), with its space."""
_POSTPOSED_LEAD = re.compile(rf"\s*(?:[^\W\d]{{1,{OF_WORD}}}(?:['’]\s*|\s+))?")
_POSTPOSED_NOUN = re.compile(rf"([^\W\d_]{{2,{POSTPOSED_NOUN}}})\s+")
_NOUN_AFTER = re.compile(rf"\s+[^\W\d_]{{2,{POSTPOSED_NOUN}}}")


def _after_lead(text: str, start: int) -> int:
    """Where the words after `start` begin, past spaces and one short word ("des", "в")."""
    lead = _POSTPOSED_LEAD.match(text, start)
    return lead.end() if lead else start


def _postposed_subject(doc: Analysis, cue: Hit) -> Hit | None:
    """The subject a reporting verb that follows its clause names right after it with a
    side's adjective: "X захвачен, признали украинские военные", "X est tombée,
    reconnaissent des officiers ukrainiens", "X fue capturada, admitieron oficiales
    ucranianos". The whole phrase (adjective and its noun, whichever order) speaks, even
    where its noun names soldiers: it is the verb's subject, not a fighter of what it
    reports. Not past a complementizer ("affirment que des soldats ukrainiens ...")."""
    start = _after_lead(doc.text, cue.end)
    for when in starting(doc.dates, cue.end, start + 1):  # "признали во вторник украинские"
        start = _after_lead(doc.text, when.end)
    noun = _POSTPOSED_NOUN.match(doc.text, start)
    for at, noun_start in ((start, None), (noun.end() if noun else -1, start)):
        side = next(iter(starting(doc.speaker_sides, at, at + 1)), None)
        if side is None or side.label not in doc.theater.opponents:
            continue
        bare = _bare_adjective(doc.text[side.start:side.end])
        if noun_start is not None and not bare:
            continue
        begin = side.start if noun_start is None else noun_start
        complementizer = doc.lexicon.complementizer
        if complementizer is not None and complementizer.search(doc.text, cue.end, begin):
            return None
        if not bare:
            return side  # "reconnaissent des officiers ukrainiens": the lexicon's phrase
        if noun_start is not None:  # "oficiales ucranianos"; "il ministero russo" is read
            # as the lexicon's noun with its side after it (`_side_adjective_after`)
            named = within(doc.speaker_anaphors, cue.end, side.start)
            # "представитель украинской бригады": the body's noun after its adjective too
            return None if named else Hit(begin, _head_noun_end(doc, side, side.end),
                                          side.label)
        after = _NOUN_AFTER.match(doc.text, side.end)  # "украинские военные"
        return Hit(side.start, after.end(), side.label) if after else None
    return None


def _acts(doc: Analysis, hit: Hit) -> bool:
    """Whether a side's name is the actor of a strike, fight or move in its clause: the
    subject right before it ("Russia's strikes on X", "Россия обстреливала X") or the
    agent right after it ("los bombardeos de Rusia"). Not of a capture: a side mostly
    announces its own ("Die russische Armee hat X erobert, teilte das Ministerium mit":
    the ministry is Russia's)."""
    after = within(doc.triggers, hit.end, hit.end + ACTOR_GAP + MAX_SPAN)
    if after and after[0].label != "control" and acts_in_clause(doc, hit):
        return True
    before = within(doc.triggers, max(0, hit.start - OF_WORD - MAX_SPAN), hit.start)
    return bool(before) and before[-1].label != "control" and before[-1].end <= hit.start and (
        of_link(doc, before[-1].end, hit.start))


_NAME_ALONE = re.compile(r"\s*([^\W\d_][^\W\d_'’-]+)\s*,")


def _named_alone(doc: Analysis, cue: Hit) -> list[Hit]:
    """'"...," said Oleksiy, a Ukrainian drone operator': a single capitalised word right
    after a reporting verb that follows its quotation, set off by a comma, is a person
    named by first name or call sign (not a place, a date or a side), when the appositive
    after it names the side the person is of (a resident named so is no side's voice)."""
    found = _NAME_ALONE.match(doc.text, cue.end)
    if found is None or not found.group(1)[0].isupper() or found.group(1).isupper():
        return []
    hit = Hit(found.start(1), found.end(1), "person")
    if overlaps_any(hit, doc.places) or overlaps_any(hit, doc.dates) or overlaps_any(
            hit, doc.sides):
        return []
    close = _APPOSITION_END.search(doc.text, found.end(), found.end() + APPOSITIVE_WINDOW)
    end = close.start() if close else found.end() + APPOSITIVE_WINDOW
    sided = [s for s in within(doc.sides, found.end(), end) if s.label in doc.theater.opponents]
    return [hit] if sided else []


_APPOSITION_END = re.compile(r"[,;:.!?()]")


def _describes_speaker(doc: Analysis, cue: Hit, hit: Hit, inverted: bool) -> bool:
    """Whether a claim word right after a name that follows a reporting verb describes the
    speaker ('..., said a Ukrainian officer fighting in the city') rather than what it
    reports: the verb follows its reported clause and no complementizer ("that", "que")
    stands between it and the name."""
    if not inverted:
        return False
    complementizer = doc.lexicon.complementizer
    return complementizer is None or complementizer.search(doc.text, cue.end,
                                                           hit.start) is None


_INVERSION_BREAK = re.compile(r"[,;:]")


def _inverted_end(doc: Analysis, sentence: Sentence, cue: Hit, *, clause: bool = False) -> int:
    """Where an inverted speaker after a reporting verb must have started: within
    INVERTED_SPEAKER_GAP, before a comma that no date follows (", said on Monday, 12 May, the
    ministry" is one insertion); with `clause`, also before the clause it reports opens
    (the lexicon's complementizer, "that", "dass", "что"), which bounds the speaker's phrase
    (see `in_phrase`). The speaker itself is looked for past a complementizer: cutting
    there lost dev side accuracy (.876 → .814) and changed nothing on train."""
    end = min(sentence.end, cue.end + INVERTED_SPEAKER_GAP)
    complementizer = doc.lexicon.complementizer if clause else None
    found = complementizer.search(doc.text, cue.end, end) if complementizer else None
    if found is not None:
        end = found.start()
    for mark in _INVERSION_BREAK.finditer(doc.text, cue.end, end):
        if mark.group() != "," or not starting(doc.dates, mark.end(), mark.end() + 2):
            return mark.start()
    return end


ADDRESSEE_REACH = 40
"""How far before a name the words that make it the one spoken to are read ("told the
liga.net media outlet", "gegenüber der Nachrichtenagentur")."""


def _addressed(doc: Analysis, hit: Hit, sentence: Sentence) -> bool:
    """Whether a name around a reporting verb is whom the speaker told ("told Reuters",
    "gegenüber der Nachrichtenagentur X sagte er", "a déclaré à l'AFP"), by the lexicon's
    `addressee` words (the pattern matches up to the name)."""
    pattern = doc.lexicon.addressee
    start = max(sentence.start, hit.start - ADDRESSEE_REACH)
    if pattern is None or not may_begin(doc, pattern, start, hit.start):
        return False
    found = pattern.search(doc.text, start, hit.start)
    # "À l'état-major ukrainien, on dément", "Al mando ucraniano, en cambio, ...": a phrase
    # opening its sentence and closed by a comma says where the speaker is, not whom it told
    return found is not None and not (found.start() == sentence.start
                                      and doc.text[hit.end:hit.end + 1] == ",")


def _insertion_subject(doc: Analysis, sentence: Sentence, cue: Hit) -> list[Hit]:
    """"Oleh Petrenko, a spokesman for the army, said", "Gruppi filo-Kiev, formati da
    volontari russi, dichiarano": a verb right after a comma that closes an
    insertion speaks for the name that opens it (the first name of the sentence followed
    by a comma), not for a name inside the insertion."""
    closing = _marks_before(doc.text, sentence.start, cue.start)
    start = max(sentence.start, cue.start - SUBJECT_REACH)
    title: Hit | None = None
    for hit in _candidates(doc, start, closing, floor=sentence.start):
        end = hit.end
        if hit.label == "anaphor":
            # a title with the side it is of opens one ("the mayor of Ukraine's second city,
            # which drones hit nightly, said"); a pronoun or a bare noun does not
            titled = None if _PRONOUN.fullmatch(doc.text[hit.start:hit.end]) else (
                side_of_title(doc, hit) or _headed_place(doc, hit))
            if titled is None:
                title = title or hit
                continue  # ("the mayor of Kharkiv, Ihor X, said": the place it heads)
            end = titled.end
        if names_fighters(doc, hit, noun=True) or acts_in_clause(doc, hit):
            return []  # the sentence opens with what is reported, not with who reports it
        if end == closing and title is not None and hit.label == "person" and (
                _APPOSED.fullmatch(doc.text, title.end, hit.start)):
            return [hit]  # "The regional governor, Oleh X, said": the title's holder speaks
        if end == closing and hit.label != "anaphor" and _opening_title(doc, sentence, hit):
            return [hit]  # "The Russian-installed head of the X region, Y, said"
        if _NOUN_PHRASE_END.match(doc.text, end, closing):
            return [hit] if end < closing else []
    return []


_APPOSED = re.compile(r"\s*,\s*")


def _opening_title(doc: Analysis, sentence: Sentence, person: Hit) -> bool:
    """Whether a person set off by commas right before its verb follows the title that
    opens the sentence ("The Russian-installed head of the X region, Y, said", "Der von
    Moskau eingesetzte Bürgermeister von X, Y, teilte mit"): one noun phrase, with no
    other comma, claim or reporting word, up to the person's comma."""
    comma = doc.text.rfind(",", sentence.start, person.start)
    return (comma > sentence.start and not doc.text[comma + 1:person.start].strip()
            and person.start - sentence.start <= SPEAKER_WINDOW
            and "," not in doc.text[sentence.start:comma]
            and not within(doc.triggers, sentence.start, comma)
            and not within(doc.cues, sentence.start, comma))


_NOUN_PHRASE_END = re.compile(r"(?:\s+[\w'’-]+){0,3}\s*,")
"""The rest of a noun phrase up to its comma: a name and at most three words of its head
("Pro-Kyiv| volunteer units,", "pro-Kiev|,")."""


def _distant_subject(doc: Analysis, sentence: Sentence, cue: Hit) -> list[Hit]:
    """"The ministry, citing its units and people close to the fighting, reported that ...":
    with no name near its verb, a reporting verb whose subject an insertion set off by
    commas parts from it speaks for the first name of its sentence, which opens that
    insertion."""
    if not doc.text[sentence.start:cue.start].rstrip().endswith(","):
        return []
    start = max(sentence.start, cue.start - SUBJECT_REACH)
    far = [h for h in _candidates(doc, start, max(start, cue.start - SPEAKER_WINDOW))
           if h.label != "anaphor" and not names_fighters(doc, h) and not acts_in_clause(doc, h)]
    return far[:1] if far and doc.text[far[0].end:far[0].end + 2].lstrip().startswith(
        ",") else []


def _sided_source(doc: Analysis, cue: Hit, when: DateMention | None) -> Speaker | None:
    """"fonti russe", "según fuentes ucranianas", "nach russischen Angaben": unnamed sources
    of a named side speak for that side."""
    sided = [s for s in within(doc.sides, cue.end, cue.end + SOURCE_GAP + MAX_SPAN)
             if s.start - cue.end <= SOURCE_GAP and s.label in doc.theater.opponents
             and not doc.text[cue.end:s.start].strip()]
    if not sided:
        return None
    return Speaker(_source_name(doc, cue, sided[0]), sided[0].label, cue.start, date=when,
                   span=(cue.start, sided[0].end))


def _source_name(doc: Analysis, cue: Hit, side: Hit) -> str:
    """The name of unnamed sources as cited: with the noun after their side, when the
    lexicon's `[[base_form]]` rewrites that phrase ("Nach ukrainischen Angaben" →
    "ukrainische Angaben"), else as written, rewritten ("secondo fonti russe" → "fonti
    russe")."""
    written = doc.text[cue.start:side.end]
    word = NEXT_WORD.match(doc.text, side.end)
    if word is not None:
        phrase = doc.text[cue.start:word.end()]
        rewritten = rewritten_name(doc, phrase)
        if rewritten != phrase:
            return rewritten
    return rewritten_name(doc, written)


def _person_after_title(after: list[Hit], doc: Analysis) -> list[Hit]:
    """"написал ... начальник городской военной администрации Иван Петренко": a side name
    before a person is the person's title; the person speaks."""
    for index, (title, person) in enumerate(itertools.pairwise(after)):
        gap = doc.text[title.end:person.start]
        if (title.label != "person" and person.label == "person"
                and len(gap) <= TITLE_GAP and not CLAUSE_MARK.search(gap)):
            return [*after[:index], person, title, *after[index + 2:]]
    return after


def _appositive_first(doc: Analysis, nearest_first: list[Hit]) -> list[Hit]:
    """"Ivan Petrenko, the head of the Ukrainian office, said": a person named just before
    a one-word side name speaks; the side word is part of the appositive."""
    if len(nearest_first) < 2 or nearest_first[0].label == "person":
        return nearest_first
    word = doc.text[nearest_first[0].start:nearest_first[0].end]
    person = next((h for h in nearest_first[1:] if h.label == "person"), None)
    if (" " in word or person is None or nearest_first[0].start - person.end > APPOSITIVE_WINDOW
            or not doc.text[person.end:nearest_first[0].start].lstrip().startswith(",")):
        return nearest_first
    return [person] + [h for h in nearest_first if h is not person]


def _first_speaker(doc: Analysis, ordered: list[Hit], cue: Hit, state: State,
                   when: DateMention | None, sentence: Sentence) -> Speaker | None:
    """The first candidate that names a speaker. A body named by a common noun alone ("le
    ministère a annoncé que les unités de Zapad ...") speaks for the side a later candidate
    names, when nothing else gives its side."""
    found: Speaker | None = None
    for candidate in ordered:
        if in_dateline(doc, sentence, candidate.start):
            continue  # "Kiev, 18 novembre (AFP) - ...": where the report is filed from
        if candidate.label == "anaphor" and _PRONOUN.fullmatch(doc.text[candidate.start:
                                                                          candidate.end]):
            # "Governor X named villages that he said ...": the name before, in the sentence
            candidate = _person_before(doc, sentence, candidate) or candidate
        speaker = _repeated_subject(doc, candidate, cue, state, when) or _as_speaker(
            doc, candidate, cue, state, when)
        if speaker is None:
            continue
        if found is None and (speaker.side != UNKNOWN or candidate.label != "anaphor"):
            return speaker
        if found is None:
            found = speaker
        elif speaker.side in doc.theater.opponents:
            return replace(found, side=speaker.side)
    return found


def _repeated_subject(doc: Analysis, candidate: Hit, cue: Hit, state: State,
                      when: DateMention | None) -> Speaker | None:
    """The earlier speaker of the same side that a postposed subject's pointing noun repeats
    ("...» – said the Ukrainian commander", after the commander was named; else the latest
    speaker, as for the noun alone): that speaker again, with its date."""
    if candidate.start < cue.end or candidate.label not in doc.theater.opponents:
        return None
    nouns = within(doc.speaker_anaphors, candidate.start, candidate.end)
    if not nouns or _postposed_subject(doc, cue) != candidate:
        return None
    earlier = named_antecedent(doc.text[nouns[-1].start:nouns[-1].end], state) or state.speaker
    if earlier is None or earlier.side != candidate.label:
        return None
    return replace(earlier, position=cue.start, date=when or earlier.date, anaphoric=True,
                   span=None)


def _person_before(doc: Analysis, sentence: Sentence, anaphor: Hit) -> Hit | None:
    """The last person named in the sentence before a pronoun."""
    persons = [p for p in within(doc.persons, sentence.start, anaphor.start)
               if not _addressed(doc, p, sentence) and not _side_phrase(doc, p)]
    return persons[-1] if persons else None


def _side_phrase(doc: Analysis, person: Hit) -> bool:
    """Whether capitalised words taken for a person's name end in a side's name ("Small
    Russian| groups", "The Russian| claims" opening a sentence): an adjective phrase."""
    return any(s.end == person.end
               for s in starting(doc.sides, person.start + 1, person.end))


def _marks_before(text: str, start: int, end: int) -> int:
    """Where the run of spaces and `_AFTER_MARKS` that ends `text[start:end]` begins."""
    # (one str.rstrip rather than a test a character: asked for every reporting verb)
    return start + len(text[start:end].rstrip(_SPACES_AND_MARKS))


def _candidates(doc: Analysis, start: int, end: int, floor: int | None = None) -> list[Hit]:
    """Possible speakers ending in (start, end) and starting at or after `floor` (default
    `start`): side names, persons, pronouns, in text order. A long name ("the Centre for
    Strategic Communications and Information Security") may begin before the window."""
    floor = start if floor is None else floor
    # (~55 windows an article, most naming no side, person or pronoun: each filter below
    # runs only on a list with something in it, and lists already in text order are not
    # sorted again)
    # a bare adjective ("russe", "українські") names no speaker, unless it ends the subject
    # right before the verb ("les analystes ukrainiens signalent")
    sides = starting(doc.speaker_sides, floor, end)
    if sides:
        sides = [s for s in sides if s.end > start
                 and (not _bare_adjective(doc.text[s.start:s.end])
                      or not doc.text[s.end:end].strip() or _heads_body(doc, s, start, end))
                 and not _compound_part(doc.text, s)]
    anaphors = within(doc.speaker_anaphors, start, end)
    # "the General Staff said": capitalised words inside a noun that points back are that
    # noun, not a person's name
    # nor capitalised words ending in a side's name ("Small Russian groups", "The Russian
    # claims" opening a sentence): an adjective phrase, not a person
    # (capitalised words that hold a date, "Am Montag erklärte ...", are no person already:
    # `analyse` drops them)
    persons = starting(doc.persons, floor, end)
    if persons:
        persons = [p for p in persons if p.end > start
                   and not any(s.start <= p.start and p.end <= s.end for s in sides)
                   and not _side_phrase(doc, p)
                   and not any(a.start <= p.start and p.end <= a.end for a in anaphors)]
    if not anaphors:  # (sides alone are in text order already)
        return sorted(sides + persons, key=lambda h: h.start) if persons else sides
    named = sides + persons
    if not named:
        return anaphors
    # a comma parts two noun phrases: "... with the Zapad group, the ministry said"
    anaphors = [a for a in anaphors if not any(
        a.start - NP_GAP <= n.end and n.start <= a.end + NP_GAP
        and "," not in doc.text[min(a.end, n.end):max(a.start, n.start)] for n in named)]
    # "the governor of Ukraine's Sumy region said": the title speaks, the side it is of
    # gives its side (see `side_of_title`)
    named = [n for n in named if not any(
        a.end <= n.start <= a.end + TITLE_GAP and not _PRONOUN.fullmatch(doc.text[a.start:a.end])
        and of_link(doc, a.end, n.start) for a in anaphors)]
    return sorted(named + anaphors, key=lambda h: h.start)


def _heads_body(doc: Analysis, adjective: Hit, start: int, end: int) -> bool:
    """Whether a side's bare adjective and the noun it stands before fill a cue's window:
    opening it after at most an article ("по данным российского министерства", "laut dem
    russischen Ministerium", "za danymi ukraińskiej strony") or ending it ("die ukrainische
    Seite meldete", with a short attached phrase: "das ukrainische Kommando der Südfront
    nannte"). The phrase names the body that speaks, as "the Russian ministry" does; not
    "the enemy's" nor fighters ("russische Infiltrationsgruppen")."""
    if adjective.label not in doc.theater.opponents or names_fighters(doc, adjective, noun=True):
        return False
    stop = _head_noun_end(doc, adjective, adjective.end)
    return stop != adjective.end and (
        _attached(doc, stop, end)
        or (of_link(doc, start, adjective.start)
            and any(c.end == start for c in within(doc.cues, max(0, start - MAX_SPAN), start))))


def _attached(doc: Analysis, start: int, end: int) -> bool:
    """Whether `text[start:end]` is nothing or a short phrase attached to the name before it
    (ATTACHED_PHRASE: "der Südfront") that a reporting verb follows, with no clause mark,
    verb, claim, place or person."""
    gap = doc.text[start:end].strip()
    return not gap or (len(gap) <= ATTACHED_PHRASE and bool(starting(doc.cues, end, end + 1))
                       and not CLAUSE_MARK.search(gap)
                       and not _clause_verb(doc, gap) and not within(doc.triggers, start, end)
                       and not starting(doc.places, start, end)
                       and not starting(doc.persons, start, end))


def _compound_part(text: str, hit: Hit) -> bool:
    """A side's name joined by a hyphen to another word is part of another name
    ("Interfax-Ukraine", "Ukraine-Russia talks"), not the side speaking."""
    if text[hit.end:hit.end + 1] != "-" and text[hit.start - 1:hit.start] != "-":
        return False  # (the cheap test first: most names touch no hyphen)
    before, after = text[max(0, hit.start - 2):hit.start], text[hit.end:hit.end + 2]
    joined = len(before) == 2 and before[1] == "-" and before[0].isalpha() and not (
        _SIDING.search(text, max(0, hit.start - 8), hit.start))
    return joined or (len(after) == 2 and after[0] == "-" and after[1].isalpha())


_SIDING = re.compile(r"\b(?:pro|filo|про)-$", re.IGNORECASE)
"""A prefix that makes a side's name an adjective of its supporters ("pro-Kiev", "filo-russi")."""


def _bare_adjective(name: str) -> bool:
    """A one-word side name in lower case: an adjective of nationality, not a body."""
    return name.islower() and " " not in name


def _as_speaker(
    doc: Analysis, hit: Hit, cue: Hit, state: State, when: DateMention | None
) -> Speaker | None:
    if hit.label == "anaphor":
        words = doc.text[hit.start:hit.end]
        named = named_antecedent(words, state)
        adjective = _side_adjective_after(doc, hit) or side_of_title(doc, hit)
        if adjective is not None and (named is None or named.side != adjective.label):
            # "il ministero russo", "el ministerio ruso": a body named with its side after it;
            # "the commander of the Khortytsia group": a title with the body it heads
            end = _head_noun_end(doc, adjective, whole_name(doc, adjective))
            name = name_in_base_form(doc, doc.text[hit.start:end], hit.start)
            return Speaker(name, adjective.label, cue.start,
                           date=when or same_statement_date(name, adjective.label, state),
                           span=(hit.start, end))
        headed = _headed_place(doc, hit)
        if named is not None and headed is not None and not _of_place(named, headed):
            named = None  # "the governor of the Belgorod region", after another governor
        headed = None if named is not None else headed
        if headed is not None:
            # "the governor of the Kharkiv region", "Губернатор Харьковской области": an
            # official of a place speaks for the side that governs it
            name = name_in_base_form(doc, doc.text[hit.start:headed.end], hit.start)
            return Speaker(name, doc.theater.territory.get(headed.country or "", UNKNOWN),
                           cue.start, date=when, span=(hit.start, headed.end))
        if named is None and _new_local_official(doc, words, state):
            # "..., regional authorities said", "сообщили местные власти": a place's own
            # authorities, not the latest speaker; their side is the place's (`local_voice`)
            return Speaker(name_in_base_form(doc, words, hit.start), UNKNOWN, cue.start,
                           date=when, span=(hit.start, hit.end), local=True)
        antecedent = named or mentioned_antecedent(doc, hit, words, cue, when) or (
            _pointed(doc, state) if _PRONOUN.fullmatch(words) else state.speaker)
        if antecedent is not None and antecedent is state.speaker and named is None and (
                not _PRONOUN.fullmatch(words) and _denies_near(doc, cue)):
            antecedent = None  # "Moscow claimed X. В Генштабе это назвали ложью": a body no
            # speaker's name repeats that denies is not the one whose claim it denies
        if antecedent is None:
            # "the command rejected ...", named for the first time: a speaker of its own
            # (its side unknown), unlike a bare pronoun with nothing to point to
            return (Speaker(name_in_base_form(doc, words, hit.start), UNKNOWN, cue.start, date=when,
                            span=(hit.start, hit.end))
                    if len(words.split()) > 1 else None)
        # "the army said", after "said the mayor": another body, whose side is not the
        # mayor's town's; "he said" is the official again
        local = antecedent.local and (_PRONOUN.fullmatch(words) is not None
                                      or _local_words(doc, words))
        return replace(antecedent, position=cue.start, date=when or antecedent.date,
                       anaphoric=True, span=None, local=local)
    nouns = within(doc.speaker_anaphors, hit.end, hit.end + NP_GAP + MAX_NOUN)
    end = nouns[0].end if nouns and nouns[0].start - hit.end <= NP_GAP and (
        not _SENTENCE_BREAK.search(doc.text, hit.end, nouns[0].start)) else _head_noun_end(
            doc, hit, whole_name(doc, hit))
    # "Українські" + "військові": the whole noun phrase; "у Генштабі ЗСУ" → "Генштаб ЗСУ"
    name = full_name(doc, name_in_base_form(doc, doc.text[hit.start:end], hit.start), hit,
                      state)
    side = side_of_name(doc, hit, state)
    previous = state.speaker
    if when is None and previous is not None and previous.side == side and state.since == 0:
        when = previous.date  # "Russia said on Saturday ... The ministry stated that ..."
    if when is None:
        # "Sumy Region Governor Oleh Hryhorov" repeats "the governor of Sumy region"
        titled = f"{title_before(doc, hit)} {name}" if hit.label == "person" else name
        when = same_statement_date(titled, side, state)
    return Speaker(name, side, cue.start, date=when, span=(hit.start, hit.end),
                   enemy=hit.label == "enemy",
                   local=side == UNKNOWN and _local_official(doc, hit))


DENIAL_NEAR = 40
"""A denial word at most this far after a reporting cue is what it reports ("назвали ложью",
"called it a fabrication", "a qualifié de mensonge"): the verb and its object."""


def _denies_near(doc: Analysis, cue: Hit) -> bool:
    """Whether a reporting cue reports a denial: a denial word in it or right after it."""
    return bool(within(doc.denials, cue.start, cue.end + DENIAL_NEAR))


HEAD_NOUN = 4
"""Shortest head noun after a side's adjective ("бригады", "Brigade", "армії"): shorter
words are auxiliaries and articles ("a", "ha", "am", "der")."""
_HEAD_WORD = re.compile(rf"[ \t]+([^\W\d_][\w'’-]{{{HEAD_NOUN - 1},}})(?=[ \t]+(\S)|[^\w'’-]|$)")


def _head_noun_end(doc: Analysis, adjective: Hit, end: int) -> int:
    """Where a title's body named by a side's bare adjective ends: after the noun the
    adjective stands before ("ein Sprecher der ukrainischen Brigade", "представитель
    украинской бригады", "речник української бригади"), not at the adjective. No noun
    follows one placed after its noun ("le porte-parole ukrainien a déclaré"), nor is a
    first name one ("il portavoce ucraino Oleh Petrenko"), a reporting verb, a claim word,
    a date or a place."""
    if end != adjective.end or not _bare_adjective(doc.text[adjective.start:adjective.end]):
        return end
    word = _HEAD_WORD.match(doc.text, end)
    if word is None or (word.group(1)[0].isupper() and (word.group(2) or "").isupper()):
        return end
    start, stop = word.start(1), word.end(1)
    if (within(doc.cues, start, stop) or within(doc.triggers, start, stop)
            or within(doc.dates, start, stop) or starting(doc.places, start, stop)
            or starting(doc.persons, start, stop)):
        return end
    return stop


def _new_local_official(doc: Analysis, words: str, state: State) -> bool:
    """Whether a pointing noun names a place's own officials ("regional authorities", "the
    governor", "местные власти") that no earlier speaker was: the latest one was no
    local official."""
    return _local_words(doc, words) and not (state.speaker is not None and state.speaker.local)


def _local_words(doc: Analysis, words: str) -> bool:
    """Whether `words` hold a title of a place's own officials (`local_official`)."""
    pattern = doc.lexicon.local_official
    return pattern is not None and pattern.search(words) is not None


def _local_official(doc: Analysis, hit: Hit) -> bool:
    """Whether a speaker is titled as a place's own official ("Regional head X", "il
    governatore X", "X, the mayor of the city", "szef obwodowej administracji X"): the
    lexicon's `local_official` in its name, in the words right before it or in its
    appositive after it, within its sentence."""
    pattern = doc.lexicon.local_official
    if pattern is None:
        return False
    start, end = max(0, hit.start - APPOSITIVE_WINDOW), hit.end + APPOSITIVE_WINDOW
    for stop in SENTENCE_END.finditer(doc.text, start, hit.start):
        start = stop.end()
    after = SENTENCE_END.search(doc.text, hit.end, end)
    return pattern.search(doc.text, start, after.start() if after else end) is not None


def local_voice(doc: Analysis, speaker: Speaker, place: PlaceMention) -> Speaker:
    """`speaker` with the side governing `place`, when it is a place's own official whose
    side nothing names ("Russian drones hit A, regional head X said": A's side)."""
    if not speaker.local or speaker.side != UNKNOWN:
        return speaker
    side = doc.theater.territory.get(place.country or "")
    return replace(speaker, side=side) if side else speaker


def _headed_place(doc: Analysis, hit: Hit) -> PlaceMention | None:
    """The place a title heads ("the governor of the Kharkiv region", "le maire de
    Kharkiv", "глава Харьковской области"), linked to it by short words only, in a
    country one of the theater's sides governs."""
    for place in starting(doc.places, hit.end, hit.end + TITLE_GAP):
        # not across an auxiliary: "laut Generalstab wird in X gekämpft" heads no X
        if place.country in doc.theater.territory and of_link(doc, hit.end, place.start) and (
                not _clause_verb(doc, doc.text[hit.end:place.start])):
            return place
        return None
    return None


PLACE_STEM = 4
"""Letters of a place's name that an earlier official's title must hold to be of that place
(a stem: "Харківської", "Харківщини", "Kharkiv" share "харк")."""


def _of_place(speaker: Speaker, place: PlaceMention) -> bool:
    """Whether an earlier speaker's name holds the place a title heads: the same governor
    again ("the governor of Kharkiv region ... the governor of the region"), not another."""
    words = place.surface.lower().split()
    stem = words[-1][:PLACE_STEM] if words else ""
    return bool(stem) and stem in speaker.name.lower()


def _side_adjective_after(doc: Analysis, hit: Hit) -> Hit | None:
    """A side's adjective right after a body's common noun ("il ministero russo")."""
    after = starting(doc.speaker_sides, hit.end, hit.end + NP_GAP + 1)
    if not after or after[0].label not in doc.theater.opponents:
        return None
    if doc.text[hit.end:after[0].start].strip() or not _bare_adjective(
            doc.text[after[0].start:after[0].end]):
        return None
    return after[0]


def default_speaker(
    doc: Analysis, sentence: Sentence, speakers: list[Speaker], state: State
) -> Speaker:
    """Who a sentence without its own speaker is attributed to: the speaker named where
    its quotation closes, the previous speaker of the paragraph, or the outlet."""
    quoted = quotation_speaker(doc, sentence, state)
    if quoted is not None:
        return quoted
    outlet = Speaker(doc.outlet, OUTLET_SIDE, sentence.start, named=False)
    narration = doc.lexicon.narration
    if (narration is not None and may_begin(doc, narration, sentence.start, sentence.end)
            and narration.search(sentence.text.lower())) or (
            sentence.text[:1] not in _QUOTES and not state.in_quotation
            and _told_background(doc, sentence)):
        return outlet  # (a quotation is its speaker's words, however far back it looks)
    carried = state.speaker
    fresh = carried is None or not (sentence.paragraph == state.speaker_paragraph
                                    and _carries(state))
    if fresh and sentence.text[:1] not in _QUOTES:
        answerer = interviewee(doc, sentence)
        if answerer is not None:
            return replace(answerer, position=sentence.start)
    if (fresh and state.principal is not None and sentence.text[:1] not in _QUOTES
            and not _past_question(state, sentence)
            and (sentence.start >= state.principal.position or _headline(doc, sentence))
            and (state.principal.reach is None or (sentence.start < state.principal.reach
                                                   and not _voiced(doc, sentence)))
            and not within(doc.earlier, sentence.start, sentence.end)
            and (_reported(doc, sentence) or _headline(doc, sentence))):
        return replace(state.principal, position=sentence.start, reach=None)
    if carried is not None and (
        (sentence.paragraph == state.speaker_paragraph and _carries(state)
         and not within(doc.earlier, sentence.start, sentence.end))
        or sentence.text[:1] in _QUOTES
    ):
        end = _quotation_end(sentence)
        if end is not None and doc.text[end:sentence.end].strip(_AFTER_MARKS + " "):
            return replace(carried, position=sentence.start, reach=end, outside=outlet)
        return replace(carried, position=sentence.start)
    return outlet


TURN_LABEL = 15
"""Longest label of a turn of an interview before its colon ("Q:", "Frage:", "Вопрос:")."""
_TURN = re.compile(rf"[—–-]\s|[^\W\d_][\w.]{{0,{TURN_LABEL - 1}}}\s?:\s")
"""How a turn of an interview opens its paragraph: a dialogue dash ("— Czy ...?") or a
one-word label and a colon ("Q: ...", "A: ...", "Ответ: ...")."""


def interviewee(doc: Analysis, sentence: Sentence) -> Speaker | None:
    """Who answers in an interview laid out as turns ("Q: ...? A: ...", "— ...? — ..."):
    the person the text names first, before its first question, speaks in every turn that
    answers one (a turn after a question's turn, not a question itself). A question is a
    turn that ends with "?", or, once the first one is found, any turn with its label
    ("Q: What about X? Bloggers claim half of it." asks too, so "A: ..." after it answers).
    None outside such turns, and in a text with no interview (question headings of the
    outlet's own sections open with no turn's mark)."""
    answers: tuple[frozenset[int], Speaker | None] | None = doc.kept.get("interview")
    if answers is None:
        answers = doc.kept["interview"] = _interview(doc)
    return answers[1] if sentence.paragraph in answers[0] else None


def _interview(doc: Analysis) -> tuple[frozenset[int], Speaker | None]:
    """The answering turns and who gives them. A turn with the label of the first turn
    that asks ("Q:", "P:") asks too, whatever its last sentence; a turn with no label (a
    dash) asks when it ends in "?". From the first question on, a turn that is no
    question answers the turn before it when that one asked, or prompted with a
    statement of its own ("— Military bloggers write that ... — Let them write."): an
    interviewer's turn that states rather than asks is followed by an answer too."""
    answers: set[int] = set()
    first_question: Sentence | None = None
    turns = [(number, group, turn.group().rstrip(": ") if ":" in turn.group() else None)
             for number, group in paragraphs(doc).items()
             if (turn := _TURN.match(group[0].text)) is not None]
    asking = next((label for _, group, label in turns
                   if group[-1].text.rstrip(_CLOSING).endswith("?")), None)
    awaiting = False  # the last turn was the interviewer's: the next one answers it
    for number, group, label in turns:
        question = (label == asking if asking is not None and label is not None
                    else group[-1].text.rstrip(_CLOSING).endswith("?"))
        if question and first_question is None:
            first_question = group[0]
        elif first_question is not None and awaiting and not question:
            answers.add(number)
            awaiting = False
            continue
        awaiting = first_question is not None
    if first_question is None or not answers:
        return frozenset(), None
    persons = [p for p in within(doc.persons, 0, first_question.start) if not any(
        in_dateline(doc, s, p.start) for s in doc.sentences[:1])]
    if not persons:
        return frozenset(), None
    cue = Hit(persons[0].start, persons[0].end, "verb")
    return frozenset(answers), _as_speaker(doc, persons[0], cue, State(), None)


def _voiced(doc: Analysis, sentence: Sentence) -> bool:
    """Whether a sentence has a reporting verb of its own whose speaker no name resolved
    ("Russian propagandists claimed the 'capture' of X" with a noun the lexicon lacks): it
    reports another voice, not the article's principal speaker."""
    return any(c.label == "verb" for c in within(doc.cues, sentence.start, sentence.end))


BACKGROUND_AGE = 31
"""Days before publication from which an event a sentence dates is history: a side's
statement reports the last days or weeks; what a sentence with no speaker of its own dates
a month or more back ("in January 2023", "last August") is the outlet's background
(read off the annotation rules: background history told by the outlet is the outlet's)."""


def _told_background(doc: Analysis, sentence: Sentence) -> bool:
    """Whether a sentence with no speaker of its own is the outlet's background: a state
    it says has lasted long (the lexicon's `background`: "for months", "depuis des mois"),
    or an event it dates BACKGROUND_AGE days or more before publication."""
    background = doc.lexicon.background
    if background is not None and may_begin(doc, background, sentence.start, sentence.end) and (
            background.search(sentence.text)):
        return True
    if doc.published is None:
        return False
    return any(m.value is not None and (doc.published - m.value).days >= BACKGROUND_AGE
               for m in within(doc.dates, sentence.start, sentence.end))


def _carries(state: State) -> bool:
    """Whether the last named speaker still speaks, inside its paragraph: for the whole of a
    paragraph it opens ("According to the General Staff, ... . Russian forces ... ."), else
    for CARRY_SENTENCES sentences."""
    return state.speaker_leads or state.since < CARRY_SENTENCES


def _reported(doc: Analysis, sentence: Sentence) -> bool:
    """Whether a sentence is in the mood of reported speech, where its language marks it
    (the lexicon's `reported_mood`: German Konjunktiv I "sei", "habe", "seien"): in such a
    language a sentence in the indicative is the outlet's own."""
    mood = doc.lexicon.reported_mood
    return mood is None or mood.search(doc.text, sentence.start, sentence.end) is not None


_CLOSES = {"\"": "\"", "«": "»", "“": "”", "„": "“", "‘": "’"}


def _quotation_end(sentence: Sentence) -> int | None:
    """The offset right after the mark that closes the quotation opening `sentence`."""
    closing = _CLOSES.get(sentence.text[:1])
    at = sentence.text.find(closing, 1) if closing else -1
    return sentence.start + at + 1 if at > 0 else None


def quotation_speaker(doc: Analysis, sentence: Sentence, state: State) -> Speaker | None:
    """«A. B.», — said X: the sentences of a quotation belong to X, named where it closes."""
    if not (opens_quotation(sentence.text) or state.in_quotation):
        return None
    index = bisect.bisect_left(starts_of(doc.sentences), sentence.start)
    paragraph, reopened = sentence.paragraph, False
    for before, later in itertools.pairwise(doc.sentences[index:index + QUOTATION_REACH]):
        if later.paragraph != paragraph:
            # a quotation going on in a new paragraph opens it again, its last one unclosed
            # ('"... We hold A.¶"Fighting goes on in B," he wrote.')
            if later.text[:1] not in _QUOTES or closes_quotation(before.text):
                return None
            paragraph, reopened = later.paragraph, True
        if closes_quotation(later.text) or (reopened and not opens_quotation(later.text)):
            named = [s for s in speakers_of(doc, later, state) if s.named]
            return replace(named[-1], position=sentence.start) if named else None
    return None


def _headline(doc: Analysis, sentence: Sentence) -> bool:
    """Whether `sentence` is the article's headline: alone in its first paragraph."""
    sentences = doc.sentences
    return (sentence is sentences[0] and
            (len(sentences) == 1 or sentences[1].paragraph != sentence.paragraph))


def principal_speaker(doc: Analysis) -> Speaker | None:
    """The speaker an article reports: the first one named in its first LEAD_SENTENCES
    sentences ("Governor X says ...", "..., the ministry said"). None when a voice of
    another side answers within the first LEAD_PARAGRAPHS paragraphs: the report weighs
    two sides, and what nobody is said to say is the outlet's narration. When the lead says
    the article retells one report ("This is stated in the General Staff's bulletin"), a
    voice of another side named only later (the Kremlin quoted at its end) ends its
    `reach` there; so does the next entry of a live blog or ticker (`entry_starts`): an
    entry is a scope of its own, whose lines are never an earlier entry's speaker's."""
    state = State()
    principal: Speaker | None = None
    sides: set[str] = set()
    retold = False  # the lead says the article retells one report ("Про це йдеться у зведенні")
    for index, sentence in enumerate(doc.sentences):
        if not within(doc.cues, sentence.start, sentence.end):
            continue
        speakers = speakers_of(doc, sentence, state)
        remember(doc, state, sentence, speakers)
        named = [s for s in speakers if s.named and not s.anaphoric and not s.enemy]
        if named and _points_back(doc, sentence) and sentence.paragraph < LEAD_PARAGRAPHS and (
                principal is None or principal.side in (named[0].side, UNKNOWN)):
            # "... The command reports this.", also after a headline naming the same side's
            # voice or one of no side ("Генштаб: ..." then "Про це повідомляє Генштаб ЗСУ"):
            # the lead's own words say the article retells that one report
            principal = replace(named[0], position=0)
            retold = True
        if principal is None and named and index < LEAD_SENTENCES:
            principal = named[0]
        sides.update(s.side for s in named if s.side in doc.theater.opponents)
        if principal is None and index >= LEAD_SENTENCES:
            return None
        if principal is not None and sides - {principal.side}:
            if sentence.paragraph < LEAD_PARAGRAPHS or not retold:
                return None
            return _within_entry(doc, replace(principal, reach=sentence.start))
    return None if principal is None else _within_entry(doc, principal)


ENTRY_HEAD = 40
"""A heading's speaker with its colon ("Генштаб:", "Zelensky:", "+++ 16:05 +++ Moskau:")
closes at most this far into its line."""


def entry_starts(doc: Analysis) -> list[int]:
    """Where the entries of a live blog, a ticker or a digest begin: a line that opens with
    a time stamp, or with a speaker's name and a colon ("Генштаб: ...", "Zelensky: ...").
    Each entry starts a new scope for speakers (kept with the document)."""
    found: list[int] | None = doc.kept.get("entries")
    if found is None:
        found = doc.kept["entries"] = []
        for group in paragraphs(doc).values():
            first = group[0]
            if TIME_STAMP.match(first.text) or any(
                    doc.text[c.start:c.end] == ":" for c in within(
                        doc.cues, first.start, min(first.end, first.start + ENTRY_HEAD))):
                found.append(first.start)
    return found


def _within_entry(doc: Analysis, principal: Speaker) -> Speaker:
    """`principal` speaking at most up to the start of the entry after the one it is named in."""
    starts = entry_starts(doc)
    later = starts[bisect.bisect_right(starts, principal.position):]
    if not later or (principal.reach is not None and principal.reach <= later[0]):
        return principal
    return replace(principal, reach=later[0])


_SCOPE_END = re.compile(r";|\s--\s")
"""What ends the clause a reporting cue governs: a semicolon or a spaced double hyphen ("...
reported that X fell; the region has been shelled for months", "the border with the
region -- the area where the fiercest fighting is"): what follows is the outlet's."""


def speaker_for(trigger: Hit, speakers: list[Speaker], default: Speaker | None,
                doc: Analysis | None = None) -> Speaker:
    """The speaker of a trigger: the cue nearest before it (within the clause it governs),
    else the first cue (unless the trigger only opens the sentence before that speaker's
    name and what it says: "After a year of fighting, the army said it took X"), else
    `default` (read only when `speakers` is empty, so a caller with speakers may pass None)."""
    before = [s for s in speakers if s.position <= trigger.start] if speakers else []
    if before:
        if doc is not None and before[-1].named and (_SCOPE_END.search(
                doc.text, before[-1].position, trigger.start) or _background(
                doc, trigger, before[-1])):
            return Speaker(doc.outlet, OUTLET_SIDE, trigger.start, named=False)
        return before[-1]
    if speakers:
        if doc is not None and (_fronted(doc, trigger, speakers[0])
                                or _glossed(doc, trigger, speakers[0])):
            return Speaker(doc.outlet, OUTLET_SIDE, trigger.start, named=False)
        return speakers[0]
    assert default is not None, "a sentence with no speaker of its own needs its default"
    if default.outside is not None and default.reach is not None and (
            trigger.start >= default.reach):
        return default.outside  # after the quotation closes, the outlet narrates
    if doc is not None and default.named and _background(doc, trigger, default):
        # "X lies near B, a town Russian troops have tried to take for months": the relative
        # clause is the outlet's, in a sentence a carried or principal speaker was given
        return Speaker(doc.outlet, OUTLET_SIDE, trigger.start, named=False)
    return default


_RELATIVE_END = re.compile(r"[,;:.()]")


def _background(doc: Analysis, trigger: Hit, speaker: Speaker) -> bool:
    """Whether `trigger` stands in a relative clause set off by a comma that describes a
    place the speaker names ("Russia said it took A in the B region, where its troops have
    gained ground for months", ", gdzie od miesięcy trwają walki"; the lexicon's
    `relative`): the outlet's background on the place, not the statement."""
    pattern = doc.lexicon.relative
    if pattern is None:
        return False
    for place in reversed(within(doc.places, speaker.position, trigger.start)):
        found = pattern.match(doc.text, place.end, trigger.start)
        if found is not None:  # set off by a comma: "the areas of A where X infiltrated" is
            return ("," in found.group()  # what the speaker says
                    and not _RELATIVE_END.search(doc.text, found.end(), trigger.start)
                    and not within(doc.triggers, found.end(), trigger.start)
                    and not _counted(doc, found.end()))
    return False


_COUNT = re.compile(r"\d")


def _counted(doc: Analysis, start: int) -> bool:
    """Whether the clause from `start` counts what happened (", where Russian troops attacked
    45 times", ", où les forces russes ont lancé 40 assauts"): a bulletin's news of the
    place, not the outlet's background on it."""
    end = _RELATIVE_END.search(doc.text, start)
    return _COUNT.search(doc.text, start, end.start() if end else len(doc.text)) is not None


def _glossed(doc: Analysis, trigger: Hit, speaker: Speaker) -> bool:
    """Whether `trigger` stands in the outlet's gloss between a quotation that opens its
    sentence and the reporting verb after it ('"We hold the bridgehead near A", 50 km
    from B, which Kyiv controls, the spokesman said'): the quotation is the speaker's,
    the words set off after it the outlet's."""
    index = bisect.bisect_right(starts_of(doc.sentences), trigger.start) - 1
    if index < 0:
        return False
    end = _quotation_end(doc.sentences[index])
    return (end is not None and end <= trigger.start < speaker.position
            and (doc.text[end - 2:end - 1] == ","  # '"...," about 40 km from B'
                 or doc.text[end:trigger.start].lstrip(_CLOSING).startswith(",")))


def _fronted(doc: Analysis, trigger: Hit, speaker: Speaker) -> bool:
    """Whether `trigger` stands before the name of a speaker whose cue follows that name
    and governs a claim after it ("Nach monatelangen Kämpfen will die russische
    Armee nach eigenen Angaben X erobert haben"): the opening phrase is the outlet's
    setting, not what the speaker says."""
    if speaker.span is None or trigger.end > speaker.span[0] or speaker.position < speaker.span[1]:
        return False
    if CLAUSE_MARK.search(doc.text, trigger.end, speaker.span[0]) and not _history_before(
            doc, trigger, speaker):
        return False  # "X hit Y, the governor said": the clause before the name is reported
    later = within(doc.triggers, speaker.position, doc.sentences[-1].end)
    cues = within(doc.cues, speaker.position + 1, later[0].start) if later else []
    return bool(later) and not cues and not SENTENCE_END.search(
        doc.text, speaker.position, later[0].start)


def _history_before(doc: Analysis, trigger: Hit, speaker: Speaker) -> bool:
    """Whether the clause of `trigger` before a speaker's name dates its event BACKGROUND_AGE
    days or more before publication ("Russian forces took A in July 2025 after a year of
    fighting, and the ministry now claims B"; "... вошли в A в октябре 2025 года, а в декабре
    министерство объявило о взятии B"): the outlet's history, set before the news."""
    if doc.published is None:
        return False
    start = doc.text.rfind("\n", 0, trigger.start) + 1
    return any(m.value is not None and (doc.published - m.value).days >= BACKGROUND_AGE
               and trigger.start - m.start < SUBJECT_REACH
               for m in within(doc.dates, start, speaker.span[0] if speaker.span else start))


def attribute_backwards(
    doc: Analysis, sentence: Sentence, speakers: list[Speaker], state: State, done: list[Claim]
) -> None:
    """"This was reported by X on Tuesday": give the previous sentence's claims to X. The
    first speaker of an article, named in its lead after what it says ("A is under attack.
    B holds, according to X." or "... X reports this."), also takes the claims before it
    that nobody else was said to make."""
    if not speakers:
        return  # (one sentence in four: nobody to give claims to)
    named = [s for s in speakers if s.named and not s.anaphoric and not s.enemy]
    if named and not state.history and _lead_source(doc, sentence, named[0]):
        for index, claim in enumerate(done):
            if claim.claimant == doc.outlet and claim.claimant_side == OUTLET_SIDE:
                done[index] = _with_speaker(doc, claim, named[0])
        return
    if not state.previous or state.previous_cued:
        return
    if not named or not _points_back(doc, sentence):
        return
    speaker = named[0]
    for index, claim in enumerate(done):
        if any(claim is p for p in state.previous):
            done[index] = _with_speaker(doc, claim, speaker)


def attribute_restated(
    doc: Analysis, sentence: Sentence, speakers: list[Speaker], state: State, done: list[Claim]
) -> None:
    """"Two villages fell to the Russian army: A and B. The ministry said its units had
    'liberated' the two settlements": a named side that restates, with no place of its own
    (this sentence made no claim), the kind of event the sentence right before told in the
    outlet's voice is the source of that sentence's claims; not when that sentence tells
    history ("earlier", "in precedenza": the outlet's background, whoever recalls it)."""
    if not state.previous or state.previous_age or state.previous_cued:
        return
    told = state.previous[0].evidence
    if within(doc.earlier, told.start, told.end):
        return
    named = [s for s in speakers if s.named and not s.anaphoric and not s.enemy
             and s.side in doc.theater.opponents]
    kinds = {t.label for t in within(doc.triggers, sentence.start, sentence.end)}
    if not named or not kinds:
        return
    # "X says that after the fall of A the road to B will be open": a town the sentence
    # names that the claims before did not is its own subject, not a restatement of them
    previous = {claim.place.name for claim in state.previous}
    if any(p.kind == "populated_place" and p.name not in previous
           for p in within(doc.places, sentence.start, sentence.end)):
        return
    for index, claim in enumerate(done):
        if (any(claim is p for p in state.previous) and claim.kind in kinds
                and claim.claimant_side == OUTLET_SIDE and claim.stance == "asserts"):
            done[index] = _with_speaker(doc, claim, named[0])


_CLOSING_DASH = re.compile(r"[,.!?…]?\s*[—–]\s*$")


def attribute_closing(
    doc: Analysis, sentence: Sentence, speakers: list[Speaker], done: list[Claim],
    own: list[Claim],
) -> None:
    """"Ночью враг обстрелял A. Повреждены два дома, — написал X." and "– Wróg ostrzeliwuje
    A. Mamy rannych – powiedział X.": direct speech without quotation marks, which a dash
    and a reporting verb with its speaker close at the end of a sentence, began at the start
    of the paragraph; its earlier sentences' claims that nobody else was said to make (the
    outlet's, with no reporting cue between) are that speaker's, unless the speaker's own
    sentence (`own`) makes the same claim again."""
    # a name of a known side written there, not one a title points back to ("– said the
    # brigade's spokesman X" may resolve to the previous speaker)
    if not speakers:
        return  # (one sentence in four: nobody closes a speech)
    named = [s for s in speakers if s.named and not s.enemy and not s.anaphoric
             and s.side in doc.theater.opponents]
    if not named or not done:
        return
    speaker = named[-1]
    if (not _CLOSING_DASH.search(doc.text, sentence.start, speaker.position)
            or within(doc.triggers, speaker.position, sentence.end)):
        return
    start = sentence.start
    for earlier in reversed(doc.sentences[:bisect.bisect_left(starts_of(doc.sentences),
                                                              sentence.start)]):
        if earlier.paragraph != sentence.paragraph:
            break
        start = earlier.start
    if start == sentence.start or within(doc.cues, start, sentence.start):
        return
    said = {_said(c) for c in own}
    for index in range(len(done) - 1, -1, -1):
        claim = done[index]
        if claim.evidence.start < start:
            break
        if (claim.claimant == doc.outlet and claim.claimant_side == OUTLET_SIDE
                and _said(claim) not in said):
            # its own date stays: the speech tells of days ("We wtorek drony ...") that
            # the day it was spoken on must not replace
            voice = local_voice(doc, speaker, claim.place)
            done[index] = replace(claim, claimant=voice.name, claimant_side=voice.side)


def _said(claim: Claim) -> tuple[object, ...]:
    return (claim.place.geonameid, claim.place.name, claim.kind, claim.actor_side, claim.stance)


def _points_back(doc: Analysis, sentence: Sentence) -> bool:
    """Whether the sentence attributes what came before it ("This was reported by X")."""
    return any(c.label == "backward" for c in within(doc.cues, sentence.start, sentence.end))


def _lead_source(doc: Analysis, sentence: Sentence, speaker: Speaker) -> bool:
    """Whether `speaker` is the source of an article's lead: named by a sentence that points
    back, in its first LEAD_PARAGRAPHS paragraphs, or after every claim word of its sentence
    ("..., selon l'armée", "..., the governor said") in the lead's first paragraph of text."""
    if _points_back(doc, sentence):
        return sentence.paragraph < LEAD_PARAGRAPHS
    first = doc.sentences[0]
    titled = len(doc.sentences) > 1 and _headline(doc, first)
    lead = doc.sentences[1].paragraph if titled else first.paragraph
    triggers = within(doc.triggers, sentence.start, sentence.end)
    return (sentence.paragraph == lead and bool(triggers)
            and all(t.end <= speaker.position for t in triggers))


def _with_speaker(doc: Analysis, claim: Claim, speaker: Speaker) -> Claim:
    speaker = local_voice(doc, speaker, claim.place)
    when = speaker.date
    return replace(
        claim,
        claimant=speaker.name,
        claimant_side=speaker.side,
        date=when.value if when else claim.date,
        date_precision=when.precision if when else claim.date_precision,
    )


def denier(speakers: list[Speaker], denial: Hit, fallback: Speaker) -> Speaker:
    """The denial's own speaker: the speaker of the quotation it stands in, else the one
    whose cue is nearest the denial word."""
    if not speakers:
        return fallback
    for speaker in speakers:
        if speaker.quoted is not None and speaker.quoted[0] <= denial.start < speaker.quoted[1]:
            return speaker
    return min(speakers, key=lambda s: abs(s.position - denial.start))


DEFENDED_KINDS = ("control", "encirclement")
"""Claims whose denial tells the denier's side: who denies that a side took or encircled a
place is that side's opponent ("X has not fallen", "la ville n'est pas encerclée")."""


def settle_sides(claims: list[Claim], doc: Analysis | None = None) -> list[Claim]:
    """A speaker whose side one of its statements gives ("Russian reports of X were rejected
    by the command": the command is Ukrainian; a spokesman of no named side who denies that
    Russia took or encircled X is Ukrainian) speaks for that side in every statement of
    the article it makes under the same name, where nothing else gave its side."""
    known: dict[str, set[str]] = {}
    for claim in claims:
        if claim.claimant_side not in (UNKNOWN, OUTLET_SIDE):
            known.setdefault(claim.claimant, set()).add(claim.claimant_side)
    denied: dict[str, set[str]] = {}  # a denier settled so → the places it defends
    for claim in claims:
        denier = _denier_side(doc, claim) if claim.stance == "denies" else None  # (9 in 10 assert)
        if denier is not None and (claim.claimant not in known or claim.claimant in denied):
            known.setdefault(claim.claimant, set()).add(denier)
            denied.setdefault(claim.claimant, set()).add(claim.place.name)
    settled = []
    for claim in claims:
        if claim.claimant_side == UNKNOWN and known:
            sides = known.get(claim.claimant) or _sides_of_fuller_names(claim.claimant, known)
            if len(sides) == 1:
                claim = _held_by_denier(claim, next(iter(sides)),
                                        denied.get(claim.claimant, set()))
        settled.append(claim)
    return settled


def _held_by_denier(claim: Claim, side: str, defended: set[str]) -> Claim:
    """`claim` with its claimant's settled side; a whole place that a denier of its capture
    says is held ("X reste sous notre contrôle, la ville n'est pas encerclée") is held by
    the denier's side, whoever the words for "ours" were read as before its side was known."""
    if (claim.kind == "control" and claim.stance == "asserts" and claim.fraction is None
            and claim.place.name in defended):
        return replace(claim, claimant_side=side, actor_side=side)
    return replace(claim, claimant_side=side)


def _denier_side(doc: Analysis | None, claim: Claim) -> str | None:
    """The side of a named speaker of unknown side that denies a side's capture or
    encirclement of a place: that side's opponent."""
    if (doc is None or claim.claimant_side != UNKNOWN or claim.claimant == UNATTRIBUTED
            or claim.stance != "denies" or claim.kind not in DEFENDED_KINDS
            or claim.actor_side not in doc.theater.opponents):
        return None
    return doc.theater.opponent(claim.actor_side)


NAME_WORD = re.compile(r"\w{4,}")
"""Words of a speaker's name compared with a fuller name: long enough to leave out articles
and prepositions ("the", "of", "у")."""


def _sides_of_fuller_names(name: str, known: dict[str, set[str]]) -> set[str]:
    """The sides of the speakers whose fuller name holds every word of `name` ("the General
    Staff" in an article that also cites "Ukraine's General Staff"): one body named short."""
    words = {w.lower() for w in NAME_WORD.findall(name)}
    if not words:
        return set()
    return {side for fuller, sides in known.items() if fuller != name
            and words <= {w.lower() for w in NAME_WORD.findall(fuller)} for side in sides}


def partisan_outlet(doc: Analysis, claims: list[Claim]) -> list[Claim]:
    """An outlet that is a side's own channel (a Z-channel, a brigade's channel) speaks for
    that side: in its own voice it calls one side's fighters ours (the lexicon's
    `partisan`: "наши штурмовики", "наші хлопці", "our guys") and names the enemy ("противник",
    "ворог"), and the paragraphs where it says "ours" name the other side most ("Украинские
    паблики пишут ... под контролем ВСУ"; its own units named there, "5-й армии", count
    less, and neither "ours" itself, "наших захисників", nor the other side's words it
    quotes, «оккупанты выбиты», count): its own claims are then that side's."""
    if not any(c.claimant == doc.outlet and c.claimant_side == OUTLET_SIDE for c in claims):
        return claims
    ours = doc.kept[CHANNEL_SIDE] if CHANNEL_SIDE in doc.kept else channel_side(doc)
    if ours is None:
        return claims
    return [replace(c, claimant_side=ours)
            if c.claimant == doc.outlet and c.claimant_side == OUTLET_SIDE else c
            for c in claims]


def channel_side(doc: Analysis) -> str | None:
    """The side whose own channel the outlet is (see `partisan_outlet`), or None. Known
    before the claims are read, it is the side the outlet's "the enemy" and "ours" are
    resolved against (`binding.resolve_side`), not the outlet's `other`."""
    pattern = doc.lexicon.partisan
    if pattern is None:
        return None
    if not any(s.label == "enemy" and _own_voice(doc, s.start) for s in doc.sides):
        return None
    found = [match.span() for match in pattern.finditer(doc.text)]
    own = {sentence.paragraph for start, _ in found
           if (sentence := _own_voice(doc, start)) is not None}
    named = Counter(s.label for index in own
                    for s in within(doc.sides, paragraphs(doc)[index][0].start,
                                    paragraphs(doc)[index][-1].end)
                    if s.label in doc.theater.opponents and not _quoted(doc, s.start)
                    and not any(start <= s.start < end for start, end in found))
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return doc.theater.opponent(ranked[0][0])


def _quoted(doc: Analysis, at: int) -> bool:
    """Whether offset `at` is inside a quotation of its sentence (a channel citing the other
    side's words: «оккупанты выбиты из X» names no enemy of its own)."""
    index = bisect.bisect_right(starts_of(doc.sentences), at) - 1
    return index >= 0 and opens_quotation(doc.text[doc.sentences[index].start:at])


def _own_voice(doc: Analysis, at: int) -> Sentence | None:
    """The sentence holding offset `at` when it is in the outlet's own voice: it has no
    reporting cue, opens no quotation and is not inside one its paragraph opened earlier
    («Окупанти ... знищено, село під нашим контролем. ...», — йдеться в повідомленні)."""
    index = bisect.bisect_right(starts_of(doc.sentences), at) - 1
    if index < 0:
        return None
    sentence = doc.sentences[index]
    if sentence.text[:1] in _QUOTES or within(doc.cues, sentence.start, sentence.end):
        return None
    if opens_quotation(doc.text[paragraphs(doc)[sentence.paragraph][0].start:sentence.start]):
        return None
    return sentence
