"""Cold start of the `frontledger` command as a user meets it: whole processes, timed.

    .venv/bin/python benchmarks/coldstart.py [--runs 3] [--command PATH]
        [--callgrind] [--profile-dir DIR]

Runs, each as a fresh process, `--runs` times after one untimed warm-up (which builds
the place index and other caches if missing, and fills the OS page cache):
`frontledger --help`, `frontledger status` on a one-document ledger, `frontledger
extract one.txt` (an invented ~2.5 KB French article written by this script) and
`frontledger ingest one.txt` into a new ledger each time. Prints, per command, the
median and best of wall seconds, CPU seconds (user + system of that process alone, from
`wait4`) and peak resident memory. On a shared machine wall time waits for other
processes; CPU time and memory are the figures to compare.

With `--callgrind`, each command also runs once under valgrind's callgrind and its
instruction count is printed: a figure the load of a shared machine does not move.
`--profile-dir DIR` (with `--callgrind`) writes, per command, the functions with the most
inclusive instructions (`callgrind_annotate`, recursion folded away) and the first-level
imports with the most cumulative import time (`-X importtime`) to `DIR/coldstart-*.txt`.

The commands run with Python's bytecode cache on, as after `pip install` (the warm-up
writes `__pycache__` for a source checkout): with PYTHONDONTWRITEBYTECODE set, every
process compiles frontledger's own modules again. `--no-bytecode` keeps the variable as
the environment has it.
"""

from __future__ import annotations

import argparse
import os
import re
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
    "ministère de la Défense russe a annoncé que ses troupes avaient pris le contrôle du "
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


TOP_LINES = 25
"""Lines of each profile written to --profile-dir."""


def instructions(argv: list[str], env: dict[str, str], out_file: Path) -> int:
    """Instructions a run of `argv` executes, counted by callgrind (written to out_file)."""
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
                           *argv], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    found = re.search(r"^summary:\s*(\d+)", out_file.read_text(errors="replace"), re.M)
    if found is None:
        raise SystemExit(f"callgrind failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return int(found.group(1))


DISPATCH = ("ceval.c", "call.c", "pycore_", "methodobject.c", "classobject.c", "main.c",
            "pythonrun.c", "python.c", "libc-start", "libc_start", "???", "bltinmodule.c",
            "abstract.c", "descrobject.c", "funcobject.c", "typeobject.c:slot_",
            "vectorcall", "PROGRAM TOTALS")
"""The interpreter's own call and dispatch frames: inclusive of everything, they say
nothing about where a command's instructions go."""


def top_functions(out_file: Path) -> list[str]:
    """callgrind_annotate's inclusive lines, without recursion's repeated frames and the
    interpreter's dispatch."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out_file)],
                          capture_output=True, text=True, check=True).stdout
    lines = [line for line in text.splitlines() if re.match(r"\s*[\d,]+ \(", line)
             and "'" not in line.split("  ", 1)[-1]
             and not any(frame in line for frame in DISPATCH)]
    return [re.sub(r"\s\[[^]]*\]$", "", re.sub(r"/tmp/python-build[^ ]*?/Python-[\d.]+/", "",
                                                  line)) for line in lines[:TOP_LINES]]


def top_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """The first-level imports with the most cumulative time (`-X importtime`)."""
    done = subprocess.run(argv, env=dict(env, PYTHONPROFILEIMPORTTIME="1"),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    rows = []
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s*\d+ \|\s*(\d+) \| (\S.*)$", line)
        if found:  # a name with no indent: imported by the command itself
            rows.append((int(found.group(1)), found.group(2)))
    rows.sort(reverse=True)
    return [f"{micros / 1000:8.1f} ms  {name}" for micros, name in rows[:TOP_LINES]]


def profile(label: str, argv: list[str], env: dict[str, str], folder: Path,
            into: Path | None) -> float:
    """The command's instructions in G; with `into`, its profile written there."""
    out_file = folder / "callgrind.out"
    count = instructions(argv, env, out_file)
    if into is not None:
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower().split(" (")[0]).strip("-")
        report = [f"{label}: {count:,} instructions (callgrind)", "",
                  "top inclusive functions (callgrind_annotate --inclusive=yes):",
                  *top_functions(out_file), "",
                  "top first-level imports (-X importtime, cumulative; wall time, noisy):",
                  *top_imports(argv, env)]
        into.mkdir(parents=True, exist_ok=True)
        (into / f"coldstart-{slug}.txt").write_text("\n".join(report) + "\n", "utf-8")
    out_file.unlink(missing_ok=True)
    return count / 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", help="the frontledger executable to time")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE as the environment sets it")
    parser.add_argument("--callgrind", action="store_true",
                        help="also count each command's instructions (valgrind callgrind)")
    parser.add_argument("--profile-dir", type=Path,
                        help="with --callgrind: write each command's top functions and "
                             "imports here")
    args = parser.parse_args()
    if args.callgrind and not shutil.which("valgrind"):
        raise SystemExit("--callgrind needs valgrind on PATH")
    cli = frontledger_command(args.command)
    env = dict(os.environ, COLUMNS="100")
    if not args.no_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"{'command':44} {'wall s med/best':>16} {'CPU s med/best':>15} "
          f"{'peak MB med/max':>16}")
    with tempfile.TemporaryDirectory(prefix="frontledger-coldstart-") as tmp:
        counted: list[tuple[str, float]] = []
        for label, argv_of in cases(cli, Path(tmp)):
            runs = measure(argv_of, args.runs, env)
            walls, cpus, peaks = ([r.wall for r in runs], [r.cpu for r in runs],
                                  [r.peak_mb for r in runs])
            print(f"{label:44} {statistics.median(walls):7.2f} / {min(walls):5.2f}  "
                  f"{statistics.median(cpus):6.2f} / {min(cpus):5.2f}  "
                  f"{statistics.median(peaks):7.0f} / {max(peaks):5.0f}", flush=True)
            if args.callgrind:
                argv: list[str] = argv_of(args.runs) if callable(argv_of) else argv_of  # type: ignore[assignment]
                counted.append((label, profile(label, argv, env, Path(tmp),
                                               args.profile_dir)))
        if counted:
            print(f"\n{'command':44} {'instructions (G, callgrind)':>28}")
            for label, giga in counted:
                print(f"{label:44} {giga:28.2f}")


if __name__ == "__main__":
    main()
