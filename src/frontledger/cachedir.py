"""The user cache folder: built indexes and unpacked models live there, never in the
package (`FRONTLEDGER_CACHE_DIR` overrides where)."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "FRONTLEDGER_CACHE_DIR"


def cache_dir() -> Path:
    """The folder holding compiled indexes, unpacked models and the import manifest."""
    override = os.environ.get(CACHE_ENV)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("frontledger"))
    path.mkdir(parents=True, exist_ok=True)
    return path
