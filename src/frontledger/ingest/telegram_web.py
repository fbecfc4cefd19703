"""Public Telegram channels read through their web preview page (`https://t.me/s/NAME`).

The preview lists a channel's latest messages as HTML blocks, each carrying its post
path (`data-post="NAME/1234"`), its text and a `<time datetime=...>`. Each text message
becomes a Document exactly as a Telegram Desktop export's would: same text (so the same
identity), the channel's title as outlet, the message id as external id; service and
caption-less media messages are skipped. The page is hostile input: only the text of the
message block itself is read (a quoted reply's text is not), and nothing is executed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from frontledger.errors import InputRejected, UnreadableInput
from frontledger.ingest.decode import decode_bytes
from frontledger.ingest.formats import make_document, parse_published
from frontledger.records import Document, Rejection

if TYPE_CHECKING:
    import lxml.html

# Hosts whose /s/NAME pages are channel previews; `t.me/NAME` is the channel's card.
TELEGRAM_HOSTS = ("t.me", "telegram.me", "www.t.me", "www.telegram.me")
_CHANNEL_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")  # Telegram's username rule
_MESSAGE = "//div[@data-post][contains(concat(' ', normalize-space(@class), ' '), " \
           "' tgme_widget_message ')]"
_OWN_TEXT = ".//div[contains(concat(' ', normalize-space(@class), ' '), ' js-message_text ')]"
_REPLY = "ancestor::*[contains(concat(' ', normalize-space(@class), ' '), " \
         "' tgme_widget_message_reply ')]"
_BLOCKS = ("div", "p", "blockquote", "li")


def preview_url(url: str) -> str | None:
    """The preview page of a Telegram channel URL (`t.me/NAME` or `t.me/s/NAME`), or None
    when `url` names no public channel."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in TELEGRAM_HOSTS:
        return None
    path = [p for p in parts.path.split("/") if p]
    if path[:1] == ["s"]:
        path = path[1:]
    if len(path) != 1 or not _CHANNEL_NAME.match(path[0]):
        return None
    return f"https://t.me/s/{path[0]}"


def read_channel_preview(data: bytes, *, source: str,
                         page_url: str) -> Iterator[Document | Rejection]:
    """Each text message of a channel preview page, oldest first (the page's order).

    A message's URL is its post path on the page's own site (`https://t.me/NAME/1234`
    for a real preview), so a page served from elsewhere cannot claim to be Telegram's.
    """
    import lxml.etree
    import lxml.html

    html = decode_bytes(data)
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise UnreadableInput(f"not an HTML page: {exc}", stage="parse") from exc
    blocks = tree.xpath(_MESSAGE)
    if not blocks and not tree.xpath("//*[contains(@class, 'tgme_channel_info')]"):
        raise UnreadableInput("not a Telegram channel preview page (no message blocks and "
                              "no channel header)", stage="parse")
    channel = _channel_title(tree)
    for block in blocks:
        post = str(block.get("data-post"))
        locator = f"message {post.rsplit('/', 1)[-1]}"
        try:
            document = _message_document(block, post, channel, source, page_url, locator)
        except InputRejected as exc:
            yield Rejection(source, locator, exc.stage, exc.reason)
            continue
        if document is not None:
            yield document


def message_id(document: Document) -> int | None:
    """The message number of a Document read from a preview page."""
    value = document.external_id or ""
    return int(value) if value.isdigit() else None


def _channel_title(tree: lxml.html.HtmlElement) -> str | None:
    for path in ("//div[contains(@class, 'tgme_channel_info_header_title')]",
                 "//meta[@property='og:title']/@content"):
        found = tree.xpath(path)
        if found:
            title = found[0] if isinstance(found[0], str) else found[0].text_content()
            if title.strip():
                return " ".join(title.split())
    return None


def _message_document(block: lxml.html.HtmlElement, post: str, channel: str | None,
                      source: str, page_url: str, locator: str) -> Document | None:
    own = [node for node in block.xpath(_OWN_TEXT) if not node.xpath(_REPLY)]
    if not own:
        return None  # a service message or media without a caption: nothing to read
    text = _element_text(own[0])
    if not text.strip():
        return None
    number = post.rsplit("/", 1)[-1]
    stamps = block.xpath(".//time[@datetime]/@datetime")
    raw = _markup(block)
    return make_document(text, source=source, raw=raw, locator=locator,
                         external_id=number if number.isdigit() else None,
                         url=urljoin(page_url, "/" + post), outlet=channel or post.split("/")[0],
                         published=parse_published(stamps[0]) if stamps else None)


def _element_text(element: lxml.html.HtmlElement) -> str:
    """Text of a message block, line breaks and paragraphs kept as lines (never the text
    of a script or style a hostile page slipped in)."""
    for hidden in element.xpath(".//script|.//style|.//template"):
        hidden.drop_tree()
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in element.iter(*_BLOCKS):
        if block is not element:
            block.tail = "\n" + (block.tail or "")
    return str(element.text_content())


def _markup(element: lxml.html.HtmlElement) -> bytes:
    """The element's own markup: what its Document was read from (`raw_sha256`)."""
    import lxml.html

    return bytes(lxml.html.tostring(element, encoding="utf-8"))
