"""Installed package versions, read without importing importlib.metadata.

`importlib.metadata.version` imports the `email` package to parse one header and walks
every folder of `sys.path` through its finders: about a tenth of a cold `frontledger
extract` (0.15 G instructions), which asks for two versions (the place index's key) and
`ingest` for a third (the extractor version stored with each analysis).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def installed_version(package: str) -> str | None:
    """The version of the installed distribution `package`, as importlib.metadata gives
    it; None when it is not installed."""
    found = dist_info_version(package)
    if found is not None:
        return found
    from importlib import metadata  # an egg, a zip, a custom finder: ask it

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def dist_info_version(package: str) -> str | None:
    """The `Version:` of the first `<package>-*.dist-info` on `sys.path`, searched in the
    order importlib.metadata searches; None (ask importlib.metadata) when the first
    installation found is of another kind (an egg) or says no version."""
    wanted = package.lower().replace("-", "_").replace(".", "_")
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue  # a zip file or a folder that is gone
        for name in names:
            stem, _dot, kind = name.rpartition(".")
            if kind not in ("dist-info", "egg-info"):
                continue
            if stem.split("-", 1)[0].lower().replace(".", "_") != wanted:
                continue
            if kind == "egg-info":
                return None
            return _metadata_version(Path(entry or ".") / name / "METADATA")
    return None


def _metadata_version(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    return None  # the headers end: no version among them
                if line.startswith("Version:"):
                    return line[len("Version:"):].strip()
    except OSError:
        return None
    return None
