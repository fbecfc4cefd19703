"""Date expressions resolved against a document's published date.

Reads: text, its language and published date. Adds: `DateMention`s — the calendar date an
expression names ("on Thursday", "la veille", "11 грудня", "в сентябре того же года",
"December 7–8", "2025-10-22") with its precision (day, month or year), and the time words
that name no day ("a few days ago", "last autumn", "début 2024": `vague`), kept as mentions
without a value so that what they date stays undated.

The words of each language (months, weekdays, "yesterday"...) come from the `[dates]`
table of that language's `text.toml` (`frontledger/data/lang/<lang>/`, read through
`frontledger.language`).
Rules, in short: a date without a year takes the published year, or the year before when
that would put it after publication; a weekday is the latest such day on or before the
published date; a month alone is dated to its 1st (precision month); a range ("7–8") is
dated to its last day; "of the same year" takes the last year written before it; a relative
day marked `from = "previous"` ("earlier in the day", "le même jour") counts from the last
day written before it (statements of one day share its date), else from publication;
a weekday after a `previous` word ("last Tuesday", "mardi dernier") published on that very
weekday is the week before; a month marked as last year's ("в августе прошлого года", "August
of last year") is the publication year's before, one after a `last` word ("last August",
"en août dernier") the latest such month before the publication month; a relative entry with
`unit = "month"` names a month ("last month", "le mois dernier": month precision); a year
after the language's `year_before` words ("in 2022", "в 2022 году") before the publication
year is a time without a day, like `vague` ones (a report's own year is no mention); two
days joined by the language's `range_gap` ("dans la nuit de samedi à dimanche", "в ночь с
субботы на воскресенье") are one mention, dated to the later day; the first end of a range
written without its year takes the year of its second end ("from May to October 2022").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from frontledger import language as languages
from frontledger.language import Language
from frontledger.records import DatePrecision, quick_init
from frontledger.text import compiled

# A day number, then the language's ordinal ending (`day_suffix`: "th", "er", "-го", "."),
# maybe a range ("7–8"); what joins a day to its month (`day_month_gap`: "20 de
# noviembre") and a month to its year (`year_gap`: "noviembre de 2025") are the language's too.
_DAY = r"(?P<d1>\d{1,2})(?:%s)?(?:(?:\s*[-–—]\s*|%s)(?P<d2>\d{1,2})(?:%s)?)?"
"""A day, or two joined by a dash or the language's `range_gap` ("6-7", "6 and 7", "5 по 7"): the
later one dates it."""
_YEAR = r"(?:%s(?P<y>(?:19|20)\d{2}))?"
DEFAULT_DAY_MONTH_GAP = r"\s+"
DEFAULT_YEAR_GAP = r",?\s+"
_NUMERIC = re.compile(
    r"\b(?:(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})|"
    r"(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>(?:19|20)\d{2}))\b"
)
LAST_REACH = 12
"""How far before a weekday its `last` word is read ("am vergangenen ", "в прошлую ")."""
_WORD_START = re.compile(r"^(?:\\b|\(\?<!\\w\))")
"""A pattern's opening word-start assertion, as written in the data: \\b or (?<!\\w)."""
_BARE_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")

Finditer = Callable[[re.Pattern[str], str], list[re.Match[str]]]
"""Something that finds exactly what `list(pattern.finditer(text))` finds (faster, maybe)."""


def _plain(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return list(pattern.finditer(text))


@quick_init  # (made ~15 times an article: see `records.quick_init`)
@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text, resolved to a calendar date."""

    start: int
    end: int
    value: date | None
    """None for a time that names no day ("in recent days", "à l'automne dernier")."""
    precision: DatePrecision | None
    from_published: bool = False
    """A day counted from the published date ("overnight", "yesterday", "dans la nuit"):
    a statement that names its own day ("said on Monday that ... overnight") counts it
    from that day instead."""


@dataclass(frozen=True, slots=True)
class _Relative:
    """A relative time word: "yesterday" (-1 day), "le même jour" (0 days from the last day
    written before), "last month" (-1 month)."""

    pattern: re.Pattern[str]
    offset: int
    from_previous: bool
    unit: str
    """"day" or "month"."""


@dataclass(frozen=True, slots=True)
class _DateWords:
    """One language's compiled date patterns."""

    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: tuple[_Relative, ...]
    same_year: re.Pattern[str] | None
    vague: re.Pattern[str] | None
    last_before: re.Pattern[str] | None
    last_after: re.Pattern[str] | None
    previous_year: re.Pattern[str] | None
    """After a month: "of last year", "прошлого года"."""
    year: re.Pattern[str] | None
    """A year after the words that make it a time ("in 2022", "w 2022 roku")."""
    range_gap: re.Pattern[str] | None
    """What joins the two days of a range ("samedi à dimanche", "субботы на воскресенье")."""
    since: re.Pattern[str] | None
    """Before a date: the words that make it the start of a state ("seit August", "od maja")."""


def find_dates(
    text: str, published: date | None, language: str | None, finditer: Finditer = _plain
) -> list[DateMention]:
    """Every resolvable date expression of `text`, in text order, without overlaps.
    `finditer` runs each pattern (the claims stage passes its faster scanner)."""
    words = date_words(language or languages.FALLBACK_LANGUAGE)
    candidates = _candidates(text, words, finditer)
    mentions: list[DateMention] = []
    context_year: int | None = None
    last_day: date | None = None
    last_end = -1
    last_explicit = True
    for start, end, kind, match in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < last_end:
            continue
        mention = _resolve(kind, match, published, context_year, words, text, last_day)
        if mention is not None:
            explicit = kind in {"numeric", "day_month", "month_day", "month"} and (
                _explicit_year(match))
            if mentions and _joined_range(mentions[-1], mention, words, text):
                mention = _range(mentions.pop(), mention)
            elif explicit and not last_explicit and _shares_year(mentions, mention, words, text):
                mentions[-1] = _in_year_of(mentions[-1], mention)
            elif kind == "month" and not explicit and last_explicit and _later_in_sentence(
                    mentions, mention, text):
                mention = _in_year_of_previous(mentions[-1], mention)
            mentions.append(mention)
            if mention.precision == "day" and mention.value is not None:
                last_day = mention.value
            last_end = end if mention.end <= end else mention.end
            last_explicit = explicit
            if mention.value is not None and explicit:
                context_year = mention.value.year
    return _without_recent_starts(mentions, words, text)


SINCE_REACH = 40
"""Characters before a date searched for a `since` word ("seit Anfang ", "depuis la mi-")."""
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _without_recent_starts(mentions: list[DateMention], words: _DateWords, text: str
                           ) -> list[DateMention]:
    """Drop the month a state started, written without its year ("kämpfen seit August",
    "since May", "od maja"): the state holds on the day of the report, not on its first
    day, and dates nothing else. A start with its year ("occupied since March 2022") is the
    time the report gives the state; a day ("since Friday a message claims ...") is when a
    recent report began, which dates it; the first end of a range ("od maja do
    października") is kept."""
    since = words.since
    if since is None:
        return mentions
    kept = []
    for k, mention in enumerate(mentions):
        following = mentions[k + 1] if k + 1 < len(mentions) else None
        if (mention.precision == "month"
                and since.search(text, max(0, mention.start - SINCE_REACH), mention.start)
                and not _WRITTEN_YEAR.search(text, mention.start, mention.end)
                and not (words.range_gap is not None  # a night "с субботы на воскресенье"
                         and words.range_gap.search(text, mention.start, mention.end))
                and not (following is not None and words.range_gap is not None
                         and words.range_gap.fullmatch(text, mention.end, following.start))):
            continue
        kept.append(mention)
    return kept


def _shares_year(mentions: list[DateMention], second: DateMention, words: _DateWords,
                 text: str) -> bool:
    """Whether the last mention, written without its year, is the first end of a range whose
    second end writes it ("from May to October 2022", "з травня по жовтень 2022 року", "de
    mai à octobre 2022"): the ends are joined by the language's `range_gap`."""
    first = mentions[-1] if mentions else None
    return (first is not None and words.range_gap is not None
            and first.value is not None and second.value is not None
            and first.precision in ("day", "month") and second.precision in ("day", "month")
            and words.range_gap.fullmatch(text, first.end, second.start) is not None)


SENTENCE_YEAR_REACH = 160
"""Characters at most from a date written with its year to a later month of its sentence
that takes that year ("In January 2023 they took A, in May B": a clause or two)."""
_SENTENCE_BREAK = re.compile(r"[.!?…](?:\s|$)|\n")


def _later_in_sentence(mentions: list[DateMention], month: DateMention, text: str) -> bool:
    """Whether a month written without its year follows, in the same sentence, a date that
    writes another year, and not before it in that year: "W styczniu 2023 r. Rosjanie
    zajęli Sołedar, w maju – Bachmut" tells May 2023, not May of the report's year."""
    previous = mentions[-1] if mentions else None
    return (previous is not None and previous.value is not None and month.value is not None
            and previous.precision in ("day", "month")
            and previous.value.year != month.value.year
            and previous.value.month <= month.value.month
            and month.start - previous.end <= SENTENCE_YEAR_REACH
            and _SENTENCE_BREAK.search(text, previous.end, month.start) is None)


def _in_year_of_previous(previous: DateMention, month: DateMention) -> DateMention:
    assert previous.value is not None and month.value is not None
    return DateMention(month.start, month.end, month.value.replace(year=previous.value.year),
                       month.precision)


def _in_year_of(first: DateMention, second: DateMention) -> DateMention:
    """The first end of a range in the year its second end writes, or the year before where
    it would fall after it ("from November to February 2023": November 2022)."""
    assert first.value is not None and second.value is not None
    day = min(first.value.day, 28) if first.value.month == 2 else first.value.day
    value = date(second.value.year, first.value.month, day)
    if value > second.value:
        value = value.replace(year=value.year - 1)
    return DateMention(first.start, first.end, value, first.precision)


def _joined_range(first: DateMention, second: DateMention, words: _DateWords, text: str) -> bool:
    """Whether two days are the ends of one range ("de samedi à dimanche")."""
    return (words.range_gap is not None and first.precision == second.precision == "day"
            and first.value is not None and second.value is not None
            and words.range_gap.fullmatch(text, first.end, second.start) is not None)


def _range(first: DateMention, second: DateMention) -> DateMention:
    """A range is dated to its later day (a night "from Saturday to Sunday" is Sunday's)."""
    assert first.value is not None and second.value is not None
    return DateMention(first.start, second.end, max(first.value, second.value), "day")


def _explicit_year(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return any(groups.get(name) for name in ("y", "iy", "dy"))


def _candidates(
    text: str, words: _DateWords, finditer: Finditer
) -> list[tuple[int, int, str, re.Match[str]]]:
    found: list[tuple[int, int, str, re.Match[str]]] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter changed length: keep exact offsets
        lowered = text

    def scan(pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return _scan(pattern, text, lowered, finditer)

    months = scan(words.month)
    found.extend((m.start(), m.end(), "month", m) for m in months)
    patterns = {"numeric": _NUMERIC, "weekday": words.weekday}
    if months:  # day-and-month forms need a month name: skip their scans when there is none
        patterns |= {"day_month": words.day_month, "month_day": words.month_day}
    for kind, pattern in patterns.items():
        found.extend((m.start(), m.end(), kind, m) for m in scan(pattern))
    if words.vague is not None:
        found.extend((m.start(), m.end(), "vague", m) for m in scan(words.vague))
    if words.year is not None:
        found.extend((m.start(), m.end(), "year", m) for m in scan(words.year))
    for index, relative in enumerate(words.relative):
        found.extend((m.start(), m.end(), f"relative:{index}", m) for m in scan(relative.pattern))
    return found


def _scan(
    pattern: re.Pattern[str], text: str, lowered: str, finditer: Finditer
) -> list[re.Match[str]]:
    """Matches of a case-insensitive pattern; lower-case patterns run unfolded over the
    lower-cased text (same offsets, about 2.5 times faster)."""
    if lowered is not text and _lower_case(pattern.pattern):
        return finditer(_unfolded(pattern), lowered)
    return finditer(pattern, text)


@cache
def _lower_case(source: str) -> bool:
    """Whether a pattern has no upper-case letter outside its group names and escapes."""
    bare = re.sub(r"\(\?P<\w+>|\\[A-Z]", "", source)
    return bare == bare.lower()


@cache
def _unfolded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return compiled.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def _resolve(
    kind: str,
    match: re.Match[str],
    published: date | None,
    context_year: int | None,
    words: _DateWords,
    text: str,
    last_day: date | None = None,
) -> DateMention | None:
    if kind == "numeric":
        value = _numeric(match)
        return DateMention(match.start(), match.end(), value, "day") if value else None
    if kind in {"day_month", "month_day"}:
        return _day_month(match, published, context_year, words, text)
    if kind == "month":
        return _month_only(match, published, context_year, words, text)
    if kind == "vague":
        return DateMention(match.start(), match.end(), None, None)
    if kind == "year":
        return _year(match, published)
    if published is None:
        return None
    if kind == "weekday":
        back = (published.weekday() - _group_index(match)) % 7 or _week_back(match, words, text)
        return DateMention(match.start(), match.end(), published - timedelta(days=back), "day")
    relative = words.relative[int(kind.split(":")[1])]
    if relative.unit == "month":
        month = _months_from(published.replace(day=1), relative.offset)
        return DateMention(match.start(), match.end(), month, "month")
    base = last_day if relative.from_previous and last_day is not None else published
    return DateMention(match.start(), match.end(), base + timedelta(days=relative.offset), "day",
                       from_published=base is published)


def _year(match: re.Match[str], published: date | None) -> DateMention | None:
    """"in 2022", a year before the publication year: a time of its own that names no day
    or month, kept without a value (as `vague` times are), so that what it dates stays
    undated rather than taking the statement's or publication's day; the evaluation's
    annotation leaves such claims undated. A report's own year ("in 2025" in 2025) names
    no time apart from the report's: no mention."""
    year = int(match.group("y"))
    if published is not None and year >= published.year:
        return None
    return DateMention(match.start(), match.end(), None, None)


def _months_from(first: date, months: int) -> date:
    """The 1st of the month `months` months after the month of `first` (a 1st)."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _week_back(match: re.Match[str], words: _DateWords, text: str) -> int:
    """Days back to a weekday named on the day of publication: 7 when a `last` word marks
    it as the week before ("last Tuesday", "mardi dernier"), else 0 (that very day)."""
    return 7 if _after_last_word(match, words, text) else 0


def _numeric(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    try:
        if parts["iy"]:
            return date(int(parts["iy"]), int(parts["im"]), int(parts["id"]))
        return date(int(parts["dy"]), int(parts["dm"]), int(parts["dd"]))
    except ValueError:
        return None


def _day_month(
    match: re.Match[str],
    published: date | None,
    context_year: int | None,
    words: _DateWords,
    text: str,
) -> DateMention | None:
    """A day of a month; with no year, "of the same year" / "of that year" after it gives the
    year of the last date written before (as for a month alone), else the latest such day."""
    month = _group_index(match) + 1
    day = int(match.group("d2") or match.group("d1"))
    year_text = match.group("y")
    same = _same_year(match, context_year, words, text)
    if same is not None:
        year: int | None = same[0]
        end = same[1]
    else:
        year = int(year_text) if year_text else (published.year if published else None)
        end = match.end()
    if year is None:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not year_text and same is None and published is not None and value > published:
        value = _previous_year(value)
    return DateMention(match.start(), end, value, "day")


def _month_only(
    match: re.Match[str],
    published: date | None,
    context_year: int | None,
    words: _DateWords,
    text: str,
) -> DateMention | None:
    month = _group_index(match) + 1
    end = match.end()
    year: int | None = int(match.group("y")) if match.group("y") else None
    same = _same_year(match, context_year, words, text)
    if same is not None:
        year, end = same
    previous = words.previous_year.match(text, end) if words.previous_year else None
    if year is None and previous is not None and published is not None:
        year, end = published.year - 1, previous.end()
    if year is None and published is not None:
        latest = month < published.month or (
            month == published.month and not _after_last_word(match, words, text))
        year = published.year if latest else published.year - 1
    if year is None:
        return None
    return DateMention(match.start(), end, date(year, month, 1), "month")


def _same_year(match: re.Match[str], context_year: int | None, words: _DateWords,
               text: str) -> tuple[int, int] | None:
    """(year, end) of a date written without its year and followed by "of the same year" /
    "of that year" / "jenes Jahres": the year of the last date written before, the date
    then ending after those words; None otherwise."""
    if match.group("y") or context_year is None or words.same_year is None:
        return None
    same = words.same_year.match(text, match.end())
    return None if same is None else (context_year, same.end())


def _after_last_word(match: re.Match[str], words: _DateWords, text: str) -> bool:
    """Whether a `last` word marks a month or weekday as the previous one ("last August",
    "en août dernier", "am vergangenen Dienstag")."""
    before = words.last_before
    if before is not None and before.search(text, max(0, match.start() - LAST_REACH),
                                            match.start()):
        return True
    after = words.last_after
    return after is not None and after.match(text, match.end()) is not None


def _previous_year(value: date) -> date:
    try:
        return value.replace(year=value.year - 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year - 1, day=28)


def _group_index(match: re.Match[str]) -> int:
    """Which of the alternation's numbered groups g0..gN matched (month or weekday index)."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("g"):
            return int(name[1:])
    raise ValueError("no indexed group matched")  # pragma: no cover - patterns guarantee one


def _alternation(options: list[str]) -> str:
    return "|".join(f"(?P<g{i}>{option})" for i, option in enumerate(options))


def date_words(language: str) -> _DateWords:
    """The compiled date patterns of `language` (English when it has no date words)."""
    found = languages.find(language)
    if found is None or found.dates is None:
        found = languages.language(languages.FALLBACK_LANGUAGE)
    return _date_words(found)


@cache
def _date_words(lang: Language) -> _DateWords:
    section = lang.dates
    assert section is not None, "the English date words ship with frontledger"
    months = f"(?:{_alternation(section['months'])})"
    year_word = section.get("year_word", "")
    bare_year = _YEAR % section.get("year_gap", DEFAULT_YEAR_GAP)
    year = bare_year + (f"(?:\\s*{year_word})?" if year_word else "")
    suffix = section.get("day_suffix", "") or "(?!)"
    day = _DAY % (suffix, section.get("range_gap") or "(?!)", suffix)
    gap = section.get("day_month_gap", DEFAULT_DAY_MONTH_GAP)
    flags = re.IGNORECASE
    return _DateWords(
        day_month=compiled.compile(rf"\b{day}{gap}{months}(?![\w]){year}", flags),
        month_day=compiled.compile(
            rf"\b{months}\s+{day}(?!\w)(?!\s*(?:%|km|sq))" + bare_year, flags),
        month=compiled.compile(rf"\b{months}(?![\w]){year}", flags),
        weekday=compiled.compile(rf"\b(?:{_alternation(section['weekdays'])})(?![\w])", flags),
        relative=tuple(
            _Relative(compiled.compile(entry["pattern"], flags), int(entry["offset"]),
                      entry.get("from") == "previous", entry.get("unit", "day"))
            for entry in section.get("relative", [])
        ),
        same_year=compiled.compile(section["same_year"], flags)
        if section.get("same_year") else None,
        last_before=compiled.compile(section["last_before"] + r"\s*$", flags)
        if section.get("last_before") else None,
        last_after=compiled.compile(r"\s*" + section["last_after"], flags)
        if section.get("last_after") else None,
        vague=compiled.compile(_one_alternation(section["vague"]), flags)
        if section.get("vague") else None,
        previous_year=compiled.compile(section["previous_year"], flags)
        if section.get("previous_year") else None,
        year=compiled.compile(rf"(?:{section['year_before']})\s+(?P<y>(?:19|20)\d{{2}})(?!\d)"
                            + (rf"(?:\s*{year_word})?" if year_word else ""), flags)
        if section.get("year_before") else None,
        range_gap=compiled.compile(section["range_gap"], flags)
        if section.get("range_gap") else None,
        since=compiled.compile(rf"(?:{section['since']})\s*$", flags)
        if section.get("since") else None,
    )


def _one_alternation(options: list[str]) -> str:
    """The options as one pattern; a word start that every option opens with is written once,
    in front, so that the alternation is tried only at word starts (3-5 times faster on
    Russian and Polish text, measured on the claims benchmark's articles)."""
    bare = [_WORD_START.sub("", option, count=1) for option in options]
    if all(b != o for b, o in zip(bare, options, strict=True)):
        return r"(?<!\w)(?:" + "|".join(f"(?:{b})" for b in bare) + ")"
    return "|".join(f"(?:{o})" for o in options)


def bare_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every four-digit year written in `text`."""
    return [(m.start(), int(m.group())) for m in _BARE_YEAR.finditer(text)]
