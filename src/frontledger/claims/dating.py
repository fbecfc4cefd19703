"""When a claim holds: the date of a claim, from its sentence, its statement or publication.

Reads: an analysed document (its date mentions, "earlier" markers, tense words), the
sentence and trigger of a claim, and its speaker. Gives: a `DateMention` or None (undated).

Rules, in order:
1. a date written in the sentence (the one nearest the trigger) dates the claim;
2. else the date of the statement it belongs to (the speaker's, given in an earlier sentence:
   "On Monday the governor said ... He named four villages Russia now held"), but not for a
   withdrawal told in the past (`EVENT_KINDS`); a time that names no day ("this week", "a
   few days ago") leaves its own sentence undated but is no day for later sentences to share;
3. a marker of an earlier time ("weeks ago", "раніше", "recently") leaves the claim undated;
4. else the day a bulletin says it speaks for, in its lead ("Станом на 22:00 8 січня ...",
   `report_date`), dates every claim of the report, past events too (but for `EVENT_KINDS`);
5. else a present state or a denial holds on the published date; an undated past event
   stays undated (shown as such by the ledger, never dropped), except a strike (the news of
   the report's day, `NEWS_KINDS`), what a headline or sub-heading tells (`heading`) and
   what a live blog's timed entry tells (`_in_timed_entry`).
   Tense is the trigger's own (`is_past`): its clause, not the statement's "said"; Slavic
   verbs by their morphology; a German clause by its auxiliary.
The claim a denial answers is dated as its own author's assertion, not by the denier.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from frontledger.claims.analysis import (
    TIME_STAMP,
    Analysis,
    date_near,
    may_begin,
    paragraphs,
    within,
)
from frontledger.claims.attribution import entry_starts
from frontledger.claims.morphology import past_verb, present_verb
from frontledger.claims.resources import Lexicon
from frontledger.claims.scan import Hit
from frontledger.records import Claim, PlaceMention
from frontledger.text.dates import DateMention
from frontledger.text.sentences import Sentence

if TYPE_CHECKING:  # attribution hands its speakers' dates to this module's callers
    from frontledger.claims.speaker_names import Speaker

NEWS_KINDS = ("strike",)
"""Kinds whose event, told in the past with no date of its own, is the news of the report's
day: strikes are reported in the next bulletin ("drones hit three districts overnight, the
governor said"), while older ones come with their date ("last month, a missile strike ...").
Set on train (2026-12-05): 16 of the 17 strikes annotated in reports with a publication
date are dated, 12 of them to the publication day; before, 4 such came out undated (dev,
measured after: unchanged). Advances were tried too (train: 2 gained, 1 lost) and dropped:
on dev 7 past advances annotated undated came out dated, for 2 gained."""
EVENT_KINDS = ("withdrawal",)
"""Kinds told as an event even in the present perfect ("have withdrawn from X", "han
abandonado X"), and whose past is not dated by the statement that tells it ("on Tuesday the
commander confirmed the troops had pulled out of X"): a withdrawal is a move made some time
before it is reported, not a state that holds on the report's day, while "has taken X" says
who holds X now. Set on train (2026-12-05): all 12 annotated withdrawals are undated where
their own sentence writes no date, 3 of them in a statement dated to a day."""
TENSE_WINDOW = 20
"""A present-time word ("now", "досі") at most this far from a trigger makes it a state."""


PLACE_DATE_GAP = 6
"""Characters at most between a place and a date written right after it that is that
place's own ("A in October and B in December", "a B – w grudniu", "y B, en diciembre"): a
preposition and a comma or dash."""


def claim_date(
    doc: Analysis, sentence: Sentence, trigger: Hit, speaker: Speaker | None, stance: str,
    place: PlaceMention | None = None,
) -> DateMention | None:
    """The date of the claim `trigger` makes in `sentence` about `place` (None: undated)."""
    written = _place_date(doc, sentence, trigger, place) or _trigger_date(doc, sentence,
                                                                        trigger)
    if written is not None and not _other_events_date(doc, sentence, trigger, written):
        return _as_said(doc, sentence, written, speaker)
    if speaker is not None and _shared(speaker.date, sentence) and not (
            trigger.label in EVENT_KINDS and is_past(doc, sentence, trigger)):
        return speaker.date
    if doc.published is None or _earlier(doc, sentence, trigger):
        return None
    report = report_date(doc)
    if report is not None and not (trigger.label in EVENT_KINDS
                                   and is_past(doc, sentence, trigger)):
        return report
    if (stance == "denies" or trigger.label in NEWS_KINDS or heading(doc, sentence)
            or not is_past(doc, sentence, trigger) or _in_timed_entry(doc, sentence)):
        return DateMention(trigger.start, trigger.end, doc.published, "day")
    return None


def _as_said(doc: Analysis, sentence: Sentence, written: DateMention,
             speaker: Speaker | None) -> DateMention:
    """"The governor said on Monday that drones hit X overnight": a day counted from the
    published date ("overnight", "in the past 24 hours", "dans la nuit") is counted from the
    day of the statement that tells it, when that statement names its day (in the sentence,
    or the speaker's from an earlier one: "..., he said on Saturday. He said ...")."""
    if not written.from_published or written.value is None or doc.published is None:
        return written
    said = _statement_day(doc, sentence)
    if said is None and speaker is not None and _shared(speaker.date, sentence):
        said = speaker.date
    if said is None or said.value is None or said.precision != "day" or said.from_published:
        return written
    return replace(written, value=said.value + (written.value - doc.published))


MIN_TIMED_ENTRIES = 2
"""Time-stamped lines a text needs to be a live blog or ticker: one time at the top of an
ordinary report ("12:30 GMT") makes no entries."""


def _in_timed_entry(doc: Analysis, sentence: Sentence) -> bool:
    """Whether the sentence belongs to a live blog's or ticker's entry opened by a time
    of the day ("09h30 - Moscou affirme ...", "+++ 14:05 +++"): an entry tells the news of
    the published day, so a past event it tells with no date of its own happened then.
    The entries are attribution's (`entry_starts`), those that open with a time."""
    timed = [start for start in entry_starts(doc) if TIME_STAMP.match(doc.text, start)]
    return len(timed) >= MIN_TIMED_ENTRIES and timed[0] <= sentence.start


def _trigger_date(doc: Analysis, sentence: Sentence, trigger: Hit) -> DateMention | None:
    """The date written nearest the trigger, except that one written right after an earlier
    trigger is that trigger's where a date follows this one ("occupied in February 2022 and
    retaken in September 2022": September dates the retaking)."""
    written = date_near(doc, sentence, trigger.start)
    if written is not None and written.start >= trigger.end:
        return _before_next_event(doc, sentence, trigger, written)
    if written is None or written.end > trigger.start:
        return written
    after = within(doc.dates, trigger.end, sentence.end)
    if not after or not any(other.end <= written.start for other in
                            within(doc.triggers, sentence.start, written.start)):
        return written
    return after[0]


def _before_next_event(doc: Analysis, sentence: Sentence, trigger: Hit,
                       after: DateMention) -> DateMention:
    """"In February 2024 they captured A, and in July they took B": a date that opens a
    later clause and the later trigger of that clause is that one's; the trigger keeps the
    date written before it, where its sentence writes one. ("retaken in September, during
    the counter-offensive": the date is in the trigger's own clause.)"""
    if not _opens_later_clause(doc, sentence, trigger.end, after):
        return after
    before = [m for m in within(doc.dates, sentence.start, trigger.start)
              if m.end <= trigger.start]
    return before[-1] if before else after


def _opens_later_clause(doc: Analysis, sentence: Sentence, end: int, when: DateMention
                        ) -> bool:
    """Whether a date written after `end` opens a clause of its own, with the trigger that
    comes next ("…, and in July they took B", "…, a w lipcu zdobyły B")."""
    later = within(doc.triggers, when.end, sentence.end)
    return (bool(later) and not within(doc.triggers, end, when.start)
            and _CLAUSE_BREAK.search(doc.text, end, when.start) is not None
            and _CLAUSE_BREAK.search(doc.text, when.end, later[0].start) is None)


def _place_date(doc: Analysis, sentence: Sentence, trigger: Hit,
                place: PlaceMention | None) -> DateMention | None:
    """"took A in October 2024 and B in December of the same year": in a sentence that
    writes several dates, the one written right after a place that follows its trigger
    dates that place's claim (a place named before its trigger, "took A in February and
    retook it in September", is dated by the trigger)."""
    if place is None or place.start < trigger.end:
        return None
    mentions = within(doc.dates, sentence.start, sentence.end)
    if len(mentions) < 2:
        return None
    own = next((m for m in mentions if 0 <= m.start - place.end <= PLACE_DATE_GAP), None)
    return None if own is None or _opens_later_clause(doc, sentence, place.end, own) else own


def _other_events_date(doc: Analysis, sentence: Sentence, trigger: Hit,
                       written: DateMention) -> bool:
    """"Russia occupied A and B in February 2022 and has controlled three quarters of the
    region since": a date written right after a past event's trigger, before a present
    state's, is that event's time; the state holds on the report's day (rule 4)."""
    if written.end > trigger.start:
        return False
    events = [other for other in within(doc.triggers, sentence.start, written.start)
              if other.end <= written.start]
    return bool(events) and not is_past(doc, sentence, trigger) and any(
        is_past(doc, sentence, other) for other in events)


def _earlier(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """Whether a marker of an earlier time dates the trigger: one before it in its sentence
    ("Weeks ago, the troops took X") or after it in its own clause ("took X weeks ago"), not
    one in a clause that follows ("took X, an area where they recently gained ground")."""
    markers = within(doc.earlier, sentence.start, sentence.end)
    return bool(markers) and any(marker.start < trigger.start
                                 or not _CLAUSE_BREAK.search(doc.text, trigger.end, marker.start)
                                 for marker in markers)


def _present_form(lexicon: Lexicon, text: str) -> bool:
    """Whether a trigger's own words are a present form ("are losing", "отходят")."""
    if lexicon.present_form is not None and lexicon.present_form.search(text):
        return True
    return lexicon.morphology is not None and any(
        present_verb(word, lexicon.morphology) for word in text.split())


def heading(doc: Analysis, sentence: Sentence) -> bool:
    """Whether `sentence` is in a headline or sub-heading: a paragraph of at most
    HEADING_SENTENCES sentences that ends with no final stop ("Town lost. Russians take
    it" over a report): it tells the news of the report's day, in the past as headlines
    do."""
    same = paragraphs(doc)[sentence.paragraph]
    return (len(doc.sentences) > len(same) and len(same) <= HEADING_SENTENCES
            and not same[-1].text.rstrip().endswith(_STOPS))


HEADING_SENTENCES = 2
"""A heading is a line of one or two short sentences ("Siege over. The army leaves X")."""
_CLAUSE_BREAK = re.compile(r"[,;:(—–]\s")
"""Where the trigger's clause starts: the tense words before it are its own, not those of the
statement around it ("ВСУ, как сообщил Генштаб, удерживают X": "сообщил" dates nothing)."""
_STOPS = (".", "!", "?", "…", ":", ";", ",", '"', "»", "”", "'")


def answered_claim_date(doc: Analysis, sentence: Sentence, trigger: Hit, claim: Claim) -> Claim:
    """The claim a denial answers ("Kyiv rejected Moscow's claim that it had taken X"), dated
    as an assertion of its own author: not by the denier's statement, and an undated past
    event stays undated."""
    if claim.stance != "asserts":
        return claim
    when = claim_date(doc, sentence, trigger, None, "asserts")
    return replace(claim, date=when.value if when else None,
                   date_precision=when.precision if when else None)


def denial_date(
    doc: Analysis, sentence: Sentence, speaker: Speaker, following: Sentence | None = None
) -> DateMention | None:
    """The date of a denial that answers an earlier claim ("Kyiv dismissed the claims"): when
    it is said (its sentence's date, its speaker's, the day of the statement the next sentence
    of its paragraph quotes it from, else the published date), not the date of the claim it
    answers."""
    written = date_near(doc, sentence, sentence.start)
    if written is not None:
        return written
    if _shared(speaker.date, sentence):
        return speaker.date
    quoted = _statement_day(doc, following) if following is not None else None
    if quoted is not None:
        return quoted
    if doc.published is None:
        return None
    return report_date(doc) or DateMention(sentence.start, sentence.start, doc.published, "day")


REPORT_LEAD = 2
"""Sentences of the article's start searched for the time a bulletin speaks for: a summary
opens with it ("Станом на 22:00 8 січня відбулося 142 бойові зіткнення. Про це ...")."""
REPORT_GAP = 8
"""Characters at most between the time words and the day ("22:00 " + "on "): the day must
be the time's own, not a later date of the sentence."""


def report_date(doc: Analysis) -> DateMention | None:
    """The day a bulletin says it speaks for in its lead (lexicon `report_time`, "станом на
    22:00", "по состоянию на 8:00", "as of 10 p.m.", then a day; else the marker itself when
    it is a day, "від початку доби", "с начала суток"), or None. A General Staff summary
    published the next morning tells the previous day's fighting: its claims hold on that
    day, not on the publication day, and its past events are dated, not left undated."""
    kept = doc.kept.get("report_date", doc)
    if kept is not doc:
        return kept
    found: DateMention | None = None
    pattern = doc.lexicon.report_time
    if pattern is not None and doc.sentences:
        end = doc.sentences[min(REPORT_LEAD, len(doc.sentences)) - 1].end
        for match in pattern.finditer(doc.text, 0, end):
            days = [m for m in within(doc.dates, match.start(), end)
                    if m.start - match.end() <= REPORT_GAP and m.value is not None
                    and m.precision == "day"]
            # a day written after the marker ("с начала суток 10 февраля") wins over the
            # marker's own day
            found = next((m for m in days if m.start >= match.end()),
                         days[0] if days else None)
            if found is not None:
                break
    doc.kept["report_date"] = found
    return found


STATEMENT_DAY_GAP = 12
"""A day written at most this many characters from a reporting verb is the day of the
statement ("said on Tuesday", "заявил во вторник", "в четверг там заявили": 1-8)."""


def _statement_day(doc: Analysis, sentence: Sentence) -> DateMention | None:
    """"Kyiv called it a lie. «...», a spokesman said on Tuesday": the day a denial's next
    sentence gives to its reporting verb is when the denial was said."""
    verbs = [c for c in within(doc.cues, sentence.start, sentence.end) if c.label == "verb"]
    for mention in within(doc.dates, sentence.start, sentence.end):
        if mention.value is None or mention.precision != "day":
            continue
        if any(max(v.start, mention.start) - min(v.end, mention.end) <= STATEMENT_DAY_GAP
               for v in verbs):
            return mention
    return None


def _shared(when: DateMention | None, sentence: Sentence) -> bool:
    """Whether a statement's date dates `sentence`: a day does ("On Monday the governor
    said ... He added that ..."), a time that names no day only in its own sentence."""
    return when is not None and (when.value is not None
                                 or sentence.start <= when.start < sentence.end)


def is_past(doc: Analysis, sentence: Sentence, trigger: Hit) -> bool:
    """Whether the trigger tells an (undated) past event rather than a present state:
    a present-time word near it says no; a present perfect makes a state (but for
    `EVENT_KINDS`); else a trigger past by itself ("captured") or a past form among it and
    the few words of its own clause before it (lexicon `tense_words` and `past`, and the
    morphology of a Slavic verb: "вышли") says yes."""
    assert trigger.trigger is not None
    lexicon = doc.lexicon
    start = max(sentence.start, trigger.start - TENSE_WINDOW)
    end = min(sentence.end, trigger.end + TENSE_WINDOW)
    if lexicon.present is not None and may_begin(doc, lexicon.present, start, end) and (
            lexicon.present.search(doc.text[start:end])):
        return False
    before = _CLAUSE_BREAK.split(doc.text[sentence.start:trigger.start])[-1].split()
    words = before[max(0, len(before) - lexicon.tense_words):] if lexicon.tense_words else []
    trigger_text = doc.text[trigger.start:trigger.end]
    window = " ".join([*words, trigger_text])
    if lexicon.present_perfect is not None and lexicon.present_perfect.search(window):
        return trigger.label in EVENT_KINDS
    if trigger.trigger.tense == "past" and not _present_form(lexicon, trigger_text):
        return True
    if lexicon.past and lexicon.past.search(window):
        return True
    return lexicon.morphology is not None and any(
        past_verb(word, lexicon.morphology) for word in window.split())
