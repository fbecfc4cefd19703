"""Who speaks, and for which side, across whole invented articles written the way wire copy
and Telegram posts are (tests/fixtures/claims/speakers.json): a quotation whose speaker is
named in the paragraph before or after or only by "he added", a speaker named by role with
its side given by the apposition, the outlet's own background, analysts, capitals as
claimants, several claimants in one sentence, and a bulletin's source carrying over.

Each article lists, per claim, its place, kind (and stance, `asserts` unless given) and the
claimant side every such claim must have; each construction is written in at least two
languages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from claims_fixtures import FIXTURES
from test_constructions import _claims_of

ARTICLES = json.loads((FIXTURES / "speakers.json").read_text(encoding="utf-8"))


def _about(claim: Any, expected: dict[str, Any]) -> bool:
    return (claim.place.name == expected["place"]
            and expected.get("kind", claim.kind) == claim.kind
            and expected.get("stance", "asserts") == claim.stance)


@pytest.mark.parametrize("article", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_each_claim_of_an_article_has_its_own_speakers_side(article: dict[str, Any]) -> None:
    claims = _claims_of(article)
    for expected in article["expect"]:
        about = [c for c in claims if _about(c, expected)]
        assert about and {c.claimant_side for c in about} == {expected["claimant_side"]}, (
            expected, claims)
    # a speaker's name never runs on into another paragraph ("Генштаб¶У Генштабі")
    assert not [c.claimant for c in claims if "\n" in c.claimant], claims


def test_every_article_construction_is_written_in_two_languages() -> None:
    languages: dict[str, set[str]] = {}
    for article in ARTICLES:
        languages.setdefault(article["id"].split("_", 1)[1], set()).add(article["language"])
    assert not {c: codes for c, codes in languages.items() if len(codes) < 2}
