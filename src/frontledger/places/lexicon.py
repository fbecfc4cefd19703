"""The per-language knowledge the recogniser reads: data/gazetteer/languages/<lang>.json.

Adding a language is adding a file; nothing here names a language's words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from frontledger.places.normalize import fold
from frontledger.theater import load_theater

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """How one language names regions, marks places and speaks of capitals as actors."""

    language: str
    region_templates: tuple[str, ...]
    region_keyword_after: re.Pattern[str]
    region_keyword_before: re.Pattern[str]
    regions_word: re.Pattern[str]
    """The plural word for regions ("regions", "областях"): a list of bare names in a
    sentence that speaks of regions names regions ("in Kharkiv and in Sumy")."""
    list_separator: re.Pattern[str]
    attached_region_gap: re.Pattern[str]
    """What may stand between a place and the region it is said to be in ("X, in the Y
    region", "X dans la région de Y", "село X Донецкой области")."""
    place_marker_before: re.Pattern[str]
    village_marker_before: re.Pattern[str]
    place_marker_after: re.Pattern[str]
    """Words after a list that say what its names are ("Balahan and Promin — villages")."""
    """The subset of markers that say the place is small ("the village of")."""
    capitalised_nouns: bool
    articles: frozenset[str]
    """Words skipped when looking for the preposition before a name ("in the", "de la")."""
    """True where every noun is capitalised (German): a capital is no sign of a name."""
    river_cue: re.Pattern[str]
    locative_before: frozenset[str]
    metonym_verbs_after: re.Pattern[str]
    metonym_before: re.Pattern[str]
    place_before: re.Pattern[str]
    place_after: re.Pattern[str]
    """Words around a country's or capital's name that make it a place rather than its
    government ("the east of", "на территории", "'s Donetsk region"); with a locative
    preposition or a dateline, the only uses of such a name that are places."""
    region_preposition: re.Pattern[str]
    """A preposition that puts a bare name that may be a region's in that region ("на
    Запорожье", "на Харківщині": "на" with a city would be "в"), unless motion towards it
    is meant ("наступление на Запорожье")."""
    organisation_after: re.Pattern[str]
    organisation_before: re.Pattern[str]
    organisation_stems: tuple[str, ...]
    """Lower-case stems one of which every `organisation_before` match contains: a text
    with none of them (most texts) is not searched."""
    """Words after ("Dnipro Operational Strategic Group") or before ("groupement Dnipro",
    "угруповання «Хортиця»") a name that make it part of a military unit's or an
    organisation's name: no place is meant."""
    toponym_suffixes: tuple[str, ...]
    modifier_suffixes: tuple[str, ...]
    """Nominative endings of the adjectives inside names ("Кучерів" Яр, "Сухой" Яр)."""
    inflection: tuple[tuple[str, str], ...]
    stopwords: frozenset[str]
    persons: frozenset[str]
    """The language's persons and the default theater's (`[persons]` of its file)."""
    surname_suffixes: tuple[str, ...]
    """Endings of surnames: a name before such a word is a first name ("Stanislav Bunyatov")."""
    district_pattern: re.Pattern[str]
    """A named group `name` before or after the word for a district ("Tuapse district")."""
    direction_pattern: re.Pattern[str]
    district_hint: re.Pattern[str]
    """The district word alone: a cheap test before the full pattern runs."""
    direction_hint: re.Pattern[str]
    """A named group `name`: the town a front direction is named after."""
    adjective_to_name: tuple[tuple[str, str], ...]
    """Endings of a town's adjective and of the town's name ("-ському" → "-ськ")."""
    unknown_name_forms: tuple[tuple[str, str], ...]
    """Endings rewritten to the theater's official form before romanising an unknown name."""
    romanization: dict[str, str]
    romanization_initial: dict[str, str]


def data_dir() -> resources.abc.Traversable:
    """The packaged data folder of the gazetteer."""
    return resources.files("frontledger") / "data" / "gazetteer"


def available_languages() -> list[str]:
    """Languages that have a lexicon file."""
    folder = data_dir() / "languages"
    names = [p.name for p in folder.iterdir()]
    return sorted(n.removesuffix(".json") for n in names if n.endswith(".json"))


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _compile_before(pattern: str) -> re.Pattern[str]:
    """A pattern searched in the text before a name: it can only start at a word's start,
    which spares the engine trying every alternative at every character."""
    return re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE)


_NEVER = re.compile(r"(?!)")


def _optional_after(pattern: str) -> re.Pattern[str]:
    """A pattern matched right after a name, which a language file may leave out."""
    return _compile(r"^\s*(?:" + pattern + ")") if pattern else _NEVER


def _optional_before(pattern: str) -> re.Pattern[str]:
    """A pattern searched before a name, which a language file may leave out."""
    return _compile_before(pattern) if pattern else _NEVER


@cache
def lexicon(language: str | None) -> Lexicon:
    """The lexicon of a language, falling back to English for languages without one."""
    lang = language if language in available_languages() else DEFAULT_LANGUAGE
    raw = json.loads((data_dir() / "languages" / f"{lang}.json").read_text("utf-8"))
    return Lexicon(
        language=lang,
        region_templates=tuple(raw["region_templates"]),
        region_keyword_after=_compile(r"^\s*(?:" + raw["region_keyword_after"] + ")"),
        region_keyword_before=_compile_before(raw["region_keyword_before"]),
        regions_word=_compile(raw["regions_word"]) if raw.get("regions_word") else _NEVER,
        list_separator=_compile(raw["list_separator"]),
        attached_region_gap=_compile(raw["attached_region_gap"]),
        place_marker_before=_compile_before(raw["place_marker_before"]),
        village_marker_before=_compile_before(raw["village_marker_before"]),
        place_marker_after=_compile(raw["place_marker_after"]),
        capitalised_nouns=bool(raw["capitalised_nouns"]),
        articles=frozenset(fold(w) for w in raw["articles"]),
        river_cue=_compile(raw["river_cue"]),
        locative_before=frozenset(fold(w) for w in raw["locative_before"]),
        metonym_verbs_after=_compile(raw["metonym_verbs_after"]),
        metonym_before=_compile_before(raw["metonym_before"]),
        place_before=_optional_before(raw.get("place_before", "")),
        place_after=_optional_after(raw.get("place_after", "")),
        region_preposition=_optional_before(raw.get("region_preposition", "")),
        organisation_after=_optional_before(raw.get("organisation_after", "")),
        organisation_before=_optional_before(
            raw.get("organisation_before", "").removesuffix("$")),
        organisation_stems=tuple(raw.get("organisation_stems", ())),
        toponym_suffixes=tuple(sorted(set(raw["toponym_suffixes"]), key=len, reverse=True)),
        modifier_suffixes=tuple(raw["modifier_suffixes"]),
        inflection=tuple((a, b) for a, b in raw["inflection"]),
        stopwords=frozenset(fold(w) for w in raw["stopwords"] + _persons(raw, lang)),
        persons=frozenset(fold(w) for w in _persons(raw, lang)),
        surname_suffixes=tuple(raw["surname_suffixes"]),
        district_pattern=_compile(raw["district_pattern"]),
        direction_pattern=_compile(raw["direction_pattern"]),
        district_hint=_compile(raw["district_hint"]),
        direction_hint=_compile(raw["direction_hint"]),
        adjective_to_name=tuple((a, b) for a, b in raw["adjective_to_name"]),
        unknown_name_forms=tuple((a, b) for a, b in raw["unknown_name_forms"]),
        romanization=raw["romanization"],
        romanization_initial=raw["romanization_initial"],
    )


def _persons(raw: dict, language: str) -> list[str]:
    """The language's persons and the default theater's persons named in that language."""
    return [*raw.get("persons", ()), *load_theater().persons.get(language, ())]


def inflected_bases(token: str, lex: Lexicon) -> list[str]:
    """The token and every nominative form its case ending may stand for (folded)."""
    return list(_inflected(fold(token), lex.language))


@lru_cache(maxsize=100_000)
def _inflected(low: str, language: str) -> tuple[str, ...]:
    forms = [low]
    for ending, replacement in lexicon(language).inflection:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_STEM:
            form = low[: len(low) - len(ending)] + replacement
            if form not in forms:
                forms.append(form)
    return tuple(forms)


# A stem shorter than this is too little to carry a place name ("Яр" is whole, not a stem).
MIN_STEM = 2


def romanise_official(name: str, lex: Lexicon) -> str:
    """Romanise with the language's official table (Ukrainian KMU 2010), else as is."""
    if not lex.romanization:
        return name
    words = []
    for word in name.split(" "):
        out = []
        for pos, char in enumerate(word.lower()):
            table = lex.romanization_initial if pos == 0 else {}
            out.append(table.get(char, lex.romanization.get(char, char)))
        words.append("".join(out).capitalize())
    return " ".join(words)


def official_form(name: str, lex: Lexicon) -> str:
    """An unknown name's ending rewritten to the theater's official form, if a rule fits."""
    words = name.split(" ")
    return " ".join(_official_word(w, lex) for w in words)


def _official_word(word: str, lex: Lexicon) -> str:
    for ending, replacement in lex.unknown_name_forms:
        if word.endswith(ending) and len(word) > len(ending) + MIN_STEM:
            return word[: len(word) - len(ending)] + replacement
    return word
