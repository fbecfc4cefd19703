"""Patterns compiled from code kept on disk are the patterns `re.compile` makes; a damaged
file only costs a compilation; kept analyses come back as the function gave them."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from datetime import date
from pathlib import Path

import pytest

from frontledger.cachedir import CACHE_ENV
from frontledger.text import compiled

PATTERNS = [
    (r"\b(?P<side>russes?|ukrainiens?)\s+(?:ont\s+)?(?P<verb>pris|repris)\b", re.IGNORECASE),
    (r"(?<!\w)(?:в|під)\s+(?P<place>[А-ЯІЇЄҐ][\w'’-]+)", 0),
    (r"\d{1,3}(?:[.,]\d+)?\s*(?:%|Prozent|per\s?cent)", re.IGNORECASE),
    (r"[KkКк](?<=(?=(?i:\b(?:Kupiansk|Купянск)\b))(?s:.))", 0),
    (r"(?:eingenommen|erobert)++\.?", 0),
]
TEXTS = [
    "Les Russes ont pris Koupiansk ; les Ukrainiens ont repris 70 % du village.",
    "Бої тривають під Покровськом, у Куп'янську та в Купянске, 40 per cent.",
    "Die Armee hat das Dorf eingenommen. Rund 30 Prozent sind erobert.",
]


@pytest.fixture()
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and a store that has read nothing yet, as a new process."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(compiled, "_store", compiled._Store())
    return tmp_path


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled._store.save()
    monkeypatch.setattr(compiled, "_store", compiled._Store())


def _matches(pattern: re.Pattern[str]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for text in TEXTS
            for m in pattern.finditer(text)]


def test_a_pattern_from_kept_code_matches_as_the_one_re_compile_makes(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for source, flags in PATTERNS:
        compiled.compile(source, flags)
    _new_process(monkeypatch)
    for source, flags in PATTERNS:
        assert compiled._from_kept(source, flags) is not None  # read from the file
        kept, fresh = compiled.compile(source, flags), re.compile(source, flags)
        assert kept == fresh
        assert (kept.flags, kept.groups, kept.groupindex) == (
            fresh.flags, fresh.groups, fresh.groupindex)
        assert _matches(kept) == _matches(fresh)
    assert any(_matches(compiled.compile(s, f)) for s, f in PATTERNS)


def test_a_damaged_cache_file_only_means_compiling_again(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, flags = PATTERNS[0]
    compiled.compile(source, flags)
    _new_process(monkeypatch)
    [path] = fresh_store.glob("regex-*.sqlite")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE patterns SET code = x'0100ffff'")
    assert compiled._from_kept(source, flags) is None
    assert compiled.compile(source, flags) == re.compile(source, flags)
    path.write_bytes(b"not a database at all")
    _new_process(monkeypatch)
    assert compiled.compile(source, flags) == re.compile(source, flags)


def test_a_remembered_result_comes_back_in_a_new_process_without_running_again(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def anchors(source: str, flags: int) -> tuple[str, ...] | None:
        calls.append(source)
        return (source.lower(), str(flags)) if flags else None

    remembered = compiled.remembered(anchors)
    assert remembered("Pokrovsk", 2) == ("pokrovsk", "2")
    assert remembered("Покровськ", 0) is None
    _new_process(monkeypatch)
    again = compiled.remembered(anchors)
    assert again("Pokrovsk", 2) == ("pokrovsk", "2")
    assert again("Покровськ", 0) is None
    assert calls == ["Pokrovsk", "Покровськ"]


def test_results_of_a_function_whose_code_changed_are_dropped(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled._store.results[("mod.plan@old", '["a"]')] = '"x"'
    _new_process(monkeypatch)
    compiled._store.results[("mod.plan@new", '["b"]')] = '"y"'
    compiled._store.results[("mod.planner@old", '["c"]')] = '"z"'
    _new_process(monkeypatch)
    [path] = fresh_store.glob("regex-*.sqlite")
    with sqlite3.connect(path) as connection:
        kept = sorted(connection.execute("SELECT function, args FROM results"))
    assert kept == [("mod.plan@new", '["b"]'), ("mod.planner@old", '["c"]')]


LANGUAGE_FILE = """
language = "uk"
months = ["січня", "лютого"]
[stance]
negation = '\\b(?:не|ні)\\b'
weight = 0.5
[[trigger]]
kind = "control"
pattern = "(?:захопили|взяли під контроль)"
"""


def test_a_data_file_parse_kept_on_disk_is_tomllibs_parse(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = LANGUAGE_FILE.encode("utf-8")
    first = compiled.parsed_toml(raw)
    _new_process(monkeypatch)
    with sqlite3.connect(next(fresh_store.glob("regex-*.sqlite"))) as connection:
        assert connection.execute("SELECT count(*) FROM data").fetchone() == (1,)
    again = compiled.parsed_toml(raw)
    assert first == again == tomllib.loads(LANGUAGE_FILE)
    assert isinstance(again["months"], list)


def test_a_data_file_with_a_date_is_parsed_every_time_and_never_kept(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b'name = "Zaporizhzhia"\nsince = 2025-11-20\n'
    assert compiled.parsed_toml(raw)["since"] == date(2025, 11, 20)
    _new_process(monkeypatch)
    assert compiled.parsed_toml(raw)["since"] == date(2025, 11, 20)
    assert not compiled._store.data
