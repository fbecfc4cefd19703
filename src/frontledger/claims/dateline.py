"""Datelines: "KYIV, Nov 20 (Reuters) - ...", "Roma, 12 mar. (askanews) - ...", "Moscú, 20 nov
(EFE).- ...": the place a wire report is filed from and its date open its first sentence.
The place is where the report was written, neither a claim's place nor a voice."""

from __future__ import annotations

import re

from frontledger.claims.analysis import Analysis, within
from frontledger.text.sentences import Sentence

# After the place a report is filed from: a date (", Nov 20", ", 12 mar.") or an agency in
# brackets (or the place in capitals), then a dash or colon (".-" after the agency, as
# Spanish wires write it: "Moscú, 20 nov (EFE).- "); DATELINE_DATE characters of date
# at most. Russian and Ukrainian wires put the agency between slashes and end it with a
# dot ("МОСКВА, 14 октября. /ТАСС/. ").
DATELINE_DATE = 20
DATELINE_REACH = 80
"""No dateline is longer than this: a place's name, a date, an agency and a dash."""
_DATELINE = re.compile(r"(?P<joint>(?:\s*/\s*[^\W\d_][\w'’.-]*)+)?"  # "Moskau/Kiew (dpa) -"
                       r"(?P<country>\s*\([^()\n]{1,30}\))?"  # "Kramatorsk (Ukraine), 19 nov"
                       rf"(?P<date>,[^()\n.;]{{0,{DATELINE_DATE}}}\.?)?\s*"
                       rf"(?P<agency>\([^()\n]{{1,30}}\)\s*|/[^/()\n]{{1,30}}/)?"
                       r"(?:\.?[-–—:]\s|(?<=/)\.(?:\s|$)|(?(joint)\.\s|(?!)))")
# (a joint dateline of two cities may end with a full stop: "Zürich/Kiew. Wer ...")
_OPENING = " \t\"'«“„*"
_AGENCY_FIRST = re.compile(r"\([^()\n]{1,30}\)\s*[-–—]?\s*")
"""An agency named ahead of the dateline's place: "(AGI) - Mosca, 8 gen. - ..."."""
_AFTER_DATELINE = frozenset(",(-–—:/")


def dateline_end(doc: Analysis, sentence: Sentence) -> int | None:
    """Where the dateline opening `sentence` ends (None: it has none)."""
    reach = min(sentence.end, sentence.start + DATELINE_REACH)
    first = within(doc.places, sentence.start, reach)[:1]
    if not first or doc.text[first[0].end:first[0].end + 2].strip()[:1] not in _AFTER_DATELINE:
        return None  # the common case: a word follows the first place
    lead = doc.text[sentence.start:first[0].start].strip(_OPENING)
    if lead and not _AGENCY_FIRST.fullmatch(lead):
        return None
    dateline = _DATELINE.match(doc.text, first[0].end, sentence.end)
    if dateline is None or not (dateline["date"] or dateline["agency"] or dateline["country"]
                                or dateline["joint"] or first[0].surface.isupper()):
        return None  # "Pokrovsk - the city Russia claims - lies in ruins" is no dateline
    return dateline.end()


def in_dateline(doc: Analysis, sentence: Sentence, start: int) -> bool:
    """Whether offset `start` (a place's, a name's) lies in the dateline of `sentence`."""
    if start - sentence.start > DATELINE_REACH:
        return False
    # asked ~60 times an article about ~25 sentences: each sentence's dateline is worked
    # out once, and kept with the document (`Analysis.kept`, by the sentence's start)
    ends: dict[int, int | None] | None = doc.kept.get(_ENDS)
    if ends is None:
        ends = doc.kept[_ENDS] = {}
    if sentence.start in ends:
        end = ends[sentence.start]
    else:
        end = ends[sentence.start] = dateline_end(doc, sentence)
    return end is not None and start < end


_ENDS = "dateline ends"
"""`Analysis.kept` key of the dateline ends found so far, by sentence start (None: none)."""
