"""Cold start of the `frontledger` command as a user meets it: whole processes, timed.

    .venv/bin/python benchmarks/coldstart.py [--runs 3] [--command PATH]

Runs, each as a fresh process, `--runs` times after one untimed warm-up (which builds
the place index and other caches if missing, and fills the OS page cache):
`frontledger --help`, `frontledger status` on a one-document ledger, `frontledger
extract one.txt` (an invented ~2.5 KB French article written by this script) and
`frontledger ingest one.txt` into a new ledger each time. Prints, per command, the
median and best of wall seconds, CPU seconds (user + system of that process alone, from
`wait4`) and peak resident memory. On a shared machine wall time waits for other
processes; CPU time and memory are the figures to compare.

The commands run with Python's bytecode cache on, as after `pip install` (the warm-up
writes `__pycache__` for a source checkout): with PYTHONDONTWRITEBYTECODE set, every
process compiles frontledger's own modules again. `--no-bytecode` keeps the variable as
the environment has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ARTICLE_BYTES = 2500
"""The issue's "one 2.5 KB French article"."""

PARAGRAPHS = [
    "Article inventé pour un banc d'essai de frontledger. Jeudi 20 novembre 2025, le "
    "ministère russe de la Défense a affirmé que ses troupes avaient pris le contrôle du "
    "village de Petropavlivka, dans la région de Kharkiv, à l'est de Koupiansk. Selon "
    "Moscou, les forces russes progressent aussi en direction de Pokrovsk et de Myrnohrad.",
    "L'état-major ukrainien a démenti ces affirmations dans la soirée : « les déclarations "
    "sur la prise de Petropavlivka sont fausses, nos unités tiennent leurs positions ». "
    "Kiev affirme contrôler environ la moitié de Koupiansk et avoir repoussé plusieurs "
    "assauts près de Vovtchansk.",
    "Dans la région de Zaporijjia, des combats ont eu lieu près de Houliaïpole, selon les "
    "deux camps. L'armée russe dit avoir avancé vers Orikhiv, tandis que des drones ont "
    "frappé Zaporijjia dans la nuit de mercredi à jeudi.",
    "Des missiles ont touché Kharkiv et Dnipro, faisant plusieurs blessés, selon les "
    "autorités régionales. À Odessa, la défense antiaérienne a abattu une dizaine de drones.",
    "Le ministère russe assure que 70 % de Pokrovsk est sous son contrôle, ce que "
    "l'état-major ukrainien qualifie de propagande. Plus au nord, dans la région de Soumy, "
    "les gardes-frontières ont fait état de tirs d'artillerie sur des localités frontalières.",
    "Les forces russes ont attaqué près de Siversk et de Kostiantynivka, dans la région de "
    "Donetsk, a précisé l'état-major, qui dit avoir détruit deux chars près de Lyman.",
]


def french_article(limit: int = ARTICLE_BYTES) -> str:
    """An invented French war report of about `limit` UTF-8 bytes."""
    text, i = "", 0
    while len(text.encode("utf-8")) < limit:
        text += PARAGRAPHS[i % len(PARAGRAPHS)] + "\n\n"
        i += 1
    return text


@dataclass(frozen=True)
class Run:
    """One process: wall seconds, CPU seconds (user + system), peak RSS in MB."""

    wall: float
    cpu: float
    peak_mb: float


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    """Run `argv` to its end; its own CPU time and peak memory from wait4."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): "
                         f"{stderr.decode(errors='replace')[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def frontledger_command(explicit: str | None) -> str:
    """The `frontledger` script beside this interpreter, else the one on PATH."""
    if explicit:
        return explicit
    beside = Path(sys.executable).parent / "frontledger"
    found = str(beside) if beside.exists() else shutil.which("frontledger")
    if not found:
        raise SystemExit("no `frontledger` command: install the package or pass --command")
    return found


def cases(cli: str, folder: Path) -> list[tuple[str, object]]:
    """(label, argv or a function of the run number giving argv) per command."""
    article = folder / "one.txt"
    article.write_text(french_article(), "utf-8")
    small = folder / "small.db"
    subprocess.run([cli, "ingest", str(article), "--db", str(small)], check=True,
                   stdout=subprocess.DEVNULL)
    return [
        ("frontledger --help", [cli, "--help"]),
        ("frontledger status (1 document)", [cli, "status", "--db", str(small)]),
        (f"frontledger extract one.txt ({article.stat().st_size} B, fr)",
         [cli, "extract", str(article)]),
        ("frontledger ingest one.txt (new ledger)",
         lambda n: [cli, "ingest", str(article), "--db", str(folder / f"new{n}.db")]),
    ]


def measure(argv_of: object, runs: int, env: dict[str, str]) -> list[Run]:
    """One untimed warm-up, then `runs` timed processes."""
    def argv(n: int) -> list[str]:
        return argv_of(n) if callable(argv_of) else argv_of  # type: ignore[return-value]

    run_once(argv(-1), env)
    return [run_once(argv(n), env) for n in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", help="the frontledger executable to time")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE as the environment sets it")
    args = parser.parse_args()
    cli = frontledger_command(args.command)
    env = dict(os.environ, COLUMNS="100")
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"{'command':44} {'wall s med/best':>16} {'CPU s med/best':>15} "
          f"{'peak MB med/max':>16}")
    with tempfile.TemporaryDirectory(prefix="frontledger-coldstart-") as tmp:
        for label, argv_of in cases(cli, Path(tmp)):
            runs = measure(argv_of, args.runs, env)
            walls, cpus, peaks = ([r.wall for r in runs], [r.cpu for r in runs],
                                  [r.peak_mb for r in runs])
            print(f"{label:44} {statistics.median(walls):7.2f} / {min(walls):5.2f}  "
                  f"{statistics.median(cpus):6.2f} / {min(cpus):5.2f}  "
                  f"{statistics.median(peaks):7.0f} / {max(peaks):5.0f}", flush=True)


if __name__ == "__main__":
    main()
