"""Scoring as shared/eval/README.md describes it: places and claims."""

from __future__ import annotations

import pytest

from frontledger import evaluation as ev

KUPIANSK = {"name": "Kupiansk", "kind": "populated_place", "geonameid": 703656,
            "iso3166_2": "UA-63", "country": "UA"}
DONETSK_OBLAST = {"name": "Donetsk Oblast", "kind": "region", "geonameid": None,
                  "iso3166_2": "UA-14", "country": "UA"}
POKROVSK_RAION = {"name": "Pokrovsk Raion", "kind": "region", "geonameid": None,
                  "iso3166_2": "UA-14", "country": "UA"}
VILNE = {"name": "Vilne", "kind": "populated_place", "geonameid": None, "iso3166_2": "UA-14"}


def test_places_match_on_geonameid_even_with_another_name():
    counts = ev.score_places([KUPIANSK], [{**KUPIANSK, "name": "Kupyansk"}])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_a_homonym_with_another_geonameid_is_both_a_miss_and_a_false_hit():
    counts = ev.score_places([KUPIANSK], [{**KUPIANSK, "geonameid": 1}])
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_regions_match_on_iso_code():
    counts = ev.score_places([DONETSK_OBLAST], [{"name": "Donetsk region", "kind": "region",
                                                 "geonameid": None, "iso3166_2": "UA-14"}])
    assert counts.tp == 1


def test_two_regions_with_one_code_need_two_predictions():
    pred = [{**DONETSK_OBLAST}, {**POKROVSK_RAION}]
    counts = ev.score_places([POKROVSK_RAION, DONETSK_OBLAST], pred)
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)


def test_places_without_ids_match_on_normalised_name_and_kind():
    assert ev.score_places([VILNE], [{"name": "Vil'ne", "kind": "populated_place"}]).tp == 1
    assert ev.score_places([VILNE], [{"name": "Vilne", "kind": "river"}]).tp == 0


def test_name_normalisation_merges_romanisation_variants():
    assert ev.norm_name("Andriyivka") == ev.norm_name("Andriivka")
    assert ev.norm_name("Kostyantynivka") == ev.norm_name("Kostiantynivka")


def test_repeated_predictions_of_one_place_count_once():
    counts = ev.score_places([KUPIANSK], [KUPIANSK, {**KUPIANSK, "surface": "Kupyansk"}])
    assert (counts.tp, counts.fp) == (1, 0)


def _claim(**kw):
    base = {"claimant": "MoD", "claimant_side": "RU", "place": "Kupiansk",
            "geonameid": 703656, "iso3166_2": "UA-63", "kind": "control",
            "controller_side": "RU", "actor_side": None, "fraction": None,
            "stance": "asserts", "date": "2025-11-20"}
    base.update(kw)
    return base


def test_control_claims_match_on_controller_and_predictions_give_it_as_actor_side():
    gold = [_claim()]
    pred = [{**_claim(), "controller_side": None, "actor_side": "RU"}]
    counts, details = ev.score_claims(gold, pred)
    assert counts.tp == 1 and details.claimant_side_right == 1 and details.date_right == 1


def test_a_claim_with_the_other_stance_does_not_match():
    counts, _ = ev.score_claims([_claim()], [_claim(stance="denies")])
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_each_gold_claim_matches_one_prediction_at_most():
    counts, _ = ev.score_claims([_claim()], [_claim(), _claim()])
    assert (counts.tp, counts.fp) == (1, 1)


def test_matched_claims_report_side_date_and_fraction_errors():
    gold = [_claim(fraction=0.7)]
    pred = [_claim(fraction=0.5, claimant_side="UA", date="2025-11-21")]
    _, details = ev.score_claims(gold, pred)
    report = details.as_dict()
    assert report["claimant_side_accuracy"] == 0.0 and report["date_accuracy"] == 0.0
    assert report["fraction_mae"] == pytest.approx(0.2)


def test_evaluate_reports_per_language_and_claims_when_predicted():
    articles = [{"id": "1", "language": "en", "text": "x"}, {"id": "2", "language": "fr",
                                                             "text": "y"}]
    gold = {"1": {"places": [KUPIANSK], "claims": [_claim()]},
            "2": {"places": [KUPIANSK], "claims": []}}

    def predict(article):
        return {"id": article["id"], "places": [KUPIANSK], "claims": [_claim()]}

    report = ev.evaluate(articles, gold, predict)
    assert report.claims_scored
    assert report.languages["en"].claims.tp == 1 and report.languages["fr"].claims.fp == 1
    assert report.overall.places.f1 == 1.0
    assert "claims" in ev.format_report(report)


def test_claims_are_not_scored_when_the_predictor_gives_places_only():
    report = ev.evaluate([{"id": "1", "language": "en"}], {"1": {"places": [KUPIANSK]}},
                         lambda a: {"id": a["id"], "places": []})
    assert not report.claims_scored and "claims" not in report.as_dict()["overall"]
    assert report.overall.places.fn == 1
