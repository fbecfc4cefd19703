"""`watch`: sources polled politely (conditional GETs, backoff, Retry-After), what is new in
them stored as `run` stores it, and each source's state kept in the ledger.

Every feed and channel page here is invented for these tests and served on 127.0.0.1.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from frontledger.errors import UnreadableInput, UsageError
from frontledger.ingest import IngestOptions
from frontledger.ingest.conditional import retry_after_seconds
from frontledger.ingest.telegram_web import preview_url, read_channel_preview
from frontledger.ledger import SqlStore
from frontledger.ledger.watched import WatchedSource, all_watched, load_watched, save_watched
from frontledger.pipeline import Analysis, analyse, skip_analysis
from frontledger.records import Document, Rejection
from frontledger.watch import (
    NewClaim,
    PollResult,
    WatchOptions,
    backoff_delay,
    parse_interval,
    watch,
)
from frontledger.watch.schedule import JITTER, MAX_BACKOFF
from tests.ledger_rows import previous_version
from tests.watch_server import CHANNEL_PAGE, Route, Site, channel_page, rss, serving

UK_HOLD = ("Генштаб ЗСУ повідомив у четвер, що українські сили утримують Куп'янськ і "
           "відбили штурм біля Лимана.")
EN_STRIKE = "Ukraine's General Staff said on Thursday that Russian drones struck Kharkiv overnight."
FR_TAKEN = ("Jeudi, l'armée russe a déclaré que ses soldats avaient pris "
            "Koupiansk.")
DAY1 = "Thu, 05 Mar 2026 10:00:00 GMT"
DAY2 = "Fri, 06 Mar 2026 09:00:00 GMT"
LOCAL = WatchOptions(every=600, ingest=IngestOptions(allow_private=True, timeout=5))


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        yield served


def once(store: SqlStore, sources: list[str], options: WatchOptions = LOCAL,
         **kwargs: object) -> list[PollResult]:
    results: list[PollResult] = []
    kwargs.setdefault("analyser", skip_analysis)
    watch(store, sources, options=options, once=True, on_poll=results.append,
          rng=random.Random(7), **kwargs)  # type: ignore[arg-type]
    return results


# --- the channel preview page --------------------------------------------------------

def test_channel_preview_messages_become_documents_with_number_date_and_channel() -> None:
    items = list(read_channel_preview(CHANNEL_PAGE, source="https://t.me/s/invented_front",
                                      page_url="https://t.me/s/invented_front"))
    assert all(isinstance(i, Document) for i in items)
    first, second = items  # the service message and the captionless photo are skipped
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text.startswith(UK_HOLD) and first.text.endswith("⚡ Деталі згодом.")
    assert first.language == "uk" and second.language == "en"
    assert second.text == EN_STRIKE  # the quoted reply above it is not its text
    assert (first.external_id, first.locator) == ("101", "message 101")
    assert first.url == "https://t.me/invented_front/101"
    assert first.outlet == "Invented Front Desk"
    assert first.published == datetime(2026, 3, 5, 10, tzinfo=UTC)


def test_a_message_url_points_to_the_site_that_served_the_page() -> None:
    [first, _] = read_channel_preview(CHANNEL_PAGE, source="x",
                                      page_url="http://127.0.0.1:8080/s/invented_front")
    assert isinstance(first, Document)
    assert first.url == "http://127.0.0.1:8080/invented_front/101"


def test_a_page_that_is_not_a_channel_preview_is_refused() -> None:
    page = b"<html><body><p>Nothing like a channel here.</p></body></html>"
    with pytest.raises(UnreadableInput, match="not a Telegram channel preview"):
        list(read_channel_preview(page, source="x", page_url="https://t.me/s/x"))


@pytest.mark.parametrize(("url", "expected"), [
    ("https://t.me/s/invented_front", "https://t.me/s/invented_front"),
    ("https://t.me/invented_front", "https://t.me/s/invented_front"),
    ("http://telegram.me/s/invented_front/", "https://t.me/s/invented_front"),
    ("https://t.me/invented_front/101", None),  # one message, not a channel
    ("https://example.org/s/invented_front", None),
    ("https://t.me/s/a", None),  # too short to be a channel name
])
def test_telegram_channel_urls_are_recognised_in_either_form(url: str,
                                                             expected: str | None) -> None:
    assert preview_url(url) == expected


# --- schedule ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600),
                                                ("90", 90), ("1.5h", 5400)])
def test_interval_reads_seconds_minutes_and_hours(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["ten minutes", "10d", "", "2s"])
def test_an_unreadable_or_too_short_interval_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError):
        parse_interval(text)


def test_backoff_doubles_with_each_failure_is_jittered_and_capped() -> None:
    rng = random.Random(3)
    for failures, nominal in ((1, 60.0), (2, 120.0), (3, 240.0), (30, MAX_BACKOFF)):
        delays = [backoff_delay(failures, 60.0, rng=rng) for _ in range(50)]
        assert all(nominal * (1 - JITTER) <= d <= nominal for d in delays)
        assert len(set(delays)) > 1


def test_backoff_is_never_shorter_than_the_servers_retry_after() -> None:
    assert backoff_delay(1, 60.0, retry_after=900.0) == 900.0


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    now = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Thu, 05 Mar 2026 10:05:00 GMT", now=now) == 300.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


# --- polling against a local server ---------------------------------------------------

def test_a_feed_is_stored_once_then_its_etag_gets_a_304_and_nothing_is_added(
        store: SqlStore, site: Site) -> None:
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]), etag='"v1"')
    [first] = once(store, [site.url("/feed")])
    assert (first.outcome, first.stored) == ("changed", 1)
    assert first.state.etag == '"v1"' and first.state.kind == "feed"
    [second] = once(store, [site.url("/feed")])
    assert second.outcome == "unchanged" and second.stored == 0
    assert site.hits("/feed")[1]["if-none-match"] == '"v1"'
    assert store.status().documents == 1


def test_a_feed_that_changes_between_polls_adds_only_its_new_entry(
        store: SqlStore, site: Site) -> None:
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]),
                                 last_modified=DAY1)
    once(store, [site.url("/feed")])
    site.routes["/feed"] = Route(rss("Invented wire", [("a2", DAY2, FR_TAKEN),
                                                        ("a1", DAY1, EN_STRIKE)]),
                                 last_modified=DAY2)
    [result] = once(store, [site.url("/feed")])
    assert site.hits("/feed")[1]["if-modified-since"] == DAY1
    assert (result.stored, result.already_present) == (1, 1)
    assert result.state.last_item == "a2" and result.state.documents == 2
    assert result.state.last_modified == DAY2


def test_a_channel_preview_is_polled_and_its_messages_stored(store: SqlStore,
                                                             site: Site) -> None:
    site.routes["/s/invented_front"] = Route(CHANNEL_PAGE, content_type="text/html")
    url = site.url("/s/invented_front")
    options = WatchOptions(every=600, ingest=LOCAL.ingest, channels=[url])
    [result] = once(store, [url], options)
    assert (result.outcome, result.stored, result.state.kind) == ("changed", 2, "telegram")
    assert result.state.last_item == "103"
    assert {d.external_id for d in store.documents()} == {"101", "103"}


def test_a_channel_that_posted_more_than_a_page_is_caught_up_from_older_pages(
        store: SqlStore, site: Site) -> None:
    url = site.url("/s/invented_front")
    site.routes["/s/invented_front"] = Route(CHANNEL_PAGE, content_type="text/html")
    site.routes["/s/invented_front?before=101"] = Route(channel_page("invented_front", [
        (97, "2026-03-04T08:00:00+00:00", "Минобороны России заявило о продвижении у Купянска."),
        (99, "2026-03-04T09:00:00+00:00", "Selon l'état-major ukrainien, des drones russes "
                                          "ont frappé Kharkiv."),
        (100, "2026-03-04T10:00:00+00:00", "Ukrainian forces repelled attacks near Lyman.")]),
        content_type="text/html")
    save_watched(store, WatchedSource(url, kind="telegram", last_item="97"))
    options = WatchOptions(every=600, ingest=LOCAL.ingest, channels=[url])
    [result] = once(store, [url], options)
    assert (result.outcome, result.stored, result.state.last_item) == ("changed", 4, "103")
    numbers = [d.external_id for d in store.documents()]
    assert numbers == ["99", "100", "101", "103"]  # 97 was seen last time: not read again


def test_a_first_poll_of_a_channel_reads_its_latest_page_only(store: SqlStore,
                                                              site: Site) -> None:
    url = site.url("/s/invented_front")
    site.routes["/s/invented_front"] = Route(CHANNEL_PAGE, content_type="text/html")
    once(store, [url], WatchOptions(every=600, ingest=LOCAL.ingest, channels=[url]))
    assert [path for path, _ in site.requests] == ["/s/invented_front"]


def test_script_inside_a_message_is_not_read_as_its_text() -> None:
    page = channel_page("invented_front", [(
        7, "2026-03-04T08:00:00+00:00",
        "Ukrainian forces held Lyman.<script>alert('x')</script><style>b{}</style>")])
    [message] = read_channel_preview(page, source="x", page_url="https://t.me/s/x")
    assert isinstance(message, Document) and message.text == "Ukrainian forces held Lyman."


def test_a_web_page_whose_text_changed_is_stored_as_a_new_version(store: SqlStore,
                                                                   site: Site) -> None:
    def page(text: str) -> bytes:
        return (f"<!DOCTYPE html><html><head><title>Invented bulletin</title></head><body>"
                f"<article><p>{text}</p></article></body></html>").encode()

    site.routes["/bulletin"] = Route(page(EN_STRIKE), content_type="text/html", etag='"a"')
    [first] = once(store, [site.url("/bulletin")])
    site.routes["/bulletin"] = Route(page(EN_STRIKE + " Two people were wounded."),
                                     content_type="text/html", etag='"b"')
    [second] = once(store, [site.url("/bulletin")])
    assert first.state.kind == second.state.kind == "page"
    assert (first.stored, second.stored, second.state.etag) == (1, 1, '"b"')
    old, new = store.documents()
    assert previous_version(store, new.id) == old.id


def test_429_with_retry_after_backs_the_source_off_and_the_others_go_on(
        store: SqlStore, site: Site) -> None:
    site.routes["/busy"] = Route(status=429, headers={"Retry-After": "3600"})
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]))
    before = datetime.now(UTC)
    busy, fine = once(store, [site.url("/busy"), site.url("/feed")])
    assert busy.outcome == "failed" and "HTTP 429" in (busy.state.last_error or "")
    assert busy.state.next_poll is not None
    assert busy.state.next_poll >= before + timedelta(seconds=3600)
    assert fine.outcome == "changed" and fine.stored == 1


def test_a_failing_source_keeps_failing_alone_and_its_backoff_survives_the_run(
        store: SqlStore, site: Site) -> None:
    site.routes["/down"] = Route(status=503)
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]), etag='"1"')
    once(store, [site.url("/down"), site.url("/feed")])
    down, fine = once(store, [site.url("/down"), site.url("/feed")])
    assert down.outcome == "deferred"  # still backing off: not asked again
    assert len(site.hits("/down")) == 1
    assert fine.outcome == "unchanged"
    state = load_watched(store, site.url("/down"))
    assert state is not None and state.failures == 1 and "HTTP 503" in (state.last_error or "")


def test_a_source_polled_after_its_backoff_counts_failures_then_recovers(
        store: SqlStore, site: Site) -> None:
    site.routes["/down"] = Route(status=500)
    late = [datetime.now(UTC) + timedelta(days=d) for d in (0, 1, 2)]
    for moment in late[:2]:
        [result] = once(store, [site.url("/down")], clock=lambda m=moment: m)
    assert result.state.failures == 2
    site.routes["/down"] = Route(rss("Back again", [("b1", DAY2, EN_STRIKE)]))
    [result] = once(store, [site.url("/down")], clock=lambda: late[2])
    assert result.outcome == "changed"
    assert (result.state.failures, result.state.last_error) == (0, None)
    assert result.state.last_success == late[2]


def test_an_unexpected_error_on_one_source_fails_it_alone(
        store: SqlStore, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    from frontledger.watch import poll

    site.routes["/odd"] = Route(b"odd bytes", content_type="text/plain")
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]))
    real = poll.read_bytes

    def fragile(data: bytes, **kwargs: object) -> object:
        if data == b"odd bytes":
            raise RuntimeError("parser tripped")
        return real(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(poll, "read_bytes", fragile)
    odd, fine = once(store, [site.url("/odd"), site.url("/feed")])
    assert odd.outcome == "failed" and odd.state.last_error == "RuntimeError: parser tripped"
    assert fine.outcome == "changed" and fine.stored == 1


def test_the_address_guard_of_ingest_applies_to_every_poll(store: SqlStore,
                                                           site: Site) -> None:
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]))
    [result] = once(store, [site.url("/feed")], WatchOptions())
    assert result.outcome == "failed"
    assert "private, loopback or link-local" in (result.state.last_error or "")
    assert site.requests == []


def test_a_page_with_nothing_to_read_is_a_failure_recorded_as_a_rejection(
        store: SqlStore, site: Site) -> None:
    site.routes["/feed"] = Route(b"", content_type="text/plain")
    [result] = once(store, [site.url("/feed")])
    assert result.outcome == "failed"
    assert store.status().recent_rejections[0].source == site.url("/feed")


def test_stopping_between_documents_keeps_the_validators_so_the_rest_comes_next_time(
        store: SqlStore, site: Site) -> None:
    site.routes["/feed"] = Route(rss("Invented wire", [("a2", DAY2, FR_TAKEN),
                                                        ("a1", DAY1, EN_STRIKE)]), etag='"2"')
    stop = threading.Event()

    def analyse_then_stop(_document: Document) -> Analysis:
        stop.set()  # as SIGTERM would, while this document is in hand
        return [], []

    [result] = once(store, [site.url("/feed")], stop=stop, analyser=analyse_then_stop)
    assert (result.outcome, result.stored) == ("interrupted", 1)
    assert result.state.etag is None
    [result] = once(store, [site.url("/feed")])
    assert (result.outcome, result.stored, result.already_present) == ("changed", 1, 1)


def test_new_claims_are_reported_with_their_document(store: SqlStore, site: Site) -> None:
    site.routes["/feed"] = Route(rss("Invented wire", [("a2", DAY2, FR_TAKEN),
                                                        ("a1", DAY1, UK_HOLD)]))
    found: list[NewClaim] = []
    once(store, [site.url("/feed")], on_claim=found.append, analyser=analyse)
    claims = {(f.document.external_id, f.claim.kind, f.claim.actor_side, f.claim.stance)
              for f in found}
    assert ("a2", "control", "RU", "asserts") in claims
    assert ("a1", "control", "UA", "asserts") in claims
    found.clear()
    once(store, [site.url("/feed")], on_claim=found.append, analyser=analyse)
    assert found == []  # nothing new, nothing printed


def test_a_running_watch_polls_again_when_due_until_told_to_stop(store: SqlStore,
                                                                 site: Site) -> None:
    site.routes["/feed"] = Route(rss("Invented wire", [("a1", DAY1, EN_STRIKE)]), etag='"1"')
    stop = threading.Event()
    outcomes: list[str] = []

    def on_poll(result: PollResult) -> None:
        outcomes.append(result.outcome)
        if len(outcomes) == 3:
            stop.set()

    options = WatchOptions(every=0.05, ingest=LOCAL.ingest)
    report = watch(store, [site.url("/feed")], options=options, stop=stop, on_poll=on_poll,
                   analyser=skip_analysis)
    assert outcomes == ["changed", "unchanged", "unchanged"]
    assert report.stored == 1 and report.polls == {"changed": 1, "unchanged": 2}
    [state] = all_watched(store)
    assert isinstance(state, WatchedSource) and state.documents == 1


def test_rejected_entries_inside_a_feed_do_not_fail_the_source(store: SqlStore,
                                                               site: Site) -> None:
    feed = rss("Invented wire", [("a1", DAY1, EN_STRIKE), ("a0", DAY1, "")])
    site.routes["/feed"] = Route(feed)
    [result] = once(store, [site.url("/feed")])
    assert result.outcome == "changed" and (result.stored, result.rejected) == (1, 1)
    assert isinstance(store.status().recent_rejections[0], Rejection)
