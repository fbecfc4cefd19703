"""Compiled regular expressions, and parsed data files, kept on disk between processes.

Python compiles a regular expression in Python code (`re._parser`, `re._compiler`) and
keeps it only for the life of the process. The lexicons, theater names, date words and
the finders `frontledger.text.scanning` builds are several hundred patterns, and a
fresh `frontledger extract` spent about a sixth of its CPU time parsing and compiling
them again, the same ones every time.

`compile(source, flags)` gives what `re.compile` gives. The first time a pattern is
seen, it is compiled by `re.compile` and, through the same steps (`re._parser.parse`,
`re._compiler._code`), into the engine's code; the code is kept only when the pattern it
makes equals `re.compile`'s (patterns compare equal when their source, flags and code
are equal). Later processes hand the kept code straight to the engine (`_sre.compile`,
which validates it). `remembered` keeps what a pure function of strings and integers
returns (an analysis of a pattern's parse tree) in the same file, under a digest of the
function's module: changing that code starts its entries afresh. `parsed_toml` keeps
the parse of a TOML data file (language and theater files: tomllib is pure Python) under
the digest of its bytes, when JSON holds it exactly.

What a process adds is written once, at exit, to an SQLite file in the cache folder
named for the Python and engine version (`regex-<digest>.sqlite`); a process reads only
the rows of the patterns it compiles (all languages' patterns are several megabytes of
code). A file that cannot be read, or a row that does not hold what was written, is
passed over and the pattern compiled as usual; so is every pattern on a Python whose
internals differ.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import re
import sqlite3
import sys
import threading
import tomllib
from array import array
from collections.abc import Callable
from contextlib import closing
from functools import wraps
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

log = logging.getLogger(__name__)

MAX_ENTRIES = 20_000
"""Patterns and results the file keeps at most (then nothing more is added): every
language and theater shipped today make about 5,000 (the train and dev evaluation sets
in every language, 2026-12-05); the cap bounds a file that a pattern built differently in
every process (say, from a set's order) would grow without end."""

_FORMAT = 1
"""The layout of the file; a new layout is a new file name."""

try:  # CPython's engine and compiler; without them patterns are compiled as usual
    _sre: Any = import_module("_sre")
    _engine: Any = import_module("re._compiler")
    _parse: Any = import_module("re._parser").parse
    _ENGINE_KEY = f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE} {_FORMAT}"
    _CODE_TYPE = {2: "H", 4: "I"}[_sre.CODESIZE]
except (ImportError, AttributeError, KeyError):  # pragma: no cover - another Python
    _sre = None
    _ENGINE_KEY = ""

Result = TypeVar("Result")


class _Store:
    """The kept codes and results: an SQLite file read one row at a time (a process
    reads only the patterns it compiles), and what this process adds, written at exit."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.connection: sqlite3.Connection | None = None
        self.opened_in: int | None = None
        """The process that opened `connection` (a forked child opens its own)."""
        self.codes: dict[bytes, tuple[Any, ...]] = {}
        self.results: dict[tuple[str, str], str] = {}
        self.data: dict[bytes, str] = {}
        self.patterns: dict[tuple[str, int], re.Pattern[str]] = {}

    def reader(self) -> sqlite3.Connection | None:
        """The file, opened on first use (None when there is none yet)."""
        if self.opened_in != os.getpid():
            if self.opened_in is None:
                atexit.register(self.save)
            self.opened_in, self.connection = os.getpid(), None
            path = _path()
            if path is not None and path.exists():
                try:
                    self.connection = sqlite3.connect(
                        f"file:{quote(str(path))}?mode=ro", uri=True,
                        check_same_thread=False)
                except sqlite3.Error:
                    self.connection = None
        return self.connection

    def row(self, sql: str, key: Any) -> Any:
        """The one row `sql` selects for `key`, or None (also when the file is unreadable)."""
        connection = self.reader()
        if connection is None:
            return None
        try:
            return connection.execute(sql, key).fetchone()
        except sqlite3.Error:
            return None

    def save(self) -> None:
        """Add what this process compiled and computed to the file."""
        if not (self.codes or self.results or self.data):
            return
        path = _path()
        if path is None:
            return
        try:
            with closing(sqlite3.connect(path, timeout=SAVE_TIMEOUT_S)) as connection, \
                    connection:
                self._write(connection)
            self.codes.clear()
            self.results.clear()
            self.data.clear()
        except sqlite3.Error as exc:  # read-only, full or damaged: compile again next time
            log.debug("compiled patterns not kept (%s)", exc)

    def _write(self, connection: sqlite3.Connection) -> None:
        connection.executescript(_SCHEMA)
        (kept,) = connection.execute(
            "SELECT (SELECT count(*) FROM patterns) + (SELECT count(*) FROM results)"
            " + (SELECT count(*) FROM data)").fetchone()
        if kept >= MAX_ENTRIES:
            return
        connection.executemany("INSERT OR IGNORE INTO patterns VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [(key, *row) for key, row in self.codes.items()])
        for namespace in {namespace for namespace, _args in self.results}:
            function = namespace.split("@", 1)[0]
            connection.execute(  # the function's code changed: its old results go
                "DELETE FROM results WHERE function >= ? AND function < ? AND function != ?",
                (f"{function}@", f"{function}A", namespace))
        connection.executemany("INSERT OR IGNORE INTO results VALUES (?, ?, ?)",
                               [(*key, value) for key, value in self.results.items()])
        connection.executemany("INSERT OR IGNORE INTO data VALUES (?, ?)",
                               list(self.data.items()))


_SCHEMA = """
CREATE TABLE IF NOT EXISTS patterns (key BLOB PRIMARY KEY, source TEXT, flags INTEGER,
    final_flags INTEGER, code BLOB, groups INTEGER, groupindex TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS results (function TEXT, args TEXT, value TEXT,
    PRIMARY KEY (function, args)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS data (key BLOB PRIMARY KEY, value TEXT) WITHOUT ROWID;
"""

SAVE_TIMEOUT_S = 5.0
"""Seconds a process waits at exit for another one writing the file; past that it keeps
nothing (the next process compiles again)."""

_store = _Store()


def _path() -> Path | None:
    from frontledger.cachedir import cache_dir

    if not _ENGINE_KEY:
        return None
    try:
        folder = cache_dir()
    except OSError:
        return None
    digest = hashlib.sha256(_ENGINE_KEY.encode()).hexdigest()[:20]
    return folder / f"regex-{digest}.sqlite"


def _key(source: str, flags: int) -> bytes:
    return hashlib.sha256(f"{int(flags)}:{source}".encode("utf-8", "surrogatepass")).digest()[:16]


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the code kept on disk when there is some."""
    flags = int(flags)
    with _store.lock:
        found = _store.patterns.get((source, flags))
        if found is not None:
            return found
        if _sre is None:
            pattern = re.compile(source, flags)
        else:
            pattern = _from_kept(source, flags) or _compile_and_keep(source, flags)
        _store.patterns[(source, flags)] = pattern
        return pattern


def _from_kept(source: str, flags: int) -> re.Pattern[str] | None:
    row = _store.row("SELECT source, flags, final_flags, code, groups, groupindex"
                     " FROM patterns WHERE key = ?", (_key(source, flags),))
    if row is None or row[0] != source or row[1] != flags:
        return None
    try:
        groupindex = json.loads(row[5])
        indexgroup: list[str | None] = [None] * (row[4] + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        pattern: re.Pattern[str] = _sre.compile(
            source, row[2], array(_CODE_TYPE, row[3]).tolist(), row[4], groupindex,
            tuple(indexgroup))
    except (TypeError, ValueError, RuntimeError, OverflowError, IndexError, AttributeError):
        return None  # not what we wrote: compile it
    return pattern


def _compile_and_keep(source: str, flags: int) -> re.Pattern[str]:
    pattern = re.compile(source, flags)
    try:
        parsed = _parse(source, flags)
        code = _engine._code(parsed, flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        rebuilt = _sre.compile(source, flags | state.flags, list(code), state.groups - 1,
                               dict(state.groupdict), tuple(indexgroup))
    except Exception as exc:
        log.debug("pattern not kept (%s)", exc)  # the internals differ: keep nothing
        return pattern
    if rebuilt == pattern and rebuilt.groupindex == pattern.groupindex:
        _store.codes[_key(source, flags)] = (
            source, flags, flags | state.flags, array(_CODE_TYPE, code).tobytes(),
            state.groups - 1, json.dumps(dict(state.groupdict)))
    return pattern


def remembered(function: Callable[..., Result]) -> Callable[..., Result]:
    """`function` (of strings and integers, returning None, strings, integers, booleans
    or tuples of them) with its results kept on disk beside the patterns."""
    digest = _module_digest(function)
    namespace = f"{function.__module__}.{function.__qualname__}@{digest}"
    keep = bool(_ENGINE_KEY and digest)
    memo: dict[str, Any] = {}

    @wraps(function)
    def kept(*args: Any) -> Result:
        key = json.dumps(args, ensure_ascii=False)
        if key in memo:
            return memo[key]
        if keep:
            with _store.lock:
                row = _store.row("SELECT value FROM results WHERE function = ? AND args = ?",
                                 (namespace, key))
            if row is not None:
                try:
                    memo[key] = _thawed(json.loads(row[0]))
                    return memo[key]
                except ValueError:
                    pass
        value = function(*args)
        memo[key] = value
        if keep:
            with _store.lock:
                _store.results[(namespace, key)] = json.dumps(value, ensure_ascii=False)
        return value

    return kept


def parsed_toml(raw: bytes) -> dict[str, Any]:
    """`tomllib.loads` of the UTF-8 file `raw`, from the parse kept on disk when there is
    one (kept only when JSON gives it back equal: no dates, no NaN)."""
    key = hashlib.sha256(raw).digest()[:16]
    with _store.lock:
        row = _store.row("SELECT value FROM data WHERE key = ?", (key,))
    if row is not None:
        try:
            kept = json.loads(row[0])
        except ValueError:
            kept = None
        if isinstance(kept, dict):
            return kept
    data = tomllib.loads(raw.decode("utf-8"))
    try:
        text = json.dumps(data, ensure_ascii=False)
        exact = json.loads(text) == data
    except (TypeError, ValueError):  # a date or a time: TOML has them, JSON does not
        exact = False
    if exact and _ENGINE_KEY:
        with _store.lock:
            _store.data[key] = text
    return data


def _thawed(value: Any) -> Any:
    """A JSON list back as the tuple the function returned."""
    return tuple(_thawed(v) for v in value) if isinstance(value, list) else value


def _module_digest(function: Callable[..., Any]) -> str:
    """A digest of the source file of `function`'s module ('' when there is none: then
    nothing is kept)."""
    module = sys.modules.get(function.__module__)
    filename = getattr(module, "__file__", None)
    if not filename:
        return ""
    try:
        return hashlib.sha256(Path(filename).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""
