"""Article sizing shared by the stage benchmarks: the issues' bars are for 3 KB articles."""

from __future__ import annotations

ARTICLE_BYTES = 3000
"""The issues' article size for the throughput bars: 3,000 bytes of UTF-8."""


def cut_to_bytes(text: str, limit: int = ARTICLE_BYTES) -> str:
    """The longest prefix of whole words of `text` that is at most `limit` UTF-8 bytes: a
    3 KB Cyrillic article has about half the characters of a 3 KB Latin one."""
    head = text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    if len(head) == len(text):
        return text
    space = head.rfind(" ")
    return head[:space] if space > 0 else head


def grown(parts: list[str], limit: int = ARTICLE_BYTES) -> str:
    """`parts` joined and repeated as paragraphs until the text reaches `limit` bytes, then
    cut there."""
    text = ""
    while len(text.encode("utf-8")) < limit:
        text += " ".join(parts) + "\n"
    return cut_to_bytes(text, limit)
