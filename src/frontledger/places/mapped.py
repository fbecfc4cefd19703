"""The place index on disk, opened without reading it: a `MappedGazetteer`.

`save` writes an `IndexedGazetteer` into a folder of three files:

- `names.marisa`: a MARISA trie from each folded name to its postings (packed unsigned
  32-bit integers, in the index's order), memory-mapped;
- `columns.bin`: one fixed-width column per entry field (names as UTF-8 bytes with
  offsets; countries and ISO codes as numbers into small tables), memory-mapped;
- `small.marshal`: the format, the column table, the skeletons and word sets, the meta.

Opening costs a few milliseconds and a few megabytes whatever the index's size: the
operating system reads the pages a lookup touches, and processes on one machine (Dask
workers, `serve --workers`) share them. Before, the whole index (28 MB of `marshal`,
about a million Python objects) was unmarshalled on every start: a second of CPU and
~250 MB per process.
"""

from __future__ import annotations

import marshal
import math
import mmap
import os
import shutil
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import marisa_trie

from frontledger.errors import GazetteerError
from frontledger.places.gazetteer import (
    FORMAT_VERSION,
    KINDS,
    GazetteerEntry,
    IndexedGazetteer,
    NameSets,
)

NAMES_FILE = "names.marisa"
COLUMNS_FILE = "columns.bin"
SMALL_FILE = "small.marshal"

POSTING_TYPE = "I"
"""Postings are entry index * 4 + name kind: 32 bits hold a billion entries."""
NUMBER_COLUMNS = {"geonameid": "q", "kind": "B", "flags": "B", "population": "q",
                  "lat": "d", "lon": "d"}
"""Entry fields stored as numbers, with their array type code."""
CODED_COLUMNS = ("country", "iso")
"""Entry fields with few distinct strings: stored as numbers into a table of them."""
LOOKUP_MEMO_LIMIT = 200_000
"""Folded names whose postings are kept in a dict after a first trie lookup (a dict hit
costs ~0.1 µs, a trie lookup ~1.5 µs). The words of a corpus repeat: on the evaluation
articles a few thousand keys cover every lookup; past this many (~30 MB) the memo is
emptied, so a long run's memory stays bounded."""


def save(index: IndexedGazetteer, folder: Path) -> None:
    """Write `index` into `folder` atomically: a half-written index is never opened, and
    two builders of the same index never share files."""
    tables = index.tables()
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    names = ((key, array(POSTING_TYPE, postings).tobytes())
             for key, postings in tables.names.items())
    marisa_trie.BytesTrie(names).save(str(tmp / NAMES_FILE))
    columns, codes = _write_columns(tables.columns, tmp / COLUMNS_FILE)
    small = {"format": FORMAT_VERSION, "columns": columns, "codes": codes,
             "entries": len(tables.columns["name"]), "names": len(tables.names),
             "skeletons": tables.skeletons,
             "lowercase_starts": sorted(tables.lowercase_starts),
             "continuations": sorted(tables.continuations),
             "first_words": sorted(tables.first_words), "meta": tables.meta}
    (tmp / SMALL_FILE).write_bytes(marshal.dumps(small))
    try:
        tmp.replace(folder)
    except OSError:  # another process finished the same index first: use theirs
        shutil.rmtree(tmp, ignore_errors=True)
        if not folder.is_dir():
            raise


def _write_columns(columns: dict[str, list], path: Path,
                   ) -> tuple[dict[str, tuple[str, int, int]], dict[str, list[str]]]:
    """Each column as an array at an 8-byte aligned offset; returns (field → (type code,
    offset, length)) and the string tables of the coded columns."""
    arrays: dict[str, array] = {}
    for field, code in NUMBER_COLUMNS.items():
        values = columns[field]
        if code == "d":
            values = [math.nan if v is None else v for v in values]
        arrays[field] = array(code, values)
    codes: dict[str, list[str]] = {}
    for field in CODED_COLUMNS:
        table = sorted(set(columns[field]))
        number = {value: i for i, value in enumerate(table)}
        codes[field] = table
        arrays[field] = array("H", (number[v] for v in columns[field]))
    blob, offsets = _string_blob(columns["name"])
    arrays["name_offsets"] = offsets
    arrays["name_bytes"] = array("B", blob)
    layout: dict[str, tuple[str, int, int]] = {}
    with path.open("wb") as out:
        for field, column in arrays.items():
            out.write(b"\0" * (-out.tell() % 8))
            layout[field] = (column.typecode, out.tell(), len(column))
            column.tofile(out)
    return layout, codes


def _string_blob(strings: Iterable[str]) -> tuple[bytes, array[int]]:
    parts, offsets, at = [], array("q", [0]), 0
    for text in strings:
        encoded = text.encode("utf-8")
        parts.append(encoded)
        at += len(encoded)
        offsets.append(at)
    return b"".join(parts), offsets


class MappedGazetteer(NameSets):
    """A `Gazetteer` read from a folder written by `save`, through memory maps."""

    def __init__(self, folder: Path) -> None:
        try:
            small = marshal.loads((folder / SMALL_FILE).read_bytes())
            if small.get("format") != FORMAT_VERSION:
                raise GazetteerError(f"gazetteer index {folder} has format "
                                     f"{small.get('format')}; run `frontledger gazetteer "
                                     "build` to rebuild it")
            self._trie = marisa_trie.BytesTrie().mmap(str(folder / NAMES_FILE))
            self._columns = _map_columns(folder / COLUMNS_FILE, small["columns"])
        except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise GazetteerError(f"cannot read the gazetteer index {folder}: {exc}; "
                                 "run `frontledger gazetteer build` to rebuild it") from exc
        self._codes: dict[str, list[str]] = small["codes"]
        self._sizes = {"entries": small["entries"], "names": small["names"],
                       "skeletons": len(small["skeletons"])}
        super().__init__(small["skeletons"], frozenset(small["lowercase_starts"]),
                         frozenset(small["continuations"]), frozenset(small["first_words"]))
        self.meta: dict[str, str] = small["meta"]
        self._memo: dict[str, tuple[int, ...]] = {}
        self._cache: dict[int, GazetteerEntry] = {}

    def lookup(self, key: str) -> tuple[int, ...]:
        postings = self._memo.get(key)
        if postings is None:
            found = self._trie.get(key)
            postings = tuple(array(POSTING_TYPE, found[0])) if found else ()
            if len(self._memo) >= LOOKUP_MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = postings
        return postings

    def __len__(self) -> int:
        return int(self._sizes["entries"])

    def entry(self, index: int) -> GazetteerEntry:
        cached = self._cache.get(index)
        if cached is None:
            cached = self._read_entry(index)
            self._cache[index] = cached
        return cached

    def _read_entry(self, index: int) -> GazetteerEntry:
        c, codes = self._columns, self._codes
        if not 0 <= index < len(self):
            raise IndexError(f"no gazetteer entry {index}")
        start, end = c["name_offsets"][index], c["name_offsets"][index + 1]
        lat, lon = c["lat"][index], c["lon"][index]
        return GazetteerEntry(
            index=index, geonameid=c["geonameid"][index] or None,
            name=bytes(c["name_bytes"][start:end]).decode("utf-8"),
            kind=KINDS[c["kind"][index]], country=codes["country"][c["country"][index]] or None,
            iso3166_2=codes["iso"][c["iso"][index]] or None,
            latitude=None if math.isnan(lat) else lat,
            longitude=None if math.isnan(lon) else lon,
            population=c["population"][index], flags=c["flags"][index])

    def stats(self) -> dict[str, int]:
        """Counts for `gazetteer info`."""
        kinds = bytes(self._columns["kind"])
        return {**self._sizes, **{kind: kinds.count(code) for code, kind in enumerate(KINDS)}}


def _map_columns(path: Path, layout: dict[str, tuple[str, int, int]]) -> dict[str, Any]:
    """Memoryviews of each column of `columns.bin`, read through one memory map that
    lives as long as the views do."""
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    whole = memoryview(mapped)
    views: dict[str, Any] = {}
    for field, (code, offset, length) in layout.items():
        size = array(code).itemsize
        if offset + length * size > len(whole):
            raise ValueError(f"{path.name} is shorter than its column {field!r}")
        views[field] = whole[offset:offset + length * size].cast(code)  # type: ignore[call-overload]
    return views
