"""Hostile inputs for the ingest, as hypothesis strategies (issue 10's fuzzing suite).

Each strategy draws one `Hostile` input: the name and bytes of a file, and what a run
must do with it — `reject` (the run records its rejection and exits 1) or `store` (text
that is valid but built to be slow: it is stored, and analysed within the budget). The
texts are invented; none comes from an evaluation set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from hypothesis import strategies as st

SECRET = "LOCAL-FILE-SECRET-7f3a"
"""Written in a local file that hostile feeds point at: it must never reach the ledger."""


@dataclass(frozen=True)
class Hostile:
    kind: str
    """Which generator made it (the tally's row)."""
    name: str
    data: bytes
    expect: str
    """"reject" or "store"."""


# ── values a `published` field must never be accepted as ──────────────────────────────
# Past year 9999 (or before year 1) once in UTC, not a number at all, or not a date.
_bad_numbers = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e20", "-1e15", "1e308"]),
    st.integers(min_value=10**12, max_value=10**40).map(str),
    st.integers(min_value=10**12, max_value=10**40).map(lambda n: str(-n)),
    st.integers(min_value=4301, max_value=6000).map(lambda n: "9" * n),
)
_bad_dates = st.one_of(
    st.builds(lambda h, m, o: f'"9999-12-31T{h:02d}:{m:02d}:00-{o:02d}:00"',
              st.integers(20, 23), st.integers(0, 59), st.integers(5, 12)),
    st.builds(lambda h, o: f'"0001-01-01T{h:02d}:00:00+{o:02d}:00"',
              st.integers(0, 3), st.integers(5, 12)),
    st.text(st.characters(categories=["Lu", "Ll"]), min_size=1, max_size=30)
    .map(json.dumps),  # letters only: never a date
    st.sampled_from(["true", "[2025, 11, 20]", '{"year": 2025}', '"2025-13-45"',
                     '"Thu, 45 Nov 2025 99:00:00 +0000"']),
)
_texts = st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=5, max_size=200)


def _line(fields: dict[str, str]) -> str:
    """A JSON object from already-encoded JSON values (some are not valid for json.dumps)."""
    return "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"


@st.composite
def bad_published(draw: st.DrawFn) -> Hostile:
    value = draw(st.one_of(_bad_numbers, _bad_dates))
    text = json.dumps("Invented note on Kupiansk: " + draw(_texts))
    return Hostile("published", "published.jsonl",
                   (_line({"text": text, "published": value}) + "\n").encode(), "reject")


@st.composite
def unstorable_text(draw: st.DrawFn) -> Hostile:
    """A lone surrogate or a NUL, as a JSON escape, in one of the record's strings."""
    field = draw(st.sampled_from(["text", "title", "outlet", "url", "language", "id"]))
    poison = draw(st.sampled_from(["\\ud800", "\\udfff", "\\udc80", "\\u0000"]))
    before, after = draw(_texts), draw(_texts)
    record = {"text": json.dumps("Invented report on Lyman. " + draw(_texts))}
    record[field] = json.dumps(before)[:-1] + poison + json.dumps(after)[1:]
    return Hostile("unstorable", "unstorable.jsonl", (_line(record) + "\n").encode(),
                   "reject")


@st.composite
def deep_json(draw: st.DrawFn) -> Hostile:
    depth = draw(st.integers(2_000, 150_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    nested = opener * depth + "1" + closer * depth
    jsonl = draw(st.booleans())
    body = _line({"text": '"Deep."', "x": nested}) if jsonl else nested
    return Hostile("deep JSON", "deep.jsonl" if jsonl else "deep.json",
                   (body + "\n").encode(), "reject")


@st.composite
def telegram_stamp(draw: st.DrawFn) -> Hostile:
    stamp = draw(st.one_of(
        st.text(st.characters(categories=["L", "P"]), min_size=1, max_size=20),
        st.integers(min_value=10**12, max_value=10**30).map(str),
        st.sampled_from([["1763600000"], {"t": 1}, 1.5, True])))
    export = {"name": "Invented channel", "messages": [
        {"id": 7, "type": "message", "date_unixtime": stamp,
         "text": "Повідомлення про обстріл Сум. " + draw(_texts)}]}
    return Hostile("telegram stamp", "result.json", json.dumps(export).encode(), "reject")


@st.composite
def feed_pointing_home(draw: st.DrawFn, secret_feed: str, secret_file: str) -> Hostile:
    """A "feed" whose content names a local file, or pulls one in as an XML entity."""
    form = draw(st.sampled_from(["path", "dev", "entity"]))
    if form == "path":
        data = secret_feed
    elif form == "dev":
        data = draw(st.sampled_from(["/dev/zero", "/dev/urandom", "/proc/self/environ"]))
    else:
        data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "file://{secret_file}">]>'
                '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
                "<description>&s;</description></item></channel></rss>")
    suffix = draw(st.sampled_from(["rss", "atom"]))  # named as a feed: parsed as one
    return Hostile(f"feed ({form})", f"feed.{suffix}", data.encode(), "reject")


@st.composite
def binary_or_broken(draw: st.DrawFn) -> Hostile:
    form = draw(st.sampled_from(["nul", "magic", "damaged utf-8", "empty", "truncated html"]))
    if form == "nul":
        data = draw(st.binary(max_size=200)) + b"\x00" + draw(st.binary(max_size=200))
    elif form == "magic":
        data = draw(st.sampled_from([b"%PDF-1.7", b"PK\x03\x04", b"\x89PNG", b"\x7fELF"]))
        data += draw(st.binary(max_size=300))
    elif form == "damaged utf-8":
        text = "Invented report: shelling near Izium continued. " * draw(st.integers(2, 20))
        cut = draw(st.integers(0, len(text)))
        bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80"]))
        data = text[:cut].encode() + bad + text[cut:].encode()
    elif form == "empty":
        data = draw(st.sampled_from([b"", b"   \n\t ", b"\xef\xbb\xbf"]))
    else:
        data = ("<!DOCTYPE html><html><body><p>Invented: fighting near Siversk "
                + draw(_texts)).encode()
    name = "page.html" if form == "truncated html" else "input.txt"
    return Hostile(f"file ({form})", name, data, "reject")


_RUN_UNITS = ["!", ".", "…", "?", "1", "1,", "1.", "1 of ", "1 из ", "Kupiansk, ",
              "в Купянске, ", "!?", "«", "— ", "Aaaa ", "5%"]


@st.composite
def slow_text(draw: st.DrawFn) -> Hostile:
    """Valid text built to be slow: long runs of one unit (punctuation, digits, place
    names) inside a sentence. Stored, and analysed within the budget."""
    unit = draw(st.sampled_from(_RUN_UNITS))
    size = draw(st.integers(20_000, 100_000))
    body = "Invented dispatch from Kharkiv. " + unit * (size // len(unit)) + " The end."
    return Hostile(f"slow text ({unit.strip() or repr(unit)})", "slow.txt",
                   body.encode(), "store")


@st.composite
def random_text(draw: st.DrawFn) -> Hostile:
    """Any printable text (every script, marks, symbols): stored and analysed."""
    text = draw(st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]),
                        min_size=1, max_size=3000))
    return Hostile("random text", "random.txt",
                   ("Invented note on Pokrovsk. " + text).encode(), "store")
