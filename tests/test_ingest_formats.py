"""Each input format becomes Documents; each bad input becomes a Rejection with a reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from frontledger.ingest import IngestOptions, read_sources
from frontledger.records import Document, Rejection
from tests.mixed_inputs import build_mixed_folder


def read(*sources: str | Path, **options: object) -> list[Document | Rejection]:
    return list(read_sources([str(s) for s in sources], options=IngestOptions(**options)))


def only_documents(items: list[Document | Rejection]) -> list[Document]:
    assert all(isinstance(i, Document) for i in items), items
    return [i for i in items if isinstance(i, Document)]


def test_plain_text_file_becomes_one_document_with_detected_language(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Російські війська  захопили\r\nсело поблизу Куп'янська, "
                    "повідомили в Генштабі.\n\n\n", encoding="utf-8")
    [doc] = only_documents(read(path))
    assert doc.language == "uk"
    assert doc.text == "Російські війська захопили\nсело поблизу Куп'янська, повідомили в Генштабі."
    assert doc.source == str(path) and doc.locator is None and len(doc.id) == 64


def test_html_page_gives_main_text_title_date_and_canonical_url() -> None:
    [doc] = only_documents(read(Path("examples/zaporizhzhia.html")))
    assert doc.url == "https://example-daily.example/2025/11/24/huliaipole"
    assert doc.outlet == "example-daily.example"
    assert doc.title and "Huliaipole" in doc.title
    assert doc.published is not None and doc.published.date().isoformat() == "2025-11-24"
    assert "advancing towards Huliaipole" in doc.text
    assert "Home" not in doc.text.split("\n")  # navigation is not main text


def test_jsonl_record_fields_are_kept_and_id_is_the_external_id(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"id": "abc-7", "url": "https://www.site.example/x", "published": "2025-11-20",
              "language": "EN", "title": "T", "text": "Kyiv said the town was held."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [doc] = only_documents(read(path))
    assert (doc.external_id, doc.url, doc.outlet, doc.language, doc.title) == (
        "abc-7", "https://www.site.example/x", "site.example", "en", "T")
    assert doc.published is not None and doc.published.isoformat() == "2025-11-20T00:00:00"
    assert doc.locator == "line 1"


def test_one_bad_jsonl_line_is_rejected_and_the_other_lines_go_in(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text('{"text": "first report"}\n{oops\n\n{"text": "third report"}\n'
                    '{"id": 4}\n{"text": "x", "published": "last tuesday"}\n',
                    encoding="utf-8")
    items = read(path)
    docs = [i.text for i in items if isinstance(i, Document)]
    rejections = {i.locator: i.reason for i in items if isinstance(i, Rejection)}
    assert docs == ["first report", "third report"]
    assert rejections["line 2"].startswith("invalid JSON")
    assert "no 'text'" in rejections["line 5"]
    assert "not an ISO 8601" in rejections["line 6"]


def test_json_list_of_records_and_single_record(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([{"text": "one"}, {"text": "two"}, 3]))
    (tmp_path / "one.json").write_text(json.dumps({"id": 9, "text": "single"}))
    items = read(tmp_path / "list.json", tmp_path / "one.json")
    assert [i.text for i in items if isinstance(i, Document)] == ["one", "two", "single"]
    [rejection] = [i for i in items if isinstance(i, Rejection)]
    assert rejection.locator == "record 3" and "expected a JSON object" in rejection.reason
    assert items[-1].external_id == "9"  # type: ignore[union-attr]


def test_rss_feed_entries_become_documents_with_the_feed_as_outlet() -> None:
    docs = only_documents(read(Path("examples/feed.xml")))
    assert len(docs) == 2
    assert {d.outlet for d in docs} == {"Приклад новин (вигадана стрічка)"}
    assert docs[0].external_id == "pryklad-2025-12-23-siversk"
    assert docs[0].url == "https://pryklad-novyny.example/2025/12/23/siversk"
    assert docs[0].published is not None and docs[0].published.isoformat().startswith(
        "2025-12-23T10:00")
    assert "<p>" not in docs[0].text and docs[0].text.count("\n") == 1


def test_atom_feed_entry_content_is_read(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Example</title>
<id>urn:x</id><updated>2025-11-20T10:00:00Z</updated>
<entry><title>E1</title><id>urn:e1</id><updated>2025-11-20T10:00:00Z</updated>
<link href="https://atom.example/e1"/>
<content type="html">&lt;p&gt;Les forces russes avancent vers Pokrovsk.&lt;/p&gt;</content>
</entry></feed>"""
    path = tmp_path / "feed.atom"
    path.write_text(atom, encoding="utf-8")
    [doc] = only_documents(read(path))
    assert doc.text == "Les forces russes avancent vers Pokrovsk."
    assert (doc.outlet, doc.external_id, doc.language) == ("Atom Example", "urn:e1", "fr")


def test_telegram_export_gives_one_document_per_text_message() -> None:
    docs = only_documents(read(Path("examples/telegram/result.json")))
    assert [d.external_id for d in docs] == ["101", "103"]  # service and caption-less skipped
    assert docs[0].outlet == "Example Ministry Channel (invented)"
    assert docs[0].text.startswith("Минобороны России: подразделения группировки")
    assert docs[0].published is not None and docs[0].published.tzinfo is not None
    assert docs[0].locator == "message 101"


def test_cp1251_text_is_detected_and_decoded(tmp_path: Path) -> None:
    text = "Российские войска заявили о взятии Купянска, ВСУ опровергли это заявление."
    (tmp_path / "old.txt").write_bytes(text.encode("cp1251"))
    [doc] = only_documents(read(tmp_path / "old.txt"))
    assert doc.text == text and doc.language == "ru"


@pytest.mark.parametrize(("name", "content", "stage", "reason"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "decode", "binary content"),
    ("blob.bin", b"abc\x00\x01\x02" * 50, "decode", "binary content"),
    ("empty.txt", b"   \n", "decode", "empty input"),
    ("cut.html", b"<html><body><p>Les forces russes ont lanc", "parse", "truncated HTML"),
    ("x.rss", b"<html><body>not a feed</body></html>", "parse", "not an RSS/Atom feed"),
    ("x.json", b'{"text": "unterminated', "parse", "invalid JSON"),
])
def test_bad_file_is_rejected_with_stage_and_reason(
        tmp_path: Path, name: str, content: bytes, stage: str, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    [rejection] = read(tmp_path / name)
    assert isinstance(rejection, Rejection)
    assert rejection.stage == stage and reason in rejection.reason
    assert rejection.source == str(tmp_path / name)


def test_file_over_the_size_limit_is_rejected_unread(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"word " * 1000)
    [rejection] = read(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(rejection, Rejection)
    assert "over the 1000-byte limit" in rejection.reason and "--max-bytes" in rejection.reason


def test_missing_file_is_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Bakhmut remains contested, both sides said.")
    items = read(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert isinstance(items[0], Rejection) and items[0].reason == "no such file or folder"
    assert isinstance(items[1], Document)


def test_folder_is_read_recursively_in_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("first text about Izium")
    (tmp_path / "b" / "c.txt").write_text("second text about Lyman")
    (tmp_path / ".git" / "config").write_text("hidden")
    (tmp_path / ".hidden.txt").write_text("hidden too")
    assert [d.text for d in only_documents(read(tmp_path))] == [
        "first text about Izium", "second text about Lyman"]


def test_stdin_is_read_when_the_source_is_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "from stdin"}'))
    monkeypatch.setattr("sys.stdin", stdin)
    [doc] = only_documents(read("-"))
    assert (doc.text, doc.external_id, doc.source) == ("from stdin", "s1", "-")


def test_mixed_folder_keeps_good_inputs_and_names_each_bad_one(tmp_path: Path) -> None:
    expected = build_mixed_folder(tmp_path)
    items = read(tmp_path, max_bytes=2048)
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len([i for i in items if isinstance(i, Document)]) == expected["documents"]
    assert len(rejections) == expected["rejections"]
    assert all(r.reason for r in rejections)
