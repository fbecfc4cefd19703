"""Who speaks, and for which side: invented sentences of each attribution construction, in
at least two languages each (tests/fixtures/claims/attribution.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from claims_fixtures import FIXTURES
from test_constructions import _claims_of, _matches

CASES = json.loads((FIXTURES / "attribution.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_attribution_construction_gives_each_claim_its_speaker(case: dict[str, Any]) -> None:
    claims = _claims_of(case)
    for expected in case.get("expect", []):
        assert any(_matches(c, expected) for c in claims), (expected, claims)
    for unexpected in case.get("absent", []):
        assert not any(_matches(c, unexpected) for c in claims), (unexpected, claims)


def test_every_attribution_construction_is_written_in_two_languages() -> None:
    languages: dict[str, set[str]] = {}
    for case in CASES:
        construction = case["id"].split("_", 1)[1]
        languages.setdefault(construction, set()).add(case["language"])
    single = {c: codes for c, codes in languages.items() if len(codes) < 2}
    assert not single, single


def test_replacing_a_speaker_field_by_its_own_value_keeps_the_speaker_itself() -> None:
    from frontledger.claims.speaker_names import Speaker, replace

    speaker = Speaker("the regional governor", "ua", 12, span=(0, 21))
    assert replace(speaker, quoted=None) is speaker
    moved = replace(speaker, position=40, quoted=None)
    assert moved is not speaker
    assert (moved.position, moved.span, moved.name) == (40, (0, 21), "the regional governor")
