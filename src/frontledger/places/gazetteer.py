"""The gazetteer interface and its in-memory index.

A `Gazetteer` answers three questions, and the recogniser asks nothing else:
which entries a folded name may mean (`lookup`), which theater entries a transliteration
skeleton may mean (`lookup_skeleton`), and what one entry is (`entry`). `IndexedGazetteer`
holds columns of entries plus two dicts in memory (what `build` makes, and what tests
use); `frontledger.places.mapped` writes it to disk and opens it as a memory-mapped
`MappedGazetteer`, which answers the same questions without reading the index first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from frontledger.records import PlaceKind

FORMAT_VERSION = 4

# How a name belongs to its entry (the low two bits of a posting).
PRIMARY = 0
"""The entry's own name, an official form, or a full regional name ("Donetsk Oblast")."""
ALTERNATE = 1
"""An alternate, historical or foreign name."""
REGION_BASE = 2
"""A bare region name ("Donetsk" for the oblast): valid only where the text says region."""
OTHER_NAME = 3
"""An alternate that is not a spelling of the name: a former name ("Krasnoarmeysk" for
Pokrovsk) or another place's name. Many villages share their former names."""
KINDS: tuple[PlaceKind, ...] = ("populated_place", "region", "country", "river", "other")

FLAG_METONYM = 1
"""The name stands for an actor ("the Kremlin")."""
FLAG_NEEDS_CUE = 2
"""Only valid next to a river word ("the Dnipro river", not the city of Dnipro)."""
FLAG_CAPITAL = 4
"""A national capital: "Kyiv said" uses it as an actor."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    index: int
    geonameid: int | None
    name: str
    kind: PlaceKind
    country: str | None
    iso3166_2: str | None
    latitude: float | None
    longitude: float | None
    population: int
    flags: int = 0


class Gazetteer(Protocol):
    """What the recogniser and resolver need from a gazetteer."""

    def lookup(self, key: str) -> tuple[int, ...]:
        """Postings (entry index * 4 + name kind) for a folded name."""
        ...

    def lookup_skeleton(self, key: str) -> tuple[int, ...]:
        """Entry indexes of theater places whose name has this skeleton."""
        ...

    def entry(self, index: int) -> GazetteerEntry:
        """The entry at an index."""
        ...

    @property
    def lowercase_starts(self) -> frozenset[str]:
        """Folded first words of names that start in lower case ("région" de Donetsk)."""
        ...

    @property
    def continuations(self) -> frozenset[str]:
        """Folded lower-case words found inside names ("de", "oblast", "область")."""
        ...

    @property
    def first_words(self) -> frozenset[str]:
        """Folded first words of names of two words or more ("velyka", "région")."""
        ...


class NameSets:
    """What every form of the index keeps in memory, whole: the skeleton postings and the
    word sets the recogniser asks (IndexedGazetteer and mapped.MappedGazetteer)."""

    def __init__(self, skeletons: dict[str, tuple[int, ...]], lowercase_starts: frozenset[str],
                 continuations: frozenset[str], first_words: frozenset[str]) -> None:
        self._skeletons = skeletons
        self._lowercase_starts = lowercase_starts
        self._continuations = continuations
        self._first_words = first_words

    def lookup_skeleton(self, key: str) -> tuple[int, ...]:
        return self._skeletons.get(key, ())

    @property
    def lowercase_starts(self) -> frozenset[str]:
        return self._lowercase_starts

    @property
    def continuations(self) -> frozenset[str]:
        return self._continuations

    @property
    def first_words(self) -> frozenset[str]:
        return self._first_words


class IndexedGazetteer(NameSets):
    """Columns of entries and two name dicts; built by `frontledger.places.build`."""

    def __init__(self, columns: dict[str, list], names: dict[str, tuple[int, ...]],
                 skeletons: dict[str, tuple[int, ...]], lowercase_starts: frozenset[str],
                 continuations: frozenset[str], first_words: frozenset[str],
                 meta: dict[str, str] | None = None) -> None:
        super().__init__(skeletons, lowercase_starts, continuations, first_words)
        self._c = columns
        self._names = names
        self.meta = meta or {}
        self._cache: dict[int, GazetteerEntry] = {}
        self._by_geonameid: dict[int, int] | None = None

    def lookup(self, key: str) -> tuple[int, ...]:
        return self._names.get(key, ())

    def __len__(self) -> int:
        return len(self._c["name"])

    def entry(self, index: int) -> GazetteerEntry:
        cached = self._cache.get(index)
        if cached is None:
            c = self._c
            cached = GazetteerEntry(
                index=index, geonameid=c["geonameid"][index] or None, name=c["name"][index],
                kind=KINDS[c["kind"][index]], country=c["country"][index] or None,
                iso3166_2=c["iso"][index] or None, latitude=c["lat"][index],
                longitude=c["lon"][index], population=c["population"][index],
                flags=c["flags"][index],
            )
            self._cache[index] = cached
        return cached

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        """The entry with this GeoNames id (its index is built on first use, ~50 ms)."""
        if self._by_geonameid is None:
            self._by_geonameid = {gid: i for i, gid in enumerate(self._c["geonameid"]) if gid}
        index = self._by_geonameid.get(geonameid)
        return None if index is None else self.entry(index)

    def stats(self) -> dict[str, int]:
        """Counts for `gazetteer info`."""
        counts: dict[str, int] = {kind: 0 for kind in KINDS}
        for code in self._c["kind"]:
            counts[KINDS[code]] += 1
        return {"entries": len(self), "names": len(self._names),
                "skeletons": len(self._skeletons), **counts}

    def tables(self) -> IndexTables:
        """Everything the index holds, for `mapped.save`."""
        return IndexTables(self._c, self._names, self._skeletons, self._lowercase_starts,
                           self._continuations, self._first_words, self.meta)


@dataclass(frozen=True, slots=True)
class IndexTables:
    """The parts of an `IndexedGazetteer`: entry columns (one list per field, indexed by
    entry), folded name → postings, skeleton → entry indexes, the three word sets."""

    columns: dict[str, list]
    names: dict[str, tuple[int, ...]]
    skeletons: dict[str, tuple[int, ...]]
    lowercase_starts: frozenset[str]
    continuations: frozenset[str]
    first_words: frozenset[str]
    meta: dict[str, str]
