"""The per-language knowledge the recogniser reads: `places.toml` of each language folder
(`data/lang/<code>/`, read through `frontledger.language`).

Adding a language is adding a folder; nothing here names a language's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from frontledger import language as languages
from frontledger.language import Language
from frontledger.places.normalize import fold
from frontledger.text import compiled
from frontledger.theater import load_theater

DEFAULT_LANGUAGE = languages.FALLBACK_LANGUAGE


@dataclass(frozen=True, slots=True)
class Lexicon:
    """How one language names regions, marks places and speaks of capitals as actors."""

    language: str
    source: Language
    """The language folder this lexicon was compiled from (caches are keyed by it)."""
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
    region_apposition_gap: re.Pattern[str]
    """What stands between a place and a region's bare name that locates it, set off by a
    comma or a bracket ("X, in Kharkiv,", "X, en Járkov.", "X (Kharkiv)"): the name is the
    region, not its capital."""
    place_marker_before: re.Pattern[str]
    village_marker_before: re.Pattern[str]
    place_marker_after: re.Pattern[str]
    """Words after a list that say what its names are ("Balahan and Promin — villages")."""
    city_apposition: re.Pattern[str]
    """A city named in apposition right after a name, from its comma ("Kharkiv, the
    country's second-largest city", "Charkiw, die zweitgrößte Stadt"): the name is the
    city, though the article named the region of that name before."""
    settlement_joined: re.Pattern[str]
    """What joins a name to a settlement noun's phrase after it ("X e il vicino villaggio di",
    "X and the nearby village of"): the name is a settlement, not the region named before."""
    """The subset of markers that say the place is small ("the village of")."""
    capitalised_nouns: bool
    articles: frozenset[str]
    """Words skipped when looking for the preposition before a name ("in the", "de la")."""
    """True where every noun is capitalised (German): a capital is no sign of a name."""
    river_cue: re.Pattern[str]
    river_before: re.Pattern[str]
    """Words right before a name that only a river takes ("on the Dnipro", "sur le Dniepr",
    "am Oskil"): towns' names take no article."""
    locative_before: frozenset[str]
    metonym_verbs_after: re.Pattern[str]
    metonym_before: re.Pattern[str]
    agent_before: re.Pattern[str]
    agent_after: re.Pattern[str]
    """A capital or country between the two is the agent of a participle, though the
    preposition before it also places names ("von Russland besetzte Gebiete"): an actor."""
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
    bare_stem_never_ends: tuple[str, ...]
    """Letters a stem never ends in once an ending is cut with nothing put back: a soft
    sign stays only with an ending ("Иванополье" is no case of "Иванополь")."""
    stopwords: frozenset[str]
    persons: frozenset[str]
    """The language's persons and the default theater's (`[persons]` of its file)."""
    surname_suffixes: tuple[str, ...]
    person_title: re.Pattern[str]
    """A whole folded word that is a title taking a person's name right after it, in any
    case ("governor", "губернатора", "ведомстве", "rzecznika"): never a mayor's or a
    head's, which take a town ("мэр Харькова")."""
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
    compass_forms: frozenset[str]
    """Combining forms of the compass points ("Південно", "Северо"), folded: a hyphenated
    word that opens with one is a compound adjective ("Південно-Слобожанський" напрямок),
    not a list of places."""
    spelling_alternatives: tuple[tuple[re.Pattern[str], str], ...]
    """Rewrites of a romanised name that give the other reading of an ambiguous letter
    group (German "s" for both С and З, "Seljony"; Spanish "io" for ё, "Tiótkino"): tried
    only for a name that no reading as written finds."""


def compass_compound(text: str, lex: Lexicon) -> bool:
    """Whether a hyphenated word opens with a compass point's combining form
    ("Північно-Слобожанському", "Южно-Донецкое"): an adjective, not place names."""
    head, hyphen, _rest = text.partition("-")
    return bool(hyphen) and fold(head) in lex.compass_forms


def data_dir() -> resources.abc.Traversable:
    """The packaged data folder of the gazetteer."""
    return resources.files("frontledger") / "data" / "gazetteer"


def available_languages() -> list[str]:
    """Languages that have a places file."""
    return [lang.code for lang in languages.every_language() if lang.has("places")]


def _compile(pattern: str) -> re.Pattern[str]:
    return compiled.compile(pattern, re.IGNORECASE)


_NEVER = re.compile(r"(?!)")


def _anywhere(pattern: str) -> re.Pattern[str]:
    """A pattern searched or matched as written, which a language file may leave out."""
    return _compile(pattern) if pattern else _NEVER


def _after(pattern: str) -> re.Pattern[str]:
    """A pattern matched right after a name, which a language file may leave out."""
    return _compile(r"^\s*(?:" + pattern + ")") if pattern else _NEVER


def _before(pattern: str) -> re.Pattern[str]:
    """A pattern searched in the text before a name, which a language file may leave out:
    it can only start at a word's start, which spares the engine trying every alternative
    at every character."""
    return compiled.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE) if pattern else _NEVER


def lexicon(language: str | None) -> Lexicon:
    """The lexicon of a language, falling back to English for languages without one."""
    found = languages.find(language)
    if found is None or not found.has("places"):
        found = languages.language(DEFAULT_LANGUAGE)
    return _lexicon(found)


@cache
def _lexicon(lang: Language) -> Lexicon:
    """Every key is optional (data/lang/README.md): a missing pattern never matches, a
    missing list or table is empty."""
    raw: dict[str, Any] = lang.places

    def text(key: str) -> str:
        return str(raw.get(key, ""))

    def words(key: str) -> list[str]:
        return list(raw.get(key, []))

    def pairs(key: str) -> tuple[tuple[str, str], ...]:
        return tuple((a, b) for a, b in raw.get(key, []))

    persons = _persons(raw, lang.code)
    return Lexicon(
        language=lang.code,
        source=lang,
        region_templates=tuple(words("region_templates")),
        region_keyword_after=_after(text("region_keyword_after")),
        region_keyword_before=_before(text("region_keyword_before")),
        regions_word=_anywhere(text("regions_word")),
        list_separator=_anywhere(text("list_separator")),
        attached_region_gap=_anywhere(text("attached_region_gap")),
        region_apposition_gap=_anywhere(text("region_apposition_gap")),
        place_marker_before=_before(text("place_marker_before")),
        village_marker_before=_before(text("village_marker_before")),
        place_marker_after=_anywhere(text("place_marker_after")),
        settlement_joined=_anywhere(text("settlement_joined")),
        city_apposition=_after(text("city_apposition")),
        capitalised_nouns=bool(raw.get("capitalised_nouns", False)),
        articles=frozenset(fold(w) for w in words("articles")),
        river_cue=_anywhere(text("river_cue")),
        river_before=_before(text("river_before")),
        locative_before=frozenset(fold(w) for w in words("locative_before")),
        metonym_verbs_after=_anywhere(text("metonym_verbs_after")),
        metonym_before=_before(text("metonym_before")),
        agent_before=_before(text("agent_before")),
        agent_after=_after(text("agent_after")),
        place_before=_before(text("place_before")),
        place_after=_after(text("place_after")),
        region_preposition=_before(text("region_preposition")),
        organisation_after=_before(text("organisation_after")),
        organisation_before=_before(text("organisation_before").removesuffix("$")),
        organisation_stems=tuple(words("organisation_stems")),
        toponym_suffixes=tuple(sorted(set(words("toponym_suffixes")), key=len, reverse=True)),
        modifier_suffixes=tuple(words("modifier_suffixes")),
        inflection=pairs("inflection"),
        bare_stem_never_ends=tuple(words("bare_stem_never_ends")),
        stopwords=frozenset(fold(w) for w in [*words("stopwords"), *persons,
                                              *load_theater().media]),
        persons=frozenset(fold(w) for w in persons),
        surname_suffixes=tuple(words("surname_suffixes")),
        person_title=_anywhere(text("person_title")),
        district_pattern=_anywhere(text("district_pattern")),
        direction_pattern=_anywhere(text("direction_pattern")),
        district_hint=_anywhere(text("district_hint")),
        direction_hint=_anywhere(text("direction_hint")),
        adjective_to_name=pairs("adjective_to_name"),
        unknown_name_forms=pairs("unknown_name_forms"),
        romanization=dict(raw.get("romanization", {})),
        romanization_initial=dict(raw.get("romanization_initial", {})),
        compass_forms=frozenset(fold(w) for w in words("compass_forms")),
        spelling_alternatives=tuple((re.compile(a), b)
                                    for a, b in pairs("spelling_alternatives")),
    )


def _persons(raw: dict, language: str) -> list[str]:
    """The language's persons and the default theater's persons named in that language."""
    return [*raw.get("persons", ()), *load_theater().persons.get(language, ())]


def inflected_bases(token: str, lex: Lexicon) -> list[str]:
    """The token and every nominative form its case ending may stand for (folded)."""
    return list(_inflected(fold(token), lex.source))


@lru_cache(maxsize=100_000)
def _inflected(low: str, source: Language) -> tuple[str, ...]:
    forms = [low]
    lex = _lexicon(source)
    for ending, replacement in lex.inflection:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_STEM:
            form = low[: len(low) - len(ending)] + replacement
            if not replacement and form.endswith(lex.bare_stem_never_ends):
                continue
            if form not in forms:
                forms.append(form)
    return tuple(forms)


# A stem shorter than this is too little to carry a place name ("Яр" is whole, not a stem).
MIN_STEM = 2


def person_title(previous: str, gap: str, lex: Lexicon) -> bool:
    """"губернатора Балицкого", "governor Gladkov": whether a name after the folded word
    `previous`, `gap` between them, follows a title that takes a person's name."""
    return gap == " " and _titled(previous, lex.source)


@lru_cache(maxsize=50_000)
def _titled(key: str, source: Language) -> bool:
    return _lexicon(source).person_title.fullmatch(key) is not None


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
