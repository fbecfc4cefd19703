"""Each construction of each language, on invented sentences (tests/fixtures/claims)."""

from __future__ import annotations

from typing import Any

import pytest
from claims_fixtures import CASES, fixture_geoparse, make_document

from frontledger.claims import extract
from frontledger.records import Claim


def _matches(claim: Claim, expected: dict[str, Any]) -> bool:
    checks = {
        "place": claim.place.name,
        "kind": claim.kind,
        "side": claim.actor_side,
        "stance": claim.stance,
        "claimant_side": claim.claimant_side,
        "date": claim.date.isoformat() if claim.date else None,
        "fraction": claim.fraction,
        "change": claim.change,
        "claimant": claim.claimant,
    }
    return all(checks[key] == value for key, value in expected.items())


def _claims_of(case: dict[str, Any]) -> list[Claim]:
    document = make_document(case["text"], case["language"], case["published"], case["outlet"])
    return extract(document, fixture_geoparse(document.text, document.language))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_construction_yields_expected_claims(case: dict[str, Any]) -> None:
    claims = _claims_of(case)
    for expected in case.get("expect", []):
        assert any(_matches(c, expected) for c in claims), (expected, claims)
    for unexpected in case.get("absent", []):
        assert not any(_matches(c, unexpected) for c in claims), (unexpected, claims)
