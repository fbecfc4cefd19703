"""Readers for each input format. Each turns the bytes of one source into Documents or
Rejections; a bad record inside a good file is a Rejection for that record alone."""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from time import struct_time
from typing import Any
from urllib.parse import urlsplit

from frontledger.errors import BadRecord, InputRejected, NotAFeed, UnreadableInput
from frontledger.ingest.decode import decode_bytes
from frontledger.records import Document, Rejection
from frontledger.text import detect_language, normalise_text, text_hash

Item = Document | Rejection

_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<!--)", re.I)
_HTML_END = re.compile(r"</(html|body)\s*>", re.I)
_XML_CHARSET = re.compile(rb"^<\?xml[^>]*encoding=[\"']([\w.-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w.-]+)", re.I)


def outlet_from_url(url: str | None) -> str | None:
    """The publisher's domain, without a leading www."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def parse_published(value: Any) -> datetime | None:
    """ISO 8601, RFC 2822 or Unix-time values to a datetime; raise BadRecord otherwise
    (also for times a datetime cannot hold, in UTC or in their own zone)."""
    if value is None or value == "":
        return None
    try:
        moment = _parse_moment(value)
        if moment.tzinfo is not None:
            moment.astimezone(UTC)  # 9999-12-31T23:59-05:00 is past the end of time in UTC
    except (ValueError, OverflowError, OSError) as exc:
        raise BadRecord(f"published {_shown(value)} is not a date and time frontledger can "
                        f"hold ({exc})") from exc
    return moment


def _parse_moment(value: Any) -> datetime:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        return datetime.fromtimestamp(0, tz=UTC) + timedelta(seconds=value)
    if isinstance(value, struct_time):
        return datetime(*value[:6], tzinfo=UTC)
    if not isinstance(value, str):
        raise ValueError(f"a {type(value).__name__}, not a string or a number")
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # late: only RFC 2822 dates need it

    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError) as exc:
        raise ValueError("not an ISO 8601 or RFC 2822 date") from exc


def _shown(value: Any) -> str:
    """A value as a rejection reason may quote it: repr, cut to SHOWN_CHARS."""
    shown = repr(value) if not isinstance(value, int) or value.bit_length() < 64 \
        else f"<an integer of {value.bit_length()} bits>"
    return shown if len(shown) <= SHOWN_CHARS else shown[:SHOWN_CHARS] + "…"


# Characters of a hostile value quoted in a rejection reason: enough to find it in the
# input, and a 20 MB field cannot make a 20 MB reason.
SHOWN_CHARS = 80


@dataclass(frozen=True, slots=True)
class DocumentDefaults:
    """What the user says about inputs that do not say it themselves (`--url`,
    `--outlet`, `--published`, `--language`). Each fills only a field the input lacks,
    before anything is derived: `outlet` wins over the URL's domain and `language` over
    detection, while an input's own value always wins over both."""

    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    language: str | None = None

    def fill(self, fields: dict[str, Any]) -> dict[str, Any]:
        """`fields` with each empty one this names filled in."""
        given = {"url": self.url, "outlet": self.outlet, "published": self.published,
                 "language": self.language}
        return fields | {key: value for key, value in given.items()
                         if value is not None and not fields.get(key)}


NO_DEFAULTS = DocumentDefaults()


def make_document(text: str, *, source: str, raw: bytes,
                  defaults: DocumentDefaults = NO_DEFAULTS, **fields: Any) -> Document:
    """Normalise the text, derive identity, outlet and language, and build the Document;
    `defaults` fill the fields the input lacks."""
    fields = defaults.fill(fields)
    for name, value in (("text", text), *fields.items()):
        if isinstance(value, str):
            _check_storable(name, value)
    normalised = normalise_text(text)
    if not normalised:
        raise UnreadableInput("no text: the input holds nothing but whitespace or markup")
    url = fields.get("url") or None
    return Document(
        id=text_hash(normalised),
        text=normalised,
        source=source,
        locator=fields.get("locator"),
        external_id=_opt_str(fields.get("external_id")),
        url=url,
        outlet=fields.get("outlet") or outlet_from_url(url),
        published=fields.get("published"),
        language=fields.get("language") or detect_language(normalised),
        title=normalise_text(fields["title"]) or None if fields.get("title") else None,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _check_storable(name: str, value: str) -> None:
    """Refuse strings no ledger can keep the same way: NUL (PostgreSQL refuses it in
    text) and lone surrogates (not encodable as UTF-8, so not storable anywhere)."""
    if "\x00" in value:
        raise BadRecord(f"{name} holds a NUL character (\\u0000), which is not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadRecord(f"{name} holds a lone surrogate ({value[exc.start]!r} at character "
                        f"{exc.start}): not valid Unicode text") from exc


def sniff_format(data: bytes, name: str, content_type: str | None = None) -> str:
    """One of text, html, json, jsonl, feed: from the content type, the name, then the bytes."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    by_type = {"application/rss+xml": "feed", "application/atom+xml": "feed",
               "text/html": "html", "application/xhtml+xml": "html",
               "application/json": "json", "application/x-ndjson": "jsonl",
               "text/plain": "text"}
    if ctype in by_type:
        return by_type[ctype]
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    by_suffix = {"jsonl": "jsonl", "ndjson": "jsonl", "json": "json", "html": "html",
                 "htm": "html", "rss": "feed", "atom": "feed", "txt": "text", "md": "text"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    head = data[:2048]
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head.lstrip()[:1] in (b"{", b"["):
        return "json"
    return "text"


def read_bytes(data: bytes, *, source: str, name: str, content_type: str | None = None,
               url: str | None = None, fetch: Callable[[str], bytes] | None = None,
               defaults: DocumentDefaults = NO_DEFAULTS,
               on_records: Callable[[int], None] | None = None) -> Iterator[Item]:
    """Every Document or Rejection held in the bytes of one source; `defaults` fill what
    its documents lack. `on_records(n)` is told, before the first is yielded, how many
    records the source holds (lines, entries, messages; 1 for a page or a text)."""
    fmt = sniff_format(data, name, content_type)
    count = on_records or _ignore
    try:
        if fmt == "jsonl":
            yield from _read_jsonl(data, source, defaults, count)
        elif fmt == "json":
            yield from _read_json(data, source, defaults, count)
        elif fmt == "feed":
            yield from _read_feed(data, source, fetch, defaults, count)
        elif fmt == "html":
            count(1)
            yield read_html(data, source=source, url=url, defaults=defaults)
        else:
            count(1)
            yield make_document(decode_bytes(data), source=source, raw=data, url=url,
                                defaults=defaults)
    except InputRejected as exc:
        yield Rejection(source, None, exc.stage, exc.reason)
    except Exception as exc:  # a source's boundary: whatever breaks, the batch goes on
        yield Rejection(source, None, "parse", unexpected(exc))


def _ignore(_count: int) -> None:
    """For callers that do not count records."""


def unexpected(exc: BaseException) -> str:
    """The reason recorded for an error no rule foresaw: its type and first line."""
    first = (str(exc).splitlines() or [""])[0]
    return (f"{type(exc).__name__}: {first[:2 * SHOWN_CHARS]} (an unexpected error; "
            "please report it with this input)")


def guarded(source: str, locator: str | None, build: Callable[..., Document],
            *args: Any) -> Item:
    """`build(*args, source, locator)`'s Document, or the Rejection of that one record
    when anything in it fails: a record's boundary, so one record never stops its source."""
    try:
        return build(*args, source, locator)
    except InputRejected as exc:
        return Rejection(source, locator, exc.stage, exc.reason)
    except RecursionError:
        return Rejection(source, locator, "parse", "nested too deeply to read")
    except Exception as exc:
        return Rejection(source, locator, "parse", unexpected(exc))


def read_html(data: bytes, *, source: str, url: str | None = None,
              locator: str | None = None, defaults: DocumentDefaults = NO_DEFAULTS,
              ) -> Document:
    """Main text, title, date and canonical URL of an HTML page (trafilatura)."""
    import trafilatura  # slow import: only paid by runs that read HTML

    declared = _META_CHARSET.search(data[:4096])
    html = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    if not _HTML_END.search(html[-4096:]):
        raise UnreadableInput("truncated HTML: the page ends before </body> or </html>; "
                              "download it again", stage="parse")
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    result = extracted.as_dict() if extracted is not None and not isinstance(extracted, dict) \
        else extracted
    if not result or not (result.get("text") or "").strip():
        raise UnreadableInput("no main text found in the HTML page", stage="parse")
    canonical = result.get("url") or url or defaults.url
    published = _lenient_date(result.get("date"))
    return make_document(result["text"], source=source, raw=data, locator=locator,
                         url=canonical, title=result.get("title"), published=published,
                         outlet=outlet_from_url(canonical) or result.get("sitename"),
                         defaults=defaults)


def _lenient_date(value: Any) -> datetime | None:
    """Dates found by extraction are hints: a malformed one is dropped, not fatal."""
    try:
        return parse_published(value)
    except BadRecord:
        return None


def _read_jsonl(data: bytes, source: str, defaults: DocumentDefaults,
                count: Callable[[int], None]) -> Iterator[Item]:
    lines = [(number, line) for number, line in enumerate(decode_bytes(data).splitlines(),
                                                          start=1) if line.strip()]
    count(len(lines))
    for number, line in lines:
        yield guarded(source, f"line {number}", _jsonl_document, line, defaults)


def _jsonl_document(line: str, defaults: DocumentDefaults, source: str,
                    locator: str) -> Document:
    return record_to_document(load_json(line), source=source, locator=locator,
                              raw=line.encode("utf-8", "surrogatepass"), defaults=defaults)


def load_json(text: str) -> Any:
    """Parsed JSON; BadRecord for invalid JSON, numbers Python refuses to convert
    (integers past 4,300 digits) and nesting past the interpreter's recursion limit."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"invalid JSON: {exc.msg} at line {exc.lineno} column "
                        f"{exc.colno}") from exc
    except ValueError as exc:
        raise BadRecord(f"invalid JSON: {exc}") from exc
    except RecursionError as exc:
        raise BadRecord("invalid JSON: nested too deeply to read") from exc


def _read_json(data: bytes, source: str, defaults: DocumentDefaults,
               count: Callable[[int], None]) -> Iterator[Item]:
    try:
        payload = load_json(decode_bytes(data))
    except BadRecord as exc:
        raise BadRecord(f"{exc.reason} (for one record per line, name the file "
                        ".jsonl)") from exc
    if isinstance(payload, dict) and isinstance(payload.get("messages"), list):
        yield from read_telegram(payload, source, defaults, count)
    elif isinstance(payload, dict):
        count(1)
        yield record_to_document(payload, source=source, locator=None, raw=data,
                                 defaults=defaults)
    elif isinstance(payload, list):
        count(len(payload))
        yield from _each_record(payload, source, defaults)
    else:
        raise BadRecord("JSON holds neither a record, a list of records nor a Telegram export")


def _each_record(records: list[Any], source: str,
                 defaults: DocumentDefaults) -> Iterator[Item]:
    for index, record in enumerate(records, start=1):
        yield guarded(source, f"record {index}", _list_document, record, defaults)


def _list_document(record: Any, defaults: DocumentDefaults, source: str,
                   locator: str) -> Document:
    return record_to_document(record, source=source, locator=locator, raw=_raw_json(record),
                              defaults=defaults)


def _raw_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8",
                                                                        "surrogatepass")


def record_to_document(record: Any, *, source: str, locator: str | None,
                       raw: bytes, defaults: DocumentDefaults = NO_DEFAULTS) -> Document:
    """A JSON record ({id, url, outlet, published, language, title, text}) to a Document."""
    if not isinstance(record, dict):
        raise BadRecord(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("record has no 'text' (a non-empty string is required)")
    for key in ("url", "outlet", "language", "title"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadRecord(f"record field {key!r} must be a string")
    return make_document(text, source=source, raw=raw, locator=locator,
                         external_id=record.get("id"), url=record.get("url"),
                         outlet=record.get("outlet"), title=record.get("title"),
                         language=(record.get("language") or "").lower() or None,
                         published=parse_published(record.get("published")),
                         defaults=defaults)


def read_telegram(export: dict[str, Any], source: str,
                  defaults: DocumentDefaults = NO_DEFAULTS,
                  count: Callable[[int], None] = _ignore) -> Iterator[Item]:
    """Each text message of a Telegram Desktop channel export; the channel is the outlet."""
    channel = str(export.get("name") or "telegram")
    username = export.get("username")
    texts = [(message, text) for message in export["messages"]
             if (text := _message_text(message)).strip()]
    count(len(texts))
    for message, text in texts:
        locator = f"message {_shown(message.get('id')).strip(chr(39))}"
        yield guarded(source, locator, _telegram_document, message, text, channel, username,
                      defaults)


def _message_text(message: Any) -> str:
    """A message's text; "" for service messages (pins, joins: they carry no report) and
    for photos or videos without a caption."""
    if not isinstance(message, dict) or message.get("type", "message") != "message":
        return ""
    return _telegram_text(message.get("text"))


def _telegram_document(message: dict[str, Any], text: str, channel: str, username: Any,
                       defaults: DocumentDefaults, source: str, locator: str) -> Document:
    stamp = message.get("date_unixtime")
    try:
        published = parse_published(_unix_time(stamp)) if stamp \
            else parse_published(message.get("date"))
    except BadRecord as exc:
        raise BadRecord(f"date_unixtime {_shown(stamp)}: {exc.reason}" if stamp
                        else exc.reason) from exc
    url = f"https://t.me/{username}/{message.get('id')}" if username else None
    raw = _raw_json(message)
    return make_document(text, source=source, raw=raw, locator=locator,
                         external_id=message.get("id"), outlet=channel, url=url,
                         published=published, defaults=defaults)


def _unix_time(stamp: Any) -> int:
    """Telegram writes `date_unixtime` as a string of digits."""
    if isinstance(stamp, int) and not isinstance(stamp, bool):
        return stamp
    if isinstance(stamp, str) and re.fullmatch(r"-?[0-9]{1,20}", stamp.strip()):
        return int(stamp)
    raise BadRecord("not a Unix time in seconds")


def _telegram_text(value: Any) -> str:
    """Telegram stores text as a string or a list of strings and {type, text} entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value
                       if isinstance(p, str | dict))
    return ""


def _read_feed(data: bytes, source: str, fetch: Callable[[str], bytes] | None,
               defaults: DocumentDefaults, count: Callable[[int], None]) -> Iterator[Item]:
    import feedparser

    declared = _XML_CHARSET.match(data)
    # a stream, never bytes or a string: feedparser opens those as a path or URL when
    # they name one ("/dev/zero", a local feed), whatever the source
    parsed = feedparser.parse(io.BytesIO(data), response_headers={
        "content-type": f"application/xml; charset={declared.group(1).decode()}"
    } if declared else None)
    if not parsed.entries or not parsed.get("version"):
        why = parsed.get("bozo_exception") or "no RSS or Atom entries"
        raise NotAFeed(f"not an RSS/Atom feed ({why})")
    outlet = parsed.feed.get("title") or outlet_from_url(parsed.feed.get("link"))
    count(len(parsed.entries))
    for index, entry in enumerate(parsed.entries, start=1):
        locator = f"entry {index}"
        yield guarded(source, locator, _feed_document, entry, outlet, fetch, defaults)


def _feed_document(entry: Any, outlet: str | None, fetch: Callable[[str], bytes] | None,
                   defaults: DocumentDefaults, source: str, locator: str) -> Document:
    link = entry.get("link")
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    if fetch is not None and link:
        page = read_html(fetch(link), source=source, url=link, locator=locator)
        fields = {"external_id": entry.get("id") or link, "outlet": outlet,
                  "title": page.title or entry.get("title"),
                  "published": page.published or parse_published(published)}
        return make_document(page.text, source=source, raw=page.text.encode(), url=page.url,
                             locator=locator, defaults=defaults, **fields)
    body = _entry_body(entry)
    if not body.strip():
        raise BadRecord("feed entry has no content or summary; use --follow-links to "
                        "fetch the linked page")
    return make_document(body, source=source, raw=body.encode("utf-8"), locator=locator,
                         external_id=entry.get("id") or link, url=link, outlet=outlet,
                         title=entry.get("title"), published=parse_published(published),
                         defaults=defaults)


def _entry_body(entry: Any) -> str:
    contents: Iterable[Any] = entry.get("content") or []
    html = next((c.get("value", "") for c in contents if c.get("value")), None)
    html = html or entry.get("summary") or ""
    return _html_fragment_text(html)


def _html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraphs kept as lines."""
    import lxml.html

    if "<" not in fragment:
        return fragment
    tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in tree.iter("p", "div", "li", "h1", "h2", "h3", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return str(tree.text_content())
