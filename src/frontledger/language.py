"""Languages as data: one folder per language, one `Language` per code.

A language is the folder `data/lang/<code>/` (ISO 639-1 code) and nothing else:

    text.toml    sentence abbreviations, date words, elided articles (read for every
                 language at once by the sentence splitter and the tokeniser)
    places.toml  how the language names regions and marks places (the places stage)
    claims.toml  the claims lexicon: triggers, stance, attribution, fractions (claims stage)

`data/lang/README.md` lists every key. Folders named in the `FRONTLEDGER_LANG_PATH`
environment variable (separated by `os.pathsep`, each holding `<code>/` folders; read at
first use, again after `reload()`) are searched before the packaged one: a language is
added, or a shipped one replaced, without touching the package. Each file is read on first
use and kept (a run pays only for the languages it reads); the stages compile their
patterns from it and cache them per `Language`, so a reload gives new objects, never stale
ones.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from frontledger.text import compiled

LANG_PATH_ENV = "FRONTLEDGER_LANG_PATH"
"""Extra language folders, searched first (os.pathsep-separated)."""
FALLBACK_LANGUAGE = "en"
"""The language read for a text whose language has no folder."""
FILES = ("text", "places", "claims")
"""The files of a language folder, `<name>.toml`; a toy language may leave any out."""


@dataclass(frozen=True, eq=False)
class Language:
    """One language's data, read lazily from its folder, one file at a time.

    Compared by identity: one object per folder and search path (see `find`), so the stages
    cache what they compile from it cheaply, keyed by the object."""

    code: str
    """ISO 639-1 code: the folder's name."""
    folder: Traversable

    @cached_property
    def text(self) -> dict[str, Any]:
        """`text.toml`: `[sentences]`, `[dates]`, `[words]`."""
        return self._read("text")

    @cached_property
    def places(self) -> dict[str, Any]:
        """`places.toml`: region templates, place markers, endings... (places stage)."""
        return self._read("places")

    @cached_property
    def claims(self) -> dict[str, Any]:
        """`claims.toml`: the claims lexicon (claims stage)."""
        return self._read("claims")

    @cached_property
    def abbreviations(self) -> tuple[str, ...]:
        """Words written with a final "." that does not end a sentence (dot left out)."""
        return tuple(self.text.get("sentences", {}).get("abbreviations", ()))

    @cached_property
    def ordinal_nouns(self) -> tuple[str, ...]:
        """Patterns of nouns a number's ordinal dot stands before ("3. Sturmbrigade", "132.
        Brygady"): that dot does not end a sentence."""
        return tuple(self.text.get("sentences", {}).get("ordinal_nouns", ()))

    @cached_property
    def capitals(self) -> str:
        """Capital letters beyond A-Z, Latin-1 and А-Я that may open a sentence."""
        return str(self.text.get("sentences", {}).get("capitals", ""))

    @cached_property
    def dates(self) -> dict[str, Any] | None:
        """The `[dates]` table (months, weekdays, relative days...), if the language has one."""
        section: dict[str, Any] | None = self.text.get("dates")
        return section

    @cached_property
    def months(self) -> tuple[str, ...]:
        """Patterns of month names."""
        return tuple((self.dates or {}).get("months", ()))

    @cached_property
    def elisions(self) -> tuple[str, ...]:
        """Elided articles and prepositions that are words of their own ("d'", "dell'")."""
        return tuple(self.text.get("words", {}).get("elisions", ()))

    @cached_property
    def spelling_to_english(self) -> tuple[tuple[str, str], ...]:
        """Rewrites, in order, of the language's spelling of a name into English style."""
        return tuple((old, new) for old, new in self.places.get("spelling_to_english", ()))

    @cached_property
    def present(self) -> frozenset[str]:
        """Names (of `FILES`) of the files this language has."""
        return frozenset(name for name in FILES if (self.folder / f"{name}.toml").is_file())

    def has(self, name: str) -> bool:
        """True when the language has the file `<name>.toml`."""
        return name in self.present

    def files(self) -> list[Traversable]:
        """The data files this language has, in `FILES` order."""
        return [self.folder / f"{name}.toml" for name in FILES if name in self.present]

    def _read(self, name: str) -> dict[str, Any]:
        path = self.folder / f"{name}.toml"
        if not path.is_file():
            return {}
        return compiled.parsed_toml(path.read_bytes())


def packaged_folder() -> Traversable:
    """The language folders that ship with frontledger."""
    return resources.files("frontledger") / "data" / "lang"


@cache
def search_path() -> tuple[str, ...]:
    """Extra language folders from `FRONTLEDGER_LANG_PATH`, in order: read once (the stages
    ask for every word and line), again after `reload()`."""
    value = os.environ.get(LANG_PATH_ENV, "")
    return tuple(part for part in value.split(os.pathsep) if part)


def reload() -> None:
    """Read `FRONTLEDGER_LANG_PATH` and the language folders again (after changing either
    in a running process): later lookups give new `Language` objects."""
    for cached in (search_path, _roots, _find, _codes, _known, _every):
        cached.cache_clear()


def find(code: str | None) -> Language | None:
    """The language `code`, or None when no folder holds it. Only the names of the folders
    are looked up: a code from a document ("../x", any string) is never a path."""
    extra = search_path()
    return _find(code, extra) if code and code in _known(extra) else None


def language(code: str | None) -> Language:
    """The language `code`; English when no folder holds it."""
    found = find(code) or find(FALLBACK_LANGUAGE)
    assert found is not None, "the English folder ships with frontledger"
    return found


def available_languages() -> list[str]:
    """Codes of every language a folder holds (shipped and from `FRONTLEDGER_LANG_PATH`)."""
    return list(_codes(search_path()))


def every_language() -> tuple[Language, ...]:
    """Every available language, for data read for all of them at once."""
    return _every(search_path())


@cache
def _roots(extra: tuple[str, ...]) -> tuple[Traversable, ...]:
    return (*(Path(folder) for folder in extra), packaged_folder())


@cache
def _find(code: str, extra: tuple[str, ...]) -> Language | None:
    for root in _roots(extra):
        folder = root / code
        if folder.is_dir():
            return Language(code, folder)
    return None


@cache
def _codes(extra: tuple[str, ...]) -> tuple[str, ...]:
    codes = {folder.name for root in _roots(extra) if root.is_dir()
             for folder in root.iterdir()
             if folder.is_dir() and not folder.name.startswith(("_", "."))}
    return tuple(sorted(codes))


@cache
def _known(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_codes(extra))


@cache
def _every(extra: tuple[str, ...]) -> tuple[Language, ...]:
    found = (_find(code, extra) for code in _codes(extra))
    return tuple(lang for lang in found if lang is not None)
