"""Mapping claims to ACLED event/sub-event types and PLOVER event types, from a data file.

The rules live in `frontledger/data/mappings/acled_plover.toml` (first matching rule wins).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from frontledger.claims.resources import Theater
from frontledger.records import Claim


@dataclass(frozen=True, slots=True)
class EventType:
    """The ACLED and PLOVER codes of one claim."""

    acled_event_type: str
    acled_sub_event_type: str
    plover: str


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    change: bool | None
    actor: str | None
    stance: str | None
    words: re.Pattern[str] | None
    event: EventType


@cache
def _rules() -> tuple[_Rule, ...]:
    path = resources.files("frontledger") / "data" / "mappings" / "acled_plover.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(_rule(entry) for entry in data["rule"])


def _rule(entry: dict[str, Any]) -> _Rule:
    return _Rule(
        kind=entry["kind"],
        change=entry.get("change"),
        actor=entry.get("actor"),
        stance=entry.get("stance"),
        words=re.compile(entry["words"]) if entry.get("words") else None,
        event=EventType(entry["acled"][0], entry["acled"][1], entry["plover"]),
    )


def event_type(claim: Claim, theater: Theater) -> EventType | None:
    """ACLED and PLOVER codes of `claim` (None if no rule covers it)."""
    return event_type_of(claim.kind, claim.change, claim.actor_side, claim.stance,
                         claim.place.country, claim.evidence.text, theater)


def event_type_of(kind: str, change: bool, actor_side: str | None, stance: str,
                  country: str | None, text: str, theater: Theater) -> EventType | None:
    """`event_type` from the fields it reads (for callers holding a stored claim's
    columns rather than a Claim: building the records cost more than the rules)."""
    owner = theater.territory.get(country or "")
    relation = "owner" if owner is not None and actor_side == owner else "foreign"
    for rule in _rules():
        if (rule.kind == kind and (rule.change is None or rule.change == change)
                and (rule.actor is None or rule.actor == relation)
                and (rule.stance is None or rule.stance == stance)
                and (rule.words is None or bool(rule.words.search(text)))):
            return rule.event
    return None
