"""`import frontledger`: a small public surface, loaded lazily, and the README's library
snippet runs as written."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import frontledger

README = Path(__file__).parent.parent / "README.md"


def test_every_public_name_resolves_to_what_its_home_module_holds() -> None:
    from importlib import import_module

    for name in frontledger.__all__:
        if name == "__version__":
            continue
        module, attribute = frontledger._HOMES[name]
        assert getattr(frontledger, name) is getattr(import_module(module), attribute), name
    assert set(frontledger.__all__) == {*frontledger._HOMES, "__version__"}


def test_importing_frontledger_loads_no_stage() -> None:
    code = (f"import sys; sys.path[:0] = {json.dumps(sys.path)}\n"
            "import frontledger\n"
            "print(sorted(m for m in sys.modules if m.startswith('frontledger')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "['frontledger']"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        frontledger.no_such_name  # noqa: B018


def test_document_from_text_detects_its_language_and_parses_its_date() -> None:
    doc = frontledger.document("Українські війська утримують позиції біля Покровська.",
                               published="2025-11-25T08:00:00+00:00")
    assert doc.language == "uk" and doc.published is not None
    assert doc.published.date().isoformat() == "2025-11-25"


def test_the_readme_library_snippet_runs_and_prints_claims_and_a_timeline() -> None:
    section = README.read_text("utf-8").split("## Library use", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", section, re.S)
    assert snippet is not None
    printed = io.StringIO()
    names: dict[str, object] = {}
    with contextlib.redirect_stdout(printed):
        exec(compile(snippet.group(1), "README.md", "exec"), names)
    claims = names["claims"]
    assert isinstance(claims, list) and claims
    assert all(isinstance(c, frontledger.Claim) for c in claims)
    assert names["report"].stored == 4  # type: ignore[attr-defined]
    assert "contested" in printed.getvalue()
