"""Ukrainian names written the Russian way: "Aleksandrovka" is Oleksandrivka, "Krasny
Liman" is Krasnyi Lyman (now Lyman), "Belaya Krinitsa" is Bila Krynytsia.

The correspondences are data (data/gazetteer/respelling.json): regular rules of spelling,
endings and name stems between the two languages, never a list of villages.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from frontledger.places.build import read_data

Rules = tuple[tuple[re.Pattern[str], str], ...]


@cache
def _rules() -> tuple[re.Pattern[str], Rules, Rules]:
    raw = read_data("respelling.json")

    def compiled(key: str) -> Rules:
        return tuple((re.compile(pattern), replacement) for pattern, replacement in raw[key])

    return re.compile(raw["russian_forms"]), compiled("spelling"), compiled("forms")


@lru_cache(maxsize=50_000)
def ukrainian_form(roman: str, forms: bool = True) -> str:
    """The Ukrainian form of a lower-case romanised name (the name itself when no rule
    applies); with `forms` False, only the spelling rules that hold for any such name."""
    _russian, spelling, form_rules = _rules()
    rules = spelling + form_rules if forms else spelling
    words = []
    for word in roman.split(" "):
        for pattern, replacement in rules:
            word = pattern.sub(replacement, word)
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=50_000)
def ukrainian_variants(roman: str) -> tuple[str, ...]:
    """Other Ukrainian forms of a romanised name, each with one of the form rules that
    changed it left out: the correspondences are tendencies, not laws (-поле is -пілля in
    most names, but stays -поле in some), so a name the full respelling misses may be the
    respelling with one rule fewer."""
    _russian, spelling, form_rules = _rules()
    out: list[str] = []
    full = ukrainian_form(roman)
    for skipped in range(len(form_rules)):
        words = []
        for word in roman.split(" "):
            for pattern, replacement in spelling:
                word = pattern.sub(replacement, word)
            for k, (pattern, replacement) in enumerate(form_rules):
                if k != skipped:
                    word = pattern.sub(replacement, word)
            words.append(word)
        variant = " ".join(words)
        if variant != full and variant not in out:
            out.append(variant)
    return tuple(out)


def russian_looking(roman: str) -> bool:
    """Whether a romanised name ends the way Russian names do and Ukrainian ones do not."""
    russian = _rules()[0]
    return any(russian.search(word) for word in roman.split(" "))


@cache
def target_country() -> str:
    """The country whose names the rules give (a name respelt matches only its places)."""
    return str(read_data("respelling.json")["country"])
