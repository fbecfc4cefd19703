"""Builds a folder that mixes good inputs with every kind of bad one the ingest refuses."""

from __future__ import annotations

import json
from pathlib import Path

GOOD_TEXT_RU = ("Российские войска продолжают наступление в направлении Покровска, "
                "заявили в Минобороны России. Украинская сторона это опровергла.")
GOOD_RECORDS = [
    {"id": "g-1", "url": "https://news.example/a", "outlet": "news.example",
     "published": "2025-11-20", "language": "en", "title": "Capture claimed",
     "text": "Russia's Defence Ministry said its forces had captured Kupiansk."},
    {"id": "g-2", "url": "https://news.example/b", "published": "2025-11-21T09:00:00+01:00",
     "text": "L'état-major ukrainien dément la prise de Koupiansk par les forces russes."},
]
TRUNCATED_HTML = ("<!DOCTYPE html><html><head><title>Cut</title></head><body><article>"
                  "<p>Les forces russes ont lancé une offensive en direction de")


def build_mixed_folder(root: Path) -> dict[str, int]:
    """Write the folder; return how many documents and rejections a run must report."""
    root.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(GOOD_RECORDS[0]), "{this is not json", json.dumps(GOOD_RECORDS[1]),
             json.dumps({"id": "no-text"})]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "report-cp1251.txt").write_bytes(GOOD_TEXT_RU.encode("cp1251"))
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "cut.html").write_text(TRUNCATED_HTML, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "huge.txt").write_bytes(b"a" * 4096)
    (root / "not-a-feed.rss").write_text("just some words, not XML at all", encoding="utf-8")
    return {"documents": 3, "rejections": 7}
