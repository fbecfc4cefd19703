"""Long runs show records done, rate and time left inside one big file, on a terminal
only; the library tells any display how many records each source holds."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from frontledger.cli.progress import PROGRESS_DELAY_SECONDS, RunDisplay
from frontledger.ledger import open_store
from frontledger.pipeline import ingest_into, skip_analysis


class Recorder:
    def __init__(self) -> None:
        self.found: list[int] = []
        self.done = 0
        self.sources: list[tuple[int, int]] = []

    def source_started(self, source: str, index: int, total: int) -> None:
        self.sources.append((index, total))

    def records_found(self, count: int) -> None:
        self.found.append(count)

    def record_done(self) -> None:
        self.done += 1


def test_a_run_counts_the_records_inside_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"text": f"Report {n}: les troupes tiennent la ville."})
             for n in range(30)]
    (folder / "a.jsonl").write_text("\n".join([*lines, "{broken"]) + "\n\n", encoding="utf-8")
    (folder / "b.txt").write_text("Войска удерживают позиции.", encoding="utf-8")
    recorder = Recorder()
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store:
        report = ingest_into(store, [str(folder)], analyser=skip_analysis, progress=recorder)
    assert recorder.sources == [(0, 2), (1, 2)]
    assert recorder.found == [31, 1]  # blank lines are no records; a broken one is
    assert recorder.done == 32 == report.stored + report.rejected


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def drive(console: Console, clock: Clock, records: int = 1000, done: int = 400) -> None:
    with RunDisplay(console, clock) as display:
        display.source_started("big.jsonl", 0, 1)
        display.records_found(records)
        for _ in range(done):
            clock.now += 0.01
            display.record_done()
        clock.now += 1.0
        display.record_done()


def test_terminal_shows_records_done_rate_and_time_left() -> None:
    buffer = io.StringIO()
    drive(Console(file=buffer, force_terminal=True, width=140), Clock())
    shown = buffer.getvalue()
    assert "/1,000 records" in shown and "records/s" in shown
    assert "401/1,000 records" in shown
    assert "0:00:" in shown  # time remaining


def test_piped_output_shows_no_progress() -> None:
    buffer = io.StringIO()
    drive(Console(file=buffer, force_terminal=False, width=140), Clock())
    assert buffer.getvalue() == ""


def test_a_short_run_shows_no_progress_even_on_a_terminal() -> None:
    buffer = io.StringIO()
    clock = Clock()
    with RunDisplay(Console(file=buffer, force_terminal=True), clock) as display:
        display.source_started("small.txt", 0, 1)
        display.records_found(3)
        for _ in range(3):
            clock.now += PROGRESS_DELAY_SECONDS / 10
            display.record_done()
    assert buffer.getvalue() == ""


def test_total_of_a_folder_is_estimated_until_its_last_file_is_opened() -> None:
    display = RunDisplay(Console(file=io.StringIO()), Clock())
    display.source_started("a.jsonl", 0, 4)
    display.records_found(10)
    display.source_started("b.jsonl", 1, 4)
    display.records_found(20)
    assert display.total() == (60, True)  # 30 found + 2 unopened files of 15 on average
    for index, count in ((2, 5), (3, 5)):
        display.source_started(f"{index}.txt", index, 4)
        display.records_found(count)
    assert display.total() == (40, False)
