"""The places commands and `eval`, driven through a Typer app of their own."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from frontledger.cli import evaluation, places
from frontledger.places import index_files, mentions
from tests.places.conftest import DUMPS


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    places.register(app)
    evaluation.register(app)
    return app


@pytest.fixture
def fixture_cache(monkeypatch, tmp_path):
    """A cache folder whose index is built from the fixture dumps alone."""
    monkeypatch.setenv(index_files.CACHE_ENV, str(tmp_path))
    mentions.reset_default_gazetteer()
    yield tmp_path
    mentions.reset_default_gazetteer()


def _import(app, *extra):
    files = [str(DUMPS / n) for n in ("cities.txt", "alternateNamesV2.txt", "admin1CodesASCII.txt")]
    return CliRunner().invoke(app, ["gazetteer", "import", *files, "--only", *extra])


def test_gazetteer_import_builds_the_index(app, fixture_cache):
    result = _import(app)
    assert result.exit_code == 0, result.output
    assert "imported places" in result.output and "built" in result.output


def test_gazetteer_info_reports_the_index(app, fixture_cache):
    _import(app)
    result = CliRunner().invoke(app, ["gazetteer", "info", "--json"])
    info = json.loads(result.output)
    assert info["built"] and not info["with_cities500"] and info["region"] > 20


def test_gazetteer_import_of_a_missing_file_is_a_usage_error(app, fixture_cache):
    result = CliRunner().invoke(app, ["gazetteer", "import", str(fixture_cache / "nope.txt")])
    assert result.exit_code == 2
    assert "not a file" in result.output


def test_geoparse_writes_one_line_per_record_in_input_order(app, fixture_cache, tmp_path):
    _import(app)
    articles = tmp_path / "in.jsonl"
    rows = [{"id": "b", "language": "fr", "text": "Les combats font rage à Koupiansk."},
            {"id": "a", "language": "uk", "text": "Бої тривають під Покровськом."}]
    articles.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    result = CliRunner().invoke(app, ["geoparse", str(articles)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["b", "a"]
    first = lines[0]["places"][0]
    assert set(first) >= {"start", "end", "surface", "geonameid", "name", "kind", "country",
                          "iso3166_2", "latitude", "longitude", "confidence"}
    assert first["geonameid"] == 703656 and lines[1]["places"][0]["geonameid"] == 704422


def test_eval_prints_places_scores_per_language(app, fixture_cache, tmp_path):
    _import(app)
    articles, gold = tmp_path / "a.jsonl", tmp_path / "g.jsonl"
    articles.write_text(json.dumps({"id": "x", "language": "en",
                                    "text": "Shelling hit Kupiansk and Pokrovsk."}) + "\n")
    gold.write_text(json.dumps({"id": "x", "places": [
        {"surface": "Kupiansk", "name": "Kupiansk", "kind": "populated_place",
         "geonameid": 703656, "iso3166_2": "UA-63", "country": "UA"}], "claims": []}) + "\n")
    result = CliRunner().invoke(app, ["eval", "--articles", str(articles), "--gold", str(gold),
                                      "--places-only", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["overall"]["places"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5,
                                           "recall": 1.0, "f1": 0.6667}
    assert report["languages"]["en"]["articles"] == 1
