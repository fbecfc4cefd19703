"""The fast scanning paths (anchor pre-check, case folding, skipping ahead past a leading
word boundary) find exactly what plain regex finds."""

from __future__ import annotations

import re
from datetime import date

import pytest
from claims_fixtures import CASES

from frontledger.claims.anchors import _ODD_CASES, AnchoredSet, anchored, anchors_of
from frontledger.claims.resources import load_lexicon, load_theater
from frontledger.claims.scan import _patterns as _set_patterns
from frontledger.claims.scan import lexicon_scan
from frontledger.text.dates import find_dates
from frontledger.text.scanning import (
    WORD_HELD,
    finditer,
    literal_prefixes,
    scanner,
    spaced,
    squeezed,
)

TEXTS = [case["text"] for case in CASES] + [
    "MOSCOW (Reuters) - Putin's army took Vilne; «Восток» и Кремль; Київ і ЗСУ; l'armée russe."
]


def _patterns(language: str) -> list[re.Pattern[str]]:
    lexicon = load_lexicon(language)
    patterns = [t.pattern for t in lexicon.triggers]
    patterns += [lexicon.negation, lexicon.denial, lexicon.speech_verb, lexicon.claim_noun]
    patterns += [p for p, _side in load_theater().side_names(language)]
    return patterns


@pytest.mark.parametrize("language", ["en", "fr", "ru", "uk"])
def test_anchored_scan_finds_the_same_spans_as_plain_regex(language: str) -> None:
    for pattern in _patterns(language):
        fast = anchored(pattern)
        for text in TEXTS:
            expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
            found = [(m.start(), m.end()) for m in fast.finditer(text, text.lower())]
            assert found == expected, (pattern.pattern, text)


def test_optional_words_are_never_anchors() -> None:
    assert anchors_of(r"\b(?:Vladimir\s+)?Putin\b") == ("putin",)


def test_pattern_with_an_unanchored_alternative_is_always_run() -> None:
    assert anchors_of(r"\b(?:Kremlin|РФ)\b") is None


WORD_EDGES = "overtook took _took took_ 1took «took» Took. tooktook re-took toot tooot"


@pytest.mark.parametrize("source", [
    r"\btook\b", r"\b(?:took|taken)", r"\b[A-Z][a-z]+", r"\b(?:pro-)?took",
    r"\btook|\bre", r"\b", r"\b(?:took)?", r"\b(?P<a>t)o+(?P=a)",
])
def test_scanner_finds_what_finditer_finds(source: str) -> None:
    pattern = re.compile(source)
    for text in [*TEXTS, WORD_EDGES, WORD_EDGES.lower()]:
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in finditer(pattern, text)] == expected, text


def test_scanner_drops_the_leading_boundary_where_no_first_character_search_is_possible(
) -> None:
    # a back reference cannot sit in a lookbehind, so the finder is the pattern minus "\b"
    source = r"\b(?P<a>t)o+(?P=a)"
    assert scanner(re.compile(source)).unbounded.pattern == source[2:]
    assert scanner(re.compile(r"\b(?P<a>t)|(?P=a)")).unbounded is None  # not "\b" + one


def test_patterns_that_cannot_skip_ahead_search_from_their_first_characters() -> None:
    assert scanner(re.compile(r"\b(?:the\s+)?took")).unbounded.pattern.startswith("[t]")
    finder = scanner(re.compile(r"\btook", re.IGNORECASE)).unbounded
    assert finder.pattern.startswith("[Tt]") and not finder.flags & re.IGNORECASE
    assert scanner(re.compile(r"\b(?:took)?")).unbounded is None  # may match nothing
    assert scanner(re.compile(r"\w+ed\b")).unbounded is None  # any letter may begin it
    assert scanner(re.compile(r"[^a]bc")).unbounded is None
    # a back reference cannot sit in the finder's lookbehind: the pattern runs as it is
    assert scanner(re.compile(r"\b(?P<a>k)\w*(?P=a)", re.IGNORECASE)).unbounded is None


FIRST_CHARACTER_CASES = [
    (r"\b(?:(?P<g0>jan(?:uary)?)|(?P<g1>may(?=\s+\d)|(?<=\d\s)may))\b", 0),
    (r"(?:the\s+)?(?:Russian|Ukrainian)\s+(?:army|forces)", re.IGNORECASE),
    (r"\b(?:не\s+)?(?:взяли|захватили|освободили)\b", re.IGNORECASE),
    (r"[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’-]+(?:\s+[A-ZА-Я][a-zа-я]+)?", 0),
    (r"(?:\d{1,2}\s+)?(?:листопада|November|novembre)(?:\s+\d{4})?", re.IGNORECASE),
    (r"(?<!\w)(?:[-–—]\s*)?(?:said|says)\b", 0),
    (r"(?:ſ|s)hot|\bİstanbul|KHARKIV", re.IGNORECASE),
]
FIRST_CHARACTER_TEXTS = [
    *TEXTS, WORD_EDGES,
    "In January 2025, 3 may and may 4: The Russian forces; the ukrainian ARMY took it.",
    "Росіяни не взяли Вовчанськ, а 17 листопада 2025 — не Захватили; 5 NOVEMBER 2024.",
    "He said; -- says; —said it. Kik kak KoK; ſhot, shot, SHOT, İstanbul, Kharkiv.",
    "",
]


@pytest.mark.parametrize(("source", "flags"), FIRST_CHARACTER_CASES)
def test_first_character_search_finds_what_finditer_finds(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    assert scanner(pattern).unbounded is not None
    for text in FIRST_CHARACTER_TEXTS:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer(pattern, text)] == expected, text


@pytest.mark.parametrize("language", ["en", "fr", "de", "ru", "uk"])
def test_dates_found_through_the_scanner_are_the_plain_ones(language: str) -> None:
    for text in TEXTS:
        published = date(2025, 11, 20)
        assert find_dates(text, published, language, finditer) == find_dates(
            text, published, language)


ODD_TEXTS = [
    "Les\tforces\u00a0russes ont\naffirmé avoir pris le village; el\u2009ejército y las\ttropas.",
    "KYIV SAID RUSSIAN FORCES CAPTURED THE VILLAGE; the ARMY WITHDREW.",
    "Overtaken, retook, stakeholders: the soldiers held the town (forcesheld).",
    "Die ſoldaten der russischen Armee haben das Dorf eingenommen, ſagte er.",
    "İstanbul: Russian troops said they took the village.",  # lower case is longer
    "ΣΟΣ – российские войска заняли село, сообщили в Минобороны России.",
    "Le\n\n  forze russe hanno  preso il villaggio;   las \t tropas\n\ny  el   ejército.",
    "  Russian  forces\n\ncaptured   the village,\tthe \u00a0army said.\n\n\n",
]


@pytest.mark.parametrize("language", ["de", "en", "es", "fr", "it", "pl", "ru", "uk"])
def test_one_pass_over_a_pattern_set_finds_what_each_pattern_finds_alone(
        language: str) -> None:
    lexicon, theater = load_lexicon(language), load_theater()
    patterns = _set_patterns(lexicon, theater.side_names(language))
    for text in [*TEXTS, *ODD_TEXTS]:
        scan = lexicon_scan(text, lexicon, theater)
        for pattern in patterns:
            expected = [(m.span(), m.groups()) for m in anchored(pattern).finditer(
                text, text.lower())]
            found = [(m.span(), m.groups()) for m in scan.finditer(pattern)]
            assert found == expected, (pattern.pattern, text)


def test_a_pattern_set_of_word_patterns_skips_matches_inside_words() -> None:
    took = re.compile(r"\b(?:re)?took\b", re.IGNORECASE)
    scan = AnchoredSet([took]).scan(WORD_EDGES, WORD_EDGES.lower())
    found = [WORD_EDGES[m.start():m.end()] for m in scan.finditer(took)]
    assert found == ["took", "took", "Took", "took"]


def test_a_pattern_outside_the_set_is_scanned_alone() -> None:
    scan = AnchoredSet([re.compile("took")]).scan(WORD_EDGES, WORD_EDGES.lower())
    assert len(scan.finditer(re.compile(r"\btoo+t\b"))) == 2


@pytest.mark.parametrize(("source", "prefixes"), [
    (r"\b(?:(?:ha|han)\s+)?tom(?:ó|aron)\b", {"ha ", "han ", "tomó", "toma"}),
    (r"(?<!\w)[dl]'arm[ée]e", {"d'ar", "l'ar"}),
    (r"\b(?:the\s+)?Kremlin", {"the ", "krem"}),
    (r"\bx*yz", {"x", "yz"}),
    (r"\b(?:el\s+|la[\s\-])?tropas", {"el ", "la t", "la-t", "trop"}),
    (r"(?i:\bUkraine)|\bKyiv", {"ukra", "kyiv"}),
    (r"(?i)\bsaid", {"said", "ſaid", "saıd", "ſaıd"}),  # "ſ" and "ı" are s and i, case aside
])
def test_literal_prefixes_begin_every_match(source: str, prefixes: set[str]) -> None:
    assert literal_prefixes(re.compile(source)) == prefixes


@pytest.mark.parametrize("source", [
    r"\b\w+ої\s+штурмов", r".took", r"\b(?:took)?", r"\b\d+-[йя]\s+армия",
])
def test_no_literal_prefixes_where_a_match_may_begin_anywhere(source: str) -> None:
    assert literal_prefixes(re.compile(source)) is None


def test_spaced_text_writes_every_whitespace_as_a_space_in_place() -> None:
    text = "a\tb\u00a0c\nd\u2009e f"
    assert spaced(text) == "a b c d e f"


DATED = [
    "Le 3 novembre 2025, puis le mardi 4 novembre, l'armée a pris le village; hier encore.",
    "On 3 November 2025 and on Tuesday, November 4, troops took the village; last week too.",
    "3 ноября 2025 года и во вторник войска заняли село, сообщили вчера.",
    "Am 3. November 2025 und am Dienstag, 4.11.2025, nahmen Truppen das Dorf ein.",
    "El 3 de noviembre de 2025 y el martes pasado las tropas tomaron el pueblo.",
]


@pytest.mark.parametrize("language", ["de", "en", "es", "fr", "ru"])
def test_dates_found_through_a_pattern_set_are_those_found_pattern_by_pattern(
        language: str) -> None:
    lexicon, theater = load_lexicon(language), load_theater()
    published = date(2025, 11, 20)
    for text in [*DATED, *TEXTS, *ODD_TEXTS]:
        lexicon_scan(text, lexicon, theater)  # the set learns the date patterns
        scan = lexicon_scan(text, lexicon, theater)
        assert (find_dates(text, published, language, scan.plain)
                == find_dates(text, published, language)), text


def test_a_pattern_set_learns_the_patterns_run_through_it_once() -> None:
    took = re.compile(r"\btook\b")
    patterns = AnchoredSet([took])
    text = "They took it."
    assert [m.span() for m in patterns.scan(text, text.lower()).plain(took, text)] == [(5, 9)]
    grown = patterns.grown()
    assert grown is not patterns and id(took) in grown.plain
    assert [m.span() for m in grown.scan(text, text.lower()).plain(took, text)] == [(5, 9)]
    assert grown.grown() is grown


def test_a_grown_pattern_set_finds_what_the_first_found_without_parsing_its_patterns_again(
) -> None:
    from frontledger.claims import anchors

    took = re.compile(r"\b(?:the\s+army\s+)?(?:re)?took\s+(?:the\s+)?hill\b", re.IGNORECASE)
    held = re.compile(r"\bstill\s+held\b")
    text = "The army retook the hill at dawn; the hill was still held. Troops took hill 203."
    still = [m.span() for m in held.finditer(text)]
    first = AnchoredSet([took])
    assert [m.span() for m in first.scan(text, text.lower()).plain(held, text)] == still
    parsed = anchors._shape.cache_info().misses
    grown = first.grown()
    assert grown is not first
    assert anchors._shape.cache_info().misses == parsed  # `took` was planned once, in `first`
    before = [m.span() for m in first.scan(text, text.lower()).finditer(took)]
    after = [m.span() for m in grown.scan(text, text.lower()).finditer(took)]
    assert before == after == [m.span() for m in took.finditer(text)]
    assert len(before) == 2
    assert [m.span() for m in grown.scan(text, text.lower()).plain(held, text)] == still


@pytest.mark.parametrize(("source", "flags", "opens"), [
    (r"\b(?:the\s+)?Kremlin", re.IGNORECASE, True),
    (r"(?<!\w)[dl]'arm[ée]e", 0, False),
    (r"x\b|\by", 0, False),
])
def test_prefixes_and_leading_boundary_kept_by_source_are_those_of_the_pattern(
        source: str, flags: int, opens: bool) -> None:
    from frontledger.text.scanning import opens_with_boundary, source_prefixes

    pattern = re.compile(source, flags)
    kept = source_prefixes(source, flags)
    assert kept is not None and frozenset(kept) == literal_prefixes(pattern)
    assert opens_with_boundary(source, flags) is opens


OUTAGES = {
    "en": "Overnight drones hit a substation near Sumy, leaving several villages without "
          "electricity. Three districts remained without heating.",
    "fr": "Une frappe de drones a touché une centrale, privant trois villages d'électricité. "
          "Les quartiers sont toujours sans chauffage.",
    "ru": "После удара по подстанции без света остались пять сел Сумской области.",
    "de": "Nach dem Angriff waren drei Dörfer ohne Strom.",
}


@pytest.mark.parametrize("language", sorted(OUTAGES))
def test_outage_patterns_are_found_through_the_documents_pattern_set(language: str) -> None:
    text, lexicon = OUTAGES[language], load_lexicon(language)
    scan = lexicon_scan(text, lexicon, load_theater())
    told = [p for p in (lexicon.outage, lexicon.outage_after, lexicon.outage_word)
            if p is not None and p.search(text) is not None]
    assert told  # each text tells an outage in its language's own words
    for pattern in told:
        assert scan.plans.get(id(pattern)) is not None  # in the set: no scan of its own
        assert ([m.span() for m in scan.finditer(pattern)]
                == [m.span() for m in pattern.finditer(text)])


@pytest.mark.parametrize(("source", "prefixes"), [
    (r"\b(?:le\s+)?forze", {"le for", "forze"}),
    (r"\bce\s+qu(?:e\s+|')", {"ce que", "ce qu'"}),
    (r"\ba\s*\s+b", {"a b"}),
    (r"a  b|\s+c", {"a b", " c"}),
])
def test_squeezed_prefixes_go_on_past_a_run_of_spaces(source: str, prefixes: set[str]) -> None:
    assert literal_prefixes(re.compile(source), squeezed=True) == prefixes


def test_a_squeezed_text_writes_each_run_of_whitespace_as_one_space_and_maps_back() -> None:
    text = "a \n\tb c\u00a0\u00a0d"
    plain = squeezed(text)
    assert plain.text == "a b c d"
    assert [plain.offset(i) for i in range(len(plain.text))] == [0, 1, 4, 5, 6, 7, 9]
    assert squeezed("a b").text == "a b" and squeezed("a b").runs is None


@pytest.mark.parametrize("source", [r"\s+forze", r"\sforze", r"(?:\s|^)forze", r"\s{2}forze"])
def test_a_pattern_set_finds_matches_that_begin_inside_a_run_of_spaces(source: str) -> None:
    pattern = re.compile(source)
    text = "le\n\n   forze e le forze;\tforze"
    scan = AnchoredSet([pattern]).scan(text, text.lower())
    assert [m.span() for m in scan.finditer(pattern)] == [m.span() for m in pattern.finditer(text)]


WINDOWS = (12, 25, 60)
"""Widths of the windows the rules search in (a few words before a trigger or a place)."""
WINDOW_TEXTS = 12
"""Fixture sentences of a language searched window by window (each costs ~10k searches)."""
WINDOW_STEP = 7
"""Characters between the starts of two windows searched."""


@pytest.mark.parametrize("language", ["de", "en", "es", "fr", "it", "pl", "ru", "uk"])
def test_a_window_search_finds_nothing_where_no_prefix_of_its_pattern_begins(
        language: str) -> None:
    """`Scan.begins` (what `analysis.may_begin` asks before a rule's window search): a
    pattern searched in a window, or in the window's slice, only matches where one of its
    prefixes begins inside that window."""
    lexicon, theater = load_lexicon(language), load_theater()
    patterns = _set_patterns(lexicon, theater.side_names(language))
    checked = 0
    own = [case["text"] for case in CASES if case["language"] == language][:WINDOW_TEXTS]
    for text in [*own, *ODD_TEXTS]:
        scan = lexicon_scan(text, lexicon, theater)
        for pattern in patterns:
            begins = scan.begins(pattern)
            if begins is None:
                continue
            for start in range(0, len(text), WINDOW_STEP):
                for width in WINDOWS:
                    end = min(len(text), start + width)
                    found = pattern.search(text, start, end) or pattern.search(text[start:end])
                    if found is None:
                        continue
                    checked += 1
                    assert any(start <= b < end for b in begins), (pattern.pattern, text,
                                                                   start, end)
    assert checked  # the texts hold matches of the language's patterns


def test_letters_the_engine_folds_beyond_lower_case_are_all_known() -> None:
    casefix = pytest.importorskip("re._casefix")
    odd = {chr(code) for code in casefix._EXTRA_CASES} - set("isвдостъβεθικμπρσφ")
    assert odd <= _ODD_CASES


WORD_INSIDES = ("Kämpfe, Bodenkämpfe und umkämpfte_Dörfer; 3kämpfe; Ministerium-Chef, das "
                "Verteidigungsministerium und das  Ministerium; ERkämpft; nie sie er; "
                "pod kontrolą, pod  ich kontrolą, kontrolą; Gefechte\tund\n\nGefecht; kämpf")


@pytest.mark.parametrize("source", [
    r"\b(?:\w*kämpf\w*|\w*gefecht\w*|schlacht\w*)\b",
    r"\b(?:er|sie|(?:das\s+)?\w*ministerium)",
    r"\b(?:pod\s+)?(?:\w+\s+)?kontrol\w*",
    r"\b\w+kämpf", r"\b\w*?ministerium\b", r"\b(?:\w*kämpf){2}", r"\b\w+\s+und",
    r"(?i:\b\w*KÄMPF\w*)",
])
def test_a_pattern_set_finds_matches_that_begin_the_word_holding_a_literal(source: str) -> None:
    """`\\b\\w*kämpf` may begin anywhere a word holding "kämpf" begins: the set finds
    such words through the literal, and matches what `finditer` matches."""
    for flags in (0, re.IGNORECASE):
        pattern = re.compile(source, flags)
        held = literal_prefixes(anchored(pattern).folded.pattern if anchored(
            pattern).folded is not None else pattern, squeezed=True, word_held=True)
        assert held is not None and any(p.startswith(WORD_HELD) for p in held), source
        for text in (WORD_INSIDES, WORD_INSIDES.lower(), WORD_INSIDES.upper(), *TEXTS):
            scan = AnchoredSet([pattern]).scan(text, text.lower())
            assert [(m.span(), m.groups()) for m in scan.finditer(pattern)] == [
                (m.span(), m.groups()) for m in pattern.finditer(text)], (source, text)
            assert scan.begins(pattern) is None  # a window may begin inside such a word


@pytest.mark.parametrize("source", [
    r"\w*kämpf", r"\b\w*-kämpf", r"\bx|\w*kämpf", r"\b(?:\w+\s+){0,2}?kämpf", r"\b\w*ka",
])
def test_no_word_held_literal_where_a_match_may_begin_elsewhere(source: str) -> None:
    """Without a `\\b` before the run, with something that may begin outside the word after
    an empty run, with a body repeated before the literal, or a literal too short."""
    assert literal_prefixes(re.compile(source), squeezed=True, word_held=True) is None


def test_literal_prefixes_hold_no_word_held_literal_unless_asked() -> None:
    pattern = re.compile(r"\b(?:took|\w*kämpf)")
    assert literal_prefixes(pattern, squeezed=True) is None
    assert literal_prefixes(pattern, squeezed=True, word_held=True) == {
        "took", WORD_HELD + "kämpf"}


def test_spaced_and_squeezed_texts_are_those_the_regex_definitions_make() -> None:
    """`spaced` and `squeezed` find runs by `str` methods: the same texts, offsets and runs
    as `\\s` replaced one for one and `\\s{2,}` squeezed to one space."""
    pieces = ["a", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\r\n", "bc", "  \n\t "]
    texts = ["".join(pieces[(seed * 7 + k * 3) % len(pieces)] for k in range(seed % 9))
             for seed in range(200)] + TEXTS
    for text in texts:
        plain = re.sub(r"\s", " ", text)
        assert spaced(text) == plain
        runs = {m.start() - sum(len(r.group()) - 1 for r in re.finditer(
            r"\s{2,}", plain[:m.start()])): m.span() for m in re.finditer(r"\s{2,}", plain)}
        found = squeezed(text)
        assert found.text == re.sub(r"\s{2,}", " ", plain)
        assert (found.runs or {}) == runs
        assert [found.offset(i) for i in range(len(found.text))] == [
            i for i, _c in enumerate(plain)
            if not (plain[i] == " " and i and plain[i - 1] == " ")]
