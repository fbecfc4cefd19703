"""py3langid's classifier, opened from an unpacked copy of its model in the cache folder.

py3langid ships its model LZMA-compressed (4.6 MB, 68 MB unpacked) and unpacks it in
every process that classifies a text: about 0.9 s of CPU and 70 MB before the first
answer. The first process here writes the unpacked arrays as `.npy` files in the cache
folder (a folder named by the model file's path, size and time), and
every later one memory-maps them: the operating system reads only the table rows a text
walks through. The arrays and the classifier are py3langid's own, so the answers are
the same; with another model layout the packaged loader is used as before.
"""

from __future__ import annotations

import hashlib
import logging
import lzma
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from frontledger.cachedir import cache_dir

log = logging.getLogger(__name__)

ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
"""The arrays of py3langid's model file (its `modelio.save_model`)."""


class Classifier(Protocol):
    """What `classify` asks of py3langid: a language code and a score for a text."""

    def classify(self, instance: str) -> tuple[Any, Any]: ...


def classify(text: str) -> str:
    """The language code py3langid gives `text`."""
    lang, _score = identifier().classify(text)
    return str(lang)


@lru_cache(maxsize=1)
def identifier() -> Classifier:
    """The classifier on the unpacked model, or py3langid's own when it cannot be had."""
    try:
        return _mapped_identifier()
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        log.debug("py3langid's model not memory-mapped (%s): unpacking it", exc)
        import py3langid

        return py3langid  # type: ignore[return-value,unused-ignore]  # module classify()


def _mapped_identifier() -> Classifier:
    import numpy as np
    from py3langid import langid

    folder = unpacked_model(Path(langid.MODEL_DIR) / langid.MODEL_FILE)
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in ARRAYS}
    # As py3langid's own loader hands them over, but left on disk: indexing a memoryview
    # gives Python ints, as its array("I") and lists do, without copying 100k-entry
    # tables into lists first.
    return langid.LanguageIdentifier(  # type: ignore[no-any-return,unused-ignore]
        arrays["ptc"], arrays["pc"], arrays["classes"].tolist(),
        memoryview(arrays["nextmove"]), memoryview(arrays["out_feat"]),
        tk_row=memoryview(arrays["nextmove_row"]))


def unpacked_model(model: Path) -> Path:
    """The folder of `.npy` files unpacked from `model`, written on first use."""
    stat = model.stat()  # a new py3langid installs a new file: a new size or time
    key = hashlib.sha256(f"{model.resolve()} {stat.st_size} {stat.st_mtime_ns}".encode()
                         ).hexdigest()[:20]
    folder = cache_dir() / f"langid-{key}"
    if not folder.is_dir():
        _unpack(model, folder)
    return folder


def _unpack(model: Path, folder: Path) -> None:
    """Write each array of the LZMA-packed `.npz` as a `.npy` file, atomically."""
    import numpy as np

    log.info("unpacking the language identifier's model into %s (once)", folder)
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        with tempfile.TemporaryFile(suffix=".npz") as npz:
            with lzma.open(model) as packed:
                shutil.copyfileobj(packed, npz, length=1 << 20)
            npz.seek(0)
            with np.load(npz, allow_pickle=False) as data:
                for name in ARRAYS:
                    np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        for stale in folder.parent.glob("langid-*"):
            if not stale.name.endswith(".tmp"):
                shutil.rmtree(stale, ignore_errors=True)
        try:
            tmp.replace(folder)
        except OSError:  # another process unpacked it first: use theirs
            if not folder.is_dir():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
