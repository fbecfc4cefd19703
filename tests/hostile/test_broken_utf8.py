"""Issue 10, defect 13 (its input half): invalid UTF-8 in a mostly-ASCII file is refused
with where it breaks, never decoded with a guessed legacy encoding; legacy Cyrillic
files, which detection reads reliably, are still decoded."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontledger.ingest import IngestOptions, read_source
from frontledger.records import Document, Rejection

ENGLISH = "Officials said the front line near Siversk had not moved this week. " * 8
FRENCH = "Les autorités régionales ont annoncé une évacuation près de Lyman. " * 8


def read_one(path: Path) -> Document | Rejection:
    [item] = read_source(str(path), IngestOptions())
    return item


@pytest.mark.parametrize("data", [
    ENGLISH.encode("ascii").replace(b"front", b"fr\xffnt", 1),
    FRENCH.encode("utf-8").replace(b"annonc", b"ann\xe9onc", 1),  # UTF-8 with one bad byte
    FRENCH.encode("cp1252"),  # Latin text in a code page: cp1252, latin-1, cp1250 all fit
], ids=["ascii_with_a_stray_byte", "utf8_with_a_bad_byte", "latin_text_in_a_code_page"])
def test_invalid_utf8_in_mostly_ascii_text_is_refused_not_guessed(
        data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    rejection = read_one(path)
    assert isinstance(rejection, Rejection), rejection
    assert rejection.stage == "decode"
    assert "not valid UTF-8 at byte" in rejection.reason
    assert "iconv" in rejection.reason


def test_cyrillic_text_in_a_legacy_code_page_is_still_decoded(tmp_path: Path) -> None:
    text = "Украинские военные сообщили о боях у Купянска и Боровой. " * 4
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("cp1251"))
    document = read_one(path)
    assert isinstance(document, Document) and "Купянска" in document.text
