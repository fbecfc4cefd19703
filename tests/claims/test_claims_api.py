"""The claims stage's public surface: records, JSON shape, mappings, data files, CLI."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import typer
from claims_fixtures import CASES, fixture_geoparse, make_document
from typer.testing import CliRunner

from frontledger.claims import claim_to_dict, extract, extract_article, load_lexicon, load_theater
from frontledger.claims.resources import available_theaters
from frontledger.cli.claims import register
from frontledger.errors import UsageError

TEXT = ("Russia's Defence Ministry said on Wednesday that its troops had captured Pokrovsk. "
        "Ukraine's General Staff rejected the claim and said fighting continues in Pokrovsk.")


def _claims(text: str = TEXT, language: str = "en"):  # type: ignore[no-untyped-def]
    document = make_document(text, language)
    return document, extract(document, fixture_geoparse(text, language))


def test_evidence_span_is_the_exact_sentence_of_the_document() -> None:
    document, claims = _claims()
    assert claims
    for claim in claims:
        span = claim.evidence
        assert document.text[span.start:span.end] == span.text
        assert span.document_id == document.id


def test_russian_capture_in_ukraine_maps_to_non_state_actor_overtakes_territory() -> None:
    _document, claims = _claims()
    capture = next(c for c in claims if c.kind == "control" and c.stance == "asserts")
    data = claim_to_dict(capture)
    assert data["acled"] == {"event_type": "Battles",
                             "sub_event_type": "Non-state actor overtakes territory"}
    assert data["plover"] == "ASSAULT"


def test_ukrainian_recapture_maps_to_government_regains_territory() -> None:
    _document, claims = _claims("Ukrainian troops recaptured Kupiansk, the General Staff said.")
    data = claim_to_dict(next(c for c in claims if c.kind == "control"))
    assert data["acled"]["sub_event_type"] == "Government regains territory"


def test_drone_strike_maps_to_air_drone_strike() -> None:
    _document, claims = _claims("Russian drones struck Kharkiv overnight, the governor said.")
    data = claim_to_dict(next(c for c in claims if c.kind == "strike"))
    assert data["acled"] == {"event_type": "Explosions/Remote violence",
                             "sub_event_type": "Air/drone strike"}


def test_clash_maps_to_armed_clash() -> None:
    _document, claims = _claims()
    data = claim_to_dict(next(c for c in claims if c.kind == "clash"))
    assert data["acled"]["sub_event_type"] == "Armed clash"


def test_claim_json_has_every_field_of_the_extract_format() -> None:
    _document, claims = _claims()
    data = claim_to_dict(claims[0])
    assert {"claimant", "claimant_side", "kind", "place", "geonameid", "iso3166_2",
            "actor_side", "fraction", "stance", "date", "date_precision", "evidence",
            "confidence", "acled", "plover"} <= set(data)
    assert set(data["evidence"]) == {"start", "end", "text"}


def test_extract_article_returns_id_places_and_claims() -> None:
    article = {"id": "a1", "url": None, "outlet": "example.com", "published": "2025-11-20",
               "language": "en", "title": None, "text": TEXT}
    result = extract_article(article, fixture_geoparse(TEXT, "en"))
    assert result["id"] == "a1"
    assert [p["name"] for p in result["places"]] == ["Pokrovsk", "Ukraine"]
    assert any(c["kind"] == "control" for c in result["claims"])


def test_document_without_places_has_no_claims() -> None:
    _document, claims = _claims("Russia said its troops advanced on several fronts.")
    assert claims == []


def test_unknown_theater_is_a_usage_error_naming_the_available_ones() -> None:
    with pytest.raises(UsageError, match="ru-ua"):
        load_theater("atlantis")


def test_every_shipped_lexicon_loads_with_triggers_of_every_kind() -> None:
    kinds = {"control", "advance", "encirclement", "withdrawal", "clash", "strike"}
    folder = resources.files("frontledger") / "data" / "lang"
    languages = [p.name for p in folder.iterdir() if (p / "claims.toml").is_file()]
    assert {"en", "fr", "ru", "uk"} <= set(languages)
    for language in languages:
        lexicon = load_lexicon(language)
        assert lexicon.language == language
        assert {t.kind for t in lexicon.triggers} == kinds


def test_language_without_lexicon_falls_back_to_english() -> None:
    assert load_lexicon("nl").language == "en"


def test_every_theater_side_names_its_opponent_and_territory() -> None:
    for theater_id in available_theaters():
        theater = load_theater(theater_id)
        assert set(theater.opponents.values()) <= set(theater.opponents)
        assert theater.territory


def test_extract_command_writes_one_json_line_per_document_in_order(tmp_path: Path) -> None:
    records = [{"id": "first", "text": TEXT, "language": "en", "published": "2025-11-20"},
               {"id": "second", "text": "Fighting continues in Toretsk, Kyiv said.",
                "language": "en"}]
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    app = typer.Typer()
    register(app, geoparser=fixture_geoparse)
    result = CliRunner().invoke(app, [str(source)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["first", "second"]
    assert lines[1]["claims"][0]["place"] == "Toretsk"


def test_extract_command_reports_a_rejected_input_and_exits_1(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app, geoparser=fixture_geoparse)
    result = CliRunner().invoke(app, [str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "rejected" in result.output


def test_extract_command_refuses_an_unknown_theater(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Fighting continues in Toretsk.", encoding="utf-8")
    app = typer.Typer()
    register(app, geoparser=fixture_geoparse)
    result = CliRunner().invoke(app, [str(source), "--theater", "atlantis"])
    assert result.exit_code == 2
    assert "available" in result.output


def test_extract_command_has_help() -> None:
    app = typer.Typer()
    register(app, geoparser=fixture_geoparse)

    @app.command()
    def other() -> None:  # a second command so Typer keeps `extract` as a subcommand
        """Placeholder."""

    result = CliRunner().invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "JSON Lines" in result.output


def test_document_without_language_is_read_in_its_detected_language() -> None:
    text = "Российские войска освободили Мирноград, сообщило Министерство обороны России."
    document = make_document(text, "ru")
    undeclared = type(document)(**{**{f: getattr(document, f) for f in
                                      document.__dataclass_fields__}, "language": None})
    claims = extract(undeclared, fixture_geoparse(text))
    assert [(c.place.name, c.kind, c.actor_side, c.claimant_side) for c in claims] == [
        ("Myrnohrad", "control", "RU", "RU")]


@pytest.mark.parametrize(("text", "kind", "acled", "plover"), [
    ("Ukrainian troops withdrew from Huliaipole, the army said.", "withdrawal",
     ("Strategic developments", "Non-violent transfer of territory"), "RETREAT"),
    ("Russian forces advanced towards Pokrovsk, the ministry said.", "advance",
     ("Battles", "Armed clash"), "ASSAULT"),
    ("Moscow said Ukrainian units were encircled in Myrnohrad.", "encirclement",
     ("Battles", "Armed clash"), "ASSAULT"),
    ("Russian artillery shelled Kharkiv, the governor said.", "strike",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack"), "ASSAULT"),
])
def test_every_kind_maps_to_acled_and_plover(
    text: str, kind: str, acled: tuple[str, str], plover: str
) -> None:
    _document, claims = _claims(text)
    data = claim_to_dict(next(c for c in claims if c.kind == kind))
    assert (data["acled"]["event_type"], data["acled"]["sub_event_type"]) == acled
    assert data["plover"] == plover


def test_outlet_repeating_an_attributed_claim_is_not_a_second_claim() -> None:
    text = ("Russia's Defence Ministry said its troops had captured Vilne. "
            "Russian forces captured Vilne after weeks of fighting.")
    _document, claims = _claims(text)
    captures = [c for c in claims if c.kind == "control" and c.place.name == "Vilne"]
    assert [(c.claimant_side, c.actor_side) for c in captures] == [("RU", "RU")]


def test_every_fixture_claim_cites_its_exact_sentence() -> None:
    for case in CASES:
        document = make_document(case["text"], case["language"], case["published"])
        for claim in extract(document, fixture_geoparse(case["text"], case["language"])):
            span = claim.evidence
            assert document.text[span.start:span.end] == span.text
            assert span.start <= claim.place.start < span.end or claim.place.end <= span.start
