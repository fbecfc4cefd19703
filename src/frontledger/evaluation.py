"""Score the pipeline against hand-annotated articles: `articles.jsonl` (one article per
line: id, language, text, and url, outlet, published, title when known) and `gold.jsonl`
(per article id, its places and claims in the `extract` output's fields).

    evaluate(articles, gold, predict) -> EvalReport

`predict(article_dict) -> {"id", "places": [...], "claims": [...]}` is any extractor;
`default_predictor()` uses the claims stage when it is installed, else places only.

Places: precision, recall and F1 of (article, place) pairs. A gold place matches a
predicted one on geonameid; without one, a region matches on ISO 3166-2 (same name first,
then any region of that code); anything else on normalised English name + kind.
Claims: P/R/F1 of (article, place, kind, side, stance) tuples, side being the controller
for control claims and the actor otherwise; each gold claim matches at most one predicted
claim; over matched claims, accuracy of claimant_side and date, and fraction MAE.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

Article = dict[str, Any]
Predictor = Callable[[Article], dict[str, Any]]
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REPEATED_I = re.compile(r"i+")


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class ClaimDetails:
    """Agreement on the claims that matched."""

    matched: int = 0
    claimant_side_right: int = 0
    date_right: int = 0
    fraction_errors: list[float] = field(default_factory=list)

    def add(self, other: ClaimDetails) -> None:
        self.matched += other.matched
        self.claimant_side_right += other.claimant_side_right
        self.date_right += other.date_right
        self.fraction_errors += other.fraction_errors

    def as_dict(self) -> dict[str, float | int | None]:
        n = self.matched
        mae = (sum(self.fraction_errors) / len(self.fraction_errors)
               if self.fraction_errors else None)
        return {"matched": n,
                "claimant_side_accuracy": round(self.claimant_side_right / n, 4) if n else None,
                "date_accuracy": round(self.date_right / n, 4) if n else None,
                "fraction_mae": round(mae, 4) if mae is not None else None,
                "fraction_pairs": len(self.fraction_errors)}


@dataclass
class Scores:
    """Places and (when predicted) claims, for one slice of the articles."""

    articles: int = 0
    places: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    claim_details: ClaimDetails = field(default_factory=ClaimDetails)

    def add(self, other: Scores) -> None:
        self.articles += other.articles
        self.places.add(other.places)
        self.claims.add(other.claims)
        self.claim_details.add(other.claim_details)


@dataclass
class EvalReport:
    """Overall and per-language scores."""

    overall: Scores
    languages: dict[str, Scores]
    claims_scored: bool

    def as_dict(self) -> dict[str, Any]:
        def one(s: Scores) -> dict[str, Any]:
            out: dict[str, Any] = {"articles": s.articles, "places": s.places.as_dict()}
            if self.claims_scored:
                out["claims"] = s.claims.as_dict()
                out["claim_details"] = s.claim_details.as_dict()
            return out

        return {"overall": one(self.overall),
                "languages": {k: one(v) for k, v in sorted(self.languages.items())}}


def norm_name(name: str | None) -> str:
    """Normalised English name: ASCII, lower case, letters and digits only, with y and i
    merged, so that romanisation systems agree (Andriyivka, Andriivka; Myrnyi, Myrnii)."""
    plain = _NON_ALNUM.sub("", anyascii(name or "").lower())
    return _REPEATED_I.sub("i", plain.replace("y", "i"))


def _strict(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold.get("geonameid") is not None:
        return pred.get("geonameid") == gold["geonameid"]
    same_name = norm_name(pred.get("name")) == norm_name(gold.get("name"))
    if gold.get("kind") == "region" and gold.get("iso3166_2"):
        return pred.get("kind") == "region" and pred.get("iso3166_2") == gold["iso3166_2"] and (
            same_name)
    return same_name and pred.get("kind") == gold.get("kind")


def _lenient(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return (gold.get("geonameid") is None and gold.get("kind") == "region"
            and bool(gold.get("iso3166_2")) and pred.get("kind") == "region"
            and pred.get("iso3166_2") == gold["iso3166_2"])


def _greedy(gold: list[Any], pred: list[Any], rules: Iterable[Callable[[Any, Any], bool]]
            ) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index), each side used once, stricter rules first."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for rule in rules:
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(pred):
                if pi not in used_p and rule(g, p):
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


def _distinct_places(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for place in places:
        key: tuple[Any, ...] = (
            place.get("geonameid"), place.get("iso3166_2") if place.get("kind") == "region"
            else None, norm_name(place.get("name")), place.get("kind"))
        if place.get("geonameid") is not None:
            key = (place["geonameid"],)
        if key not in seen:
            seen.add(key)
            out.append(place)
    return out


def score_places(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Counts:
    """Counts for one article's places."""
    pred = _distinct_places(predicted)
    tp = len(_greedy(gold, pred, (_strict, _lenient)))
    return Counts(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)


def _claim_side(claim: dict[str, Any]) -> str | None:
    if claim.get("kind") == "control":
        return claim.get("controller_side") or claim.get("actor_side")
    return claim.get("actor_side")


def _same_claim_place(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold.get("geonameid") is not None:
        return pred.get("geonameid") == gold["geonameid"]
    if norm_name(pred.get("place")) == norm_name(gold.get("place")):
        return True
    return bool(gold.get("iso3166_2")) and pred.get("geonameid") is None and (
        pred.get("iso3166_2") == gold["iso3166_2"]
        and norm_name(pred.get("place"))[:4] == norm_name(gold.get("place"))[:4])


def _same_claim(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return (gold.get("kind") == pred.get("kind") and _claim_side(gold) == _claim_side(pred)
            and gold.get("stance") == pred.get("stance") and _same_claim_place(gold, pred))


def score_claims(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
                 ) -> tuple[Counts, ClaimDetails]:
    """Counts for one article's claims, and agreement on the matched ones."""
    pairs = _greedy(gold, predicted, (_same_claim,))
    details = ClaimDetails(matched=len(pairs))
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        details.claimant_side_right += g.get("claimant_side") == p.get("claimant_side")
        details.date_right += g.get("date") == p.get("date")
        if g.get("fraction") is not None and p.get("fraction") is not None:
            details.fraction_errors.append(abs(float(g["fraction"]) - float(p["fraction"])))
    tp = len(pairs)
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp), details


def evaluate(articles: list[Article], gold: dict[str, dict[str, Any]],
             predict: Predictor) -> EvalReport:
    """Run `predict` on every article that has gold answers and score the results."""
    overall, languages = Scores(), dict[str, Scores]()
    claims_scored = False
    for article in articles:
        answer = gold.get(article["id"])
        if answer is None:
            continue
        prediction = predict(article)
        one = Scores(articles=1, places=score_places(answer.get("places", []),
                                                     prediction.get("places", [])))
        if "claims" in prediction:
            claims_scored = True
            one.claims, one.claim_details = score_claims(answer.get("claims", []),
                                                         prediction["claims"])
        overall.add(one)
        languages.setdefault(article.get("language") or "unknown", Scores()).add(one)
    return EvalReport(overall, languages, claims_scored)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def places_predictor(article: Article) -> dict[str, Any]:
    """Places only: the geoparse of the article's text (what gold annotates), no metonyms."""
    from frontledger.places import geoparse

    text = article.get("text") or ""
    mentions = geoparse(text, article.get("language"))
    return {"id": article["id"],
            "places": [asdict(m) for m in mentions if not m.metonym]}


def default_predictor() -> tuple[Predictor, bool]:
    """The claims stage's `extract_article` when importable, else places only."""
    try:
        from frontledger.claims import extract_article
    except ImportError:
        return places_predictor, False
    return extract_article, True


def format_report(report: EvalReport) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'slice':<10}{'n':>4}  {'what':<7}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}"
             f"{'fn':>5}"]
    rows = [("overall", report.overall), *sorted(report.languages.items())]
    for name, scores in rows:
        parts = [("places", scores.places)]
        if report.claims_scored:
            parts.append(("claims", scores.claims))
        for what, c in parts:
            lines.append(f"{name:<10}{scores.articles:>4}  {what:<7}{c.precision:>7.3f}"
                         f"{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>5}{c.fn:>5}")
    if report.claims_scored:
        d = report.overall.claim_details.as_dict()
        lines.append(f"matched claims: {d['matched']}, claimant_side accuracy "
                     f"{d['claimant_side_accuracy']}, date accuracy {d['date_accuracy']}, "
                     f"fraction MAE {d['fraction_mae']} over {d['fraction_pairs']}")
    return "\n".join(lines)
