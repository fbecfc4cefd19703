"""The claims package loads its stage on first use, and `claims.extract` stays the
function whichever way the package is first imported (each check in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys


def run(code: str) -> str:
    """Output of `code` in a fresh interpreter with this test's import path."""
    prelude = f"import sys; sys.path[:0] = {json.dumps(sys.path)}\n"
    done = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True,
                          text=True, timeout=120, check=True)
    return done.stdout.strip()


def test_importing_the_extract_command_does_not_load_the_claims_stage() -> None:
    loaded = run("import frontledger.cli.claims, sys\n"
                 "print(sorted(m for m in ('frontledger.claims.extract', 'frontledger.records',"
                 " 'frontledger.claims.analysis') if m in sys.modules))")
    assert loaded == "[]"


def test_claims_extract_is_the_function_when_its_module_was_imported_first() -> None:
    kind = run("import frontledger.claims.extract\n"
               "from frontledger.claims import extract\n"
               "import frontledger.claims as claims\n"
               "print(type(extract).__name__, type(claims.extract).__name__, "
               "claims.extract is sys.modules['frontledger.claims.extract'].extract)")
    assert kind == "function function True"


def test_claims_extract_is_the_function_when_the_package_was_imported_first() -> None:
    kind = run("from frontledger.claims import extract, deduplicate, load_theater\n"
               "import frontledger.claims.extract as module_or_function\n"
               "print(type(extract).__name__, callable(deduplicate), callable(load_theater))")
    assert kind == "function True True"
