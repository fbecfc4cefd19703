"""Bytes to text: refuse binary content, detect unknown encodings, never guess silently."""

from __future__ import annotations

import codecs
import re

from frontledger.errors import UnreadableInput

# How much of the start of a file is examined to tell text from binary.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, carriage return, form feed) above
# which decoded content is treated as binary. Real text in any script has ~0; PDFs, images
# and archives that happen to decode land far above 5%.
MAX_CONTROL_SHARE = 0.02

# Share of non-ASCII bytes below which a file that is not UTF-8 is refused rather than
# handed to encoding detection. Cyrillic or Greek in a legacy code page is 50-80%
# non-ASCII and detection reads it reliably; Latin-script text in cp1252, latin-1 or
# cp1250 is 1-5% non-ASCII, where every Latin code page decodes it and only the rare
# accented letters differ (a coin toss), and a UTF-8 file with a few damaged bytes looks
# the same. 20% separates the two with room on both sides.
MIN_NON_ASCII_FOR_DETECTION = 0.2

_ASCII = bytes(range(128))
# A well-formed UTF-8 multi-byte sequence: its presence beside invalid bytes means a
# damaged UTF-8 file, not another encoding.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data` to text; raise UnreadableInput for binary or undecodable content.

    `declared` is a charset named by the source (an HTTP header, an XML declaration);
    it is tried after a BOM and before detection.
    """
    if not data.strip():
        raise UnreadableInput("empty input: nothing to ingest")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    _refuse_known_binary(data)
    for encoding in [e for e in (declared, "utf-8") if e is not None]:
        if encoding:
            try:
                return _check_text(data.decode(encoding))
            except (UnicodeDecodeError, LookupError):
                continue
    _refuse_damaged_utf8(data)
    from charset_normalizer import from_bytes  # late: a UTF-8 file never needs it

    best = from_bytes(data[: 4 * SNIFF_BYTES]).best()
    if best is None or best.encoding is None:
        raise UnreadableInput(
            "unknown encoding: no character set decodes this file; "
            "convert it to UTF-8 (e.g. with iconv) and ingest it again"
        )
    return _strict(data, best.encoding)


def _refuse_damaged_utf8(data: bytes) -> None:
    """Refuse content that is not UTF-8 but too little unlike it for a reliable guess:
    UTF-8 with damaged bytes, or Latin-script text in some legacy code page."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start
    else:
        return
    non_ascii = len(data.translate(None, _ASCII)) / len(data)
    damaged = _UTF8_SEQUENCE.search(data) is not None
    if damaged or non_ascii < MIN_NON_ASCII_FOR_DETECTION:
        what = ("a UTF-8 file with damaged bytes" if damaged else
                "mostly ASCII, too little else to tell its encoding for sure")
        raise UnreadableInput(
            f"not valid UTF-8 at byte {where} ({what}); repair it, or convert it from its "
            "real encoding (e.g. iconv -f cp1252 -t utf-8) and ingest it again")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _check_text(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"not valid {encoding} text at byte {exc.start}") from exc


def _refuse_known_binary(data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UnreadableInput(f"binary content ({what}), not text: extract its text first")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise UnreadableInput("binary content (NUL bytes), not text")


def _check_text(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise UnreadableInput("binary content (control characters), not text")
    return text
