"""Bytes to text: refuse binary content, detect unknown encodings, never guess silently."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from frontledger.errors import UnreadableInput

# How much of the start of a file is examined to tell text from binary.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, carriage return, form feed) above
# which decoded content is treated as binary. Real text in any script has ~0; PDFs, images
# and archives that happen to decode land far above 5%.
MAX_CONTROL_SHARE = 0.02

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
    best = from_bytes(data[: 4 * SNIFF_BYTES]).best()
    if best is None or best.encoding is None:
        raise UnreadableInput(
            "unknown encoding: no character set decodes this file; "
            "convert it to UTF-8 (e.g. with iconv) and ingest it again"
        )
    return _strict(data, best.encoding)


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
