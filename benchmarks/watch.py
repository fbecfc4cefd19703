"""Benchmark of `watch`'s own cost: polling many feeds, and reading channel preview pages.

    .venv/bin/python benchmarks/watch.py [--feeds 50] [--entries 20]

Serves generated RSS feeds from a child `python -m http.server` on 127.0.0.1 (which
answers If-Modified-Since with 304), then polls every feed once with a fresh SQLite
ledger (every entry new; analysis skipped, so the figure is the watcher's and the store's,
not the claim extractor's: see benchmarks/claims.py for that), and again (every feed a
304). Also times the parsing of a 20-message channel preview page. Prints CPU seconds of
this process (the server runs apart) and wall seconds; on a shared machine, read the CPU.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontledger.ingest import IngestOptions
from frontledger.ingest.telegram_web import read_channel_preview
from frontledger.ledger import open_store
from frontledger.pipeline import skip_analysis
from frontledger.watch import WatchOptions, watch

SENTENCES = [
    "Russian forces advanced near Lyman, the Defence Ministry in Moscow said on Monday.",
    "Ukraine's General Staff said its troops repelled assaults near Pokrovsk overnight.",
    "Les forces russes ont frappé Kharkiv avec des drones, selon les autorités locales.",
    "Генштаб ЗСУ повідомив, що сили оборони утримують позиції біля Куп'янська.",
]
PAGE_REPEATS = 200


def feed(number: int, entries: int) -> str:
    items = "".join(
        f"<item><guid>f{number}-e{i}</guid><pubDate>Mon, 02 Mar 2026 10:{i % 60:02d}:00 "
        f"GMT</pubDate><description>Report {number}.{i}: {SENTENCES[i % len(SENTENCES)]}"
        "</description></item>" for i in range(entries))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Generated feed {number}</title>{items}</channel></rss>")


def channel_page(messages: int) -> bytes:
    blocks = "".join(
        f'<div class="tgme_widget_message_wrap"><div class="tgme_widget_message '
        f'js-widget_message" data-post="generated/{n}"><div class="tgme_widget_message_text '
        f'js-message_text" dir="auto">{SENTENCES[n % len(SENTENCES)]}<br/>Message {n}.'
        f'</div><a class="tgme_widget_message_date"><time datetime="2026-03-02T10:00:00'
        f'+00:00">10:00</time></a></div></div>' for n in range(messages))
    return (f'<html><head><meta property="og:title" content="Generated"></head><body>'
            f'<div class="tgme_channel_info_header_title">Generated</div>{blocks}'
            "</body></html>").encode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def timed(action: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()  # type: ignore[operator]
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for n in range(args.feeds):
            (root / f"feed{n}.rss").write_text(feed(n, args.entries), encoding="utf-8")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                                   "127.0.0.1", "--directory", folder],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.0)  # the server's start-up
            urls = [f"http://127.0.0.1:{port}/feed{n}.rss" for n in range(args.feeds)]
            options = WatchOptions(ingest=IngestOptions(allow_private=True))
            with open_store(f"sqlite:///{root / 'ledger.db'}") as store:
                for label in ("first poll (all new)", "second poll (all 304)"):
                    cpu, wall = timed(lambda: watch(store, urls, options=options, once=True,
                                                    analyser=skip_analysis))
                    print(f"{label}: {args.feeds} feeds x {args.entries} entries: "
                          f"{cpu:.2f} CPU s ({1000 * cpu / args.feeds:.1f} ms a feed), "
                          f"{wall:.2f} s wall")
        finally:
            server.terminate()
            server.wait()
    page = channel_page(20)
    cpu, wall = timed(lambda: [list(read_channel_preview(page, source="x",
                                                         page_url="https://t.me/s/generated"))
                               for _ in range(PAGE_REPEATS)])
    print(f"channel preview page of 20 messages: {1000 * cpu / PAGE_REPEATS:.2f} CPU ms "
          f"a page ({PAGE_REPEATS} pages, {wall:.2f} s wall)")


if __name__ == "__main__":
    main()
